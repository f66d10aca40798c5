//! The rows every screen shares (help, quitting, typing, the word picker), and the whole
//! keymap assembled from each feature's own tables.

use super::journal::JOURNAL_TABLES;
use super::{Binding, KeySpec, Keymap, Name, bind, code, k};
use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::{breathe::keys as breathe, checkin::keys as checkin, help::keys as help};
use crate::tui::{ground::keys as ground, home::keys as home, trends::keys as trends};
use ratatui::crossterm::event::KeyCode;

pub(crate) const QUIT_ANYWHERE: Binding = bind(KeySpec::Ctrl('c'), Action::Quit, None);
pub(crate) const F1_HELP: Binding = bind(code(KeyCode::F(1)), Action::OpenHelp, None);

pub(crate) const HELP_KEY: &[Binding] =
    &[bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP)).named(Name::Help)];
pub(crate) const F1_HINTED: &[Binding] = &[bind(
    code(KeyCode::F(1)),
    Action::OpenHelp,
    Some(s::HINT_HELP),
)];
pub(crate) const ANYWHERE: &[Binding] = &[F1_HELP, QUIT_ANYWHERE];
pub(crate) const TYPING: &[Binding] = &[bind(KeySpec::Text, Action::Type(' '), None)];

/// Moving through a grid of words: the check-in's picker and a grounding choice step.
pub(crate) const PICKER_MOVES: &[Binding] = &[
    bind(code(KeyCode::Up), Action::PickerMove(-1), Some(s::HINT_MOVE)),
    bind(code(KeyCode::Down), Action::PickerMove(1), Some(s::HINT_MOVE)),
    bind(code(KeyCode::Left), Action::PickerColumn(-1), None),
    bind(code(KeyCode::Right), Action::PickerColumn(1), None),
];

pub(crate) const PICKER: &[Binding] = &[
    bind(k(' '), Action::PickerToggle, Some(s::HINT_CHOOSE)),
    bind(code(KeyCode::Enter), Action::PickerClose, Some(s::HINT_DONE)),
    bind(code(KeyCode::Esc), Action::PickerClose, None),
    bind(code(KeyCode::Tab), Action::PickerMove(1), None),
    bind(code(KeyCode::BackTab), Action::PickerMove(-1), None),
];

pub(crate) const OWN_WORD: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::OwnWordAdd, Some(s::HINT_ADD)),
    bind(code(KeyCode::Esc), Action::OwnWordCancel, Some(s::HINT_CANCEL)),
    bind(code(KeyCode::Backspace), Action::Erase, Some(s::HINT_ERASE)),
];

impl Default for Keymap {
    /// Every screen's tables, each from its own feature folder.
    fn default() -> Keymap {
        let mut tables = home::tables();
        tables.extend(checkin::tables());
        tables.extend(breathe::tables());
        tables.extend(
            JOURNAL_TABLES
                .iter()
                .map(|(ctx, parts)| (*ctx, parts.concat())),
        );
        tables.extend(ground::tables());
        tables.extend(trends::tables(&[HELP_KEY, ANYWHERE]));
        tables.extend(help::tables());
        tables.extend(crate::tui::record::keys::tables());
        Keymap { tables }
    }
}
