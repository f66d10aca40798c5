//! The store: every byte attune keeps on disk. Records live in one JSON file per device
//! per month; reads union every device's files, writes touch only this device's files,
//! under its lock, by atomic replace.

pub mod atomic;
pub mod layout;
pub mod lock;
pub mod merge;
pub mod model;
pub mod month_file;

use chrono::NaiveDate;
use layout::Layout;
use lock::DeviceLock;
use merge::Merged;
use model::Record;
use month_file::{FileProblem, MonthFile};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{0}.\nattune will not write over it, so nothing was saved. `attune doctor` explains what to do."
    )]
    Unwritable(FileProblem),
    #[error("{path} does not hold a usable device id; remove it and attune will make a new one")]
    BadDeviceId { path: PathBuf },
}

pub type Result<T> = std::result::Result<T, StoreError>;

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a read found: the merged records and any files that could not be used.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub merged: Merged,
    pub problems: Vec<FileProblem>,
}

/// How a save went.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SaveReport {
    /// Records whose stored version changed.
    pub changed: usize,
    /// Records already stored at this version or a newer one.
    pub unchanged: usize,
}

#[derive(Debug, Clone)]
pub struct Store {
    layout: Layout,
    device: String,
}

impl Store {
    /// Open (and on first use create) the store: private folders and this device's id.
    pub fn open(layout: Layout) -> Result<Store> {
        for dir in [&layout.data_dir, &layout.records_dir(), &layout.state_dir] {
            atomic::create_private_dir(dir).map_err(io_at(dir))?;
        }
        let device = device_id(&layout)?;
        Ok(Store { layout, device })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn device(&self) -> &str {
        &self.device
    }

    /// Every record from every device.
    pub fn load_all(&self) -> Result<Snapshot> {
        self.load_where(|_| true)
    }

    /// Records whose day (in their own offset) could fall in `from..=to`; opens only the
    /// month files that range needs. Callers filter days within the months themselves.
    pub fn load_range(&self, from: NaiveDate, to: NaiveDate) -> Result<Snapshot> {
        let months = layout::months_between(from, to);
        self.load_where(|m| months.iter().any(|x| x == m))
    }

    fn load_where(&self, want_month: impl Fn(&str) -> bool) -> Result<Snapshot> {
        let records_dir = self.layout.records_dir();
        let mut paths = Vec::new();
        for (_, dir) in layout::device_dirs(&records_dir).map_err(io_at(&records_dir))? {
            for path in month_files(&dir)? {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                if name
                    .as_deref()
                    .and_then(layout::month_from_file_name)
                    .is_some_and(&want_month)
                {
                    paths.push(path);
                }
            }
        }
        Ok(read_files(&paths))
    }

    /// Save one record (new, edited, or a tombstone).
    pub fn save(&self, record: Record) -> Result<SaveReport> {
        self.save_all(vec![record])
    }

    /// Save many records, writing each month file once. Holds this device's lock for the
    /// whole save, so a concurrent attune waits rather than losing either write. Every
    /// target file is checked before any is written: a file attune cannot read stops the
    /// save before anything changes.
    pub fn save_all(&self, records: Vec<Record>) -> Result<SaveReport> {
        let dir = self.layout.device_dir(&self.device);
        atomic::create_private_dir(&dir).map_err(io_at(&dir))?;
        let lock_path = self.layout.lock_path(&self.device);
        if let Some(locks) = lock_path.parent() {
            atomic::create_private_dir(locks).map_err(io_at(locks))?;
        }
        let _lock = DeviceLock::acquire(&lock_path).map_err(io_at(&lock_path))?;
        remove_leftovers(&dir)?;

        let mut by_month: BTreeMap<String, Vec<Record>> = BTreeMap::new();
        for r in records {
            by_month.entry(r.month()).or_default().push(r);
        }
        let mut files = Vec::with_capacity(by_month.len());
        for month in by_month.keys() {
            let path = self.layout.month_path(&self.device, month);
            files.push((path.clone(), self.read_own(&path, month)?));
        }
        let mut report = SaveReport::default();
        for ((path, mut file), (_, incoming)) in files.into_iter().zip(by_month) {
            let changed = merge_into(&mut file, incoming);
            report.unchanged += changed.1;
            if changed.0 > 0 {
                report.changed += changed.0;
                atomic::write_atomic(&path, &file.to_bytes()).map_err(io_at(&path))?;
            }
        }
        Ok(report)
    }

    /// This device's month file as it is now, or a new empty one; never a file we
    /// cannot read, because saving would overwrite it.
    fn read_own(&self, path: &Path, month: &str) -> Result<MonthFile> {
        match month_file::read(path) {
            Ok(Ok(file)) => Ok(file),
            Ok(Err(problem)) => Err(StoreError::Unwritable(FileProblem {
                path: path.to_path_buf(),
                problem,
            })),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Ok(MonthFile::new(&self.device, month))
            }
            Err(e) => Err(io_at(path)(e)),
        }
    }
}

/// Read and merge month files, in order. (Parsing on two threads was tried: on a 2-core
/// machine it saved about a tenth of the time and cost 10 MB more at peak.)
fn read_files(paths: &[PathBuf]) -> Snapshot {
    let mut snap = Snapshot::default();
    for path in paths {
        match month_file::read_existing(path) {
            Ok(Some(file)) => snap.merged.extend(file.records),
            Ok(None) => {}
            Err(problem) => snap.problems.push(FileProblem {
                path: path.clone(),
                problem,
            }),
        }
    }
    snap
}

/// Merge `incoming` into a month file; returns (changed, unchanged) counts.
fn merge_into(file: &mut MonthFile, incoming: Vec<Record>) -> (usize, usize) {
    let mut merged = Merged::new();
    merged.extend(std::mem::take(&mut file.records));
    let (mut changed, mut unchanged) = (0, 0);
    for r in incoming {
        if merged.offer(r) {
            changed += 1;
        } else {
            unchanged += 1;
        }
    }
    file.records = merged.into_all();
    (changed, unchanged)
}

/// The month files in one device folder, oldest month first.
pub fn month_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_at(dir))? {
        let entry = entry.map_err(io_at(dir))?;
        if layout::month_from_file_name(&entry.file_name().to_string_lossy()).is_some() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Remove temp files a killed writer left; call only while holding the device lock.
fn remove_leftovers(dir: &Path) -> Result<()> {
    for tmp in atomic::leftover_temps(dir).map_err(io_at(dir))? {
        match std::fs::remove_file(&tmp) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_at(&tmp)(e)),
        }
    }
    Ok(())
}

/// Read this machine's device id, making one on first use. Two processes starting at
/// once agree on one id: the file is published with a hard link, which never replaces.
fn device_id(layout: &Layout) -> Result<String> {
    let path = layout.device_id_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => return valid_device_id(text.trim(), &path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_at(&path)(e)),
    }
    let id = uuid::Uuid::now_v7().simple().to_string();
    let tmp = layout
        .state_dir
        .join(format!("{}device-{id}", atomic::TEMP_PREFIX));
    atomic::write_private_new(&tmp, format!("{id}\n").as_bytes()).map_err(io_at(&tmp))?;
    let linked = std::fs::hard_link(&tmp, &path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            atomic::sync_dir(&layout.state_dir).map_err(io_at(&layout.state_dir))?;
            Ok(id)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(&path).map_err(io_at(&path))?;
            valid_device_id(text.trim(), &path)
        }
        Err(e) => Err(io_at(&path)(e)),
    }
}

fn valid_device_id(id: &str, path: &Path) -> Result<String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id.to_string())
    } else {
        Err(StoreError::BadDeviceId {
            path: path.to_path_buf(),
        })
    }
}
