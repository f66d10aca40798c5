//! Journal search through a local index (see `service::index`): the entries' searchable
//! fields, kept per month file and re-read only when a file changes. A search reads each
//! index file into one reused buffer, matches the words where they lie (see `codec`) and
//! copies out only its hits.

mod codec;
mod winners;

use super::index::{self, Indexed, Meta, Slim};
use crate::domain::journal::{Filter, Seeker, Words};
use crate::store::Store;
use crate::store::model::{Body, Journal, Record};
use crate::store::month_file::FileProblem;
use crate::store::placement::fingerprint;
use serde::{Deserialize, Serialize};
use std::io::Read;

/// One version of a journal entry, as much as a search and its list line need. Plain
/// fields only, so the index reads back quickly.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub meta: Meta,
    pub text: String,
    #[serde(default)]
    pub prompt: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sensations: Vec<String>,
    #[serde(default)]
    pub feelings: Vec<String>,
    #[serde(default)]
    pub starred: bool,
}

impl Slim for Entry {
    const NAME: &'static str = "journal";

    fn of(r: &Record) -> Option<Entry> {
        match &r.body {
            Body::Journal(j) => Some(Entry {
                meta: Meta::of(r),
                text: j.text.clone(),
                prompt: j.prompt.clone(),
                tags: j.tags.clone(),
                sensations: j.sensations.clone(),
                feelings: j.feelings.clone(),
                starred: j.starred,
            }),
            _ => None,
        }
    }

    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn encode(file: &Indexed<Entry>) -> Option<Vec<u8>> {
        Some(codec::encode(file))
    }

    fn decode(bytes: &[u8]) -> Option<Indexed<Entry>> {
        codec::decode(bytes)
    }

    fn record(&self) -> Record {
        let journal = Journal {
            text: self.text.clone(),
            prompt: self.prompt.clone(),
            tags: self.tags.clone(),
            sensations: self.sensations.clone(),
            feelings: self.feelings.clone(),
            starred: self.starred,
            ..Journal::default()
        };
        Record {
            id: self.meta.id,
            created_at: self.meta.created_at,
            updated_at: self.meta.updated_at,
            deleted_at: self.meta.deleted.then_some(self.meta.updated_at),
            body: Body::Journal(journal),
        }
    }
}

impl Entry {
    /// A record carrying these fields (for the lines and screens that take one).
    pub fn record(&self) -> Record {
        Slim::record(self)
    }
}

/// Every live entry matching `filter`, newest first, with any unreadable files.
pub fn search(store: &Store, filter: &Filter) -> std::io::Result<(Vec<Entry>, Vec<FileProblem>)> {
    // The words are matched in place; the rest of the filter on the few entries copied.
    let words = Words::new(filter.query.as_deref().unwrap_or(""));
    let rest = Filter {
        query: None,
        ..filter.clone()
    };
    let (mut hits, problems) = match quick(store, &words)? {
        Some(found) => found,
        None => full(store, filter)?,
    };
    hits.retain(|e| matches(&rest, e));
    hits.sort_by(|a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(b.meta.id.cmp(&a.meta.id))
    });
    Ok((hits, problems))
}

/// The search through each index file in turn, matching in place; None when the versions
/// found need the store's whole merge (see `winners`), which `full` does.
fn quick(store: &Store, words: &Words) -> std::io::Result<Option<(Vec<Entry>, Vec<FileProblem>)>> {
    let (cache, slots) = index::slots::<Entry>(store)?;
    let mut found = winners::Winners::default();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let (mut seeker, mut buf, mut bytes) = (words.seeker(), String::new(), Vec::new());
    for (file, slot) in slots {
        // Kept even when its month file has just gone, as `index::load` keeps it.
        seen.insert(slot.clone());
        let Some((len, modified_ns)) = fingerprint(&file) else {
            continue;
        };
        bytes.clear();
        let read = std::fs::File::open(&slot).and_then(|mut f| f.read_to_end(&mut bytes));
        let fresh = read.ok().and_then(|_| codec::scan(&bytes)).filter(|s| {
            s.version == index::VERSION && s.len == len && s.modified_ns == modified_ns
        });
        match fresh {
            Some(scanned) => {
                for s in &scanned.entries {
                    let hit = !s.deleted && holds(s, &mut seeker, &mut buf);
                    found.offer(s.id, s.deleted, s.updated_millis(), hit.then(|| s.entry()));
                }
            }
            // Out of date, damaged or missing: the month is indexed again.
            None => match index::indexed::<Entry>(&file, &slot) {
                Ok(fresh) => {
                    for e in fresh.items {
                        let hit = !e.meta.deleted && words.found_in(codec::fields(&e));
                        let (id, gone) = (e.meta.id, e.meta.deleted);
                        let at = e.meta.updated_at.timestamp_millis();
                        found.offer(id, gone, at, hit.then_some(e));
                    }
                }
                Err(problem) => problems.push(FileProblem {
                    path: file,
                    problem,
                }),
            },
        }
    }
    index::forget_gone(&cache, &seen);
    Ok(found.hits().map(|hits| (hits, problems)))
}

/// Every version read into memory and merged the store's way, then matched: for the
/// rare index that needs a deleted record's words forgotten, or an exact tie settled.
fn full(store: &Store, filter: &Filter) -> std::io::Result<(Vec<Entry>, Vec<FileProblem>)> {
    let (entries, problems) = index::load::<Entry>(store)?;
    let hits = entries
        .into_iter()
        .filter(|e| !e.meta.deleted && matches(filter, e))
        .collect();
    Ok((hits, problems))
}

/// Whether every word sought is in this version, each field folded as
/// `domain::journal::fold` folds it: the index keeps the folded form of every field that
/// is not ASCII, and the rest (ASCII, which folding only lower-cases) is lower-cased into
/// `buf`.
fn holds(s: &codec::Seen, seeker: &mut Seeker, buf: &mut String) -> bool {
    seeker.reset();
    // The search sees a missing prompt as an empty field.
    if !s.has_prompt() && seeker.field("") {
        return true;
    }
    for (field, folded) in s.fields() {
        let all = match folded {
            Some(f) => seeker.field(f),
            None => seeker.ascii(field, buf),
        };
        if all {
            return true;
        }
    }
    seeker.done()
}

fn matches(filter: &Filter, e: &Entry) -> bool {
    filter.matches_view(&crate::domain::journal::View {
        day: e.meta.created_at.date_naive(),
        text: &e.text,
        prompt: e.prompt.as_deref(),
        tags: &e.tags,
        sensations: &e.sensations,
        feelings: &e.feelings,
        starred: e.starred,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::fold;
    use proptest::prelude::*;

    /// Words in several scripts and cases, with marks that fold away, letters that fold
    /// to more than one ("İ"), to ASCII ("K" the Kelvin sign) or by their place ("Σ").
    fn words() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-cA-CéÉüÜßẞİıΣσςK\u{301}\u{308}ǅæÆ日 .\n]{0,16}").unwrap()
    }

    fn entry() -> impl Strategy<Value = Entry> {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-04T21:15:09.123+01:00").unwrap();
        let list = || proptest::collection::vec(words(), 0..3);
        (words(), proptest::option::of(words()), list(), list(), list()).prop_map(
            move |(text, prompt, tags, sensations, feelings)| Entry {
                meta: Meta {
                    id: uuid::Uuid::from_u128(7),
                    created_at: at,
                    updated_at: at,
                    deleted: false,
                },
                text,
                prompt,
                tags,
                sensations,
                feelings,
                starred: false,
            },
        )
    }

    /// What search matched before it matched in place: every field and every word
    /// folded whole, then compared.
    fn matched_before(e: &Entry, query: &str) -> bool {
        let folded: Vec<String> = codec::fields(e).map(fold).collect();
        query
            .split_whitespace()
            .map(fold)
            .all(|w| folded.iter().any(|f| f.contains(&w)))
    }

    proptest! {
        #[test]
        fn matching_in_the_index_finds_what_folding_whole_fields_finds(
            e in entry(),
            other in words(),
            from in 0usize..16,
            len in 0usize..6,
        ) {
            let file = Indexed { version: 1, len: 0, modified_ns: 0, items: vec![e.clone()] };
            let bytes = codec::encode(&file);
            let scanned = codec::scan(&bytes).unwrap();
            let piece: String = e.text.chars().skip(from).take(len).collect();
            for query in [other.clone(), piece.clone(), format!("{piece} {other}")] {
                let want = matched_before(&e, &query);
                let words = Words::new(&query);
                let (mut seeker, mut buf) = (words.seeker(), String::new());
                prop_assert_eq!(holds(&scanned.entries[0], &mut seeker, &mut buf), want, "{:?}", &query);
                let filter = Filter { query: Some(query.clone()), ..Filter::default() };
                prop_assert_eq!(matches(&filter, &e), want);
            }
        }
    }
}
