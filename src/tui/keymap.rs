//! The key bindings: one table per context, each row a key, the action it asks for and an
//! optional short hint. The same rows drive key handling, the footer hints, the home
//! screen's action list and help's key list, so a later config file can rebind keys by
//! changing data only.

mod breathe;
mod ground;
mod journal;
mod trends;

use super::action::Action;
use super::strings as s;
use breathe::{
    BREATHE_BEFORE, BREATHE_CLOSING, BREATHE_DONE, BREATHE_FOLLOW, BREATHE_LISTEN, BREATHE_PACING,
    BREATHE_PREVIEW, RATING, STOP,
};
use journal::JOURNAL_TABLES;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keys are being read: each context has its own table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Welcome,
    Home,
    /// The check-in with a 0-10 scale focused.
    CheckinScale,
    /// The check-in with the sensations line focused.
    CheckinWords,
    /// The check-in with the note focused: typed keys go into the note.
    CheckinNote,
    Picker,
    /// Typing a sensation word of one's own.
    PickerOwnWord,
    /// The breathing preview: pattern, length, follow, sound.
    BreathePreview,
    /// Distress before a practice.
    BreatheBefore,
    /// Follow my breath, listening for taps.
    BreatheListen,
    BreathePacing,
    /// Pacing that follows the user's breath and leads it on.
    BreatheFollow,
    /// The closing screen, asking distress after.
    BreatheClosing,
    /// The closing screen without ratings (--no-checkin).
    BreatheDone,
    /// The grounding routines, each with its preview.
    GroundList,
    /// Distress before a grounding routine.
    GroundBefore,
    /// A step to read, then go on.
    GroundRead,
    /// A step where typed keys go into a line of what the user notices.
    GroundTyped,
    /// Counting out-breaths.
    GroundCount,
    /// A step that stays for some seconds.
    GroundTimed,
    /// Choosing one word.
    GroundChoose,
    /// Typing a word of one's own on a choosing step.
    GroundOwnWord,
    /// Rating 0-10 inside a routine.
    GroundRate,
    /// The closing screen, asking distress after.
    GroundClosing,
    /// The closing screen without ratings (--no-checkin).
    GroundDone,
    /// The trends screen showing a week, a month or all time.
    Trends(crate::tui::trends::Unit),
    Help,
    /// The journal's list of entries.
    JournalList,
    /// The list just after a delete, while it can be undone.
    JournalUndo,
    /// A search or filter typed under the list.
    JournalInput,
    /// The filter keys, shown on the list.
    JournalFilters,
    /// One entry, read in full.
    JournalView,
    /// The editor's text: every key edits it.
    JournalWrite,
    /// The editor's prompt line.
    JournalPrompt,
    /// The editor's body or feeling words line.
    JournalWords,
    /// The editor's tags, typed.
    JournalTags,
    JournalCategories,
    /// A yes-or-no question: discard changes, delete an entry.
    JournalAsk,
    /// Words kept from an earlier run, offered back.
    JournalDraft,
}

/// Which keys a row answers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySpec {
    /// One key, without Ctrl or Alt (Shift is allowed: '?' often arrives with it).
    Key(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Any of 0-9; the row's action is `Digit`, and the key supplies the number.
    Digits,
    /// Any printable character; the row's action is `Type`, and the key supplies it.
    Text,
    /// Any key at all, for a text editor; the row's action is `Edit` with the key.
    Editing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub key: KeySpec,
    pub action: Action,
    pub hint: Option<&'static str>,
}

const fn bind(key: KeySpec, action: Action, hint: Option<&'static str>) -> Binding {
    Binding { key, action, hint }
}

const fn k(c: char) -> KeySpec {
    KeySpec::Key(KeyCode::Char(c))
}

const fn code(c: KeyCode) -> KeySpec {
    KeySpec::Key(c)
}

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

const HELP_KEY: &[Binding] = &[bind(k('?'), Action::OpenHelp, Some(s::HINT_HELP))];
const F1_HINTED: &[Binding] = &[bind(
    code(KeyCode::F(1)),
    Action::OpenHelp,
    Some(s::HINT_HELP),
)];
const ANYWHERE: &[Binding] = &[F1_HELP, QUIT_ANYWHERE];
const TYPING: &[Binding] = &[bind(KeySpec::Text, Action::Type(' '), None)];

const PICKER: &[Binding] = &[
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

/// Every context's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    tables: Vec<(Context, Vec<Binding>)>,
}

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
                (Context::Picker, join(&[PICKER, HELP_KEY, ANYWHERE])),
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

impl Keymap {
    pub fn bindings(&self, ctx: Context) -> &[Binding] {
        self.tables
            .iter()
            .find(|(c, _)| *c == ctx)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }

    /// Whether printable keys type text in this context (and so a paste may).
    pub fn types_text(&self, ctx: Context) -> bool {
        self.bindings(ctx)
            .iter()
            .any(|b| matches!(b.key, KeySpec::Text | KeySpec::Editing))
    }

    /// The action a key asks for in this context, if any.
    pub fn action_for(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        self.bindings(ctx).iter().find_map(|b| matches(b, key))
    }

    /// The hinted rows as (keys, what they do), rows with the same hint next to each other
    /// merged into one: ↑ and ↓ "move" become "↑↓ move".
    pub fn hints(&self, ctx: Context) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for b in self.bindings(ctx) {
            let Some(hint) = b.hint else { continue };
            let label = key_label(b.key);
            match out.last_mut() {
                Some((keys, h)) if *h == hint => {
                    let short = keys.chars().count() == 1 && label.chars().count() == 1;
                    keys.push_str(if short { "" } else { "/" });
                    keys.push_str(&label);
                }
                _ => out.push((label, hint)),
            }
        }
        out
    }
}

fn matches(b: &Binding, key: &KeyEvent) -> Option<Action> {
    let ctrl_or_alt = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match (b.key, key.code) {
        (KeySpec::Ctrl(c), KeyCode::Char(got)) => (key.modifiers.contains(KeyModifiers::CONTROL)
            && got.eq_ignore_ascii_case(&c))
        .then(|| b.action.clone()),
        (KeySpec::Digits, KeyCode::Char(got)) if !ctrl_or_alt => got
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(Action::Digit),
        (KeySpec::Text, KeyCode::Char(got)) if !ctrl_or_alt && !got.is_control() => {
            Some(Action::Type(got))
        }
        (KeySpec::Key(want), got) if !ctrl_or_alt && want == got => Some(b.action.clone()),
        (KeySpec::Editing, _) => Some(Action::Edit(*key)),
        _ => None,
    }
}

/// How a key is named on screen.
pub fn key_label(key: KeySpec) -> String {
    match key {
        KeySpec::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
        KeySpec::Digits => "0-9".into(),
        KeySpec::Text => "letters".into(),
        KeySpec::Editing => "keys".into(),
        KeySpec::Key(code) => match code {
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift+Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

#[cfg(test)]
mod tests;
