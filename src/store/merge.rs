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

/// The winning version of every record seen so far. The records sit in one list and the
/// map holds only where each id is: a map of whole records moved every record on each of
/// its many growths, and the full read's time went into moving memory.
#[derive(Clone, Debug, Default)]
pub struct Merged {
    records: Vec<Record>,
    by_id: HashMap<Uuid, usize>,
}

impl Merged {
    pub fn new() -> Merged {
        Merged::default()
    }

    /// Offer one version; it is kept only if it wins against what is already there.
    /// Returns true when it changed the merged view.
    pub fn offer(&mut self, record: Record) -> bool {
        match self.by_id.entry(record.id) {
            Entry::Occupied(at) => {
                let Some(current) = self.records.get_mut(*at.get()) else {
                    return false; // never: every index in the map is in the list
                };
                let wins = precedence(&record, current) == Ordering::Greater;
                if wins {
                    *current = record;
                }
                wins
            }
            Entry::Vacant(slot) => {
                slot.insert(self.records.len());
                self.records.push(record);
                true
            }
        }
    }

    pub fn extend(&mut self, records: impl IntoIterator<Item = Record>) {
        let records = records.into_iter();
        self.by_id.reserve(records.size_hint().0);
        self.records.reserve(records.size_hint().0);
        for r in records {
            self.offer(r);
        }
    }

    /// Keep only the winners `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&Record) -> bool) {
        let before = self.records.len();
        self.records.retain(keep);
        if self.records.len() != before {
            self.by_id = self
                .records
                .iter()
                .enumerate()
                .map(|(i, r)| (r.id, i))
                .collect();
        }
    }

    pub fn get(&self, id: &Uuid) -> Option<&Record> {
        self.by_id.get(id).and_then(|&i| self.records.get(i))
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every winning version, tombstones included, oldest first.
    pub fn all(&self) -> Vec<&Record> {
        let mut v: Vec<&Record> = self.records.iter().collect();
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
        let mut live = self.records;
        live.retain(Record::is_live);
        oldest_first(live)
    }

    /// Every winning version, tombstones included, oldest first, without copying.
    pub fn into_all(self) -> Vec<Record> {
        oldest_first(self.records)
    }
}

/// Records oldest first (ties by id), sorted in place by swaps: sorting the records
/// themselves moved every one many times over, a quarter of the work of reading all of
/// history, and moving them into new lists cost as much again in fresh memory.
fn oldest_first(mut records: Vec<Record>) -> Vec<Record> {
    let mut order: Vec<(Stamp, Uuid, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.created_at, r.id, i))
        .collect();
    // Ids are unique here (one winner each), so no two keys are equal.
    order.sort_unstable();
    // from[k]: where the record that belongs at k is now. Each cycle of that permutation
    // is walked once, carrying its first record along; a place done points at itself.
    let mut from: Vec<usize> = order.iter().map(|&(_, _, i)| i).collect();
    for start in 0..from.len() {
        let mut k = start;
        while let Some(&src) = from.get(k)
            && src != start
            && src != k
        {
            records.swap(k, src);
            from[k] = k;
            k = src;
        }
        if let Some(done) = from.get_mut(k) {
            *done = k;
        }
    }
    records
}
