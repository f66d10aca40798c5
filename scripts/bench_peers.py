#!/usr/bin/env python3
"""Side by side with the peers (issue 18): attune and the programs it is compared with,
in the same run, on the same data, at the same terminal size; one table.

    python3 scripts/bench_peers.py                      # everything: about 5 minutes
    python3 scripts/bench_peers.py --runs 5 --seconds 10
    python3 scripts/bench_peers.py --only pacer --only search
    python3 scripts/bench_peers.py --no-build           # use target/release as it is

The peers, installed on first use into target/ (never into the system or the home):

- tui_breath (the Rust ratatui pacer on crates.io), pinned, with `cargo install --root
  target/bench-peers/tui_breath-VERSION`;
- jrnl (PyPI), pinned, in the private virtualenv of scripts/bench_journal.py;
- Python's own json module (this interpreter): the baseline of the full read.

Rows:

- pacer (tmux, 100x30, the same 4 s in / 6 s out pattern): attune `breathe --pattern
  exhale-4-6`, tui_breath "Diaphragmatic Breathing" (Inhale 4s, Exhale 6s), both running
  at once in one private tmux server. CPU % of one core from /proc/PID/stat over one
  quiet window of --seconds for both together; then, one program after the other, the
  visible changes a second (`tmux capture-pane -p -e` at 50 Hz, counting samples that
  differ from the one before) and the bytes a second written to the terminal (`tmux
  pipe-pane -O`); peak memory is VmHWM of the program's own process at the end.
- journal, on the same 5,000 entries (a 10-year generated history; jrnl gets the same
  entries as its journal file): `journal list --limit 10` vs `jrnl -n 10`; `journal
  search WORD` vs `jrnl -contains WORD --short`, each a fresh process, and again right
  after a `journal new`; `journal new` vs `jrnl`, the text on stdin. Median wall times
  of --runs runs after one warm-up, the two programs alternating.
- read: `attune history --json` (every record of the 10 years) against `json.loads` of
  every month file of the same store in a fresh Python, timed inside Python around the
  reads and parses only (so Python's start-up is not counted against it).

Every program runs with HOME, XDG_* and ATTUNE_* pointing into one temp folder, removed
at the end (tmux server too) even when something fails. Anything a peer prints is
untrusted: only its numbers are used, and text shown from it has control characters
replaced. A peer that cannot be installed or measured is reported, and attune's figures
are still printed. Standard library only (Python 3.11+); needs tmux and cargo.
"""

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_breathe as breathe  # noqa: E402
import bench_journal as journal  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "target" / "bench-peers"
TUI_BREATH_VERSION = "0.4.1"
YEARS = 10
PATTERN = "exhale-4-6"  # attune's 4 s in, 6 s out; tui_breath's "Diaphragmatic Breathing"
WORD = journal.WORD

# key: (label, unit, higher is better)
ROWS = {
    "pacer-cpu": ("pacer CPU, % of one core (quiet window)", "%", False),
    "pacer-changes": ("pacer visible changes a second (capture-pane at 50 Hz)", "/s", True),
    "pacer-bytes": ("pacer bytes a second to the terminal (pipe-pane)", "KB/s", False),
    "pacer-memory": ("pacer peak memory (VmHWM)", "MB", False),
    "list": ("`journal list --limit 10` vs `jrnl -n 10`", "ms", False),
    "search": (f"`journal search {WORD}` vs `jrnl -contains {WORD} --short`", "ms", False),
    "search-after-new": ("the same search, right after a new entry", "ms", False),
    "new": ("`journal new` vs `jrnl`, text on stdin", "ms", False),
    "read": ("full read of 10 years: `history --json` vs Python `json.loads` of the "
             "month files", "ms", False),
}
GROUPS = {"pacer": [k for k in ROWS if k.startswith("pacer-")],
          "journal": ["list", "search", "search-after-new", "new"]}


def clean(text, limit=2000):
    """Text from a program we do not trust, safe to print: control characters (escape
    sequences included) replaced, and cut to `limit` characters."""
    text = str(text)[:limit]
    return "".join(c if c == "\n" or (c.isprintable() and c != "\x1b") else "?"
                   for c in text)


class PeerMissing(Exception):
    """A peer could not be installed or measured; its rows are printed without it."""


# --- installs ----------------------------------------------------------------------


def build_attune(no_build):
    """The attune and gen_history release binaries, built unless --no-build."""
    release = REPO / "target" / "release"
    attune, gen = release / "attune", release / "examples" / "gen_history"
    if not no_build:
        for extra in ([], ["--example", "gen_history"]):
            subprocess.run(["cargo", "build", "--release", "--quiet", *extra], cwd=REPO,
                           check=True)
    for binary in (attune, gen):
        if not os.access(binary, os.X_OK):
            sys.exit(f"bench_peers: no {binary}: run `cargo build --release` and `cargo "
                     "build --release --example gen_history` (or drop --no-build)")
    return attune, gen


def tui_breath_binary():
    """The pinned tui_breath, installed from crates.io into target/bench-peers/ if missing."""
    root = CACHE / f"tui_breath-{TUI_BREATH_VERSION}"
    binary = root / "bin" / "tui_breath"
    if binary.exists():
        return binary
    CACHE.mkdir(parents=True, exist_ok=True)
    log = CACHE / f"tui_breath-{TUI_BREATH_VERSION}-install.log"
    print(f"installing tui_breath {TUI_BREATH_VERSION} with cargo install (log: {log}) ...",
          flush=True)
    with open(log, "w") as out:
        done = subprocess.run(
            ["cargo", "install", "--locked", "--root", root, "tui_breath",
             "--version", TUI_BREATH_VERSION],
            cwd=CACHE, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0 or not binary.exists():
        tail = clean("".join(open(log).readlines()[-5:]))
        raise PeerMissing(f"`cargo install tui_breath --version {TUI_BREATH_VERSION}` "
                          f"failed (exit {done.returncode}); the end of {log}:\n{tail}")
    return binary


def jrnl_binary():
    """bench_journal's pinned jrnl, with a clear message when pip cannot install it."""
    try:
        return journal.jrnl_binary()
    except (subprocess.CalledProcessError, OSError) as e:
        raise PeerMissing(f"jrnl=={journal.JRNL_VERSION} could not be installed with pip "
                          f"into target/bench-journal/: {e}")


def version_of(argv, env=None):
    """The first line a program prints for --version, cleaned, or why not."""
    try:
        done = subprocess.run([str(a) for a in argv], env=env, capture_output=True,
                              text=True, timeout=30, errors="replace")
        return clean((done.stdout or done.stderr).strip().splitlines()[0], 120)
    except (OSError, subprocess.TimeoutExpired, IndexError) as e:
        return f"unknown ({clean(e, 120)})"


# --- environments ------------------------------------------------------------------


def tmux_vars(env):
    """The sandbox variables of env, to pass to a tmux session with -e."""
    return {k: v for k, v in env.items()
            if k == "HOME" or k.startswith(("XDG_", "ATTUNE_"))}


def history_env(root, name, gen_history):
    """A sandbox (bench_journal's) holding the generated 10-year history."""
    env = journal.sandbox_env(root, name)
    summary = journal.generate_history(gen_history, YEARS, env)
    return env, summary


# --- pacer -------------------------------------------------------------------------


def start_tui_breath(tmux, binary, root, cycles):
    """tui_breath in session "tui_breath": Diaphragmatic Breathing (4 s in, 6 s out),
    `cycles` cycles at 1.0x, started and animating; return its pid."""
    env = journal.sandbox_env(root, "tui_breath")
    # Its update check: a fresh cache says 'no newer version', so it makes no network
    # request and shows no update prompt (whose `u` key would run `cargo install`).
    cache = Path(env["XDG_DATA_HOME"], "tui_breath", "last_check.json")
    cache.parent.mkdir(parents=True, exist_ok=True)
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    cache.write_text(f'{{"checked_at": "{now}", "latest_version": "{TUI_BREATH_VERSION}"}}')
    session = "tui_breath"
    pid = tmux.start(session, [binary], tmux_vars(env))
    breathe.wait_for_screen(tmux, session, lambda s: "Diaphragmatic" in s, 10,
                            "tui_breath's pattern menu")
    time.sleep(0.3)
    tmux.keys(session, "Down", "Down", "Enter")  # the third pattern: Diaphragmatic
    breathe.wait_for_screen(
        tmux, session, lambda s: "Session Setup" in s and "Diaphragmatic Breathing" in s
        and "Inhale 4s" in s and "Exhale 6s" in s, 5, "tui_breath's setup of Diaphragmatic")
    for _ in range(max(0, cycles - 30)):  # 30 cycles by default; '+' adds one
        tmux.keys(session, "+")
    breathe.wait_for_screen(tmux, session, lambda s: f"{max(cycles, 30)} units" in s, 5,
                            f"tui_breath's setup at {cycles} cycles")
    tmux.keys(session, "Enter")
    breathe.wait_for_screen(tmux, session, lambda s: "Cycle:" in s and "Elapsed" in s, 5,
                            "tui_breath's session")
    breathe.check_animates(tmux, session, "tui_breath")
    return pid


def measure_pacers(attune, gen_history, tui_breath, root, seconds, rounds):
    """attune and tui_breath side by side in one tmux server; return
    {program: {"cpu": [...], "changes": [...], "bytes": [...], "memory": KiB}} and the
    failure of tui_breath, if any."""
    home = Path(root, "tmux-home")
    home.mkdir()
    tmux = breathe.Tmux(home)
    tmux.env = {k: v for k, v in tmux.env.items()
                if not k.startswith(("ATTUNE_", "XDG_", "JRNL"))}
    window_total = rounds * 3 * seconds + 30
    attune = str(attune)
    try:
        baseline = tmux.start("baseline", ["cat"], breathe.fresh_env(root, "baseline"))
        env, _ = history_env(root, "pacer", gen_history)
        # attune as a returning user (first-run notice seen) with 10 years stored.
        breathe.returning_user(tmux, attune, root, "attune-first", env=tmux_vars(env))
        pids = {"attune": breathe.start_pacer(
            tmux, attune, "attune", tmux_vars(env), pattern=PATTERN,
            minutes=math.ceil(window_total / 60) + 1)}
        missing = None
        if isinstance(tui_breath, PeerMissing):
            missing = tui_breath
        else:
            try:
                pids["tui_breath"] = start_tui_breath(
                    tmux, str(tui_breath), root, max(30, math.ceil(window_total / 10) + 3))
            except breathe.Unmeasurable as e:
                missing = PeerMissing(f"tui_breath could not be measured: {clean(e)}")
        server = tmux.server_pid()
        got = {p: {"cpu": [], "changes": [], "bytes": [], "hz": [], "sampled_cpu": []}
               for p in pids}
        context = {"baseline": [], "tmux": []}
        for r in range(rounds):
            quiet = breathe.measure_cpu([*pids.values(), baseline, server], seconds)
            for p, pid in pids.items():
                got[p]["cpu"].append(quiet[pid]["cpu"])
            context["baseline"].append(quiet[baseline]["cpu"])
            context["tmux"].append(quiet[server]["cpu"])
            order = list(pids) if r % 2 == 0 else list(reversed(pids))
            for p in order:
                try:
                    s = breathe.sample_pacer(tmux, p, pids[p], root, seconds)
                except breathe.Unmeasurable as e:
                    if p == "attune":
                        raise
                    missing = PeerMissing(f"tui_breath could not be measured: {clean(e)}")
                    del got[p], pids[p]
                    continue
                got[p]["changes"].append(s["changes"])
                got[p]["bytes"].append(s["bytes"])
                got[p]["hz"].append(s["hz"])
                got[p]["sampled_cpu"].append(s["sampled"]["cpu"])
                got[p]["memory"] = s["memory"]
        return got, context, missing
    finally:
        tmux.kill()


# --- commands ----------------------------------------------------------------------


PARSE_ALL = r"""
import json, sys, time
from pathlib import Path
files = sorted(Path(sys.argv[1]).glob("records/*/*.json"))
t = time.perf_counter()
for f in files:
    json.loads(f.read_bytes())
ms = (time.perf_counter() - t) * 1000
print(f"{ms} {len(files)} {sum(f.stat().st_size for f in files)}")
"""


def measure_read(attune, env, runs):
    """`attune history --json` (wall) against Python's json.loads of every month file
    (timed inside Python), alternating, after one warm-up each."""
    a_ms, p_ms, p_wall = [], [], []
    facts = ""
    for i in range(runs + 1):
        took = journal.timed([attune, "history", "--json"], env)
        started = time.perf_counter()
        out = journal.sh([sys.executable, "-c", PARSE_ALL, env["ATTUNE_DATA_DIR"]], env)
        wall = (time.perf_counter() - started) * 1000
        ms, files, size = out.split()
        facts = f"{files} month files, {int(size) / 1e6:.1f} MB"
        if i:
            a_ms.append(took)
            p_ms.append(float(ms))
            p_wall.append(wall)
    return a_ms, p_ms, p_wall, facts


def measure_journal(attune, jrnl, env, runs, keys):
    """The journal rows side by side with jrnl (bench_journal's side_by_side)."""
    a, j = [attune, "journal"], [jrnl] if jrnl else None
    out = {}
    reads = []
    if "list" in keys:
        reads += [("a list", a + ["list", "--limit", "10"], env, None)]
        reads += [("j list", j + ["-n", "10"], env, None)] if j else []
    if "search" in keys:
        reads += [("a search", a + ["search", WORD], env, None)]
        reads += [("j search", j + ["-contains", WORD, "--short"], env, None)] if j else []
    if reads:
        out.update(journal.side_by_side(reads, runs))
    if "new" in keys or "search-after-new" in keys:
        writes = [("a new", a + ["new"], env, journal.note),
                  ("a search after", a + ["search", WORD], env, None)]
        if j:
            writes += [("j new", j, env, journal.note),
                       ("j search after", j + ["-contains", WORD, "--short"], env, None)]
        out.update(journal.side_by_side(writes, runs))
    return out


# --- the table ---------------------------------------------------------------------


def figure(value, unit):
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.2f}%"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "KB/s":
        return f"{value:.2f} KB/s"
    if unit == "/s":
        return f"{value:.1f}/s"
    return f"{value:.1f} ms"


def table_row(key, attune, peers):
    """attune's figure, the best of peers {name: figure} and the ratio."""
    label, unit, higher = ROWS[key]
    peers = {n: v for n, v in peers.items() if v is not None}
    if not peers:
        return [label, figure(attune, unit), "—", "—", "no peer measured"]
    name = (max if higher else min)(peers, key=peers.get)
    best = peers[name]
    ahead = attune > best if higher else attune < best
    lo, hi = sorted([attune, best])
    ratio = "=" if lo == hi else (f"{hi / lo:.1f}x" if lo > 0 else "∞")
    verdict = "even" if lo == hi else ("ahead" if ahead else "behind")
    return [label, figure(attune, unit), figure(best, unit), name, f"{ratio} {verdict}"]


def print_table(rows):
    head = ["row", "attune", "best peer", "peer", "ratio"]
    print("| " + " | ".join(head) + " |")
    print("| --- | ---: | ---: | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")


def load():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def median(xs):
    return statistics.median(xs) if xs else None


# --- main --------------------------------------------------------------------------


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=10,
                   help="timed runs per command, after one warm-up (default 10)")
    p.add_argument("--seconds", type=float, default=30,
                   help="length of each pacer window in seconds (default 30)")
    p.add_argument("--rounds", type=int, default=1,
                   help="pacer rounds (quiet window + sampling of each); default 1")
    p.add_argument("--only", action="append", choices=[*ROWS, *GROUPS],
                   help="only this row (repeatable); 'pacer' and 'journal' name groups")
    p.add_argument("--no-build", action="store_true",
                   help="do not run cargo build; use target/release as it is")
    args = p.parse_args()
    keys = set()
    for k in args.only or list(ROWS):
        keys.update(GROUPS.get(k, [k]))
    want_pacer = bool(keys & set(GROUPS["pacer"]))
    want_journal = bool(keys & set(GROUPS["journal"]))
    if want_pacer and not shutil.which("tmux"):
        sys.exit("bench_peers: the pacer rows need tmux (apt-get install tmux)")

    print(f"load average at start: {load()}", flush=True)
    attune_src, gen_src = build_attune(args.no_build)
    tui_breath = jrnl = None
    problems = []
    if want_pacer:
        try:
            tui_breath = tui_breath_binary()
        except PeerMissing as e:
            tui_breath = e
            problems.append(str(e))
    if want_journal:
        try:
            jrnl = jrnl_binary()
        except PeerMissing as e:
            problems.append(str(e))

    root = Path(tempfile.mkdtemp(prefix="attune-bench-peers-"))
    try:
        rows = bench(args, keys, root, attune_src, gen_src, tui_breath, jrnl, problems)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nload average at end: {load()}\n")
    print_table(rows)
    for problem in problems:
        print(f"\nbench_peers: {problem}", file=sys.stderr)
    return 1 if problems else 0


def bench(args, keys, root, attune_src, gen_src, tui_breath, jrnl, problems):
    """Everything in the temp folder `root`; return the table's rows."""
    # Copies, so a `cargo build` elsewhere during the run cannot mix two versions.
    attune = Path(shutil.copy2(attune_src, root / "attune"))
    gen_history = Path(shutil.copy2(gen_src, root / "gen_history"))
    commit = journal.sh(["git", "rev-parse", "--short", "HEAD"], cwd=REPO).strip()
    dirty = journal.sh(["git", "status", "--porcelain", "--", "src", "Cargo.toml",
                        "Cargo.lock"], cwd=REPO).strip()
    print(f"attune: {version_of([attune, '--version'])}, commit {commit}"
          + (" with uncommitted changes under src/" if dirty else "")
          + f", built {time.ctime(attune_src.stat().st_mtime)}")
    if isinstance(tui_breath, Path):
        print(f"tui_breath: {TUI_BREATH_VERSION} (crates.io, cargo install --locked)")
    print(f"Python: {sys.version.split()[0]} (json module); "
          f"tmux: {version_of(['tmux', '-V'])}; nproc {os.cpu_count()}", flush=True)

    env, summary = history_env(root, "attune", gen_history)
    print(f"history ({YEARS} years): {clean(summary)}", flush=True)
    result = {}

    if keys & set(GROUPS["journal"]):
        if jrnl:
            print(f"jrnl: {version_of([jrnl, '--version'], env)} (PyPI, pinned "
                  f"{journal.JRNL_VERSION})")
            try:
                journal.jrnl_from_attune(attune, jrnl, root, env)
            except SystemExit as e:  # bench_journal's sh() exits on a failed command
                problems.append(f"jrnl could not be set up: {clean(e)}")
                jrnl = None
        cold = journal.timed([attune, "journal", "search", WORD], env)
        print(f"attune's very first search (builds its index from nothing): {cold:.0f} ms "
              "(not in the table)", flush=True)

    if "read" in keys:
        print(f"read: {args.runs} runs each ...", flush=True)
        a_ms, p_ms, p_wall, facts = measure_read(attune, env, args.runs)
        print(f"  {facts}; Python's whole process (start-up included): median "
              f"{median(p_wall):.1f} ms")
        result["read"] = (median(a_ms), {"Python json.loads": median(p_ms)})

    jkeys = keys & set(GROUPS["journal"])
    if jkeys:
        print(f"journal: {args.runs} runs each ...", flush=True)
        t = measure_journal(attune, jrnl, env, args.runs, jkeys)
        name = f"jrnl {journal.JRNL_VERSION}"
        for key, a, j in (("list", "a list", "j list"), ("search", "a search", "j search"),
                          ("new", "a new", "j new"),
                          ("search-after-new", "a search after", "j search after")):
            if key in jkeys:
                result[key] = (median(t[a]), {name: median(t.get(j, []))})

    pkeys = keys & set(GROUPS["pacer"])
    if pkeys:
        print(f"pacer: {args.rounds} round(s) of {args.seconds:g} s windows "
              f"({breathe.WIDTH}x{breathe.HEIGHT}) ...", flush=True)
        got, context, missing = measure_pacers(attune, gen_history, tui_breath, root,
                                               args.seconds, args.rounds)
        if missing and missing is not tui_breath:  # an install failure is listed already
            problems.append(str(missing))
        name = f"tui_breath {TUI_BREATH_VERSION}"
        for p, g in got.items():
            print(f"  {p}: CPU while sampled {median(g['sampled_cpu']):.2f}%, screen "
                  f"samples {median(g['hz']):.1f}/s, memory now: anonymous "
                  f"{g['memory']['RssAnon'] / 1024:.1f} MiB, files "
                  f"{g['memory']['RssFile'] / 1024:.1f} MiB")
        print(f"  idle cat: {median(context['baseline']):.2f}%; tmux server "
              f"{median(context['tmux']):.2f}% (quiet windows)")
        tb = got.get("tui_breath")
        figures = {
            "pacer-cpu": lambda g: median(g["cpu"]),
            "pacer-changes": lambda g: median(g["changes"]),
            "pacer-bytes": lambda g: median(g["bytes"]) / 1000,
            "pacer-memory": lambda g: g["memory"]["VmHWM"] * 1024 / 1e6,
        }
        for key in pkeys:
            result[key] = (figures[key](got["attune"]), {name: figures[key](tb) if tb else None})

    return [table_row(k, *result[k]) for k in ROWS if k in result]


if __name__ == "__main__":
    try:
        sys.exit(main())
    except breathe.Unmeasurable as e:
        sys.exit(f"bench_peers: could not measure attune: {clean(e)}")
