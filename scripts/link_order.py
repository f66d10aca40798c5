#!/usr/bin/env python3
"""Write link/hot-functions.txt: the functions the daily loop runs, for the linker to
place together at the start of the code (build.rs passes the file to lld).

Why: the kernel maps a program's code in 64 KB blocks around each page it first runs.
Scattered over the whole binary, the few hundred functions a breathing session runs
touch most of its blocks; placed together, they touch a fifth of them (peak memory while
breathing, BENCHMARKS.md "Peak memory while breathing").

How: the release binary runs these journeys under valgrind's callgrind on a generated
10-year store, which notes every instruction run; each instruction's function (by the
binary's symbol table) goes into the list, the breathing journey's first:
  1. `attune breathe --no-checkin`, with the benchmarks' `--pattern` and without: the
     preview, Enter, some seconds of pacing, then q;
  2. bare `attune` as a returning user: the home screen, then q;
  3. `journal list --limit 10`, `journal search`, `status --prompt`, `trends --all --json`.

Run it again after changes that add, rename or move many functions, or after a new
toolchain or dependency versions (symbol names carry hashes of those): a stale list only
costs memory, never correctness. Needs valgrind and tmux.

Usage: python3 scripts/link_order.py [--no-build] [--check]
  --check   only say how many of the listed functions the current binary still has
"""

import argparse
import bisect
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_breathe as breathe  # noqa: E402
import bench_journal as journal  # noqa: E402
import bench_peers as peers  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ORDER = REPO / "link" / "hot-functions.txt"
HEADER = """\
# The functions attune's daily loop runs, in the order the linker places them first.
# Written by scripts/link_order.py (see there why and when to run it again); lld reads
# it through build.rs. Names carry hashes: a stale entry is skipped, never an error.
"""


def functions(binary):
    """(start, size, name) of every code symbol in binary, sorted by start."""
    out = subprocess.run(["nm", "-S", "--defined-only", str(binary)], check=True,
                         capture_output=True, text=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[2] in "tTwW":
            syms.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    return sorted(syms)


def run_functions(callgrind_out, binary, syms):
    """Names of the functions of `binary` that callgrind saw run, in address order."""
    starts = [s[0] for s in syms]
    seen, obj = set(), None
    with open(callgrind_out, errors="replace") as f:
        for line in f:
            if line.startswith("ob="):
                obj = line[3:].strip()
            elif line.startswith("0x") and obj == str(binary):
                addr = int(line.split()[0], 16)
                i = bisect.bisect_right(starts, addr) - 1
                if i >= 0 and addr < syms[i][0] + max(syms[i][1], 1):
                    seen.add(i)
    return [syms[i][2] for i in sorted(seen)]


def callgrind(out):
    return ["valgrind", "--tool=callgrind", "--dump-instr=yes", "--compress-pos=no",
            "--compress-strings=no", f"--callgrind-out-file={out}"]


def tui_journeys(binary, env, root):
    """Callgrind outputs of the breathing journey and the home screen."""
    home = Path(root, "tmux-home")
    home.mkdir()
    tmux = breathe.Tmux(home)
    outs = []
    try:
        # A session that stays, so the server outlives each journey's own.
        tmux.start("keep", ["cat"], breathe.fresh_env(root, "keep"))
        breathe.returning_user(tmux, str(binary), root, "first", env=peers.tmux_vars(env))
        for name, argv, start in (
            ("breathe", ["breathe", "--no-checkin", "--minutes", "2", "--pattern",
                         peers.PATTERN], "Enter"),
            ("breathe-chosen", ["breathe", "--no-checkin", "--minutes", "2"], "Enter"),
            ("home", [], None),
        ):
            out = Path(root, f"{name}.callgrind")
            pid = tmux.start(name, [*callgrind(out), str(binary), *argv],
                             peers.tmux_vars(env))
            first = breathe.wait_for_screen(tmux, name, str.strip, 60, f"the {name} screen")
            time.sleep(3)
            if start:
                tmux.keys(name, start)
                breathe.wait_for_screen(tmux, name, lambda s: s != first, 30, "the pacer")
                time.sleep(6)
            quit_all(tmux, name, pid)
            outs.append(out)
    finally:
        tmux.kill()
    return outs


def quit_all(tmux, session, pid):
    """Press q (and Esc, for a question on the way out) until the program has ended."""
    deadline = time.monotonic() + 60
    while breathe.running(pid):
        if time.monotonic() > deadline:
            raise breathe.Unmeasurable(f"{session} did not quit; the screen was:\n"
                                       + tmux.capture(session))
        try:
            tmux.keys(session, "q")
        except breathe.Unmeasurable:
            pass  # the session ended between the check and the key
        time.sleep(1.5)


def cli_journeys(binary, env, root):
    """Callgrind outputs of the everyday commands."""
    outs = []
    for i, argv in enumerate((["journal", "list", "--limit", "10"],
                              ["journal", "search", peers.WORD],
                              ["status", "--prompt"], ["trends", "--all", "--json"])):
        out = Path(root, f"cli-{i}.callgrind")
        subprocess.run([*callgrind(out), str(binary), *argv], env=env, check=True,
                       capture_output=True)
        outs.append(out)
    return outs


def check(binary):
    listed = [line.strip() for line in ORDER.read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    have = {name for _, _, name in functions(binary)}
    found = sum(name in have for name in listed)
    print(f"{found} of the {len(listed)} listed functions are in {binary}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.no_build:
        binary, gen_history = (REPO / "target" / "release" / "attune",
                               REPO / "target" / "release" / "examples" / "gen_history")
    else:
        binary, gen_history = journal.build_attune()
    if args.check:
        return check(binary)
    syms = functions(binary)
    with tempfile.TemporaryDirectory(prefix="attune-order-") as root:
        env, _ = peers.history_env(Path(root), "order", gen_history)
        outs = tui_journeys(binary, env, root) + cli_journeys(binary, env, root)
        order, placed = [], set()
        for out in outs:
            for name in run_functions(out, binary, syms):
                if name not in placed:
                    placed.add(name)
                    order.append(name)
    ORDER.write_text(HEADER + "".join(f"{name}\n" for name in order))
    print(f"{ORDER.relative_to(REPO)}: {len(order)} functions")


if __name__ == "__main__":
    sys.exit(main())
