#!/usr/bin/env python3
"""Journal benchmark: attune against jrnl on the same journal entries.

    python3 scripts/bench_journal.py            # the full run recorded in BENCHMARKS.md
    python3 scripts/bench_journal.py --quick    # 2 years of history, fewer runs
    python3 scripts/bench_journal.py --keep     # keep the temp folder to look at

1. Builds attune in release and writes a generated history (10 years: about 5,000
   journal entries among 40,000 records) into a temp folder. HOME, XDG_* and ATTUNE_*
   all point into that folder, so neither program touches the real home.
2. Writes the same journal entries (from `attune journal list --json`) as a jrnl
   plain-text journal, exports it with `jrnl --export json`, and imports that export
   twice into a separate, empty attune store: the first import must add every entry,
   the second nothing.
3. Times attune and jrnl side by side, alternating, after one warm-up run each: list
   the newest 10, search for a word, write a new entry from stdin, and search again
   right after that write.
4. Prints min and median per command, the ratio (jrnl median / attune median) and
   whether attune meets the targets: under 50 ms and at least 10 times faster.

jrnl is installed with pip (a pinned version) into a private virtualenv under
target/bench-journal/; nothing goes into the system Python. Standard library only.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
JRNL_VERSION = "4.6"
WORD = "window"  # in about one entry in five of the generated text, and nowhere else
BUDGET_MS = 50.0
MIN_RATIO = 10.0


def sh(argv, env=None, stdin=None, cwd=None):
    """Run a command to completion and return its stdout; fail loudly on a non-zero exit."""
    done = subprocess.run(
        [str(a) for a in argv], env=env, cwd=cwd, input=stdin,
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, argv))}\n{done.stderr}")
    return done.stdout


def build_attune():
    """cargo build --release (attune and gen_history); return the two binaries."""
    for extra in ([], ["--example", "gen_history"]):
        subprocess.run(["cargo", "build", "--release", *extra], cwd=REPO, check=True)
    release = REPO / "target" / "release"
    return release / "attune", release / "examples" / "gen_history"


def jrnl_binary():
    """The pinned jrnl in a private virtualenv under target/, installed on first use."""
    venv = REPO / "target" / "bench-journal" / f"jrnl-{JRNL_VERSION}"
    jrnl = venv / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [venv / "bin" / "pip", "install", "--quiet", f"jrnl=={JRNL_VERSION}"], check=True
        )
    return jrnl


def sandbox_env(root, name):
    """Environment for one store: every home, config, state and data folder under root."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ATTUNE_", "XDG_", "JRNL")) and k not in ("VISUAL", "EDITOR")}
    home = root / "home"
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        ATTUNE_CONFIG_DIR=str(root / "attune-config"),
        ATTUNE_DATA_DIR=str(root / f"{name}-data"),
        ATTUNE_STATE_DIR=str(root / f"{name}-state"),
        NO_COLOR="1",
    )
    for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "ATTUNE_CONFIG_DIR"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    return env


def generate_history(gen_history, years, env):
    """Write the generated history into the store of env; return gen_history's summary."""
    out = sh([gen_history, "--years", years, "--data-dir", env["ATTUNE_DATA_DIR"],
              "--state-dir", env["ATTUNE_STATE_DIR"]])
    return out.splitlines()[0]


def split_title(text):
    """jrnl's split_title: the first line if there are several, else the first sentence."""
    stripped = text.lstrip()
    if "\n" in stripped:
        title, _, body = stripped.partition("\n")
        return title.strip(), body.strip()
    end = re.search(r"[.!?\u2026]['\u2019\"\u201d]?[\])]*\s+", text)
    if not end:
        return text, ""
    return text[: end.end()].strip(), text[end.end():].strip()


def jrnl_journal_text(entries):
    """The entries as jrnl writes its journal file: `[YYYY-MM-DD HH:MM] Title` then the
    body, entries oldest first and separated by a blank line, tags as @words."""
    blocks = []
    for e in sorted(entries, key=lambda e: e["created_at"]):
        at = datetime.datetime.fromisoformat(e["created_at"].replace("Z", "+00:00"))
        text = e["text"].strip()
        if e.get("tags"):
            text += "\n" + " ".join("@" + t for t in e["tags"])
        title, body = split_title(text)
        head = f"[{at.astimezone():%Y-%m-%d %H:%M}] {title}" + (" *" if e.get("starred") else "")
        blocks.append(head + (f"\n{body}" if body else "") + "\n")
    return "\n".join(blocks)


def write_jrnl_config(env, journal_file):
    """A jrnl 4 config (YAML) in the sandbox's XDG config folder, plain and unencrypted."""
    config = Path(env["XDG_CONFIG_HOME"]) / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f"version: '{JRNL_VERSION}'\n"
        f"journals:\n  default:\n    journal: {json.dumps(str(journal_file))}\n"
        "editor: ''\nencrypt: false\ntemplate: false\n"
        "default_hour: 9\ndefault_minute: 0\n"
        "timeformat: '%Y-%m-%d %H:%M'\ntagsymbols: '#@'\n"
        "highlight: true\nlinewrap: 79\nindent_character: '|'\n"
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
    )


def timed(argv, env, stdin=None):
    """Wall time of one run in ms, output discarded."""
    started = time.perf_counter()
    done = subprocess.run([str(a) for a in argv], env=env, input=stdin,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, argv))}\n{done.stderr.decode()}")
    return took


def side_by_side(steps, runs):
    """Run a round of steps (name, argv, env, stdin: bytes, None or a function of the run
    number) once to warm up, then `runs` more times, in order each round; return the
    timed runs by step name."""
    def once(i):
        return {name: timed(argv, env, stdin(i) if callable(stdin) else stdin)
                for name, argv, env, stdin in steps}

    once(0)
    times = {name: [] for name, *_ in steps}
    for i in range(1, runs + 1):
        for name, took in once(i).items():
            times[name].append(took)
    return times


def note(i):
    """Text for the i-th new entry: no WORD in it, and no colon (jrnl reads a date there)."""
    return f"Bench note {i}, a short line written from stdin.\n".encode()


def row(label, attune_ms, jrnl_ms):
    """One table row: min and median of each, the ratio and pass or miss."""
    a_med, j_med = statistics.median(attune_ms), statistics.median(jrnl_ms)
    ratio = j_med / a_med
    ok = a_med < BUDGET_MS and ratio >= MIN_RATIO
    return [label, f"{min(attune_ms):.1f}", f"{a_med:.1f}", f"{min(jrnl_ms):.1f}",
            f"{j_med:.1f}", f"{ratio:.0f}x", "pass" if ok else "MISS"]


def print_table(rows):
    """The rows as a Markdown table (paste into BENCHMARKS.md as it is)."""
    head = ["command", "attune min ms", "attune median ms", "jrnl min ms",
            "jrnl median ms", "ratio", f"<{BUDGET_MS:.0f} ms and >={MIN_RATIO:.0f}x"]
    print("| " + " | ".join(head) + " |")
    print("| --- " + "| ---: " * (len(head) - 1) + "|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


def machine():
    """The facts BENCHMARKS.md records about this machine and run."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), "unknown")
    commit = sh(["git", "rev-parse", "--short", "HEAD"], cwd=REPO).strip()
    return (f"date {datetime.date.today()}, nproc {os.cpu_count()}, CPU {cpu}, "
            f"attune {commit}, jrnl {JRNL_VERSION}, Python {sys.version.split()[0]}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="2 years of history, 3 runs")
    p.add_argument("--runs", type=int, help="timed runs per command (default 15; 3 with --quick)")
    p.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = p.parse_args()
    years = 2 if args.quick else 10
    runs = args.runs or (3 if args.quick else 15)

    attune, gen_history = build_attune()
    jrnl = jrnl_binary()
    root = Path(tempfile.mkdtemp(prefix="attune-bench-journal-"))
    try:
        bench(attune, gen_history, jrnl, root, years, runs)
    finally:
        if args.keep:
            print(f"\nkept {root}")
        else:
            shutil.rmtree(root)


def bench(attune, gen_history, jrnl, root, years, runs):
    """Everything after the builds: the data, the import check, the timings, the table."""
    print(f"# {machine()}")
    env = sandbox_env(root, "attune")
    print(f"history ({years} years): {generate_history(gen_history, years, env)}")
    export = jrnl_from_attune(attune, jrnl, root, env)
    check_import(attune, export, sandbox_env(root, "imported"))
    cold = timed([attune, "journal", "search", WORD], env)
    print(f"attune's first search, building its index from nothing: {cold:.0f} ms")
    a_hits = len(sh([attune, "journal", "search", WORD], env).splitlines())
    j_hits = len(json.loads(sh([jrnl, "-contains", WORD, "--export", "json"], env))["entries"])
    print(f"entries holding \"{WORD}\": attune finds {a_hits}, jrnl finds {j_hits}")
    print(f"load average before timing: {os.getloadavg()[0]:.1f}")
    print(f"{runs} timed runs each, after one warm-up run; wall time per command:\n")
    print_table(time_all(attune, jrnl, env, runs))


def jrnl_from_attune(attune, jrnl, root, env):
    """Write attune's journal entries as jrnl's journal and export it with jrnl; return
    the export's path."""
    entries = json.loads(sh([attune, "journal", "list", "--json"], env))
    journal_file = root / "jrnl" / "journal.txt"
    journal_file.parent.mkdir()
    journal_file.write_text(jrnl_journal_text(entries))
    write_jrnl_config(env, journal_file)
    export = root / "jrnl-export.json"
    export.write_text(sh([jrnl, "--export", "json"], env))
    exported = len(json.loads(export.read_text())["entries"])
    print(f"journal entries: {len(entries)} in attune; jrnl exported {exported}")
    return export


def check_import(attune, export, env):
    """Import jrnl's export twice into the empty store of env and say what happened."""
    said = [sh([attune, "import", "--from", "jrnl", export], env).strip() for _ in range(2)]
    listed = len(json.loads(sh([attune, "journal", "list", "--json"], env)))
    found = len(sh([attune, "journal", "search", WORD], env).splitlines())
    print(f"import --from jrnl into an empty store: 1st \"{said[0]}\"; 2nd \"{said[1]}\"; "
          f"the store then lists {listed}, {found} of them holding \"{WORD}\"")


def time_all(attune, jrnl, env, runs):
    """Time both programs side by side; return the table's rows."""
    a, j = [attune, "journal"], [jrnl]
    reads = side_by_side([
        ("a list", a + ["list", "--limit", "10"], env, None),
        ("j list", j + ["-n", "10"], env, None),
        ("a search", a + ["search", WORD], env, None),
        ("j search", j + ["-contains", WORD], env, None),
        ("j search short", j + ["-contains", WORD, "--short"], env, None),
    ], runs)
    writes = side_by_side([
        ("a new", a + ["new"], env, note),
        ("a search after", a + ["search", WORD], env, None),
        ("j new", j, env, note),
        ("j search after", j + ["-contains", WORD], env, None),
    ], runs)
    return [
        row("`journal list --limit 10` vs `jrnl -n 10`", reads["a list"], reads["j list"]),
        row(f"`journal search {WORD}` vs `jrnl -contains {WORD}`",
            reads["a search"], reads["j search"]),
        row(f"the same, vs `jrnl -contains {WORD} --short` (one line a hit, like attune)",
            reads["a search"], reads["j search short"]),
        row("`journal new` vs `jrnl`, text on stdin", writes["a new"], writes["j new"]),
        row("the same search, right after that new entry",
            writes["a search after"], writes["j search after"]),
    ]


if __name__ == "__main__":
    main()
