//! The record screen's keys: moving through a day and between days, edit, delete and its
//! undo; the ratings form uses the check-in's own rows, so the same keys do the same.

use super::RecordAction as R;
use crate::copy::record as w;
use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::checkin::keys::{ASK, FORM, NOTE, SCALE};
use crate::tui::keymap::{ANYWHERE, Binding, Context, F1_HINTED, HELP_KEY, KeySpec, TYPING};
use crate::tui::keymap::{bind, code, k};
use ratatui::crossterm::event::KeyCode;

/// Home's key for the record.
pub(crate) const OPEN: Binding = bind(k('r'), Action::Record(R::Open), Some(w::HINT_RECORD));

const fn r(key: KeySpec, action: R, hint: Option<&'static str>) -> Binding {
    bind(key, Action::Record(action), hint)
}

const LIST: &[Binding] = &[
    r(code(KeyCode::Up), R::Move(-1), Some(s::HINT_MOVE)),
    r(code(KeyCode::Down), R::Move(1), Some(s::HINT_MOVE)),
    r(code(KeyCode::Left), R::Day(-1), Some(w::HINT_DAY)),
    r(code(KeyCode::Right), R::Day(1), Some(w::HINT_DAY)),
    r(k('e'), R::Edit, Some(w::HINT_EDIT)),
    r(code(KeyCode::Enter), R::Edit, None),
    r(k('d'), R::Delete, Some(w::HINT_DELETE)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_HOME)),
    bind(k('q'), Action::Leave, None),
];

const UNDO: &[Binding] = &[r(k('u'), R::Undo, Some(crate::copy::journal::HINT_UNDO))];

pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    let join = |parts: &[&[Binding]]| parts.concat();
    vec![
        (Context::Record, join(&[LIST, HELP_KEY, ANYWHERE])),
        (Context::RecordUndo, join(&[UNDO, LIST, HELP_KEY, ANYWHERE])),
        (Context::RecordAsk, join(&[ASK, HELP_KEY, ANYWHERE])),
        (Context::RecordRating, join(&[SCALE, FORM, HELP_KEY, ANYWHERE])),
        // No '?' here: it is typed into the note, so F1 opens help instead.
        (Context::RecordNote, join(&[NOTE, FORM, F1_HINTED, ANYWHERE, TYPING])),
    ]
}
