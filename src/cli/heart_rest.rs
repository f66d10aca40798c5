//! `attune heart rest`: a resting baseline read live from a strap's feed (a file or FIFO
//! being written, or a command's output), a line every 30 s, then stored and explained.

use super::{Ctx, Failure, Outcome};
use crate::copy::heart as say;
use crate::service::heart::{read_live, reading, save};
use crate::service::heart_source::{Source, Spec};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["heart", "heart_cmd"])))]
pub struct RestArgs {
    /// A file or FIFO being written with one beat a line (the formats `import` reads), or
    /// `ble` / `ble:NAME` for a Bluetooth strap
    #[arg(long, value_name = "PATH")]
    pub heart: Option<PathBuf>,
    /// A command whose output gives those lines (a bridge from a strap or phone)
    #[arg(long, value_name = "COMMAND")]
    pub heart_cmd: Option<String>,
    /// How long to read, 1-5 minutes
    #[arg(long, default_value_t = 2.0, value_name = "M")]
    pub minutes: f64,
    /// Print the stored reading as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: RestArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if !(1.0..=5.0).contains(&args.minutes) {
        return Err(Failure::usage(say::REST_MINUTES));
    }
    // `--heart ble` or `--heart ble:NAME` is a Bluetooth strap, as everywhere else.
    let Some(spec) = Spec::from_args(args.heart, args.heart_cmd) else {
        return Err(Failure::usage(say::REST_SOURCE));
    };
    let mut source = Source::start(&spec, ctx.clock)
        .map_err(|e| Failure::usage(say::source_failed(&e.to_string())))?;
    writeln!(err, "{}", say::rest_intro(args.minutes))?;
    let length = Duration::from_secs_f64(args.minutes * 60.0);
    let run = read_live(&mut source, length, &mut |heard| {
        let _ = writeln!(err, "{}", say::heard(&heard));
    });
    drop(source);
    if let Some(why) = &run.failed {
        writeln!(err, "{}", say::source_failed(why))?;
    }
    if let Some(at) = run.feed.ended_at() {
        writeln!(err, "{}", say::source_ended(at.as_secs_f64()))?;
    }
    let format = run.feed.format().map_or("rr", |f| f.id());
    let Some(heart) = reading(format, run.feed.rr(), true, None) else {
        return Err(Failure::usage(say::REST_TOO_FEW));
    };
    let store = ctx.open_store()?;
    let record = save(&store, heart, ctx.clock.wall()).map_err(Failure::failed)?;
    super::heart::say_reading(&record, args.json, out)?;
    match run.stopped_by.and_then(|sig| u8::try_from(128 + sig).ok()) {
        // Stopped by a signal: what was read is kept, and the exit says how it ended.
        Some(code) => Err(Failure {
            code,
            message: String::new(),
        }),
        None => Ok(()),
    }
}
