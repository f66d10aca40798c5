//! `doctor`'s checks: folders and files private (the whole state folder too), nothing
//! unexpected in the records folders, no temp files left by a writer that died, links out
//! of attune's folders named, and (in `doctor_files`) every month file. It reads and reports; `repair` fixes only what is safe: permissions, this
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
    for dir in [&layout.data_dir, &layout.records_dir()] {
        check_mode(&mut report, dir, 0o700);
    }
    check_state(&mut report, layout)?;
    super::doctor_crypt::check_encryption(&mut report, layout);
    let records = layout.records_dir();
    if records.is_file() {
        use crate::copy::store::{RECORDS_IS_A_FILE, RECORDS_IS_A_FILE_TODO};
        report.add(&records, RECORDS_IS_A_FILE, RECORDS_IS_A_FILE_TODO, Fix::None);
        return Ok(report);
    }
    for stray in crate::store::read::stray_files(&records) {
        use crate::copy::store::{STRAY_IN_RECORDS, STRAY_IN_RECORDS_TODO};
        report.add(&stray, STRAY_IN_RECORDS, STRAY_IN_RECORDS_TODO, Fix::None);
    }
    for (name, dir) in layout::device_dirs(&records)? {
        report.devices += 1;
        check_link(&mut report, layout, &dir);
        check_mode(&mut report, &dir, 0o700);
        check_device(&mut report, layout, &dir, device == Some(name.as_str()));
    }
    keep_fixes_inside(&mut report, layout);
    Ok(report)
}

/// The whole state folder: private modes and leftovers anywhere in it, links out of it,
/// and whether it sits in the data folder (a sync tool would copy it to other machines).
fn check_state(report: &mut Report, layout: &Layout) -> std::io::Result<()> {
    let state = &layout.state_dir;
    if state.symlink_metadata().is_err() {
        return Ok(());
    }
    if layout::is_inside(state, &layout.data_dir)? {
        let what = format!(
            "is inside the data folder {}, so a sync tool would copy this machine's device id, locks and drafts to your other machines",
            layout.data_dir.display()
        );
        report.add(state, what, "set ATTUNE_STATE_DIR to a folder outside it (such as ~/.local/state/attune) and move this folder's contents there", Fix::None);
    }
    check_mode(report, state, 0o700);
    let mut stack = vec![state.clone()];
    while let Some(dir) = stack.pop() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for path in paths {
            // Never walked or changed through: a link is only named.
            if check_link(report, layout, &path) {
                continue;
            }
            if path.is_dir() {
                check_mode(report, &path, 0o700);
                stack.push(path);
            } else {
                check_mode(report, &path, 0o600);
                leftover_in_state(report, state, &path);
            }
        }
    }
    Ok(())
}

/// A temp file in local state: one of the device id's or a cache's holds nothing kept;
/// one among the drafts may be a draft being saved right now.
fn leftover_in_state(report: &mut Report, state: &Path, path: &Path) {
    if !is_temp(path) {
        return;
    }
    let parent = path.parent().unwrap_or(state);
    if parent == state || parent.starts_with(state.join("cache")) {
        report.add(
            path,
            LEFTOVER,
            "it holds nothing you saved; `attune doctor --fix` removes it",
            Fix::RemoveLeftover { locked: false },
        );
    } else {
        report.add(
            path,
            "is a temporary file, perhaps left by an attune that stopped mid-save",
            "it may be something being saved right now; once no attune is open, you may delete it",
            Fix::None,
        );
    }
}

/// Name a link that leads out of attune's folders: attune may read through it, but doctor
/// changes nothing there. True when `path` is a link at all.
fn check_link(report: &mut Report, layout: &Layout, path: &Path) -> bool {
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if is_link && !layout.holds(path).unwrap_or(false) {
        let target = std::fs::read_link(path).unwrap_or_default();
        let what = format!("is a link to {}, outside attune's folders", target.display());
        report.add(path, what, "attune reads through it, but `attune doctor --fix` changes nothing there; keep that place private yourself (folders 700, files 600)", Fix::None);
    }
    is_link
}

/// `--fix` never changes a mode or removes a file through a link, nor anything that
/// lies outside attune's folders: such a finding is left to the person.
fn keep_fixes_inside(report: &mut Report, layout: &Layout) {
    for f in &mut report.findings {
        let through_link = f
            .path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        let outside = !layout.holds(&f.path).unwrap_or(false);
        if !(through_link || outside) {
            continue;
        }
        match f.fix {
            Fix::SetMode(want) => {
                f.todo = format!(
                    "`chmod {want:o}` makes it private; `attune doctor --fix` changes nothing outside attune's folders"
                );
            }
            Fix::RemoveLeftover { .. } => {
                f.todo = "you may delete it; `attune doctor --fix` removes nothing outside attune's folders".into();
            }
            _ => continue,
        }
        f.fix = Fix::None;
    }
}

const LEFTOVER: &str = "is a temporary file left by an attune that stopped mid-save";

fn is_temp(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
}

fn check_device(report: &mut Report, layout: &Layout, dir: &Path, ours: bool) {
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
        check_link(report, layout, &path);
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
    // A link has no mode of its own; what it leads to is checked where attune keeps it.
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.file_type().is_symlink() {
        return;
    }
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
                remove_leftover(layout, device.filter(|_| *locked), &f.path)?;
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
