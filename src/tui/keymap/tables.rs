//! The default tables for home, the welcome, the check-in, the picker and help, and the
//! whole keymap assembled from them and the other screens' tables.

use super::breathe::{
    BREATHE_BEFORE, BREATHE_CLOSING, BREATHE_DONE, BREATHE_FOLLOW, BREATHE_LISTEN, BREATHE_PACING,
    BREATHE_PREVIEW, RATING, STOP,
};
use super::journal::JOURNAL_TABLES;
use super::{Binding, Context, KeySpec, Keymap, bind, code, k};
use super::{ground, journal, trends};
use crate::tui::action::Action;
use crate::tui::strings as s;
use ratatui::crossterm::event::KeyCode;

const QUIT_ANYWHERE: Binding = bind(KeySpec::Ctrl('c'), Action::Quit, None);
const F1_HELP: Binding = bind(code(KeyCode::F(1)), Action::OpenHelp, None);

// Rows come in reading order; the footer wraps its hints onto a second line when narrow.
const HOME: &[Binding] = &[
    bind(k('b'), Action::OpenBreathe, Some(s::HINT_BREATHE)),
    ground::OPEN,
    bind(k('c'), Action::OpenCheckin, Some(s::HINT_CHECKIN)),
    bind(k('j'), journal::OPEN, Some(s::journal::HINT_JOURNAL)),
    bind(k('t'), Action::OpenTrends, Some(trends::HINT_TRENDS)),
    bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP)),
    bind(k('q'), Action::Quit, Some(s::HINT_QUIT)),
    F1_HELP,
    QUIT_ANYWHERE,
];

const WELCOME: &[Binding] = &[
    bind(
        code(KeyCode::Enter),
        Action::DismissWelcome,
        Some(s::HINT_BEGIN),
    ),
    bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP)),
    bind(k('q'), Action::Quit, Some(s::HINT_QUIT)),
    bind(code(KeyCode::Esc), Action::DismissWelcome, None),
    F1_HELP,
    QUIT_ANYWHERE,
];

const SCALE: &[Binding] = &[
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

const NOTE: &[Binding] = &[
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(code(KeyCode::Delete), Action::Erase, None),
];

/// Moving, saving and leaving, on every item of the check-in.
const FORM: &[Binding] = &[
    bind(code(KeyCode::Up), Action::Prev, Some(s::HINT_MOVE)),
    bind(code(KeyCode::Down), Action::Next, Some(s::HINT_MOVE)),
    bind(code(KeyCode::Tab), Action::Next, None),
    bind(code(KeyCode::BackTab), Action::Prev, None),
    bind(code(KeyCode::Enter), Action::Save, Some(s::HINT_SAVE)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_LEAVE)),
];

pub(crate) const HELP_KEY: &[Binding] = &[bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP))];
pub(crate) const F1_HINTED: &[Binding] = &[bind(
    code(KeyCode::F(1)),
    Action::OpenHelp,
    Some(s::HINT_HELP),
)];
pub(crate) const ANYWHERE: &[Binding] = &[F1_HELP, QUIT_ANYWHERE];
pub(crate) const TYPING: &[Binding] = &[bind(KeySpec::Text, Action::Type(' '), None)];

/// Moving through a grid of words: the check-in's picker and a grounding choice step.
pub(crate) const PICKER_MOVES: &[Binding] = &[
    bind(
        code(KeyCode::Up),
        Action::PickerMove(-1),
        Some(s::HINT_MOVE),
    ),
    bind(
        code(KeyCode::Down),
        Action::PickerMove(1),
        Some(s::HINT_MOVE),
    ),
    bind(code(KeyCode::Left), Action::PickerColumn(-1), None),
    bind(code(KeyCode::Right), Action::PickerColumn(1), None),
];

const PICKER: &[Binding] = &[
    bind(k(' '), Action::PickerToggle, Some(s::HINT_CHOOSE)),
    bind(
        code(KeyCode::Enter),
        Action::PickerClose,
        Some(s::HINT_DONE),
    ),
    bind(code(KeyCode::Esc), Action::PickerClose, None),
    bind(code(KeyCode::Tab), Action::PickerMove(1), None),
    bind(code(KeyCode::BackTab), Action::PickerMove(-1), None),
];

const OWN_WORD: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::OwnWordAdd, Some(s::HINT_ADD)),
    bind(
        code(KeyCode::Esc),
        Action::OwnWordCancel,
        Some(s::HINT_CANCEL),
    ),
    bind(code(KeyCode::Backspace), Action::Erase, Some(s::HINT_ERASE)),
];

const HELP: &[Binding] = &[
    bind(code(KeyCode::Esc), Action::CloseHelp, Some(s::HINT_CLOSE)),
    bind(code(KeyCode::Up), Action::Scroll(-1), Some(s::HINT_SCROLL)),
    bind(code(KeyCode::Down), Action::Scroll(1), Some(s::HINT_SCROLL)),
    bind(k('?'), Action::CloseHelp, None),
    bind(k('q'), Action::CloseHelp, None),
    bind(code(KeyCode::Enter), Action::CloseHelp, None),
    bind(code(KeyCode::F(1)), Action::CloseHelp, None),
    bind(code(KeyCode::PageUp), Action::Scroll(-8), None),
    bind(code(KeyCode::PageDown), Action::Scroll(8), None),
    bind(k('k'), Action::Scroll(-1), None),
    bind(k('j'), Action::Scroll(1), None),
    QUIT_ANYWHERE,
];

impl Default for Keymap {
    fn default() -> Keymap {
        let join = |parts: &[&[Binding]]| parts.concat();
        let mut map = Keymap {
            tables: vec![
                (Context::Welcome, WELCOME.to_vec()),
                (Context::Home, HOME.to_vec()),
                (
                    Context::CheckinScale,
                    join(&[SCALE, FORM, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::CheckinWords,
                    join(&[WORDS, FORM, HELP_KEY, ANYWHERE]),
                ),
                // No '?' here: it is typed into the note, so F1 opens help instead.
                (
                    Context::CheckinNote,
                    join(&[NOTE, FORM, F1_HINTED, ANYWHERE, TYPING]),
                ),
                (
                    Context::Picker,
                    join(&[PICKER_MOVES, PICKER, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::PickerOwnWord,
                    join(&[OWN_WORD, F1_HINTED, ANYWHERE, TYPING]),
                ),
                (
                    Context::BreathePreview,
                    join(&[BREATHE_PREVIEW, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreatheBefore,
                    join(&[RATING, BREATHE_BEFORE, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreatheListen,
                    join(&[BREATHE_LISTEN, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreathePacing,
                    join(&[BREATHE_PACING, STOP, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreatheFollow,
                    join(&[BREATHE_FOLLOW, STOP, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreatheClosing,
                    join(&[RATING, BREATHE_CLOSING, ground::OFFER, HELP_KEY, ANYWHERE]),
                ),
                (
                    Context::BreatheDone,
                    join(&[BREATHE_DONE, ground::OFFER, HELP_KEY, ANYWHERE]),
                ),
                (Context::Help, HELP.to_vec()),
            ],
        };
        map.tables.extend(
            JOURNAL_TABLES
                .iter()
                .map(|(ctx, parts)| (*ctx, parts.concat())),
        );
        map.tables.extend(ground::tables());
        map.tables.extend(trends::tables(&[HELP_KEY, ANYWHERE]));
        map
    }
}
