//! `attune import FILE`: bring in records from an attune export, adding only what is new.
//! An encrypted export (`attune export --encrypt`) is opened first, in memory: with the
//! key this device holds, else with the passphrase (asked on a terminal, or from a file),
//! or with the recovery key kept on paper.

use super::encrypt_ask::Source;
use super::{Ctx, Failure, Outcome};
use crate::copy::crypt as words;
use crate::service::records::{ImportError, import_records, parse_export};
use crate::store::crypt::{self, export::OpenError};
use age::x25519;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// An attune export (`attune export --format json`, encrypted or not)
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
    /// An encrypted export: read its passphrase from the first line of FILE (or set
    /// ATTUNE_PASSPHRASE_FILE)
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// An encrypted export: open it with the recovery key in FILE instead
    /// (`attune encrypt recovery-key`)
    #[arg(long, value_name = "FILE", conflicts_with = "passphrase_file")]
    pub recovery_key: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", args.file.display())))?;
    let in_file =
        |e: &dyn std::fmt::Display| Failure::usage(format!("{}: {e}", args.file.display()));
    let records = match args.from {
        From::Attune if crypt::export::is_one(&bytes) => {
            let plain = opened(ctx, &args, &bytes)?;
            parse_export(&plain).map_err(|e| in_file(&e))?.records
        }
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

/// An encrypted export's plain bytes, in memory only. Nothing is stored before this
/// succeeds, so a wrong passphrase or a damaged file changes nothing.
fn opened(ctx: &Ctx, args: &Args, bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let shown = args.file.display().to_string();
    let damaged = |why: &str| Failure::usage(words::import_damaged(&shown, why));
    let said = |e: OpenError| match e {
        OpenError::WrongPassphrase => Failure::usage(words::IMPORT_WRONG),
        OpenError::Damaged(why) => damaged(&why),
    };
    let sealed = crypt::export::read(bytes).map_err(said)?;
    crypt::key::load(&ctx.layout);
    let identity = match (&args.recovery_key, crypt::held_for(sealed.recipient())) {
        (Some(file), _) => recovery_key(file, sealed.recipient())?,
        (None, Some(identity)) => identity,
        (None, None) => {
            let source = Source::new(args.passphrase_file.clone());
            sealed.unwrap(&source.once()?).map_err(said)?
        }
    };
    sealed.open(&identity).map_err(said)
}

/// The recovery key in `file`, when it is the one the export is sealed to.
fn recovery_key(file: &Path, recipient: &x25519::Recipient) -> Result<x25519::Identity, Failure> {
    let identity: x25519::Identity = super::encrypt_ask::first_line(file)?
        .parse()
        .map_err(|_| Failure::usage(words::NOT_A_RECOVERY_KEY))?;
    if &identity.to_public() != recipient {
        return Err(Failure::usage(words::NOT_THIS_EXPORTS_KEY));
    }
    Ok(identity)
}
