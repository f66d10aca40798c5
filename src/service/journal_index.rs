//! Journal search through a local index (see `service::index`): the entries' searchable
//! fields, kept per month file and re-read only when a file changes.

mod codec;

use super::index::{self, Indexed, Meta, Slim};
use crate::domain::journal::Filter;
use crate::store::Store;
use crate::store::model::{Body, Journal, Record};
use crate::store::month_file::FileProblem;
use serde::{Deserialize, Serialize};

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

/// Every live entry matching `filter`, newest first, with any unreadable files.
pub fn search(store: &Store, filter: &Filter) -> std::io::Result<(Vec<Entry>, Vec<FileProblem>)> {
    let (entries, problems) = index::load::<Entry>(store)?;
    let mut hits: Vec<Entry> = entries
        .into_iter()
        .filter(|e| !e.meta.deleted && matches(filter, e))
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
