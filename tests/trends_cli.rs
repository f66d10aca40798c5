//! `attune trends` and the Markdown and CSV exports through the real binary.

use crate::common;

use crate::common::Env;
use serde_json::{Value, json};

fn seed(env: &Env) {
    let rec = |id: &str, at: &str, body: Value| {
        let mut v = json!({"id": id, "created_at": at, "updated_at": at});
        if let (Some(obj), Some(extra)) = (v.as_object_mut(), body.as_object()) {
            obj.extend(extra.clone());
        }
        v
    };
    let records = json!([
        rec(
            "01900000-0000-7000-8000-000000000001",
            "2026-11-16T08:00:00+01:00",
            json!({"kind": "session", "practice": "breathe", "practice_id": "exhale-4-6", "actual_seconds": 300.0, "completed": true, "distress_before": 6, "distress_after": 3})
        ),
        rec(
            "01900000-0000-7000-8000-000000000002",
            "2026-11-17T08:00:00+01:00",
            json!({"kind": "checkin", "distress": 4, "sensations": ["tight chest"], "note": "slept, badly \"again\""})
        ),
        rec(
            "01900000-0000-7000-8000-000000000003",
            "2026-11-18T21:00:00+01:00",
            json!({"kind": "journal", "text": "A private line about the week.", "prompt": "What felt like too much?"})
        ),
        rec(
            "01900000-0000-7000-8000-000000000004",
            "2026-11-10T08:00:00+01:00",
            json!({"kind": "checkin", "distress": 7, "sensations": ["tight chest", "headache"]})
        ),
    ]);
    let doc = json!({"format": "attune-export", "version": 1, "exported_at": "2026-11-30T10:00:00+01:00", "records": records});
    let file = env.tmp.path().join("seed.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    env.run_ok(&["import", file.to_str().expect("utf-8")]);
}

#[test]
fn trends_json_has_the_documented_fields() {
    let env = Env::new();
    seed(&env);
    let week: Value =
        serde_json::from_str(&env.run_ok(&["trends", "--week", "2026-11-18", "--json"]))
            .expect("json");
    for field in [
        "from",
        "to",
        "days_practised",
        "sessions",
        "practice_minutes",
        "distress_before_mean",
        "distress_after_mean",
        "by_practice",
        "days",
    ] {
        assert!(week.get(field).is_some(), "{field}");
    }
    assert_eq!(
        (week["from"].as_str(), week["to"].as_str()),
        (Some("2026-11-16"), Some("2026-11-22"))
    );
    assert_eq!(week["days"].as_array().map(Vec::len), Some(7));
    assert_eq!(week["by_practice"]["exhale-4-6"]["count"], 1);
    assert_eq!(week["by_practice"]["exhale-4-6"]["mean_change"], -3.0);
    assert_eq!(week["change_from_previous"]["sensations"]["headache"], -1);
    let month: Value =
        serde_json::from_str(&env.run_ok(&["trends", "--month", "2026-11", "--json"]))
            .expect("json");
    assert_eq!(
        (month["from"].as_str(), month["to"].as_str()),
        (Some("2026-11-01"), Some("2026-11-30"))
    );
    assert_eq!(month["checkins"], 2);
    let all: Value =
        serde_json::from_str(&env.run_ok(&["trends", "--all", "--json"])).expect("json");
    assert_eq!(all["from"], "2026-11-10");
    assert!(all["change_from_previous"].is_null());
    let text = env.run_ok(&["trends", "--week", "2026-11-18"]);
    assert!(text.contains("You practised on 1 day: 5 minutes in 1 session."), "{text}");
    assert!(text.contains("1 session rated both, too few to say yet."), "{text}");
    assert!(
        text.contains("  Long exhale 4-6: 1 session, 1 rated, too few to say"),
        "names, not ids: {text}"
    );
    assert!(!text.contains("exhale-4-6"), "{text}");
    assert_eq!(week["by_practice"]["exhale-4-6"]["name"], "Long exhale 4-6");
}

#[test]
fn trends_refuses_bad_ranges() {
    let env = Env::new();
    for args in [
        &["trends", "--week", "18/11/2026"][..],
        &["trends", "--month", "2026-13"],
        &["trends", "--week", "--all"],
    ] {
        let out = env.cmd().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let json = env.run_ok(&["trends", "--week", "2026-11-18", "--json"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!((v["sessions"].clone(), v["practice_minutes"].clone()), (json!(0), json!(0.0)));
    assert!(v["distress_change_mean"].is_null() && v["change_from_previous"].is_null());
    assert_eq!(v["by_practice"], json!({}));
    assert!(!json.contains("-0"), "an empty week is empty, never -0: {json}");
    let empty = env.run_ok(&["trends"]);
    assert!(empty.contains("Nothing recorded here yet"), "{empty}");
    assert!(!env.data().exists(), "reading trends creates nothing");
}

#[test]
fn the_weekly_review_holds_the_journal_only_when_asked() {
    let env = Env::new();
    seed(&env);
    let plain = env.run_ok(&["export", "--format", "markdown", "--week", "2026-11-18"]);
    assert!(plain.starts_with("# Weekly review: Mon 16 Nov to Sun 22 Nov 2026"), "{plain}");
    assert!(plain.contains("| Mon 16 | 5 min (1) | 6 → 3 (▼3) | 0 |"), "{plain}");
    assert!(
        plain.contains("- tight chest: 1 (the same)")
            && plain.contains("| Long exhale 4-6 | 1 | 1 | too few to say |"),
        "{plain}"
    );
    assert!(!plain.contains("A private line"), "journal entries stay out unless asked for");
    let with = env.run_ok(&[
        "export",
        "--format",
        "markdown",
        "--week",
        "2026-11-18",
        "--with-journal",
    ]);
    assert!(
        with.contains("## Journal")
            && with.contains("A private line about the week.")
            && with.contains("> What felt like too much?"),
        "{with}"
    );
    let wrong = env
        .cmd()
        .args(["export", "--format", "json", "--with-journal"])
        .output()
        .expect("runs");
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn csv_has_one_row_per_record_and_quotes_what_needs_it() {
    let env = Env::new();
    seed(&env);
    let csv = env.run_ok(&["export", "--format", "csv"]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 5, "a header and four records");
    assert!(rows[0].starts_with("id,kind,created_at"));
    assert!(csv.contains("\"slept, badly \"\"again\"\"\""), "{csv}");
}

#[test]
fn the_prompt_says_the_last_distress_rated_and_the_readme_shows_that_line() {
    let env = Env::new();
    let now = common::pinned_local();
    let at = |hours_ago: i64| {
        (now - chrono::TimeDelta::hours(hours_ago))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
    };
    // A check-in (distress 5), then a 6-minute practice rated 7 before and 3 after.
    let records = json!([
        {"id": "01900000-0000-7000-8000-0000000000a1", "created_at": at(3), "updated_at": at(3),
         "kind": "checkin", "distress": 5},
        {"id": "01900000-0000-7000-8000-0000000000a2", "created_at": at(2), "updated_at": at(2),
         "kind": "session", "practice": "breathe", "practice_id": "exhale-4-6",
         "actual_seconds": 360.0, "completed": true, "distress_before": 7, "distress_after": 3},
    ]);
    let doc =
        json!({"format": "attune-export", "version": 1, "exported_at": at(1), "records": records});
    let file = env.tmp.path().join("today.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    env.run_ok(&["import", file.to_str().expect("utf-8")]);
    let line = env.run_ok(&["status", "--prompt"]);
    assert_eq!(line, "practised 6 min · last distress 3\n", "the after-rating is the latest");
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("`{}`", line.trim_end())),
        "README's example is what the prompt prints: {line}"
    );
}

#[test]
fn every_output_writes_a_time_as_the_month_files_hold_it() {
    let env = Env::new();
    seed(&env);
    // One made here, in this machine's zone (written "Z" where that is UTC).
    env.run_ok(&["checkin", "--distress", "2"]);
    let stored: Vec<String> = env
        .history_json(&[])
        .iter()
        .map(|r| r["created_at"].as_str().expect("a time").to_string())
        .collect();
    let csv = env.run_ok(&["export", "--format", "csv"]);
    for t in &stored {
        assert!(csv.contains(&format!(",{t},")), "{t} not in the CSV as stored:\n{csv}");
    }
    let doc: Value =
        serde_json::from_str(&env.run_ok(&["export", "--format", "json"])).expect("json");
    let exported = doc["exported_at"].as_str().expect("a time");
    let round = chrono::DateTime::parse_from_rfc3339(exported).expect("RFC 3339");
    let from_store = serde_json::to_value(round).expect("serialises");
    assert_eq!(from_store.as_str(), Some(exported), "exported_at as a record's time would be");
}

#[test]
fn every_field_of_trends_json_is_in_docs_json_md() {
    let env = Env::new();
    seed(&env);
    let v: Value = serde_json::from_str(&env.run_ok(&["trends", "--week", "2026-11-18", "--json"]))
        .expect("json");
    let docs = include_str!("../docs/json.md");
    let keys = |v: &Value| -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut fields = keys(&v);
    fields.extend(keys(&v["by_practice"]["exhale-4-6"]));
    fields.extend(keys(&v["days"][0]));
    fields.extend(keys(&v["weeks"][0]));
    fields.extend(keys(&v["scales"]["distress"]));
    fields.extend(keys(&v["change_from_previous"]));
    fields.extend(keys(&v["compared"]));
    assert!(fields.len() > 30, "{fields:?}");
    for f in fields {
        assert!(docs.contains(&format!("`{f}`")), "docs/json.md does not name `{f}`");
    }
}
