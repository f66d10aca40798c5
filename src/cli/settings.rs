//! `attune config`: where the settings file lives, or a commented default one to start
//! from.

use super::{Ctx, Failure, Outcome};
use crate::config::DEFAULT_TEXT;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct Args {
    /// Print a default config.toml with every setting explained
    #[arg(long)]
    pub print_default: bool,
    /// Print where the settings file is read from
    #[arg(long)]
    pub path: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    if args.print_default {
        out.write_all(DEFAULT_TEXT.as_bytes())?;
        return Ok(());
    }
    let path = ctx.config_path.as_ref().ok_or_else(|| {
        Failure::failed("there is no config folder on this machine; use --config FILE")
    })?;
    let state = if path.exists() {
        ""
    } else {
        " (not there yet; every setting has its default)"
    };
    let shown = path.display().to_string();
    writeln!(out, "{}{state}", crate::copy::safe::line(&shown))?;
    Ok(())
}
