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
    pub sound: SoundConfig,
    pub week: Week,
    pub trends: TrendsConfig,
    pub display: Display,
    pub encryption: Encryption,
    /// Action name to key, e.g. `breathe = "B"` or `quit = "ctrl+q"`.
    pub keys: BTreeMap<String, String>,
    pub patterns: Vec<Pattern>,
    pub routines: Vec<Routine>,
    pub crisis_lines: Vec<CrisisLine>,
    pub crisis: Crisis,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Breathing {
    pub pattern: String,
    pub minutes: f64,
    /// The cue at each phase change (see `cue_style`).
    pub sound: crate::sound::Style,
    /// From before `sound`: `bell = true` still means the terminal bell.
    pub bell: bool,
    pub reduced_motion: bool,
    /// Open the preview with the choices made last time (kept in local state).
    pub remember_last: bool,
}

impl Default for Breathing {
    fn default() -> Breathing {
        Breathing {
            pattern: crate::content::DEFAULT_PATTERN.to_string(),
            minutes: crate::domain::breathing::DEFAULT_MINUTES,
            sound: crate::sound::Style::Off,
            bell: false,
            reduced_motion: false,
            remember_last: true,
        }
    }
}

impl Breathing {
    /// The sound style to use: `sound`, or the bell when only the older `bell = true` is
    /// set.
    pub fn cue_style(&self) -> crate::sound::Style {
        use crate::sound::Style;
        match self.sound {
            Style::Off if self.bell => Style::Bell,
            style => style,
        }
    }
}

/// `[sound]`: how cues are played.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SoundConfig {
    /// The command that plays a WAV file ("paplay", "mpv --really-quiet"); found if unset.
    pub player: Option<String>,
    /// 0-100.
    pub volume: u8,
}

impl Default for SoundConfig {
    fn default() -> SoundConfig {
        SoundConfig {
            player: None,
            volume: crate::sound::DEFAULT_VOLUME,
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

/// `[encryption]`: per device. `remember = false` keeps no key on this device's disk;
/// attune asks the passphrase when it reads instead.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Encryption {
    pub remember: bool,
}

impl Default for Encryption {
    fn default() -> Encryption {
        Encryption { remember: true }
    }
}

/// How the user's own `[[crisis_lines]]` go with attune's.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Crisis {
    /// Show only the user's own lines, without the built-in emergency line after them.
    pub replace_builtin: bool,
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
    /// The crisis lines to show: attune's when the user gives none; the user's own from
    /// config.toml followed by the built-in emergency line, unless `[crisis]
    /// replace_builtin = true` says to show only theirs.
    pub fn crisis_lines(&self) -> std::borrow::Cow<'static, crate::content::CrisisLines> {
        if self.crisis_lines.is_empty() {
            return std::borrow::Cow::Borrowed(crate::content::crisis_lines());
        }
        let mut lines = self.crisis_lines.clone();
        if !self.crisis.replace_builtin {
            lines.extend(crate::content::emergency_line().cloned());
        }
        std::borrow::Cow::Owned(crate::content::CrisisLines {
            last_checked: String::new(),
            lines,
        })
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
mod tests;
