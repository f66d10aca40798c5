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
use serde_json::value::RawValue;
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
    let (held, held_raw) = check_mains(report, &folder, ours);
    for (month, role, path, read) in &folder.others {
        let file = match read {
            Ok(file) => file,
            Err(problem) => {
                let todo = unreadable_todo(problem);
                report.add(path, problem.to_string(), todo, Fix::None);
                continue;
            }
        };
        check_file(report, path, month, file, ours);
        let missing = missing_from(file, &held, &held_raw);
        // A month whose own file is missing gets one at the next save.
        let main_ok = folder.mains.get(month).is_none_or(|(_, r)| r.is_ok());
        let (what, todo, fix) = match role {
            Role::Copy => copy_advice(missing, main_ok, ours, month),
            _ => beside_advice(missing, main_ok, ours, month),
        };
        report.add(path, what, todo, fix);
    }
}

/// Check each month's own file; gives back what they hold, to weigh the other files by.
fn check_mains(report: &mut Report, folder: &Folder, ours: bool) -> (Merged, Vec<Box<RawValue>>) {
    let mut held = Merged::new();
    let mut held_raw = Vec::new();
    for (month, (path, read)) in &folder.mains {
        match read {
            Ok(file) => {
                check_file(report, path, month, file, ours);
                held.extend(file.records.iter().cloned());
                held_raw.extend(file.unknown.iter().cloned());
            }
            Err(problem) => unreadable(report, folder, path, month, problem),
        }
    }
    (held, held_raw)
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

/// A sync tool's copy may go only once every record of it is in a month file.
fn copy_advice(missing: usize, main_ok: bool, ours: bool, month: &str) -> Advice {
    let main = main_name(month);
    // Only this device's files are tidied, and only while the month's own file reads.
    let tidy = ours && main_ok;
    let fix = ours_or(tidy, month);
    if missing == 0 {
        let what =
            format!("is a sync tool's conflict copy, and every record in it is also in {main}");
        let todo = if tidy {
            "`attune doctor --fix` removes it, or you may delete it"
        } else {
            "you may delete it"
        };
        return (what, todo.into(), fix);
    }
    let what =
        format!("is a sync tool's conflict copy holding {missing} record(s) not yet in {main}");
    let todo = if tidy {
        "keep it: attune reads it, and the next save of this month or `attune doctor --fix` copies them in; after that it may go".to_string()
    } else if ours {
        format!(
            "keep it: attune reads it, and once {main} reads again the next save copies them in"
        )
    } else {
        "keep it: attune reads it, and that device's next save of this month copies them in".into()
    };
    (what, todo, fix)
}

/// A file beside a damaged month file holds what was saved meanwhile; it may go once
/// every record of it is in the month's own file again.
fn beside_advice(missing: usize, main_ok: bool, ours: bool, month: &str) -> Advice {
    let main = main_name(month);
    let who = if ours { "the" } else { "that device's" };
    if !main_ok {
        let what = format!("holds what was saved while {main} cannot be read");
        let todo = format!(
            "keep it: attune reads it, and saves new records of this month here until {main} reads again; then {who} next save moves them home"
        );
        return (what, todo, Fix::None);
    }
    let fix = ours_or(ours, month);
    if missing == 0 {
        let what = format!(
            "was written beside {main} while that could not be read, and every record in it is now in {main}"
        );
        let todo = if ours {
            "`attune doctor --fix` removes it"
        } else {
            "you may delete it"
        };
        return (what, todo.into(), fix);
    }
    let what = format!("holds {missing} record(s) saved while {main} could not be read");
    let or_fix = if ours {
        " or `attune doctor --fix`"
    } else {
        ""
    };
    let todo = format!("keep it: {who} next save of this month{or_fix} moves them into {main}");
    (what, todo, fix)
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
    if starts_with_bom(path) {
        use crate::copy::store::{STARTS_WITH_BOM, STARTS_WITH_BOM_TODO};
        report.add(path, STARTS_WITH_BOM, STARTS_WITH_BOM_TODO, Fix::None);
    }
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
        Problem::Empty => {
            "it holds no records, so nothing is lost: restore it from a synced copy or a backup if it should have some, or remove it".into()
        }
        Problem::Sealed(why) => crate::copy::crypt::todo(why).into(),
        Problem::Unopenable { .. } => {
            "make it a readable file again (check its permissions, or whether it is a link to something gone); until then its records are left out".into()
        }
    }
}

/// Whether the file's first bytes are a UTF-8 byte-order mark; reads three bytes only.
fn starts_with_bom(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0xef, 0xbb, 0xbf])
}
