//! The check-in form's keys: a scale, the sensations line, the note, and its word picker.

use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::{ANYWHERE, F1_HINTED, HELP_KEY, OWN_WORD, PICKER, PICKER_MOVES, TYPING};
use crate::tui::keymap::{Binding, Context, KeySpec, bind, code, k};
use crate::tui::ui::line_input::Cursor;
use ratatui::crossterm::event::KeyCode;

pub(crate) const SCALE: &[Binding] = &[
    bind(KeySpec::Digits, Action::Digit(0), Some(s::HINT_SET)),
    bind(code(KeyCode::Left), Action::Nudge(-1), Some(s::HINT_NUDGE)),
    bind(code(KeyCode::Right), Action::Nudge(1), Some(s::HINT_NUDGE)),
    bind(code(KeyCode::Backspace), Action::Clear, Some(s::HINT_CLEAR)),
    bind(code(KeyCode::Delete), Action::Clear, None),
];

const WORDS: &[Binding] = &[
    bind(k(' '), Action::OpenPicker, Some(s::HINT_CHOOSE)),
    bind(code(KeyCode::Right), Action::OpenPicker, None),
];

pub(crate) const NOTE: &[Binding] = &[
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(code(KeyCode::Delete), Action::EraseAhead, None),
    bind(code(KeyCode::Left), Action::Cursor(Cursor::Left), None),
    bind(code(KeyCode::Right), Action::Cursor(Cursor::Right), None),
    bind(code(KeyCode::Home), Action::Cursor(Cursor::Home), None),
    bind(code(KeyCode::End), Action::Cursor(Cursor::End), None),
];

/// Leave without saving? Esc, like n, goes back to the form.
pub(crate) const ASK: &[Binding] = &[
    bind(k('y'), Action::Answer(true), Some(s::HINT_YES)),
    bind(k('n'), Action::Answer(false), Some(s::HINT_NO)),
    bind(code(KeyCode::Esc), Action::Answer(false), None),
];

/// Moving, saving and leaving, on every item of the check-in.
pub(crate) const FORM: &[Binding] = &[
    bind(code(KeyCode::Up), Action::Prev, Some(s::HINT_MOVE)),
    bind(code(KeyCode::Down), Action::Next, Some(s::HINT_MOVE)),
    bind(code(KeyCode::Tab), Action::Next, None),
    bind(code(KeyCode::BackTab), Action::Prev, None),
    bind(code(KeyCode::Enter), Action::Save, Some(s::HINT_SAVE)).named(Name::Save),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_LEAVE)),
];

pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    let join = |parts: &[&[Binding]]| parts.concat();
    vec![
        (Context::CheckinScale, join(&[SCALE, FORM, HELP_KEY, ANYWHERE])),
        (Context::CheckinWords, join(&[WORDS, FORM, HELP_KEY, ANYWHERE])),
        // No '?' here: it is typed into the note, so F1 opens help instead.
        (Context::CheckinNote, join(&[NOTE, FORM, F1_HINTED, ANYWHERE, TYPING])),
        (Context::CheckinAsk, join(&[ASK, HELP_KEY, ANYWHERE])),
        (Context::Picker, join(&[PICKER_MOVES, PICKER, HELP_KEY, ANYWHERE])),
        (Context::PickerOwnWord, join(&[OWN_WORD, F1_HINTED, ANYWHERE, TYPING])),
    ]
}
