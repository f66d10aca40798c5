//! config.toml: the user's settings, every one optional with a calm default. An unknown
//! key or a bad value is refused with a message that names it.

use crate::content::CrisisLine;
use crate::domain::breathing::Pattern;
use crate::domain::grounding::Routine;
use chrono::Weekday;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE: &str = "config.toml";

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub breathing: Breathing,
    pub week: Week,
    pub trends: TrendsConfig,
    pub display: Display,
    /// Action name to key, e.g. `breathe = "B"` or `quit = "ctrl+q"`.
    pub keys: BTreeMap<String, String>,
    pub patterns: Vec<Pattern>,
    pub routines: Vec<Routine>,
    pub crisis_lines: Vec<CrisisLine>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Breathing {
    pub pattern: String,
    pub minutes: f64,
    pub bell: bool,
    pub reduced_motion: bool,
}

impl Default for Breathing {
    fn default() -> Breathing {
        Breathing {
            pattern: crate::content::DEFAULT_PATTERN.to_string(),
            minutes: crate::service::practice::DEFAULT_MINUTES,
            bell: false,
            reduced_motion: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Week {
    #[serde(deserialize_with = "weekday")]
    pub starts_on: Weekday,
}

impl Default for Week {
    fn default() -> Week {
        Week {
            starts_on: Weekday::Mon,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrendsConfig {
    pub hide_streaks: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    #[default]
    Calm,
    HighContrast,
    Mono,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Display {
    pub theme: Theme,
}

fn weekday<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<Weekday>().map_err(|_| {
        serde::de::Error::custom(format!(
            "\"{s}\" is not a day of the week; try \"monday\" or \"sunday\""
        ))
    })
}

#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ConfigError {
    pub path: PathBuf,
    pub reason: String,
}

impl Config {
    /// Read `path`; a missing file gives the defaults (unless the user named the file).
    pub fn load(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
        let err = |reason: String| ConfigError {
            path: path.to_path_buf(),
            reason,
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
                return Ok(Config::default());
            }
            Err(e) => return Err(err(e.to_string())),
        };
        let config: Config =
            toml::from_str(&text).map_err(|e| err(e.to_string().trim_end().to_string()))?;
        config.check().map_err(err)?;
        Ok(config)
    }

    /// What serde cannot check: ranges, patterns in bounds, routines whole, keys parse.
    fn check(&self) -> Result<(), String> {
        let m = self.breathing.minutes;
        if !(m.is_finite() && m > 0.0 && m <= crate::service::practice::MAX_MINUTES) {
            return Err(format!(
                "breathing.minutes must be more than 0 and at most 60 (got {m})"
            ));
        }
        for p in &self.patterns {
            p.check().map_err(|e| format!("patterns: {e}"))?;
        }
        for r in &self.routines {
            r.check().map_err(|e| format!("routines: {e}"))?;
        }
        for (action, key) in &self.keys {
            parse_key(key).map_err(|why| format!("keys.{action}: {why}"))?;
        }
        Ok(())
    }
}

/// A key as written in the config: one character ("b", "?"), a name ("enter", "esc",
/// "space", "tab", "backspace", "up", "down", "left", "right", "f1".."f12"), or "ctrl+x".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Named(&'static str),
    F(u8),
}

pub fn parse_key(s: &str) -> Result<Key, String> {
    const NAMES: [&str; 9] = [
        "enter",
        "esc",
        "space",
        "tab",
        "backspace",
        "up",
        "down",
        "left",
        "right",
    ];
    let lower = s.trim().to_lowercase();
    let mut chars = s.trim().chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::Char(c));
    }
    if let Some(rest) = lower.strip_prefix("ctrl+") {
        let mut cs = rest.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_alphabetic()
        {
            return Ok(Key::Ctrl(c));
        }
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok(Key::F(n));
    }
    NAMES
        .iter()
        .find(|n| **n == lower)
        .map(|n| Key::Named(n))
        .ok_or_else(|| format!("\"{s}\" is not a key attune knows; use one character, a name like \"enter\" or \"f1\", or \"ctrl+x\""))
}

/// The commented default file that `attune config --print-default` prints.
pub const DEFAULT_TEXT: &str = include_str!("../assets/config.default.toml");

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        std::fs::write(&path, text).expect("write");
        Config::load(&path, true).map_err(|e| e.to_string())
    }

    #[test]
    fn an_empty_file_and_the_default_file_give_the_defaults() {
        assert_eq!(parse("").expect("empty"), Config::default());
        assert_eq!(
            parse(DEFAULT_TEXT).expect("default text parses"),
            Config::default()
        );
        let missing =
            Config::load(Path::new("/no/such/config.toml"), false).expect("missing is fine");
        assert_eq!(missing, Config::default());
        assert!(
            Config::load(Path::new("/no/such/config.toml"), true).is_err(),
            "unless named"
        );
    }

    #[test]
    fn overrides_are_read() {
        let c = parse(
            "[breathing]\npattern = \"sigh\"\nminutes = 2.5\nbell = true\nreduced_motion = true\n\
             [week]\nstarts_on = \"sunday\"\n[trends]\nhide_streaks = true\n[display]\ntheme = \"high-contrast\"\n\
             [keys]\nbreathe = \"B\"\nquit = \"ctrl+q\"\n\
             [[crisis_lines]]\nregion = \"Here\"\nname = \"Local line\"\ncontact = \"call 123\"\n",
        )
        .expect("parses");
        assert_eq!(
            (c.breathing.pattern.as_str(), c.breathing.minutes),
            ("sigh", 2.5)
        );
        assert!(c.breathing.bell && c.breathing.reduced_motion && c.trends.hide_streaks);
        assert_eq!(c.week.starts_on, Weekday::Sun);
        assert_eq!(c.display.theme, Theme::HighContrast);
        assert_eq!(c.keys["quit"], "ctrl+q");
        assert_eq!(c.crisis_lines[0].contact, "call 123");
    }

    #[test]
    fn every_error_names_its_key() {
        let cases = [
            ("[breathing]\npatern = \"sigh\"\n", "patern"),
            ("colour = \"blue\"\n", "colour"),
            ("[breathing]\nminutes = 0\n", "breathing.minutes"),
            ("[breathing]\nminutes = \"five\"\n", "minutes"),
            ("[week]\nstarts_on = \"someday\"\n", "someday"),
            ("[display]\ntheme = \"neon\"\n", "neon"),
            ("[keys]\nquit = \"hyper+q\"\n", "keys.quit"),
            (
                "[[patterns]]\nid = \"fast\"\nname = \"Fast\"\nin = 1\nout = 3\n",
                "\"fast\"",
            ),
            ("[breathing\n", "line 1"),
        ];
        for (text, names) in cases {
            let e = parse(text).expect_err(text);
            assert!(e.contains(names) && e.contains(FILE), "{text:?} -> {e}");
        }
    }

    #[test]
    fn keys_parse() {
        assert_eq!(parse_key("b"), Ok(Key::Char('b')));
        assert_eq!(parse_key("?"), Ok(Key::Char('?')));
        assert_eq!(parse_key("Ctrl+Q"), Ok(Key::Ctrl('q')));
        assert_eq!(parse_key("F1"), Ok(Key::F(1)));
        assert_eq!(parse_key("space"), Ok(Key::Named("space")));
        assert!(
            parse_key("f13").is_err() && parse_key("ctrl+1").is_err() && parse_key("").is_err()
        );
    }
}
