//! Correcting one's record: finding a check-in or a practice by its id, changing it (a
//! newer version of the same record, always winning over the one it replaces), and
//! deleting it (a tombstone that keeps none of what it held, on every device).

use crate::domain::checkin::{CheckinError, check_rating, tidy, tidy_note};
use crate::store::model::{Body, Checkin, Kind, Record, Stamp};
use crate::store::{SaveReport, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CorrectError {
    #[error("no {what} has an id starting with \"{id}\"")]
    NotFound { what: &'static str, id: String },
    #[error("more than one {what} has an id starting with \"{id}\"; give more of it")]
    Ambiguous { what: &'static str, id: String },
    #[error("{0} is a journal entry; `attune journal` shows, edits and deletes entries")]
    Journal(String),
    #[error("{0} is a practice, not a check-in; `attune history edit` changes it")]
    NotCheckin(String),
    #[error("{0} is a check-in, not a practice; `attune checkin edit` changes it")]
    NotPractice(String),
    #[error(transparent)]
    Invalid(#[from] CheckinError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CorrectError {
    /// Whether the person asked for something that cannot be (a usage error), rather
    /// than the store failing.
    pub fn is_usage(&self) -> bool {
        !matches!(self, CorrectError::Store(_))
    }
}

/// The live record whose id is `id`, its start or its end (at least 4 hex digits,
/// dashes ignored), among the kinds asked for.
pub fn find(store: &Store, id: &str, kinds: &[Kind]) -> Result<Record, CorrectError> {
    find_counting(store, id, kinds).map(|(record, _)| record)
}

/// `find`, with how many records were kept but could not be read (for the one line that
/// says so).
pub fn find_counting(
    store: &Store,
    id: &str,
    kinds: &[Kind],
) -> Result<(Record, usize), CorrectError> {
    let what = match kinds {
        [Kind::Checkin] => "check-in",
        [Kind::Session] => "practice",
        [Kind::Journal] => "journal entry",
        _ => "record",
    };
    let want = id.trim().to_lowercase().replace('-', "");
    let not_found = || CorrectError::NotFound {
        what,
        id: id.to_string(),
    };
    if want.len() < 4 || !want.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let snap = store.load_all()?;
    let unreadable = snap.unreadable;
    let mut hits = snap.merged.into_live().into_iter().filter(|r| {
        let simple = r.id.simple().to_string();
        kinds.contains(&r.kind()) && (simple.starts_with(&want) || simple.ends_with(&want))
    });
    match (hits.next(), hits.next()) {
        (Some(r), None) => Ok((r, unreadable)),
        (None, _) => Err(not_found()),
        (Some(_), Some(_)) => Err(CorrectError::Ambiguous {
            what,
            id: id.to_string(),
        }),
    }
}

/// A check-in or a practice to correct: a journal entry has its own commands.
pub fn find_correctable(store: &Store, id: &str) -> Result<Record, CorrectError> {
    match find(store, id, &[Kind::Checkin, Kind::Session, Kind::Journal])? {
        r if r.kind() == Kind::Journal => Err(CorrectError::Journal(id.to_string())),
        r => Ok(r),
    }
}

/// Save `checkin` as the new version of the check-in `record`, checked as a new one is.
pub fn edit_checkin(
    store: &Store,
    record: &Record,
    checkin: Checkin,
    now: Stamp,
) -> Result<(Record, SaveReport), CorrectError> {
    let Body::Checkin(old) = &record.body else {
        return Err(CorrectError::NotCheckin(record.id.to_string()));
    };
    let checkin = tidy(Checkin {
        extra: old.extra.clone(),
        ..checkin
    })?;
    Ok(save_version(store, record, Body::Checkin(checkin), now)?)
}

/// What to change in a practice: each part left `None` stays as it is; `Some(None)`
/// clears a rating or the note.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PracticeChange {
    pub before: Option<Option<u8>>,
    pub after: Option<Option<u8>>,
    pub note: Option<Option<String>>,
}

impl PracticeChange {
    pub fn is_empty(&self) -> bool {
        *self == PracticeChange::default()
    }
}

/// A 0-10 rating from a number a person typed, or why it cannot be one.
pub fn rating(label: &'static str, value: i64) -> Result<u8, CorrectError> {
    Ok(check_rating(label, value)?)
}

/// Save the practice `record` with `change` made to it.
pub fn edit_practice(
    store: &Store,
    record: &Record,
    change: &PracticeChange,
    now: Stamp,
) -> Result<(Record, SaveReport), CorrectError> {
    let Body::Session(old) = &record.body else {
        return Err(CorrectError::NotPractice(record.id.to_string()));
    };
    let mut session = old.clone();
    if let Some(before) = change.before {
        session.distress_before = before;
    }
    if let Some(after) = change.after {
        session.distress_after = after;
    }
    if let Some(note) = &change.note {
        session.note = tidy_note(note.as_deref())?;
    }
    Ok(save_version(store, record, Body::Session(session), now)?)
}

/// The same record holding `body`, one version newer whatever the clocks say. A body
/// the same as the stored one is not saved: the report says nothing changed.
pub fn save_version(
    store: &Store,
    record: &Record,
    body: Body,
    now: Stamp,
) -> Result<(Record, SaveReport), StoreError> {
    if body == record.body {
        return Ok((record.clone(), SaveReport::default()));
    }
    let updated = Record {
        updated_at: record.next_version(now),
        body,
        ..record.clone()
    };
    let report = store.save(updated.clone())?;
    Ok((updated, report))
}

/// Delete a record everywhere: its tombstone wins over every other version, and keeps
/// only its id, kind and times.
pub fn delete(store: &Store, record: &Record, now: Stamp) -> Result<Record, StoreError> {
    let gone = record.tombstone(now);
    store.save(gone.clone())?;
    // Heart beats kept beside a session go with it (nothing else is kept of a deletion).
    let _ = crate::store::beats::remove(&store.layout().state_dir, &record.id.to_string());
    Ok(gone)
}
