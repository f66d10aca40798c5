#!/usr/bin/env python3
"""The full-screen pacer with a live heart source against the same pacer without one, in
one run: CPU (% of one core, both measured in the same quiet window), visible changes and
bytes a second to the terminal, and peak memory (VmHWM). The heart comes from a FIFO that a
small writer fills in real time with a heart at about 60 beats a minute swinging with a
10 s breath, as a strap's bridge would.

Run from the repository root:  python3 scripts/bench_heart_pacer.py [--seconds 30] [--no-build]
Needs tmux. Everything runs in a temp folder (never the real home), with a private tmux
server, removed at the end.
"""
import argparse, os, subprocess, sys, tempfile, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_breathe as bb  # noqa: E402

WRITER = """
import math, sys, time
t = 0.0
with open(sys.argv[1], "w") as f:
    while True:
        rr = 1000 + 50 * math.sin(2 * math.pi * 0.1 * t)
        t += rr / 1000
        time.sleep(rr / 1000)
        f.write(f"{rr:.0f}\\n")
        f.flush()
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-q"], check=True)
    binary = str(Path("target/release/attune").resolve())
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as root:
        tmux = bb.Tmux(Path(root, "home"))
        writer = None
        try:
            fifo = Path(root, "beats")
            os.mkfifo(fifo)
            writer = subprocess.Popen([sys.executable, "-c", WRITER, str(fifo)])
            # A session that stays, so the server lives on between the programs.
            tmux.start("hold", ["sleep", "3600"], {})
            plain_env = bb.returning_user(tmux, binary, root, "plain")
            heart_env = bb.returning_user(tmux, binary, root, "heart")
            plain = bb.start_pacer(tmux, binary, "plain", plain_env, "exhale-4-6", 5)
            heart = bb.start_pacer(tmux, binary, "heart", heart_env, "exhale-4-6", 5,
                                   ["--heart", str(fifo)])
            # Two breaths, so the heart row shows its numbers and trace.
            bb.wait_for_screen(tmux, "heart", lambda s: "swing" in s, 40, "the heart row")
            cpu = bb.measure_cpu([plain, heart], args.seconds)
            rows = []
            for name, session, pid in (("without a heart", "plain", plain),
                                       ("with a live heart", "heart", heart)):
                s = bb.sample_pacer(tmux, session, pid, root, args.seconds / 2)
                rows.append((name, cpu[pid]["cpu"], cpu[pid]["wakeups"], s["changes"],
                             s["bytes"] / 1024, s["memory"]["VmHWM"] / 1024))
        finally:
            if writer:
                writer.kill()
            tmux.kill()
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    print("| pacer, 100x30, exhale-4-6 | CPU % of one core | wake-ups/s | visible changes/s "
          "| KB/s to the terminal | VmHWM MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, c, w, ch, kb, mb in rows:
        print(f"| {name} | {c:.2f} | {w:.1f} | {ch:.1f} | {kb:.2f} | {mb:.1f} |")
    base, live = rows[0][1], rows[1][1]
    print(f"\nwith a heart / without: {live / base:.2f}x CPU" if base else "")


if __name__ == "__main__":
    main()
