//! Your own pace kept as a pattern: "my-pace" written into the config folder's
//! patterns.json beside the patterns already there, which are kept as they are.

use crate::domain::breathing::Pattern;
use std::path::{Path, PathBuf};

/// The id of the pattern finding your pace keeps.
pub const ID: &str = "my-pace";

/// The pattern at `rate` breaths a minute in the shape of `base`.
pub fn pattern(base: &Pattern, rate: f64) -> Pattern {
    let mut p = base.scaled(60.0 / rate / base.cycle_secs());
    p.id = ID.to_string();
    p.name = crate::copy::heart_practice::my_pace_name(rate);
    p.about = crate::copy::heart_practice::MY_PACE_ABOUT.to_string();
    p.new_user_cycles = None;
    p
}

/// `text` (the file as it is, if it exists) with `pattern` in place of any earlier
/// my-pace, or why the file cannot be changed (it is not a patterns file attune reads).
pub fn with(text: Option<&str>, pattern: &Pattern) -> Result<String, String> {
    let mut doc = match text {
        Some(t) => serde_json::from_str::<serde_json::Value>(t).map_err(|e| e.to_string())?,
        None => serde_json::json!({ "patterns": [] }),
    };
    let list = doc
        .get_mut("patterns")
        .and_then(serde_json::Value::as_array_mut)
        .ok_or_else(|| "it has no list of patterns".to_string())?;
    list.retain(|p| p.get("id").and_then(serde_json::Value::as_str) != Some(ID));
    list.push(serde_json::to_value(pattern).map_err(|e| e.to_string())?);
    let mut out = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

/// Keep `pattern` in `config_dir`'s patterns.json; returns the file's path.
pub fn keep(config_dir: &Path, pattern: &Pattern) -> Result<PathBuf, String> {
    let path = config_dir.join(super::CUSTOM_PATTERNS_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.to_string()),
    };
    let new = with(text.as_deref(), pattern)?;
    std::fs::create_dir_all(config_dir).map_err(|e| e.to_string())?;
    crate::store::atomic::write_atomic(&path, new.as_bytes()).map_err(|e| e.to_string())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Pattern {
        crate::content::builtin_patterns()
            .into_iter()
            .find(|p| p.id == "exhale-4-6")
            .unwrap()
    }

    #[test]
    fn my_pace_joins_the_patterns_there_and_replaces_an_earlier_one() {
        let mine = pattern(&base(), 5.5);
        assert!(mine.check().is_ok());
        assert!((mine.breaths_per_minute() - 5.5).abs() < 0.01);
        let first = with(None, &mine).unwrap();
        let own = r#"{"_about": "mine", "patterns": [{"id": "slow", "name": "Slow", "in": 4, "out": 8}]}"#;
        let kept = with(Some(own), &mine).unwrap();
        let again = with(Some(&kept), &pattern(&base(), 5.0)).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&again).unwrap();
        let ids: Vec<&str> = doc["patterns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["slow", "my-pace"]);
        assert_eq!(doc["_about"], "mine");
        assert!(first.contains("my-pace"));
        assert!(with(Some("[1, 2]"), &mine).is_err());
        assert!(with(Some("{oops"), &mine).is_err());
    }
}
