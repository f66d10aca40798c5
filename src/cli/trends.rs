//! `attune trends`: a week, a month or all time, as plain sentences or as JSON
//! (documented field by field in docs/json.md); in a terminal without --json, the
//! full-screen trends screen.

use super::{Ctx, Failure, Routed, warn_problems};
use crate::copy::trends::{BY_PRACTICE, practice_line, practice_rows, sentences};
use crate::domain::trends::Options;
use crate::service::trends::{Span, name_report, names_for_cli, report};
use crate::service::trends_json::write_pretty;
use chrono::NaiveDate;
use std::io::{IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The week holding DATE (default: this week)
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "today", group = "span")]
    pub week: Option<String>,
    /// The month YYYY-MM (default: this month)
    #[arg(long, value_name = "YYYY-MM", num_args = 0..=1, default_missing_value = "this", group = "span")]
    pub month: Option<String>,
    /// Every day since the first record
    #[arg(long, group = "span")]
    pub all: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// The trend options the user's settings ask for.
pub fn options(config: &crate::config::Config) -> Options {
    Options {
        first_weekday: config.week.starts_on,
        hide_streaks: config.trends.hide_streaks,
    }
}

fn span(args: &Args, today: NaiveDate) -> Result<Span, Failure> {
    if args.all {
        return Ok(Span::All);
    }
    if let Some(m) = &args.month {
        if m == "this" {
            return Ok(Span::Month(today));
        }
        let day = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").map_err(|_| {
            Failure::usage(format!("--month wants YYYY-MM, like 2026-11 (got \"{m}\")"))
        })?;
        return Ok(Span::Month(day));
    }
    match args.week.as_deref() {
        None | Some("today") => Ok(Span::Week(today)),
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(Span::Week)
            .map_err(|_| Failure::usage(format!("--week wants a date YYYY-MM-DD (got \"{d}\")"))),
    }
}

/// Runs the command, or says which full screen `main` should open instead.
pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    let today = ctx.clock.wall().date_naive();
    let span = span(&args, today)?;
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    if terminal && !args.json {
        return Ok(Some(crate::tui::Start::Trends { span }));
    }
    let store = crate::store::Store::reader(ctx.layout.clone()).map_err(Failure::failed)?;
    let (mut rep, problems) = report(&store, span, today, options(&ctx.config))?;
    name_report(&mut rep, &names_for_cli(ctx.config_dir.as_deref(), &ctx.config));
    warn_problems(err, &problems);
    if args.json {
        write_pretty(&mut *out, &rep)?;
        writeln!(out)?;
        return Ok(None);
    }
    for line in sentences(&rep, span) {
        writeln!(out, "{}", crate::copy::safe::line(&line))?;
    }
    let rows = practice_rows(&rep.trends);
    if !rows.is_empty() {
        writeln!(out, "{BY_PRACTICE}")?;
        for row in &rows {
            writeln!(out, "  {}", crate::copy::safe::line(&practice_line(row)))?;
        }
    }
    Ok(None)
}
