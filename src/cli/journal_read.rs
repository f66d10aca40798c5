//! `attune journal list|search|show`: reading entries on the command line, each line
//! made safe to print (the words may come from another device's file).

use super::journal::failure;
use super::{Ctx, Outcome, warn_problems};
use crate::copy::safe;
use crate::domain::journal::{Filter, cut, first_line};
use crate::service::journal::{self as journal, JournalError};
use crate::store::model::{Body, Journal, Record};
use std::io::Write;

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
        for r in &entries {
            writeln!(out, "{}", safe::line(&list_line(r)))?;
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
        for h in &hits {
            let line = list_line(&crate::service::index::Slim::record(h));
            writeln!(out, "{}", safe::line(&line))?;
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

/// "2026-11-30 21:15  01a2b3c4  First line of the entry…  #work  (tight chest)"
fn list_line(r: &Record) -> String {
    let Some(j) = journal_of(r) else {
        return String::new();
    };
    let first = first_line(&j.text);
    let star = if j.starred { "★ " } else { "" };
    let mut line = format!(
        "{}  {}  {star}{}",
        r.created_at.format("%Y-%m-%d %H:%M"),
        journal::short_id(&r.id),
        cut(first, 60)
    );
    for t in &j.tags {
        line.push_str(&format!("  #{t}"));
    }
    if !j.sensations.is_empty() {
        line.push_str(&format!("  ({})", j.sensations.join(", ")));
    }
    line
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
