//! Practice content compiled in from assets/ (sensation words, crisis lines, breathing
//! patterns) and the user's own patterns from the config folder. Tests check every asset
//! parses and holds what the screens need.

use crate::domain::breathing::Pattern;
use crate::domain::grounding::{Routine, WordList};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
struct SensationsFile {
    words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub region: String,
    pub name: String,
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CrisisLines {
    pub last_checked: String,
    pub lines: Vec<CrisisLine>,
}

const PATTERNS: &str = include_str!("../../assets/patterns.json");

/// The pattern used when none is chosen.
pub const DEFAULT_PATTERN: &str = "exhale-4-6";
/// The file in the config folder that holds the user's own patterns.
pub const CUSTOM_PATTERNS_FILE: &str = "patterns.json";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternsFile {
    #[serde(default, rename = "_about")]
    _about: Option<String>,
    patterns: Vec<Pattern>,
}

/// The built-in breathing patterns, in display order.
pub fn builtin_patterns() -> Vec<Pattern> {
    // Compiled in and checked by a test (parses, ids unique, every pattern in bounds).
    serde_json::from_str::<PatternsFile>(PATTERNS)
        .map(|f| f.patterns)
        .unwrap_or_default()
}

/// A user's patterns file that cannot be used, named by path and with what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum PatternsError {
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    OutOfBounds {
        path: PathBuf,
        source: crate::domain::breathing::pattern::OutOfBounds,
    },
    #[error("{path}: pattern \"{id}\" has the same id as another pattern; give it its own id")]
    Duplicate { path: PathBuf, id: String },
}

/// Built-in patterns, the user's own from `config_dir/patterns.json`, then those in
/// config.toml (already checked when the config was read).
pub fn all_patterns_with(
    config_dir: Option<&Path>,
    extra: &[Pattern],
) -> Result<Vec<Pattern>, PatternsError> {
    let mut all = all_patterns(config_dir)?;
    for p in extra {
        if all.iter().any(|q| q.id == p.id) {
            return Err(PatternsError::Duplicate {
                path: PathBuf::from(crate::paths::CONFIG_FILE),
                id: p.id.clone(),
            });
        }
        all.push(p.clone());
    }
    Ok(all)
}

/// Built-in patterns followed by the user's own from `config_dir/patterns.json`, if that
/// file exists. Every custom pattern is checked against the safe bounds.
pub fn all_patterns(config_dir: Option<&Path>) -> Result<Vec<Pattern>, PatternsError> {
    let mut patterns = builtin_patterns();
    let Some(path) = config_dir.map(|d| d.join(CUSTOM_PATTERNS_FILE)) else {
        return Ok(patterns);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(patterns),
        Err(e) => {
            return Err(PatternsError::Unreadable {
                path,
                reason: e.to_string(),
            });
        }
    };
    let file: PatternsFile =
        serde_json::from_str(&text).map_err(|e| PatternsError::Unreadable {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    for p in file.patterns {
        p.check().map_err(|source| PatternsError::OutOfBounds {
            path: path.clone(),
            source,
        })?;
        if patterns.iter().any(|q| q.id == p.id) {
            return Err(PatternsError::Duplicate { path, id: p.id });
        }
        patterns.push(p);
    }
    Ok(patterns)
}

const SENSATIONS: &str = include_str!("../../assets/sensations.json");
const PROMPTS: &str = include_str!("../../assets/prompts.json");

/// The journal prompts and their categories.
pub fn prompts() -> crate::domain::journal::Prompts {
    // Compiled in and checked by a test (parses, ids unique, categories known, 40+).
    serde_json::from_str(PROMPTS).unwrap_or(crate::domain::journal::Prompts {
        categories: Vec::new(),
        prompts: Vec::new(),
    })
}
const FEELINGS: &str = include_str!("../../assets/feelings.json");
const ROUTINES: &str = include_str!("../../assets/routines.json");
/// The file in the config folder that holds the user's own routines.
pub const CUSTOM_ROUTINES_FILE: &str = "routines.json";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutinesFile {
    #[serde(default, rename = "_about")]
    _about: Option<String>,
    routines: Vec<Routine>,
}

/// The built-in grounding routines, in display order.
pub fn builtin_routines() -> Vec<Routine> {
    // Compiled in and checked by a test (parses, ids unique, every routine passes check).
    serde_json::from_str::<RoutinesFile>(ROUTINES)
        .map(|f| f.routines)
        .unwrap_or_default()
}

/// A user's routines file that cannot be used, named by path, with the field at fault.
#[derive(Debug, thiserror::Error)]
pub enum RoutinesError {
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Bad {
        path: PathBuf,
        source: crate::domain::grounding::BadRoutine,
    },
}

/// Built-in routines, the user's own from `config_dir/routines.json`, then config.toml's.
pub fn all_routines_with(
    config_dir: Option<&Path>,
    extra: &[Routine],
) -> Result<Vec<Routine>, RoutinesError> {
    let mut all = all_routines(config_dir)?;
    for r in extra {
        if all.iter().any(|q| q.id == r.id) {
            let source = crate::domain::grounding::BadRoutine {
                routine: r.id.clone(),
                field: "id".into(),
                problem: "is already taken by another routine; give it its own id",
            };
            return Err(RoutinesError::Bad {
                path: PathBuf::from(crate::paths::CONFIG_FILE),
                source,
            });
        }
        all.push(r.clone());
    }
    Ok(all)
}

/// Built-in routines followed by the user's own from `config_dir/routines.json`.
pub fn all_routines(config_dir: Option<&Path>) -> Result<Vec<Routine>, RoutinesError> {
    let mut routines = builtin_routines();
    let Some(path) = config_dir.map(|d| d.join(CUSTOM_ROUTINES_FILE)) else {
        return Ok(routines);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(routines),
        Err(e) => {
            return Err(RoutinesError::Unreadable {
                path,
                reason: e.to_string(),
            });
        }
    };
    let file: RoutinesFile =
        serde_json::from_str(&text).map_err(|e| RoutinesError::Unreadable {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    for r in file.routines {
        r.check().map_err(|source| RoutinesError::Bad {
            path: path.clone(),
            source,
        })?;
        if routines.iter().any(|q| q.id == r.id) {
            let source = crate::domain::grounding::BadRoutine {
                routine: r.id.clone(),
                field: "id".into(),
                problem: "is already taken by another routine; give it its own id",
            };
            return Err(RoutinesError::Bad { path, source });
        }
        routines.push(r);
    }
    Ok(routines)
}

/// The words a `choose` step offers.
pub fn words(list: WordList) -> &'static [String] {
    match list {
        WordList::Sensations => sensation_words(),
        WordList::Feelings => feeling_words(),
    }
}

/// The offered feeling words, in display order (parsed once).
pub fn feeling_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    // Compiled in and checked by a test.
    WORDS.get_or_init(|| {
        serde_json::from_str::<SensationsFile>(FEELINGS)
            .map(|f| f.words)
            .unwrap_or_default()
    })
}
const CRISIS: &str = include_str!("../../assets/crisis.json");

/// The offered body-sensation words, in display order (parsed once: the picker and the
/// choosing steps open them often).
pub fn sensation_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    // The asset is compiled in and checked by a test, so it always parses.
    WORDS.get_or_init(|| {
        serde_json::from_str::<SensationsFile>(SENSATIONS)
            .map(|f| f.words)
            .unwrap_or_default()
    })
}

/// The crisis lines shown in help (parsed once: help draws them on every frame).
/// The built-in line for emergencies, shown after the user's own lines too.
pub fn emergency_line() -> Option<&'static CrisisLine> {
    crisis_lines()
        .lines
        .iter()
        .find(|l| l.region == "Emergencies")
}

pub fn crisis_lines() -> &'static CrisisLines {
    static LINES: OnceLock<CrisisLines> = OnceLock::new();
    // Compiled in and checked by a test; an empty list would still leave help readable.
    LINES.get_or_init(|| {
        serde_json::from_str(CRISIS).unwrap_or(CrisisLines {
            last_checked: String::new(),
            lines: Vec::new(),
        })
    })
}

pub mod my_pace;

#[cfg(test)]
mod tests;
