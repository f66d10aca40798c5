//! Turning every month file in the folder sealed (`encrypt on`) or plain again
//! (`encrypt off`), one file at a time, each by atomic replace: a stop at any moment
//! leaves each file whole, plain or sealed, and running again carries on where it
//! stopped. A file attune cannot read is never written over; it is named instead.

use super::{held_for, is_sealed, open, seal};
use crate::store::atomic::{leftover_temps, write_atomic};
use crate::store::layout::{Layout, device_dirs};
use crate::store::month_file;
use crate::store::placement::fingerprint;
use crate::store::read::listing;
use crate::store::write::lock;
use crate::store::{Result, io_at};
use age::x25519;
use std::path::{Path, PathBuf};

/// Which way the files are turned.
pub enum Way<'a> {
    Seal(&'a x25519::Recipient),
    Open,
}

/// How a conversion went.
#[derive(Debug, Default)]
pub struct Tally {
    /// Files turned this run.
    pub turned: usize,
    /// Files that were already as wanted.
    pub already: usize,
    /// Files left as they were, with why (named to the user, never written over).
    pub left: Vec<(PathBuf, String)>,
}

/// Turn every month file of every device (sync tools' copies too). Each device folder is
/// turned under that device's lock here, so this machine's own saves wait meanwhile.
pub fn all(layout: &Layout, way: &Way<'_>) -> Result<Tally> {
    let mut tally = Tally::default();
    let records = layout.records_dir();
    for (device, dir) in device_dirs(&records).map_err(io_at(&records))? {
        let _lock = lock(layout, &device)?;
        remove_temps(&dir)?;
        for (_, _, path) in listing(&dir).map_err(io_at(&dir))? {
            turn(&path, way, &mut tally)?;
        }
    }
    Ok(tally)
}

/// Temp files a killed run left (an `off` stopped mid-write leaves plain bytes in one):
/// nothing reads them, and none may outlive a change of the folder's encryption.
fn remove_temps(dir: &Path) -> Result<()> {
    for tmp in leftover_temps(dir).map_err(io_at(dir))? {
        match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_at(&tmp)(e)),
            _ => {}
        }
    }
    Ok(())
}

fn turn(path: &Path, way: &Way<'_>, tally: &mut Tally) -> Result<()> {
    let before = fingerprint(path);
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        // Gone since the listing (a sync tool removed it): nothing to turn.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            tally.left.push((path.to_path_buf(), e.to_string()));
            return Ok(());
        }
    };
    let wanted = match way {
        Way::Seal(recipient) => sealed(path, recipient, bytes),
        Way::Open => opened(bytes),
    };
    let new = match wanted {
        Turn::Already => {
            tally.already += 1;
            return Ok(());
        }
        Turn::Leave(why) => {
            tally.left.push((path.to_path_buf(), why));
            return Ok(());
        }
        Turn::Write(new) => new?,
    };
    // Another writer (a sync tool bringing a newer copy) got there first: leave it be,
    // and the next run turns the newer file.
    if fingerprint(path) != before {
        let why = crate::copy::crypt::CHANGED_MEANWHILE.to_string();
        tally.left.push((path.to_path_buf(), why));
        return Ok(());
    }
    write_atomic(path, &new).map_err(io_at(path))?;
    tally.turned += 1;
    Ok(())
}

enum Turn {
    Already,
    Leave(String),
    Write(Result<Vec<u8>>),
}

/// The sealed form of a plain file, proven to open back to the very same bytes. A file
/// sealed to another key this device holds (an `encrypt off` stopped halfway, then `on`
/// with a new key) is sealed again to the folder's key, so every device that joins
/// reads it.
fn sealed(path: &Path, recipient: &x25519::Recipient, bytes: Vec<u8>) -> Turn {
    let bytes = if is_sealed(&bytes) {
        if opens_with(recipient, &bytes) {
            return Turn::Already;
        }
        match open(bytes) {
            Ok(plain) => plain,
            Err(why) => return Turn::Leave(month_file::Problem::Sealed(why).to_string()),
        }
    } else {
        bytes
    };
    if let Err(problem) = month_file::parse(&bytes) {
        return Turn::Leave(problem.to_string());
    }
    let unsavable = |reason: String| crate::store::StoreError::Unsavable {
        path: path.to_path_buf(),
        reason,
    };
    let new = seal(recipient, &bytes)
        .map_err(|e| unsavable(e.to_string()))
        .and_then(|new| match open(new.clone()) {
            Ok(back) if back == bytes => Ok(new),
            _ => Err(unsavable(crate::copy::crypt::WOULD_NOT_OPEN.into())),
        });
    Turn::Write(new)
}

/// Whether sealed bytes open with the key of `recipient` (held in this process).
fn opens_with(recipient: &x25519::Recipient, bytes: &[u8]) -> bool {
    let Some(identity) = held_for(recipient) else {
        return false;
    };
    age::decrypt(&identity, bytes).is_ok()
}

/// The plain form of a sealed file: exactly the bytes that were sealed.
fn opened(bytes: Vec<u8>) -> Turn {
    if !is_sealed(&bytes) {
        return Turn::Already;
    }
    match open(bytes) {
        Ok(plain) => Turn::Write(Ok(plain)),
        Err(why) => Turn::Leave(month_file::Problem::Sealed(why).to_string()),
    }
}
