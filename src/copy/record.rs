//! The words of the record screen: a day of check-ins and practices, changing a
//! practice's ratings or note, and deleting with an undo.

use crate::domain::checkin::Scale;
use crate::store::model::{Checkin, Record, Session};

pub const TITLE: &str = "Your record";
pub const EMPTY: &str = "Nothing recorded yet. Check-ins and practices show here, a day at a time.";
pub const NO_EARLIER: &str = "Nothing earlier than this day.";
pub const NO_LATER: &str = "Nothing later than this day.";
pub const LOADING: &str = "Reading…";
pub const DELETED: &str = "Deleted. Press u to bring it back.";
pub const UNDONE: &str = "It is back.";
pub const CHANGED: &str = "Changed.";
pub const NOTHING_CHANGED: &str = "Nothing changed.";
pub const CHECKIN: &str = "Check-in";
pub const BEFORE: &str = "Distress before";
pub const AFTER: &str = "Distress after";
pub const NOTE: &str = "Note";
pub const NOTE_EMPTY: &str = "a few words, if you like";
pub const NOT_RATED: &str = "–";
pub const EDIT_PRACTICE_HEAD: &str = "Change the ratings or add a note.";
pub const LEAVE_EDIT: &str = "Leave without saving the change?";
pub const LEAVE_EDIT_MORE: &str = "y lets it go · n goes back to it";
pub const DELETE_MORE: &str = "y deletes it (u brings it back) · n keeps it";
pub const EDIT_CHECKIN_TITLE: &str = "Change a check-in";
pub const HINT_RECORD: &str = "record";
pub const HINT_DAY: &str = "day";
pub const HINT_EDIT: &str = "edit";
pub const HINT_DELETE: &str = "delete";

/// Records that could not be read in the month shown.
pub fn unreadable(n: usize) -> String {
    match n {
        1 => "1 record in this month could not be read; attune doctor says more.".into(),
        n => format!("{n} records in this month could not be read; attune doctor says more."),
    }
}

/// The question before a delete.
pub fn ask_delete(r: &Record) -> String {
    format!("Delete the {} from {}?", super::correct::what(r), r.created_at.format("%H:%M"))
}

/// A check-in's values in a line: "distress 4 · sleep 6 · energy 5".
pub fn checkin_values(c: &Checkin) -> String {
    Scale::ALL
        .into_iter()
        .filter_map(|s| {
            s.get(c)
                .map(|v| format!("{} {v}", s.label().to_lowercase()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A practice in a line, by its name: "5 min · distress 6 → 3".
pub fn practice_values(s: &Session) -> String {
    let mut parts = vec![length(s.actual_seconds)];
    if !s.completed {
        parts.push("stopped early".into());
    }
    match (s.distress_before, s.distress_after) {
        (Some(b), Some(a)) => parts.push(format!("distress {b} → {a}")),
        (Some(b), None) => parts.push(format!("distress before {b}")),
        (None, Some(a)) => parts.push(format!("distress after {a}")),
        (None, None) => {}
    }
    parts.join(" · ")
}

fn length(seconds: f64) -> String {
    let seconds = seconds.max(0.0);
    if seconds < 60.0 {
        format!("{} s", seconds.round())
    } else {
        format!("{} min", (seconds / 60.0).round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_practice_reads_its_length_and_ratings() {
        let s = Session {
            actual_seconds: 299.6,
            completed: true,
            distress_before: Some(6),
            distress_after: Some(3),
            ..Session::default()
        };
        assert_eq!(practice_values(&s), "5 min · distress 6 → 3");
        let short = Session {
            actual_seconds: 42.0,
            distress_after: Some(2),
            ..Session::default()
        };
        assert_eq!(practice_values(&short), "42 s · stopped early · distress after 2");
    }
}
