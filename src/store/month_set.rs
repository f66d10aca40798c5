//! One device's files of one month, read together: the month's own file, any file
//! written beside it while it could not be read, and sync tools' copies of either. A save
//! folds every one it can read into the one file it writes, so a record that reached this
//! device only in a copy is never lost when the copy goes.

use super::layout::{Layout, Role};
use super::merge::{Merged, precedence};
use super::month_file::{self, FileProblem, MonthFile};
use super::read::listing;
use serde_json::Value;
use serde_json::value::RawValue;
use std::cmp::Ordering;
use std::path::PathBuf;

/// A file of the month other than the one a save writes.
#[derive(Debug)]
pub struct Other {
    pub path: PathBuf,
    pub role: Role,
    pub file: MonthFile,
}

#[derive(Debug)]
pub struct MonthSet {
    /// The file a save writes: the month's own file or, while that cannot be read, the
    /// first readable file beside it (or a new one).
    pub target: PathBuf,
    /// What the target holds now (empty when it does not exist yet).
    pub file: MonthFile,
    /// Why the month's own file cannot be read, when the target is beside it.
    pub damaged: Option<FileProblem>,
    /// Every other file of the month that reads. One that does not is left as it is, and
    /// reads report it.
    pub others: Vec<Other>,
}

impl MonthSet {
    /// Read this device's files of `month`.
    pub fn read(layout: &Layout, device: &str, month: &str) -> std::io::Result<MonthSet> {
        let main = layout.month_path(device, month);
        let mut set = MonthSet {
            target: main.clone(),
            file: MonthFile::new(device, month),
            damaged: None,
            others: Vec::new(),
        };
        match month_file::read_existing(&main) {
            Ok(Some(file)) => set.file = file,
            Ok(None) => {}
            Err(problem) => {
                set.damaged = Some(FileProblem {
                    path: main,
                    problem,
                });
            }
        }
        let files = match listing(&layout.device_dir(device)) {
            Ok(files) => files,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        let mut last_beside = 1;
        let mut chosen = false;
        // Listed in order: the lowest-numbered file beside the month's own comes first.
        for (_, role, path) in files.into_iter().filter(|(m, _, _)| m == month) {
            if let Role::Beside(n) = role {
                last_beside = last_beside.max(n);
            }
            if role == Role::Main {
                continue;
            }
            let Ok(Some(file)) = month_file::read_existing(&path) else {
                continue;
            };
            if set.damaged.is_some() && !chosen && role != Role::Copy {
                (set.target, set.file, chosen) = (path, file, true);
            } else {
                set.others.push(Other { path, role, file });
            }
        }
        if set.damaged.is_some() && !chosen {
            set.target = layout.beside_path(device, month, last_beside + 1);
        }
        Ok(set)
    }

    /// Fold every other file's records into the target's. Returns how many versions (and
    /// records kept verbatim) the target did not hold yet.
    pub fn fold(&mut self) -> usize {
        if self.others.is_empty() {
            return 0;
        }
        let mut merged = Merged::new();
        merged.extend(std::mem::take(&mut self.file.records));
        let mut gained = 0;
        for other in &self.others {
            for r in &other.file.records {
                gained += usize::from(merged.offer(r.clone()));
            }
            for raw in &other.file.unknown {
                if !holds_raw(&self.file.unknown, raw) {
                    self.file.unknown.push(raw.clone());
                    gained += 1;
                }
            }
        }
        self.file.records = merged.into_all();
        gained
    }
}

/// How many of `file`'s records `home` does not hold at the same version or a newer one;
/// records kept verbatim count as held only when `home_raw` holds the same JSON.
pub fn missing_from(file: &MonthFile, home: &Merged, home_raw: &[Box<RawValue>]) -> usize {
    let records = file.records.iter().filter(|r| {
        home.get(&r.id)
            .is_none_or(|h| precedence(h, r) == Ordering::Less)
    });
    let raw = file.unknown.iter().filter(|r| !holds_raw(home_raw, r));
    records.count() + raw.count()
}

/// Whether `all` holds a record with the same JSON as `raw` (spacing and key order aside).
pub fn holds_raw(all: &[Box<RawValue>], raw: &RawValue) -> bool {
    let value = |r: &RawValue| serde_json::from_str::<Value>(r.get()).ok();
    let want = value(raw);
    all.iter()
        .any(|r| r.get() == raw.get() || (want.is_some() && value(r) == want))
}
