//! The words for correcting one's record: changing or deleting a check-in or a practice.

use crate::store::model::Record;

pub const NOTHING_CHANGED: &str = "Nothing changed: it already held these values.";
pub const KEPT: &str = "Kept.";
pub const DELETED: &str = "Deleted.";
pub const NEEDS_YES: &str = "deleting needs a yes: add --yes, or run it in a terminal to be asked";
pub const NOTHING_TO_CHANGE_CHECKIN: &str =
    "nothing to change: give a new value (e.g. --distress 3) or --clear with what to empty";
pub const NOTHING_TO_CHANGE_PRACTICE: &str =
    "nothing to change: give --before, --after or --note (or --clear with what to empty)";

/// "check-in" or "practice", as a person says it.
pub fn what(r: &Record) -> &'static str {
    match r.kind() {
        crate::store::model::Kind::Checkin => "check-in",
        crate::store::model::Kind::Session => "practice",
        crate::store::model::Kind::Journal => "journal entry",
        crate::store::model::Kind::Heart => "heart reading",
    }
}

fn when(r: &Record) -> String {
    r.created_at.format("%Y-%m-%d %H:%M").to_string()
}

/// After an edit that changed what is stored.
pub fn changed(r: &Record) -> String {
    format!("Changed the {} from {}.", what(r), when(r))
}

/// The question before a delete, with the record's summary line under it.
pub fn ask_delete(r: &Record, line: &str) -> String {
    format!("Delete this {}?\n  {line}\ny or n: ", what(r))
}
