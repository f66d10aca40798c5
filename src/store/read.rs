//! Reading: which files a read opens, and merging what they hold. A file or folder that
//! cannot be used is reported and left out; the read goes on with the rest.

use super::Snapshot;
use super::layout::{self, Layout};
use super::month_file::{self, FileProblem, Problem};
use std::path::{Path, PathBuf};

/// The month files (and sync tools' conflict copies of them) in one device folder, with
/// their months, oldest first.
pub fn month_files(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let month =
            layout::month_from_file_name(&name).or_else(|| layout::month_from_copy_name(&name));
        if let Some(month) = month {
            files.push((month.to_string(), entry.path()));
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
