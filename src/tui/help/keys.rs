//! Help's keys: closing it and scrolling.

use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::QUIT_ANYWHERE;
use crate::tui::keymap::{Binding, Context, bind, code, k};
use crate::tui::strings as s;
use ratatui::crossterm::event::KeyCode;

const HELP: &[Binding] = &[
    bind(code(KeyCode::Esc), Action::CloseHelp, Some(s::HINT_CLOSE)),
    bind(code(KeyCode::Up), Action::Scroll(-1), Some(s::HINT_SCROLL)),
    bind(code(KeyCode::Down), Action::Scroll(1), Some(s::HINT_SCROLL)),
    bind(k('?'), Action::CloseHelp, None).named(Name::Help),
    bind(k('q'), Action::CloseHelp, None),
    bind(code(KeyCode::Enter), Action::CloseHelp, None),
    bind(code(KeyCode::F(1)), Action::CloseHelp, None),
    bind(code(KeyCode::PageUp), Action::Scroll(-8), None),
    bind(code(KeyCode::PageDown), Action::Scroll(8), None),
    bind(code(KeyCode::Home), Action::Scroll(i16::MIN), None),
    bind(code(KeyCode::End), Action::Scroll(i16::MAX), None),
    bind(k('k'), Action::Scroll(-1), None),
    bind(k('j'), Action::Scroll(1), None),
    QUIT_ANYWHERE,
];

pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    vec![(Context::Help, HELP.to_vec())]
}
