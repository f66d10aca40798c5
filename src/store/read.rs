//! Reading: which files a read opens, and merging what they hold. A file or folder that
//! cannot be used is reported and left out; the read goes on with the rest.

use super::Snapshot;
use super::layout::{self, Layout, Role};
use super::month_file::{self, FileProblem, Problem};
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

/// Read every month file whose month `want` accepts, from every device.
pub fn load(layout: &Layout, want: impl Fn(&str) -> bool) -> std::io::Result<Snapshot> {
    let mut snap = Snapshot::default();
    let mut paths = Vec::new();
    for (_, dir) in layout::device_dirs(&layout.records_dir())? {
        match month_files(&dir) {
            Ok(files) => paths.extend(files.into_iter().filter(|(m, _)| want(m)).map(|(_, p)| p)),
            Err(e) => snap.problems.push(FileProblem {
                path: dir,
                problem: Problem::Unopenable {
                    reason: e.to_string(),
                },
            }),
        }
    }
    for path in paths {
        match month_file::read_existing(&path) {
            Ok(Some(file)) => snap.merged.extend(file.records),
            Ok(None) => {}
            Err(problem) => snap.problems.push(FileProblem { path, problem }),
        }
    }
    Ok(snap)
}
