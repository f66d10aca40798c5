#!/usr/bin/env python3
"""Times `attune status --prompt` with a huge month file for this week, against a full
read of the same week (`attune status`, which reads it all) measured in the same run.

Run from the repository root:  python3 scripts/bench_prompt.py [--mb N] [--runs N]
It builds a release binary, records one check-in in a temp folder (never the real home),
pads that month file with N MB of valid JSON records, and prints median and max wall
times in milliseconds. The prompt's budget is 50 ms.
"""
import argparse, json, os, statistics, subprocess, tempfile, time, uuid

def run(cmd, env):
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000

def measure(cmd, env, runs):
    run(cmd, env)  # warm-up
    times = [run(cmd, env) for _ in range(runs)]
    return statistics.median(times), max(times)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=155)
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--no-build", action="store_true", help="use target/release/attune as it is")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], check=True)
    bin_ = os.path.abspath("target/release/attune")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=os.path.join(tmp, "home"), ATTUNE_DATA_DIR=os.path.join(tmp, "data"),
                   ATTUNE_STATE_DIR=os.path.join(tmp, "state"), ATTUNE_CONFIG_DIR=os.path.join(tmp, "config"),
                   NO_COLOR="1")
        subprocess.run([bin_, "checkin", "--distress", "3"], env=env, check=True, stdout=subprocess.DEVNULL)
        records = os.path.join(env["ATTUNE_DATA_DIR"], "records")
        device = os.path.join(records, os.listdir(records)[0])
        path = os.path.join(device, os.listdir(device)[0])
        small = measure([bin_, "status", "--prompt"], env, args.runs)
        with open(path) as f:
            doc = json.load(f)
        first = doc["records"][0]
        want = args.mb * 1024 * 1024
        size, out = 0, []
        while size < want:
            r = dict(first, id=str(uuid.uuid4()), note="x" * 900)
            out.append(r)
            size += len(json.dumps(r))
        doc["records"].extend(out)
        with open(path, "w") as f:
            json.dump(doc, f)
        mb = os.path.getsize(path) / 1e6
        prompt = measure([bin_, "status", "--prompt"], env, args.runs)
        full = measure([bin_, "status"], env, max(3, args.runs // 3))
    print(f"| what | median ms | max ms |")
    print(f"| --- | --- | --- |")
    print(f"| `status --prompt`, one small month | {small[0]:.1f} | {small[1]:.1f} |")
    print(f"| `status --prompt`, a {mb:.0f} MB month (prints nothing) | {prompt[0]:.1f} | {prompt[1]:.1f} |")
    print(f"| `status` (reads it all), the same {mb:.0f} MB month | {full[0]:.1f} | {full[1]:.1f} |")

if __name__ == "__main__":
    main()
