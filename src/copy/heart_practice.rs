//! The heart beside a practice in words: the line each breath, a source that went quiet
//! or closed, what the practice kept, and the steps of finding your own pace.

use super::heart::num;
use crate::domain::heart::live::Recent;
use crate::domain::heart::parse::LineError;
use crate::store::model::Heart;

/// `heart 62 bpm · swing 9 bpm`, and when the heart follows the breath, that it does.
pub fn reading(r: &Recent) -> String {
    let mut line = super::heart_screen::numbers(r.bpm, Some(r.swing));
    if r.in_step {
        line.push_str(" · ");
        line.push_str(IN_STEP);
    }
    line
}

/// What the pacer says when the swing is large and in step with the breath.
pub const IN_STEP: &str = "your heart rate is rising and falling with your breath";

pub const QUIET: &str = "no heart beats for 10 s (is the strap on?); the practice goes on.";

/// The source ended at `at`, for `why` when it failed.
pub fn ended(at: &str, why: Option<&str>) -> String {
    match why {
        None => format!("the heart source closed at {at}; the practice goes on without it."),
        Some(why) => format!(
            "the heart source cannot be read ({}); the practice goes on without it.",
            super::safe::line(why)
        ),
    }
}

/// The rate alone, before two breaths have come.
pub fn rate(bpm: f64) -> String {
    super::heart_screen::numbers(bpm, None)
}

/// The first line of the source that could not be read; later ones are skipped quietly.
pub fn bad_line(e: &LineError) -> String {
    format!(
        "heart line {} could not be read, so it was skipped (and any more like it).",
        e.line
    )
}

/// After the practice: the heart over it, in one line.
pub fn summary(h: &Heart) -> String {
    let mut line = format!(
        "Your heart over the practice: {} beats a minute on average, RMSSD {} ms",
        num(h.mean_hr),
        num(h.rmssd_ms)
    );
    if let Some(swing) = h.swing_bpm {
        line.push_str(&format!(", swing {} beats a minute per breath", num(swing)));
    }
    line.push('.');
    line
}

/// Heart data stopped before the practice ended, `stamp` in.
pub fn stopped_at(stamp: &str) -> String {
    format!("Heart data stopped at {stamp}; the reading covers the time before.")
}

pub const TOO_FEW: &str = "Too few heart beats came to keep a reading with this practice.";

/// What the swing means, said once under the summary.
pub const SWING_MEANS: &str = "Swing is how far your heart rate rose and fell within a breath; \
it grows as breathing slows toward your own pace.";

/// `[02:00.0] Next, 6 breaths a minute (2 of 5), from 02:03.1.`
pub fn next_step(at: &str, from: &str, k: usize) -> String {
    let rates = crate::domain::heart::pace::RATES;
    format!(
        "[{at}] Next, {} breaths a minute ({} of {}), from {from}.",
        num(rates[k.min(rates.len() - 1)]),
        k + 1,
        rates.len()
    )
}

pub fn my_pace_name(rate: f64) -> String {
    format!("My pace, {} a minute", num(rate))
}

pub const MY_PACE_ABOUT: &str =
    "The pace your heart swung with most when you last found your pace.";

pub const NOT_FOUND: &str = "Too few heart beats came during the steps to compare them, so no \
pace was chosen. The breathing is kept as practice.";

/// The best rate, why, and the runner-up.
pub fn found(
    best: &crate::store::model::PaceStep,
    next: Option<&crate::store::model::PaceStep>,
) -> String {
    let mut line = format!(
        "Your pace: {} breaths a minute. Your heart rate swung most with it, {} a minute within \
         each breath",
        num(best.rate),
        num(best.swing_bpm)
    );
    line.push_str(if best.in_step {
        ", rising and falling in step with your breath."
    } else {
        "."
    });
    if let Some(n) = next {
        line.push_str(&format!(
            " Next closest: {} a minute (swing {}).",
            num(n.rate),
            num(n.swing_bpm)
        ));
    }
    line
}

/// The same on a short closing screen, or in the shell once the screen is gone.
pub fn found_short(
    best: &crate::store::model::PaceStep,
    next: Option<&crate::store::model::PaceStep>,
) -> String {
    match next {
        Some(n) => format!("Your pace: {} a minute (next {}).", num(best.rate), num(n.rate)),
        None => format!("Your pace: {} a minute.", num(best.rate)),
    }
}

pub fn keep_question(rate: f64) -> String {
    format!("Keep {} a minute as your own pattern, my-pace? y/N: ", num(rate))
}

pub const NOT_KEPT: &str = "Not kept. The steps are in your record either way.";

pub const KEPT_SHORT: &str = "Kept as my-pace.";

pub fn kept(path: &str) -> String {
    format!(
        "Kept in {}. Breathe with it any time: attune breathe --pattern my-pace",
        super::safe::line(path)
    )
}

pub fn not_kept_because(why: &str) -> String {
    format!(
        "Your pace could not be kept: the patterns file cannot be changed ({}). Nothing in it \
         was changed.",
        super::safe::line(why)
    )
}

pub const FIND_NEEDS_HEART: &str = "finding your pace reads your heart: add --heart PATH or \
--heart-cmd \"COMMAND\" (see attune heart --help)";

pub fn find_intro(step_minutes: f64) -> String {
    format!(
        "Finding your pace: 5 steps of {} min, from 6.5 down to 4.5 breaths a minute. Breathe \
         with each as gently as you can; your heart is read beside it. Stop any time with Ctrl-C.",
        num(step_minutes)
    )
}
