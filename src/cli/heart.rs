//! `attune heart`: bring in a heart-beat file as a reading (`import`), and read the
//! readings back (`show`), each number with its meaning in words; `rest` and `scan` live
//! in files of their own.

use super::{Ctx, Failure, Outcome, warn_problems};
use crate::copy::heart as say;
use crate::domain::heart::weeks::rest_weeks;
use crate::service::heart::{ReadError, read_intervals, reading, readings, save};
use crate::store::model::{Body, Heart, Record};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Sub {
    /// Bring in a heart-beat file (Elite HRV, Polar Sensor Logger, HRV Logger, or one
    /// interval in ms a line) as a reading
    Import(ImportArgs),
    /// Recent readings, and resting readings week by week
    Show(ShowArgs),
    /// Delete a reading (asks first; --yes to skip the question)
    Delete {
        /// The reading's id, or its first characters (`attune heart show --json` lists them)
        id: String,
        /// Delete without asking (for scripts)
        #[arg(long)]
        yes: bool,
    },
    /// A resting baseline read live: 1-5 minutes sitting quietly, from a strap's feed
    Rest(super::heart_rest::RestArgs),
    /// Bluetooth heart-rate straps nearby, by name and address (needs the `ble` feature)
    Scan(super::heart_scan::ScanArgs),
    /// The beats kept beside a practice on this device (breathe --keep-beats), as CSV
    Export(super::heart_export::ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file of heart-beat intervals
    pub file: PathBuf,
    /// A resting baseline: taken sitting quietly, not during or right after practice
    #[arg(long)]
    pub rest: bool,
    /// Print the stored reading as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// How many recent readings to list
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Print the readings and resting weeks as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    match args.command {
        Sub::Import(a) => import(ctx, a, out),
        Sub::Show(a) => show(ctx, a, out, err),
        Sub::Rest(a) => super::heart_rest::run(ctx, a, out, err),
        Sub::Scan(a) => super::heart_scan::run(a, out, err),
        Sub::Export(a) => super::heart_export::run(ctx, a, out),
        Sub::Delete { id, yes } => delete(ctx, &id, yes, out),
    }
}

fn import(ctx: &Ctx, args: ImportArgs, out: &mut dyn Write) -> Outcome {
    let name = args.file.display().to_string();
    // Everything is read and checked before the store is opened: a bad file changes nothing.
    let (format, rr) = read_intervals(&args.file).map_err(|e| match e {
        ReadError::Io(e) => Failure::usage(say::unreadable_file(&name, &e.to_string())),
        ReadError::TooBig => {
            Failure::usage(say::too_big(&name, crate::service::heart::MAX_FILE_MB))
        }
        ReadError::TooManyBeats => {
            Failure::usage(say::too_many_beats(&name, crate::service::heart::MAX_BEATS))
        }
        ReadError::NotText(line) => Failure::usage(say::not_text(&name, line)),
        ReadError::Line(e) => Failure::usage(say::line_error(&name, &e)),
    })?;
    let Some(heart) = reading(format.id(), &rr, args.rest, None) else {
        return Err(Failure::usage(say::too_short(&name)));
    };
    let store = ctx.open_store()?;
    let record = save(&store, heart, ctx.clock.wall()).map_err(Failure::failed)?;
    say_reading(&record, args.json, out)
}

/// A stored reading: the record as JSON, or each number with its meaning.
pub(super) fn say_reading(record: &Record, json: bool, out: &mut dyn Write) -> Outcome {
    if json {
        serde_json::to_writer_pretty(&mut *out, record)?;
        writeln!(out)?;
        return Ok(());
    }
    if let Body::Heart(h) = &record.body {
        writeln!(out, "{}", say::saved(h))?;
        for line in say::numbers(h) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

fn show(ctx: &Ctx, args: ShowArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let (records, problems, unreadable) = match ctx.read_store()? {
        Some(store) => readings(&store)?,
        None => Default::default(),
    };
    warn_problems(err, &problems);
    super::warn_unreadable(err, unreadable);
    let hearts: Vec<(&Record, &Heart)> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Heart(h) => Some((r, h)),
            _ => None,
        })
        .collect();
    let days: Vec<_> = hearts.iter().map(|(r, h)| (r.local_date(), *h)).collect();
    let weeks = rest_weeks(&days, ctx.config.week.starts_on);
    let recent = &hearts[hearts.len().saturating_sub(args.limit)..];
    if args.json {
        let readings: Vec<&Record> = recent.iter().map(|(r, _)| *r).collect();
        let doc = serde_json::json!({ "readings": readings, "rest_weeks": weeks });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)?;
        return Ok(());
    }
    if hearts.is_empty() {
        writeln!(out, "{}", say::NONE_YET)?;
        return Ok(());
    }
    writeln!(out, "{}", say::RECENT)?;
    for (r, h) in recent {
        writeln!(out, "  {}", say::dated(&r.created_at, h))?;
    }
    if weeks.is_empty() {
        writeln!(out, "{}", say::NO_REST)?;
    } else {
        writeln!(out, "{}", say::REST_WEEKS)?;
        for w in &weeks {
            writeln!(out, "{}", say::rest_week(w))?;
        }
        writeln!(out, "{}", say::REST_NOTE)?;
    }
    Ok(())
}

/// Why a record could not be found, naming it as `what`: the finder names a record of a
/// kind it does not know as a "record".
pub(super) fn refusal(what: &'static str, e: crate::service::correct::CorrectError) -> Failure {
    use crate::service::correct::CorrectError;
    match e {
        CorrectError::Store(e) => Failure::failed(e),
        CorrectError::NotFound { id, .. } => Failure::usage(CorrectError::NotFound { what, id }),
        CorrectError::Ambiguous { id, .. } => Failure::usage(CorrectError::Ambiguous { what, id }),
        e => Failure::usage(e),
    }
}

/// Delete one reading everywhere, after asking (as `attune history delete` does).
fn delete(ctx: &Ctx, id: &str, yes: bool, out: &mut dyn Write) -> Outcome {
    use crate::copy::correct as words;
    use crate::service::correct::{self, CorrectError};
    let what = "heart reading";
    let refuse = |e| refusal(what, e);
    let none = || {
        refuse(CorrectError::NotFound {
            what,
            id: id.to_string(),
        })
    };
    let store = ctx.read_store()?.ok_or_else(none)?;
    let (record, _) =
        correct::find_counting(&store, id, &[crate::store::model::Kind::Heart]).map_err(refuse)?;
    let Body::Heart(h) = &record.body else {
        return Err(none());
    };
    let line = say::dated(&record.created_at, h);
    let question = words::ask_delete(&record, &line);
    if !super::confirm::ask(&question, yes, words::NEEDS_YES, out)? {
        writeln!(out, "{}", words::KEPT)?;
        return Ok(());
    }
    let store = ctx.open_store()?;
    correct::delete(&store, &record, ctx.clock.wall())?;
    writeln!(out, "{}", words::DELETED)?;
    Ok(())
}
