#!/usr/bin/env python3
"""Times attune's everyday commands on a generated 10-year history, each against the
cost of starting the binary at all (`attune --version`) measured in the same run.

Run from the repository root:  python3 scripts/bench_cli.py [--years N] [--runs N]
It builds release binaries, generates the history in a temp folder (never the real
home), warms the local indexes once, then prints a markdown table of min and median
wall times in milliseconds and their ratio to the start-up baseline.
"""
import argparse, os, statistics, subprocess, tempfile, time

def run(cmd, env, stdin=None):
    t = time.perf_counter()
    subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000

def measure(cmd, env, runs, stdin=None):
    run(cmd, env, stdin)  # warm-up
    times = [run(cmd, env, stdin) for _ in range(runs)]
    return min(times), statistics.median(times)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "--example", "gen_history"], check=True)
    bin_ = os.path.abspath("target/release/attune")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        env = dict(os.environ, HOME=os.path.join(tmp, "home"), ATTUNE_DATA_DIR=data,
                   ATTUNE_STATE_DIR=os.path.join(tmp, "state"), ATTUNE_CONFIG_DIR=os.path.join(tmp, "config"), NO_COLOR="1")
        subprocess.run(["target/release/examples/gen_history", "--years", str(args.years), "--data-dir", data,
                        "--state-dir", env["ATTUNE_STATE_DIR"]], check=True, stdout=subprocess.DEVNULL)
        t = time.perf_counter()
        subprocess.run([bin_, "trends", "--all", "--json"], env=env, stdout=subprocess.DEVNULL, check=True)
        cold = (time.perf_counter() - t) * 1000
        rows = [
            ("attune --version (start-up baseline)", [bin_, "--version"], None),
            ("attune status --prompt", [bin_, "status", "--prompt"], None),
            ("attune trends --week --json", [bin_, "trends", "--week", "--json"], None),
            ("attune trends --all --json (index warm)", [bin_, "trends", "--all", "--json"], None),
            ("attune history --since <7 days ago> --json", [bin_, "history", "--since", time.strftime("%Y-%m-%d", time.localtime(time.time() - 6 * 86400)), "--json"], None),
            ("attune journal list --limit 10", [bin_, "journal", "list", "--limit", "10"], None),
            ("attune checkin --distress 3 (durable write)", [bin_, "checkin", "--distress", "3"], None),
        ]
        base = None
        print(f"| command ({args.years} years, {args.runs} runs) | min ms | median ms | median / start-up |")
        print("| --- | ---: | ---: | ---: |")
        for name, cmd, stdin in rows:
            lo, med = measure(cmd, env, args.runs, stdin)
            base = base or med
            print(f"| {name} | {lo:.1f} | {med:.1f} | {med / base:.1f}x |")
        print(f"\nFirst `trends --all --json` after generating (builds its index): {cold:.0f} ms.")
        print(f"nproc {os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
