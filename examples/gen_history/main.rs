//! `gen_history`: write a realistic, deterministic attune history into a fresh data folder
//! through the real store, for benchmarks and for trying the app on years of records.
//!
//! ```text
//! cargo run --release --example gen_history -- --years 10 --data-dir /tmp/attune-10y
//! ```

#[path = "generate.rs"]
mod generate;

use attune::store::Store;
use attune::store::layout::Layout;
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Write a generated attune history (about 2,000 sessions, 1,500 check-ins and 500 journal
/// entries a year, ending today) into a new, empty data folder.
#[derive(Debug, Parser)]
#[command(name = "gen_history")]
struct Args {
    /// How many years of history, ending today (1-100)
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100))]
    years: u32,
    /// The data folder to fill; it must be new or empty
    #[arg(long, value_name = "DIR")]
    data_dir: PathBuf,
    /// Seed for the generator: the same seed, years and day give the same records
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Local state folder (device id, lock); defaults to a sibling "<data dir>-state"
    #[arg(long, value_name = "DIR")]
    state_dir: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_history: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let data_dir = std::path::absolute(&args.data_dir)
        .map_err(|e| format!("{}: {e}", args.data_dir.display()))?;
    let state_dir = match &args.state_dir {
        Some(dir) => std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?,
        None => sibling_state_dir(&data_dir)?,
    };
    if state_dir.starts_with(&data_dir) || data_dir.starts_with(&state_dir) {
        return Err(format!(
            "the state folder {} must be outside the data folder {} (and the other way round)",
            state_dir.display(),
            data_dir.display()
        ));
    }
    ensure_empty(&data_dir)?;

    let started = Instant::now();
    let history = generate::generate(&generate::Plan::ending_now(args.years, args.seed));
    let generated = started.elapsed();
    let (first, last) = match (history.records.first(), history.records.last()) {
        (Some(f), Some(l)) => (f.local_date(), l.local_date()),
        _ => return Err("the generator made no records".to_string()),
    };
    let summary = history.summary();

    let store = Store::open(Layout::new(&data_dir, &state_dir)).map_err(|e| e.to_string())?;
    let write_started = Instant::now();
    let written = generate::write(&store, history.records).map_err(|e| e.to_string())?;
    let wrote = write_started.elapsed();
    let (files, bytes) = folder_size(&store.layout().records_dir())?;

    println!("{summary}");
    println!(
        "{} months from {first} to {last}: {} files, {:.1} MB in {}",
        written.months,
        files,
        bytes as f64 / 1e6,
        store.layout().device_dir(store.device()).display()
    );
    println!(
        "generated in {:.2} s, written in {:.2} s ({} save_all calls, {} records stored), \
         total {:.2} s",
        generated.as_secs_f64(),
        wrote.as_secs_f64(),
        written.save_calls,
        written.report.changed,
        started.elapsed().as_secs_f64()
    );
    println!("state folder: {}", state_dir.display());
    println!(
        "try: ATTUNE_STATE_DIR={} cargo run --release -- --data-dir {} history",
        state_dir.display(),
        data_dir.display()
    );
    Ok(())
}

/// "<parent>/<name>-state" next to the data folder: never inside it.
fn sibling_state_dir(data_dir: &Path) -> Result<PathBuf, String> {
    match (data_dir.parent(), data_dir.file_name()) {
        (Some(parent), Some(name)) => Ok(parent.join(format!("{}-state", name.to_string_lossy()))),
        _ => Err(format!(
            "cannot put a state folder next to {}; pass --state-dir",
            data_dir.display()
        )),
    }
}

/// Refuse a folder that holds anything: generated records must never mix with real ones.
fn ensure_empty(dir: &Path) -> Result<(), String> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(format!(
                "{} is not empty; give a new folder so generated records never mix with real ones",
                dir.display()
            )),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}

/// Files and bytes under a folder, recursively.
fn folder_size(dir: &Path) -> Result<(usize, u64), String> {
    let mut files = 0;
    let mut bytes = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let meta = entry
            .metadata()
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        if meta.is_dir() {
            let (f, b) = folder_size(&entry.path())?;
            files += f;
            bytes += b;
        } else {
            files += 1;
            bytes += meta.len();
        }
    }
    Ok((files, bytes))
}
