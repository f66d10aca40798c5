//! `attune history show|edit|delete ID`: one check-in or practice, read in full,
//! corrected (a practice's ratings and note), or deleted everywhere.

use super::checkin_edit::failure;
use super::{Ctx, Failure, Outcome, confirm};
use crate::copy::{correct as words, safe};
use crate::service::correct::{self, CorrectError, PracticeChange, rating};
use crate::store::Store;
use crate::store::model::{Body, Record};
use std::io::Write;

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Sub {
    /// Show one check-in or practice in full
    Show {
        /// The record's id, its start or its end
        id: String,
        /// Print the record as JSON
        #[arg(long)]
        json: bool,
    },
    /// Correct a practice: its distress before and after, or a note
    Edit(EditArgs),
    /// Delete a check-in or a practice (asks first)
    Delete {
        /// The record's id, its start or its end
        id: String,
        /// Do not ask (needed when there is no terminal to ask on)
        #[arg(long)]
        yes: bool,
    },
}

/// What `--clear` can empty on a practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Clearable {
    Before,
    After,
    Note,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The practice's id, its start or its end
    pub id: String,
    /// Distress before the practice, 0-10
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub before: Option<i64>,
    /// Distress after the practice, 0-10
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub after: Option<i64>,
    /// A one-line note, replacing any stored one
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Empty a rating or the note (repeat for more)
    #[arg(long, value_name = "ITEM")]
    pub clear: Vec<Clearable>,
}

impl EditArgs {
    fn change(&self) -> Result<PracticeChange, Failure> {
        let value = |label, v: Option<i64>| -> Result<Option<Option<u8>>, Failure> {
            v.map(|v| rating(label, v).map(Some).map_err(failure))
                .transpose()
        };
        let mut change = PracticeChange {
            before: value("--before", self.before)?,
            after: value("--after", self.after)?,
            note: self.note.clone().map(Some),
        };
        for item in &self.clear {
            match item {
                Clearable::Before => change.before = Some(None),
                Clearable::After => change.after = Some(None),
                Clearable::Note => change.note = Some(None),
            }
        }
        Ok(change)
    }
}

pub fn run(ctx: &Ctx, sub: Sub, out: &mut dyn Write) -> Outcome {
    match sub {
        Sub::Show { id, json } => show(ctx, &id, json, out),
        Sub::Edit(args) => edit(ctx, &args, out),
        Sub::Delete { id, yes } => delete(ctx, &id, yes, out),
    }
}

/// The store and the record `id` names, or exit 2 when there is none.
fn found(ctx: &Ctx, id: &str) -> Result<(Store, Record), Failure> {
    let none = || {
        failure(CorrectError::NotFound {
            what: "record",
            id: id.to_string(),
        })
    };
    let store = ctx.read_store()?.ok_or_else(none)?;
    let record = correct::find_correctable(&store, id).map_err(failure)?;
    Ok((store, record))
}

fn show(ctx: &Ctx, id: &str, json: bool, out: &mut dyn Write) -> Outcome {
    let (_, record) = found(ctx, id)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &record)?;
        writeln!(out)?;
        return Ok(());
    }
    let names = crate::service::trends::names_for_cli(ctx.config_dir.as_deref(), &ctx.config);
    writeln!(out, "{}", safe::line(&super::history::line(&record, &names)))?;
    if let Body::Session(s) = &record.body
        && let Some(note) = &s.note
    {
        writeln!(out, "note: {}", safe::line(note))?;
    }
    writeln!(out, "id: {}", record.id)?;
    Ok(())
}

fn edit(ctx: &Ctx, args: &EditArgs, out: &mut dyn Write) -> Outcome {
    let change = args.change()?;
    if change.is_empty() {
        return Err(Failure::usage(words::NOTHING_TO_CHANGE_PRACTICE));
    }
    let (_, record) = found(ctx, &args.id)?;
    let store = ctx.open_store()?;
    let (updated, report) =
        correct::edit_practice(&store, &record, &change, ctx.clock.wall()).map_err(failure)?;
    let said = if report.changed == 0 {
        words::NOTHING_CHANGED.to_string()
    } else {
        words::changed(&updated)
    };
    writeln!(out, "{said}")?;
    Ok(())
}

fn delete(ctx: &Ctx, id: &str, yes: bool, out: &mut dyn Write) -> Outcome {
    let (_, record) = found(ctx, id)?;
    let names = crate::service::trends::names_for_cli(ctx.config_dir.as_deref(), &ctx.config);
    let line = super::history::line(&record, &names);
    let summary = safe::line(&line);
    let question = words::ask_delete(&record, &summary);
    if !confirm::ask(&question, yes, words::NEEDS_YES, out)? {
        writeln!(out, "{}", words::KEPT)?;
        return Ok(());
    }
    let store = ctx.open_store()?;
    correct::delete(&store, &record, ctx.clock.wall())?;
    writeln!(out, "{}", words::DELETED)?;
    Ok(())
}
