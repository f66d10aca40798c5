//! Journal search through a local index (see `service::index`): the entries' searchable
//! fields, kept per month file and re-read only when a file changes. A search matches
//! the words where they lie in the index files and copies out only its hits.

mod codec;

use super::index::{self, Indexed, Meta, Slim};
use crate::domain::journal::{Filter, Seeker, Words, fold, fold_ascii_into};
use crate::store::Store;
use crate::store::model::{Body, Journal, Record};
use crate::store::month_file::FileProblem;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// One version of a journal entry, as much as a search and its list line need.
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

impl Entry {
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

    /// A record carrying these fields (for the lines and screens that take one).
    pub fn record(&self) -> Record {
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

/// One version of an entry as the index holds it: the fixed fields, and its words left
/// in the block of its index file until a search hit copies them out.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(from = "Entry", into = "Entry")]
pub struct Stored {
    meta: Meta,
    starred: bool,
    has_prompt: bool,
    /// How many tags, sensations and feelings.
    lists: [u32; 3],
    block: Arc<Block>,
    /// This entry's fields in `block.fields`: the text, the prompt if any, then the lists.
    fields: Range<usize>,
}

/// The words of some entries: every field's text (and a folded copy of each field that
/// is not ASCII) in one string, and where each field lies in it.
#[derive(Debug, Default)]
pub struct Block {
    text: String,
    fields: Vec<Field>,
}

/// Where one field lies in its block, and its folded form if it keeps one.
#[derive(Clone, Copy, Debug)]
struct Field {
    at: usize,
    end: usize,
    folded: Option<(usize, usize)>,
}

impl Block {
    fn get(&self, at: usize, end: usize) -> &str {
        self.text.get(at..end).unwrap_or_default()
    }

    /// Add one field, with its folded form when folding is more than ASCII lower case.
    fn push(&mut self, field: &str) {
        let at = self.text.len();
        self.text.push_str(field);
        let end = self.text.len();
        let folded = (!field.is_ascii()).then(|| {
            self.text.push_str(&fold(field));
            (end, self.text.len())
        });
        self.fields.push(Field { at, end, folded });
    }
}

impl From<Entry> for Stored {
    fn from(e: Entry) -> Stored {
        let mut block = Block::default();
        block.push(&e.text);
        if let Some(p) = &e.prompt {
            block.push(p);
        }
        for s in e.tags.iter().chain(&e.sensations).chain(&e.feelings) {
            block.push(s);
        }
        let count = |l: &Vec<String>| u32::try_from(l.len()).unwrap_or(u32::MAX);
        Stored {
            meta: e.meta,
            starred: e.starred,
            has_prompt: e.prompt.is_some(),
            lists: [count(&e.tags), count(&e.sensations), count(&e.feelings)],
            fields: 0..block.fields.len(),
            block: Arc::new(block),
        }
    }
}

impl From<&Stored> for Entry {
    fn from(s: &Stored) -> Entry {
        let [tags, sensations, feelings] = s.lists();
        let owned = |r: Range<usize>| s.strs(r).map(str::to_owned).collect();
        Entry {
            meta: s.meta.clone(),
            text: s.str(s.fields.start).to_owned(),
            prompt: s.has_prompt.then(|| s.str(s.fields.start + 1).to_owned()),
            tags: owned(tags),
            sensations: owned(sensations),
            feelings: owned(feelings),
            starred: s.starred,
        }
    }
}

impl From<Stored> for Entry {
    fn from(s: Stored) -> Entry {
        Entry::from(&s)
    }
}

impl Stored {
    fn fields(&self) -> &[Field] {
        self.block
            .fields
            .get(self.fields.clone())
            .unwrap_or_default()
    }

    /// The text of field `i` of the block.
    fn str(&self, i: usize) -> &str {
        self.block
            .fields
            .get(i)
            .map_or("", |f| self.block.get(f.at, f.end))
    }

    fn strs(&self, r: Range<usize>) -> impl Iterator<Item = &str> {
        r.map(|i| self.str(i))
    }

    /// Where the tags, sensations and feelings lie among the block's fields.
    fn lists(&self) -> [Range<usize>; 3] {
        let mut at = self.fields.start + 1 + usize::from(self.has_prompt);
        self.lists.map(|n| {
            let from = at;
            at += n as usize;
            from..at
        })
    }

    /// The bytes this entry's words take in an index file.
    fn words_len(&self) -> usize {
        self.fields()
            .iter()
            .map(|f| f.end - f.at + f.folded.map_or(0, |(at, end)| end - at))
            .sum()
    }

    /// Whether every word sought is in this entry, each field folded as
    /// `domain::journal::fold` folds it: ASCII in `buf`, the rest as the index keeps it.
    fn holds(&self, seeker: &mut Seeker, buf: &mut String) -> bool {
        seeker.reset();
        // The search sees a missing prompt as an empty field.
        if !self.has_prompt && seeker.field("") {
            return true;
        }
        for f in self.fields() {
            let original = self.block.get(f.at, f.end);
            let folded = match f.folded {
                Some((at, end)) => self.block.get(at, end),
                None if fold_ascii_into(original, buf) => buf.as_str(),
                None => {
                    *buf = fold(original);
                    buf.as_str()
                }
            };
            if seeker.field(folded) {
                return true;
            }
        }
        seeker.done()
    }
}

impl Slim for Stored {
    const NAME: &'static str = "journal";

    fn of(r: &Record) -> Option<Stored> {
        Entry::of(r).map(Stored::from)
    }

    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn encode(file: &Indexed<Stored>) -> Option<Vec<u8>> {
        Some(codec::encode(file))
    }

    fn decode(bytes: &[u8]) -> Option<Indexed<Stored>> {
        codec::decode(bytes.to_vec())
    }

    fn decode_owned(bytes: Vec<u8>) -> Option<Indexed<Stored>> {
        codec::decode(bytes)
    }

    fn record(&self) -> Record {
        Entry::from(self).record()
    }
}

/// Every live entry matching `filter`, newest first, with any unreadable files.
pub fn search(store: &Store, filter: &Filter) -> std::io::Result<(Vec<Entry>, Vec<FileProblem>)> {
    let (versions, problems) = index::load::<Stored>(store)?;
    // The words are matched in place; the rest of the filter on the few entries copied.
    let words = Words::new(filter.query.as_deref().unwrap_or(""));
    let rest = Filter {
        query: None,
        ..filter.clone()
    };
    let mut seeker = words.seeker();
    let mut buf = String::new();
    let mut hits: Vec<Entry> = versions
        .iter()
        .filter(|s| !s.meta.deleted && s.holds(&mut seeker, &mut buf))
        .map(Entry::from)
        .filter(|e| matches(&rest, e))
        .collect();
    hits.sort_by(|a, b| {
        b.meta
            .created_at
            .cmp(&a.meta.created_at)
            .then(b.meta.id.cmp(&a.meta.id))
    });
    Ok((hits, problems))
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
    use proptest::prelude::*;

    /// Words in several scripts and cases, with marks that fold away, letters that fold
    /// to more than one ("İ"), to ASCII ("K" the Kelvin sign) or by their place ("Σ").
    fn words() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-cA-CéÉüÜßẞİıΣσςK\u{301}\u{308}ǅæÆ日 .\n]{0,16}").unwrap()
    }

    fn meta() -> Meta {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-04T21:15:09.123+01:00").unwrap();
        Meta {
            id: uuid::Uuid::from_u128(7),
            created_at: at,
            updated_at: at,
            deleted: false,
        }
    }

    fn entry() -> impl Strategy<Value = Entry> {
        let list = || proptest::collection::vec(words(), 0..3);
        (words(), proptest::option::of(words()), list(), list(), list()).prop_map(
            |(text, prompt, tags, sensations, feelings)| Entry {
                meta: meta(),
                text,
                prompt,
                tags,
                sensations,
                feelings,
                starred: false,
            },
        )
    }

    /// The entry as a search reads it: through an index file written and read back.
    fn indexed(e: &Entry) -> Stored {
        let file = Indexed {
            version: 1,
            len: 0,
            modified_ns: 0,
            items: vec![Stored::from(e.clone())],
        };
        let mut back = codec::decode(codec::encode(&file)).unwrap();
        back.items.remove(0)
    }

    proptest! {
        #[test]
        fn the_index_matches_what_the_filter_matches(
            e in entry(),
            other in words(),
            from in 0usize..16,
            len in 0usize..6,
        ) {
            let piece: String = e.text.chars().skip(from).take(len).collect();
            for query in [other.clone(), piece.clone(), format!("{piece} {other}")] {
                let filter = Filter { query: Some(query.clone()), ..Filter::default() };
                let want = matches(&filter, &e);
                let words = Words::new(&query);
                let mut seeker = words.seeker();
                let mut buf = String::new();
                prop_assert_eq!(indexed(&e).holds(&mut seeker, &mut buf), want, "{:?}", query);
                prop_assert_eq!(Stored::from(e.clone()).holds(&mut seeker, &mut buf), want);
            }
        }
    }
}
