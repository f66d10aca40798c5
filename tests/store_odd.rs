//! Odd files and odd sizes met through the binary: a week too big for a prompt to read in
//! time, dates outside what attune can file, and an all-time report that stays bounded.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is its clear failure

use crate::common::Env;
use std::path::PathBuf;

/// Every month file below the sandbox's records folder.
fn month_files(env: &Env) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for device in std::fs::read_dir(env.data().join("records")).unwrap() {
        for file in std::fs::read_dir(device.unwrap().path()).unwrap() {
            found.push(file.unwrap().path());
        }
    }
    found
}

#[test]
fn a_prompt_over_a_week_too_big_to_read_in_time_prints_nothing() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    assert_eq!(env.run_ok(&["status", "--prompt"]), "last distress 3\n");
    // The same records, padded past what a prompt reads: still valid JSON, 3 MB of it.
    let files = month_files(&env);
    assert_eq!(files.len(), 1);
    let mut bytes = std::fs::read(&files[0]).unwrap();
    bytes.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    std::fs::write(&files[0], bytes).unwrap();
    assert_eq!(env.run_ok(&["status", "--prompt"]), "");
    // The full status has time to read it all.
    assert!(env.run_ok(&["status"]).contains("last distress 3"));
}

/// An export of one check-in, its dates set to `date`.
fn export_dated(env: &Env, date: &str) -> String {
    env.run_ok(&["checkin", "--distress", "4"]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&env.run_ok(&["export", "--format", "json"])).unwrap();
    for r in doc["records"].as_array_mut().unwrap() {
        r["created_at"] = date.into();
        r["updated_at"] = date.into();
    }
    doc.to_string()
}

#[test]
fn an_import_dated_before_1970_is_refused_with_exit_2() {
    let env = Env::new();
    let export = env.tmp.path().join("old.json");
    std::fs::write(&export, export_dated(&env, "0000-01-01T00:00:00+00:00")).unwrap();
    let other = Env::new();
    let out = other
        .cmd()
        .args(["import", export.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("1970 to 9999"), "{err}");
    assert!(other.history_json(&[]).is_empty());
}

#[test]
fn a_record_dated_year_0_in_a_synced_file_does_not_stretch_all_time_trends() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let files = month_files(&env);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let mut old = doc["records"][0].clone();
    old["id"] = "00000000-0000-4000-8000-000000000000".into();
    old["created_at"] = "0000-01-01T00:00:00+00:00".into();
    old["updated_at"] = "0000-01-01T00:00:00+00:00".into();
    doc["records"].as_array_mut().unwrap().push(old);
    std::fs::write(&files[0], doc.to_string()).unwrap();
    let out = env.run_ok(&["trends", "--all", "--json"]);
    // One record's day, not 740,000 days since year 0.
    assert!(out.len() < 100_000, "{} bytes", out.len());
    let human = env.run_ok(&["trends", "--all"]);
    assert!(human.len() < 100_000, "{} bytes", human.len());
}

/// A store with one readable check-in and two records kept verbatim that this version
/// cannot read: one whose note holds a lone surrogate, one of a kind from a newer attune.
fn with_unreadable(env: &Env) {
    env.run_ok(&["checkin", "--distress", "3", "--note", "fine"]);
    let files = month_files(env);
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    let mut lone = doc["records"][0].clone();
    lone["id"] = "00000000-0000-4000-8000-000000000001".into();
    lone["note"] = "SURROGATE".into();
    let mut newer = doc["records"][0].clone();
    newer["id"] = "00000000-0000-4000-8000-000000000002".into();
    newer["kind"] = "dream".into();
    let records = doc["records"].as_array_mut().unwrap();
    records.push(lone);
    records.push(newer);
    let text = doc.to_string().replace("SURROGATE", "\\ud800");
    std::fs::write(&files[0], text).unwrap();
}

#[test]
fn history_says_in_one_line_how_many_records_could_not_be_read() {
    let env = Env::new();
    with_unreadable(&env);
    let out = env.cmd().args(["history"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("fine"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "attune: 2 records could not be read; `attune doctor` explains.\n");
}

#[test]
fn journal_show_says_in_one_line_how_many_records_could_not_be_read() {
    let env = Env::new();
    with_unreadable(&env);
    env.run_ok_with(&["journal", "new"], "a quiet morning");
    let list = env.run_ok(&["journal", "list", "--json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    let id = entries[0]["id"].as_str().unwrap().to_string();
    let out = env.cmd().args(["journal", "show", &id]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("a quiet morning")
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "attune: 2 records could not be read; `attune doctor` explains.\n"
    );
}

#[test]
fn a_stray_file_in_the_records_folder_is_named_and_doctor_is_not_all_well() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let stray = env.data().join("records").join("notes.txt");
    std::fs::write(&stray, "hello").unwrap();
    let out = env.cmd().args(["history"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("distress 3")
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&stray.display().to_string()), "{stderr}");
    assert!(stderr.contains("it is a file among the device folders"), "{stderr}");
    let out = env.cmd().args(["doctor"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!out.status.success());
    assert!(!stdout.contains("All is well"), "{stdout}");
    assert!(stdout.contains(&stray.display().to_string()), "{stdout}");
    assert!(stdout.contains("is a file among the device folders"), "{stdout}");
}

#[test]
fn a_records_folder_that_is_a_file_is_named_and_doctor_is_not_all_well() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let records = env.data().join("records");
    std::fs::remove_dir_all(&records).unwrap();
    std::fs::write(&records, "not a folder").unwrap();
    let out = env.cmd().args(["history"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&records.display().to_string()), "{stderr}");
    assert!(stderr.contains("is a file, not a folder"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    let out = env.cmd().args(["doctor"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!out.status.success());
    assert!(!stdout.contains("All is well"), "{stdout}");
    assert!(stdout.contains("is a file, not a folder"), "{stdout}");
}

#[test]
fn an_empty_month_file_is_named_as_empty_and_doctor_is_not_all_well() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let file = &month_files(&env)[0];
    std::fs::write(file, b"").unwrap();
    let out = env.cmd().args(["history"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    assert!(stderr.contains("empty"), "{stderr}");
    let out = env.cmd().args(["doctor"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("All is well"), "{stdout}");
    assert!(stdout.contains("empty"), "{stdout}");
}

#[test]
fn a_month_file_with_a_byte_order_mark_is_read_and_doctor_names_it() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let file = &month_files(&env)[0];
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(std::fs::read(file).unwrap());
    std::fs::write(file, bytes).unwrap();
    assert!(env.run_ok(&["history"]).contains("distress 3"));
    let out = env.cmd().args(["doctor"]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("All is well"), "{stdout}");
    assert!(stdout.contains("byte-order mark"), "{stdout}");
}
