//! The one line a command says on the terminal when its work is done.

/// After `attune checkin` on a terminal.
pub fn saved_checkin(distress: u8) -> String {
    format!("Saved your check-in (distress {distress}).")
}

/// After `attune journal new` on a terminal.
pub fn saved_entry() -> &'static str {
    "Saved your journal entry."
}

/// A practice stopped in its first seconds: not a practice, so not saved.
pub const LET_GO: &str = "Stopped in its first few seconds, so nothing was saved.";
pub const LET_GO_MORE: &str = "That is fine. It is here whenever you want it.";

/// `journal show` of an entry written after a practice.
pub fn written_after(practice: &str, at: &str) -> String {
    format!("Written after a practice: {practice} at {at}.")
}

/// After `attune config --init`.
pub fn wrote_config(path: &str) -> String {
    format!("Wrote the default settings to {path}. Edit it to make attune yours.")
}

/// Said in the shell after a practice started from it, once the terminal is back:
/// "Breathed for 5 min; distress 6 → 3."
pub fn practice(s: &crate::store::model::Session) -> String {
    let verb = if s.practice == "breathe" {
        "Breathed"
    } else {
        "Grounded"
    };
    let done = if s.actual_seconds < 60.0 {
        format!("{verb} for under a minute")
    } else {
        format!("{verb} for {} min", (s.actual_seconds / 60.0).round())
    };
    let stopped = if s.completed { "" } else { " (stopped early)" };
    let line = match (s.distress_before, s.distress_after) {
        (Some(b), Some(a)) => format!("{done}{stopped}; distress {b} → {a}."),
        _ => format!("{done}{stopped}."),
    };
    // What finding your pace found stays in the shell once the screen is gone.
    match s.pace_steps.first() {
        Some(best) => {
            format!("{line} {}", super::heart_practice::found_short(best, s.pace_steps.get(1)))
        }
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::{PaceStep, Session};

    fn step(rate: f64) -> PaceStep {
        PaceStep {
            rate,
            ..PaceStep::default()
        }
    }

    #[test]
    fn the_shell_line_keeps_the_pace_found() {
        let mut s = Session {
            practice: "breathe".into(),
            actual_seconds: 600.0,
            completed: true,
            distress_before: Some(5),
            distress_after: Some(3),
            ..Session::default()
        };
        assert_eq!(practice(&s), "Breathed for 10 min; distress 5 → 3.");
        s.pace_steps = vec![step(5.5), step(5.0)];
        assert_eq!(
            practice(&s),
            "Breathed for 10 min; distress 5 → 3. Your pace: 5.5 a minute (next 5)."
        );
    }
}
