//! Heart benchmarks (`cargo bench --bench heart`, harness = false): the cost of heart
//! processing per beat on synthetic readings of 5, 20 and 60 minutes (reading the lines,
//! artefact correction, the whole summary with its spectrum) and the live case (the last
//! minute summarised again at every beat), each against a same-run baseline: the plain
//! RMSSD/SDNN pass over the same beats. Prints a markdown table of medians.

use attune::domain::heart::metrics::basic;
use attune::domain::heart::{clean, parse_lines, summarise};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TIME_PER_MEASURE: Duration = Duration::from_secs(2);
const MIN_RUNS: usize = 5;
const MAX_RUNS: usize = 500;

/// A breathing heart with a few artefacts, as a strap gives it.
fn series(minutes: f64) -> Vec<f64> {
    let (mut t, mut rr, mut k) = (0.0, Vec::new(), 0u32);
    while t < minutes * 60.0 {
        let mut r = 950.0
            + 45.0 * (std::f64::consts::TAU * 0.1 * t).sin()
            + 5.0 * (f64::from(k) * 2.399).sin();
        if k % 150 == 75 {
            r *= 2.0; // a missed beat now and then
        }
        rr.push(r);
        t += r / 1000.0;
        k += 1;
    }
    rr
}

fn main() {
    println!("# attune heart benchmarks\n");
    println!(
        "release build: {}; {} CPUs\n",
        !cfg!(debug_assertions),
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    println!("| what | beats | median | per beat | runs |\n| --- | --- | --- | --- | --- |");
    for minutes in [5.0, 20.0, 60.0] {
        let rr = series(minutes);
        let text: String = rr.iter().map(|v| format!("{v:.0}\n")).collect();
        let n = rr.len();
        let label = |what: &str| format!("{what}, {minutes} min");
        row(&label("baseline: RMSSD and SDNN only"), n, || {
            black_box(basic(black_box(&rr)));
        });
        row(&label("reading the lines"), n, || {
            black_box(parse_lines(black_box(&text)).ok());
        });
        row(&label("artefact correction"), n, || {
            black_box(clean(black_box(&rr)));
        });
        row(&label("whole summary (correction, minutes, spectrum)"), n, || {
            black_box(summarise(black_box(&rr), Some(10.0)));
        });
    }
    live();
}

/// The live case: at every beat of 5 minutes, the last minute's beats summarised again.
fn live() {
    let rr = series(5.0);
    let window = 70;
    let n = rr.len() - window;
    row("baseline: last minute's RMSSD at every beat", n, || {
        for end in window..rr.len() {
            black_box(basic(&rr[end - window..end]));
        }
    });
    row("last minute corrected and summarised at every beat", n, || {
        for end in window..rr.len() {
            black_box(summarise(&rr[end - window..end], Some(10.0)));
        }
    });
}

fn row(what: &str, beats: usize, mut f: impl FnMut()) {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < MIN_RUNS || (start.elapsed() < TIME_PER_MEASURE && times.len() < MAX_RUNS) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    let per_beat = median / u32::try_from(beats.max(1)).unwrap_or(u32::MAX);
    println!("| {what} | {beats} | {median:.2?} | {per_beat:.2?} | {} |", times.len());
}
