//! Store benchmarks (`cargo bench --bench store`, harness = false, no criterion): full load,
//! this week's load, the full read `history --json` does (with and without writing the JSON),
//! and one durable check-in write, on an empty store and on a generated 10-year history, each
//! set against a hand-rolled baseline measured in the same run, plus the peak memory of a
//! full load (measured in a child process). Prints markdown tables.

#[path = "../examples/gen_history/generate.rs"]
mod generate;

use attune::clock::Clock;
use attune::domain::today::week_start;
use attune::service::checkin::{save_checkin, today};
use attune::service::records::{Filter, history};
use attune::store::layout::{Layout, months_between};
use attune::store::model::Checkin;
use attune::store::{Store, month_file, month_files};
use chrono::{Local, NaiveDate, Weekday};
use std::fs::File;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Years of generated history, as in DESIGN.md "Budgets".
const YEARS: u32 = 10;
/// Set (to "DATA_DIR\nSTATE_DIR") when this binary runs itself to measure a load's memory.
const PROBE_ENV: &str = "ATTUNE_BENCH_RSS_PROBE";
/// Each measurement stops after this long (at least `MIN_RUNS` runs) or `max_runs` runs.
const TIME_PER_MEASURE: Duration = Duration::from_secs(4);
const MIN_RUNS: usize = 5;

fn main() {
    if let Ok(dirs) = std::env::var(PROBE_ENV) {
        probe_memory(&dirs);
        return;
    }
    let started = Instant::now();
    let tmp = tempfile::tempdir().expect("a temp folder for the benchmark stores");
    let day = Local::now().date_naive();

    println!("# attune store benchmarks\n");
    println!(
        "release build: {}; {} CPUs; today {day}; temp folder {}\n",
        !cfg!(debug_assertions),
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        tmp.path().display()
    );

    let empty = open(tmp.path(), "empty");

    let history = open(tmp.path(), "history");
    let t = Instant::now();
    let generated = generate::generate(&generate::Plan::ending_now(YEARS, 1));
    let generate_time = t.elapsed();
    println!("generated {YEARS} years: {}", generated.summary());
    let t = Instant::now();
    let written =
        generate::write(&history, generated.records).expect("writing the generated history");
    let write_time = t.elapsed();
    let (files, bytes) = files_and_bytes(&history);
    println!(
        "built in {:.2} s, written in {:.2} s ({} save_all calls, {} records): \
         {files} month files over {} months, {bytes} bytes ({:.1} MB), largest month {} KB; \
         size_of::<Record>() = {} bytes\n",
        generate_time.as_secs_f64(),
        write_time.as_secs_f64(),
        written.save_calls,
        written.report.changed,
        written.months,
        bytes as f64 / 1e6,
        largest_file(&history) / 1024,
        std::mem::size_of::<attune::store::model::Record>(),
    );

    let stores = [("empty", &empty), ("10 years", &history)];
    let mut rows = Vec::new();
    for (name, store) in stores {
        rows.extend(read_rows(name, store, day));
    }
    let mut memory = Vec::new();
    for (name, store) in stores {
        memory.push(memory_row(name, store));
    }
    // Writes last: they add check-ins to this month, which the reads above should not see.
    for (name, store) in stores {
        rows.push(write_row(name, store, tmp.path()));
    }
    print_table(&rows);

    println!("\n## Peak memory of a full load (separate process, VmHWM)\n");
    println!("| store | records | peak before load | peak after load | grew by |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for line in memory {
        println!("{line}");
    }
    println!("\ntotal benchmark time {:.1} s", started.elapsed().as_secs_f64());
}

/// A store in `<tmp>/<name>/{data,state}`.
fn open(tmp: &Path, name: &str) -> Store {
    let layout = Layout::new(tmp.join(name).join("data"), tmp.join(name).join("state"));
    Store::open(layout).expect("opening a benchmark store")
}

struct Row {
    store: &'static str,
    what: &'static str,
    timed: Stats,
    baseline_what: &'static str,
    baseline: Stats,
}

fn read_rows(name: &'static str, store: &Store, day: NaiveDate) -> Vec<Row> {
    let layout = store.layout().clone();
    let all_files = every_month_file(store);
    let (load, load_base) = measure_pair(
        40,
        || {
            let store = Store::open(layout.clone()).expect("opening the store");
            let snap = store.load_all().expect("loading every record");
            snap.merged.len()
        },
        || parse_as_values(&all_files),
    );
    // The same files parsed into typed month files, without merging: splits load_all's
    // cost between typed parsing and the union-merge.
    let (typed, typed_base) = measure_pair(
        40,
        || {
            all_files
                .iter()
                .map(|p| {
                    month_file::read(p)
                        .expect("reading a month file")
                        .map_or(0, |f| f.records.len())
                })
                .sum::<usize>()
        },
        || parse_as_values(&all_files),
    );
    let (full, full_base, json, json_base) = full_read(&layout, &all_files);

    let monday = week_start(day, Weekday::Mon);
    let week_months = months_between(monday, day);
    let week_files: Vec<PathBuf> = all_files
        .iter()
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| week_months.iter().any(|m| *m == *s.to_string_lossy()))
        })
        .cloned()
        .collect();
    let (week, week_base) = measure_pair(
        500,
        || {
            let store = Store::open(layout.clone()).expect("opening the store");
            let (summary, snap) = today(&store, day, Weekday::Mon).expect("loading this week");
            (summary.checkins_today, snap.merged.len())
        },
        || parse_as_values(&week_files),
    );
    // The TUI's first frame: open the store, load this week, build the app, draw 80x24.
    let (frame, frame_base) = measure_pair(
        500,
        || {
            let (app, _store) =
                attune::tui::start(home_options(&layout)).expect("starting the app");
            let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
                .expect("a test terminal");
            term.draw(|f| attune::tui::ui::render(&app, f))
                .expect("drawing the first frame");
        },
        || parse_as_values(&week_files),
    );
    // A key to its frame: `c` on home through the keymap and App::update (its effects go to
    // the worker, so none is performed here), then the frame drawn through ratatui's diff.
    let (mut home, _store) = attune::tui::start(home_options(&layout)).expect("starting the app");
    home.welcome = false; // a returning user's home
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    let c =
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('c'));
    let clock = Clock::system();
    let (key, key_base) = measure_pair(
        500,
        || {
            let mut app = home.clone();
            let action = app.action_for_key(&c).expect("c opens a check-in");
            let effects = app.update(action, clock.now());
            term.draw(|f| attune::tui::ui::render(&app, f))
                .expect("drawing the frame");
            effects.len()
        },
        || home.clone().today.checkins_today,
    );
    vec![
        Row {
            store: name,
            what: "key to frame: c on home, update + draw 80x24",
            timed: key,
            baseline_what: "copy the app state (what the key starts from)",
            baseline: key_base,
        },
        Row {
            store: name,
            what: "TUI first frame: tui::start + render 80x24",
            timed: frame,
            baseline_what: "read + parse this week's month files to Value",
            baseline: frame_base,
        },
        Row {
            store: name,
            what: "load all: Store::open + load_all",
            timed: load,
            baseline_what: "read + parse every month file to serde_json::Value",
            baseline: load_base,
        },
        Row {
            store: name,
            what: "(part of load all) month_file::read every file, no merge",
            timed: typed,
            baseline_what: "read + parse every month file to serde_json::Value",
            baseline: typed_base,
        },
        Row {
            store: name,
            what: "full read: Store::reader + records::history (history --json's read)",
            timed: full,
            baseline_what: "read + parse every month file to serde_json::Value",
            baseline: full_base,
        },
        Row {
            store: name,
            what: "full read + JSON out: the above + cli::pretty::to_writer, as history --json",
            timed: json,
            baseline_what: "read + parse every month file to serde_json::Value",
            baseline: json_base,
        },
        Row {
            store: name,
            what: "this week: Store::open + checkin::today",
            timed: week,
            baseline_what: "read + parse this week's month files to Value",
            baseline: week_base,
        },
    ]
}

/// The full read issue 18 sets against a bare `serde_json::Value` parse of the same files:
/// every live record, oldest first, the way `history --json` (and `export`) gets them; then
/// the same with the JSON written as `history --json` writes it (to memory, not a pipe).
fn full_read(layout: &Layout, files: &[PathBuf]) -> (Stats, Stats, Stats, Stats) {
    let read = || {
        let store = Store::reader(layout.clone()).expect("opening the store to read");
        let (records, _, _) = history(&store, &Filter::default()).expect("reading every record");
        records
    };
    let (full, full_base) = measure_pair(40, || read().len(), || parse_as_values(files));
    let mut out = Vec::new();
    let (json, json_base) = measure_pair(
        40,
        || {
            out.clear();
            attune::cli::pretty::to_writer(&mut out, &read()).expect("writing the JSON");
            out.push(b'\n');
            out.len()
        },
        || parse_as_values(files),
    );
    (full, full_base, json, json_base)
}

fn write_row(name: &'static str, store: &Store, tmp: &Path) -> Row {
    let checkin = Checkin {
        distress: 4,
        tension: Some(5),
        sensations: vec!["tight shoulders".into()],
        note: Some("benchmark check-in".into()),
        ..Checkin::default()
    };
    // The baseline writes a file as big as this month's file will be, the same careful way
    // (the month file grows by one small record a run; the baseline does not).
    save_checkin(store, checkin.clone(), Clock::system().wall()).expect("saving a first check-in");
    let month = store
        .layout()
        .month_path(store.device(), &Local::now().format("%Y-%m").to_string());
    let size = std::fs::metadata(&month).map_or(0, |m| m.len()) as usize;
    let dir = tmp.join(format!("baseline-{}", name.replace(' ', "-")));
    std::fs::create_dir_all(&dir).expect("a folder for baseline writes");
    let bytes = vec![b' '; size];
    let (write, baseline) = measure_pair(
        100,
        || save_checkin(store, checkin.clone(), Clock::system().wall()).expect("saving a check-in"),
        || write_by_hand(&dir, &bytes),
    );
    Row {
        store: name,
        what: "write one check-in: checkin::save_checkin",
        timed: write,
        baseline_what: "by hand: write + fsync + rename + fsync folder, same size",
        baseline,
    }
}

/// The floor for a durable replace: temp file, write, fsync, rename, fsync the folder.
fn write_by_hand(dir: &Path, bytes: &[u8]) {
    let tmp = dir.join(".tmp-baseline");
    let mut f = File::create(&tmp).expect("creating the baseline temp file");
    f.write_all(bytes).expect("writing the baseline file");
    f.sync_all().expect("fsyncing the baseline file");
    std::fs::rename(&tmp, dir.join("month.json")).expect("renaming the baseline file");
    File::open(dir)
        .and_then(|d| d.sync_all())
        .expect("fsyncing the baseline folder");
}

fn parse_as_values(files: &[PathBuf]) -> usize {
    let mut n = 0;
    for path in files {
        let bytes = std::fs::read(path).expect("reading a month file");
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).expect("a month file is valid JSON");
        n += value["records"].as_array().map_or(0, Vec::len);
    }
    n
}

fn every_month_file(store: &Store) -> Vec<PathBuf> {
    let dir = store.layout().device_dir(store.device());
    if !dir.is_dir() {
        return Vec::new();
    }
    month_files(&dir).expect("listing month files")
}

fn files_and_bytes(store: &Store) -> (usize, u64) {
    let files = every_month_file(store);
    let bytes = files
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    (files.len(), bytes)
}

fn largest_file(store: &Store) -> u64 {
    every_month_file(store)
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .max()
        .unwrap_or(0)
}

#[derive(Clone, Copy)]
struct Stats {
    runs: usize,
    min: Duration,
    median: Duration,
}

/// Time `f` and its baseline `g` in alternation (so a noisy disk or a busy neighbour hits
/// both alike), after one warm-up run of each: up to `max_runs` pairs or
/// `TIME_PER_MEASURE`, whichever comes first, but never fewer than `MIN_RUNS`.
/// The full-screen app on home, in colour, with default settings.
fn home_options(layout: &Layout) -> attune::tui::Options {
    attune::tui::Options {
        layout: layout.clone(),
        color: true,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: Clock::system(),
        start: attune::tui::Start::Home,
    }
}

fn measure_pair<T, U>(
    max_runs: usize,
    mut f: impl FnMut() -> T,
    mut g: impl FnMut() -> U,
) -> (Stats, Stats) {
    black_box(f());
    black_box(g());
    let mut times = (Vec::with_capacity(max_runs), Vec::with_capacity(max_runs));
    let started = Instant::now();
    while times.0.len() < max_runs
        && (times.0.len() < MIN_RUNS || started.elapsed() < TIME_PER_MEASURE)
    {
        let t = Instant::now();
        black_box(f());
        times.0.push(t.elapsed());
        let t = Instant::now();
        black_box(g());
        times.1.push(t.elapsed());
    }
    (Stats::of(times.0), Stats::of(times.1))
}

impl Stats {
    fn of(mut times: Vec<Duration>) -> Stats {
        times.sort();
        Stats {
            runs: times.len(),
            min: times[0],
            median: times[times.len() / 2],
        }
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 1.0 {
        format!("{ms:.3} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn print_table(rows: &[Row]) {
    println!("## Timings (warm page cache)\n");
    println!(
        "| store | what | runs | min | median | baseline | baseline min | baseline median | \
         ratio (median) |"
    );
    println!("| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
    for r in rows {
        // An empty store has no files to read: nothing to compare against.
        let ratio = if r.baseline.median < Duration::from_micros(1) {
            "n/a".to_string()
        } else {
            format!("{:.1}x", r.timed.median.as_secs_f64() / r.baseline.median.as_secs_f64())
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {ratio} |",
            r.store,
            r.what,
            r.timed.runs,
            ms(r.timed.min),
            ms(r.timed.median),
            r.baseline_what,
            ms(r.baseline.min),
            ms(r.baseline.median),
        );
    }
}

/// Run this binary again as a probe that only loads `store`; a table row of its peak memory.
fn memory_row(name: &str, store: &Store) -> String {
    let layout = store.layout();
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let out = Command::new(exe)
        .env(
            PROBE_ENV,
            format!("{}\n{}", layout.data_dir.display(), layout.state_dir.display()),
        )
        .output()
        .expect("running the memory probe");
    let text = String::from_utf8_lossy(&out.stdout);
    let nums: Vec<u64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    match nums[..] {
        [records, before, after] => format!(
            "| {name} | {records} | {:.1} MB | {:.1} MB | {:.1} MB |",
            before as f64 / 1024.0,
            after as f64 / 1024.0,
            after.saturating_sub(before) as f64 / 1024.0
        ),
        _ => format!(
            "| {name} | probe failed: {} {} | | | |",
            text.trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ),
    }
}

/// In the child: peak RSS before and after Store::open + load_all, with the snapshot held.
fn probe_memory(dirs: &str) {
    let (data, state) = dirs
        .split_once('\n')
        .expect("the probe gets DATA_DIR\\nSTATE_DIR");
    let before = vm_hwm_kb();
    let store = Store::open(Layout::new(data, state)).expect("opening the store");
    let snap = store.load_all().expect("loading every record");
    let after = vm_hwm_kb();
    println!("{} {before} {after}", black_box(&snap).merged.len());
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
