//! The shell prompt's line, kept in local state (private to this machine, never synced)
//! with the key it was made under: the day, the week's first day, and the size and
//! modification time of every month file of every device. While the key is as it was,
//! `status --prompt` prints the kept line and reads no record. Any change (a save here,
//! a file synced in from another device, a new day) or a cache file that cannot be read
//! or looks wrong, and the line is made again from the records.
//!
//! Every month file is in the key, not only this week's: a record filed under another
//! month is still read in its own (see `store::placement`), so any file may hold today's.

use crate::store::atomic::{create_private_dir, write_cache};
use crate::store::layout::{Layout, device_dirs};
use crate::store::placement::fingerprint;
use crate::store::read::listing;
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt::Write;
use std::path::PathBuf;

/// 1: the line for a key of the day, the week's first day and every month file.
const VERSION: u32 = 1;

/// What the kept line was made from: equal keys, the same line.
#[derive(Debug, PartialEq, Eq)]
pub struct Key(String);

#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    key: String,
    line: Option<String>,
}

fn path(layout: &Layout) -> PathBuf {
    // A folder of its own in the cache: `encrypt` drops the caches' folders, so this one
    // goes with the indexes when local state must hold nothing of the records.
    layout
        .state_dir
        .join("cache")
        .join("prompt")
        .join("line.json")
}

/// The key the records are in now; None when a folder cannot be listed or a file cannot
/// be looked at (then nothing is kept or used).
pub fn key(layout: &Layout, today: NaiveDate, first: Weekday) -> Option<Key> {
    let mut key = format!("{today} {first}\n");
    for (device, dir) in device_dirs(&layout.records_dir()).ok()? {
        for (_, _, file) in listing(&dir).ok()? {
            let (len, modified_ns) = fingerprint(&file)?;
            let name = file.file_name()?.to_string_lossy();
            let _ = writeln!(key, "{device}/{name} {len} {modified_ns}");
        }
    }
    Some(Key(key))
}

/// The line kept under `key` (None inside: the records had nothing to say), or None when
/// no line is kept under it.
pub fn kept(layout: &Layout, key: &Key) -> Option<Option<String>> {
    let bytes = std::fs::read(path(layout)).ok()?;
    let kept: Kept = serde_json::from_slice(&bytes).ok()?;
    if kept.version != VERSION || kept.key != key.0 {
        return None;
    }
    // The line goes straight to a terminal: one made by attune holds no control character.
    match kept.line {
        Some(line) if line.is_empty() || line.chars().any(char::is_control) => None,
        line => Some(line),
    }
}

/// Keep `line` under `key`. Only a cache: if it cannot be written, the prompt still works.
pub fn keep(layout: &Layout, key: Key, line: Option<&str>) {
    let kept = Kept {
        version: VERSION,
        key: key.0,
        line: line.map(str::to_string),
    };
    let file = path(layout);
    if let (Some(dir), Ok(bytes)) = (file.parent(), serde_json::to_vec(&kept)) {
        let _ = create_private_dir(dir).and_then(|()| write_cache(&file, &bytes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, Layout, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        let dir = layout.records_dir().join("device-a");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("2026-12.json");
        std::fs::write(&file, b"{}").unwrap();
        (tmp, layout, file)
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn key_of(layout: &Layout, d: u32) -> Key {
        key(layout, day(d), Weekday::Mon).unwrap()
    }

    #[test]
    fn a_line_is_kept_under_its_key_and_only_that_key() {
        let (_tmp, layout, file) = setup();
        assert_eq!(kept(&layout, &key_of(&layout, 4)), None, "nothing kept yet");
        keep(&layout, key_of(&layout, 4), Some("last distress 3"));
        let line = Some(Some("last distress 3".to_string()));
        assert_eq!(kept(&layout, &key_of(&layout, 4)), line);
        assert_eq!(kept(&layout, &key_of(&layout, 5)), None, "a new day");
        assert_eq!(kept(&layout, &key(&layout, day(4), Weekday::Sun).unwrap()), None);
        std::fs::write(&file, b"{ }").unwrap();
        assert_eq!(kept(&layout, &key_of(&layout, 4)), None, "the file changed");
    }

    #[test]
    fn a_file_of_any_month_or_device_is_in_the_key() {
        let (_tmp, layout, _file) = setup();
        let before = key_of(&layout, 4);
        let other = layout.records_dir().join("device-b");
        std::fs::create_dir_all(&other).unwrap();
        std::fs::write(other.join("2019-03.json"), b"{}").unwrap();
        assert_ne!(key_of(&layout, 4), before, "a file synced in from another device");
    }

    #[test]
    fn nothing_to_say_is_kept_too() {
        let (_tmp, layout, _file) = setup();
        keep(&layout, key_of(&layout, 4), None);
        assert_eq!(kept(&layout, &key_of(&layout, 4)), Some(None));
    }

    #[test]
    fn a_damaged_or_odd_cache_file_reads_as_nothing_kept() {
        let (_tmp, layout, _file) = setup();
        keep(&layout, key_of(&layout, 4), Some("last distress 3"));
        let cached = path(&layout);
        let bytes = std::fs::read(&cached).unwrap();
        std::fs::write(&cached, &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(kept(&layout, &key_of(&layout, 4)), None, "cut short");
        keep(&layout, key_of(&layout, 4), Some("last \u{1b}[2Jdistress"));
        assert_eq!(kept(&layout, &key_of(&layout, 4)), None, "a control character");
        let text = String::from_utf8(bytes)
            .unwrap()
            .replace("\"version\":1", "\"version\":9");
        std::fs::write(&cached, text).unwrap();
        assert_eq!(kept(&layout, &key_of(&layout, 4)), None, "another version");
    }
}
