//! Actions the user can rebind in config.toml's [keys], each by a stable name, and how an
//! override is applied: the named rows get the new key in every table they appear in, so
//! handling, footer hints, the home list and help all follow. Where keys type text, a key
//! that would type (or edit) is not taken from the text: there the usual key stays.

use super::{Binding, Context, KeySpec, Keymap};
use crate::config::{Key, parse_key};
use crate::tui::action::Action;
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;

/// An action config.toml's [keys] can rebind. Each rebindable row in the tables says
/// which one it is (`Binding::named`), so a rebinding never depends on a row's hint or key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Name {
    Breathe,
    Ground,
    Checkin,
    Journal,
    Trends,
    Help,
    Quit,
    Pause,
    Slower,
    Quicker,
    Stop,
    Skip,
    Back,
    Keep,
    Search,
    New,
    Save,
}

impl Name {
    /// Every name, in the order config.toml documents them.
    pub const ALL: [Name; 17] = [
        Name::Breathe,
        Name::Ground,
        Name::Checkin,
        Name::Journal,
        Name::Trends,
        Name::Help,
        Name::Quit,
        Name::Pause,
        Name::Slower,
        Name::Quicker,
        Name::Stop,
        Name::Skip,
        Name::Back,
        Name::Keep,
        Name::Search,
        Name::New,
        Name::Save,
    ];

    /// The name as config.toml spells it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Name::Breathe => "breathe",
            Name::Ground => "ground",
            Name::Checkin => "checkin",
            Name::Journal => "journal",
            Name::Trends => "trends",
            Name::Help => "help",
            Name::Quit => "quit",
            Name::Pause => "pause",
            Name::Slower => "slower",
            Name::Quicker => "quicker",
            Name::Stop => "stop",
            Name::Skip => "skip",
            Name::Back => "back",
            Name::Keep => "keep",
            Name::Search => "search",
            Name::New => "new",
            Name::Save => "save",
        }
    }

    /// The name config.toml spelled, if attune has it.
    pub fn parse(text: &str) -> Option<Name> {
        Name::ALL.into_iter().find(|n| n.as_str() == text)
    }
}

/// A row changed by an override: where it is, and which name changed it.
struct Changed<'a> {
    table: usize,
    row: usize,
    name: Name,
    text: &'a str,
}

impl Keymap {
    /// The default keymap with config.toml's [keys] applied. An unknown name, a key
    /// attune does not know, or a key already doing something else nearby is refused
    /// with a message naming `keys.<name>`.
    pub fn with_overrides(keys: &BTreeMap<String, String>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        let mut changed = Vec::new();
        for (given, text) in keys {
            let name = Name::parse(given).ok_or_else(|| unknown(given))?;
            let key = parse_key(text).map_err(|why| format!("keys.{given}: {why}"))?;
            let key = spec(key);
            for (t, (_, rows)) in map.tables.iter_mut().enumerate() {
                let typing = typing(rows);
                for (r, row) in rows.iter_mut().enumerate() {
                    if row.name == Some(name) && keeps_text(typing, key) {
                        row.key = key;
                        changed.push(Changed {
                            table: t,
                            row: r,
                            name,
                            text,
                        });
                    }
                }
            }
        }
        changed.iter().try_for_each(|c| map.clash(c))?;
        Ok(map)
    }

    /// Refuse a changed row whose key another row of its table already answers to.
    fn clash(&self, c: &Changed) -> Result<(), String> {
        let (ctx, rows) = &self.tables[c.table];
        let mine = &rows[c.row];
        let other = rows
            .iter()
            .enumerate()
            .find(|(i, b)| *i != c.row && b.action != mine.action && overlap(b.key, mine.key));
        match other {
            None => Ok(()),
            Some((_, b)) => Err(format!(
                "keys.{}: \"{}\" is already {} in {}; choose another key",
                c.name.as_str(),
                c.text,
                doing(b),
                place(*ctx)
            )),
        }
    }
}

fn unknown(name: &str) -> String {
    format!(
        "keys.{name}: attune has no action called \"{name}\"; the names are {}",
        Name::ALL.map(Name::as_str).join(", ")
    )
}

fn spec(key: Key) -> KeySpec {
    match key {
        Key::Char(c) => KeySpec::Key(KeyCode::Char(c)),
        Key::Ctrl(c) => KeySpec::Ctrl(c),
        Key::F(n) => KeySpec::Key(KeyCode::F(n)),
        Key::Named(name) => KeySpec::Key(match name {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            _ => KeyCode::Right,
        }),
    }
}

/// Whether keys type text in a table: only letters (Text), or every key (Editing).
#[derive(Clone, Copy, PartialEq)]
enum Typing {
    No,
    Letters,
    Everything,
}

fn typing(rows: &[Binding]) -> Typing {
    if rows.iter().any(|b| b.key == KeySpec::Editing) {
        Typing::Everything
    } else if rows.iter().any(|b| b.key == KeySpec::Text) {
        Typing::Letters
    } else {
        Typing::No
    }
}

/// Whether `key` can be given to an action here without taking it from the text.
fn keeps_text(typing: Typing, key: KeySpec) -> bool {
    match (typing, key) {
        (Typing::No, _) => true,
        (Typing::Letters, KeySpec::Key(KeyCode::Char(_))) => false,
        (Typing::Letters, _) => true,
        (Typing::Everything, KeySpec::Ctrl(_) | KeySpec::Key(KeyCode::F(_))) => true,
        (Typing::Everything, _) => false,
    }
}

/// Whether one key press could match both.
fn overlap(a: KeySpec, b: KeySpec) -> bool {
    let digit = |k: KeySpec| matches!(k, KeySpec::Key(KeyCode::Char(c)) if c.is_ascii_digit());
    match (a, b) {
        (KeySpec::Digits, other) | (other, KeySpec::Digits) => {
            other == KeySpec::Digits || digit(other)
        }
        (KeySpec::Ctrl(x), KeySpec::Ctrl(y)) => x.eq_ignore_ascii_case(&y),
        _ => a == b,
    }
}

/// What a row does, in words: its name if it has one, else its hint.
fn doing(b: &Binding) -> String {
    if let Some(name) = b.name {
        return format!("{}'s key", name.as_str());
    }
    match (b.hint, &b.action) {
        (_, Action::Quit) => "the key that quits".into(),
        (_, Action::OpenHelp) => "the key for help".into(),
        (Some(hint), _) => format!("the key to {hint}"),
        (None, _) => "in use".into(),
    }
}

/// Where a table is used, in words.
fn place(ctx: Context) -> &'static str {
    use Context as C;
    match ctx {
        C::Welcome => "the welcome",
        C::Home => "home",
        C::CheckinScale | C::CheckinWords | C::CheckinNote => "the check-in",
        C::Picker | C::PickerOwnWord => "the word picker",
        C::BreathePreview | C::BreathePreviewHeart | C::BreatheBefore | C::BreatheListen => {
            "breathing"
        }
        C::BreathePacing | C::BreatheFollow | C::BreatheSteps => "the pacer",
        C::BreatheClosing | C::BreatheDone | C::BreatheClosingKeep | C::BreatheDoneKeep => {
            "breathing's closing screen"
        }
        C::Trends(_) => "trends",
        C::Record | C::RecordUndo | C::RecordAsk | C::RecordRating | C::RecordNote => "the record",
        C::Help => "help",
        C::GroundList | C::GroundBefore | C::GroundRead | C::GroundTyped | C::GroundCount => {
            "grounding"
        }
        C::GroundTimed | C::GroundChoose | C::GroundOwnWord | C::GroundRate => "grounding",
        C::GroundClosing | C::GroundClosingKeep | C::GroundDone | C::GroundDoneKeep => {
            "grounding's closing screen"
        }
        _ => "the journal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_rebinds_something() {
        let map = Keymap::default();
        for name in Name::ALL {
            let found = map
                .tables
                .iter()
                .flat_map(|(_, r)| r)
                .any(|b| b.name == Some(name));
            assert!(found, "{name:?} rebinds nothing");
            assert_eq!(Name::parse(name.as_str()), Some(name));
        }
    }

    #[test]
    fn the_default_config_documents_every_name() {
        for name in Name::ALL {
            let line = format!("# {} = ", name.as_str());
            assert!(crate::config::DEFAULT_TEXT.contains(&line), "{name:?}");
        }
    }
}
