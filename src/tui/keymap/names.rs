//! Actions the user can rebind in config.toml's [keys], each by a stable name, and how an
//! override is applied: the named rows get the new key in every table they appear in, so
//! handling, footer hints, the home list and help all follow. Where keys type text, a key
//! that would type (or edit) is not taken from the text: there the usual key stays.

use super::{Binding, Context, KeySpec, Keymap};
use crate::config::{Key, parse_key};
use crate::tui::action::Action;
use crate::tui::journal::JournalAction as J;
use crate::tui::strings as s;
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;

type Rule = fn(&Binding) -> bool;

fn is(b: &Binding, action: Action, key: KeySpec) -> bool {
    b.action == action && b.key == key
}

const fn ch(c: char) -> KeySpec {
    KeySpec::Key(KeyCode::Char(c))
}

fn esc_for(b: &Binding, hint: &str) -> bool {
    is(b, Action::Leave, KeySpec::Key(KeyCode::Esc)) && b.hint == Some(hint)
}

/// Every name, with the rows (in the default tables) it rebinds.
const RULES: &[(&str, Rule)] = &[
    ("breathe", |b| is(b, Action::OpenBreathe, ch('b'))),
    ("ground", |b| is(b, Action::OpenGround, ch('g'))),
    ("checkin", |b| is(b, Action::OpenCheckin, ch('c'))),
    ("journal", |b| is(b, Action::Journal(J::Open), ch('j'))),
    ("trends", |b| is(b, Action::OpenTrends, ch('t'))),
    ("help", |b| {
        is(b, Action::OpenHelp, ch('?')) || is(b, Action::CloseHelp, ch('?'))
    }),
    ("quit", |b| is(b, Action::Quit, ch('q'))),
    ("pause", |b| is(b, Action::Pause, ch(' '))),
    ("slower", |b| {
        is(b, Action::Pace(-1), KeySpec::Key(KeyCode::Left))
    }),
    ("quicker", |b| {
        is(b, Action::Pace(1), KeySpec::Key(KeyCode::Right))
    }),
    ("stop", |b| esc_for(b, s::HINT_STOP)),
    ("skip", |b| b.action == Action::Skip && b.hint.is_some()),
    ("back", |b| esc_for(b, s::HINT_BACK)),
    ("keep", |b| b.action == Action::ToggleKeep),
    ("search", |b| b.action == Action::Journal(J::Search)),
    ("new", |b| b.action == Action::Journal(J::New)),
    ("save", |b| b.action == Action::Save),
];

/// The names of the actions config.toml can rebind.
pub const NAMES: &[&str] = &[
    "breathe", "ground", "checkin", "journal", "trends", "help", "quit", "pause", "slower",
    "quicker", "stop", "skip", "back", "keep", "search", "new", "save",
];

/// A row changed by an override: where it is, and which name changed it.
struct Changed<'a> {
    table: usize,
    row: usize,
    name: &'a str,
    text: &'a str,
}

impl Keymap {
    /// The default keymap with config.toml's [keys] applied. An unknown name, a key
    /// attune does not know, or a key already doing something else nearby is refused
    /// with a message naming `keys.<name>`.
    pub fn with_overrides(keys: &BTreeMap<String, String>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        let mut changed = Vec::new();
        for (name, text) in keys {
            let rule = rule(name).ok_or_else(|| unknown(name))?;
            let key = parse_key(text).map_err(|why| format!("keys.{name}: {why}"))?;
            let key = spec(key);
            for (t, (_, rows)) in map.tables.iter_mut().enumerate() {
                let typing = typing(rows);
                for (r, row) in rows.iter_mut().enumerate() {
                    if rule(row) && keeps_text(typing, key) {
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
                c.name,
                c.text,
                doing(b),
                place(*ctx)
            )),
        }
    }
}

fn rule(name: &str) -> Option<Rule> {
    RULES.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

fn unknown(name: &str) -> String {
    format!(
        "keys.{name}: attune has no action called \"{name}\"; the names are {}",
        NAMES.join(", ")
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
    if let Some((name, _)) = RULES.iter().find(|(_, rule)| rule(b)) {
        return format!("{name}'s key");
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
        C::BreathePreview | C::BreatheBefore | C::BreatheListen => "breathing",
        C::BreathePacing | C::BreatheFollow => "the pacer",
        C::BreatheClosing | C::BreatheDone => "breathing's closing screen",
        C::Trends(_) => "trends",
        C::Help => "help",
        C::GroundList | C::GroundBefore | C::GroundRead | C::GroundTyped | C::GroundCount => {
            "grounding"
        }
        C::GroundTimed | C::GroundChoose | C::GroundOwnWord | C::GroundRate => "grounding",
        C::GroundClosing | C::GroundDone => "grounding's closing screen",
        _ => "the journal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_a_rule_and_rebinds_something() {
        assert_eq!(NAMES.len(), RULES.len());
        let map = Keymap::default();
        for name in NAMES {
            let rule = rule(name).expect("a rule");
            let found = map.tables.iter().flat_map(|(_, r)| r).any(rule);
            assert!(found, "{name} rebinds nothing");
        }
    }

    #[test]
    fn the_default_config_documents_every_name() {
        for name in NAMES {
            let line = format!("# {name} = ");
            assert!(crate::config::DEFAULT_TEXT.contains(&line), "{name}");
        }
    }

    #[test]
    fn no_row_answers_to_two_names() {
        for (_, rows) in &Keymap::default().tables {
            for b in rows {
                let n = RULES.iter().filter(|(_, rule)| rule(b)).count();
                assert!(n <= 1, "{b:?}");
            }
        }
    }
}
