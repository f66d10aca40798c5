//! The command line end to end: the real binary on temp folders, never the real home.

use crate::common::Env;
use serde_json::{Value, json};
use std::fs;

fn export_doc(records: Value) -> Value {
    json!({"format": "attune-export", "version": 1, "exported_at": "2026-11-30T10:00:00+01:00", "records": records})
}

fn checkin_at(id: &str, at: &str, distress: u8) -> Value {
    json!({"id": id, "created_at": at, "updated_at": at, "kind": "checkin", "distress": distress})
}

#[test]
fn a_checkin_prints_its_id_and_reads_back_with_every_field() {
    let env = Env::new();
    let id = env.run_ok(&[
        "checkin",
        "--distress",
        "4",
        "--tension",
        "6",
        "--breath",
        "5",
        "--energy",
        "3",
        "--sleep",
        "7",
        "--pain",
        "2",
        "--sensation",
        "Tight chest",
        "--sensation",
        "my own word",
        "--note",
        "long day",
    ]);
    let id = id.trim();
    assert!(uuid::Uuid::parse_str(id).is_ok_and(|u| u.get_version_num() == 7), "{id}");
    let records = env.history_json(&[]);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["id"], id);
    assert_eq!(r["kind"], "checkin");
    for (k, v) in [
        ("distress", 4),
        ("tension", 6),
        ("breath", 5),
        ("energy", 3),
        ("sleep", 7),
        ("pain", 2),
    ] {
        assert_eq!(r[k], v, "{k}");
    }
    assert_eq!(r["sensations"], json!(["tight chest", "my own word"]));
    assert_eq!(r["note"], "long day");
    let created = r["created_at"].as_str().expect("created_at");
    assert!(chrono::DateTime::parse_from_rfc3339(created).is_ok(), "{created}");
}

#[test]
fn out_of_range_values_exit_2_and_change_nothing() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let before = env.snapshot();
    for args in [
        vec!["checkin", "--distress", "11"],
        vec!["checkin", "--distress", "-1"],
        vec!["checkin", "--distress", "4", "--pain", "12"],
        vec!["checkin", "--distress", "4", "--sleep", "x"],
        vec!["checkin", "--tension", "4"],
        vec!["checkin", "--distress", "4", "--note", "two\nlines"],
        vec!["checkin", "--distress", "4", "--sensation", "  "],
    ] {
        let out = env.cmd().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    let err = env
        .cmd()
        .args(["checkin", "--distress", "4", "--pain", "12"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(err.contains("Pain must be a whole number from 0 to 10 (got 12)"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn history_filters_by_dates_and_kind() {
    let env = Env::new();
    let doc = export_doc(json!([
        checkin_at("01900000-0000-7000-8000-000000000001", "2026-09-30T23:30:00+02:00", 1),
        checkin_at("01900000-0000-7000-8000-000000000002", "2026-10-01T08:00:00+02:00", 2),
        checkin_at("01900000-0000-7000-8000-000000000003", "2026-10-31T22:00:00+01:00", 3),
        {"id": "01900000-0000-7000-8000-000000000004", "created_at": "2026-10-15T09:00:00+02:00",
         "updated_at": "2026-10-15T09:00:00+02:00", "kind": "session", "practice": "breathe",
         "practice_id": "exhale-4-6", "actual_seconds": 300.0, "completed": true},
    ]));
    let file = env.tmp.path().join("in.json");
    fs::write(&file, doc.to_string()).expect("write");
    env.run_ok(&["import", file.to_str().expect("utf-8 path")]);

    let october = env.history_json(&["--since", "2026-10-01", "--until", "2026-10-31"]);
    let distress: Vec<_> = october.iter().map(|r| r["distress"].clone()).collect();
    assert_eq!(distress, vec![json!(2), Value::Null, json!(3)]);
    assert_eq!(env.history_json(&["--kind", "session"]).len(), 1);
    assert_eq!(env.history_json(&["--until", "2026-09-30"]).len(), 1);

    let text = env.run_ok(&["history", "--kind", "session"]);
    assert_eq!(text, "2026-10-15 09:00  practice  Long exhale 4-6 5.0 min\n");
    let bad = env
        .cmd()
        .args(["history", "--kind", "dream"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let backwards = env
        .cmd()
        .args(["history", "--since", "2026-10-02", "--until", "2026-10-01"])
        .output()
        .expect("runs");
    assert_eq!(backwards.status.code(), Some(2));
}

#[test]
fn export_then_import_twice_adds_nothing_the_second_time() {
    let a = Env::new();
    for d in ["1", "5", "9"] {
        a.run_ok(&["checkin", "--distress", d]);
    }
    let out = a.tmp.path().join("backup.json");
    a.run_ok(&[
        "export",
        "--format",
        "json",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&out).expect("exists").permissions().mode() & 0o777, 0o600);
    }
    let doc: Value = serde_json::from_slice(&fs::read(&out).expect("read")).expect("json");
    assert_eq!(doc["format"], "attune-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["records"].as_array().map(Vec::len), Some(3));

    let b = Env::new();
    let path = out.to_str().expect("utf-8");
    assert!(b.run_ok(&["import", path]).contains("Imported 3 new"));
    let after_first = b.snapshot();
    assert!(
        b.run_ok(&["import", path])
            .contains("Imported 0 new or updated records; 3 were already here")
    );
    assert_eq!(b.snapshot(), after_first);
    assert_eq!(b.history_json(&[]), a.history_json(&[]));
    // Into the store it came from: also nothing new.
    assert!(a.run_ok(&["import", path]).contains("Imported 0 new"));
}

#[test]
fn import_refuses_what_is_not_an_attune_export() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    let before = env.snapshot();
    let cases = [
        ("garbage.json", "{not json".to_string(), "not an attune export"),
        ("other.json", json!({"format": "jrnl"}).to_string(), "not an attune export"),
        (
            "newer.json",
            json!({"format": "attune-export", "version": 9, "records": []}).to_string(),
            "newer attune",
        ),
        (
            "range.json",
            export_doc(json!([checkin_at(
                "01900000-0000-7000-8000-00000000000a",
                "2026-10-01T08:00:00+02:00",
                12
            )]))
            .to_string(),
            "Distress must be",
        ),
    ];
    for (name, text, says) in cases {
        let file = env.tmp.path().join(name);
        fs::write(&file, text).expect("write");
        let out = env.cmd().arg("import").arg(&file).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
    }
    let missing = env
        .cmd()
        .args(["import", "/no/such/file.json"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(env.snapshot(), before);
}

#[test]
fn doctor_is_quiet_when_healthy_and_plain_when_not() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    assert!(env.run_ok(&["doctor"]).contains("All is well."));

    let device = fs::read_to_string(env.tmp.path().join("state/device-id")).expect("device id");
    let dir = env.data().join("records").join(device.trim());
    let broken = dir.join("2025-01.json");
    fs::write(&broken, "{\"format\":\"attune\",\n\"version\":1,").expect("write");
    fs::write(dir.join(".attune-tmp-left.tmp"), "half").expect("write");
    let out = env.cmd().arg("doctor").output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2025-01.json cannot be read at line 2"), "{text}");
    assert!(text.contains(".attune-tmp-left.tmp"), "{text}");
    assert!(text.contains("is open to others"), "the hand-written file is 0644: {text}");
    assert!(text.contains("What to do"), "{text}");

    let fixed = env.cmd().args(["doctor", "--fix"]).output().expect("runs");
    assert_eq!(fixed.status.code(), Some(1), "a broken file is never fixed by rewriting it");
    assert!(!dir.join(".attune-tmp-left.tmp").exists());
    fs::remove_file(&broken).expect("remove");
    assert!(env.run_ok(&["doctor"]).contains("All is well."));
}

#[test]
fn without_a_terminal_attune_points_at_the_commands() {
    let env = Env::new();
    let out = env.cmd().output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal") && err.contains("attune checkin"), "{err}");
    assert!(!env.data().exists(), "nothing is created");
}

#[test]
fn the_data_dir_flag_beats_the_environment() {
    let env = Env::new();
    let elsewhere = env.tmp.path().join("elsewhere");
    env.cmd()
        .args([
            "--data-dir",
            elsewhere.to_str().expect("utf-8"),
            "checkin",
            "--distress",
            "1",
        ])
        .assert()
        .success();
    assert!(elsewhere.join("records").is_dir());
    assert!(!env.data().exists());
}

#[test]
fn a_usage_error_on_a_fresh_machine_creates_nothing() {
    let env = Env::new();
    for args in [
        vec!["checkin", "--distress", "3", "--sensation", " "],
        vec!["checkin", "--distress", "12"],
    ] {
        let out = env.cmd().args(&args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(!env.data().exists() && !env.tmp.path().join("state").exists());
    // Reading a store that is not there creates nothing either.
    assert!(env.run_ok(&["history"]).contains("Nothing is stored"));
    assert_eq!(env.run_ok(&["history", "--json"]).trim(), "[]");
    assert!(!env.data().exists());
}

#[test]
fn export_to_a_bare_file_name_writes_in_the_current_folder() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    let here = env.tmp.path().join("here");
    fs::create_dir_all(&here).expect("dir");
    let out = env
        .cmd()
        .current_dir(&here)
        .args(["export", "--out", "backup.json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(here.join("backup.json").is_file());
}

#[test]
fn import_refuses_dates_attune_cannot_file() {
    let env = Env::new();
    for at in ["+10000-01-01T00:00:00+00:00", "-0001-06-01T00:00:00+00:00"] {
        let doc = export_doc(json!([checkin_at("01900000-0000-7000-8000-0000000000b1", at, 3)]));
        let file = env.tmp.path().join("far.json");
        fs::write(&file, doc.to_string()).expect("write");
        let out = env.cmd().arg("import").arg(&file).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{at}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot file"));
    }
    assert!(!env.data().exists());
}

#[test]
fn a_closed_pipe_is_not_a_failure() {
    let env = Env::new();
    for d in 0..30 {
        env.run_ok(&["checkin", "--distress", &(d % 10).to_string()]);
    }
    let out = std::process::Command::new("bash")
        .args([
            "-c",
            "\"$BIN\" history | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"",
        ])
        .env("BIN", env!("CARGO_BIN_EXE_attune"))
        .env("ATTUNE_DATA_DIR", env.data())
        .env("ATTUNE_STATE_DIR", env.tmp.path().join("state"))
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_high_distress_check_in_gently_offers_grounding_and_help_lines() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["checkin", "--distress", "9"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let id = String::from_utf8_lossy(&out.stdout);
    assert!(uuid::Uuid::parse_str(id.trim()).is_ok(), "stdout is just the id: {id}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("attune ground 5-4-3-2-1") && err.contains("116 123"), "{err}");
    let calm = env
        .cmd()
        .args(["checkin", "--distress", "8"])
        .output()
        .expect("runs");
    assert!(calm.stderr.is_empty());
}

#[cfg(unix)]
#[test]
fn export_refuses_an_out_path_inside_the_data_or_state_folder() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    let state = env.tmp.path().join("state");
    let device = fs::read_to_string(state.join("device-id")).expect("device id");
    let own = env.data().join("records").join(device.trim());
    let month = fs::read_dir(&own)
        .expect("device folder")
        .flatten()
        .next()
        .expect("a month file")
        .path();
    let outside = env.tmp.path().join("outside");
    fs::create_dir_all(&outside).expect("dir");
    std::os::unix::fs::symlink(env.data().join("records"), outside.join("records-link"))
        .expect("link");
    std::os::unix::fs::symlink(&month, outside.join("month-link.json")).expect("link");
    std::os::unix::fs::symlink(own.join("2031-05.json"), outside.join("new-link.json"))
        .expect("link");
    let name = month.file_name().expect("name").to_os_string();
    let via_link = outside.join("records-link").join(device.trim()).join(&name);
    let dotted = outside.join("..").join("data").join("backup.json");
    let targets = [
        month.clone(),
        env.data().join("backup.json"),
        state.join("device-id"),
        state.join("notes.json"),
        via_link,
        outside.join("month-link.json"),
        outside.join("new-link.json"),
        dotted,
    ];
    let before = (env.snapshot(), fs::read(state.join("device-id")).expect("id"));
    for format in ["json", "csv", "markdown"] {
        for target in &targets {
            let out = env
                .cmd()
                .args(["export", "--format", format, "--out"])
                .arg(target)
                .output()
                .expect("runs");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{}: {err}", target.display());
            assert!(err.contains("inside attune's own folders"), "{err}");
        }
        // A bare name, from inside the records folder.
        let out = env
            .cmd()
            .current_dir(&own)
            .args(["export", "--format", format, "--out"])
            .arg(&name)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
    }
    assert_eq!((env.snapshot(), fs::read(state.join("device-id")).expect("id")), before);
    assert!(!state.join("notes.json").exists());
    // Beside the folders is fine.
    let fine = outside.join("backup.json");
    env.cmd()
        .args(["export", "--out"])
        .arg(&fine)
        .assert()
        .success();
    assert!(fine.is_file());
}

#[test]
fn a_piped_checkin_prints_its_id_and_json_asks_for_it_plainly() {
    let env = Env::new();
    let id = env.run_ok(&["checkin", "--distress", "4"]);
    assert_eq!(id.trim().len(), 36, "the id alone when piped: {id}");
    let json: Value =
        serde_json::from_str(&env.run_ok(&["checkin", "--distress", "3", "--json"])).expect("json");
    assert_eq!(json["id"].as_str().map(str::len), Some(36), "{json}");
}

#[test]
fn every_option_of_every_command_says_what_it_does_and_globals_are_listed_apart() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if matches!(long, "help" | "version") {
                continue;
            }
            if arg.get_help().is_none() {
                missing.push(format!("{path} --{long}"));
            }
            if arg.is_global_set() {
                assert_eq!(arg.get_help_heading(), Some("Global options"), "--{long}");
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&attune::cli::Cli::command(), "attune", &mut missing);
    assert!(missing.is_empty(), "options without a description: {missing:?}");
}
