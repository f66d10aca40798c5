//! `attune journal list|search|show`: reading entries on the command line, each line
//! made safe to print (the words may come from another device's file).

use super::journal::failure;
use super::{Ctx, Outcome, warn_problems};
use crate::copy::safe;
use crate::domain::journal::{Filter, cut_into, first_line};
use crate::service::journal::{self as journal, JournalError};
use crate::service::journal_index::Entry;
use crate::store::model::{Body, Journal, Record, Stamp};
use std::io::Write;
use uuid::Uuid;

/// What a list says before anything is stored: an empty array, or a plain sentence.
fn nothing_yet(json: bool, out: &mut dyn Write) -> Outcome {
    writeln!(
        out,
        "{}",
        if json {
            "[]"
        } else {
            "No journal entries yet."
        }
    )?;
    Ok(())
}

pub(super) fn show_list(
    ctx: &Ctx,
    filter: &Filter,
    limit: Option<usize>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let Some(store) = ctx.read_store()? else {
        return nothing_yet(json, out);
    };
    let (entries, problems) = journal::newest(&store, filter, limit)?;
    warn_problems(err, &problems);
    if json {
        serde_json::to_writer_pretty(&mut *out, &entries)?;
        writeln!(out)?;
    } else if entries.is_empty() {
        writeln!(out, "No journal entries here.")?;
    }
    if !json {
        let mut line = String::new();
        for r in &entries {
            if let Some(shown) = Shown::of_record(r) {
                shown.write(out, &mut line)?;
            }
        }
    }
    Ok(())
}

/// Search through the local index; the full records are read only for --json.
pub(super) fn search(
    ctx: &Ctx,
    query: String,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let Some(store) = ctx.read_store()? else {
        return nothing_yet(json, out);
    };
    let filter = Filter {
        query: Some(query),
        ..Filter::default()
    };
    let (hits, problems) = crate::service::journal_index::search(&store, &filter)?;
    warn_problems(err, &problems);
    if json {
        let mut months: Vec<String> = hits
            .iter()
            .map(|h| h.meta.created_at.format("%Y-%m").to_string())
            .collect();
        months.dedup();
        let snap = store.load_months(&months)?;
        let full: Vec<&Record> = hits
            .iter()
            .filter_map(|h| snap.merged.get(&h.meta.id))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &full)?;
        writeln!(out)?;
    } else if hits.is_empty() {
        writeln!(out, "No journal entries hold that.")?;
    } else {
        let mut line = String::new();
        for h in &hits {
            Shown::of_hit(h).write(out, &mut line)?;
        }
    }
    Ok(())
}

pub(super) fn journal_of(r: &Record) -> Option<&Journal> {
    match &r.body {
        Body::Journal(j) => Some(j),
        _ => None,
    }
}

/// What one list line shows, borrowed from a record or a search hit.
struct Shown<'a> {
    at: &'a Stamp,
    id: &'a Uuid,
    text: &'a str,
    starred: bool,
    tags: &'a [String],
    sensations: &'a [String],
}

impl<'a> Shown<'a> {
    fn of_record(r: &'a Record) -> Option<Shown<'a>> {
        journal_of(r).map(|j| Shown {
            at: &r.created_at,
            id: &r.id,
            text: &j.text,
            starred: j.starred,
            tags: &j.tags,
            sensations: &j.sensations,
        })
    }

    fn of_hit(h: &'a Entry) -> Shown<'a> {
        Shown {
            at: &h.meta.created_at,
            id: &h.meta.id,
            text: &h.text,
            starred: h.starred,
            tags: &h.tags,
            sensations: &h.sensations,
        }
    }

    /// "2026-11-30 21:15  01a2b3c4  First line of the entry…  #work  (tight chest)", made
    /// safe, as one line of `out`. `line` is a buffer kept from one line to the next, so
    /// a thousand lines take no allocation each.
    fn write(&self, out: &mut dyn Write, line: &mut String) -> std::io::Result<()> {
        line.clear();
        push_minute(line, self.at);
        line.push_str("  ");
        push_short_id(line, self.id);
        line.push_str("  ");
        if self.starred {
            line.push_str("★ ");
        }
        cut_into(line, first_line(self.text), 60);
        for t in self.tags {
            line.push_str("  #");
            line.push_str(t);
        }
        if let Some((first, rest)) = self.sensations.split_first() {
            line.push_str("  (");
            line.push_str(first);
            for s in rest {
                line.push_str(", ");
                line.push_str(s);
            }
            line.push(')');
        }
        out.write_all(safe::line(line).as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The moment as "%Y-%m-%d %H:%M" writes it, without parsing that format for every line.
fn push_minute(line: &mut String, at: &Stamp) {
    use chrono::{Datelike, Timelike};
    let t = at.naive_local();
    let Ok(year) = u32::try_from(t.year()) else {
        return push_formatted(line, at);
    };
    // %Y pads to four digits only within 0..=9999; chrono writes the rare rest.
    if year > 9999 {
        return push_formatted(line, at);
    }
    push_digits(line, year, 4);
    for (sep, n) in [
        ('-', t.month()),
        ('-', t.day()),
        (' ', t.hour()),
        (':', t.minute()),
    ] {
        line.push(sep);
        push_digits(line, n, 2);
    }
}

fn push_formatted(line: &mut String, at: &Stamp) {
    use std::fmt::Write as _;
    let _ = write!(line, "{}", at.format("%Y-%m-%d %H:%M"));
}

/// `n` in decimal, zero-padded to `width` digits (n has no more).
fn push_digits(line: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        line.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
    }
}

/// `journal::short_id`, written into the line: the last 8 hex digits of the id.
fn push_short_id(line: &mut String, id: &Uuid) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in &id.as_bytes()[12..] {
        line.push(char::from(HEX[usize::from(b >> 4)]));
        line.push(char::from(HEX[usize::from(b & 0xf)]));
    }
}

pub(super) fn show(ctx: &Ctx, id: &str, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let store = ctx
        .read_store()?
        .ok_or_else(|| failure(JournalError::NotFound(id.to_string())))?;
    let (r, unreadable) = journal::find_counting(&store, id).map_err(failure)?;
    super::warn_unreadable(err, unreadable);
    let Some(j) = journal_of(&r) else {
        return Ok(());
    };
    writeln!(out, "{}  {}", r.created_at.format("%A %-d %B %Y, %H:%M"), r.id)?;
    if j.starred {
        writeln!(out, "★ Starred")?;
    }
    if let Some(p) = &j.prompt {
        writeln!(out, "Prompt: {}", safe::line(p))?;
    }
    if let Some(after) = j
        .session_id
        .and_then(|id| super::journal_words::practice_before(ctx, &store, &r, id))
    {
        writeln!(out, "{}", safe::line(&after))?;
    }
    for (label, words) in [
        ("Tags", &j.tags),
        ("Body", &j.sensations),
        ("Feelings", &j.feelings),
    ] {
        if !words.is_empty() {
            writeln!(out, "{label}: {}", safe::line(&words.join(", ")))?;
        }
    }
    writeln!(out, "\n{}", safe::text(j.text.trim_end()))?;
    Ok(())
}
