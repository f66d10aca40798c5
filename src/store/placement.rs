//! Which months each month file holds records of. A record filed under the wrong month
//! (a hand edit, another tool) is still read in its own month: a read of some months opens
//! every file holding a record of one of them. What each file holds is kept in local state
//! (never synced), keyed by the file's size and modification time, so a file is opened to
//! learn it only once after each change. Losing the cache loses nothing: it is relearnt.

use super::atomic::{create_private_dir, write_cache};
use super::layout::Layout;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

const VERSION: u32 = 1;

/// A file's size and modification time (nanoseconds since 1970): when both are as they
/// were, the file is taken to hold what it held.
pub type Fingerprint = (u64, u128);

pub fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    let ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), ns))
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    version: u32,
    /// By path below the records folder ("<device>/<file name>").
    files: HashMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    len: u64,
    modified_ns: u128,
    months: BTreeSet<String>,
}

#[derive(Debug)]
pub struct Placement {
    path: PathBuf,
    cache: Cache,
    seen: HashSet<String>,
    dirty: bool,
}

impl Placement {
    /// What is known so far (nothing, when the cache is missing, damaged or older).
    pub fn load(layout: &Layout) -> Placement {
        let path = layout.state_dir.join("cache").join("months.json");
        let cache = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Cache>(&b).ok())
            .filter(|c| c.version == VERSION)
            .unwrap_or_default();
        Placement {
            path,
            cache,
            seen: HashSet::new(),
            dirty: false,
        }
    }

    /// The months the file at `key` holds, if known for this fingerprint.
    pub fn months_of(&mut self, key: &str, fp: Fingerprint) -> Option<&BTreeSet<String>> {
        self.seen.insert(key.to_string());
        self.cache
            .files
            .get(key)
            .filter(|e| (e.len, e.modified_ns) == fp)
            .map(|e| &e.months)
    }

    pub fn learn(&mut self, key: &str, fp: Fingerprint, months: BTreeSet<String>) {
        self.seen.insert(key.to_string());
        let entry = Entry {
            len: fp.0,
            modified_ns: fp.1,
            months,
        };
        self.cache.files.insert(key.to_string(), entry);
        self.dirty = true;
    }

    /// Forget files not seen since `load`, and keep what was learnt for next time (best
    /// effort: it is only a cache, and this read has its answer either way).
    pub fn keep(mut self) {
        let before = self.cache.files.len();
        self.cache.files.retain(|k, _| self.seen.contains(k));
        if !self.dirty && self.cache.files.len() == before {
            return;
        }
        self.cache.version = VERSION;
        if let (Some(dir), Ok(bytes)) = (self.path.parent(), serde_json::to_vec(&self.cache)) {
            let _ = create_private_dir(dir).and_then(|()| write_cache(&self.path, &bytes));
        }
    }
}
