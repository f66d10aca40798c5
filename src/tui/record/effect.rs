//! The record screen's own actions and effects, and performing those effects against the
//! store. Every result comes back as a `RecordAction`.

use crate::service::correct::{PracticeChange, delete, edit_checkin, edit_practice};
use crate::service::record_day::{Day, Toward, day_of};
use crate::store::Store;
use crate::store::model::{Checkin, Record, Stamp};
use crate::tui::action::Action;
use chrono::NaiveDate;

/// What the record screen reacts to, beyond the app's shared actions.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordAction {
    /// Open the record (home's `r`).
    Open,
    /// Move the cursor by this many records.
    Move(i8),
    /// Go to the nearest earlier (−1) or later (+1) day with records.
    Day(i8),
    /// Change the selected record: the check-in form, or the practice's ratings form.
    Edit,
    /// Delete the selected record (asks first).
    Delete,
    /// Bring back the record just deleted.
    Undo,
    // Results of effects.
    /// A day was read: None when there is no day that way.
    Loaded(Toward, Result<Option<Day>, String>),
    /// A practice's change was saved (true) or held nothing new (false).
    Edited(Result<(Box<Record>, bool), String>),
    Deleted(Result<Box<Record>, String>),
}

/// I/O for the record screen.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordEffect {
    Load {
        from: NaiveDate,
        toward: Toward,
    },
    EditPractice {
        record: Box<Record>,
        change: PracticeChange,
        at: Stamp,
    },
    /// A check-in changed in the check-in form; its answer is the form's `Saved`.
    EditCheckin {
        record: Box<Record>,
        checkin: Box<Checkin>,
        at: Stamp,
    },
    Delete {
        record: Box<Record>,
        at: Stamp,
    },
}

fn text<T, E: std::fmt::Display>(r: Result<T, E>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

/// Do one of the record screen's effects.
pub fn perform(store: &Store, effect: RecordEffect) -> Action {
    match effect {
        RecordEffect::Load { from, toward } => {
            Action::Record(RecordAction::Loaded(toward, text(day_of(store, from, toward))))
        }
        RecordEffect::EditPractice { record, change, at } => {
            let saved = edit_practice(store, &record, &change, at)
                .map(|(r, report)| (Box::new(r), report.changed > 0));
            Action::Record(RecordAction::Edited(text(saved)))
        }
        RecordEffect::EditCheckin {
            record,
            checkin,
            at,
        } => Action::Saved(
            text(edit_checkin(store, &record, *checkin, at)).map(|(r, _)| Box::new(r)),
        ),
        RecordEffect::Delete { record, at } => {
            Action::Record(RecordAction::Deleted(text(delete(store, &record, at)).map(Box::new)))
        }
    }
}
