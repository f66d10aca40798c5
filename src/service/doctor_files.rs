//! What `doctor` says about the month files in one device folder: each file readable,
//! records out of bounds or filed under another month, old tombstones that still hold
//! what was deleted, and for every sync-conflict copy or file written beside a damaged
//! one, whether each of its records is in a month file yet (only then may it go).

use super::doctor::{Fix, Report, check_mode};
use crate::store::bounds;
use crate::store::layout::Role;
use crate::store::merge::Merged;
use crate::store::model::Record;
use crate::store::month_file::{self, MonthFile, Problem};
use crate::store::month_set::missing_from;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One device folder's month files, read.
struct Folder {
    /// Month -> the month's own file, read (or why not).
    mains: BTreeMap<String, (PathBuf, Result<MonthFile, Problem>)>,
    /// Copies and files beside, read.
    others: Vec<(String, Role, PathBuf, Result<MonthFile, Problem>)>,
}

/// Check every month file of one device folder (`ours`: this device's).
pub fn check_files(report: &mut Report, files: Vec<(String, Role, PathBuf)>, ours: bool) {
    let mut folder = Folder {
        mains: BTreeMap::new(),
        others: Vec::new(),
    };
    for (month, role, path) in files {
        check_mode(report, &path, 0o600);
        report.files += 1;
        let read = read(&path);
        match role {
            Role::Main => drop(folder.mains.insert(month, (path, read))),
            _ => folder.others.push((month, role, path, read)),
        }
    }
    let mut held = Merged::new();
    let mut held_raw = Vec::new();
    for (month, (path, read)) in &folder.mains {
        match read {
            Ok(file) => {
                check_file(report, path, month, file, ours);
                held.extend(file.records.iter().cloned());
                held_raw.extend(file.unknown.iter().cloned());
            }
            Err(problem) => unreadable(report, &folder, path, month, problem),
        }
    }
    for (month, role, path, read) in &folder.others {
        // A month whose own file is missing gets one at the next save.
        let main_ok = folder.mains.get(month).is_none_or(|(_, r)| r.is_ok());
        match read {
            Ok(file) => {
                check_file(report, path, month, file, ours);
                let missing = missing_from(file, &held, &held_raw);
                let main = main_name(month);
                let (what, todo, fix) = match role {
                    Role::Copy => copy_advice(missing, main_ok, ours, &main),
                    _ => beside_advice(missing, main_ok, ours, &main),
                };
                report.add(path, what, todo, fix);
            }
            Err(problem) => report.add(
                path,
                problem.to_string(),
                unreadable_todo(problem),
                Fix::None,
            ),
        }
    }
}

fn read(path: &Path) -> Result<MonthFile, Problem> {
    month_file::read_existing(path).map(|f| f.unwrap_or_else(|| MonthFile::new("", "")))
}

fn main_name(month: &str) -> String {
    format!("{month}.json")
}

/// A fix this device may make: only in its own folder.
fn ours_or(ours: bool, month: &str) -> Fix {
    if ours {
        Fix::Tidy {
            month: month.to_string(),
        }
    } else {
        Fix::None
    }
}

type Advice = (String, String, Fix);

fn copy_advice(missing: usize, main_ok: bool, ours: bool, main: &str) -> Advice {
    let month = &main[..7];
    match (missing, main_ok, ours) {
        (0, _, true) => (
            format!("is a sync tool's conflict copy, and every record in it is also in {main}"),
            "`attune doctor --fix` removes it, or you may delete it".into(),
            ours_or(ours, month),
        ),
        (0, _, false) => (
            format!("is a sync tool's conflict copy, and every record in it is also in {main}"),
            "you may delete it".into(),
            Fix::None,
        ),
        (n, true, true) => (
            format!("is a sync tool's conflict copy holding {n} record(s) not yet in {main}"),
            "keep it: attune reads it, and the next save of this month or `attune doctor --fix` copies them in; after that it may go".into(),
            ours_or(ours, month),
        ),
        (n, false, true) => (
            format!("is a sync tool's conflict copy holding {n} record(s) not in {main}"),
            format!("keep it: attune reads it, and once {main} reads again the next save copies them in"),
            Fix::None,
        ),
        (n, _, false) => (
            format!("is a sync tool's conflict copy holding {n} record(s) not yet in {main}"),
            "keep it: attune reads it, and that device's next save of this month copies them in".into(),
            Fix::None,
        ),
    }
}

fn beside_advice(missing: usize, main_ok: bool, ours: bool, main: &str) -> Advice {
    let month = &main[..7];
    let who = if ours { "the" } else { "that device's" };
    match (missing, main_ok) {
        (_, false) => (
            format!("holds what was saved while {main} cannot be read"),
            format!(
                "keep it: attune reads it, and saves new records of this month here until {main} reads again; then {who} next save moves them home"
            ),
            Fix::None,
        ),
        (0, true) => (
            format!(
                "was written beside {main} while that could not be read, and every record in it is now in {main}"
            ),
            if ours {
                "`attune doctor --fix` removes it".into()
            } else {
                "you may delete it".into()
            },
            ours_or(ours, month),
        ),
        (n, true) => (
            format!("holds {n} record(s) saved while {main} could not be read"),
            format!(
                "keep it: {who} next save of this month{} moves them into {main}",
                if ours {
                    " or `attune doctor --fix`"
                } else {
                    ""
                }
            ),
            ours_or(ours, month),
        ),
    }
}

/// A month's own file that cannot be read, and where its new records go meanwhile.
fn unreadable(report: &mut Report, folder: &Folder, path: &Path, month: &str, problem: &Problem) {
    let mut todo = unreadable_todo(problem);
    let beside = folder
        .others
        .iter()
        .find(|(m, role, _, read)| m == month && *role != Role::Copy && read.is_ok());
    if let Some((_, _, beside, _)) = beside {
        let name = beside.file_name().map(|n| n.to_string_lossy().into_owned());
        todo.push_str(&format!(
            ". Meanwhile new records of this month are kept beside it, in {}",
            name.unwrap_or_default()
        ));
    }
    report.add(path, problem.to_string(), todo, Fix::None);
}

/// What a readable file holds that needs a word: records out of bounds or unreadable,
/// records of other months, tombstones that still hold what was deleted.
fn check_file(report: &mut Report, path: &Path, month: &str, file: &MonthFile, ours: bool) {
    report.records += file.records.len();
    check_unknown(report, path, file);
    let strays: Vec<&Record> = file.records.iter().filter(|r| r.month() != month).collect();
    let raw_strays = file
        .unknown
        .iter()
        .filter(|r| crate::store::tidy::raw_month(r).is_some_and(|m| m != month))
        .count();
    if !strays.is_empty() || raw_strays > 0 {
        let first = strays
            .first()
            .map(|r| format!(" (the first created {})", r.local_date()))
            .unwrap_or_default();
        let what = format!(
            "holds {} record(s) of other months{first}, filed under the wrong month",
            strays.len() + raw_strays
        );
        let todo = if ours {
            "attune reads them in their own months all the same; `attune doctor --fix` moves them to their own month's file, keeping every field"
        } else {
            "attune reads them in their own months all the same; `attune doctor --fix` on that device moves them"
        };
        report.add(path, what, todo, ours_or(ours, month));
    }
    if file.fat_tombstones > 0 {
        let what = format!(
            "holds {} deleted record(s) that still keep what they held",
            file.fat_tombstones
        );
        let todo = if ours {
            "`attune doctor --fix` keeps only what marks them deleted, and so does the next save of this month"
        } else {
            "that device's next save of this month keeps only what marks them deleted"
        };
        report.add(path, what, todo, ours_or(ours, month));
    }
}

/// Name the records kept verbatim: those out of bounds (with the first reason), and those
/// this version cannot read at all.
fn check_unknown(report: &mut Report, path: &Path, file: &MonthFile) {
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
