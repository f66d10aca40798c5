//! The record screen: one day of check-ins and practices at a time, newest first, to read,
//! correct and delete. Its state here; `update` answers actions, `view` draws, `keys`
//! binds, `effect` reads and writes the store, `practice` is the small ratings form.

pub mod effect;
pub mod glue;
pub mod keys;
pub mod practice;
pub mod update;
pub mod view;

pub use effect::{RecordAction, RecordEffect};

use crate::service::record_day::Day;
use crate::store::model::Record;
use crate::tui::keymap::Context;
use crate::tui::screen::Transition;
use chrono::NaiveDate;
use practice::PracticeForm;

/// What the record screen shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// Waiting for a day to be read.
    Loading,
    /// The day's records (or none at all).
    List,
    /// Asking before deleting the selected record.
    AskDelete,
    /// Changing a practice's ratings or note.
    Practice(Box<PracticeForm>),
}

/// A line under the list, after something happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    Deleted,
    Undone,
    Changed,
    NothingChanged,
    NoEarlier,
    NoLater,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecordState {
    pub mode: Mode,
    /// The day on show; None before the first read, or when nothing is recorded.
    pub day: Option<Day>,
    pub cursor: usize,
    /// Deleted on screen, its tombstone not yet written: `u` brings it back.
    pub pending: Option<Record>,
    pub note: Option<Note>,
    /// The record to put the cursor on once the day is read.
    pub select: Option<uuid::Uuid>,
    /// Where to go once the pending tombstone is written.
    after_delete: Option<Box<Transition>>,
}

impl RecordState {
    /// The screen, about to read its first day.
    pub fn open() -> RecordState {
        RecordState {
            mode: Mode::Loading,
            day: None,
            cursor: 0,
            pending: None,
            note: None,
            select: None,
            after_delete: None,
        }
    }

    /// The records on show, without the one waiting to be deleted.
    pub fn shown(&self) -> Vec<&Record> {
        let pending = self.pending.as_ref().map(|r| r.id);
        self.day
            .iter()
            .flat_map(|d| d.records.iter())
            .filter(|r| Some(r.id) != pending)
            .collect()
    }

    pub fn selected(&self) -> Option<&Record> {
        self.shown().get(self.cursor).copied()
    }

    pub fn date(&self) -> Option<NaiveDate> {
        self.day.as_ref().map(|d| d.date)
    }

    /// Which key table applies.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Loading | Mode::List if self.pending.is_some() => Context::RecordUndo,
            Mode::Loading | Mode::List => Context::Record,
            Mode::AskDelete => Context::RecordAsk,
            Mode::Practice(form) => form.context(),
        }
    }
}
