//! The grounding screens' key tables: the routine list, the rating before, each kind of
//! step, and the closing screen. On a typed step every printable key types, so skipping
//! is Tab there; elsewhere it is s.

use crate::copy::ground as g;
use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::{Binding, Context, KeySpec, bind, code, k};
use ratatui::crossterm::event::KeyCode;

/// Home (and the closing screens' gentle offer): open the grounding routines.
pub(crate) const OPEN: Binding =
    bind(k('g'), Action::OpenGround, Some(g::HINT_GROUND)).named(Name::Ground);
/// The offer on a closing screen: the line on screen names the key.
pub(crate) const OFFER: &[Binding] = &[bind(k('g'), Action::OpenGround, None).named(Name::Ground)];

pub(crate) const LIST: &[Binding] = &[
    bind(code(KeyCode::Up), Action::RoutineMove(-1), Some(s::HINT_MOVE)),
    bind(code(KeyCode::Down), Action::RoutineMove(1), Some(s::HINT_MOVE)),
    bind(code(KeyCode::Tab), Action::RoutineMove(1), None),
    bind(code(KeyCode::BackTab), Action::RoutineMove(-1), None),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_BEGIN)),
    bind(k(' '), Action::Begin, None),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

pub(crate) const BEFORE: &[Binding] = &[
    bind(KeySpec::Digits, Action::Digit(0), Some(s::HINT_SET)),
    bind(code(KeyCode::Backspace), Action::Clear, Some(s::HINT_CLEAR)),
    bind(code(KeyCode::Delete), Action::Clear, None),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_GO_ON)),
    bind(code(KeyCode::Tab), Action::Skip, Some(s::HINT_SKIP)).named(Name::Skip),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

/// Going on, back and skipping, on steps where letters do not type.
const MOVE_ON: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_GO_ON)),
    bind(code(KeyCode::Backspace), Action::Back, Some(s::HINT_BACK)),
    bind(k('s'), Action::Skip, Some(s::HINT_SKIP)).named(Name::Skip),
    bind(code(KeyCode::Tab), Action::Skip, None),
];

/// Stopping a routine at once.
const STOP: &[Binding] = &[
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_STOP)).named(Name::Stop),
    bind(k('q'), Action::Leave, None),
];

const SPACE_ON: &[Binding] = &[bind(k(' '), Action::Begin, None)];

pub(crate) fn read() -> Vec<Binding> {
    [MOVE_ON, SPACE_ON, STOP].concat()
}

pub(crate) fn timed() -> Vec<Binding> {
    read()
}

pub(crate) fn count() -> Vec<Binding> {
    let tap = &[bind(k(' '), Action::Tap, Some(g::HINT_OUT_BREATH))];
    [tap, MOVE_ON, STOP].concat()
}

pub(crate) fn rate() -> Vec<Binding> {
    let digits = &[bind(KeySpec::Digits, Action::Digit(0), Some(s::HINT_SET))];
    [digits, MOVE_ON, STOP].concat()
}

pub(crate) fn choose() -> Vec<Binding> {
    let pick = &[
        bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_CHOOSE)),
        bind(k(' '), Action::Begin, None),
        bind(code(KeyCode::Backspace), Action::Back, Some(s::HINT_BACK)),
        bind(k('s'), Action::Skip, Some(s::HINT_SKIP)).named(Name::Skip),
        bind(code(KeyCode::Tab), Action::Skip, None),
    ];
    [crate::tui::keymap::PICKER_MOVES, pick, STOP].concat()
}

/// A typed step: letters (s and q too) type, Enter adds the line or, when the input is
/// empty, goes on; Backspace erases, or on an empty input goes back; Tab skips.
pub(crate) const TYPED: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_ADD)),
    bind(code(KeyCode::Tab), Action::Skip, Some(s::HINT_SKIP)).named(Name::Skip),
    bind(code(KeyCode::Up), Action::EditLast, Some(g::HINT_EDIT_LAST)),
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(code(KeyCode::Delete), Action::Erase, None),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_STOP)).named(Name::Stop),
];

pub(crate) const OWN_WORD: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::OwnWordAdd, Some(s::HINT_ADD)),
    bind(code(KeyCode::Esc), Action::OwnWordCancel, Some(s::HINT_CANCEL)),
    bind(code(KeyCode::Backspace), Action::Erase, Some(s::HINT_ERASE)),
];

pub(crate) const CLOSING: &[Binding] = &[
    bind(KeySpec::Digits, Action::Digit(0), Some(s::HINT_SET)),
    bind(code(KeyCode::Backspace), Action::Clear, None),
    bind(code(KeyCode::Delete), Action::Clear, None),
];

/// Only where something was typed or chosen that could be kept.
pub(crate) const KEEP: &[Binding] =
    &[bind(k('k'), Action::ToggleKeep, Some(g::HINT_KEEP)).named(Name::Keep)];

/// The same keys as on breathing's closing screen, and a check-in.
pub(crate) const CLOSING_TAIL: &[Binding] = &[
    crate::tui::journal::keys::WRITE_ABOUT_IT,
    // Said on the screen itself ("c opens a check-in"), so the footer fits one line.
    bind(k('c'), Action::OpenCheckin, None).named(Name::Checkin),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_DONE)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_HOME)),
    bind(k('q'), Action::Leave, None),
    bind(k('g'), Action::OpenGround, None).named(Name::Ground),
];

/// The grounding screens' tables.
pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    use crate::tui::keymap::{ANYWHERE, F1_HINTED, HELP_KEY, TYPING};
    let with_help = |rows: &[Binding]| [rows, HELP_KEY, ANYWHERE].concat();
    let typing = |rows: &[Binding]| [rows, F1_HINTED, ANYWHERE, TYPING].concat();
    vec![
        (Context::GroundList, with_help(LIST)),
        (Context::GroundBefore, with_help(BEFORE)),
        (Context::GroundRead, with_help(&read())),
        (Context::GroundTyped, typing(TYPED)),
        (Context::GroundCount, with_help(&count())),
        (Context::GroundTimed, with_help(&timed())),
        (Context::GroundChoose, with_help(&choose())),
        (Context::GroundOwnWord, typing(OWN_WORD)),
        (Context::GroundRate, with_help(&rate())),
        (Context::GroundClosing, with_help(&[CLOSING, CLOSING_TAIL].concat())),
        (Context::GroundClosingKeep, with_help(&[CLOSING, KEEP, CLOSING_TAIL].concat())),
        (Context::GroundDone, with_help(CLOSING_TAIL)),
        (Context::GroundDoneKeep, with_help(&[KEEP, CLOSING_TAIL].concat())),
    ]
}
