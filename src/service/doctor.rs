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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    Unreadable,
    Permissions { want: u32 },
    Leftover,
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
    for (_, dir) in layout::device_dirs(&layout.records_dir())? {
        report.devices += 1;
        check_mode(&mut report, &dir, 0o700);
        check_device(&mut report, &dir)?;
    }
    Ok(report)
}

fn check_device(report: &mut Report, dir: &Path) -> std::io::Result<()> {
    let files = month_files(dir).map_err(std::io::Error::other)?;
    for path in files {
        report.files += 1;
        check_mode(report, &path, 0o600);
        match month_file::read(&path)? {
            Ok(file) => report.records += file.records.len(),
            Err(problem) => report.findings.push(unreadable(&path, &problem)),
        }
    }
    for tmp in leftover_temps(dir)? {
        report.findings.push(Finding {
            what: "is a temporary file left by an attune that stopped mid-save".into(),
            todo: "it holds nothing that was acknowledged; `attune doctor --fix` removes it, and so does the next save".into(),
            path: tmp,
            kind: FindingKind::Leftover,
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
        match f.kind {
            FindingKind::Permissions { want } => set_mode(&f.path, want)?,
            FindingKind::Leftover => remove_leftover(layout, &f.path)?,
            FindingKind::Unreadable => continue,
        }
        fixed.push(f.clone());
    }
    Ok(fixed)
}

fn remove_leftover(layout: &Layout, path: &Path) -> std::io::Result<()> {
    let device = path
        .parent()
        .and_then(Path::file_name)
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A temp file is a leftover only if no writer holds its device's lock right now.
    let _lock = DeviceLock::acquire(&layout.lock_path(&device))?;
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
