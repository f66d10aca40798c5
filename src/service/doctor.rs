//! `doctor`'s checks: folders and files private, nothing unexpected in the records
//! folders, no temp files left by a writer that died, and (in `doctor_files`) every month
//! file. It reads and reports; `repair` fixes only what is safe: permissions, this
//! device's leftovers under its lock, and this device's own month files tidied by the
//! store (copies folded in and removed once held in full), never by dropping a record.

use super::doctor_files::check_files;
use crate::store::atomic::{TEMP_PREFIX, create_private_dir, set_mode};
use crate::store::layout::{self, Layout};
use crate::store::lock::DeviceLock;
use crate::store::tidy::tidy;
use std::path::{Path, PathBuf};

/// One thing that is not right, with what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: PathBuf,
    pub what: String,
    pub todo: String,
    pub fix: Fix,
}

/// What `doctor --fix` may do about a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Nothing: the user decides.
    None,
    SetMode(u32),
    /// Remove a temp file, holding this device's lock if it is in the records folder.
    RemoveLeftover {
        locked: bool,
    },
    /// Tidy this device's files of the month (see `store::tidy`): fold copies in, slim
    /// old tombstones, move records to their own month, remove copies held in full.
    Tidy {
        month: String,
    },
}

#[derive(Debug, Default)]
pub struct Report {
    pub devices: usize,
    pub files: usize,
    pub records: usize,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn healthy(&self) -> bool {
        self.findings.is_empty()
    }

    pub(super) fn add(
        &mut self,
        path: &Path,
        what: impl Into<String>,
        todo: impl Into<String>,
        fix: Fix,
    ) {
        self.findings.push(Finding {
            path: path.to_path_buf(),
            what: what.into(),
            todo: todo.into(),
            fix,
        });
    }
}

/// Check everything under the data and state folders. `device` is this machine's id.
pub fn check(layout: &Layout, device: Option<&str>) -> std::io::Result<Report> {
    let mut report = Report::default();
    for dir in [&layout.data_dir, &layout.records_dir(), &layout.state_dir] {
        check_mode(&mut report, dir, 0o700);
    }
    check_mode(&mut report, &layout.device_id_path(), 0o600);
    let locks = layout.state_dir.join("locks");
    if locks.is_dir() {
        check_mode(&mut report, &locks, 0o700);
        for entry in std::fs::read_dir(&locks)? {
            check_mode(&mut report, &entry?.path(), 0o600);
        }
    }
    for (name, dir) in layout::device_dirs(&layout.records_dir())? {
        report.devices += 1;
        check_mode(&mut report, &dir, 0o700);
        check_device(&mut report, &dir, device == Some(name.as_str()));
    }
    if layout.state_dir.is_dir() {
        for entry in std::fs::read_dir(&layout.state_dir)? {
            let path = entry?.path();
            if is_temp(&path) {
                report.add(
                    &path,
                    LEFTOVER,
                    "it holds nothing you saved; `attune doctor --fix` removes it",
                    Fix::RemoveLeftover { locked: false },
                );
            }
        }
    }
    Ok(report)
}

const LEFTOVER: &str = "is a temporary file left by an attune that stopped mid-save";

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
}

fn check_device(report: &mut Report, dir: &Path, ours: bool) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let what = format!("cannot be opened ({e}), so its records are left out");
            report.add(
                dir,
                what,
                "make the folder readable again (check its permissions)",
                Fix::None,
            );
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut month_files = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((month, role)) = layout::classify(&name) {
            month_files.push((month.to_string(), role, path));
        } else if is_temp(&path) && ours {
            report.add(&path, LEFTOVER, "it holds nothing you saved; `attune doctor --fix` removes it, and so does the next save", Fix::RemoveLeftover { locked: true });
        } else if is_temp(&path) {
            report.add(&path, "is a temporary file in another device's folder", "that device tidies it on its next save; if that device is gone for good, you may delete it", Fix::None);
        } else {
            report.add(
                &path,
                "is not an attune file, so attune ignores it",
                "move it out of the records folder if it is yours",
                Fix::None,
            );
        }
    }
    check_files(report, month_files, ours);
}

#[cfg(unix)]
pub(super) fn check_mode(report: &mut Report, path: &Path, want: u32) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & !want != 0 {
        let what = format!("is open to others (mode {mode:o}, should be {want:o})");
        let todo = format!("`attune doctor --fix` or `chmod {want:o}` makes it private");
        report.add(path, what, todo, Fix::SetMode(want));
    }
}

#[cfg(not(unix))]
pub(super) fn check_mode(_report: &mut Report, _path: &Path, _want: u32) {}

/// Fix what is safe to fix. The caller checks again to see what is fixed.
pub fn repair(layout: &Layout, device: Option<&str>, report: &Report) -> std::io::Result<()> {
    let mut months = Vec::new();
    for f in &report.findings {
        match &f.fix {
            Fix::None => {}
            Fix::SetMode(want) => set_mode(&f.path, *want)?,
            Fix::RemoveLeftover { locked } => {
                remove_leftover(layout, device.filter(|_| *locked), &f.path)?
            }
            Fix::Tidy { month } if !months.contains(month) => months.push(month.clone()),
            Fix::Tidy { .. } => {}
        }
    }
    if let (Some(device), false) = (device, months.is_empty()) {
        tidy(layout, device, &months).map_err(std::io::Error::other)?;
    }
    Ok(())
}

fn remove_leftover(layout: &Layout, device: Option<&str>, path: &Path) -> std::io::Result<()> {
    // A records temp file is a leftover only if no writer holds this device's lock now.
    let _lock = match device {
        Some(d) => {
            let lock = layout.lock_path(d);
            if let Some(dir) = lock.parent() {
                create_private_dir(dir)?;
            }
            Some(DeviceLock::acquire(&lock)?)
        }
        None => None,
    };
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
