//! `attune import FILE`: bring in records from an attune export, adding only what is new.

use super::{Ctx, Failure, Outcome};
use crate::service::records::{ImportError, import, parse_export};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An attune export (from `attune export --format json`)
    pub file: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", args.file.display())))?;
    let doc = parse_export(&bytes)
        .map_err(|e| Failure::usage(format!("{}: {e}", args.file.display())))?;
    let store = ctx.open_store()?;
    let report = import(&store, doc).map_err(|e| match e {
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
