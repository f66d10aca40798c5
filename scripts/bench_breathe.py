#!/usr/bin/env python3
"""Benchmark `attune breathe` against DESIGN.md "Budgets"; the results go in BENCHMARKS.md.

What it measures, on the release binary (target/release/attune), in a private tmux server
(`tmux -L`) with 100x30 windows and throwaway data, state, config and home folders:

1. pacer CPU: `attune breathe --no-checkin --minutes 2` (as a user who has seen the
   first-run notice), Enter on the preview to start the pacer, 1 s to check it animates,
   then utime+stime from /proc/PID/stat over 30 s, as a percent of one core. Measured
   twice: once quiet, and once while parts 2 and 3 sample the screen.
2. visible changes a second: `tmux capture-pane -p -e` (text and colours) at 50 Hz over
   30 s, counting the samples that differ from the one before.
3. bytes written to the terminal a second, over the same 30 s (`tmux pipe-pane -O`).
4. peak memory: VmHWM from /proc/PID/status while the pacer runs (and RssAnon and
   RssFile, to tell the heap from the binary's mapped code).
5. idle CPU of the home screen: `attune`, Enter to dismiss the first-run notice, then 30 s.
6. timing of `attune breathe --plain --no-checkin --minutes 5 --pattern exhale-4-6`: each
   phase line is timestamped on arrival (time.monotonic) and its arrival after the first
   line is compared with its own `[MM:SS.s]` stamp (exact, as that pattern's phases start
   on whole seconds). Also the spread of (arrival - stamp) over all lines, which does not
   hang on the first line's own delay.

As context it also prints the noise floors measured in the same run: the CPU of an idle
`cat` in the same tmux setup over the same windows, and the timing of a plain Python sleep
loop printing the same stamps alongside part 6; and wake-ups (context switches) of each
measured process, the tmux server's CPU, and the machine.

Standard library only (Python 3.11+); needs tmux. The binary is copied first, so a
`cargo build` during the run cannot mix two versions.

    cargo build --release
    python3 scripts/bench_breathe.py              # about 7 minutes
    python3 scripts/bench_breathe.py --quick      # 10 s windows, 30 s plain run: a try-out
    python3 scripts/bench_breathe.py --only home  # parts: pacer, home, plain (repeatable)

Exits 0 even when a number misses its target (a benchmark, not a test), and non-zero with
a message when something could not be measured.
"""

import argparse
import os
import re
import selectors
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
REPO = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 100, 30
SAMPLE_HZ = 50
PHASE_LINE = re.compile(
    r"^\[(\d+):(\d\d)\.(\d)\] (Breathe in|Breathe out|Hold|A little more in) "
)


class Unmeasurable(Exception):
    """Something could not be measured; the run stops with this message."""


# --- /proc -------------------------------------------------------------------------


def proc_text(pid, name):
    """/proc/PID/<name>, or Unmeasurable if the process has ended."""
    try:
        return Path(f"/proc/{pid}/{name}").read_text()
    except (FileNotFoundError, ProcessLookupError):
        raise Unmeasurable(f"process {pid} ended while it was being measured")


def cpu_ticks(pid):
    """utime + stime of the whole process (all threads), in clock ticks."""
    stat = proc_text(pid, "stat")
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5)


def wakeups(pid):
    """Context switches (voluntary + involuntary) summed over the process's threads."""
    proc_text(pid, "stat")  # fails clearly if the process has ended
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            status = (task / "status").read_text()
        except FileNotFoundError:
            continue  # a thread that just ended
        total += sum(int(line.split()[1]) for line in status.splitlines()
                     if "ctxt_switches:" in line)
    return total


def running(pid):
    """True while the process exists and is not a zombie (tmux may reap it late)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def memory_kib(pid):
    """Peak resident memory (VmHWM), and the resident memory now split into anonymous
    (the heap and stacks) and file-backed (mostly the binary's own code), in KiB."""
    status = dict(line.split(":", 1) for line in proc_text(pid, "status").splitlines())
    return {k: int(status[k].split()[0]) for k in ("VmHWM", "RssAnon", "RssFile")}


def measure_cpu(pids, seconds, during=None):
    """CPU % of one core and wake-ups a second for each pid over `seconds`.

    `during(seconds)` runs in the window if given (it must take `seconds`); otherwise
    this just sleeps."""
    before = {p: (cpu_ticks(p), wakeups(p)) for p in pids}
    start = time.monotonic()
    (during or time.sleep)(seconds)
    elapsed = time.monotonic() - start
    result = {}
    for p in pids:
        ticks = cpu_ticks(p) - before[p][0]
        result[p] = {
            "cpu": 100.0 * ticks / TICKS / elapsed,
            "ticks": ticks,
            "wakeups": (wakeups(p) - before[p][1]) / elapsed,
        }
    return result


# --- tmux --------------------------------------------------------------------------


class Tmux:
    """A private tmux server; one detached session per measured program."""

    def __init__(self, home):
        self.name = f"attune-bench-{os.getpid()}"
        self.env = {k: v for k, v in os.environ.items() if k != "TMUX"}
        self.env["HOME"] = str(home)
        self.pids = []

    def run(self, *args):
        cmd = ["tmux", "-L", self.name, "-f", "/dev/null", *args]
        done = subprocess.run(cmd, env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise Unmeasurable(f"{shlex.join(cmd)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, session, argv, env):
        """Start `argv` in a new WIDTHxHEIGHT session; return the program's pid."""
        flags = [a for k, v in env.items() for a in ("-e", f"{k}={v}")]
        cmd = "exec " + shlex.join(argv)
        self.run("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT),
                 *flags, cmd)
        pid, size = self.run("display", "-p", "-t", session,
                             "#{pane_pid} #{pane_width}x#{pane_height}").split()
        if size != f"{WIDTH}x{HEIGHT}":
            raise Unmeasurable(f"tmux made a {size} window, not {WIDTH}x{HEIGHT}")
        self.pids.append(int(pid))
        return int(pid)

    def capture(self, session):
        return self.run("capture-pane", "-p", "-e", "-t", session)

    def keys(self, session, *keys):
        self.run("send-keys", "-t", session, *keys)

    def server_pid(self):
        return int(self.run("display", "-p", "#{pid}").strip())

    def kill(self):
        """Stop the server, wait for its programs to end (attune saves a stopped
        session on the hang-up) and remove the socket (tmux leaves it behind)."""
        try:
            socket = self.run("display", "-p", "#{socket_path}").strip()
        except Unmeasurable:
            return  # the server never started
        subprocess.run(["tmux", "-L", self.name, "kill-server"], env=self.env,
                       capture_output=True)
        deadline = time.monotonic() + 5
        while any(map(running, self.pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        Path(socket).unlink(missing_ok=True)


def wait_for_screen(tmux, session, pred, timeout, what):
    """Poll the screen until pred(screen) holds; return that screen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = tmux.capture(session)
        if pred(screen):
            return screen
        time.sleep(0.05)
    raise Unmeasurable(f"{what} did not appear within {timeout} s; the screen was:\n"
                       + tmux.capture(session))


def count_changes(tmux, session, seconds):
    """Sample the screen at SAMPLE_HZ; return (changes a second, samples a second)."""
    start = time.monotonic()
    previous, changes, samples = tmux.capture(session), 0, 0
    while time.monotonic() - start < seconds:
        screen = tmux.capture(session)
        samples += 1
        changes += screen != previous
        previous = screen
        time.sleep(max(0.0, start + samples / SAMPLE_HZ - time.monotonic()))
    elapsed = time.monotonic() - start
    return changes / elapsed, samples / elapsed


def fresh_env(root, name):
    """Empty data, state, config and home folders for one run of attune."""
    env = {}
    for var, sub in (("ATTUNE_DATA_DIR", "data"), ("ATTUNE_STATE_DIR", "state"),
                     ("ATTUNE_CONFIG_DIR", "config"), ("HOME", "home")):
        folder = Path(root, name, sub)
        folder.mkdir(parents=True)
        env[var] = str(folder)
    return env


# --- the measurements --------------------------------------------------------------


def open_home(tmux, binary, session, env):
    """Start `attune` as a first-time user and dismiss the first-run notice with Enter."""
    pid = tmux.start(session, [binary], env)
    notice = wait_for_screen(tmux, session, str.strip, 5, "the first-run notice")
    tmux.keys(session, "Enter")
    wait_for_screen(tmux, session, lambda s: s != notice, 5, "the home screen")
    return pid


def returning_user(tmux, binary, root, name, env=None):
    """Folders of a user who has seen the first-run notice: open attune once, then q.
    `env` gives folders to use (an existing store); by default they are new and empty."""
    env = env or fresh_env(root, name)
    pid = open_home(tmux, binary, name, env)
    tmux.keys(name, "q")
    deadline = time.monotonic() + 5
    while running(pid):
        if time.monotonic() > deadline:
            raise Unmeasurable("attune did not quit on q from the home screen")
        time.sleep(0.05)
    return env


def measure_home(tmux, binary, root, seconds, baseline_pid):
    """Part 5: CPU of the home screen, after Enter dismissed the first-run notice."""
    pid = open_home(tmux, binary, "home", fresh_env(root, "home"))
    time.sleep(1)
    cpu = measure_cpu([pid, baseline_pid], seconds)
    return {"home": cpu[pid], "baseline": cpu[baseline_pid]}


def measure_pacer(tmux, binary, root, seconds, baseline_pid):
    """Parts 1-4: the full-screen pacer's CPU, changes, bytes and peak memory."""
    pid = start_pacer(tmux, binary, "pacer", returning_user(tmux, binary, root, "pacer"))
    server = tmux.server_pid()
    quiet = measure_cpu([pid, baseline_pid, server], seconds)
    sampled = sample_pacer(tmux, "pacer", pid, root, seconds)
    return {"quiet": quiet[pid], "baseline": quiet[baseline_pid], "tmux": quiet[server],
            **sampled}


def start_pacer(tmux, binary, session, env, pattern=None, minutes=2, extra=()):
    """Start `attune breathe` in `session`, press Enter on the preview and check that the
    pacer animates; return its pid. `pattern`: a --pattern id (default: the config's);
    `extra`: more arguments for `attune breathe` (a heart source)."""
    argv = [binary, "breathe", "--no-checkin", "--minutes", str(minutes), *extra]
    argv += ["--pattern", pattern] if pattern else []
    pid = tmux.start(session, argv, env)
    preview = wait_for_screen(tmux, session, str.strip, 5, "the breathing preview")
    time.sleep(0.3)  # let the preview settle, so Enter goes to it
    tmux.keys(session, "Enter")
    wait_for_screen(tmux, session, lambda s: s != preview, 5, "the pacer")
    check_animates(tmux, session, "the pacer")
    return pid


def check_animates(tmux, session, what):
    """Unmeasurable unless the screen of `session` changes at least twice in 1 s."""
    if count_changes(tmux, session, 1.0)[0] < 2:
        raise Unmeasurable(f"{what} did not animate: the screen stayed still; "
                           "the screen was:\n" + tmux.capture(session))


def sample_pacer(tmux, session, pid, root, seconds):
    """Parts 2-4 for the program `pid` running in `session`: its CPU while the screen is
    sampled, visible changes and samples a second, bytes a second written to the
    terminal (tmux pipe-pane -O) and its memory at the end."""
    log = Path(root, f"{session}-output.bin")
    log.touch()
    tmux.run("pipe-pane", "-O", "-t", session, f"cat >> {shlex.quote(str(log))}")
    seen = {}

    def sample(secs):
        size0, t0 = log.stat().st_size, time.monotonic()
        seen["changes"], seen["hz"] = count_changes(tmux, session, secs)
        seen["bytes"] = (log.stat().st_size - size0) / (time.monotonic() - t0)

    sampled = measure_cpu([pid], seconds, during=sample)
    tmux.run("pipe-pane", "-t", session)
    memory = memory_kib(pid)
    if seen["changes"] == 0:
        raise Unmeasurable(f"{session} stopped animating during the measurement")
    return {"sampled": sampled[pid], "changes": seen["changes"], "hz": seen["hz"],
            "bytes": seen["bytes"], "memory": memory}


# A control for part 6: the same stamps (exhale-4-6's phase starts), written by a plain
# sleep loop from a given start on the shared monotonic clock, read in the same way at the
# same time: the machine's own timing noise.
REFERENCE_WRITER = """
import sys, time
start = float(sys.argv[2])
for t in [t for t in range(int(float(sys.argv[1]) * 60)) if t % 10 in (0, 4)]:
    time.sleep(max(0.0, start + t - time.monotonic()))
    print(f"[{t // 60:02}:{t % 60:02}.0] Breathe in 4.0s", flush=True)
"""


def read_phase_lines(procs):
    """(stamp, arrival) of every phase line of each process, all read together."""
    selector = selectors.DefaultSelector()
    for i, proc in enumerate(procs):
        selector.register(proc.stdout, selectors.EVENT_READ, i)
    partial, lines = [b""] * len(procs), [[] for _ in procs]
    while selector.get_map():
        for key, _ in selector.select():
            arrived = time.monotonic()
            chunk = os.read(key.fd, 65536)
            if not chunk:
                selector.unregister(key.fileobj)
            *complete, partial[key.data] = (partial[key.data] + chunk).split(b"\n")
            for line in complete:
                if m := PHASE_LINE.match(line.decode()):
                    stamp = int(m[1]) * 60 + int(m[2]) + int(m[3]) / 10
                    lines[key.data].append((stamp, arrived))
    return lines


def timing_errors(lines):
    """Each line's arrival after the first line's, against its stamp; and the spread of
    (arrival - stamp) over all lines, which does not depend on the first line alone."""
    first = lines[0][1]
    errors = [(abs((arrived - first) - stamp) * 1000, stamp)
              for stamp, arrived in lines[1:]]
    late = [arrived - stamp for stamp, arrived in lines]
    worst, worst_at = max(errors)
    return {"max_ms": worst, "worst_at": worst_at, "lines": len(lines),
            "mean_ms": sum(e for e, _ in errors) / len(errors),
            "spread_ms": (max(late) - min(late)) * 1000}


def measure_plain(binary, root, minutes):
    """Part 6: arrival time of each `--plain` phase line against its own stamp, with the
    reference writer running alongside."""
    argv = [binary, "breathe", "--plain", "--no-checkin", "--minutes", str(minutes),
            "--pattern", "exhale-4-6"]
    env = dict(os.environ, **fresh_env(root, "plain"))
    # The reference starts up first and prints half a second after attune, so the two
    # never start up, or print, at the same moment.
    start_at = time.monotonic() + 0.8
    procs = []
    for cmd in ([sys.executable, "-c", REFERENCE_WRITER, str(minutes), str(start_at)],
                argv):
        time.sleep(0.3 if procs else 0)
        procs.append(subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    reference, attune = read_phase_lines(procs)
    if procs[1].wait() != 0 or len(attune) < 2:
        raise Unmeasurable(f"`{shlex.join(argv)}` exited {procs[1].returncode} with "
                           f"{len(attune)} phase lines:\n{procs[1].stderr.read().decode()}")
    if procs[0].wait() != 0 or len(reference) < 2:
        raise Unmeasurable("the reference writer failed: "
                           + procs[0].stderr.read().decode())
    return {"attune": timing_errors(attune), "reference": timing_errors(reference)}


# --- report ------------------------------------------------------------------------


def machine():
    model = next((line.split(":", 1)[1].strip()
                  for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown")
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return f"nproc {len(os.sched_getaffinity(0))}, CPU {model!r}, load average {load}"


def table(rows):
    """rows: (what, value text, target text, passed or None for context)."""
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = []
    for what, value, target, passed in rows:
        verdict = "" if passed is None else ("pass" if passed else "MISS")
        lines.append(f"{what:<{widths[0]}}  {value:>{widths[1]}}  "
                     f"{target:<{widths[2]}}  {verdict}".rstrip())
    return "\n".join(lines)


def cpu_text(m):
    return f"{m['cpu']:.2f}% ({m['ticks']} ticks)"


def megabytes(kib):
    return f"{kib * 1024 / 1e6:.1f} MB"


def under_half_percent(m):
    """Judged as shown (2 decimals): 15 ticks in 30 s is 0.50%, not under 0.5%."""
    return round(m["cpu"], 2) < 0.5


def report(home, pacer, plain, window):
    """The table of numbers, targets and verdicts."""
    rows = [("measurement", "value", "target", None)]
    if pacer:
        rows += [
            (f"1. pacer CPU, quiet {window} s", cpu_text(pacer["quiet"]),
             "< 0.5%", under_half_percent(pacer["quiet"])),
            ("1. pacer CPU, while sampling", cpu_text(pacer["sampled"]),
             "< 0.5%", under_half_percent(pacer["sampled"])),
            ("2. visible changes", f"{pacer['changes']:.1f}/s", ">= 20/s",
             pacer["changes"] >= 20),
            ("3. bytes to the terminal", f"{pacer['bytes'] / 1000:.1f} KB/s",
             "< 30 KB/s", pacer["bytes"] < 30_000),
            ("4. peak memory (VmHWM)", megabytes(pacer["memory"]["VmHWM"]), "< 8 MB",
             pacer["memory"]["VmHWM"] * 1024 < 8e6),
            ("   of it now: anonymous", megabytes(pacer["memory"]["RssAnon"]), "", None),
            ("   of it now: files (code)", megabytes(pacer["memory"]["RssFile"]), "", None),
            ("   pacer wake-ups (quiet)", f"{pacer['quiet']['wakeups']:.1f}/s", "", None),
            ("   screen samples taken", f"{pacer['hz']:.1f}/s", f"{SAMPLE_HZ}/s", None),
            ("   tmux server CPU (quiet)", cpu_text(pacer["tmux"]), "", None),
            ("   baseline: idle cat (quiet)", cpu_text(pacer["baseline"]), "",
             None),
        ]
    if home:
        rows += [
            (f"5. home screen CPU, {window} s", cpu_text(home["home"]), "0",
             home["home"]["ticks"] == 0),
            ("   home wake-ups", f"{home['home']['wakeups']:.2f}/s", "", None),
            ("   baseline: idle cat", cpu_text(home["baseline"]), "", None),
        ]
    if plain:
        att, ref = plain["attune"], plain["reference"]
        rows += [
            ("6. --plain timing error, max", f"{att['max_ms']:.2f} ms", "< 5 ms",
             att["max_ms"] < 5),
            ("   worst line's stamp", f"{att['worst_at']:.0f} s", "", None),
            ("   mean", f"{att['mean_ms']:.2f} ms", "", None),
            ("   spread of lateness", f"{att['spread_ms']:.2f} ms", "", None),
            ("   phase lines", str(att["lines"]), "", None),
            ("   reference writer: max", f"{ref['max_ms']:.2f} ms", "", None),
            ("   reference writer: mean", f"{ref['mean_ms']:.2f} ms", "", None),
            ("   reference writer: spread", f"{ref['spread_ms']:.2f} ms", "", None),
        ]
    return table(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="10 s windows and a 30 s plain run, for trying it out")
    parser.add_argument("--binary", default=str(REPO / "target/release/attune"),
                        help="the attune binary (default: target/release/attune)")
    parser.add_argument("--only", choices=["pacer", "home", "plain"], action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args()
    window = 10 if args.quick else 30
    plain_minutes = 0.5 if args.quick else 5
    parts = args.only or ["plain", "home", "pacer"]
    if not shutil.which("tmux") and parts != ["plain"]:
        raise Unmeasurable("tmux is not installed (apt-get install tmux)")
    binary = str(Path(args.binary).resolve())
    if not os.access(binary, os.X_OK):
        raise Unmeasurable(f"no binary at {binary}: run `cargo build --release` first")

    print(f"machine: {machine()}")
    print(f"binary: {binary} (built {time.ctime(os.path.getmtime(binary))})")
    print(f"windows: {window} s; plain run: {plain_minutes} min", flush=True)
    home = pacer = plain = None
    with tempfile.TemporaryDirectory(prefix="attune-bench-") as root:
        # A copy, so a `cargo build` during the run cannot mix two versions.
        binary = str(shutil.copy2(binary, Path(root, "attune")))
        if "plain" in parts:
            print("6. plain timing ...", flush=True)
            plain = measure_plain(binary, root, plain_minutes)
        if "home" in parts or "pacer" in parts:
            tmux = Tmux(Path(root, "tmux-home"))
            Path(root, "tmux-home").mkdir()
            try:
                baseline = tmux.start("baseline", ["cat"], fresh_env(root, "baseline"))
                if "home" in parts:
                    print("5. home screen ...", flush=True)
                    home = measure_home(tmux, binary, root, window, baseline)
                if "pacer" in parts:
                    print("1-4. pacer ...", flush=True)
                    pacer = measure_pacer(tmux, binary, root, window, baseline)
            finally:
                tmux.kill()
    print(f"\nmachine at the end: {machine()}\n")
    print(report(home, pacer, plain, window))


if __name__ == "__main__":
    try:
        main()
    except Unmeasurable as e:
        sys.exit(f"bench_breathe: could not measure: {e}")
