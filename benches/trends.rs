//! Trends benchmarks (`cargo bench --bench trends`, harness = false): on a generated
//! 10-year history, `attune trends --all --json` end to end and its report alone, and the
//! trends screen's week stepping (a key, the week's report, an 80x24 frame) this week and
//! 9 years back, against a same-run baseline: the same step reading every month from that
//! week to today, as it did before. Prints a markdown table of medians.

#[path = "../examples/gen_history/generate.rs"]
mod generate;

use attune::domain::trends::Options;
use attune::service::trends::{Span, of_records, report};
use attune::store::Store;
use attune::store::layout::Layout;
use attune::tui::action::Action;
use attune::tui::app::{App, Now};
use chrono::{Days, Local, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const YEARS: u32 = 10;
const TIME_PER_MEASURE: Duration = Duration::from_secs(4);
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 200;

fn main() {
    let tmp = tempfile::tempdir().expect("a temp folder");
    let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
    let store = Store::open(layout).expect("a store");
    let generated = generate::generate(&generate::Plan::ending_now(YEARS, 1));
    println!("# attune trends benchmarks\n");
    println!(
        "release build: {}; {} CPUs; generated {YEARS} years: {}\n",
        !cfg!(debug_assertions),
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        generated.summary()
    );
    generate::write(&store, generated.records).expect("writing the history");
    let today = Local::now().date_naive();
    let opts = Options::default();

    let mut rows = Vec::new();
    let first = Instant::now();
    black_box(report(&store, Span::All, today, opts).expect("all time"));
    rows.push(row("all time report, first (builds the index)", vec![first.elapsed()]));
    rows.push(row(
        "all time report, index warm",
        measure(|| {
            black_box(report(&store, Span::All, today, opts).expect("all time"));
        }),
    ));
    rows.push(row(
        "`attune trends --all --json`, whole process",
        measure(|| cli_all(tmp.path())),
    ));

    let back = today
        .checked_sub_days(Days::new(9 * 365))
        .expect("nine years back");
    for (name, day) in [("this week", today), ("9 years back", back)] {
        rows.push(row(
            &format!("week step, {name} (key, report, 80x24 frame)"),
            steps(&store, day, today),
        ));
        rows.push(row(
            &format!("baseline: week step, {name}, reading every month to today"),
            measure(|| old_step(&store, day, today)),
        ));
    }
    println!("| what | median | p90 | runs |\n| --- | --- | --- | --- |");
    for r in rows {
        println!("{r}");
    }
}

/// One step of the trends screen, as a person pressing ← then → would cause: the key's
/// update, the load it asks for performed against the store, and a frame drawn.
fn steps(store: &Store, day: NaiveDate, today: NaiveDate) -> Vec<Duration> {
    let now = Now {
        wall: Local::now().fixed_offset(),
        mono: Duration::ZERO,
    };
    let mut app = App::new(Default::default(), false, false);
    let first = app.open_trends(Span::Week(day), today);
    attune::tui::effect::settle(&mut app, store, first.into_iter().collect(), now);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
    let mut by: i8 = -1;
    measure(|| {
        attune::tui::effect::step(&mut app, store, Action::TrendsMove(by), now);
        terminal
            .draw(|f| attune::tui::ui::render(&app, f))
            .expect("draws");
        by = -by;
    })
}

/// The step as it was: the week's report from every month between it and today.
fn old_step(store: &Store, day: NaiveDate, today: NaiveDate) {
    let from = day.checked_sub_days(Days::new(14)).unwrap_or(day);
    let snap = store.load_range(from, today).expect("loads");
    let live = snap.merged.into_live();
    let refs: Vec<&attune::store::model::Record> = live.iter().collect();
    black_box(of_records(&refs, Span::Week(day), today, Options::default()));
}

fn cli_all(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["trends", "--all", "--json"])
        .env("ATTUNE_DATA_DIR", dir.join("data"))
        .env("ATTUNE_STATE_DIR", dir.join("state"))
        .env("ATTUNE_CONFIG_DIR", dir.join("config"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    black_box(out.stdout.len());
}

fn measure(mut f: impl FnMut()) -> Vec<Duration> {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < MAX_RUNS && (times.len() < MIN_RUNS || started.elapsed() < TIME_PER_MEASURE)
    {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times
}

fn row(what: &str, mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
    format!("| {what} | {} | {} | {} |", ms(at(0.5)), ms(at(0.9)), times.len())
}
