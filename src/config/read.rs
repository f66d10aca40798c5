//! Reading config.toml one setting at a time: a setting that cannot be used is named with
//! its line and left at its default, and the rest still apply. Only a file that cannot be
//! read or parsed at all falls back to every default.

use super::{Config, ConfigError, Fallback, Loaded, parse_key};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::Path;
use toml::{Table, Value};

/// The settings in `path`, and each one that could not be used.
pub fn read(path: &Path, must_exist: bool) -> Loaded {
    let mut loaded = Loaded {
        path: path.to_path_buf(),
        ..Loaded::default()
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => return loaded,
        Err(e) => {
            loaded
                .problems
                .push(whole(path, None, format!("could not be read ({e})")));
            return loaded;
        }
    };
    let table = match toml::from_str::<Table>(&text) {
        Ok(table) => table,
        Err(e) => {
            let line = e.span().map(|s| line_at(&text, s.start));
            loaded
                .problems
                .push(whole(path, line, e.message().to_string()));
            return loaded;
        }
    };
    let mut reader = Reader {
        loaded: &mut loaded,
        lines: key_lines(&text),
    };
    let config = reader.config(table);
    loaded.config = config;
    loaded
}

fn whole(path: &Path, line: Option<usize>, reason: String) -> ConfigError {
    ConfigError {
        path: path.to_path_buf(),
        line,
        reason,
        fallback: Fallback::File,
    }
}

/// The 1-based line holding byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line of every table, key and array entry, by its name in messages.
fn key_lines(text: &str) -> BTreeMap<String, usize> {
    use toml::de::{DeTable, DeValue};
    let mut lines = BTreeMap::new();
    let Ok(doc) = DeTable::parse(text) else {
        return lines;
    };
    for (key, value) in doc.get_ref() {
        let name = key.get_ref().to_string();
        lines.insert(name.clone(), line_at(text, key.span().start));
        match value.get_ref() {
            DeValue::Table(t) => {
                for (sub, v) in t {
                    let line = line_at(text, sub.span().start.min(v.span().start));
                    lines.insert(format!("{name}.{}", sub.get_ref()), line);
                }
            }
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let line = line_at(text, item.span().start);
                    lines.insert(format!("{name} #{}", i + 1), line);
                }
            }
            _ => {}
        }
    }
    lines
}

struct Reader<'a> {
    loaded: &'a mut Loaded,
    lines: BTreeMap<String, usize>,
}

impl Reader<'_> {
    /// Note that `key` cannot be used, and why; its default stands.
    fn refuse(&mut self, key: &str, why: impl std::fmt::Display) {
        self.problem(key, why, Fallback::Setting(key.to_string()));
    }

    fn problem(&mut self, key: &str, why: impl std::fmt::Display, fallback: Fallback) {
        let line = self.lines.get(key).copied();
        self.loaded.problems.push(ConfigError {
            path: self.loaded.path.clone(),
            line,
            reason: format!("{key}: {why}"),
            fallback,
        });
    }

    fn config(&mut self, table: Table) -> Config {
        let mut c = Config::default();
        for (key, value) in table {
            match key.as_str() {
                "breathing" => c.breathing = self.section(&key, value),
                "sound" => c.sound = self.section(&key, value),
                "week" => c.week = self.section(&key, value),
                "trends" => c.trends = self.section(&key, value),
                "display" => c.display = self.section(&key, value),
                "encryption" => c.encryption = self.section(&key, value),
                "keys" => c.keys = self.keys(value),
                "patterns" => c.patterns = self.items(&key, value),
                "routines" => c.routines = self.items(&key, value),
                "crisis_lines" => c.crisis_lines = self.items(&key, value),
                "crisis" => c.crisis = self.section(&key, value),
                _ => self.problem(
                    &key,
                    "is not a setting attune knows; `attune config --print-default` shows them all",
                    Fallback::Without(key.clone()),
                ),
            }
        }
        self.minutes(&mut c.breathing);
        self.volume(&mut c.sound);
        // Told in the order they are in the file, as someone fixing it reads it.
        self.loaded
            .problems
            .sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        self.loaded.lines = std::mem::take(&mut self.lines);
        c
    }

    /// A `[section]`, key by key: each key that does not fit keeps its default.
    fn section<T: DeserializeOwned + Default>(&mut self, name: &str, value: Value) -> T {
        let Value::Table(table) = value else {
            self.refuse(name, format!("should be a table, written [{name}]"));
            return T::default();
        };
        let mut kept = Table::new();
        for (key, v) in table {
            let one = Table::from_iter([(key.clone(), v.clone())]);
            match T::deserialize(Value::Table(one)) {
                Ok(_) => drop(kept.insert(key, v)),
                // A key attune does not know has no default: it is simply left out.
                Err(e) if e.message().starts_with("unknown field") => {
                    let key = format!("{name}.{key}");
                    self.problem(&key, e.message(), Fallback::Without(key.clone()));
                }
                Err(e) => self.refuse(&format!("{name}.{key}"), e.message()),
            }
        }
        T::deserialize(Value::Table(kept)).unwrap_or_else(|e| {
            self.refuse(name, e.message());
            T::default()
        })
    }

    /// A list of `[[name]]` entries: each that does not fit, check, or have an id of its
    /// own (not one of attune's, nor an earlier entry's) is left out.
    fn items<T: Item>(&mut self, name: &str, value: Value) -> Vec<T> {
        let mut taken = T::taken_ids();
        let Value::Array(items) = value else {
            self.refuse(name, format!("should be a list, written [[{name}]]"));
            return Vec::new();
        };
        let mut kept = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let key = format!("{name} #{}", i + 1);
            let usable = T::deserialize(item)
                .map_err(|e| e.message().to_string())
                .and_then(|x| x.check().map(|()| x));
            match usable {
                Ok(x) if x.id().is_some_and(|id| taken.iter().any(|t| t == id)) => {
                    let why = format!(
                        "the id \"{}\" is already taken; give it its own id",
                        x.id().unwrap_or_default()
                    );
                    self.problem(&key, why, Fallback::Without(key.clone()));
                }
                Ok(x) => {
                    taken.extend(x.id().map(str::to_string));
                    kept.push(x);
                }
                Err(why) => self.problem(&key, why, Fallback::Without(key.clone())),
            }
        }
        kept
    }

    /// `[keys]`: each override written as a key attune knows; the keymap checks the rest.
    fn keys(&mut self, value: Value) -> BTreeMap<String, String> {
        let Value::Table(table) = value else {
            self.refuse("keys", "should be a table, written [keys]");
            return BTreeMap::new();
        };
        let mut keys = BTreeMap::new();
        for (action, v) in table {
            let name = format!("keys.{action}");
            match v {
                Value::String(key) => match parse_key(&key) {
                    Ok(_) => drop(keys.insert(action, key)),
                    Err(why) => self.refuse(&name, why),
                },
                _ => self.refuse(&name, "should be a key in quotes, like \"b\""),
            }
        }
        keys
    }

    fn volume(&mut self, sound: &mut super::SoundConfig) {
        if sound.volume > 100 {
            let v = sound.volume;
            self.refuse("sound.volume", format!("must be 0 to 100 (got {v})"));
            sound.volume = super::SoundConfig::default().volume;
        }
    }

    fn minutes(&mut self, b: &mut super::Breathing) {
        let m = b.minutes;
        if !(m.is_finite() && m > 0.0 && m <= crate::domain::breathing::MAX_MINUTES) {
            self.refuse(
                "breathing.minutes",
                format!("must be more than 0 and at most 60 (got {m})"),
            );
            b.minutes = super::Breathing::default().minutes;
        }
    }
}

/// An entry of a settings list: checked as attune checks its own, and known by its id.
trait Item: DeserializeOwned + Sized {
    fn check(&self) -> Result<(), String>;
    fn id(&self) -> Option<&str>;
    /// The ids attune's own entries already use.
    fn taken_ids() -> Vec<String> {
        Vec::new()
    }
}

impl Item for crate::domain::breathing::Pattern {
    fn check(&self) -> Result<(), String> {
        crate::domain::breathing::Pattern::check(self).map_err(|e| e.to_string())
    }
    fn id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn taken_ids() -> Vec<String> {
        crate::content::builtin_patterns()
            .into_iter()
            .map(|p| p.id)
            .collect()
    }
}

impl Item for crate::domain::grounding::Routine {
    fn check(&self) -> Result<(), String> {
        crate::domain::grounding::Routine::check(self).map_err(|e| e.to_string())
    }
    fn id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn taken_ids() -> Vec<String> {
        crate::content::builtin_routines()
            .into_iter()
            .map(|r| r.id)
            .collect()
    }
}

impl Item for crate::content::CrisisLine {
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
    fn id(&self) -> Option<&str> {
        None
    }
}
