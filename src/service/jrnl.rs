//! Reading a jrnl JSON export (`jrnl --export json`) as attune journal entries. Each entry
//! gets an id made from its own date and words, so importing the same file twice adds
//! nothing.

use crate::store::bounds;
use crate::store::model::{Body, Journal, Record};
use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::Deserialize;
use uuid::Uuid;

#[derive(Debug, Deserialize)]
struct Export {
    entries: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    starred: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum JrnlError {
    #[error("this is not a jrnl JSON export ({0})")]
    NotJrnl(String),
    #[error("entry {index}: \"{value}\" is not a date and time attune can read")]
    BadDate { index: usize, value: String },
    #[error("entry {index} ({value}): {why}; nothing was imported")]
    Unfileable {
        index: usize,
        value: String,
        why: String,
    },
}

/// The entries of a jrnl export as journal records, oldest first.
pub fn parse(bytes: &[u8]) -> Result<Vec<Record>, JrnlError> {
    let export: Export =
        serde_json::from_slice(bytes).map_err(|e| JrnlError::NotJrnl(e.to_string()))?;
    let mut records = Vec::with_capacity(export.entries.len());
    for (index, e) in export.entries.into_iter().enumerate() {
        let bad = || JrnlError::BadDate {
            index: index + 1,
            value: format!("{} {}", e.date, e.time),
        };
        let date = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").map_err(|_| bad())?;
        let time = match e.time.trim() {
            "" => NaiveTime::MIN,
            t => NaiveTime::parse_from_str(t, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
                .map_err(|_| bad())?,
        };
        let at = Local
            .from_local_datetime(&NaiveDateTime::new(date, time))
            .earliest()
            .ok_or_else(bad)?
            .fixed_offset();
        let text = match (e.title.trim(), e.body.trim()) {
            (title, "") => title.to_string(),
            ("", body) => body.to_string(),
            (title, body) => format!("{title}\n{body}"),
        };
        let body = Journal {
            tags: crate::domain::journal::tidy_words(
                &e.tags
                    .iter()
                    .map(|t| t.trim_start_matches('@').to_string())
                    .collect::<Vec<_>>(),
            ),
            starred: e.starred,
            ..Journal {
                text,
                ..Journal::default()
            }
        };
        let mut record = Record::new(Body::Journal(body), at);
        // A date attune cannot file would be written where attune never reads.
        bounds::check(&record).map_err(|why| JrnlError::Unfileable {
            index: index + 1,
            value: e.date.clone(),
            why,
        })?;
        record.id = stable_id(at.timestamp_millis(), &e.date, &e.time, &record);
        records.push(record);
    }
    Ok(records)
}

/// A UUID v7 whose time is the entry's and whose other bits come from its content, so the
/// same entry always gets the same id.
fn stable_id(millis: i64, date: &str, time: &str, record: &Record) -> Uuid {
    let text = match &record.body {
        Body::Journal(j) => j.text.as_str(),
        _ => "",
    };
    let a = fnv1a(&[date.as_bytes(), time.as_bytes(), text.as_bytes()], 0xcbf2_9ce4_8422_2325);
    let b = fnv1a(&[text.as_bytes(), date.as_bytes()], 0x8422_2325_cbf2_9ce4);
    let mut bytes = [0u8; 10];
    bytes[..8].copy_from_slice(&a.to_le_bytes());
    bytes[8..].copy_from_slice(&b.to_le_bytes()[..2]);
    uuid::Builder::from_unix_timestamp_millis(u64::try_from(millis).unwrap_or(0), &bytes)
        .into_uuid()
}

/// FNV-1a: small, and the same on every machine and Rust version (unlike std's hasher).
fn fnv1a(parts: &[&[u8]], seed: u64) -> u64 {
    let mut h = seed;
    for part in parts {
        for b in part.iter().chain([0xff].iter()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_become_journal_records_with_stable_ids() {
        let json = br#"{"tags": {"@work": 1}, "entries": [
            {"title": "A long day.", "body": "Shoulders tight by noon.", "date": "2026-03-04", "time": "21:15", "tags": ["@work"], "starred": true},
            {"title": "Short.", "body": "", "date": "2026-03-05", "time": "07:00", "tags": [], "starred": false}
        ]}"#;
        let a = parse(json).expect("parses");
        let b = parse(json).expect("parses again");
        assert_eq!(
            a.iter().map(|r| r.id).collect::<Vec<_>>(),
            b.iter().map(|r| r.id).collect::<Vec<_>>()
        );
        assert_ne!(a[0].id, a[1].id);
        assert_eq!(a[0].id.get_version_num(), 7);
        let Body::Journal(j) = &a[0].body else {
            panic!("journal")
        };
        assert_eq!(j.text, "A long day.\nShoulders tight by noon.");
        assert_eq!(j.tags, ["work"]);
        assert!(j.starred);
        assert_eq!(a[0].created_at.format("%Y-%m-%d %H:%M").to_string(), "2026-03-04 21:15");
        assert!(matches!(
            parse(br#"{"entries":[{"date":"4 March","time":""}]}"#),
            Err(JrnlError::BadDate { index: 1, .. })
        ));
        assert!(matches!(parse(b"[1,2]"), Err(JrnlError::NotJrnl(_))));
    }
}
