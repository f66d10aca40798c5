//! Writing: under this device's lock, each month's files are re-read, merged with the new
//! versions, checked to read back, and the month's file replaced atomically. A file
//! attune cannot read is never written over: new records go to a file beside it.

use super::atomic;
use super::layout::Layout;
use super::lock::DeviceLock;
use super::merge::Merged;
use super::model::Record;
use super::month_file::{self, MonthFile};
use super::month_set::MonthSet;
use super::{Beside, Result, SaveReport, StoreError, io_at};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn save_all(layout: &Layout, device: &str, records: Vec<Record>) -> Result<SaveReport> {
    let dir = layout.device_dir(device);
    let _lock = lock(layout, device)?;
    remove_leftovers(&dir)?;

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
            write_file(&set.target, &set.file)?;
            if let Some(damaged) = set.damaged {
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

/// Replace one of this device's month files, checked to read back; call only while
/// holding the device lock.
pub fn write_file(path: &Path, file: &MonthFile) -> Result<()> {
    atomic::write_atomic(path, &checked_bytes(file, path)?).map_err(io_at(path))
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
