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

const PATTERNS: &str = include_str!("../assets/patterns.json");

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
                path: PathBuf::from(crate::config::FILE),
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

const SENSATIONS: &str = include_str!("../assets/sensations.json");
const PROMPTS: &str = include_str!("../assets/prompts.json");

/// The journal prompts and their categories.
pub fn prompts() -> crate::domain::journal::Prompts {
    // Compiled in and checked by a test (parses, ids unique, categories known, 40+).
    serde_json::from_str(PROMPTS).unwrap_or(crate::domain::journal::Prompts {
        categories: Vec::new(),
        prompts: Vec::new(),
    })
}
const FEELINGS: &str = include_str!("../assets/feelings.json");
const ROUTINES: &str = include_str!("../assets/routines.json");
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
                path: PathBuf::from(crate::config::FILE),
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
const CRISIS: &str = include_str!("../assets/crisis.json");

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

/// The crisis lines to show: the user's own from config.toml when given, else attune's.
pub fn crisis_lines_for(config: &crate::config::Config) -> std::borrow::Cow<'static, CrisisLines> {
    if config.crisis_lines.is_empty() {
        std::borrow::Cow::Borrowed(crisis_lines())
    } else {
        std::borrow::Cow::Owned(CrisisLines {
            last_checked: String::new(),
            lines: config.crisis_lines.clone(),
        })
    }
}

/// The crisis lines shown in help (parsed once: help draws them on every frame).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensation_words_parse_and_are_unique_lowercase() {
        let f: SensationsFile = serde_json::from_str(SENSATIONS).expect("sensations.json parses");
        assert!(f.words.len() >= 10);
        for w in &f.words {
            assert_eq!(w, &w.trim().to_lowercase());
        }
        let mut sorted = f.words.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), f.words.len());
        for must in ["tight chest", "headache", "jaw clench", "settled"] {
            assert!(f.words.iter().any(|w| w == must), "{must}");
        }
    }

    #[test]
    fn builtin_patterns_parse_are_in_bounds_and_carry_the_required_ids() {
        let f: PatternsFile = serde_json::from_str(PATTERNS).expect("patterns.json parses");
        let ids: Vec<&str> = f.patterns.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "exhale-4-6",
                "exhale-4-8",
                "coherent-5.5",
                "sigh",
                "box-4",
                "box-3",
                "4-7-8"
            ]
        );
        for p in &f.patterns {
            assert_eq!(p.check(), Ok(()), "{}", p.id);
            assert!(!p.about.is_empty() && !p.name.is_empty(), "{}", p.id);
        }
        let cap = f
            .patterns
            .iter()
            .find(|p| p.id == "4-7-8")
            .and_then(|p| p.new_user_cycles);
        assert_eq!(cap, Some(4));
        assert_eq!(ids[0], DEFAULT_PATTERN);
    }

    #[test]
    fn custom_patterns_are_checked_and_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            all_patterns(Some(dir.path()))
                .expect("no file is fine")
                .len(),
            7
        );
        let path = dir.path().join(CUSTOM_PATTERNS_FILE);
        let write = |text: &str| std::fs::write(&path, text).expect("write");
        write(r#"{"patterns":[{"id":"slow-3-9","name":"Mine","in":3,"out":9}]}"#);
        let all = all_patterns(Some(dir.path())).expect("a good pattern loads");
        assert_eq!(all.last().map(|p| p.id.as_str()), Some("slow-3-9"));
        write(r#"{"patterns":[{"id":"too-long","name":"Mine","in":3,"out":14}]}"#);
        let e = all_patterns(Some(dir.path())).unwrap_err().to_string();
        assert!(
            e.contains("patterns.json")
                && e.contains("\"too-long\"")
                && e.contains("out-breath is 14"),
            "{e}"
        );
        write(r#"{"patterns":[{"id":"box-4","name":"Mine","in":3,"out":9}]}"#);
        assert!(
            all_patterns(Some(dir.path()))
                .unwrap_err()
                .to_string()
                .contains("same id")
        );
        write(r#"{"patterns":[{"id":"x","name":"Mine","in":3,"exhale":9}]}"#);
        let e = all_patterns(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("exhale") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn builtin_routines_parse_pass_their_checks_and_carry_the_required_ids() {
        let f: RoutinesFile = serde_json::from_str(ROUTINES).expect("routines.json parses");
        let ids: Vec<&str> = f.routines.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "5-4-3-2-1",
                "exhale-count",
                "orienting",
                "tactile",
                "name-it",
                "kind-pause",
                "butterfly-hug"
            ]
        );
        for r in &f.routines {
            assert_eq!(r.check(), Ok(()), "{}", r.id);
        }
        let f: SensationsFile = serde_json::from_str(FEELINGS).expect("feelings.json parses");
        assert!(f.words.len() >= 10);
    }

    #[test]
    fn custom_routines_are_checked_and_the_field_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(CUSTOM_ROUTINES_FILE);
        let write = |text: &str| std::fs::write(&path, text).expect("write");
        write(
            r#"{"routines":[{"id":"mine","title":"Mine","preview":"p","eyes":"open","minutes":1,"steps":[{"kind":"read","text":"Hello"}]}]}"#,
        );
        assert_eq!(all_routines(Some(dir.path())).expect("loads").len(), 8);
        write(
            r#"{"routines":[{"id":"mine","title":"Mine","preview":"p","eyes":"open","minutes":1,"steps":[{"kind":"timed","text":"Stay","seconds":2}]}]}"#,
        );
        let e = all_routines(Some(dir.path())).unwrap_err().to_string();
        assert!(
            e.contains("routines.json") && e.contains("\"mine\"") && e.contains("steps[0].seconds"),
            "{e}"
        );
        write(
            r#"{"routines":[{"id":"mine","title":"Mine","preview":"p","eyes":"sideways","minutes":1,"steps":[]}]}"#,
        );
        let e = all_routines(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("sideways") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn prompts_parse_have_unique_ids_known_categories_and_are_many() {
        let p: crate::domain::journal::Prompts =
            serde_json::from_str(PROMPTS).expect("prompts.json parses");
        assert!(p.everyday().len() >= 40);
        let mut ids: Vec<&str> = p.prompts.iter().map(|x| x.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), p.prompts.len());
        for x in &p.prompts {
            assert!(p.categories.iter().any(|c| c.id == x.category), "{}", x.id);
        }
        for c in &p.categories {
            assert!(
                p.prompts.iter().any(|x| x.category == c.id),
                "{} has prompts",
                c.id
            );
        }
        assert!(
            p.categories.iter().any(|c| c.opt_in),
            "expressive writing is opt-in"
        );
    }

    #[test]
    fn shared_content_is_parsed_once() {
        assert!(std::ptr::eq(crisis_lines(), crisis_lines()));
        assert!(std::ptr::eq(sensation_words(), sensation_words()));
        assert!(std::ptr::eq(feeling_words(), words(WordList::Feelings)));
        assert!(!crisis_lines().lines.is_empty() && !sensation_words().is_empty());
    }

    #[test]
    fn crisis_lines_parse_and_carry_the_core_numbers() {
        let c: CrisisLines = serde_json::from_str(CRISIS).expect("crisis.json parses");
        assert!(chrono::NaiveDate::parse_from_str(&c.last_checked, "%Y-%m-%d").is_ok());
        let text: String = c.lines.iter().map(|l| l.contact.clone()).collect();
        for n in ["988", "116 123", "112", "911", "findahelpline.com"] {
            assert!(text.contains(n), "{n}");
        }
    }
}
