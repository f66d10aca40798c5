//! Writing: under this device's lock, each month's files are re-read, merged with the new
//! versions, checked to read back, and the month's file replaced atomically. A file
//! attune cannot read is never written over: new records go to a file beside it.

use super::atomic;
use super::crypt;
use super::layout::Layout;
use super::lock::DeviceLock;
use super::merge::Merged;
use super::model::Record;
use super::month_file::{self, FileProblem, MonthFile, Problem};
use super::month_set::MonthSet;
use super::{Beside, Result, SaveReport, StoreError, io_at};
use age::x25519;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn save_all(layout: &Layout, device: &str, records: Vec<Record>) -> Result<SaveReport> {
    let dir = layout.device_dir(device);
    let _lock = lock(layout, device)?;
    remove_leftovers(&dir)?;
    let seal = sealing(layout)?;

    let mut by_month: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in records {
        by_month.entry(r.month()).or_default().push(r);
    }
    // Read every month first: a folder that cannot be read stops the save before
    // anything changes.
    let mut work = Vec::with_capacity(by_month.len());
    for (month, incoming) in by_month {
        let set = MonthSet::read(layout, device, &month).map_err(io_at(&dir))?;
        work.push((set, incoming));
    }
    let mut report = SaveReport::default();
    for (mut set, incoming) in work {
        // Every copy of the month this device can read goes into the file it writes.
        let folded = set.fold();
        let merged = merge_into(&mut set.file, incoming);
        report.unchanged += merged.unchanged;
        report.changed += merged.changed;
        if merged.changed + folded > 0 {
            write_file(&set.target, &set.file, seal.as_ref())?;
            // A month this device cannot open yet (it has not joined) is not damaged:
            // writing beside it is how a device that holds no key still saves.
            let locked = |d: &FileProblem| d.problem == Problem::Sealed(crypt::Why::NoKey);
            if let Some(damaged) = set.damaged.filter(|d| !locked(d)) {
                report.beside.push(Beside {
                    damaged,
                    kept_in: set.target,
                });
            }
        }
    }
    Ok(report)
}

/// Take this device's write lock, making its folders first.
pub fn lock(layout: &Layout, device: &str) -> Result<DeviceLock> {
    let dir = layout.device_dir(device);
    atomic::create_private_dir(&dir).map_err(io_at(&dir))?;
    let lock_path = layout.lock_path(device);
    if let Some(locks) = lock_path.parent() {
        atomic::create_private_dir(locks).map_err(io_at(locks))?;
    }
    DeviceLock::acquire(&lock_path).map_err(io_at(&lock_path))
}

/// The public key saves seal with, when the folder is encrypted. A marker that is there
/// but cannot be read stops the save: better nothing saved than saved unsealed.
pub fn sealing(layout: &Layout) -> Result<Option<x25519::Recipient>> {
    crypt::marker::read(layout)
        .map_err(|e| StoreError::Unsavable {
            path: crypt::marker::path(layout),
            reason: format!("{e}; {}", crate::copy::crypt::MARKER_UNUSABLE),
        })
        .map(|m| m.map(|m| m.recipient))
}

/// Replace one of this device's month files, checked to read back (and sealed when the
/// folder is encrypted); call only while holding the device lock.
pub fn write_file(path: &Path, file: &MonthFile, seal: Option<&x25519::Recipient>) -> Result<()> {
    let plain = checked_bytes(file, path)?;
    let bytes = match seal {
        Some(recipient) => sealed_bytes(recipient, plain, path)?,
        None => plain,
    };
    atomic::write_atomic(path, &bytes).map_err(io_at(path))
}

/// Plain bytes sealed; when this device holds the key, proven to open back the same.
fn sealed_bytes(recipient: &x25519::Recipient, plain: Vec<u8>, path: &Path) -> Result<Vec<u8>> {
    let unsavable = |reason: String| StoreError::Unsavable {
        path: path.to_path_buf(),
        reason,
    };
    let sealed = crypt::seal(recipient, &plain).map_err(|e| unsavable(e.to_string()))?;
    if crypt::holds(recipient) && crypt::open(sealed.clone()).as_ref() != Ok(&plain) {
        return Err(unsavable(crate::copy::crypt::WOULD_NOT_OPEN.into()));
    }
    Ok(sealed)
}

/// The file's bytes, proven to read back as the same records: attune never writes a file
/// it could not read again.
fn checked_bytes(file: &MonthFile, path: &Path) -> Result<Vec<u8>> {
    let unsavable = |reason: String| StoreError::Unsavable {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = file.to_bytes().map_err(|e| unsavable(e.to_string()))?;
    match month_file::parse(&bytes) {
        Ok(back) if back.records.len() == file.records.len() => Ok(bytes),
        Ok(_) => Err(unsavable("a record would not read back".into())),
        Err(problem) => Err(unsavable(problem.to_string())),
    }
}

/// Merge `incoming` into a month file.
fn merge_into(file: &mut MonthFile, incoming: Vec<Record>) -> SaveReport {
    let mut merged = Merged::new();
    merged.extend(std::mem::take(&mut file.records));
    let mut report = SaveReport::default();
    for r in incoming {
        if merged.offer(r) {
            report.changed += 1;
        } else {
            report.unchanged += 1;
        }
    }
    file.records = merged.into_all();
    report
}

/// Remove temp files a killed writer left; call only while holding the device lock.
fn remove_leftovers(dir: &Path) -> Result<()> {
    let temps: Vec<PathBuf> = atomic::leftover_temps(dir).map_err(io_at(dir))?;
    for tmp in temps {
        match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io_at(&tmp)(e)),
            _ => {}
        }
    }
    Ok(())
}
