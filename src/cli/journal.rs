//! `attune journal …`: the subcommands, and writing, editing and deleting entries from
//! the command line (reading them is in `journal_read`).

use super::journal_read::{self as read, journal_of};
use super::journal_text::{in_editor, kept_as_draft, new_draft, read_stdin};
use super::{Ctx, Failure, Outcome, Routed};
use crate::content::prompts;
use crate::copy::safe;
use crate::domain::journal::{Filter, MAX_TEXT_BYTES, cut, first_line, within_limit};
use crate::service::journal::{self as journal, JournalError, NewEntry};
use crate::store::drafts::Draft;
use crate::store::model::Record;
use crate::tui::Start;
use chrono::NaiveDate;
use std::io::{IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Sub {
    /// Write a new entry (text from stdin when it is not a terminal)
    New(NewArgs),
    /// List entries, newest first
    List(ListArgs),
    /// Show one entry in full
    Show { id: String },
    /// Find entries holding every word of QUERY
    Search {
        /// Words that must all be in an entry (case and accents do not matter)
        query: String,
        /// The entries found, as JSON (see docs/json.md)
        #[arg(long)]
        json: bool,
    },
    /// Change an entry's text (from stdin, or in $EDITOR), or with --tag, --sensation,
    /// --feeling or --clear only those words
    Edit(super::journal_words::EditArgs),
    /// Mark an entry with a star, to find it again with `journal list --starred`
    Star { id: String },
    /// Take an entry's star off
    Unstar { id: String },
    /// Delete an entry (asks first)
    Delete {
        id: String,
        /// Do not ask (needed when there is no terminal to ask on)
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Write to this prompt (see `attune prompts`)
    #[arg(long, value_name = "ID")]
    pub prompt: Option<String>,
    /// A tag to find the entry by later (repeat for more)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// A body-sensation word, e.g. "tight chest" (repeat for more)
    #[arg(long = "sensation", value_name = "WORD")]
    pub sensations: Vec<String>,
    /// A feeling word, e.g. "sad" (repeat for more)
    #[arg(long = "feeling", value_name = "WORD")]
    pub feelings: Vec<String>,
    /// Write in $EDITOR instead
    #[arg(long)]
    pub editor: bool,
    /// Print the new entry's id (as it is printed when not on a terminal)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Entries written on this day or later (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// Entries written on this day or earlier (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// Entries with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// At most this many entries, newest first
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only entries marked with a star
    #[arg(long)]
    pub starred: bool,
    /// The entries as JSON (see docs/json.md)
    #[arg(long)]
    pub json: bool,
}

pub(super) fn failure(e: JournalError) -> Failure {
    match e {
        JournalError::Store(e) => Failure::failed(e),
        // Nothing to save is a mistake in the input, like any other: exit 2.
        JournalError::Empty => Failure::usage(e),
        other => Failure::usage(other),
    }
}

/// Runs the command, or says which full screen `main` should open instead.
pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    let done = match args.command {
        None if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            return Ok(Some(Start::Journal { entry: None }));
        }
        None => Err(Failure::usage(
            "without a terminal, use `attune journal new|list|show|search|edit|delete`",
        )),
        Some(Sub::New(a)) => return new(ctx, a, out),
        Some(Sub::List(a)) if a.since.zip(a.until).is_some_and(|(s, u)| s > u) => {
            let (s, u) = (a.since.unwrap_or_default(), a.until.unwrap_or_default());
            Err(Failure::usage(format!("--since {s} is after --until {u}")))
        }
        Some(Sub::List(a)) => {
            let filter = Filter {
                since: a.since,
                until: a.until,
                tag: a.tag,
                starred: a.starred,
                ..Filter::default()
            };
            read::show_list(ctx, &filter, a.limit, a.json, out, err)
        }
        Some(Sub::Search { query, json }) => read::search(ctx, query, json, out, err),
        Some(Sub::Show { id }) => read::show(ctx, &id, out, err),
        Some(Sub::Edit(a)) if a.changes_words() => super::journal_words::edit(ctx, &a, out),
        Some(Sub::Edit(a)) => edit(ctx, &a.id, out),
        Some(Sub::Star { id }) => super::journal_words::star(ctx, &id, true, out),
        Some(Sub::Unstar { id }) => super::journal_words::star(ctx, &id, false, out),
        Some(Sub::Delete { id, yes }) => delete(ctx, &id, yes, out),
    };
    done.map(|()| None)
}

fn new(ctx: &Ctx, a: NewArgs, out: &mut dyn Write) -> Routed {
    let all = prompts();
    let mut entry = NewEntry {
        prompt_id: a.prompt,
        tags: a.tags,
        sensations: a.sensations,
        feelings: a.feelings,
        ..NewEntry::default()
    };
    if let Some(id) = &entry.prompt_id
        && all.get(id).is_none()
    {
        return Err(failure(JournalError::UnknownPrompt(id.clone())));
    }
    let interactive = std::io::stdin().is_terminal();
    entry.text = if a.editor {
        let prompt = entry
            .prompt_id
            .as_deref()
            .and_then(|id| all.get(id))
            .map(|p| p.text.clone());
        let start = prompt.map(|p| format!("{p}\n\n")).unwrap_or_default();
        let keep = |text: String| {
            kept_as_draft(
                ctx,
                &new_draft(&entry, text, ctx.clock.wall()),
                "the editor did not finish cleanly",
            )
        };
        in_editor(ctx, &start, &keep)?
    } else if interactive && std::io::stdout().is_terminal() {
        return Ok(Some(Start::Journal { entry: Some(entry) }));
    } else {
        read_stdin()?
    };
    if !within_limit(&entry.text) {
        let why = too_long(entry.text.len());
        if a.editor {
            // Typed in an editor, these words exist nowhere else: keep them aside.
            let draft = new_draft(&entry, entry.text.clone(), ctx.clock.wall());
            let kept = kept_as_draft(ctx, &draft, &why);
            return Err(Failure::usage(kept.message));
        }
        return Err(Failure::usage(why));
    }
    let record = journal::entry(entry.clone(), &all, ctx.clock.wall()).map_err(failure)?;
    let saved = ctx
        .open_store()
        .and_then(|store| Ok(store.save(record.clone())?));
    if let Err(f) = saved {
        if a.editor {
            // Typed in an editor, these words exist nowhere else: keep them.
            let draft = new_draft(&entry, entry.text.clone(), ctx.clock.wall());
            return Err(kept_as_draft(ctx, &draft, &format!("nothing was saved ({})", f.message)));
        }
        return Err(f);
    }
    let said = crate::copy::summary::saved_entry();
    super::say_saved(ctx, a.json, said, &record.id, out)?;
    Ok(None)
}

/// Why text over the limit is not taken, in one plain sentence.
fn too_long(bytes: usize) -> String {
    format!(
        "the text is {bytes} bytes, more than the {MAX_TEXT_BYTES} (1 MB) one entry can hold, \
         so nothing was saved; it could be split into a few entries"
    )
}

pub(super) fn find(ctx: &Ctx, id: &str) -> Result<(crate::store::Store, Record), Failure> {
    let store = ctx
        .read_store()?
        .ok_or_else(|| failure(JournalError::NotFound(id.to_string())))?;
    let record = journal::find(&store, id).map_err(failure)?;
    Ok((store, record))
}

fn edit(ctx: &Ctx, id: &str, out: &mut dyn Write) -> Outcome {
    let (_, record) = find(ctx, id)?;
    let old = journal_of(&record)
        .map(|j| j.text.clone())
        .unwrap_or_default();
    let terminal = std::io::stdin().is_terminal();
    let draft_of = |text: String| {
        let mut d = Draft::new(text, ctx.clock.wall());
        d.editing = Some(record.clone());
        d
    };
    let text = if terminal {
        let keep =
            |text: String| kept_as_draft(ctx, &draft_of(text), "the editor did not finish cleanly");
        in_editor(ctx, &old, &keep)?
    } else {
        read_stdin()?
    };
    if text == old {
        writeln!(out, "No change.")?;
        return Ok(());
    }
    if !within_limit(&text) {
        let why = too_long(text.len());
        if terminal {
            // Typed in an editor, these words exist nowhere else: keep them aside.
            return Err(Failure::usage(kept_as_draft(ctx, &draft_of(text), &why).message));
        }
        return Err(Failure::usage(why));
    }
    let store = ctx.open_store()?;
    let edited = journal::edit(&store, &record, text.clone(), ctx.clock.wall());
    let report = match edited {
        Ok((_, report)) => report,
        Err(e) if terminal => {
            let why = format!("nothing was saved ({})", failure(e).message);
            return Err(kept_as_draft(ctx, &draft_of(text), &why));
        }
        Err(e) => return Err(failure(e)),
    };
    if report.changed == 0 {
        // Never "Saved." for a save that kept what was there.
        return Err(Failure::failed(
            "a newer version of this entry is already stored, so this edit was not kept",
        ));
    }
    writeln!(out, "Saved.")?;
    Ok(())
}

fn delete(ctx: &Ctx, id: &str, yes: bool, out: &mut dyn Write) -> Outcome {
    let (_, record) = find(ctx, id)?;
    let first = journal_of(&record)
        .map(|j| cut(first_line(&j.text), 40))
        .unwrap_or_default();
    let question = format!(
        "Delete the entry from {} (\"{}\")? y or n: ",
        record.created_at.format("%Y-%m-%d"),
        safe::line(&first)
    );
    if !super::confirm::ask(&question, yes, crate::copy::correct::NEEDS_YES, out)? {
        writeln!(out, "{}", crate::copy::correct::KEPT)?;
        return Ok(());
    }
    let store = ctx.open_store()?;
    journal::delete(&store, &record, ctx.clock.wall()).map_err(failure)?;
    writeln!(out, "Deleted.")?;
    Ok(())
}
