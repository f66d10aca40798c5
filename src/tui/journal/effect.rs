//! The journal screen's own actions and effects, and performing those effects against the
//! store and the draft file. Every result comes back as a `JournalAction`.

use crate::domain::journal::Filter;
use crate::service::journal::{delete, newest};
use crate::service::journal_index::search;
use crate::store::Store;
use crate::store::drafts::{self, Draft};
use crate::store::model::{Record, Stamp};
use crate::tui::action::Action;
use std::path::PathBuf;
use uuid::Uuid;

/// What the journal screen reacts to, beyond the app's shared actions.
#[derive(Clone, Debug, PartialEq)]
pub enum JournalAction {
    /// Open the journal (home's `j`).
    Open,
    /// Write about the practice just finished (the closing screen's `j`).
    WriteAfterPractice,
    /// Move the list's cursor by this many entries.
    Move(i16),
    Read,
    New,
    Edit,
    Delete,
    /// Bring back the entry just deleted.
    Undo,
    /// Put a star on the entry being read, or take it off.
    Star,
    Search,
    FilterTag,
    FilterWord,
    FilterDates,
    /// Show the filter keys.
    Filters,
    ClearFilters,
    Yes,
    No,
    /// The draft offer: carry on writing it.
    Restore,
    /// The draft offer: keep it in a file, out of the way.
    SetAside,
    /// Another prompt of the same kind.
    Another,
    /// Choose a prompt category.
    Categories,
    /// Write without a prompt.
    Freely,
    UndoText,
    RedoText,
    /// Carry on writing in the person's own editor ($VISUAL or $EDITOR).
    OutsideEditor,
    /// The words came back from the person's own editor (or it could not be opened).
    EditedOutside(Result<crate::service::outside_editor::Edited, String>),
    // Results of effects.
    DraftChecked(Result<Option<Box<Draft>>, String>),
    Loaded(Result<Page, String>),
    Opened(Result<Box<Record>, String>),
    Saved(Result<Box<Record>, String>),
    /// Saved, but as a new entry: the one being edited was deleted meanwhile.
    SavedAsNew(Box<Record>),
    DraftSaved(Result<(), String>),
    DraftRemoved(Result<(), String>),
    SetAsideDone(Result<PathBuf, String>),
    Deleted(Result<Box<Record>, String>),
    Starred(Result<Box<Record>, String>),
}

impl JournalAction {
    /// Whether this is the result of an effect (not something the user asked for).
    pub fn is_result(&self) -> bool {
        matches!(
            self,
            JournalAction::DraftChecked(_)
                | JournalAction::Loaded(_)
                | JournalAction::Opened(_)
                | JournalAction::Saved(_)
                | JournalAction::SavedAsNew(_)
                | JournalAction::DraftSaved(_)
                | JournalAction::DraftRemoved(_)
                | JournalAction::SetAsideDone(_)
                | JournalAction::Deleted(_)
                | JournalAction::Starred(_)
                | JournalAction::EditedOutside(_)
        )
    }
}

/// One load of the list: the entries, and whether there may be more.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub entries: Vec<Record>,
    /// The entries hold every field (false for search hits: open them to read in full).
    pub full: bool,
    pub more: bool,
    /// Files that could not be read.
    pub problems: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum JournalEffect {
    /// Look for a draft left by an earlier run.
    CheckDraft,
    Load {
        filter: Filter,
        limit: usize,
    },
    /// Read one entry in full.
    Open {
        id: Uuid,
        created_at: Stamp,
    },
    /// Save an entry (new or a newer version), then remove the draft.
    Save(Box<Record>),
    SaveDraft(Box<Draft>),
    RemoveDraft,
    SetAside {
        at: Stamp,
    },
    /// Write the tombstone of an entry whose undo is no longer offered.
    Delete {
        record: Box<Record>,
        at: Stamp,
    },
    /// Save the entry with its star on (or off).
    Star {
        record: Box<Record>,
        on: bool,
        at: Stamp,
    },
}

fn wrap(a: JournalAction) -> Action {
    Action::Journal(a)
}

fn text<T, E: ToString>(r: Result<T, E>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

/// Do one journal effect and report how it went.
pub fn perform(store: &Store, effect: JournalEffect) -> Action {
    let state = store.layout().state_dir.clone();
    wrap(match effect {
        JournalEffect::CheckDraft => {
            JournalAction::DraftChecked(text(drafts::read(&state)).map(|d| d.map(Box::new)))
        }
        JournalEffect::Load { filter, limit } => JournalAction::Loaded(load(store, filter, limit)),
        JournalEffect::Open { id, created_at } => {
            JournalAction::Opened(open(store, id, created_at).map(Box::new))
        }
        JournalEffect::Save(record) => {
            let saved = text(crate::service::journal::save_entry(store, *record));
            if saved.is_ok() {
                // The entry is safe; a draft left behind would only be offered twice.
                let _ = drafts::remove(&state);
            }
            match saved {
                Ok((record, true)) => JournalAction::SavedAsNew(Box::new(record)),
                other => JournalAction::Saved(other.map(|(record, _)| Box::new(record))),
            }
        }
        JournalEffect::SaveDraft(draft) => {
            JournalAction::DraftSaved(text(drafts::write(&state, &draft)))
        }
        JournalEffect::RemoveDraft => JournalAction::DraftRemoved(text(drafts::remove(&state))),
        JournalEffect::SetAside { at } => {
            JournalAction::SetAsideDone(text(drafts::set_aside(&state, at)))
        }
        JournalEffect::Delete { record, at } => {
            JournalAction::Deleted(text(delete(store, &record, at)).map(Box::new))
        }
        JournalEffect::Star { record, on, at } => JournalAction::Starred(
            text(crate::service::journal::set_star(store, &record, on, at))
                .map(|(r, _)| Box::new(r)),
        ),
    })
}

fn load(store: &Store, filter: Filter, limit: usize) -> Result<Page, String> {
    if filter.query.is_some() {
        let (hits, problems) = text(search(store, &filter))?;
        return Ok(Page {
            entries: hits
                .iter()
                .map(crate::service::journal_index::Entry::record)
                .collect(),
            full: false,
            more: false,
            problems: problems.len(),
        });
    }
    // One more than asked for says whether there are more.
    let (mut entries, problems) = text(newest(store, &filter, Some(limit + 1)))?;
    let more = entries.len() > limit;
    entries.truncate(limit);
    Ok(Page {
        entries,
        full: true,
        more,
        problems: problems.len(),
    })
}

fn open(store: &Store, id: Uuid, created_at: Stamp) -> Result<Record, String> {
    let month = created_at.format("%Y-%m").to_string();
    let snap = text(store.load_months(&[month]))?;
    snap.merged
        .get(&id)
        .filter(|r| r.is_live())
        .cloned()
        .ok_or_else(|| "that entry is no longer there".to_string())
}
