//! A local search index of journal entries, so `journal search` stays fast with years of
//! history: for each month file it keeps the journal entries' searchable fields, keyed by
//! the file's size and modification time, and re-reads only the files that changed. It
//! lives in local state (private, never synced) and can always be rebuilt from the
//! records, so losing it loses nothing.

use crate::domain::journal::Filter;
use crate::store::Store;
use crate::store::atomic::{create_private_dir, write_atomic};
use crate::store::layout::device_dirs;
use crate::store::merge::precedence;
use crate::store::model::{Body, Journal, Record, Stamp};
use crate::store::month_file::{self, FileProblem};
use crate::store::read::month_files;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use uuid::Uuid;

const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// By month-file path relative to the records folder.
    files: BTreeMap<String, Indexed>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Indexed {
    len: u64,
    modified_ns: u128,
    entries: Vec<Entry>,
}

/// One version of a journal entry, as much as a search and its list line need. Plain
/// fields only, so the index reads back quickly.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub id: Uuid,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    #[serde(default)]
    pub deleted: bool,
    pub text: String,
    #[serde(default)]
    pub prompt: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sensations: Vec<String>,
    #[serde(default)]
    pub feelings: Vec<String>,
}

impl Entry {
    fn of(r: &Record) -> Option<Entry> {
        match &r.body {
            Body::Journal(j) => Some(Entry {
                id: r.id,
                created_at: r.created_at,
                updated_at: r.updated_at,
                deleted: r.deleted_at.is_some(),
                text: j.text.clone(),
                prompt: j.prompt.clone(),
                tags: j.tags.clone(),
                sensations: j.sensations.clone(),
                feelings: j.feelings.clone(),
            }),
            _ => None,
        }
    }

    /// As a record with the searchable fields (for filters and list lines).
    pub fn record(&self) -> Record {
        let journal = Journal {
            text: self.text.clone(),
            prompt: self.prompt.clone(),
            tags: self.tags.clone(),
            sensations: self.sensations.clone(),
            feelings: self.feelings.clone(),
            ..Journal::default()
        };
        Record {
            id: self.id,
            created_at: self.created_at,
            updated_at: self.updated_at,
            deleted_at: self.deleted.then_some(self.updated_at),
            body: Body::Journal(journal),
        }
    }
}

fn index_path(store: &Store) -> PathBuf {
    store
        .layout()
        .state_dir
        .join("cache")
        .join("journal-index.json")
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

/// Bring the index up to date with the month files (re-reading only changed ones) and
/// return every live entry matching `filter`, newest first, with any unreadable files.
pub fn search(store: &Store, filter: &Filter) -> std::io::Result<(Vec<Entry>, Vec<FileProblem>)> {
    let path = index_path(store);
    let mut index: Index = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|i: &Index| i.version == VERSION)
        .unwrap_or(Index {
            version: VERSION,
            files: BTreeMap::new(),
        });
    let (problems, changed) = refresh(store, &mut index)?;
    if changed {
        // Only a cache: if it cannot be written, the search still answers.
        if let (Some(dir), Ok(bytes)) = (path.parent(), serde_json::to_vec(&index)) {
            let _ = create_private_dir(dir).and_then(|()| write_atomic(&path, &bytes));
        }
    }
    let mut winners: HashMap<Uuid, &Entry> = HashMap::new();
    for e in index.files.values().flat_map(|f| &f.entries) {
        match winners.get(&e.id) {
            Some(w) if !wins(e, w) => {}
            _ => {
                winners.insert(e.id, e);
            }
        }
    }
    let mut hits: Vec<Entry> = winners
        .into_values()
        .filter(|e| !e.deleted && matches(filter, e))
        .cloned()
        .collect();
    hits.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok((hits, problems))
}

fn matches(filter: &Filter, e: &Entry) -> bool {
    let r = e.record();
    match &r.body {
        Body::Journal(j) => filter.matches(&r, j),
        _ => false,
    }
}

/// The store's merge rule, on index entries; an exact tie goes to the full rule.
fn wins(a: &Entry, b: &Entry) -> bool {
    let key = |e: &Entry| (e.deleted, e.updated_at);
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Equal => precedence(&a.record(), &b.record()).is_gt(),
        other => other.is_gt(),
    }
}

/// Re-read changed month files into the index; drop files that are gone.
fn refresh(store: &Store, index: &mut Index) -> std::io::Result<(Vec<FileProblem>, bool)> {
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
                    let entries = m.records.iter().filter_map(Entry::of).collect();
                    index.files.insert(
                        key,
                        Indexed {
                            len,
                            modified_ns,
                            entries,
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
