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
    /// Write the commented default config.toml (making its folder); never overwrites
    #[arg(long)]
    pub init: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    if args.print_default {
        out.write_all(DEFAULT_TEXT.as_bytes())?;
        return Ok(());
    }
    if args.check {
        return check(ctx, out);
    }
    if args.init {
        return init(ctx, out);
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

/// Write the commented default where attune reads its settings; a file already there is
/// left exactly as it is (exit 2).
fn init(ctx: &Ctx, out: &mut dyn Write) -> Outcome {
    let path = ctx.config_path.as_ref().ok_or_else(|| {
        Failure::failed("there is no config folder on this machine; use --config FILE")
    })?;
    let shown = crate::copy::safe::line(&path.display().to_string()).to_string();
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| Failure::failed(format!("could not make the folder for {shown}: {e}")))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Failure::usage(format!(
                "{shown} is already there, so it was left as it is. \
                 `attune config --print-default` shows the default to compare."
            )));
        }
        Err(e) => return Err(Failure::failed(format!("could not write {shown}: {e}"))),
    };
    file.write_all(DEFAULT_TEXT.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Failure::failed(format!("could not write {shown}: {e}")))?;
    writeln!(out, "{}", crate::copy::summary::wrote_config(&shown))?;
    Ok(())
}
