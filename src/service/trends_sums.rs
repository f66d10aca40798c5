//! All-time trends from one small file of sums per month file, kept in local state beside
//! the trends index (private to this machine, never synced) and keyed like it by the
//! month file's size and modification time, so a month saved here or synced in from
//! another device is summed again and the rest are only added up. A sums file that is
//! missing, damaged or of another version is made again from the records.
//!
//! The sums of a file are those of its own records. A record with versions in more than
//! one file (edited or deleted on another device) must be counted once, as the version
//! that wins: so each sums file also names the records it holds, and the files sharing
//! a record are read record by record from the trends index, as before, and summed
//! together after the merge.

use super::index::{self, Indexed, Slim};
use super::trends::MAX_DAYS;
use super::trends_index::Item;
use crate::domain::trends::sums::Sums;
use crate::store::Store;
use crate::store::layout::device_dirs;
use crate::store::model::Record;
use crate::store::month_file::{FileProblem, Problem};
use crate::store::placement::fingerprint;
use crate::store::read::month_files;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// 4: a month file's sums by day as arrays, its practices' in total, and the ids of its
/// records in one string. Kept with the index's version too: the sums are made from its
/// slim records.
const VERSION: u32 = 4;

/// The sums file of one month file.
#[derive(Serialize, Deserialize)]
struct Kept {
    version: u32,
    index_version: u32,
    len: u64,
    modified_ns: u128,
    /// Every record the file holds, tombstones too, each by `short_id`.
    #[serde(with = "hex_ids")]
    ids: Vec<u64>,
    sums: Sums,
}

/// One month file, its sums, and where its slim records are indexed.
struct Summed {
    file: PathBuf,
    slot: PathBuf,
    kept: Kept,
}

/// The sums of every record in the store (the winning version of each), with the files
/// that could not be read.
pub fn load(store: &Store, today: NaiveDate) -> std::io::Result<(Sums, Vec<FileProblem>)> {
    let cache = store.layout().state_dir.join("cache");
    let (sums_dir, index_dir) = (cache.join("trends-sums"), cache.join(Item::NAME));
    let mut summed = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (device, dir) in device_dirs(&store.layout().records_dir())? {
        // A folder that cannot be listed is reported by the loads that read records.
        let Ok(files) = month_files(&dir) else {
            continue;
        };
        for (_, file) in files {
            let name = file.file_name().unwrap_or_default().to_owned();
            let (at, slot) =
                (sums_dir.join(&device).join(&name), index_dir.join(&device).join(&name));
            seen.extend([at.clone(), slot.clone()]);
            match sums_of(&file, &at, &slot) {
                Ok(kept) => summed.push(Summed { file, slot, kept }),
                Err(problem) => problems.push(FileProblem {
                    path: file,
                    problem,
                }),
            }
        }
    }
    index::forget_gone(&sums_dir, &seen);
    index::forget_gone(&index_dir, &seen);
    Ok((add_up(summed, today, &mut problems), problems))
}

/// Every file's sums added up; the files sharing a record, and those holding a day that
/// all time up to `today` leaves out (whose practices must then be counted by day), are
/// merged record by record.
fn add_up(summed: Vec<Summed>, today: NaiveDate, problems: &mut Vec<FileProblem>) -> Sums {
    let shared = shared_ids(&summed);
    let earliest = today
        .checked_sub_days(Days::new(MAX_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let inside = |sums: &Sums| {
        sums.span()
            .is_none_or(|(first, last)| earliest <= first && last <= today)
    };
    let mut total = Sums::default();
    let mut merged: Vec<Item> = Vec::new();
    for s in summed {
        if inside(&s.kept.sums) && !s.kept.ids.iter().any(|id| shared.contains(id)) {
            total.add_all(s.kept.sums);
            continue;
        }
        match index::indexed::<Item>(&s.file, &s.slot) {
            Ok(indexed) => merged.extend(indexed.items),
            Err(problem) => problems.push(FileProblem {
                path: s.file,
                problem,
            }),
        }
    }
    let records: Vec<Record> = index::winners(merged).iter().map(Slim::record).collect();
    total.add_all(Sums::of(&records));
    total
}

/// A record's id in 64 bits (its two halves' xor), quicker to read back than the whole.
/// Two records that happen to share one are merged record by record, as if they were
/// one record's versions: a chance match costs a little time, never a wrong count.
fn short_id(id: &Uuid) -> u64 {
    let v = id.as_u128();
    (v as u64) ^ ((v >> 64) as u64)
}

/// The records held by more than one file (or twice in one).
fn shared_ids(summed: &[Summed]) -> HashSet<u64> {
    let mut files: HashMap<u64, usize> = HashMap::new();
    for s in summed {
        for id in &s.kept.ids {
            *files.entry(*id).or_insert(0) += 1;
        }
    }
    files
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id)
        .collect()
}

/// The sums as a sums file keeps them: each practice's in total, not by day.
fn lifted(mut sums: Sums) -> Sums {
    sums.lift_practices();
    sums
}

/// One month file's sums: from its sums file when that is up to date, else made from
/// its slim records (the trends index, or the month file itself) and kept for next time.
fn sums_of(file: &Path, at: &Path, slot: &Path) -> Result<Kept, Problem> {
    let (len, modified_ns) = fingerprint(file).unwrap_or_default();
    let cached: Option<Kept> = std::fs::read(at)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let fresh = |k: &Kept| {
        k.version == VERSION
            && k.index_version == index::VERSION
            && (k.len, k.modified_ns) == (len, modified_ns)
    };
    if let Some(kept) = cached.filter(fresh) {
        return Ok(kept);
    }
    let indexed: Indexed<Item> = index::indexed(file, slot)?;
    let records: Vec<Record> = indexed.items.iter().map(Slim::record).collect();
    let kept = Kept {
        version: VERSION,
        index_version: index::VERSION,
        len: indexed.len,
        modified_ns: indexed.modified_ns,
        ids: indexed
            .items
            .iter()
            .map(|i| short_id(&i.meta().id))
            .collect(),
        sums: lifted(Sums::of(&records)),
    };
    index::keep_bytes(at, serde_json::to_vec(&kept).ok());
    Ok(kept)
}

/// The ids as one string of 16 hex digits each: a few hundred numbers read back as one
/// string and a loop, not one JSON number at a time.
mod hex_ids {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt::Write;

    pub fn serialize<S: Serializer>(ids: &[u64], s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(ids.len() * 16);
        for id in ids {
            let _ = write!(text, "{id:016x}");
        }
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        let text = <&str>::deserialize(d)?;
        let bad = || serde::de::Error::custom("ids that are not 16 hex digits each");
        if text.len() % 16 != 0 {
            return Err(bad());
        }
        (0..text.len() / 16)
            .map(|i| {
                let digits = text.get(i * 16..i * 16 + 16).ok_or_else(bad)?;
                u64::from_str_radix(digits, 16).map_err(|_| bad())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::layout::Layout;
    use crate::store::model::{Body, Checkin};

    fn checkin(n: u128, day: u32, distress: u8, saved_hour: u32) -> Record {
        let at = |h: u32| {
            chrono::DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T{h:02}:00:00+01:00"))
                .unwrap()
        };
        Record {
            id: Uuid::from_u128(n),
            created_at: at(8),
            updated_at: at(saved_hour),
            deleted_at: None,
            body: Body::Checkin(Checkin {
                distress,
                ..Checkin::default()
            }),
        }
    }

    /// How many check-ins, and their distress added up.
    fn distress(store: &Store) -> (usize, u32) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let (sums, problems) = load(store, today).unwrap();
        assert!(problems.is_empty());
        let days = sums.days.values();
        days.fold((0, 0), |(n, total), d| (n + d.checkins, total + d.scales[0].sum))
    }

    #[test]
    fn a_month_holding_a_day_after_today_counts_its_practices_by_day() {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(Layout::new(tmp.path().join("d"), tmp.path().join("s"))).unwrap();
        let mut session = checkin(7, 25, 3, 8);
        session.body = Body::Session(crate::store::model::Session {
            practice: "breathe".into(),
            practice_id: "sigh".into(),
            actual_seconds: 60.0,
            ..Default::default()
        });
        store.save_all(vec![checkin(1, 3, 4, 8), session]).unwrap();
        let before = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let (sums, _) = load(&store, before).unwrap();
        assert!(sums.practices.is_empty(), "read record by record");
        assert_eq!(
            sums.days[&NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()]
                .by_practice
                .len(),
            1
        );
        let after = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let (sums, _) = load(&store, after).unwrap();
        assert_eq!(sums.practices["sigh"].count, 1, "the kept sums, practices in total");
    }

    #[test]
    fn damaged_sums_are_made_again_and_changed_months_read_again() {
        let tmp = tempfile::tempdir().unwrap();
        let (data, state) = (tmp.path().join("data"), tmp.path().join("state"));
        let store = Store::open(Layout::new(&data, &state)).unwrap();
        store
            .save_all(vec![checkin(1, 3, 4, 8), checkin(2, 20, 6, 8)])
            .unwrap();
        assert_eq!(distress(&store), (2, 10));
        let kept = state.join("cache").join("trends-sums");
        for device in std::fs::read_dir(&kept).unwrap() {
            for file in std::fs::read_dir(device.unwrap().path()).unwrap() {
                std::fs::write(file.unwrap().path(), b"{\"version\":3,").unwrap();
            }
        }
        assert_eq!(distress(&store), (2, 10), "made again from the records");
        store.save_all(vec![checkin(3, 21, 2, 8)]).unwrap();
        assert_eq!(distress(&store), (3, 12), "the month saved again is read again");
        // Another device (its own state folder) edits check-in 1: counted once, as edited.
        let other = Store::open(Layout::new(&data, tmp.path().join("other"))).unwrap();
        other.save_all(vec![checkin(1, 3, 9, 10)]).unwrap();
        assert_eq!(distress(&store), (3, 17), "the later version, once");
    }
}
