//! Union-merge of record versions from any number of files and devices.
//!
//! For one id the winner is chosen by a total order, so the result never depends on the
//! order files are read in: a tombstone beats any live version (a delete is final, even
//! against an edit made on another device that had not yet seen it), then the newest
//! `updated_at` wins, and an exact tie falls back to comparing the records' JSON text.

use super::model::{Record, Stamp};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use uuid::Uuid;

/// Compare two versions of the same record; `Greater` means `a` wins.
pub fn precedence(a: &Record, b: &Record) -> Ordering {
    a.deleted_at
        .is_some()
        .cmp(&b.deleted_at.is_some())
        .then_with(|| a.updated_at.cmp(&b.updated_at))
        .then_with(|| canonical(a).cmp(&canonical(b)))
}

fn canonical(r: &Record) -> String {
    // Serialising our own types cannot fail: every key is a string.
    serde_json::to_string(r).unwrap_or_default()
}

/// The winning version of every record seen so far.
#[derive(Clone, Debug, Default)]
pub struct Merged {
    by_id: HashMap<Uuid, Record>,
}

impl Merged {
    pub fn new() -> Merged {
        Merged::default()
    }

    /// Offer one version; it is kept only if it wins against what is already there.
    /// Returns true when it changed the merged view.
    pub fn offer(&mut self, record: Record) -> bool {
        match self.by_id.entry(record.id) {
            Entry::Occupied(mut current) => {
                let wins = precedence(&record, current.get()) == Ordering::Greater;
                if wins {
                    current.insert(record);
                }
                wins
            }
            Entry::Vacant(slot) => {
                slot.insert(record);
                true
            }
        }
    }

    pub fn extend(&mut self, records: impl IntoIterator<Item = Record>) {
        let records = records.into_iter();
        self.by_id.reserve(records.size_hint().0);
        for r in records {
            self.offer(r);
        }
    }

    /// Keep only the winners `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&Record) -> bool) {
        self.by_id.retain(|_, r| keep(r));
    }

    pub fn get(&self, id: &Uuid) -> Option<&Record> {
        self.by_id.get(id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every winning version, tombstones included, oldest first.
    pub fn all(&self) -> Vec<&Record> {
        let mut v: Vec<&Record> = self.by_id.values().collect();
        v.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        v
    }

    /// The records a user sees: tombstones hidden, oldest first.
    pub fn live(&self) -> Vec<&Record> {
        let mut v = self.all();
        v.retain(|r| r.is_live());
        v
    }

    pub fn into_live(self) -> Vec<Record> {
        oldest_first(self.by_id.into_values().filter(Record::is_live).collect())
    }

    /// Every winning version, tombstones included, oldest first, without copying.
    pub fn into_all(self) -> Vec<Record> {
        oldest_first(self.by_id.into_values().collect())
    }
}

/// Records oldest first (ties by id), each moved once: sorting the records themselves
/// moved every one many times over, a quarter of the work of reading all of history.
fn oldest_first(records: Vec<Record>) -> Vec<Record> {
    let mut order: Vec<(Stamp, Uuid, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.created_at, r.id, i))
        .collect();
    // Ids are unique here (one winner each), so no two keys are equal.
    order.sort_unstable();
    let mut slots: Vec<Option<Record>> = records.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}
