//! Correcting one's record from the command line: `checkin edit`, `history show|edit|delete`,
//! through the real binary. A bad id or value is exit 2 with nothing changed; a delete
//! leaves no trace of what the record held anywhere under the data or state folders.

use crate::common::Env;
use serde_json::json;
use std::fs;
use std::path::Path;

fn checkin(env: &Env, args: &[&str]) -> String {
    let mut all = vec!["checkin"];
    all.extend_from_slice(args);
    env.run_ok(&all).trim().to_string()
}

fn grep_tree(dir: &Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return hits;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            hits.extend(grep_tree(&path, needle));
        } else if fs::read(&path).is_ok_and(|b| String::from_utf8_lossy(&b).contains(needle)) {
            hits.push(path.display().to_string());
        }
    }
    hits
}

#[test]
fn a_mistyped_check_in_is_corrected_and_the_new_value_wins() {
    let env = Env::new();
    let id = checkin(&env, &["--distress", "10", "--note", "typo day"]);
    let said = env.run_ok(&[
        "checkin",
        "edit",
        &id[..8],
        "--distress",
        "1",
        "--clear",
        "note",
    ]);
    assert!(said.starts_with("Changed the check-in from"), "{said}");
    let records = env.history_json(&[]);
    assert_eq!(records.len(), 1, "one record, a newer version of it");
    assert_eq!(records[0]["distress"], 1);
    assert!(records[0].get("note").is_none());

    let again = env.run_ok(&["checkin", "edit", &id, "--distress", "1"]);
    assert_eq!(again.trim(), "Nothing changed: it already held these values.");
}

#[test]
fn a_bad_id_or_value_is_exit_2_and_changes_nothing() {
    let env = Env::new();
    let id = checkin(&env, &["--distress", "4"]);
    let before = env.snapshot();
    for args in [
        vec!["checkin", "edit", "ffffffff", "--distress", "1"],
        vec!["checkin", "edit", &id, "--distress", "11"],
        vec!["checkin", "edit", &id],
        vec!["history", "edit", &id, "--after", "2"],
        vec!["history", "delete", "zz", "--yes"],
        vec!["history", "show", "abc"],
    ] {
        let out = env.cmd().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    assert_eq!(env.snapshot(), before, "nothing stored changed");
}

#[test]
fn a_practice_is_re_rated_and_given_a_note() {
    let env = Env::new();
    let id = "019ad000-0000-7000-8000-00000000abcd";
    let doc = json!({"format": "attune-export", "version": 1,
        "exported_at": "2026-11-30T10:00:00+01:00",
        "records": [{"id": id, "created_at": "2026-11-30T09:00:00+01:00",
            "updated_at": "2026-11-30T09:00:00+01:00", "kind": "session", "practice": "breathe",
            "practice_id": "exhale-4-6", "actual_seconds": 300.0, "completed": true}]});
    let file = env.tmp.path().join("in.json");
    fs::write(&file, doc.to_string()).expect("writes");
    env.run_ok(&["import", file.to_str().expect("utf-8 path")]);
    env.run_ok(&[
        "history",
        "edit",
        "abcd",
        "--before",
        "6",
        "--after",
        "3",
        "--note",
        "after the call",
    ]);
    let shown = env.run_ok(&["history", "show", "abcd"]);
    assert!(shown.contains("distress 6 → 3"), "{shown}");
    assert!(shown.contains("note: after the call"), "{shown}");
    env.run_ok(&["history", "edit", "abcd", "--clear", "after"]);
    let shown = env.run_ok(&["history", "show", "abcd"]);
    assert!(shown.contains("distress before 6"), "{shown}");
}

#[test]
fn a_deleted_check_in_is_gone_from_every_file() {
    let env = Env::new();
    let id = checkin(&env, &["--distress", "3", "--note", "a private word"]);
    let refused = env
        .cmd()
        .args(["history", "delete", &id])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2), "no terminal to ask on, no --yes");
    assert_eq!(env.history_json(&[]).len(), 1);

    assert_eq!(env.run_ok(&["history", "delete", &id, "--yes"]).trim(), "Deleted.");
    assert!(env.history_json(&[]).is_empty());
    assert!(grep_tree(env.tmp.path(), "a private word").is_empty());
}
