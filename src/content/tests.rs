//! Checks that every asset parses and holds what the screens need.
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
        e.contains("patterns.json") && e.contains("\"too-long\"") && e.contains("out-breath is 14"),
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
        assert!(p.prompts.iter().any(|x| x.category == c.id), "{} has prompts", c.id);
    }
    assert!(p.categories.iter().any(|c| c.opt_in), "expressive writing is opt-in");
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
