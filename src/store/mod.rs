//! The store: every byte attune keeps on disk. Records live in one JSON file per device
//! per month; reads union every device's files, writes touch only this device's files,
//! under its lock, by atomic replace.

pub mod atomic;
pub mod beats;
pub mod bounds;
pub mod choices;
pub mod crypt;
pub mod device;
pub mod draft_slot;
pub mod drafts;
pub mod layout;
pub mod lock;
pub mod marks;
pub mod merge;
pub mod model;
pub mod month_file;
pub mod month_set;
pub mod placement;
pub mod read;
pub use read::Months;
mod record_de;
pub mod stamp;
pub mod tidy;
pub(crate) mod write;

use chrono::NaiveDate;
use layout::Layout;
use merge::Merged;
use model::Record;
use month_file::FileProblem;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {cause}{}", out_of_room(cause))]
    Io { path: PathBuf, cause: io::Error },
    #[error("{path} could not be saved safely ({reason}); nothing was changed")]
    Unsavable { path: PathBuf, reason: String },
    #[error("{path} does not hold a usable device id; remove it and attune will make a new one")]
    BadDeviceId { path: PathBuf },
    /// A record outside the bounds every stored record keeps (a date no month file can
    /// hold, a value out of range): attune never writes one.
    #[error("this record cannot be saved: {reason}; nothing was changed")]
    OutOfBounds { reason: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What to add when a write failed for lack of room (a full disk, a quota, a file size
/// limit): the save stopped before replacing anything, so say that plainly.
fn out_of_room(cause: &io::Error) -> &'static str {
    use io::ErrorKind::{FileTooLarge, QuotaExceeded, StorageFull};
    match cause.kind() {
        StorageFull | QuotaExceeded | FileTooLarge => {
            "; nothing was saved; your earlier records are safe. Make some room and try again"
        }
        _ => "",
    }
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |cause| StoreError::Io {
        path: path.to_path_buf(),
        cause,
    }
}

/// What a read found: the merged records and any files that could not be used.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub merged: Merged,
    pub problems: Vec<FileProblem>,
    /// Records kept verbatim in the files read that this version cannot read (a newer
    /// kind, text it cannot decode, a date out of bounds); `attune doctor` names them.
    pub unreadable: usize,
}

/// How a save went.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SaveReport {
    /// Records whose stored version changed.
    pub changed: usize,
    /// Records already stored at this version or a newer one.
    pub unchanged: usize,
    /// Months whose own file could not be read, so the save went to a file beside it.
    pub beside: Vec<Beside>,
}

/// A save kept in a file beside a month file attune cannot read (and never overwrites).
#[derive(Debug, Clone, PartialEq)]
pub struct Beside {
    pub damaged: FileProblem,
    pub kept_in: PathBuf,
}

/// Saves that went beside a damaged file, gathered for a face to mention once (the
/// services that save hand back records, not reports). Clones share one list.
#[derive(Debug, Clone, Default)]
pub struct Notes(Arc<Mutex<Vec<Beside>>>);

impl Notes {
    fn add(&self, beside: &[Beside]) {
        let Ok(mut all) = self.0.lock() else { return };
        for b in beside {
            if !all.contains(b) {
                all.push(b.clone());
            }
        }
    }

    /// What was gathered since the last take.
    pub fn take(&self) -> Vec<Beside> {
        self.0
            .lock()
            .map(|mut all| std::mem::take(&mut *all))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone)]
pub struct Store {
    layout: Layout,
    /// None for a reader that has never written on this machine.
    device: Option<String>,
    notes: Notes,
}

impl Store {
    /// Open (and on first use create) the store: private folders and this device's id.
    pub fn open(layout: Layout) -> Result<Store> {
        for dir in [&layout.data_dir, &layout.records_dir(), &layout.state_dir] {
            atomic::create_private_dir(dir).map_err(io_at(dir))?;
        }
        let device = Some(device::get_or_create(&layout)?);
        crypt::key::load(&layout);
        Ok(Store {
            layout,
            device,
            notes: Notes::default(),
        })
    }

    /// A store for reading only: creates nothing, so a mistyped folder stays unmade.
    pub fn reader(layout: Layout) -> Result<Store> {
        let device = device::existing(&layout)?;
        crypt::key::load(&layout);
        Ok(Store {
            layout,
            device,
            notes: Notes::default(),
        })
    }

    /// Gather saves that went beside a damaged file into `notes`.
    pub fn with_notes(self, notes: Notes) -> Store {
        Store { notes, ..self }
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Saves that went beside a damaged file, for a face to mention once.
    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    /// This machine's device id ("" for a reader on a machine that has never saved).
    pub fn device(&self) -> &str {
        self.device.as_deref().unwrap_or("")
    }

    /// Every record from every device.
    pub fn load_all(&self) -> Result<Snapshot> {
        let records = self.layout.records_dir();
        read::load(&self.layout, read::Want::All).map_err(io_at(&records))
    }

    /// Records whose day (in their own offset) could fall in `from..=to`; opens only the
    /// month files holding records of those months, wherever they are filed. Callers
    /// filter days within the months themselves.
    pub fn load_range(&self, from: NaiveDate, to: NaiveDate) -> Result<Snapshot> {
        let months = layout::months_between(from, to);
        self.load_where(|m| months.iter().any(|x| x == m))
    }

    /// Records from the month holding `from` onwards, however far ahead.
    pub fn load_since(&self, from: NaiveDate) -> Result<Snapshot> {
        let first = layout::months_between(from, from).pop().unwrap_or_default();
        self.load_where(|m| m >= first.as_str())
    }

    /// Records a month at a time, of the months asked, in their order. The folders are
    /// listed once; `each` is given one month's records at a time, and answers whether
    /// to go on.
    pub fn load_each_month(
        &self,
        months: Months<'_>,
        mut each: impl FnMut(&str, Snapshot) -> bool,
    ) -> Result<()> {
        let records = self.layout.records_dir();
        read::load_each(&self.layout, months, &mut each).map_err(io_at(&records))
    }

    /// Records of exactly these months.
    pub fn load_months(&self, months: &[String]) -> Result<Snapshot> {
        self.load_where(|m| months.iter().any(|x| x == m))
    }

    fn load_where(&self, want: impl Fn(&str) -> bool) -> Result<Snapshot> {
        let records = self.layout.records_dir();
        read::load(&self.layout, read::Want::Months(&want)).map_err(io_at(&records))
    }

    /// Save one record (new, edited, or a tombstone).
    pub fn save(&self, record: Record) -> Result<SaveReport> {
        self.save_all(vec![record])
    }

    /// Save many records, writing each month file once. Holds this device's lock for the
    /// whole save, so a concurrent attune waits rather than losing either write. Every
    /// target file is checked before any is written.
    pub fn save_all(&self, records: Vec<Record>) -> Result<SaveReport> {
        if let Some(reason) = records.iter().find_map(|r| bounds::check(r).err()) {
            return Err(StoreError::OutOfBounds { reason });
        }
        let report = match &self.device {
            Some(device) => write::save_all(&self.layout, device, records)?,
            // A reader saving for the first time on this machine sets the store up first.
            None => Store::open(self.layout.clone())?.save_all(records)?,
        };
        self.notes.add(&report.beside);
        Ok(report)
    }
}

/// The month files (and conflict copies) in one device folder, oldest month first.
pub fn month_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let files = read::month_files(dir).map_err(io_at(dir))?;
    Ok(files.into_iter().map(|(_, path)| path).collect())
}
