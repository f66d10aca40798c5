//! `attune export`: every live record in one versioned JSON document or one CSV row per
//! record; or a week's review in Markdown.

use super::{Ctx, Failure, Outcome, warn_problems};
use crate::copy::crypt as words;
use crate::copy::safe;
use crate::service::records::export;
use crate::store::Store;
use crate::store::atomic::write_atomic;
use crate::store::crypt;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Every record, to keep or to import elsewhere
    Json,
    /// One row per record, for a spreadsheet
    Csv,
    /// A week's review to read or share with someone you trust
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file format
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Write to this file (private to you, 0600) instead of the screen
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Markdown: the week holding DATE (default: this week)
    #[arg(long, value_name = "DATE")]
    pub week: Option<chrono::NaiveDate>,
    /// Markdown: include that week's journal entries
    #[arg(long)]
    pub with_journal: bool,
    /// JSON: encrypt the export to this folder's key, so the same passphrase opens it
    /// (`attune import` reads it back)
    #[arg(long)]
    pub encrypt: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if args.format != Format::Markdown && (args.week.is_some() || args.with_journal) {
        return Err(Failure::usage("--week and --with-journal go with --format markdown"));
    }
    if let Some(path) = &args.out
        && ctx.layout.holds(path)?
    {
        return Err(Failure::usage(format!(
            "{} is inside attune's own folders, where a record file could be replaced; choose a place outside {} and {}",
            path.display(),
            ctx.layout.data_dir.display(),
            ctx.layout.state_dir.display()
        )));
    }
    let sealing = sealing(ctx, &args, err)?;
    let store = Store::reader(ctx.layout.clone()).map_err(Failure::failed)?;
    let (bytes, count, problems) = match args.format {
        Format::Markdown => review(
            &store,
            &crate::service::trends::names_for_cli(ctx.config_dir.as_deref(), &ctx.config),
            super::trends::options(&ctx.config),
            args.week,
            args.with_journal,
            ctx.clock.wall().date_naive(),
        )?,
        format => {
            let (doc, problems) = export(&store, ctx.clock.wall())?;
            let bytes = match format {
                Format::Csv => super::csv::csv(&doc.records).into_bytes(),
                _ => {
                    let mut b = Vec::new();
                    super::pretty::to_writer(&mut b, &doc)?;
                    b.push(b'\n');
                    b
                }
            };
            (bytes, doc.records.len(), problems)
        }
    };
    warn_problems(err, &problems);
    let bytes = match &sealing {
        Some(marker) => crypt::export::seal(marker, &bytes).map_err(Failure::failed)?,
        None => bytes,
    };
    match args.out {
        Some(path) => {
            write_atomic(&path, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let shown = path.display().to_string();
            let records = if count == 1 { "record" } else { "records" };
            writeln!(err, "Exported {count} {records} to {}.", safe::line(&shown))?;
        }
        None => out.write_all(&bytes)?,
    }
    if problems.is_empty() {
        Ok(())
    } else {
        // Written all the same, but a backup script must be able to tell.
        Err(Failure::failed(format!(
            "{} file(s) could not be read, so this export is incomplete",
            problems.len()
        )))
    }
}

/// The folder's marker when the export is to be sealed (`--encrypt`); on a terminal, a
/// word when a plain export is written from an encrypted folder.
fn sealing(
    ctx: &Ctx,
    args: &Args,
    err: &mut dyn Write,
) -> Result<Option<crypt::marker::Marker>, Failure> {
    let marker = crypt::marker::read(&ctx.layout).map_err(Failure::failed)?;
    if !args.encrypt {
        if marker.is_some() && std::io::stderr().is_terminal() {
            let said = match args.format {
                Format::Markdown => words::REVIEW_PLAIN,
                _ => words::EXPORT_PLAIN,
            };
            writeln!(err, "{said}")?;
        }
        return Ok(None);
    }
    if args.format != Format::Json {
        return Err(Failure::usage(words::EXPORT_ENCRYPT_JSON));
    }
    marker
        .map(Some)
        .ok_or_else(|| Failure::usage(words::EXPORT_NOT_ENCRYPTED))
}

/// The Markdown review of one week, with its record count and any unreadable files.
fn review(
    store: &Store,
    names: &std::collections::BTreeMap<String, String>,
    opts: crate::domain::trends::Options,
    week: Option<chrono::NaiveDate>,
    with_journal: bool,
    today: chrono::NaiveDate,
) -> Result<(Vec<u8>, usize, Vec<crate::store::month_file::FileProblem>), Failure> {
    use crate::service::trends::{Span, report};
    let span = Span::Week(week.unwrap_or(today));
    let (mut rep, problems) = report(store, span, today, opts)?;
    crate::service::trends::name_report(&mut rep, names);
    let journal = if with_journal {
        let filter = crate::domain::journal::Filter {
            since: Some(rep.trends.from),
            until: Some(rep.trends.to),
            ..Default::default()
        };
        let (mut entries, _) = crate::service::journal::newest(store, &filter, None)?;
        entries.reverse();
        Some(entries)
    } else {
        None
    };
    let md = super::review::markdown(&rep, span, journal.as_deref());
    let count = rep.trends.sessions + rep.trends.checkins + journal.as_ref().map_or(0, Vec::len);
    Ok((md.into_bytes(), count, problems))
}
