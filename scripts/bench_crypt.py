#!/usr/bin/env python3
"""What encryption at rest costs on reads and writes: the same generated 10-year history
twice, one folder plain and one after `attune encrypt on`, each command timed on both in
the same run, interleaved (plain, encrypted, plain, ...) so a busy machine weighs on both.

Run from the repository root:  python3 scripts/bench_crypt.py [--years N] [--runs N]
It builds release binaries, generates the history in a temp folder (never the real home),
copies it, encrypts the copy (release scrypt: about a second, once), warms the local
indexes of both, then prints a markdown table of medians in milliseconds and their ratio.
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

def run(cmd, env):
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000

def folder(tmp, name):
    root = os.path.join(tmp, name)
    return dict(os.environ, HOME=os.path.join(root, "home"), ATTUNE_DATA_DIR=os.path.join(root, "data"),
                ATTUNE_STATE_DIR=os.path.join(root, "state"), ATTUNE_CONFIG_DIR=os.path.join(root, "config"),
                NO_COLOR="1")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q"], check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "--example", "gen_history"], check=True)
    bin_ = os.path.abspath("target/release/attune")
    with tempfile.TemporaryDirectory() as tmp:
        plain, sealed = folder(tmp, "plain"), folder(tmp, "sealed")
        subprocess.run(["target/release/examples/gen_history", "--years", str(args.years),
                        "--data-dir", plain["ATTUNE_DATA_DIR"], "--state-dir", plain["ATTUNE_STATE_DIR"]],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(os.path.join(tmp, "plain"), os.path.join(tmp, "sealed"), symlinks=True)
        pass_file = os.path.join(tmp, "pass")
        with open(pass_file, "w") as f:
            f.write("a passphrase for the benchmark\n")
        t = time.perf_counter()
        subprocess.run([bin_, "encrypt", "on", "--passphrase-file", pass_file], env=sealed, check=True,
                       stdout=subprocess.DEVNULL)
        turned = (time.perf_counter() - t) * 1000
        week_ago = time.strftime("%Y-%m-%d", time.localtime(time.time() - 6 * 86400))
        rows = [
            ("status --prompt", ["status", "--prompt"]),
            ("trends --week --json (a week's load)", ["trends", "--week", "--json"]),
            ("history --since <7 days ago> --json", ["history", "--since", week_ago, "--json"]),
            ("journal list --limit 10", ["journal", "list", "--limit", "10"]),
            ("journal search breath", ["journal", "search", "breath"]),
            ("trends --all --json (index warm)", ["trends", "--all", "--json"]),
            ("history --json (all 10 years)", ["history", "--json"]),
            ("checkin --distress 3 (durable write)", ["checkin", "--distress", "3"]),
        ]
        for _, cmd in rows:  # warm both folders' local indexes and caches
            run([bin_] + cmd, plain)
            run([bin_] + cmd, sealed)
        print(f"| command ({args.years} years, {args.runs} runs each) | plain median ms | encrypted median ms | encrypted / plain |")
        print("| --- | ---: | ---: | ---: |")
        for name, cmd in rows:
            p, s = [], []
            for _ in range(args.runs):
                p.append(run([bin_] + cmd, plain))
                s.append(run([bin_] + cmd, sealed))
            mp, ms = statistics.median(p), statistics.median(s)
            print(f"| {name} | {mp:.1f} | {ms:.1f} | {ms / mp:.2f}x |")
        exports(bin_, tmp, sealed, pass_file, args.runs)
        size = lambda env: sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(env["ATTUNE_DATA_DIR"]) for f in fs)
        print(f"\n`encrypt on` over the whole history (scrypt once, every month file sealed): {turned:.0f} ms.")
        print(f"Data folder: {size(plain) / 1e6:.1f} MB plain, {size(sealed) / 1e6:.1f} MB encrypted.")
        print(f"nproc {os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")

def exports(bin_, tmp, sealed, pass_file, runs):
    """From the encrypted folder: a plain export against an encrypted one, and importing
    each into a fresh folder (the encrypted one unwraps its key with the passphrase there:
    scrypt, by design about a second)."""
    plain_out, sealed_out = os.path.join(tmp, "export.json"), os.path.join(tmp, "export-sealed.json")
    pairs = [
        ("export --out F (10 years)", [bin_, "export", "--out", plain_out],
         "export --encrypt --out F", [bin_, "export", "--encrypt", "--out", sealed_out]),
    ]
    print("\n| from the encrypted folder | plain median ms | encrypted median ms | encrypted / plain |")
    print("| --- | ---: | ---: | ---: |")
    for name, a, name_b, b in pairs:
        p = [run(a, sealed) for _ in range(runs)]
        s = [run(b, sealed) for _ in range(runs)]
        mp, ms = statistics.median(p), statistics.median(s)
        print(f"| {name} vs {name_b} | {mp:.1f} | {ms:.1f} | {ms / mp:.2f}x |")
    p, s = [], []
    for i in range(max(3, runs // 3)):
        fresh_a, fresh_b = folder(tmp, f"fresh-a{i}"), folder(tmp, f"fresh-b{i}")
        p.append(run([bin_, "import", plain_out], fresh_a))
        s.append(run([bin_, "import", sealed_out, "--passphrase-file", pass_file], fresh_b))
    mp, ms = statistics.median(p), statistics.median(s)
    print(f"| import into a fresh folder (plain vs encrypted, with scrypt) | {mp:.1f} | {ms:.1f} | {ms / mp:.2f}x |")

if __name__ == "__main__":
    main()
