//! Journal entries: writing, reading back newest first, searching, finding by id,
//! editing and deleting (a tombstone, so the delete reaches every device).

use crate::domain::journal::{Filter, Prompts, has_text, tidy_words};
use crate::service::correct::{self, CorrectError};
use crate::store::model::{Body, Journal, Kind, Record, Stamp};
use crate::store::month_file::FileProblem;
use crate::store::{Months, SaveReport, Store, StoreError};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("there is no text, so nothing was saved")]
    Empty,
    #[error("there is no prompt \"{0}\"; `attune prompts` lists them")]
    UnknownPrompt(String),
    #[error("no journal entry has an id starting with \"{0}\"")]
    NotFound(String),
    #[error("more than one journal entry has an id starting with \"{0}\"; give more of it")]
    Ambiguous(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a new entry holds before it is saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewEntry {
    pub text: String,
    pub prompt_id: Option<String>,
    pub tags: Vec<String>,
    pub sensations: Vec<String>,
    pub feelings: Vec<String>,
    pub session_id: Option<Uuid>,
}

/// Check a new entry and make its record (not yet saved).
pub fn entry(new: NewEntry, prompts: &Prompts, now: Stamp) -> Result<Record, JournalError> {
    if !has_text(&new.text) {
        return Err(JournalError::Empty);
    }
    let prompt = match &new.prompt_id {
        Some(id) => Some(
            prompts
                .get(id)
                .ok_or_else(|| JournalError::UnknownPrompt(id.clone()))?
                .text
                .clone(),
        ),
        None => None,
    };
    let body = Journal {
        text: new.text,
        prompt_id: new.prompt_id,
        prompt,
        tags: tidy_words(&new.tags),
        sensations: tidy_words(&new.sensations),
        feelings: tidy_words(&new.feelings),
        session_id: new.session_id,
        ..Journal::default()
    };
    Ok(Record::new(Body::Journal(body), now))
}

/// Live entries matching `filter`, newest first, at most `limit`. Reads month by month
/// from the newest, so a short list opens only the last month or two.
pub fn newest(
    store: &Store,
    filter: &Filter,
    limit: Option<usize>,
) -> Result<(Vec<Record>, Vec<FileProblem>), StoreError> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let first = filter.since.map(|d| d.format("%Y-%m").to_string());
    let last = filter.until.map(|d| d.format("%Y-%m").to_string());
    let up_to_last = |month: &str| last.as_deref().is_none_or(|l| month <= l);
    store.load_each_month(Months::NewestFirst(&up_to_last), |month, snap| {
        if first.as_deref().is_some_and(|f| month < f) || limit.is_some_and(|n| found.len() >= n) {
            return false;
        }
        problems.extend(snap.problems);
        let mut entries: Vec<Record> = snap
            .merged
            .into_live()
            .into_iter()
            .filter(|r| keep(r, filter))
            .collect();
        entries.reverse();
        found.extend(entries);
        limit.is_none_or(|n| found.len() < n)
    })?;
    if let Some(n) = limit {
        found.truncate(n);
    }
    Ok((found, problems))
}

fn keep(r: &Record, filter: &Filter) -> bool {
    matches!(&r.body, Body::Journal(j) if filter.matches(r, j))
}

/// The short id lists show: the id's last 8 hex digits (its random part; the first
/// digits of a time-ordered id are the same for entries written close together).
pub fn short_id(id: &Uuid) -> String {
    let simple = id.simple().to_string();
    simple[simple.len() - 8..].to_string()
}

/// Find one entry by its id, its start or its short id (at least 4 characters).
pub fn find(store: &Store, id: &str) -> Result<Record, JournalError> {
    find_counting(store, id).map(|(record, _)| record)
}

/// `find`, with how many records were kept but could not be read.
pub fn find_counting(store: &Store, id: &str) -> Result<(Record, usize), JournalError> {
    correct::find_counting(store, id, &[Kind::Journal]).map_err(|e| match e {
        CorrectError::Store(e) => JournalError::Store(e),
        CorrectError::Ambiguous { .. } => JournalError::Ambiguous(id.to_string()),
        _ => JournalError::NotFound(id.to_string()),
    })
}

/// Save new text for an entry (a newer version of the same record), with how the save
/// went: a caller says "saved" only when it changed what is stored.
/// Save an entry from the editor. When the entry it edits was deleted meanwhile (on
/// another device, or from the command line), the delete stands, and the words are kept
/// as a new entry instead of vanishing behind it: the second value says so.
pub fn save_entry(store: &Store, record: Record) -> Result<(Record, bool), StoreError> {
    store.save(record.clone())?;
    // A new entry's id is new: only an edit can have been deleted meanwhile.
    if record.updated_at == record.created_at {
        return Ok((record, false));
    }
    let day = record.local_date();
    let deleted = store
        .load_range(day, day)?
        .merged
        .get(&record.id)
        .is_some_and(|r| r.deleted_at.is_some());
    if !deleted {
        return Ok((record, false));
    }
    let kept = Record::new(record.body.clone(), record.updated_at);
    store.save(kept.clone())?;
    Ok((kept, true))
}

pub fn edit(
    store: &Store,
    record: &Record,
    text: String,
    now: Stamp,
) -> Result<(Record, SaveReport), JournalError> {
    if !has_text(&text) {
        return Err(JournalError::Empty);
    }
    let mut updated = record.clone();
    if let Body::Journal(j) = &mut updated.body {
        j.text = text;
    }
    updated.updated_at = record.next_version(now);
    let report = store.save(updated.clone())?;
    Ok((updated, report))
}

/// New word lists for an entry: each one given replaces that list (tidied as on a new
/// entry); `None` leaves it as it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordsChange {
    pub tags: Option<Vec<String>>,
    pub sensations: Option<Vec<String>>,
    pub feelings: Option<Vec<String>>,
}

/// Save `record` with its tags, body words or feelings changed; the text stays. The
/// report says nothing changed when the lists already held these words.
pub fn edit_words(
    store: &Store,
    record: &Record,
    change: &WordsChange,
    now: Stamp,
) -> Result<(Record, SaveReport), JournalError> {
    let mut body = record.body.clone();
    if let Body::Journal(j) = &mut body {
        let replace = |list: &mut Vec<String>, new: &Option<Vec<String>>| {
            if let Some(words) = new {
                *list = tidy_words(words);
            }
        };
        replace(&mut j.tags, &change.tags);
        replace(&mut j.sensations, &change.sensations);
        replace(&mut j.feelings, &change.feelings);
    }
    Ok(correct::save_version(store, record, body, now)?)
}

/// Mark an entry with a star (or take it off): a newer version, unless it already was.
pub fn set_star(
    store: &Store,
    record: &Record,
    on: bool,
    now: Stamp,
) -> Result<(Record, SaveReport), JournalError> {
    let mut body = record.body.clone();
    if let Body::Journal(j) = &mut body {
        j.starred = on;
    }
    Ok(correct::save_version(store, record, body, now)?)
}

/// Delete an entry everywhere: a tombstone wins over every other version.
pub fn delete(store: &Store, record: &Record, now: Stamp) -> Result<Record, JournalError> {
    Ok(correct::delete(store, record, now)?)
}
