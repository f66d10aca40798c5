//! `attune journal edit ID --tag … --sensation … --feeling … --clear …`: changing an
//! entry's words without touching its text, and the line `journal show` gives an entry
//! written after a practice.

use super::journal::{failure, find};
use super::{Ctx, Failure, Outcome};
use crate::service::journal::{self as journal, WordsChange};
use crate::store::Store;
use crate::store::model::{Body, Record};
use chrono::Days;
use std::io::Write;
use uuid::Uuid;

/// Which of an entry's word lists `--clear` empties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum List {
    Tags,
    Sensations,
    Feelings,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    pub id: String,
    /// Replace the entry's tags with these (repeat for more); the text stays as it is
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Replace its body-sensation words with these (repeat for more)
    #[arg(long = "sensation", value_name = "WORD")]
    pub sensations: Vec<String>,
    /// Replace its feeling words with these (repeat for more)
    #[arg(long = "feeling", value_name = "WORD")]
    pub feelings: Vec<String>,
    /// Empty one list of words (repeat for more)
    #[arg(long, value_name = "LIST")]
    pub clear: Vec<List>,
}

impl EditArgs {
    /// Whether this edit is of words only (else it is of the text).
    pub fn changes_words(&self) -> bool {
        !(self.tags.is_empty()
            && self.sensations.is_empty()
            && self.feelings.is_empty()
            && self.clear.is_empty())
    }

    fn change(&self) -> Result<WordsChange, Failure> {
        let pick = |given: &[String], list: List| -> Result<Option<Vec<String>>, Failure> {
            match (given.is_empty(), self.clear.contains(&list)) {
                (false, true) => Err(Failure::usage(format!(
                    "--clear {} and new words for it cannot go together",
                    list_name(list)
                ))),
                (_, true) => Ok(Some(Vec::new())),
                (false, false) => Ok(Some(given.to_vec())),
                (true, false) => Ok(None),
            }
        };
        Ok(WordsChange {
            tags: pick(&self.tags, List::Tags)?,
            sensations: pick(&self.sensations, List::Sensations)?,
            feelings: pick(&self.feelings, List::Feelings)?,
        })
    }
}

fn list_name(list: List) -> &'static str {
    match list {
        List::Tags => "tags",
        List::Sensations => "sensations",
        List::Feelings => "feelings",
    }
}

/// Change only the words of an entry; its text, prompt and link stay.
pub fn edit(ctx: &Ctx, args: &EditArgs, out: &mut dyn Write) -> Outcome {
    let change = args.change()?;
    let (_, record) = find(ctx, &args.id)?;
    let store = ctx.open_store()?;
    let (_, report) =
        journal::edit_words(&store, &record, &change, ctx.clock.wall()).map_err(failure)?;
    if report.changed == 0 {
        writeln!(out, "{}", crate::copy::correct::NOTHING_CHANGED)?;
    } else {
        writeln!(out, "Saved.")?;
    }
    Ok(())
}

/// "Written after a practice: Long exhale 4-6 at 07:40." for an entry linked to a
/// practice, found among the records of its day and the day before.
pub fn practice_before(ctx: &Ctx, store: &Store, entry: &Record, id: Uuid) -> Option<String> {
    let day = entry.local_date();
    let snap = store
        .load_range(day.checked_sub_days(Days::new(1))?, day)
        .ok()?;
    let practice = snap.merged.into_live().into_iter().find(|r| r.id == id)?;
    let Body::Session(s) = &practice.body else {
        return None;
    };
    let name = practice_name(ctx, &s.practice, &s.practice_id);
    Some(crate::copy::summary::written_after(
        &name,
        &practice.created_at.format("%H:%M").to_string(),
    ))
}

/// A practice by its name, the user's own patterns and routines included.
fn practice_name(ctx: &Ctx, practice: &str, id: &str) -> String {
    let dir = ctx.config_dir.as_deref();
    let name = if practice == "ground" {
        crate::content::all_routines_with(dir, &ctx.config.routines)
            .ok()
            .and_then(|all| all.into_iter().find(|r| r.id == id).map(|r| r.title))
    } else {
        crate::content::all_patterns_with(dir, &ctx.config.patterns)
            .ok()
            .and_then(|all| all.into_iter().find(|p| p.id == id).map(|p| p.name))
    };
    name.unwrap_or_else(|| id.to_string())
}
