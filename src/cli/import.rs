//! `attune import FILE`: bring in records from an attune export, adding only what is new.

use super::{Ctx, Failure, Outcome};
use crate::service::records::{ImportError, import_records, parse_export};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// An attune export (`attune export --format json`)
    Attune,
    /// A jrnl JSON export (`jrnl --export json`)
    Jrnl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to bring in
    pub file: PathBuf,
    /// What kind of file it is
    #[arg(long, value_enum, default_value = "attune")]
    pub from: From,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", args.file.display())))?;
    let in_file =
        |e: &dyn std::fmt::Display| Failure::usage(format!("{}: {e}", args.file.display()));
    let records = match args.from {
        From::Attune => parse_export(&bytes).map_err(|e| in_file(&e))?.records,
        From::Jrnl => crate::service::jrnl::parse(&bytes).map_err(|e| in_file(&e))?,
    };
    let store = ctx.open_store()?;
    let report = import_records(&store, records).map_err(|e| match e {
        ImportError::Store(e) => Failure::failed(e),
        other => Failure::usage(other),
    })?;
    writeln!(
        out,
        "Imported {} new or updated records; {} were already here.",
        report.changed, report.unchanged
    )?;
    Ok(())
}
