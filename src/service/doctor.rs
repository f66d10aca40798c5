//! `doctor`'s checks: every month file readable, folders and files private, nothing
//! unexpected in the records folders, no temp files left by a writer that died. It reads
//! and reports; `repair` fixes only what is safe (permissions, and this device's
//! leftovers under its lock), never a record file's contents.

use crate::store::atomic::{TEMP_PREFIX, create_private_dir, set_mode};
use crate::store::bounds;
use crate::store::layout::{self, Layout};
use crate::store::lock::DeviceLock;
use crate::store::model::Record;
use crate::store::month_file::{self, Problem};
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

    fn add(&mut self, path: &Path, what: impl Into<String>, todo: impl Into<String>, fix: Fix) {
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
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if layout::month_from_file_name(&name).is_some() {
            check_month_file(report, &path);
        } else if layout::month_from_copy_name(&name).is_some() {
            check_month_file(report, &path);
            report.add(&path, "is a sync tool's conflict copy of a month file", "attune reads its records too, so nothing is missing; once you have looked at it, you may delete it", Fix::None);
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
}

fn check_month_file(report: &mut Report, path: &Path) {
    report.files += 1;
    check_mode(report, path, 0o600);
    match month_file::read_existing(path) {
        Ok(file) => {
            let file = file.unwrap_or_else(|| month_file::MonthFile::new("", ""));
            report.records += file.records.len();
            check_unknown(report, path, &file);
        }
        Err(problem) => {
            let todo = unreadable_todo(&problem);
            report.add(path, problem.to_string(), todo, Fix::None);
        }
    }
}

/// Name the records kept verbatim: those out of bounds (with the first reason), and those
/// this version cannot read at all.
fn check_unknown(report: &mut Report, path: &Path, file: &month_file::MonthFile) {
    let out_of_bounds: Vec<String> = file
        .unknown
        .iter()
        .filter_map(|raw| Record::from_json(raw.get()).ok())
        .filter_map(|r| {
            bounds::check(&r)
                .err()
                .map(|why| format!("{}: {why}", r.id))
        })
        .collect();
    if let Some(first) = out_of_bounds.first() {
        let what = format!(
            "holds {} record(s) with values attune does not record (record {first}); they are kept unchanged and not counted",
            out_of_bounds.len()
        );
        report.add(path, what, "if they were edited by hand, mend the values; until then lists and trends leave them out", Fix::None);
    }
    let unreadable = file.unknown.len() - out_of_bounds.len();
    if unreadable > 0 {
        let what = format!(
            "holds {unreadable} record(s) this attune cannot read; they are kept unchanged"
        );
        report.add(path, what, "if a newer attune wrote them, update attune; if they were edited by hand, check their values", Fix::None);
    }
}

fn unreadable_todo(problem: &Problem) -> String {
    match problem {
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
        let what = format!("is open to others (mode {mode:o}, should be {want:o})");
        let todo = format!("`attune doctor --fix` or `chmod {want:o}` makes it private");
        report.add(path, what, todo, Fix::SetMode(want));
    }
}

#[cfg(not(unix))]
fn check_mode(_report: &mut Report, _path: &Path, _want: u32) {}

/// Fix what is safe to fix. Returns the findings that were fixed.
pub fn repair(
    layout: &Layout,
    device: Option<&str>,
    report: &Report,
) -> std::io::Result<Vec<Finding>> {
    let mut fixed = Vec::new();
    for f in &report.findings {
        match f.fix {
            Fix::None => continue,
            Fix::SetMode(want) => set_mode(&f.path, want)?,
            Fix::RemoveLeftover { locked } => {
                remove_leftover(layout, device.filter(|_| locked), &f.path)?
            }
        }
        fixed.push(f.clone());
    }
    Ok(fixed)
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
