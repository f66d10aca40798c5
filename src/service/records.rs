//! Reading records back and moving them in and out: history filters, the export
//! document, and import that adds only what is new.

use crate::domain::checkin::tidy;
use crate::store::bounds;
use crate::store::merge::precedence;
use crate::store::model::{Body, Kind, Record, Stamp};
use crate::store::month_file::FileProblem;
use crate::store::{SaveReport, Store, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

pub const EXPORT_FORMAT: &str = "attune-export";
pub const EXPORT_VERSION: u64 = 1;

/// Which records a reader wants; every part is optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub kind: Option<Kind>,
}

impl Filter {
    pub fn matches(&self, r: &Record) -> bool {
        let day = r.local_date();
        self.since.is_none_or(|s| day >= s)
            && self.until.is_none_or(|u| day <= u)
            && self.kind.is_none_or(|k| r.kind() == k)
    }
}

/// Live records matching `filter`, oldest first, and the files that could not be read.
/// Only the months the range needs are opened.
pub fn history(
    store: &Store,
    filter: &Filter,
) -> Result<(Vec<Record>, Vec<FileProblem>, usize), StoreError> {
    let snap = match (filter.since, filter.until) {
        (Some(since), Some(until)) => store.load_range(since, until)?,
        (Some(since), None) => store.load_since(since)?,
        _ => store.load_all()?,
    };
    let mut records = snap.merged.into_live();
    records.retain(|r| filter.matches(r));
    Ok((records, snap.problems, snap.unreadable))
}

/// One versioned document holding every live record: the way out of attune.
#[derive(Debug, Serialize, Deserialize)]
pub struct ExportDoc {
    pub format: String,
    pub version: u64,
    pub exported_at: String,
    pub records: Vec<Record>,
}

pub fn export(store: &Store, now: Stamp) -> Result<(ExportDoc, Vec<FileProblem>), StoreError> {
    let (records, problems, _) = history(store, &Filter::default())?;
    let doc = ExportDoc {
        format: EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        // The one format of every time attune writes: as the month files hold them.
        exported_at: now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        records,
    };
    Ok((doc, problems))
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("this is not an attune export ({0})")]
    NotExport(String),
    #[error("this export was written by a newer attune (version {0}); update attune to import it")]
    Newer(u64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Parse an export document, with a plain reason when it is not one.
pub fn parse_export(bytes: &[u8]) -> Result<ExportDoc, ImportError> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u64>,
    }
    let header: Header =
        serde_json::from_slice(bytes).map_err(|e| ImportError::NotExport(e.to_string()))?;
    if header.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotExport(format!("its \"format\" is not \"{EXPORT_FORMAT}\"")));
    }
    match header.version {
        Some(v) if v > EXPORT_VERSION => return Err(ImportError::Newer(v)),
        None => return Err(ImportError::NotExport("it has no \"version\"".into())),
        _ => {}
    }
    let doc: ExportDoc =
        serde_json::from_slice(bytes).map_err(|e| ImportError::NotExport(e.to_string()))?;
    for r in &doc.records {
        // The same bounds as every record attune writes; one outside them stops the import.
        let bad = |why: String| ImportError::NotExport(format!("record {}: {why}", r.id));
        bounds::check(r).map_err(bad)?;
        if let Body::Checkin(c) = &r.body {
            tidy(c.clone()).map_err(|e| bad(e.to_string()))?;
        }
    }
    Ok(doc)
}

/// Store the records that are new or newer than what is already here; importing the
/// same export twice adds nothing.
pub fn import(store: &Store, doc: ExportDoc) -> Result<SaveReport, ImportError> {
    import_records(store, doc.records)
}

/// Store the records that are new or newer than what is already here.
pub fn import_records(store: &Store, records: Vec<Record>) -> Result<SaveReport, ImportError> {
    let current = store.load_all()?;
    let mut fresh = Vec::new();
    let mut unchanged = 0;
    for r in records {
        match current.merged.get(&r.id) {
            Some(have) if precedence(&r, have) != Ordering::Greater => unchanged += 1,
            _ => fresh.push(r),
        }
    }
    let mut report = store.save_all(fresh)?;
    report.unchanged += unchanged;
    Ok(report)
}
