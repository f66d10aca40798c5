//! `attune status`: one short line about today for a shell prompt, which never breaks the
//! prompt; and the shell completions and manual page, generated from the same arguments.

use super::{Cli, Ctx, Outcome};
use crate::domain::today::{TodaySummary, summarise, week_start};
use crate::service::prompt_cache;
use crate::store::{Store, layout, read};
use clap::CommandFactory;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shortest form, for a prompt; on any problem it prints nothing and exits 0
    #[arg(long)]
    pub prompt: bool,
}

/// The most a prompt reads: this week's month files, over every device, must hold no more
/// than this, or the prompt prints nothing. Reading and parsing 2 MB of JSON takes a few
/// milliseconds in a release build, well inside the prompt's 50 ms; a 155 MB month took
/// most of a second (see BENCHMARKS.md).
pub const PROMPT_READ_LIMIT: u64 = 2 * 1024 * 1024;

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    if args.prompt {
        // A prompt must never break, nor wait: any problem, or a week too big to read in
        // time, prints nothing, and the exit is 0.
        if !week_is_small(ctx) {
            return Ok(());
        }
        if let Some(line) = prompt(ctx) {
            let _ = writeln!(out, "{line}");
        }
        return Ok(());
    }
    let s = today(ctx)?;
    writeln!(out, "{}", full_line(&s))?;
    Ok(())
}

/// Whether this week's month files are small enough for a prompt to read in time.
fn week_is_small(ctx: &Ctx) -> bool {
    let day = ctx.clock.wall().date_naive();
    let months = layout::months_between(week_start(day, ctx.config.week.starts_on), day);
    if !ctx.layout.data_dir.exists() {
        return true;
    }
    read::named_bytes(&ctx.layout, &months, PROMPT_READ_LIMIT)
        .is_ok_and(|bytes| bytes <= PROMPT_READ_LIMIT)
}

/// The prompt's line: the one kept in local state while no month file has changed since
/// it was made today, else made from this week's records and kept for next time.
fn prompt(ctx: &Ctx) -> Option<String> {
    let day = ctx.clock.wall().date_naive();
    // With `encryption.remember = false` local state holds nothing of the records.
    let cache = ctx.layout.data_dir.exists() && ctx.config.encryption.remember;
    // The key is taken before the records are read: a file changed in between makes the
    // next prompt read again, never keeps an older line under a newer key.
    let key = cache
        .then(|| prompt_cache::key(&ctx.layout, day, ctx.config.week.starts_on))
        .flatten();
    if let Some(kept) = key
        .as_ref()
        .and_then(|k| prompt_cache::kept(&ctx.layout, k))
    {
        return kept;
    }
    let line = prompt_line(&today(ctx).ok()?);
    if let Some(key) = key {
        prompt_cache::keep(&ctx.layout, key, line.as_deref());
    }
    line
}

/// Today's summary from this week's month files only, creating nothing.
fn today(ctx: &Ctx) -> Result<TodaySummary, super::Failure> {
    let day = ctx.clock.wall().date_naive();
    let first = ctx.config.week.starts_on;
    if !ctx.layout.data_dir.exists() {
        return Ok(TodaySummary::default());
    }
    let store = Store::reader(ctx.layout.clone()).map_err(super::Failure::failed)?;
    let snap = store.load_range(week_start(day, first), day)?;
    Ok(summarise(snap.merged.live(), day, first))
}

/// "practised 6 min · last distress 3", or nothing to say.
pub fn prompt_line(s: &TodaySummary) -> Option<String> {
    let mut parts = Vec::new();
    if s.sessions_today > 0 {
        parts.push(format!("practised {} min", s.practice_minutes_today().max(1)));
    }
    if let Some(d) = s.latest_distress {
        parts.push(format!("last distress {d}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

pub fn full_line(s: &TodaySummary) -> String {
    let days = match s.days_practised_this_week {
        1 => "1 day this week".to_string(),
        n => format!("{n} days this week"),
    };
    match prompt_line(s) {
        Some(today) => format!("Today: {today} · {days}."),
        None => format!("Nothing recorded today yet · {days}."),
    }
}

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    pub shell: clap_complete::Shell,
}

pub fn completions(args: CompletionArgs, out: &mut dyn Write) -> Outcome {
    clap_complete::generate(args.shell, &mut Cli::command(), "attune", out);
    Ok(())
}

pub fn man(out: &mut dyn Write) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
