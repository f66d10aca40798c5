//! `attune export`: every live record in one versioned JSON document.

use super::{Ctx, Failure, Outcome, warn_problems};
use crate::service::records::export;
use crate::store::Store;
use crate::store::atomic::write_atomic;
use crate::store::model::local_now;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file format
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Write to this file (private to you, 0600) instead of the screen
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let store = Store::reader(ctx.layout.clone()).map_err(Failure::failed)?;
    let (doc, problems) = export(&store, local_now())?;
    warn_problems(err, &problems);
    let Format::Json = args.format;
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    match args.out {
        Some(path) => {
            write_atomic(&path, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            writeln!(
                err,
                "Exported {} records to {}.",
                doc.records.len(),
                path.display()
            )?;
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
