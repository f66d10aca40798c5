//! `attune patterns`: the breathing patterns, built in and the user's own.

use super::{Ctx, Failure, Outcome};
use crate::content::all_patterns_with;
use crate::copy::safe;
use crate::domain::breathing::Pattern;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print a JSON array with each pattern's id and phase lengths in seconds
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let patterns = all_patterns_with(ctx.config_dir.as_deref(), &ctx.config.patterns)
        .map_err(Failure::usage)?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &patterns)?;
        writeln!(out)?;
        return Ok(());
    }
    // Names and words from the user's own files are shown, never acted on.
    for p in &patterns {
        let head = format!("{:<14} {}  ({})", p.id, p.name, shape(p));
        writeln!(out, "{}", safe::line(&head))?;
        writeln!(out, "{:<14} {}", "", safe::line(&p.about))?;
    }
    Ok(())
}

/// "in 4 s, out 6 s · 6 a minute", naming only the phases the pattern has.
pub fn shape(p: &Pattern) -> String {
    let mut parts = vec![format!("in {}", secs(p.inhale))];
    if p.top_up > 0.0 {
        parts.push(format!("a little more in {}", secs(p.top_up)));
    }
    if p.hold_in > 0.0 {
        parts.push(format!("hold {}", secs(p.hold_in)));
    }
    parts.push(format!("out {}", secs(p.exhale)));
    if p.hold_out > 0.0 {
        parts.push(format!("hold {}", secs(p.hold_out)));
    }
    let rate = (p.breaths_per_minute() * 10.0).round() / 10.0;
    format!("{} · {rate} a minute", parts.join(", "))
}

fn secs(s: f64) -> String {
    format!("{} s", (s * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::builtin_patterns;

    #[test]
    fn shapes_read_plainly() {
        let all = builtin_patterns();
        let by = |id: &str| all.iter().find(|p| p.id == id).expect("pattern").clone();
        assert_eq!(shape(&by("exhale-4-6")), "in 4 s, out 6 s · 6 a minute");
        assert_eq!(shape(&by("sigh")), "in 2 s, a little more in 1 s, out 6 s · 6.7 a minute");
        assert_eq!(shape(&by("box-4")), "in 4 s, hold 4 s, out 4 s, hold 4 s · 3.8 a minute");
    }
}
