#!/usr/bin/env python3
"""Benchmark sound cues (issue 13): how soon after its phase boundary a cue's player
starts, and the pacer's CPU with sound on. The results go in BENCHMARKS.md.

A fake player (`pw-play`, the first attune looks for, first on PATH) notes the wall clock
($EPOCHREALTIME, a bash builtin, so no extra program runs) the moment it starts, then
"plays" for 0.3 s. What is measured, on the release binary, with throwaway folders:

1. plain: `attune breathe --plain --no-checkin --sound tones --pattern exhale-4-6`: each
   phase line is timestamped on arrival (time.time()); the boundary of line i is the first
   line's arrival plus its `[MM:SS.s]` stamp. Offset = player start - boundary. Also the
   offset from the line's own arrival.
2. full screen, in a private tmux server at 100x30: `attune breathe --no-checkin --sound
   tones`, Enter starts the pacer; the first cue (pacing's start) is the origin, and each
   later cue is compared with its boundary on exhale-4-6's exact schedule (0, 4, 10, 14 s
   ...). The first cue also makes its WAV file, so if it is late the others show as early
   by as much: the range says how closely they keep to the schedule. Meanwhile attune's own CPU (utime+stime, all threads) over the window, and at the
   end the children still there and any zombies among them.

The offsets include the fake player's own start-up (bash), so they are an upper bound of
attune's part. Standard library only; needs tmux for part 2. Exits 0 even when a number
misses its target (a benchmark, not a test).

    cargo build --release
    python3 scripts/bench_sound.py            # 2-minute runs
    python3 scripts/bench_sound.py --quick    # 30 s runs
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_breathe as bb  # noqa: E402  (the shared tmux and /proc helpers)

FAKE = """#!/bin/bash
printf '%s\\n' "$EPOCHREALTIME" >> "$CUE_LOG"
exec sleep 0.3
"""
# exhale-4-6: a phase starts every 4 then 6 seconds.
def boundaries(n):
    return [10 * (i // 2) + 4 * (i % 2) for i in range(n)]


def fake_player(root):
    bin_dir = Path(root, "fakebin")
    bin_dir.mkdir()
    player = bin_dir / "pw-play"
    player.write_text(FAKE)
    player.chmod(0o755)
    return bin_dir


def cue_times(log):
    return [float(x) for x in Path(log).read_text().split()] if Path(log).exists() else []


def summary(offsets_s):
    ms = [o * 1000 for o in offsets_s]
    return {"median": statistics.median(ms), "worst": max(ms, key=abs), "n": len(ms),
            "low": min(ms), "high": max(ms)}


def measure_plain(binary, root, minutes, bin_dir):
    log = Path(root, "plain-cues.log")
    env = dict(os.environ, **bb.fresh_env(root, "plain"))
    env.update(PATH=f"{bin_dir}:{env['PATH']}", CUE_LOG=str(log))
    argv = [binary, "breathe", "--plain", "--no-checkin", "--minutes", str(minutes),
            "--pattern", "exhale-4-6", "--sound", "tones"]
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = []
    for raw in proc.stdout:
        arrived = time.time()
        if m := bb.PHASE_LINE.match(raw.decode()):
            lines.append((int(m[1]) * 60 + int(m[2]) + int(m[3]) / 10, arrived))
    if proc.wait() != 0:
        raise bb.Unmeasurable(f"plain run failed: {proc.stderr.read().decode()}")
    time.sleep(0.5)
    cues = cue_times(log)
    if len(cues) < len(lines):
        raise bb.Unmeasurable(f"{len(cues)} cues for {len(lines)} phase lines")
    first = lines[0][1]
    vs_boundary = [c - (first + stamp) for c, (stamp, _) in zip(cues, lines)]
    vs_line = [c - arrived for c, (_, arrived) in zip(cues, lines)]
    return {"boundary": summary(vs_boundary[1:]), "line": summary(vs_line),
            "cues": len(cues), "lines": len(lines)}


def children(pid):
    """(children, zombies) of pid, over all its threads."""
    kids = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids += (task / "children").read_text().split()
        except FileNotFoundError:
            continue
    zombies = 0
    for kid in kids:
        try:
            stat = Path(f"/proc/{kid}/stat").read_text()
            zombies += stat[stat.rindex(")") + 2] == "Z"
        except FileNotFoundError:
            continue
    return len(kids), zombies


def measure_tui(binary, root, seconds, bin_dir):
    log = Path(root, "tui-cues.log")
    tmux = bb.Tmux(Path(root, "tmux-home"))
    Path(root, "tmux-home").mkdir()
    try:
        env = bb.returning_user(tmux, binary, root, "pacer")
        minutes = max(1, round(seconds / 60 + 1))
        # Through env(1): the pane's shell may set its own PATH; env then execs attune,
        # so the pane's pid is attune's.
        argv = ["env", f"PATH={bin_dir}:{os.environ['PATH']}", f"CUE_LOG={log}",
                binary, "breathe", "--no-checkin", "--minutes", str(minutes),
                "--pattern", "exhale-4-6", "--sound", "tones"]
        pid = tmux.start("pacer", argv, env)
        preview = bb.wait_for_screen(tmux, "pacer", str.strip, 5, "the preview")
        time.sleep(0.3)
        tmux.keys("pacer", "Enter")
        bb.wait_for_screen(tmux, "pacer", lambda s: s != preview, 5, "the pacer")
        cpu = bb.measure_cpu([pid], seconds)[pid]
        kids, zombies = children(pid)
    finally:
        tmux.kill()
    cues = cue_times(log)
    if len(cues) < 3:
        raise bb.Unmeasurable(f"only {len(cues)} cues in the full screen")
    t0 = cues[0]
    offsets = [c - (t0 + b) for c, b in zip(cues, boundaries(len(cues)))]
    return {"boundary": summary(offsets[1:]), "cpu": cpu, "cues": len(cues),
            "children": kids, "zombies": zombies}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 s runs")
    parser.add_argument("--seconds", type=int, help="run length (default 120, 30 with --quick)")
    parser.add_argument("--only", choices=["plain", "screen"], help="run only this part")
    parser.add_argument("--binary", default=str(bb.REPO / "target/release/attune"))
    args = parser.parse_args()
    seconds = args.seconds or (30 if args.quick else 120)
    binary = str(Path(args.binary).resolve())
    if not os.access(binary, os.X_OK):
        raise bb.Unmeasurable(f"no binary at {binary}: run `cargo build --release` first")
    print(f"machine: {bb.machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="attune-bench-sound-") as root:
        binary = str(shutil.copy2(binary, Path(root, "attune")))
        bin_dir = fake_player(root)
        plain = tui = None
        if args.only in (None, "plain"):
            print("1. plain ...", flush=True)
            plain = measure_plain(binary, root, seconds / 60, bin_dir)
        if args.only in (None, "screen"):
            print("2. full screen ...", flush=True)
            tui = measure_tui(binary, root, seconds, bin_dir)
    print(f"machine at the end: {bb.machine()}\n")
    print(bb.table(rows(plain, tui, seconds)))


def ms(s):
    return (f"median {s['median']:.1f} ms, worst {s['worst']:.1f} ms "
            f"({s['low']:.1f} to {s['high']:.1f}, {s['n']} cues)")


def rows(plain, tui, seconds):
    out = [("measurement", "value", "target", None)]
    if plain:
        out += [
            ("1. plain: cue start - boundary", ms(plain["boundary"]), "< 30 ms",
             abs(plain["boundary"]["worst"]) < 30),
            ("   plain: cue start - its line", ms(plain["line"]), "", None),
        ]
    if tui:
        out += [
            ("2. screen: cue start - boundary", ms(tui["boundary"]), "< 30 ms",
             abs(tui["boundary"]["worst"]) < 30),
            (f"   pacer CPU with sound, {seconds} s", bb.cpu_text(tui["cpu"]), "< 0.5%",
             bb.under_half_percent(tui["cpu"])),
            ("   children at the end (playing)", str(tui["children"]), "<= 1",
             tui["children"] <= 1),
            ("   zombies at the end", str(tui["zombies"]), "0", tui["zombies"] == 0),
        ]
    return out


if __name__ == "__main__":
    try:
        main()
    except bb.Unmeasurable as e:
        sys.exit(f"bench_sound: could not measure: {e}")
