//! Writing: under this device's lock, each month file is re-read, merged with the new
//! versions, checked to read back, and replaced atomically. A file attune cannot read is
//! never written over.

use super::atomic;
use super::layout::Layout;
use super::lock::DeviceLock;
use super::merge::Merged;
use super::model::Record;
use super::month_file::{self, FileProblem, MonthFile};
use super::{Result, SaveReport, StoreError, io_at};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn save_all(layout: &Layout, device: &str, records: Vec<Record>) -> Result<SaveReport> {
    let dir = layout.device_dir(device);
    atomic::create_private_dir(&dir).map_err(io_at(&dir))?;
    let lock_path = layout.lock_path(device);
    if let Some(locks) = lock_path.parent() {
        atomic::create_private_dir(locks).map_err(io_at(locks))?;
    }
    let _lock = DeviceLock::acquire(&lock_path).map_err(io_at(&lock_path))?;
    remove_leftovers(&dir)?;

    let mut by_month: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in records {
        by_month.entry(r.month()).or_default().push(r);
    }
    // Read every target first: one unreadable file stops the save before anything changes.
    let mut work = Vec::with_capacity(by_month.len());
    for (month, incoming) in by_month {
        let path = layout.month_path(device, &month);
        let file = read_own(&path, device, &month)?;
        work.push((path, file, incoming));
    }
    let mut report = SaveReport::default();
    for (path, mut file, incoming) in work {
        let merged = merge_into(&mut file, incoming);
        report.unchanged += merged.unchanged;
        if merged.changed > 0 {
            report.changed += merged.changed;
            atomic::write_atomic(&path, &checked_bytes(&file, &path)?).map_err(io_at(&path))?;
        }
    }
    Ok(report)
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

/// This device's month file as it is now, or a new empty one; never a file we cannot
/// read, because saving would overwrite it.
fn read_own(path: &Path, device: &str, month: &str) -> Result<MonthFile> {
    match month_file::read_existing(path) {
        Ok(Some(file)) => Ok(file),
        Ok(None) => Ok(MonthFile::new(device, month)),
        Err(problem) => Err(StoreError::Unwritable(FileProblem {
            path: path.to_path_buf(),
            problem,
        })),
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
