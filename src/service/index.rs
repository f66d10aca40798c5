//! Local indexes that keep reads fast with years of history: for each month file, the
//! slim form of the records one reader needs (journal text for search, numbers for
//! trends), keyed by the file's size and modification time, so only changed files are
//! read again. They live in local state (private, never synced) and are rebuilt from the
//! records whenever they are missing or damaged, so losing one loses nothing.

use crate::store::Store;
use crate::store::atomic::{create_private_dir, write_cache};
use crate::store::layout::device_dirs;
use crate::store::merge::precedence;
use crate::store::model::{Body, Record, Stamp};
use crate::store::month_file::{self, FileProblem};
use crate::store::placement::fingerprint;
use crate::store::read::month_files;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// 3: tombstones hold nothing of what was deleted, and records out of bounds are left out.
// 4: journal entries keep their star.
// 5: trends keep heart readings' numbers.
pub const VERSION: u32 = 5;

/// What every slim record keeps, for merging versions the store's way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Uuid,
    #[serde(with = "compact_stamp")]
    pub created_at: Stamp,
    #[serde(with = "compact_stamp")]
    pub updated_at: Stamp,
    #[serde(default)]
    pub deleted: bool,
}

impl Meta {
    pub fn of(r: &Record) -> Meta {
        Meta {
            id: r.id,
            created_at: r.created_at,
            updated_at: r.updated_at,
            deleted: r.deleted_at.is_some(),
        }
    }
}

/// A moment as [milliseconds since 1970, offset seconds]: the same instant and local
/// time as RFC 3339 text, several times quicker to read back.
mod compact_stamp {
    use crate::store::model::Stamp;
    use chrono::{FixedOffset, TimeZone};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(t: &Stamp, s: S) -> Result<S::Ok, S::Error> {
        (t.timestamp_millis(), t.offset().local_minus_utc()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let (millis, offset) = <(i64, i32)>::deserialize(d)?;
        FixedOffset::east_opt(offset)
            .and_then(|tz| tz.timestamp_millis_opt(millis).single())
            .ok_or_else(|| serde::de::Error::custom("a stamp out of range"))
    }
}

/// A slim form of some records.
pub trait Slim: Clone + Serialize + DeserializeOwned {
    /// The index's folder name in `<state>/cache/`.
    const NAME: &'static str;
    fn of(r: &Record) -> Option<Self>;
    fn meta(&self) -> &Meta;
    /// Back to a record carrying the slim fields (for the maths and lines that take one).
    fn record(&self) -> Record;

    /// One index file's bytes: JSON unless a reader needs something quicker to read.
    fn encode(file: &Indexed<Self>) -> Option<Vec<u8>> {
        serde_json::to_vec(file).ok()
    }

    /// An index file read back, or None when it is damaged or in another format.
    fn decode(bytes: &[u8]) -> Option<Indexed<Self>> {
        serde_json::from_slice(bytes).ok()
    }
}

/// One month file's slim records, with the fingerprint of the file they came from.
#[derive(Debug, Serialize, Deserialize)]
pub struct Indexed<T> {
    pub version: u32,
    pub len: u64,
    pub modified_ns: u128,
    pub items: Vec<T>,
}

impl<T> Indexed<T> {
    /// For a file that is gone: nothing to keep.
    fn empty() -> Indexed<T> {
        Indexed {
            version: VERSION,
            len: 0,
            modified_ns: 0,
            items: Vec::new(),
        }
    }
}

/// Bring the index up to date and return the winning version of every record it holds
/// (tombstones included, so callers can tell), with any files that could not be read.
/// Each month file has its own small index file, so a change rewrites only that one.
pub fn load<T: Slim>(store: &Store) -> std::io::Result<(Vec<T>, Vec<FileProblem>)> {
    let (cache, files) = slots::<T>(store)?;
    let mut slots = Vec::new();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (file, slot) in files {
        seen.insert(slot.clone());
        match indexed::<T>(&file, &slot) {
            Ok(found) => slots.push((slot, found)),
            Err(problem) => problems.push(FileProblem {
                path: file,
                problem,
            }),
        }
    }
    forget_gone(&cache, &seen);
    forget_deleted(&mut slots);
    Ok((winners(slots.into_iter().flat_map(|(_, s)| s.items)), problems))
}

/// The winning version of each record among `items`, by the store's merge rule.
pub fn winners<T: Slim>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut winners: HashMap<Uuid, T> = HashMap::new();
    for item in items {
        match winners.get(&item.meta().id) {
            Some(w) if !wins(&item, w) => {}
            _ => {
                winners.insert(item.meta().id, item);
            }
        }
    }
    winners.into_values().collect()
}

/// The index's folder, and every month file with the index file kept for it.
pub(super) fn slots<T: Slim>(store: &Store) -> std::io::Result<(PathBuf, Vec<(PathBuf, PathBuf)>)> {
    let cache = store.layout().state_dir.join("cache").join(T::NAME);
    let mut slots = Vec::new();
    for (device, dir) in device_dirs(&store.layout().records_dir())? {
        // A folder that cannot be listed is reported by the loads that read records.
        let Ok(files) = month_files(&dir) else {
            continue;
        };
        for (_, file) in files {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let slot = cache.join(&device).join(&name);
            slots.push((file, slot));
        }
    }
    Ok((cache, slots))
}

/// A record deleted anywhere keeps no words in any index file: an older live version
/// indexed from another file (another device's, not yet saved again) is kept only as a
/// tombstone, and that index file is rewritten. A tombstone wins the merge anyway.
fn forget_deleted<T: Slim>(slots: &mut [(PathBuf, Indexed<T>)]) {
    let deleted: HashSet<Uuid> = slots
        .iter()
        .flat_map(|(_, s)| &s.items)
        .filter(|i| i.meta().deleted)
        .map(|i| i.meta().id)
        .collect();
    for (slot, indexed) in slots.iter_mut() {
        let mut changed = false;
        for item in &mut indexed.items {
            if !item.meta().deleted && deleted.contains(&item.meta().id) {
                let r = item.record();
                let gone = Record {
                    deleted_at: Some(r.updated_at),
                    body: Body::empty(r.kind()),
                    ..r
                };
                *item = T::of(&gone).unwrap_or_else(|| item.clone());
                changed = true;
            }
        }
        if changed {
            keep(slot, indexed);
        }
    }
}

/// The slim records of one month file: from its index file when that is up to date,
/// else read from the month file and written to the index file for next time.
pub fn indexed<T: Slim>(file: &Path, slot: &Path) -> Result<Indexed<T>, month_file::Problem> {
    let Some((len, modified_ns)) = fingerprint(file) else {
        return Ok(Indexed::empty());
    };
    let cached: Option<Indexed<T>> = std::fs::read(slot).ok().and_then(|b| T::decode(&b));
    if let Some(c) =
        cached.filter(|c| c.version == VERSION && c.len == len && c.modified_ns == modified_ns)
    {
        return Ok(c);
    }
    let Some(month) = month_file::read_existing(file)? else {
        return Ok(Indexed::empty());
    };
    let fresh = Indexed {
        version: VERSION,
        len,
        modified_ns,
        items: month.records.iter().filter_map(T::of).collect::<Vec<T>>(),
    };
    keep(slot, &fresh);
    Ok(fresh)
}

/// Write one index file. Only a cache: if it cannot be written, the read still answers.
fn keep<T: Slim>(slot: &Path, indexed: &Indexed<T>) {
    keep_bytes(slot, T::encode(indexed));
}

/// Write one cache file, unless local state must hold nothing of the records in plain.
pub fn keep_bytes(slot: &Path, bytes: Option<Vec<u8>>) {
    // A device that keeps no key keeps no words in plain either: no index on disk.
    if crate::store::crypt::local_seal().is_some() {
        return;
    }
    if let (Some(dir), Some(bytes)) = (slot.parent(), bytes) {
        let _ = create_private_dir(dir).and_then(|()| write_cache(slot, &bytes));
    }
}

/// Remove index files whose month file is gone (best effort: it is only a cache).
pub fn forget_gone(cache: &Path, seen: &HashSet<std::path::PathBuf>) {
    let Ok(devices) = std::fs::read_dir(cache) else {
        return;
    };
    for device in devices.flatten() {
        let Ok(files) = std::fs::read_dir(device.path()) else {
            continue;
        };
        for f in files.flatten() {
            if !seen.contains(&f.path()) {
                let _ = std::fs::remove_file(f.path());
            }
        }
    }
}

/// The store's merge rule on slim records; an exact tie goes to the full rule.
fn wins<T: Slim>(a: &T, b: &T) -> bool {
    let key = |x: &T| (x.meta().deleted, x.meta().updated_at);
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Equal => precedence(&a.record(), &b.record()).is_gt(),
        other => other.is_gt(),
    }
}
