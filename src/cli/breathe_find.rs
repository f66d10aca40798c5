//! Finding your pace, line by line: each step scored from the beats that came during it,
//! the best rate named with why and the runner-up, and the offer to keep it as your own
//! pattern.

use super::Failure;
use super::breathe_pace::{Guide, Paced};
use super::breathe_plain::{Input, PlainIo, ask};
use crate::copy::heart_practice as say;
use crate::service::practice::Plan;
use crate::store::model::PaceStep;
use std::io::Write;

/// Each step breathed, scored and best first; empty without a heart reading to score.
pub fn score(paced: &Paced) -> Vec<PaceStep> {
    match (&paced.guide, &paced.heart) {
        (Guide::Steps(steps), Some(heart)) => {
            crate::service::heart::found_pace(steps, heart.feed(), paced.active)
        }
        _ => Vec::new(),
    }
}

/// What was found (on `out`, with the practice's lines), and the offer to keep it (on
/// `asking`, with the other questions).
pub fn closing(
    plan: &Plan,
    found: &[PaceStep],
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
    asking: &mut dyn Write,
) -> Result<(), Failure> {
    let Some(best) = found.first() else {
        writeln!(out, "{}", say::NOT_FOUND)?;
        return Ok(());
    };
    writeln!(out, "{}", say::found(best, found.get(1)))?;
    let keep_in = plan.steps.as_ref().and_then(|f| f.keep_in.as_ref());
    let Some(dir) = keep_in else {
        return Ok(());
    };
    let yes = matches!(
        ask(io, asking, &say::keep_question(best.rate))?,
        Some(Input::Line(l)) if l.trim().eq_ignore_ascii_case("y") || l.trim().eq_ignore_ascii_case("yes")
    );
    if !yes {
        writeln!(out, "{}", say::NOT_KEPT)?;
        return Ok(());
    }
    let mine = crate::content::my_pace::pattern(&plan.pattern, best.rate);
    match crate::content::my_pace::keep(dir, &mine) {
        Ok(path) => writeln!(out, "{}", say::kept(&path.display().to_string()))?,
        Err(why) => writeln!(out, "{}", say::not_kept_because(&why))?,
    }
    Ok(())
}
