//! Home's keys and the first-run welcome's.

use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::{Binding, Context, bind, code, k};
use crate::tui::keymap::{F1_HELP, QUIT_ANYWHERE};
use ratatui::crossterm::event::KeyCode;

// Rows come in reading order; the footer wraps its hints onto a second line when narrow.
const HOME: &[Binding] = &[
    bind(k('b'), Action::OpenBreathe, Some(s::HINT_BREATHE)).named(Name::Breathe),
    crate::tui::ground::keys::OPEN,
    bind(k('c'), Action::OpenCheckin, Some(s::HINT_CHECKIN)).named(Name::Checkin),
    bind(
        k('j'),
        crate::tui::journal::keys::OPEN,
        Some(crate::copy::journal::HINT_JOURNAL),
    )
    .named(Name::Journal),
    bind(k('t'), Action::OpenTrends, Some(crate::tui::trends::keys::HINT_TRENDS))
        .named(Name::Trends),
    crate::tui::record::keys::OPEN,
    bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP)).named(Name::Help),
    bind(k('q'), Action::Quit, Some(s::HINT_QUIT)).named(Name::Quit),
    F1_HELP,
    QUIT_ANYWHERE,
];

const WELCOME: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::DismissWelcome, Some(s::HINT_BEGIN)),
    bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP)).named(Name::Help),
    bind(k('q'), Action::Quit, Some(s::HINT_QUIT)).named(Name::Quit),
    bind(code(KeyCode::Esc), Action::DismissWelcome, None),
    F1_HELP,
    QUIT_ANYWHERE,
];

pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    vec![
        (Context::Welcome, WELCOME.to_vec()),
        (Context::Home, HOME.to_vec()),
    ]
}
