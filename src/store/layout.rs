//! Where everything lives. The data folder may be synced between machines; the state
//! folder (device id, locks, drafts) stays on this machine.

use chrono::{Datelike, NaiveDate};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub data_dir: PathBuf,
    pub state_dir: PathBuf,
}

impl Layout {
    pub fn new(data_dir: impl Into<PathBuf>, state_dir: impl Into<PathBuf>) -> Layout {
        Layout {
            data_dir: data_dir.into(),
            state_dir: state_dir.into(),
        }
    }

    pub fn records_dir(&self) -> PathBuf {
        self.data_dir.join("records")
    }

    pub fn device_dir(&self, device: &str) -> PathBuf {
        self.records_dir().join(device)
    }

    pub fn month_path(&self, device: &str, month: &str) -> PathBuf {
        self.device_dir(device).join(format!("{month}.json"))
    }

    /// The `n`th file written beside a month file that cannot be read ("2026-11.2.json").
    pub fn beside_path(&self, device: &str, month: &str, n: u32) -> PathBuf {
        self.device_dir(device).join(format!("{month}.{n}.json"))
    }

    pub fn device_id_path(&self) -> PathBuf {
        self.state_dir.join("device-id")
    }

    pub fn lock_path(&self, device: &str) -> PathBuf {
        self.state_dir.join("locks").join(format!("{device}.lock"))
    }

    /// Whether `path` (which need not exist yet) lands inside the data or the state folder
    /// once links and `..` are resolved: writing there could replace a live file.
    pub fn holds(&self, path: &Path) -> std::io::Result<bool> {
        Ok(is_inside(path, &self.data_dir)? || is_inside(path, &self.state_dir)?)
    }
}

/// Whether `path` lands inside `root` (or is it) once links and `..` are resolved.
pub fn is_inside(path: &Path, root: &Path) -> std::io::Result<bool> {
    Ok(resolve(path)?.starts_with(resolve(root)?))
}

/// Where a path really leads: a link (even one to nothing) is followed, and the part that
/// does not exist yet is laid on the resolved part that does.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut abs = std::path::absolute(path)?;
    if abs.canonicalize().is_err()
        && let Ok(link) = std::fs::read_link(&abs)
    {
        abs = abs.parent().map_or(link.clone(), |dir| dir.join(&link));
    }
    for base in abs.ancestors() {
        if let Ok(real) = base.canonicalize() {
            let rest = abs.strip_prefix(base).unwrap_or(Path::new(""));
            return Ok(real.join(rest));
        }
    }
    Ok(abs)
}

/// Every month from the one holding `from` to the one holding `to`, inclusive.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut months = Vec::new();
    let (mut y, mut m) = (from.year(), from.month());
    while (y, m) <= (to.year(), to.month()) {
        months.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    months
}

/// Whether a file name is a month file ("YYYY-MM.json"), and which month.
pub fn month_from_file_name(name: &str) -> Option<&str> {
    let month = name.strip_suffix(".json")?;
    is_month(month).then_some(month)
}

/// Whether a name is a sync tool's copy of a month file ("2026-11.sync-conflict-….json",
/// "2026-11 (conflicted copy ….json"), and which month. attune reads these too, so a
/// record that exists only in a conflict copy is not lost; it never writes them.
pub fn month_from_copy_name(name: &str) -> Option<&str> {
    match classify(name)? {
        (month, Role::Copy) => Some(month),
        _ => None,
    }
}

/// What a file in a device folder is to attune. A month may have more than one file per
/// device; reads merge them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// "2026-11.json": the month's own file.
    Main,
    /// "2026-11.2.json", "2026-11.3.json"…: written beside the month's own file while
    /// that cannot be read (attune never writes over a file it cannot read).
    Beside(u32),
    /// A sync tool's copy of either; attune reads it and never writes it.
    Copy,
}

/// The month and role of a file name in a device folder, if it is one of attune's.
pub fn classify(name: &str) -> Option<(&str, Role)> {
    let month = name.get(..7).filter(|m| is_month(m))?;
    let rest = name.get(7..)?.strip_suffix(".json")?;
    if rest.is_empty() {
        return Some((month, Role::Main));
    }
    let beside = rest
        .strip_prefix('.')
        .filter(|n| (1..=4).contains(&n.len()) && !n.starts_with('0'))
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| *n >= 2);
    // Anything else after the month ("…json.tmp" aside) is a sync tool's naming.
    match beside {
        Some(n) => Some((month, Role::Beside(n))),
        None if rest.starts_with(".json") => None,
        None => Some((month, Role::Copy)),
    }
}

/// "YYYY-MM" with a real month.
pub fn is_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..].parse::<u8>().unwrap_or(0))
}

/// The folder names under `records/` that look like devices.
pub fn device_dirs(records_dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut devices = Vec::new();
    let entries = match std::fs::read_dir(records_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(devices),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        // Follows links: a device folder linked in from elsewhere is still read.
        if entry.path().is_dir() {
            devices.push((entry.file_name().to_string_lossy().into_owned(), entry.path()));
        }
    }
    devices.sort();
    Ok(devices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_between_crosses_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            months_between(d(2025, 11, 30), d(2026, 2, 1)),
            vec!["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(months_between(d(2026, 3, 5), d(2026, 3, 9)), vec!["2026-03"]);
        assert!(months_between(d(2026, 3, 5), d(2026, 2, 9)).is_empty());
    }

    #[test]
    fn month_file_names() {
        assert_eq!(month_from_file_name("2026-11.json"), Some("2026-11"));
        assert_eq!(month_from_file_name("2026-11.json.tmp"), None);
        assert_eq!(month_from_file_name(".attune-tmp-x.tmp"), None);
        assert_eq!(month_from_file_name("20a6-11.json"), None);
        assert_eq!(month_from_file_name("2026-13.json"), None);
        assert_eq!(month_from_file_name("+10000-01.json"), None);
        assert_eq!(month_from_copy_name("2026-11.sync-conflict-20261130-1.json"), Some("2026-11"));
        assert_eq!(month_from_copy_name("2026-11 (conflicted copy).json"), Some("2026-11"));
        assert_eq!(month_from_copy_name("2026-11.json"), None);
        assert_eq!(month_from_copy_name("2026-11.json.tmp"), None);
        assert_eq!(month_from_copy_name("2026-11.2.json"), None);
    }

    #[test]
    fn files_beside_a_damaged_month_file_are_told_from_copies() {
        assert_eq!(classify("2026-11.json"), Some(("2026-11", Role::Main)));
        assert_eq!(classify("2026-11.2.json"), Some(("2026-11", Role::Beside(2))));
        assert_eq!(classify("2026-11.17.json"), Some(("2026-11", Role::Beside(17))));
        for copy in [
            "2026-11.1.json",
            "2026-11.02.json",
            "2026-11.2.sync-conflict-20261130-1.json",
            "2026-11.sync-conflict-20261130-1.json",
        ] {
            assert_eq!(classify(copy), Some(("2026-11", Role::Copy)), "{copy}");
        }
        assert_eq!(classify("2026-11.json.tmp"), None);
        assert_eq!(classify("2026-11.2.json.tmp"), None);
    }
}
