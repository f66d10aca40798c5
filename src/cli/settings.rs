//! `attune config`: where the settings file lives, a commented default one to start
//! from, or a check of the file (the one command a broken file makes fail).

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
    /// Check the settings file: exit 2 naming each problem, or say it is fine
    #[arg(long)]
    pub check: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    if args.print_default {
        out.write_all(DEFAULT_TEXT.as_bytes())?;
        return Ok(());
    }
    if args.check {
        return check(ctx, out);
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

fn check(ctx: &Ctx, out: &mut dyn Write) -> Outcome {
    if !ctx.config_problems.is_empty() {
        return Err(Failure::usage(ctx.config_problems.join("\n")));
    }
    let name = ctx
        .config_path
        .as_deref()
        .and_then(|p| p.file_name())
        .map_or(crate::config::FILE.into(), |n| n.to_string_lossy());
    let there = ctx
        .config_path
        .as_deref()
        .is_some_and(std::path::Path::exists);
    let note = if there {
        ""
    } else {
        " (not there yet; every setting has its default)"
    };
    writeln!(out, "{} is fine{note}.", crate::copy::safe::line(&name))?;
    Ok(())
}
