//! Reading: which files a read opens, and merging what they hold. A file or folder that
//! cannot be used is reported and left out; the read goes on with the rest. Every record
//! is placed by its own month, whichever file holds it.

use super::Snapshot;
use super::layout::{self, Layout, Role};
use super::model::Record;
use super::month_file::{self, FileProblem, MonthFile, Problem};
use super::placement::{Placement, fingerprint};
use chrono::Datelike;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The month files (those beside a damaged one, and sync tools' conflict copies, too) in
/// one device folder, with their months, oldest first.
pub fn month_files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    Ok(listing(dir)?
        .into_iter()
        .map(|(month, _, path)| (month, path))
        .collect())
}

/// Every month file in one device folder with its month and role, oldest month first and
/// each month's own file before the others.
pub fn listing(dir: &Path) -> std::io::Result<Vec<(String, Role, PathBuf)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((month, role)) = layout::classify(&name) {
            files.push((month.to_string(), role, entry.path()));
        }
    }
    files.sort();
    Ok(files)
}

/// What a read wants: every record, or the records of the months the test accepts.
pub enum Want<'a> {
    All,
    Months(&'a dyn Fn(&str) -> bool),
}

/// Read the records `want` asks for from every device, placing each record by its own
/// month wherever its file is (see `placement`).
pub fn load(layout: &Layout, want: Want<'_>) -> std::io::Result<Snapshot> {
    let mut snap = Snapshot::default();
    let files = list(layout, &mut snap.problems)?;
    let Want::Months(want) = want else {
        for (_, _, path) in files {
            if let Some(file) = read_one(&mut snap, path) {
                snap.unreadable += file.unknown.len();
                snap.merged.extend(file.records);
            }
        }
        return Ok(snap);
    };
    let mut placement = Placement::load(layout);
    for (key, month, path) in files {
        let fp = fingerprint(&path);
        let known = fp.and_then(|fp| placement.months_of(&key, fp)).cloned();
        if let Some(known) = &known
            && !known.iter().any(|m| want(m))
        {
            continue;
        }
        // Opened because it holds a month wanted, or to learn what it holds.
        let held = match month_file::read_existing(&path) {
            Ok(Some(file)) => {
                let held = held_months(&file, &month);
                if held.iter().any(|m| want(m)) {
                    snap.unreadable += file.unknown.len();
                    snap.merged.extend(file.records);
                }
                held
            }
            Ok(None) => continue,
            Err(problem) => {
                // What it holds is unknown: it is reported for the month of its name.
                if want(&month) {
                    snap.problems.push(FileProblem { path, problem });
                }
                BTreeSet::from([month])
            }
        };
        if known.is_none()
            && let Some(fp) = fp
        {
            placement.learn(&key, fp, held);
        }
    }
    placement.keep();
    snap.merged.retain(|r| want(&r.month()));
    Ok(snap)
}

/// Which months `load_each` reads, in its order.
pub enum Months<'a> {
    /// These, in this order.
    These(&'a [String]),
    /// Every month a file holds that the test accepts, newest first.
    NewestFirst(&'a dyn Fn(&str) -> bool),
    /// Every month a file holds that the test accepts, oldest first.
    OldestFirst(&'a dyn Fn(&str) -> bool),
}

/// `load` of several months, one month at a time, in the order asked: the folders are
/// listed and the placement read once, then each month's files are read and merged and
/// the month's records handed to `each` and let go, so only one month is held at once.
/// `each` answers whether to go on. The folders' own problems come with the first month;
/// a file that cannot be opened comes with the month of its name.
pub fn load_each(
    layout: &Layout,
    months: Months<'_>,
    each: &mut dyn FnMut(&str, Snapshot) -> bool,
) -> std::io::Result<()> {
    let mut first = Vec::new();
    let files = list(layout, &mut first)?;
    let mut placement = Placement::load(layout);
    let mut held_by = Vec::with_capacity(files.len());
    for (key, month, path) in files {
        let fp = fingerprint(&path);
        if let Some(known) = fp.and_then(|fp| placement.months_of(&key, fp)) {
            held_by.push((known.clone(), path, None));
            continue;
        }
        // Not yet known: opened to learn what it holds (and read again with its month).
        match month_file::read_existing(&path) {
            Ok(Some(file)) => {
                let held = held_months(&file, &month);
                if let Some(fp) = fp {
                    placement.learn(&key, fp, held.clone());
                }
                held_by.push((held, path, None));
            }
            Ok(None) => {}
            Err(problem) => held_by.push((BTreeSet::from([month]), path, Some(problem))),
        }
    }
    placement.keep();
    let mut every: Vec<String>;
    let months = match months {
        Months::These(months) => months,
        Months::NewestFirst(want) | Months::OldestFirst(want) => {
            let all: BTreeSet<&String> = held_by.iter().flat_map(|(held, ..)| held).collect();
            every = all.into_iter().filter(|m| want(m)).cloned().collect();
            if matches!(months, Months::NewestFirst(_)) {
                every.reverse();
            }
            &every
        }
    };
    for month in months {
        let mut snap = Snapshot {
            problems: std::mem::take(&mut first),
            ..Snapshot::default()
        };
        for (held, path, problem) in &held_by {
            if !held.contains(month) {
                continue;
            }
            if let Some(problem) = problem {
                let (path, problem) = (path.clone(), problem.clone());
                snap.problems.push(FileProblem { path, problem });
            } else if let Some(file) = read_one(&mut snap, path.clone()) {
                snap.unreadable += file.unknown.len();
                snap.merged.extend(file.records);
            }
        }
        snap.merged.retain(|r| r.month() == *month);
        if !each(month, snap) {
            break;
        }
    }
    Ok(())
}

/// Every month file of every device: its key below the records folder, the month of its
/// name, and its path. A device folder that cannot be listed is reported.
fn list(
    layout: &Layout,
    problems: &mut Vec<FileProblem>,
) -> std::io::Result<Vec<(String, String, PathBuf)>> {
    let mut files = Vec::new();
    let records = layout.records_dir();
    let devices = match layout::device_dirs(&records) {
        Ok(devices) => devices,
        Err(_) if records.is_file() => {
            problems.push(FileProblem {
                path: records,
                problem: Problem::Unopenable {
                    reason: format!("it {}", crate::copy::store::RECORDS_IS_A_FILE),
                },
            });
            return Ok(files);
        }
        Err(e) => return Err(e),
    };
    for path in stray_files(&records) {
        problems.push(FileProblem {
            path,
            problem: Problem::Unopenable {
                reason: format!("it {}", crate::copy::store::STRAY_IN_RECORDS),
            },
        });
    }
    for (device, dir) in devices {
        match listing(&dir) {
            Ok(found) => files.extend(found.into_iter().map(|(month, _, path)| {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                (format!("{device}/{}", name.unwrap_or_default()), month, path)
            })),
            Err(e) => problems.push(FileProblem {
                path: dir,
                problem: Problem::Unopenable {
                    reason: e.to_string(),
                },
            }),
        }
    }
    Ok(files)
}

/// One file read; a problem is reported in the snapshot.
fn read_one(snap: &mut Snapshot, path: PathBuf) -> Option<MonthFile> {
    match month_file::read_existing(&path) {
        Ok(file) => file,
        Err(problem) => {
            snap.problems.push(FileProblem { path, problem });
            None
        }
    }
}

/// The months a file's records belong to, and the month of its name.
fn held_months(file: &MonthFile, month: &str) -> BTreeSet<String> {
    let mut held: BTreeSet<String> = months_of(&file.records).collect();
    held.insert(month.to_string());
    held
}

/// The months `records` belong to, each written once per run of records of one month: a
/// file's records are nearly all of its own month, and writing the month out for every
/// record was a sixteenth of reading all of history.
fn months_of(records: &[Record]) -> impl Iterator<Item = String> + '_ {
    let mut last = None;
    records.iter().filter_map(move |r| {
        let day = r.local_date();
        let month = Some((day.year(), day.month()));
        (std::mem::replace(&mut last, month) != month).then(|| r.month())
    })
}

/// How many bytes the month files named for `months` hold, over every device (conflict
/// copies too), found from the folders' listings without opening a file. Stops counting
/// once past `limit`, so a caller that only wants to know "small enough?" pays little.
pub fn named_bytes(layout: &Layout, months: &[String], limit: u64) -> std::io::Result<u64> {
    let mut total = 0u64;
    for (_, dir) in layout::device_dirs(&layout.records_dir())? {
        let Ok(found) = listing(&dir) else { continue };
        for (month, _, path) in found {
            if months.contains(&month) {
                total = total.saturating_add(std::fs::metadata(&path).map_or(0, |m| m.len()));
                if total > limit {
                    return Ok(total);
                }
            }
        }
    }
    Ok(total)
}

/// Files (not folders) directly in the records folder, where only device folders belong.
pub fn stray_files(records: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(records) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.is_dir())
        .collect();
    found.sort();
    found
}
