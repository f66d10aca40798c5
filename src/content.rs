//! Practice content compiled in from assets/: sensation words and crisis lines.
//! Tests check every asset parses and holds what the screens need.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
struct SensationsFile {
    words: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
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

const SENSATIONS: &str = include_str!("../assets/sensations.json");
const CRISIS: &str = include_str!("../assets/crisis.json");

/// The offered body-sensation words, in display order.
pub fn sensation_words() -> Vec<String> {
    // The asset is compiled in and checked by a test, so it always parses.
    serde_json::from_str::<SensationsFile>(SENSATIONS)
        .map(|f| f.words)
        .unwrap_or_default()
}

/// The crisis lines shown in help.
pub fn crisis_lines() -> CrisisLines {
    // Compiled in and checked by a test; an empty list would still leave help readable.
    serde_json::from_str(CRISIS).unwrap_or(CrisisLines {
        last_checked: String::new(),
        lines: Vec::new(),
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
    fn crisis_lines_parse_and_carry_the_core_numbers() {
        let c: CrisisLines = serde_json::from_str(CRISIS).expect("crisis.json parses");
        assert!(chrono::NaiveDate::parse_from_str(&c.last_checked, "%Y-%m-%d").is_ok());
        let text: String = c.lines.iter().map(|l| l.contact.clone()).collect();
        for n in ["988", "116 123", "112", "911", "findahelpline.com"] {
            assert!(text.contains(n), "{n}");
        }
    }
}
