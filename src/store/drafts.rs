//! The journal draft: the words being written, kept in local state (never in the data folder
//! that may be synced), one file per running editor (`drafts/window-….json`, see
//! `draft_slot`), private (0600) and replaced atomically, so a crash, a kill or a closed
//! terminal loses at most the last couple of seconds of typing. A draft is offered back
//! only when no running attune holds it. `drafts/current.json` (the single draft of earlier
//! versions, and words the command line keeps) is offered too, and moved into this
//! window's slot when it is. Setting a draft aside renames it with its time; nothing here
//! deletes words unasked.

use super::atomic::{create_private_dir, sync_dir, write_atomic};
use super::crypt;
use super::draft_slot::{self, Slot};
use super::model::{Record, Stamp};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use uuid::Uuid;

const FORMAT: &str = "attune-draft";
const VERSION: u32 = 1;

/// Everything the editor holds that the user put there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub version: u32,
    pub text: String,
    #[serde(default)]
    pub prompt_id: Option<String>,
    /// The prompt category the user chose, if any (expressive writing is opt-in).
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sensations: Vec<String>,
    #[serde(default)]
    pub feelings: Vec<String>,
    /// The practice the entry is written after.
    #[serde(default)]
    pub session_id: Option<Uuid>,
    /// The entry being edited, as it was when editing began.
    #[serde(default)]
    pub editing: Option<Record>,
    pub saved_at: Stamp,
}

impl Draft {
    /// A draft of the current format, saved at `at`.
    pub fn new(text: String, saved_at: Stamp) -> Draft {
        Draft {
            format: FORMAT.into(),
            version: VERSION,
            text,
            prompt_id: None,
            category: None,
            tags: Vec::new(),
            sensations: Vec::new(),
            feelings: Vec::new(),
            session_id: None,
            editing: None,
            saved_at,
        }
    }

    /// Whether there is anything in it worth offering back.
    pub fn has_words(&self) -> bool {
        !self.text.trim().is_empty()
            || !self.tags.is_empty()
            || !self.sensations.is_empty()
            || !self.feelings.is_empty()
    }
}

pub fn dir(state_dir: &Path) -> PathBuf {
    state_dir.join("drafts")
}

/// The draft every editor of earlier versions shared, and where the command line keeps
/// words it could not save when no such draft waits: nobody holds it, so it is offered.
pub fn path(state_dir: &Path) -> PathBuf {
    dir(state_dir).join("current.json")
}

/// This process's draft slot for each state folder it writes drafts in.
static SLOTS: Mutex<Option<HashMap<PathBuf, Slot>>> = Mutex::new(None);

fn slots() -> MutexGuard<'static, Option<HashMap<PathBuf, Slot>>> {
    SLOTS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Where this process's draft lives, claiming a slot for it on first use.
pub fn own_path(state_dir: &Path) -> io::Result<PathBuf> {
    let mut guard = slots();
    let map = guard.get_or_insert_with(HashMap::new);
    if let Some(slot) = map.get(state_dir) {
        return Ok(slot.draft_path());
    }
    let slot = Slot::claim(&dir(state_dir))?;
    let path = slot.draft_path();
    map.insert(state_dir.to_path_buf(), slot);
    Ok(path)
}

/// Write this window's draft atomically, private from its first byte.
pub fn write(state_dir: &Path, draft: &Draft) -> io::Result<()> {
    create_private_dir(&dir(state_dir))?;
    let bytes = serde_json::to_vec(draft).map_err(io::Error::other)?;
    write_atomic(&own_path(state_dir)?, &crypt::seal_local(bytes)?)
}

/// Whether a draft waits to be offered: this window's own, or one no running attune holds.
pub fn waiting(state_dir: &Path) -> bool {
    let own = slots()
        .as_ref()
        .and_then(|map| map.get(state_dir).map(Slot::draft_path));
    path(state_dir).exists()
        || own.is_some_and(|p| p.exists())
        || draft_slot::orphan_waiting(&dir(state_dir))
}

/// This window's own draft, else one left by an earlier run that no running attune holds,
/// taken over as this window's own. A file that cannot be read as a draft is set aside (kept, renamed) and
/// reported, never overwritten.
pub fn read(state_dir: &Path) -> io::Result<Option<Draft>> {
    let folder = dir(state_dir);
    let held = slots()
        .as_ref()
        .is_some_and(|map| map.contains_key(state_dir));
    if held {
        let own = own_path(state_dir)?;
        if own.exists() {
            return parse(state_dir, &own);
        }
    } else {
        for name in draft_slot::with_drafts(&folder)? {
            if let Some(slot) = Slot::adopt(&folder, &name)? {
                let file = slot.draft_path();
                slots()
                    .get_or_insert_with(HashMap::new)
                    .insert(state_dir.to_path_buf(), slot);
                return parse(state_dir, &file);
            }
        }
    }
    let legacy = path(state_dir);
    if !legacy.exists() {
        return Ok(None);
    }
    // Moved into this window's slot, so no other window is offered it too.
    let own = own_path(state_dir)?;
    if own.exists() {
        return parse(state_dir, &own);
    }
    match std::fs::rename(&legacy, &own) {
        Ok(()) => sync_dir(&folder)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    }
    parse(state_dir, &own)
}

fn parse(state_dir: &Path, file: &Path) -> io::Result<Option<Draft>> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    // A sealed draft waits, untouched, until this process holds the key.
    let bytes = match crypt::open(bytes) {
        Ok(bytes) => bytes,
        Err(crypt::Why::NoKey | crypt::Why::OtherKey) => {
            return Err(io::Error::other(crate::copy::crypt::DRAFT_SEALED));
        }
        Err(crypt::Why::Damaged(_)) => b"".to_vec(),
    };
    match serde_json::from_slice::<Draft>(&bytes) {
        Ok(d) if d.format == FORMAT && d.version <= VERSION => Ok(Some(d)),
        _ => {
            let kept = rename_aside(state_dir, "unreadable")?;
            Err(io::Error::other(format!(
                "a draft could not be read; it is kept in {}",
                kept.display()
            )))
        }
    }
}

/// Remove this window's draft: its entry was saved, or the user chose to discard it.
pub fn remove(state_dir: &Path) -> io::Result<()> {
    let slot = slots().as_mut().and_then(|map| map.remove(state_dir));
    match slot {
        Some(slot) => slot.release(),
        None => Ok(()),
    }
}

/// Keep words that could not be saved (an editor that failed, a save that was refused):
/// as the draft the journal offers back next time when there is none yet, else beside it
/// with their time. Returns where they are.
pub fn keep(state_dir: &Path, draft: &Draft) -> io::Result<PathBuf> {
    if !path(state_dir).exists() {
        write(state_dir, draft)?;
        return Ok(path(state_dir));
    }
    create_private_dir(&dir(state_dir))?;
    let label = draft.saved_at.format("%Y-%m-%d-%H%M%S").to_string();
    let target = free_name(&dir(state_dir), &label);
    let bytes = serde_json::to_vec(draft).map_err(io::Error::other)?;
    write_atomic(&target, &crypt::seal_local(bytes)?)?;
    Ok(target)
}

/// Keep the draft, renamed with its time, out of the way of new writing.
pub fn set_aside(state_dir: &Path, at: Stamp) -> io::Result<PathBuf> {
    rename_aside(state_dir, &at.format("%Y-%m-%d-%H%M%S").to_string())
}

/// A set-aside name in `folder` that no file has yet.
fn free_name(folder: &Path, label: &str) -> PathBuf {
    let mut target = folder.join(format!("set-aside-{label}.json"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = folder.join(format!("set-aside-{label}-{n}.json"));
    }
    target
}

fn rename_aside(state_dir: &Path, label: &str) -> io::Result<PathBuf> {
    let folder = dir(state_dir);
    let target = free_name(&folder, label);
    std::fs::rename(own_path(state_dir)?, &target)?;
    sync_dir(&folder)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at() -> Stamp {
        DateTime::parse_from_rfc3339("2026-11-27T09:30:00+01:00").unwrap()
    }

    #[test]
    fn a_draft_round_trips_privately_and_is_set_aside_not_lost() {
        let tmp = tempfile::tempdir().unwrap();
        let state = tmp.path();
        assert_eq!(read(state).unwrap(), None);
        let draft = Draft::new("words ✍️ שלום".into(), at());
        write(state, &draft).unwrap();
        assert_eq!(read(state).unwrap(), Some(draft.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(own_path(state).unwrap())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
            let mode = std::fs::metadata(dir(state)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let kept = set_aside(state, at()).unwrap();
        assert_eq!(read(state).unwrap(), None);
        let back: Draft = serde_json::from_slice(&std::fs::read(kept).unwrap()).unwrap();
        assert_eq!(back, draft);
        remove(state).unwrap();
    }

    #[test]
    fn a_broken_draft_is_kept_aside_and_reported() {
        let tmp = tempfile::tempdir().unwrap();
        create_private_dir(&dir(tmp.path())).unwrap();
        std::fs::write(path(tmp.path()), b"{not json").unwrap();
        assert!(read(tmp.path()).is_err());
        assert!(dir(tmp.path()).join("set-aside-unreadable.json").exists());
        assert_eq!(read(tmp.path()).unwrap(), None);
    }

    #[test]
    fn the_old_single_draft_is_offered_and_moved_into_this_windows_slot() {
        let tmp = tempfile::tempdir().unwrap();
        let state = tmp.path();
        create_private_dir(&dir(state)).unwrap();
        let draft = Draft::new("words from an older attune".into(), at());
        std::fs::write(path(state), serde_json::to_vec(&draft).unwrap()).unwrap();
        assert!(waiting(state));
        assert_eq!(read(state).unwrap(), Some(draft));
        assert!(!path(state).exists(), "moved, so no other window is offered it");
        assert!(own_path(state).unwrap().exists());
        remove(state).unwrap();
        assert!(!waiting(state));
        assert_eq!(read(state).unwrap(), None);
    }
}
