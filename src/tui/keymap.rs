//! The key bindings: one table per context, each row a key, the action it asks for and an
//! optional short hint. The same rows drive key handling, the footer hints, the home
//! screen's action list and help's key list, so config.toml's [keys] rebinds keys by
//! changing data only (see names.rs).

use super::journal::keys as journal;

mod names;
mod tables;

use super::action::Action;
pub use names::Name;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
pub(crate) use tables::{
    ANYWHERE, F1_HELP, F1_HINTED, HELP_KEY, OWN_WORD, PICKER, PICKER_MOVES, QUIT_ANYWHERE, TYPING,
};

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
    /// Leave a check-in that has something filled in? Yes or no.
    CheckinAsk,
    Picker,
    /// Typing a sensation word of one's own.
    PickerOwnWord,
    /// The breathing preview: pattern, length, follow, sound.
    BreathePreview,
    /// The breathing preview with a heart source: also finding your pace.
    BreathePreviewHeart,
    /// Distress before a practice.
    BreatheBefore,
    /// Follow my breath, listening for taps.
    BreatheListen,
    BreathePacing,
    /// Pacing that follows the user's breath and leads it on.
    BreatheFollow,
    /// Finding your pace: the rates are set by the steps, so only pause and stop.
    BreatheSteps,
    /// The closing screen, asking distress after.
    BreatheClosing,
    /// The closing screen without ratings (--no-checkin).
    BreatheDone,
    /// The closing screen asking distress after, with a found pace that could be kept.
    BreatheClosingKeep,
    /// The closing screen without ratings, with a found pace that could be kept.
    BreatheDoneKeep,
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
    /// The closing screen, asking distress after, with words that could be kept.
    GroundClosingKeep,
    /// The closing screen without ratings (--no-checkin, or nothing saved).
    GroundDone,
    /// The closing screen without ratings, with words that could be kept.
    GroundDoneKeep,
    /// One day of check-ins and practices.
    Record,
    /// The record just after a delete, while it can be undone.
    RecordUndo,
    /// A yes-or-no question on the record: delete, or leave a change.
    RecordAsk,
    /// Correcting a practice, a rating focused.
    RecordRating,
    /// Correcting a practice, its note focused: typed keys go into the note.
    RecordNote,
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
    /// The name config.toml rebinds this row by, if it can.
    pub name: Option<Name>,
}

pub(crate) const fn bind(key: KeySpec, action: Action, hint: Option<&'static str>) -> Binding {
    Binding {
        key,
        action,
        hint,
        name: None,
    }
}

impl Binding {
    /// The row, rebindable in config.toml under `name`.
    pub(crate) const fn named(mut self, name: Name) -> Binding {
        self.name = Some(name);
        self
    }
}

pub(crate) const fn k(c: char) -> KeySpec {
    KeySpec::Key(KeyCode::Char(c))
}

pub(crate) const fn code(c: KeyCode) -> KeySpec {
    KeySpec::Key(c)
}

/// Every context's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    tables: Vec<(Context, Vec<Binding>)>,
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

    /// A sentence with the keys it names filled in: `{help}` becomes the key that opens
    /// help in `ctx` (or, where `ctx` has no such row, the key it has elsewhere), so a key
    /// rebound in config.toml is never named wrongly. `{{`-free text comes back unchanged.
    pub fn say(&self, ctx: Context, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after
                .find('}')
                .and_then(|end| Name::parse(&after[..end]).map(|n| (n, end)));
            match named {
                Some((name, end)) => {
                    out.push_str(&self.label(ctx, name));
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// How the key rebindable as `name` is shown in `ctx`, or where it is bound first.
    pub fn label(&self, ctx: Context, name: Name) -> String {
        let find = |rows: &[Binding]| rows.iter().find(|b| b.name == Some(name)).map(|b| b.key);
        let key = find(self.bindings(ctx))
            .or_else(|| find(self.bindings(Context::Home)))
            .or_else(|| self.tables.iter().find_map(|(_, rows)| find(rows)));
        key.map_or_else(|| name.as_str().to_string(), key_label)
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
