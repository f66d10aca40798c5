//! The breathing practice's key tables: the preview, the ratings around a practice,
//! listening, pacing (plain and following) and the closing screen.

use crate::copy::screens as s;
use crate::tui::action::Action;
use crate::tui::keymap::Name;
use crate::tui::keymap::{Binding, Context, KeySpec, bind, code, k};
use ratatui::crossterm::event::KeyCode;

pub(crate) const BREATHE_PREVIEW: &[Binding] = &[
    bind(code(KeyCode::Up), Action::PatternMove(-1), Some(s::HINT_PATTERN)),
    bind(code(KeyCode::Down), Action::PatternMove(1), Some(s::HINT_PATTERN)),
    bind(code(KeyCode::Left), Action::Minutes(-1), Some(s::HINT_LENGTH)),
    bind(code(KeyCode::Right), Action::Minutes(1), Some(s::HINT_LENGTH)),
    bind(k('-'), Action::Minutes(-1), None),
    bind(k('+'), Action::Minutes(1), None),
    bind(k('='), Action::Minutes(1), None),
    bind(k('f'), Action::ToggleFollow, Some(s::HINT_FOLLOW)),
    bind(k('s'), Action::CycleSound, Some(s::HINT_SOUND)),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_BEGIN)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

/// With a heart source, the preview also offers finding your pace.
pub(crate) const FIND_PACE: &[Binding] = &[bind(
    k('p'),
    Action::ToggleFindPace,
    Some(s::HINT_FIND_PACE),
)];

/// A found pace on the closing screen: keep it as the user's own pattern.
pub(crate) const KEEP_PACE: &[Binding] = &[bind(k('k'), Action::KeepPace, Some(s::HINT_KEEP_PACE))];

/// Finding your pace sets the rates: only pausing is offered (and stopping).
pub(crate) const BREATHE_STEPS: &[Binding] =
    &[bind(k(' '), Action::Pause, Some(s::HINT_PAUSE)).named(Name::Pause)];

/// A 0-10 rating around a practice: number keys, or skip it.
pub(crate) const RATING: &[Binding] = &[
    bind(KeySpec::Digits, Action::Digit(0), Some(s::HINT_SET)),
    bind(code(KeyCode::Backspace), Action::Clear, Some(s::HINT_CLEAR)),
    bind(code(KeyCode::Delete), Action::Clear, None),
];

pub(crate) const BREATHE_BEFORE: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_GO_ON)),
    bind(code(KeyCode::Tab), Action::Skip, Some(s::HINT_SKIP)).named(Name::Skip),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

pub(crate) const BREATHE_LISTEN: &[Binding] = &[
    bind(k(' '), Action::Tap, Some(s::HINT_TAP)),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_GO_ON)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

pub(crate) const BREATHE_PACING: &[Binding] = &[
    bind(k(' '), Action::Pause, Some(s::HINT_PAUSE)).named(Name::Pause),
    bind(code(KeyCode::Left), Action::Pace(-1), Some(s::HINT_SLOWER)).named(Name::Slower),
    bind(code(KeyCode::Right), Action::Pace(1), Some(s::HINT_QUICKER)).named(Name::Quicker),
];

pub(crate) const BREATHE_FOLLOW: &[Binding] = &[
    bind(k(' '), Action::Pause, Some(s::HINT_PAUSE)).named(Name::Pause),
    bind(code(KeyCode::Up), Action::HoldPace, Some(s::HINT_HOLD_PACE)),
    bind(code(KeyCode::Down), Action::StepBack, Some(s::HINT_STEP_BACK)),
];

/// Stopping a practice: at once, with one key.
pub(crate) const STOP: &[Binding] = &[
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_STOP)).named(Name::Stop),
    bind(k('q'), Action::Leave, None),
];

pub(crate) const BREATHE_CLOSING: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_DONE)),
    crate::tui::journal::keys::WRITE_ABOUT_IT,
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_HOME)),
    bind(k('q'), Action::Leave, None),
];

pub(crate) const BREATHE_DONE: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_HOME)),
    crate::tui::journal::keys::WRITE_ABOUT_IT,
    bind(code(KeyCode::Esc), Action::Leave, None),
    bind(k('q'), Action::Leave, None),
];

/// The breathing screens' tables.
pub(crate) fn tables() -> Vec<(Context, Vec<Binding>)> {
    use crate::tui::ground::keys::OFFER;
    use crate::tui::keymap::{ANYWHERE, HELP_KEY};
    let join = |parts: &[&[Binding]]| parts.concat();
    vec![
        (Context::BreathePreview, join(&[BREATHE_PREVIEW, HELP_KEY, ANYWHERE])),
        (
            Context::BreathePreviewHeart,
            join(&[BREATHE_PREVIEW, FIND_PACE, HELP_KEY, ANYWHERE]),
        ),
        (Context::BreatheBefore, join(&[RATING, BREATHE_BEFORE, HELP_KEY, ANYWHERE])),
        (Context::BreatheListen, join(&[BREATHE_LISTEN, HELP_KEY, ANYWHERE])),
        (Context::BreathePacing, join(&[BREATHE_PACING, STOP, HELP_KEY, ANYWHERE])),
        (Context::BreatheFollow, join(&[BREATHE_FOLLOW, STOP, HELP_KEY, ANYWHERE])),
        (Context::BreatheSteps, join(&[BREATHE_STEPS, STOP, HELP_KEY, ANYWHERE])),
        (
            Context::BreatheClosingKeep,
            join(&[
                RATING,
                BREATHE_CLOSING,
                KEEP_PACE,
                OFFER,
                HELP_KEY,
                ANYWHERE,
            ]),
        ),
        (
            Context::BreatheDoneKeep,
            join(&[BREATHE_DONE, KEEP_PACE, OFFER, HELP_KEY, ANYWHERE]),
        ),
        (
            Context::BreatheClosing,
            join(&[RATING, BREATHE_CLOSING, OFFER, HELP_KEY, ANYWHERE]),
        ),
        (Context::BreatheDone, join(&[BREATHE_DONE, OFFER, HELP_KEY, ANYWHERE])),
    ]
}
