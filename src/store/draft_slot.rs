//! One journal draft per running editor: `drafts/<slot>.json` beside `drafts/<slot>.lock`,
//! the lock held (flock) for as long as the process that writes the draft runs. A draft
//! whose lock nobody holds is an orphan (its window was closed or killed) and may be
//! offered back; a live window's draft never is, because its lock is held.

use super::atomic::{create_private_dir, set_mode, sync_dir};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// A draft slot this process holds: its lock stays taken until the slot is dropped.
#[derive(Debug)]
pub struct Slot {
    name: String,
    folder: PathBuf,
    _lock: File,
}

impl Slot {
    /// A new slot of this process's own in `folder`, named by its process id, and locked.
    pub fn claim(folder: &Path) -> io::Result<Slot> {
        create_private_dir(folder)?;
        let pid = std::process::id();
        for n in 1..10_000u32 {
            let name = format!("window-{pid}-{n}");
            let lock = folder.join(format!("{name}.lock"));
            // Never reuse a name another run left: its draft may still be waiting.
            if folder.join(format!("{name}.json")).exists() {
                continue;
            }
            match OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(file) => {
                    set_mode(&lock, 0o600)?;
                    match file.try_lock() {
                        Ok(()) => {
                            return Ok(Slot {
                                name,
                                folder: folder.to_path_buf(),
                                _lock: file,
                            });
                        }
                        Err(TryLockError::WouldBlock) => continue,
                        Err(TryLockError::Error(e)) => return Err(e),
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("no free draft slot"))
    }

    /// Take over an orphan's slot, if no running attune holds its lock (nor took it first).
    pub fn adopt(folder: &Path, name: &str) -> io::Result<Option<Slot>> {
        let lock = folder.join(format!("{name}.lock"));
        let file = match OpenOptions::new().write(true).open(&lock) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        let slot = Slot {
            name: name.to_string(),
            folder: folder.to_path_buf(),
            _lock: file,
        };
        // Its owner may have finished (draft saved, lock file removed) just before.
        Ok(slot.draft_path().exists().then_some(slot))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where this slot's draft is written.
    pub fn draft_path(&self) -> PathBuf {
        self.folder.join(format!("{}.json", self.name))
    }

    /// Let the slot go: its draft first, then its lock file (the lock is released on drop).
    pub fn release(self) -> io::Result<()> {
        match std::fs::remove_file(self.draft_path()) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let _ = std::fs::remove_file(self.folder.join(format!("{}.lock", self.name)));
        sync_dir(&self.folder).or(Ok(()))
    }
}

/// Slots in `folder` that have a draft, oldest name first (the caller tries to adopt them).
pub fn with_drafts(folder: &Path) -> io::Result<Vec<String>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    for entry in entries {
        let file = entry?.file_name();
        let Some(name) = file.to_str().and_then(|f| f.strip_suffix(".json")) else {
            continue;
        };
        if name.starts_with("window-") && folder.join(format!("{name}.lock")).exists() {
            names.push(name.to_string());
        }
    }
    names.sort();
    Ok(names)
}

/// Whether some slot's draft waits with nobody holding it (checked without taking it).
pub fn orphan_waiting(folder: &Path) -> bool {
    with_drafts(folder).is_ok_and(|names| {
        names.iter().any(|name| {
            OpenOptions::new()
                .write(true)
                .open(folder.join(format!("{name}.lock")))
                .is_ok_and(|f| f.try_lock().is_ok())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_slot_is_never_adopted_and_an_orphan_is_adopted_once() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("drafts");
        let a = Slot::claim(&folder).unwrap();
        let b = Slot::claim(&folder).unwrap();
        assert_ne!(a.name(), b.name(), "each editor its own slot");
        std::fs::write(a.draft_path(), b"{}").unwrap();
        std::fs::write(b.draft_path(), b"{}").unwrap();
        assert_eq!(with_drafts(&folder).unwrap().len(), 2);
        assert!(Slot::adopt(&folder, a.name()).unwrap().is_none(), "a is live");
        assert!(!orphan_waiting(&folder));
        // b's window goes away without cleaning up: its lock is released, its draft stays.
        let b_name = b.name().to_string();
        drop(b);
        assert!(orphan_waiting(&folder));
        let adopted = Slot::adopt(&folder, &b_name).unwrap().expect("an orphan");
        assert!(Slot::adopt(&folder, &b_name).unwrap().is_none(), "taken once");
        assert!(!orphan_waiting(&folder));
        adopted.release().unwrap();
        assert_eq!(with_drafts(&folder).unwrap(), [a.name().to_string()]);
    }

    #[test]
    fn a_new_slot_never_takes_the_name_of_a_waiting_draft() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("drafts");
        let a = Slot::claim(&folder).unwrap();
        std::fs::write(a.draft_path(), b"{}").unwrap();
        let name = a.name().to_string();
        drop(a);
        let b = Slot::claim(&folder).unwrap();
        assert_ne!(b.name(), name);
        assert!(Slot::adopt(&folder, &name).unwrap().is_some());
    }

    #[test]
    fn a_slot_without_a_draft_is_not_adopted() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("drafts");
        let a = Slot::claim(&folder).unwrap();
        let name = a.name().to_string();
        drop(a);
        assert!(Slot::adopt(&folder, &name).unwrap().is_none());
    }
}
