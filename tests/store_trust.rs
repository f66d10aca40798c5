//! What the store must never do to a person's records: lose one that sits only in a sync
//! conflict copy, refuse a new one because another file of its month is damaged, miss one
//! filed under the wrong month, count one whose values are out of bounds, or keep the
//! words of one that was deleted.

use crate::store_support::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Output;

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
    std::fs::write(path, bytes).expect("write");
}

/// A month file holding these records, as JSON values (hand edits, other devices).
fn month_json(device: &str, month: &str, records: Vec<Value>) -> Vec<u8> {
    let v = json!({"format": "attune", "version": 1, "device": device, "month": month, "records": records});
    serde_json::to_vec_pretty(&v).expect("json")
}

fn run(sb: &Sandbox, args: &[&str]) -> Output {
    sb.attune().args(args).output().expect("run attune")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(sb: &Sandbox, args: &[&str]) -> String {
    let out = run(sb, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Every file under the data folder with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walk(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

/// `attune ARGS` with `text` on stdin; its stdout, after checking it succeeded.
fn with_stdin(sb: &Sandbox, args: &[&str], text: &str) -> String {
    use std::io::Write;
    let mut child = sb
        .attune()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run attune");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(text.as_bytes()).expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

const OTHER: &str = "0190aaaaaaaa7000800000000000beef";

fn session(id: &str, at: &str, before: u64, seconds: f64) -> Value {
    json!({"id": id, "created_at": at, "updated_at": at, "kind": "session", "practice": "breathe",
           "practice_id": "exhale-4-6", "actual_seconds": seconds, "completed": true,
           "distress_before": before, "distress_after": 3})
}

#[test]
fn a_record_out_of_bounds_is_kept_verbatim_never_counted_and_named_by_doctor() {
    let sb = Sandbox::new();
    let now = now_utc();
    let at = now.to_rfc3339();
    let month = current_month();
    let good = session("01900000-0000-7000-8000-000000000001", &at, 6, 300.0);
    let wild = session("01900000-0000-7000-8000-000000000002", &at, 200, 1e308);
    // A synced file from another device, edited by hand.
    let path = sb
        .data
        .join("records")
        .join(OTHER)
        .join(format!("{month}.json"));
    let bytes = month_json(OTHER, &month, vec![good, wild.clone()]);
    write(&path, &bytes);

    let trends: Value = serde_json::from_str(&ok(&sb, &["trends", "--all", "--json"])).unwrap();
    assert_eq!(trends["sessions"], 1, "{trends:#}");
    assert_eq!(trends["practice_minutes"], 5.0, "{trends:#}");
    assert_eq!(trends["distress_before_mean"], 6.0, "{trends:#}");
    let week = ok(&sb, &["trends"]);
    assert!(!week.contains("18446744073709551615"), "{week}");
    assert!(week.contains("5 minutes"), "{week}");
    let history: Vec<Value> = serde_json::from_str(&ok(&sb, &["history", "--json"])).unwrap();
    assert_eq!(history.len(), 1);

    let doctor = run(&sb, &["doctor"]);
    let text = stdout(&doctor);
    assert_eq!(doctor.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&path.display().to_string())
            && text.contains("distress before is 200")
            && text.contains("not counted"),
        "{text}"
    );
    // A save on this device does not touch the other device's file, and a save into a
    // file holding such a record keeps it exactly.
    ok(&sb, &["checkin", "--distress", "2"]);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let mine = sb.layout().month_path(&sb.device_id(), &month);
    let mut v: Value = serde_json::from_slice(&std::fs::read(&mine).unwrap()).unwrap();
    v["records"].as_array_mut().unwrap().push(wild.clone());
    write(&mine, &serde_json::to_vec(&v).unwrap());
    ok(&sb, &["checkin", "--distress", "3"]);
    let back: Value = serde_json::from_slice(&std::fs::read(&mine).unwrap()).unwrap();
    assert!(back["records"].as_array().unwrap().contains(&wild), "{back:#}");
    assert_eq!(back["records"].as_array().unwrap().len(), 3);

    // An import holding such a record is refused whole, naming it.
    let before = snapshot(&sb.data);
    let doc = json!({"format": "attune-export", "version": 1, "exported_at": at,
                     "records": [session("01900000-0000-7000-8000-000000000003", &at, 2, 60.0),
                                 session("01900000-0000-7000-8000-000000000004", &at, 4, 1e308)]});
    let file = sb.root.path().join("wild.json");
    write(&file, doc.to_string().as_bytes());
    let out = run(&sb, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("01900000-0000-7000-8000-000000000004")
            && stderr(&out).contains("at most a day"),
        "{}",
        stderr(&out)
    );
    assert_eq!(snapshot(&sb.data), before);
}

/// Every file under the data and state folders holding `needle`, byte for byte.
fn files_holding(sb: &Sandbox, needle: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = snapshot(&sb.data)
        .into_iter()
        .chain(snapshot(&sb.state))
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
        .map(|(p, _)| p)
        .collect();
    found.sort();
    found
}

/// The records of one month file, as JSON.
fn records_in(path: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    v["records"].as_array().expect("records").clone()
}

#[test]
fn a_delete_leaves_no_trace_of_the_words_anywhere_attune_keeps_files() {
    let sb = Sandbox::new();
    let id = with_stdin(
        &sb,
        &["journal", "new", "--tag", "walnut-tag"],
        "my walnut secret, written down",
    );
    let id = id.trim().to_string();
    // Every index and cache has seen the words.
    assert!(ok(&sb, &["journal", "search", "walnut"]).contains("my walnut secret"));
    ok(&sb, &["trends", "--all"]);
    ok(&sb, &["history"]);
    assert!(!files_holding(&sb, "walnut").is_empty());

    let short = id.replace('-', "")[24..].to_string();
    assert_eq!(ok(&sb, &["journal", "delete", &short, "--yes"]).trim(), "Deleted.");
    // The next reads rebuild what they keep.
    assert!(ok(&sb, &["journal", "search", "walnut"]).contains("No journal entries"));
    ok(&sb, &["trends", "--all"]);
    assert_eq!(files_holding(&sb, "walnut"), Vec::<PathBuf>::new());
    let month = sb.layout().month_path(&sb.device_id(), &current_month());
    let tombstone = &records_in(&month)[0];
    let mut keys: Vec<&str> = tombstone
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["created_at", "deleted_at", "id", "kind", "updated_at"]);
}

#[test]
fn an_old_tombstone_that_kept_the_words_is_slimmed_by_the_next_save_of_its_month() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let me = sb.device_id();
    let month = current_month();
    let path = sb.layout().month_path(&me, &month);
    let at = now_utc().to_rfc3339();
    let fat = |id: &str, body: Value| {
        let mut v = json!({"id": id, "created_at": at, "updated_at": at, "deleted_at": at});
        v.as_object_mut()
            .unwrap()
            .extend(body.as_object().unwrap().clone());
        v
    };
    let mut records = records_in(&path);
    records.extend([
        fat(
            "01900000-0000-7000-8000-0000000000f1",
            json!({"kind": "journal", "text": "hazelnut words", "tags": ["hazelnut"]}),
        ),
        fat(
            "01900000-0000-7000-8000-0000000000f2",
            json!({"kind": "checkin", "distress": 3, "note": "hazelnut note"}),
        ),
        fat(
            "01900000-0000-7000-8000-0000000000f3",
            json!({"kind": "session", "practice": "ground", "practice_id": "5-4-3-2-1",
            "actual_seconds": 60.0, "completed": true, "noticed": ["hazelnut tree"]}),
        ),
    ]);
    write(&path, &month_json(&me, &month, records));
    assert!(ok(&sb, &["journal", "search", "hazelnut"]).contains("No journal entries"));
    assert_eq!(files_holding(&sb, "hazelnut"), std::slice::from_ref(&path), "only the old file");

    ok(&sb, &["checkin", "--distress", "2"]);
    assert_eq!(files_holding(&sb, "hazelnut"), Vec::<PathBuf>::new());
    let kept = records_in(&path);
    assert_eq!(kept.len(), 5);
    for r in kept.iter().filter(|r| r.get("deleted_at").is_some()) {
        assert_eq!(r.as_object().unwrap().len(), 5, "{r}");
    }
}

fn checkin_json(id: &str, at: &str, note: &str) -> Value {
    json!({"id": id, "created_at": at, "updated_at": at, "kind": "checkin", "distress": 4, "note": note})
}

fn import(sb: &Sandbox, records: Vec<Value>) {
    let doc = json!({"format": "attune-export", "version": 1, "exported_at": "2026-05-30T10:00:00+00:00", "records": records});
    let file = sb.root.path().join("import.json");
    write(&file, doc.to_string().as_bytes());
    ok(sb, &["import", file.to_str().expect("utf-8")]);
}

fn notes_in(path: &Path) -> Vec<String> {
    let mut notes: Vec<String> = records_in(path)
        .iter()
        .filter_map(|r| r["note"].as_str().map(str::to_string))
        .collect();
    notes.sort();
    notes
}

fn in_both() -> Value {
    checkin_json("01900000-0000-7000-8000-0000000000a1", "2026-05-02T08:00:00+00:00", "in both")
}

/// This device's May file with one check-in, and a sync-conflict copy of it holding that
/// one and one more: (the month file, the copy).
fn copy_with_one_more(sb: &Sandbox) -> (PathBuf, PathBuf) {
    let me = sb.device_id();
    let main = sb.layout().month_path(&me, "2026-05");
    let copy = sb
        .layout()
        .device_dir(&me)
        .join("2026-05.sync-conflict-20260510-ABCDEF.json");
    let b = checkin_json(
        "01900000-0000-7000-8000-0000000000a2",
        "2026-05-03T08:00:00+00:00",
        "only in the copy",
    );
    write(&main, &month_json(&me, "2026-05", vec![in_both()]));
    write(&copy, &month_json(&me, "2026-05", vec![in_both(), b]));
    (main, copy)
}

#[test]
fn a_save_folds_every_conflict_copy_of_its_month_into_the_month_file() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let (main, copy) = copy_with_one_more(&sb);
    let copy_bytes = std::fs::read(&copy).unwrap();

    import(
        &sb,
        vec![checkin_json(
            "01900000-0000-7000-8000-0000000000a3",
            "2026-05-20T08:00:00+00:00",
            "new",
        )],
    );
    assert_eq!(notes_in(&main), ["in both", "new", "only in the copy"]);
    assert_eq!(std::fs::read(&copy).unwrap(), copy_bytes, "a save never writes a copy");
}

#[test]
fn while_a_month_file_is_damaged_new_records_are_kept_beside_it_and_go_home_once_it_mends() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1", "--note", "before the damage"]);
    let me = sb.device_id();
    let month = current_month();
    let main = sb.layout().month_path(&me, &month);
    let good = std::fs::read(&main).unwrap();
    let broken = &good[..good.len() / 2];
    write(&main, broken);

    let out = run(&sb, &["checkin", "--distress", "2", "--note", "first beside"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let beside = sb.layout().beside_path(&me, &month, 2);
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("saved beside it"), "{}", stderr(&out));
    ok(&sb, &["checkin", "--distress", "3", "--note", "second beside"]);
    assert_eq!(std::fs::read(&main).unwrap(), broken, "never written over");
    assert_eq!(notes_in(&beside), ["first beside", "second beside"]);

    // A damaged file beside it is left alone too: the next one is used.
    let beside_good = std::fs::read(&beside).unwrap();
    write(&beside, b"{ not json");
    ok(&sb, &["checkin", "--distress", "4", "--note", "third"]);
    assert_eq!(std::fs::read(&beside).unwrap(), b"{ not json");
    let third = sb.layout().beside_path(&me, &month, 3);
    assert_eq!(notes_in(&third), ["third"]);

    // Once the files read again, the next save takes everything home.
    write(&beside, &beside_good);
    write(&main, &good);
    let out = run(&sb, &["checkin", "--distress", "5", "--note", "home again"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let all = [
        "before the damage",
        "first beside",
        "home again",
        "second beside",
        "third",
    ];
    assert_eq!(notes_in(&main), all);
    let history: Vec<Value> = serde_json::from_str(&ok(&sb, &["history", "--json"])).unwrap();
    assert_eq!(history.len(), all.len());
}

/// `attune doctor` (with `--fix` when asked): exit code and what it printed.
fn doctor(sb: &Sandbox, fix: bool) -> (Option<i32>, String) {
    let mut args = vec!["doctor"];
    if fix {
        args.push("--fix");
    }
    let out = run(sb, &args);
    (out.status.code(), stdout(&out))
}

#[test]
fn doctor_keeps_a_conflict_copy_until_every_record_is_in_the_month_file_then_fix_removes_it() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let (main, copy) = copy_with_one_more(&sb);
    let a = in_both();
    // Another device's copy, every record of it in that device's month file.
    let theirs = sb.data.join("records").join(OTHER);
    write(&theirs.join("2026-05.json"), &month_json(OTHER, "2026-05", vec![a.clone()]));
    let their_copy = theirs.join("2026-05 (conflicted copy 2026-05-11).json");
    write(&their_copy, &month_json(OTHER, "2026-05", vec![a]));
    for p in walk(&sb.data) {
        attune::store::atomic::set_mode(&p, if p.is_dir() { 0o700 } else { 0o600 }).unwrap();
    }

    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1), "{text}");
    let own_advice = text
        .split("\n\n")
        .find(|p| p.contains("ABCDEF"))
        .expect("the copy is named")
        .to_string();
    assert!(
        own_advice.contains("holding 1 record(s) not yet in 2026-05.json")
            && own_advice.contains("keep it"),
        "{own_advice}"
    );
    assert!(!own_advice.contains("delete"), "{own_advice}");
    let their_advice = text
        .split("\n\n")
        .find(|p| p.contains("conflicted copy"))
        .expect("their copy is named")
        .to_string();
    assert!(
        their_advice.contains("every record in it is also in 2026-05.json")
            && their_advice.contains("you may delete it"),
        "{their_advice}"
    );

    let (code, text) = doctor(&sb, true);
    assert!(text.contains("Fixed: ") && text.contains("ABCDEF"), "{text}");
    assert_eq!(code, Some(1), "their copy is theirs to remove: {text}");
    assert!(!copy.exists(), "every record of it is in the month file now");
    assert!(their_copy.exists(), "never removed from another device's folder");
    assert_eq!(notes_in(&main), ["in both", "only in the copy"]);
    let history: Vec<Value> = serde_json::from_str(&ok(&sb, &["history", "--json"])).unwrap();
    assert_eq!(history.len(), 3);
    std::fs::remove_file(&their_copy).unwrap();
    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("All is well."), "{text}");
}

#[test]
fn after_a_save_folds_a_copy_doctor_says_it_may_go() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let me = sb.device_id();
    let copy = sb
        .layout()
        .device_dir(&me)
        .join("2026-05.sync-conflict-1.json");
    let b = checkin_json(
        "01900000-0000-7000-8000-0000000000a2",
        "2026-05-03T08:00:00+00:00",
        "only in the copy",
    );
    write(&copy, &month_json(&me, "2026-05", vec![b]));
    attune::store::atomic::set_mode(&copy, 0o600).unwrap();
    assert!(doctor(&sb, false).1.contains("keep it"));
    import(
        &sb,
        vec![checkin_json(
            "01900000-0000-7000-8000-0000000000a3",
            "2026-05-20T08:00:00+00:00",
            "new",
        )],
    );
    let (_, text) = doctor(&sb, false);
    assert!(
        text.contains("every record in it is also in 2026-05.json")
            && text.contains("`attune doctor --fix` removes it"),
        "{text}"
    );
    assert!(!text.contains("keep it"), "{text}");
}

#[test]
fn doctor_explains_a_damaged_month_file_and_the_file_beside_it_and_fix_brings_them_home() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1", "--note", "before"]);
    let me = sb.device_id();
    let month = current_month();
    let main = sb.layout().month_path(&me, &month);
    let good = std::fs::read(&main).unwrap();
    write(&main, &good[..good.len() - 9]);
    attune::store::atomic::set_mode(&main, 0o600).unwrap();
    ok(&sb, &["checkin", "--distress", "2", "--note", "beside"]);
    let beside = sb.layout().beside_path(&me, &month, 2);

    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1));
    let main_name = format!("{month}.json");
    assert!(
        text.contains(&format!("kept beside it, in {month}.2.json")),
        "the damaged file's advice names the file beside it: {text}"
    );
    assert!(
        text.contains(&format!("holds what was saved while {main_name} cannot be read"))
            && text.contains("keep it"),
        "{text}"
    );
    let before = snapshot(&sb.data);
    let (_, fixed) = doctor(&sb, true);
    assert!(!fixed.contains("Fixed:"), "{fixed}");
    assert_eq!(snapshot(&sb.data), before, "--fix touches neither");

    write(&main, &good);
    attune::store::atomic::set_mode(&main, 0o600).unwrap();
    let (_, text) = doctor(&sb, false);
    assert!(
        text.contains(&format!("holds 1 record(s) saved while {main_name} could not be read")),
        "{text}"
    );
    let (code, text) = doctor(&sb, true);
    assert_eq!(code, Some(0), "{text}");
    assert!(!beside.exists());
    assert_eq!(notes_in(&main), ["before", "beside"]);
}

#[test]
fn doctor_fix_slims_old_tombstones_in_a_month_no_save_touches() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let me = sb.device_id();
    let path = sb.layout().month_path(&me, "2025-05");
    let at = "2025-05-05T08:00:00+00:00";
    let fat = json!({"id": "01900000-0000-7000-8000-0000000000f1", "created_at": at, "updated_at": at,
                     "deleted_at": at, "kind": "journal", "text": "pecan words"});
    write(&path, &month_json(&me, "2025-05", vec![fat]));
    attune::store::atomic::set_mode(&path, 0o600).unwrap();
    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1));
    assert!(text.contains("1 deleted record(s) that still keep what they held"), "{text}");
    let (code, text) = doctor(&sb, true);
    assert_eq!(code, Some(0), "{text}");
    assert_eq!(files_holding(&sb, "pecan"), Vec::<PathBuf>::new());
    assert_eq!(records_in(&path)[0].as_object().unwrap().len(), 5);
}

fn journal_json(id: &str, at: &str, text: &str) -> Value {
    json!({"id": id, "created_at": at, "updated_at": at, "kind": "journal", "text": text,
           "mood_colour": "teal", "tags": ["filed"]})
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["id"].as_str().expect("an id").to_string())
        .collect()
}

fn json_list(sb: &Sandbox, args: &[&str]) -> Vec<Value> {
    serde_json::from_str(&ok(sb, args)).expect("a JSON list")
}

const MISFILED: &str = "01900000-0000-7000-8000-0000000000c1";
const MISFILED_CHECKIN: &str = "01900000-0000-7000-8000-0000000000c2";
const DECEMBER: &str = "01900000-0000-7000-8000-0000000000c3";

/// Another device's December file holding two October records.
fn misfiled_store() -> Sandbox {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let dec = sb.data.join("records").join(OTHER).join("2026-12.json");
    let records = vec![
        journal_json(MISFILED, "2026-10-15T20:00:00+02:00", "written in october"),
        checkin_json(MISFILED_CHECKIN, "2026-10-16T08:00:00+02:00", "october check-in"),
        checkin_json(DECEMBER, "2026-12-03T08:00:00+02:00", "december check-in"),
    ];
    write(&dec, &month_json(OTHER, "2026-12", records));
    sb
}

#[test]
fn a_record_filed_under_the_wrong_month_is_read_in_its_own_month() {
    let sb = misfiled_store();
    let october = ["--since", "2026-10-01", "--until", "2026-10-31"];
    for round in 0..2 {
        // The second round reads through what the first learnt about each file.
        let mut args = vec!["history", "--json"];
        args.extend(october);
        assert_eq!(ids(&json_list(&sb, &args)), [MISFILED, MISFILED_CHECKIN], "round {round}");
        let mut args = vec!["journal", "list", "--json"];
        args.extend(october);
        assert_eq!(ids(&json_list(&sb, &args)), [MISFILED], "round {round}");
        let dec = json_list(
            &sb,
            &[
                "history",
                "--json",
                "--since",
                "2026-12-01",
                "--until",
                "2026-12-31",
            ],
        );
        assert_eq!(ids(&dec), [DECEMBER], "round {round}");
        let trends: Value =
            serde_json::from_str(&ok(&sb, &["trends", "--month", "2026-10", "--json"])).unwrap();
        assert_eq!(trends["checkins"], 1, "round {round}: {trends:#}");
    }
    let all = json_list(&sb, &["journal", "list", "--json"]);
    assert_eq!(ids(&all), [MISFILED], "listed once");
}

#[test]
fn deleting_a_misfiled_entry_hides_it_everywhere() {
    let sb = misfiled_store();
    let short = MISFILED.replace('-', "")[24..].to_string();
    assert_eq!(ok(&sb, &["journal", "delete", &short, "--yes"]).trim(), "Deleted.");
    // The tombstone is filed in October, on this device; the entry sits in December.
    assert!(sb.layout().month_path(&sb.device_id(), "2026-10").is_file());
    assert!(json_list(&sb, &["journal", "list", "--json"]).is_empty());
    let october = json_list(
        &sb,
        &[
            "journal",
            "list",
            "--json",
            "--since",
            "2026-10-01",
            "--until",
            "2026-10-31",
        ],
    );
    assert!(october.is_empty());
    let everything = json_list(&sb, &["history", "--json"]);
    assert!(!ids(&everything).contains(&MISFILED.to_string()));
    assert!(ok(&sb, &["journal", "search", "october"]).contains("No journal entries"));
}

#[test]
fn doctor_names_misfiled_records_and_fix_moves_them_keeping_every_field() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let me = sb.device_id();
    let dec = sb.layout().month_path(&me, "2026-12");
    let entry = journal_json(MISFILED, "2026-10-15T20:00:00+02:00", "written in october");
    let december = checkin_json(DECEMBER, "2026-12-03T08:00:00+02:00", "december check-in");
    write(&dec, &month_json(&me, "2026-12", vec![entry.clone(), december.clone()]));
    attune::store::atomic::set_mode(&dec, 0o600).unwrap();

    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains(
            "2026-12.json holds 1 record(s) of other months (the first created 2026-10-15)"
        ),
        "{text}"
    );
    let (code, text) = doctor(&sb, true);
    assert_eq!(code, Some(0), "{text}");
    let oct = sb.layout().month_path(&me, "2026-10");
    assert_eq!(records_in(&oct), [entry]);
    assert_eq!(records_in(&dec), [december]);
    let mut args = vec!["journal", "list", "--json", "--since", "2026-10-01"];
    args.extend(["--until", "2026-10-31"]);
    assert_eq!(ids(&json_list(&sb, &args)), [MISFILED]);
}

#[test]
fn an_entry_deleted_here_leaves_no_words_in_the_indexes_even_from_another_devices_file() {
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let theirs = sb.data.join("records").join(OTHER).join("2026-11.json");
    let entry = journal_json(MISFILED, "2026-11-05T20:00:00+01:00", "chestnut by the river");
    write(&theirs, &month_json(OTHER, "2026-11", vec![entry]));
    assert!(ok(&sb, &["journal", "search", "chestnut"]).contains("chestnut by the river"));
    let in_state = |sb: &Sandbox| {
        files_holding(sb, "chestnut")
            .into_iter()
            .filter(|p| p.starts_with(&sb.state))
            .collect::<Vec<_>>()
    };
    assert!(!in_state(&sb).is_empty(), "the index holds the words");

    let short = MISFILED.replace('-', "")[24..].to_string();
    ok(&sb, &["journal", "delete", &short, "--yes"]);
    assert!(ok(&sb, &["journal", "search", "chestnut"]).contains("No journal entries"));
    assert_eq!(in_state(&sb), Vec::<PathBuf>::new());
    // Only the other device can rewrite its own file.
    assert_eq!(files_holding(&sb, "chestnut"), [theirs]);
}

#[cfg(unix)]
#[test]
fn doctor_fix_never_changes_anything_through_a_link_out_of_attunes_folders() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let sb = Sandbox::new();
    ok(&sb, &["checkin", "--distress", "1"]);
    let me = sb.device_id();
    let elsewhere = sb.root.path().join("elsewhere");
    let open = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    // A device folder linked in from elsewhere, open to others, with a leftover in it.
    let phone = elsewhere.join("phone");
    write(&phone.join("2026-04.json"), &month_json("phone", "2026-04", vec![]));
    write(&phone.join(".attune-tmp-left.tmp"), b"half");
    open(&phone, 0o755);
    open(&phone.join("2026-04.json"), 0o644);
    symlink(&phone, sb.data.join("records").join("phone")).unwrap();
    // A month file of this device that is a link to a file elsewhere.
    let outside_month = elsewhere.join("2026-03.json");
    write(&outside_month, &month_json(&me, "2026-03", vec![]));
    open(&outside_month, 0o644);
    symlink(&outside_month, sb.layout().month_path(&me, "2026-03")).unwrap();
    // A link in the state folder to a file elsewhere.
    let notes = elsewhere.join("notes.txt");
    write(&notes, b"mine");
    open(&notes, 0o644);
    symlink(&notes, sb.state.join("notes-link")).unwrap();

    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1));
    for link in ["records/phone", "2026-03.json", "notes-link"] {
        assert!(
            text.lines().any(|l| l.contains(link)
                && l.contains("is a link to")
                && l.contains("outside attune's folders")),
            "{link}: {text}"
        );
    }
    doctor(&sb, true);
    assert_eq!(mode(&phone), 0o755);
    assert_eq!(mode(&phone.join("2026-04.json")), 0o644);
    assert!(phone.join(".attune-tmp-left.tmp").exists());
    assert_eq!(mode(&outside_month), 0o644);
    assert_eq!(mode(&notes), 0o644);
    assert_eq!(std::fs::read(&notes).unwrap(), b"mine");
}

#[cfg(unix)]
#[test]
fn doctor_walks_the_whole_state_folder() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let id = with_stdin(&sb, &["journal", "new"], "an entry to index");
    assert!(!id.trim().is_empty());
    ok(&sb, &["journal", "search", "entry"]);
    let cache = sb.state.join("cache");
    let index_file = walk(&cache.join("journal"))
        .into_iter()
        .find(|p| p.is_file())
        .expect("an index file");
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&index_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let cache_leftover = cache.join("journal").join(".attune-tmp-x.tmp");
    write(&cache_leftover, b"half an index");
    let drafts = sb.state.join("drafts");
    let draft_leftover = drafts.join(".attune-tmp-y.tmp");
    write(&draft_leftover, b"half a draft");
    std::fs::set_permissions(&drafts, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&draft_leftover, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(&cache_leftover, std::fs::Permissions::from_mode(0o600)).unwrap();

    let (code, text) = doctor(&sb, false);
    assert_eq!(code, Some(1));
    for p in [&cache, &index_file] {
        assert!(
            text.contains(&format!("{} is open to others", p.display())),
            "{}: {text}",
            p.display()
        );
    }
    assert!(
        text.contains(".attune-tmp-x.tmp") && text.contains(".attune-tmp-y.tmp"),
        "{text}"
    );
    let (_, fixed) = doctor(&sb, true);
    assert_eq!(mode(&cache), 0o700, "{fixed}");
    assert_eq!(mode(&index_file), 0o600);
    assert!(!cache_leftover.exists(), "a cache's leftover holds nothing kept");
    assert!(draft_leftover.exists(), "a draft may be being saved: left to the person");
    assert!(fixed.contains("once no attune is open"), "{fixed}");
}

#[test]
fn doctor_warns_when_the_state_folder_is_inside_the_data_folder() {
    let sb = Sandbox::new();
    let inside = sb.data.join("local-state");
    let run_inside = |args: &[&str]| {
        sb.attune()
            .env("ATTUNE_STATE_DIR", &inside)
            .args(args)
            .output()
            .expect("run attune")
    };
    assert!(run_inside(&["checkin", "--distress", "2"]).status.success());
    let out = run_inside(&["doctor"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("{} is inside the data folder", inside.display()))
            && text.contains("ATTUNE_STATE_DIR"),
        "{text}"
    );
}
