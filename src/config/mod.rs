//! config.toml: the user's settings, every one optional with a calm default. A setting
//! that cannot be used is named (file, line, key) and its default used instead, so a
//! mistake in the file never keeps anyone from attune; `read` says how it went.

mod read;

use crate::content::CrisisLine;
use crate::domain::breathing::Pattern;
use crate::domain::grounding::Routine;
use chrono::Weekday;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::paths::CONFIG_FILE as FILE;

#[derive(Clone, Debug, Default, PartialEq)]
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
            minutes: crate::domain::breathing::DEFAULT_MINUTES,
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

/// What attune uses in place of a setting it could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// The file could not be read or parsed: every default.
    File,
    /// One setting, by its key ("breathing.minutes"): its default.
    Setting(String),
    /// One entry of a list ("patterns #2"): the list without it.
    Without(String),
    /// A key override that cannot work: attune's own keys, all of them.
    Keys,
}

/// A problem with the settings file: where, what, and what attune does meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    /// What is wrong, starting with the key it is about.
    pub reason: String,
    pub fallback: Fallback,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.reason.trim_end().trim_end_matches('.'))
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// The whole warning: the problem, what attune uses meanwhile, and how to check again.
    pub fn warning(&self) -> String {
        let instead = match &self.fallback {
            Fallback::File => "uses its default settings".to_string(),
            Fallback::Setting(key) => format!("uses the default for {key}"),
            Fallback::Without(key) => format!("goes on without {key}"),
            Fallback::Keys => "uses its own keys".to_string(),
        };
        format!(
            "{self}. Until it is fixed, attune {instead}; `attune config --check` checks the file again."
        )
    }
}

/// What reading the settings file found: the settings to use and every problem.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<ConfigError>,
    /// Where each key is ("breathing.minutes", "patterns #2"), to name its line later.
    lines: BTreeMap<String, usize>,
    path: PathBuf,
}

impl Loaded {
    /// Key overrides that the keymap refused (`why` starts with the key, "keys.quit: …"):
    /// every override is dropped, so attune's own keys work, and the problem is kept.
    pub fn refuse_keys(&mut self, why: String) {
        let key = why.split(':').next().unwrap_or_default();
        let line = self.lines.get(key).copied();
        self.config.keys.clear();
        self.problems.push(ConfigError {
            path: self.path.clone(),
            line,
            reason: why,
            fallback: Fallback::Keys,
        });
    }
}

impl Config {
    /// The crisis lines to show: the user's own from config.toml when given, else attune's.
    pub fn crisis_lines(&self) -> std::borrow::Cow<'static, crate::content::CrisisLines> {
        if self.crisis_lines.is_empty() {
            std::borrow::Cow::Borrowed(crate::content::crisis_lines())
        } else {
            std::borrow::Cow::Owned(crate::content::CrisisLines {
                last_checked: String::new(),
                lines: self.crisis_lines.clone(),
            })
        }
    }

    /// Read `path` tolerantly: every setting that can be used is, and each one that
    /// cannot is a problem. A missing file gives the defaults (unless the user named it).
    pub fn read(path: &Path, must_exist: bool) -> Loaded {
        read::read(path, must_exist)
    }

    /// Read `path` strictly: the settings, or the first problem with them.
    pub fn load(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
        let loaded = Config::read(path, must_exist);
        match loaded.problems.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(loaded.config),
        }
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
pub const DEFAULT_TEXT: &str = include_str!("../../assets/config.default.toml");

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

    fn read_text(text: &str) -> Loaded {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        std::fs::write(&path, text).expect("write");
        Config::read(&path, true)
    }

    #[test]
    fn a_bad_setting_gives_way_to_its_default_and_the_rest_still_apply() {
        let loaded = read_text(
            "[breathing]\npattern = \"sigh\"\nminutes = 90\npatern = \"x\"\n\
             [week]\nstarts_on = \"someday\"\n[trends]\nhide_streaks = true\n\
             [keys]\nquit = \"hyper+q\"\nbreathe = \"B\"\n\
             [[patterns]]\nid = \"fast\"\nname = \"Fast\"\nin = 1\nout = 3\n\
             [[patterns]]\nid = \"mine\"\nname = \"Mine\"\nin = 3\nout = 4\n\
             [[patterns]]\nid = \"sigh\"\nname = \"Again\"\nin = 3\nout = 4\n",
        );
        let c = &loaded.config;
        assert_eq!(c.breathing.pattern, "sigh");
        assert_eq!(c.breathing.minutes, Breathing::default().minutes);
        assert_eq!(c.week.starts_on, Weekday::Mon);
        assert!(c.trends.hide_streaks);
        assert_eq!(c.keys.len(), 1);
        let ids: Vec<&str> = c.patterns.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["mine"]);
        let said: Vec<String> = loaded
            .problems
            .iter()
            .map(super::ConfigError::warning)
            .collect();
        let want = [
            (
                "line 3: breathing.minutes",
                "the default for breathing.minutes",
            ),
            ("line 4: breathing.patern", "without breathing.patern"),
            ("line 6: week.starts_on", "someday"),
            ("line 10: keys.quit", "hyper+q"),
            ("line 12: patterns #1", "without patterns #1"),
            ("line 22: patterns #3", "already taken"),
        ];
        assert_eq!(said.len(), want.len(), "{said:#?}");
        for (line, (at, what)) in said.iter().zip(want) {
            assert!(line.contains(at) && line.contains(what), "{line}");
            assert!(
                line.contains(FILE) && line.contains("attune config --check"),
                "{line}"
            );
        }
    }

    #[test]
    fn a_file_that_does_not_parse_gives_every_default_and_says_where() {
        let loaded = read_text("[breathing]\nminutes = 3\n[week\n");
        assert_eq!(loaded.config, Config::default());
        let said = loaded.problems[0].warning();
        assert!(
            said.contains("line 3") && said.contains("its default settings"),
            "{said}"
        );
        let mut refused = read_text("[keys]\nbreathe = \"q\"\n");
        refused.refuse_keys("keys.breathe: \"q\" is already quit on home".into());
        assert!(refused.config.keys.is_empty());
        let said = refused.problems[0].warning();
        assert!(
            said.contains("line 2: keys.breathe") && said.contains("its own keys"),
            "{said}"
        );
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
