//! Local indexes that keep reads fast with years of history: for each month file, the
//! slim form of the records one reader needs (journal text for search, numbers for
//! trends), keyed by the file's size and modification time, so only changed files are
//! read again. They live in local state (private, never synced) and are rebuilt from the
//! records whenever they are missing or damaged, so losing one loses nothing.

use crate::store::Store;
use crate::store::atomic::{create_private_dir, write_atomic};
use crate::store::layout::device_dirs;
use crate::store::merge::precedence;
use crate::store::model::{Record, Stamp};
use crate::store::month_file::{self, FileProblem};
use crate::store::read::month_files;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::UNIX_EPOCH;
use uuid::Uuid;

const VERSION: u32 = 1;

/// What every slim record keeps, for merging versions the store's way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: Uuid,
    pub created_at: Stamp,
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

/// A slim form of some records.
pub trait Slim: Clone + Serialize + DeserializeOwned {
    /// The index file's name in `<state>/cache/`.
    const NAME: &'static str;
    fn of(r: &Record) -> Option<Self>;
    fn meta(&self) -> &Meta;
    /// Back to a record carrying the slim fields (for the maths and lines that take one).
    fn record(&self) -> Record;
}

#[derive(Debug, Serialize, Deserialize)]
struct Index<T> {
    version: u32,
    files: BTreeMap<String, Indexed<T>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Indexed<T> {
    len: u64,
    modified_ns: u128,
    items: Vec<T>,
}

fn fingerprint(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), ns))
}

/// Bring the index up to date and return the winning version of every record it holds
/// (tombstones included, so callers can tell), with any files that could not be read.
pub fn load<T: Slim>(store: &Store) -> std::io::Result<(Vec<T>, Vec<FileProblem>)> {
    let path = store.layout().state_dir.join("cache").join(T::NAME);
    let mut index: Index<T> = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|i: &Index<T>| i.version == VERSION)
        .unwrap_or(Index {
            version: VERSION,
            files: BTreeMap::new(),
        });
    let (problems, changed) = refresh(store, &mut index)?;
    if changed {
        // Only a cache: if it cannot be written, the read still answers.
        if let (Some(dir), Ok(bytes)) = (path.parent(), serde_json::to_vec(&index)) {
            let _ = create_private_dir(dir).and_then(|()| write_atomic(&path, &bytes));
        }
    }
    let mut winners: HashMap<Uuid, &T> = HashMap::new();
    for item in index.files.values().flat_map(|f| &f.items) {
        match winners.get(&item.meta().id) {
            Some(w) if !wins(item, w) => {}
            _ => {
                winners.insert(item.meta().id, item);
            }
        }
    }
    Ok((winners.into_values().cloned().collect(), problems))
}

/// The store's merge rule on slim records; an exact tie goes to the full rule.
fn wins<T: Slim>(a: &T, b: &T) -> bool {
    let key = |x: &T| (x.meta().deleted, x.meta().updated_at);
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Equal => precedence(&a.record(), &b.record()).is_gt(),
        other => other.is_gt(),
    }
}

/// Re-read changed month files into the index; drop files that are gone.
fn refresh<T: Slim>(
    store: &Store,
    index: &mut Index<T>,
) -> std::io::Result<(Vec<FileProblem>, bool)> {
    let records = store.layout().records_dir();
    let mut seen = Vec::new();
    let mut problems = Vec::new();
    let mut changed = false;
    for (_, dir) in device_dirs(&records)? {
        let Ok(files) = month_files(&dir) else {
            continue;
        };
        for (_, file) in files {
            let key = file
                .strip_prefix(&records)
                .unwrap_or(&file)
                .to_string_lossy()
                .into_owned();
            seen.push(key.clone());
            let Some((len, modified_ns)) = fingerprint(&file) else {
                continue;
            };
            if index
                .files
                .get(&key)
                .is_some_and(|f| f.len == len && f.modified_ns == modified_ns)
            {
                continue;
            }
            changed = true;
            match month_file::read_existing(&file) {
                Ok(Some(m)) => {
                    let items = m.records.iter().filter_map(T::of).collect();
                    index.files.insert(
                        key,
                        Indexed {
                            len,
                            modified_ns,
                            items,
                        },
                    );
                }
                Ok(None) => {}
                Err(problem) => {
                    index.files.remove(&key);
                    problems.push(FileProblem {
                        path: file,
                        problem,
                    });
                }
            }
        }
    }
    let before = index.files.len();
    index.files.retain(|k, _| seen.contains(k));
    Ok((problems, changed || index.files.len() != before))
}
