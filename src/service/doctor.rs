//! `doctor`'s checks: every month file readable, folders and files private, no temp
//! files left by a writer that died. It reads and reports; `repair` fixes only what is
//! safe to fix (permissions, leftovers under the lock), never a record file's contents.

use crate::store::atomic::{leftover_temps, set_mode};
use crate::store::layout::{self, Layout};
use crate::store::lock::DeviceLock;
use crate::store::month_file::{self, Problem};
use crate::store::month_files;
use std::path::{Path, PathBuf};

/// One thing that is not right, with what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: PathBuf,
    pub what: String,
    pub todo: String,
    pub kind: FindingKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    Unreadable,
    Permissions {
        want: u32,
    },
    /// A temp file; `device` names the folder whose lock guards it.
    Leftover {
        device: Option<String>,
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
}

/// Check everything under the data and state folders.
pub fn check(layout: &Layout) -> std::io::Result<Report> {
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
    for (device, dir) in layout::device_dirs(&layout.records_dir())? {
        report.devices += 1;
        check_mode(&mut report, &dir, 0o700);
        check_device(&mut report, &dir)?;
        report_leftovers(&mut report, &dir, Some(device))?;
    }
    if layout.state_dir.is_dir() {
        report_leftovers(&mut report, &layout.state_dir, None)?;
    }
    Ok(report)
}

fn check_device(report: &mut Report, dir: &Path) -> std::io::Result<()> {
    let files = month_files(dir).map_err(std::io::Error::other)?;
    for path in files {
        report.files += 1;
        check_mode(report, &path, 0o600);
        match month_file::read_existing(&path) {
            Ok(file) => report.records += file.map_or(0, |f| f.records.len()),
            Err(problem) => report.findings.push(unreadable(&path, &problem)),
        }
    }
    Ok(())
}

fn report_leftovers(
    report: &mut Report,
    dir: &Path,
    device: Option<String>,
) -> std::io::Result<()> {
    for tmp in leftover_temps(dir)? {
        report.findings.push(Finding {
            what: "is a temporary file left by an attune that stopped mid-save".into(),
            todo: "it holds nothing that was acknowledged; `attune doctor --fix` removes it".into(),
            path: tmp,
            kind: FindingKind::Leftover {
                device: device.clone(),
            },
        });
    }
    Ok(())
}

fn unreadable(path: &Path, problem: &Problem) -> Finding {
    let todo = match problem {
        Problem::Broken { line, column, .. } => format!(
            "attune has not changed it and leaves its records out until it reads again. Restore it from a backup or a synced copy, or mend the JSON by hand near line {line}, column {column}"
        ),
        Problem::Newer { .. } => {
            "update attune to read it; until then its records are left out and the file is never overwritten".into()
        }
        Problem::Foreign => "move it out of the records folder; attune keeps only its own files there".into(),
        Problem::Unopenable { .. } => {
            "make it a readable file again (check its permissions, or whether it is a link to something gone); until then its records are left out".into()
        }
    };
    Finding {
        path: path.to_path_buf(),
        what: problem.to_string(),
        todo,
        kind: FindingKind::Unreadable,
    }
}

#[cfg(unix)]
fn check_mode(report: &mut Report, path: &Path, want: u32) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & !want != 0 {
        report.findings.push(Finding {
            path: path.to_path_buf(),
            what: format!("can be read by others (mode {mode:o}, should be {want:o})"),
            todo: format!("`attune doctor --fix` or `chmod {want:o}` makes it private"),
            kind: FindingKind::Permissions { want },
        });
    }
}

#[cfg(not(unix))]
fn check_mode(_report: &mut Report, _path: &Path, _want: u32) {}

/// Fix what is safe to fix: tighten permissions, and remove leftover temp files while
/// holding the owning device's lock. Returns the findings that were fixed.
pub fn repair(layout: &Layout, report: &Report) -> std::io::Result<Vec<Finding>> {
    let mut fixed = Vec::new();
    for f in &report.findings {
        match &f.kind {
            FindingKind::Permissions { want } => set_mode(&f.path, *want)?,
            FindingKind::Leftover { device } => {
                remove_leftover(layout, device.as_deref(), &f.path)?
            }
            FindingKind::Unreadable => continue,
        }
        fixed.push(f.clone());
    }
    Ok(fixed)
}

fn remove_leftover(layout: &Layout, device: Option<&str>, path: &Path) -> std::io::Result<()> {
    // A records temp file is a leftover only if no writer holds its device's lock now.
    let _lock = match device {
        Some(d) => Some(DeviceLock::acquire(&layout.lock_path(d))?),
        None => None,
    };
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
