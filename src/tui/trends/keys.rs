//! The trends screen's key tables, one for each unit shown: the arrows move by that unit
//! (not at all for all time), the hints offer only the other units, and `g` then a date
//! goes straight there.

use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::{Binding, Context, KeySpec, bind, code, k};
use crate::tui::strings as s;
use crate::tui::trends::Unit;
use ratatui::crossterm::event::KeyCode;

pub(crate) use crate::tui::trends::words::HINT_TRENDS;
use crate::tui::trends::words::{HINT_ALL, HINT_GO_TO, HINT_MONTH, HINT_WEEK};

const fn show(key: char, unit: Unit, hint: Option<&'static str>) -> Binding {
    bind(k(key), Action::TrendsShow(unit), hint)
}

const fn earlier(hint: Option<&'static str>) -> Binding {
    bind(code(KeyCode::Left), Action::TrendsMove(-1), hint)
}

const fn later(hint: Option<&'static str>) -> Binding {
    bind(code(KeyCode::Right), Action::TrendsMove(1), hint)
}

/// `g`, then a date typed (digits and '-'), Enter to go there.
const GO_TO: &[Binding] = &[
    bind(k('g'), Action::TrendsGoTo, Some(HINT_GO_TO)),
    bind(KeySpec::Digits, Action::Digit(0), None),
    bind(k('-'), Action::Type('-'), None),
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(code(KeyCode::Enter), Action::Begin, None),
];

const ESC_BACK: Binding =
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back);
const Q_BACK: Binding = bind(k('q'), Action::Leave, None);

const TRENDS_WEEK: &[Binding] = &[
    earlier(Some(HINT_WEEK)),
    later(Some(HINT_WEEK)),
    show('m', Unit::Month, Some(HINT_MONTH)),
    show('a', Unit::All, Some(HINT_ALL)),
    show('w', Unit::Week, None),
    ESC_BACK,
    Q_BACK,
];

const TRENDS_MONTH: &[Binding] = &[
    earlier(Some(HINT_MONTH)),
    later(Some(HINT_MONTH)),
    show('w', Unit::Week, Some(HINT_WEEK)),
    show('a', Unit::All, Some(HINT_ALL)),
    show('m', Unit::Month, None),
    ESC_BACK,
    Q_BACK,
];

const TRENDS_ALL: &[Binding] = &[
    show('w', Unit::Week, Some(HINT_WEEK)),
    show('m', Unit::Month, Some(HINT_MONTH)),
    show('a', Unit::All, None),
    ESC_BACK,
    Q_BACK,
];

/// The three tables, each followed by the rows every screen shares.
pub(crate) fn tables(shared: &[&[Binding]]) -> Vec<(Context, Vec<Binding>)> {
    [
        (Unit::Week, TRENDS_WEEK),
        (Unit::Month, TRENDS_MONTH),
        (Unit::All, TRENDS_ALL),
    ]
    .into_iter()
    .map(|(unit, rows)| {
        let mut all = rows.to_vec();
        all.extend(GO_TO.iter().cloned());
        all.extend(shared.iter().flat_map(|r| r.iter().cloned()));
        (Context::Trends(unit), all)
    })
    .collect()
}
