//! The heart beside the full-screen pacer in words: the numbers row, the line under it,
//! how the preview names the source, and the heart on the closing screen.

use super::heart::num;
use crate::service::heart_source::Spec;

/// The preview's label for the heart row.
pub const HEART: &str = "Heart";

/// Before the first beats of the practice have come.
pub const WAITING: &str = "heart: waiting for beats";

/// Beats have come, and the first numbers wait for the first breath to end.
pub const ARRIVING: &str = "heart: beats coming in";

/// `heart 62 bpm`, and the swing once two breaths have come.
pub fn numbers(bpm: f64, swing: Option<f64>) -> String {
    match swing {
        Some(swing) => format!("heart {bpm:.0} bpm · swing {swing:.0} bpm"),
        None => format!("heart {bpm:.0} bpm"),
    }
}

/// The same, for a narrow window.
pub fn numbers_short(bpm: f64, swing: Option<f64>) -> String {
    match swing {
        Some(swing) => format!("{bpm:.0} bpm · swing {swing:.0}"),
        None => format!("{bpm:.0} bpm"),
    }
}

pub const IN_STEP: &str = "Your heart rate is rising and falling with your breath.";

pub const QUIET: &str = "No heart beats for 10 s. Is the strap on? The practice goes on.";

pub const QUIET_SHORT: &str = "no heart beats: strap on?";

/// The source ended `at` into the practice, for `why` when it failed.
pub fn ended(at: &str, why: Option<&str>) -> String {
    match why {
        None => format!("Heart data stopped at {at}. The practice goes on."),
        Some(why) => format!(
            "The heart source cannot be read ({}). The practice goes on.",
            super::safe::line(why)
        ),
    }
}

pub const ENDED_SHORT: &str = "heart data stopped";

pub fn bad_line(line: usize) -> String {
    format!("Heart line {line} could not be read, so it was skipped.")
}

/// How the preview names where the heart beats come from.
pub fn source(spec: &Spec) -> String {
    match spec {
        Spec::Path(path) => format!("read from {}", super::safe::line(&path.to_string_lossy())),
        Spec::Command(cmd) => format!("read from the command {}", super::safe::line(cmd)),
        Spec::Ble(None) => "read from a Bluetooth strap".to_string(),
        Spec::Ble(Some(name)) => format!("read from the strap {}", super::safe::line(name)),
    }
}

/// The pacer's title while finding your pace.
pub const FIND_TITLE: &str = "Finding your pace";

/// The preview's label for finding your pace.
pub const FIND: &str = "Find pace";

/// Finding your pace is on: what it breathes.
pub fn find_on(step_minutes: f64) -> String {
    let step = if step_minutes < 1.0 {
        format!("{} s", num((step_minutes * 60.0).round()))
    } else {
        format!("{} min", num(step_minutes))
    };
    format!("on · 5 steps of {step}, 6.5 down to 4.5 a minute")
}

/// The preview's pace while finding your pace.
pub const FIND_PACE: &str = "6.5 down to 4.5 breaths a minute, in steps";

pub const FIND_OFF: &str = "off (p to find your own pace with your heart)";

/// The heart facts on a short preview, in one sentence that wraps.
pub fn short_facts(label: &str, finding: bool) -> String {
    let find = if finding { "on" } else { "off" };
    format!("Heart {label} · find pace {find}")
}

pub const FIND_NEEDS_NO_HOLDS: &str =
    "Finding your pace breathes without holds: choose a pattern without them first.";

pub const FIND_TURNED_OFF: &str = "This pattern has holds, so finding your pace is off.";

/// On the closing screen, with a pace found: the key that keeps it.
pub fn keep_offer(rate: f64) -> String {
    format!("Press k to keep {} a minute as your own pattern, my-pace.", num(rate))
}

/// Heart data stopped before the practice ended, `at` in.
pub fn stopped_at(at: &str) -> String {
    format!("Heart data stopped at {at}; the reading covers the time before.")
}

/// On the closing screen: the heart over the practice, in a short line.
/// The same on a short closing screen, in one line.
pub fn closing_short(h: &crate::store::model::Heart) -> String {
    // Whole numbers, so it fits in one line at 40 columns.
    let mut line = format!("Heart {:.0} bpm", h.mean_hr);
    if let Some(swing) = h.swing_bpm {
        line.push_str(&format!(" · swing {swing:.0}"));
    }
    line.push_str(&format!(" · RMSSD {:.0} ms", h.rmssd_ms));
    line
}

pub fn closing(h: &crate::store::model::Heart) -> String {
    let mut line = format!("Heart {} beats a minute on average", num(h.mean_hr));
    if let Some(swing) = h.swing_bpm {
        line.push_str(&format!(", swing {} per breath", num(swing)));
    }
    line.push_str(&format!(", RMSSD {} ms.", num(h.rmssd_ms)));
    line
}
