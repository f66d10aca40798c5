//! `attune history`: live records in a date range, as lines or as a JSON array.

use super::{Ctx, Failure, Outcome, warn_problems};
use crate::copy::safe;
use crate::service::records::{Filter, history};
use crate::store::model::{Body, Checkin, Journal, Kind, Record, Session};
use chrono::NaiveDate;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<super::record::Sub>,
    /// First day to show (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// Last day to show (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// Only this kind: session, checkin, journal or heart
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Print a JSON array of records
    #[arg(long)]
    pub json: bool,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s)
        .ok_or_else(|| format!("'{s}' is not a kind; use session, checkin, journal or heart"))
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if let Some(sub) = args.command {
        return super::record::run(ctx, sub, out);
    }
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s > u
    {
        return Err(Failure::usage(format!("--since {s} is after --until {u}")));
    }
    let Some(store) = ctx.read_store()? else {
        return nothing_stored(ctx, args.json, out);
    };
    let filter = Filter {
        since: args.since,
        until: args.until,
        kind: args.kind,
    };
    let (records, problems, unreadable) = history(&store, &filter)?;
    warn_problems(err, &problems);
    super::warn_unreadable(err, unreadable);
    if args.json {
        // Written through a buffer of its own type: the millions of small writes of the
        // JSON then cost a copy each, not a call through `dyn Write` each.
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
        super::pretty::to_writer(&mut buffered, &records)?;
        buffered.flush()?;
        drop(buffered);
        writeln!(out)?;
    } else if records.is_empty() && !problems.is_empty() {
        writeln!(out, "No records could be read; see the files named above.")?;
    } else if records.is_empty() {
        writeln!(out, "No records here yet.")?;
    } else {
        let names = crate::service::trends::names_for_cli(ctx.config_dir.as_deref(), &ctx.config);
        for r in &records {
            writeln!(out, "{}", safe::line(&line(r, &names)))?;
        }
    }
    Ok(())
}

fn nothing_stored(ctx: &Ctx, json: bool, out: &mut dyn Write) -> Outcome {
    if json {
        writeln!(out, "[]")?;
    } else {
        let dir = ctx.layout.data_dir.display().to_string();
        writeln!(out, "Nothing is stored in {} yet.", safe::line(&dir))?;
    }
    Ok(())
}

/// Practice names by id, for saying a practice by its name.
pub type Names = std::collections::BTreeMap<String, String>;

/// One readable line per record: when, what (a practice by its name), and its main values.
pub fn line(r: &Record, names: &Names) -> String {
    let when = r.created_at.format("%Y-%m-%d %H:%M");
    let (what, detail) = match &r.body {
        Body::Checkin(c) => ("check-in", checkin_detail(c)),
        Body::Session(s) => ("practice", session_detail(s, names)),
        Body::Journal(j) => ("journal", journal_detail(j)),
        Body::Heart(h) => ("heart", crate::copy::heart::brief(h)),
    };
    format!("{when}  {what:<8}  {detail}")
}

fn checkin_detail(c: &Checkin) -> String {
    let mut parts: Vec<String> = crate::domain::checkin::Scale::ALL
        .into_iter()
        .filter_map(|s| s.get(c).map(|v| format!("{} {v}", s.key())))
        .collect();
    parts.extend(c.sensations.iter().cloned());
    let mut text = parts.join(" · ");
    if let Some(note) = &c.note {
        text.push_str(&format!(" — {note}"));
    }
    text
}

fn session_detail(s: &Session, names: &Names) -> String {
    let minutes = s.actual_seconds / 60.0;
    let name = names.get(&s.practice_id).unwrap_or(&s.practice_id);
    let mut text = format!("{name} {minutes:.1} min");
    if !s.completed {
        text.push_str(" (stopped early)");
    }
    match (s.distress_before, s.distress_after) {
        (Some(b), Some(a)) => text.push_str(&format!(" · distress {b} → {a}")),
        (Some(b), None) => text.push_str(&format!(" · distress before {b}")),
        _ => {}
    }
    text
}

fn journal_detail(j: &Journal) -> String {
    let first = j
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut short: String = first.chars().take(60).collect();
    if first.chars().count() > 60 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn a_checkin_line_reads_plainly() {
        let t = DateTime::parse_from_rfc3339("2026-11-30T09:05:00+01:00").unwrap();
        let r = Record::new(
            Body::Checkin(Checkin {
                distress: 4,
                pain: Some(2),
                sensations: vec!["headache".into()],
                note: Some("slept badly".into()),
                ..Checkin::default()
            }),
            t,
        );
        assert_eq!(
            line(&r, &Names::new()),
            "2026-11-30 09:05  check-in  distress 4 · pain 2 · headache — slept badly"
        );
    }
}
