//! The files themselves: broken and newer files are never touched, permissions are
//! private whatever the umask, unknown fields and exact numbers survive a save, and a
//! ranged read opens only the months it needs.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is its clear failure

use crate::store_support::*;
use attune::store::Store;
use attune::store::atomic::TEMP_PREFIX;
use attune::store::month_file::{self, FileProblem, MonthFile, Problem};
use serde_json::{Value, json};
use std::path::Path;

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A valid month file with a few check-ins, as attune would write it.
fn month_bytes(device: &str, month: &str, notes: &[&str]) -> Vec<u8> {
    let mut file = MonthFile::new(device, month);
    let at = stamp(&format!("{month}-10T12:00:00.000+00:00"));
    file.records = notes.iter().map(|n| checkin(5, n, at)).collect();
    file.to_bytes().unwrap()
}

/// A month file cut off partway, as a crash of some other program might leave it.
fn truncated(device: &str, month: &str) -> Vec<u8> {
    let mut bytes = month_bytes(device, month, &["one", "two", "three"]);
    bytes.truncate(bytes.len() * 3 / 5);
    bytes
}

/// A file from a newer attune: version 2, and a record kind this version does not know.
fn newer(device: &str, month: &str) -> Vec<u8> {
    let v = json!({
        "format": "attune",
        "version": 2,
        "device": device,
        "month": month,
        "records": [{
            "id": "01900000-0000-7000-8000-00000000abcd",
            "created_at": format!("{month}-03T07:00:00+00:00"),
            "updated_at": format!("{month}-03T07:00:00+00:00"),
            "kind": "mood",
            "colour": "teal"
        }],
        "cipher": {"scheme": "none"}
    });
    serde_json::to_vec_pretty(&v).unwrap()
}

fn problem_at<'a>(problems: &'a [FileProblem], path: &Path) -> &'a Problem {
    &problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem reported for {}: {problems:?}", path.display()))
        .problem
}

/// Run `attune checkin` and return (exit code, stdout, stderr).
fn run_checkin(sb: &Sandbox, note: &str) -> (Option<i32>, String, String) {
    let out = sb
        .attune()
        .args(["checkin", "--distress", "4", "--note", note])
        .output()
        .expect("run attune");
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_broken_month_file_is_never_overwritten_and_is_named_with_line_and_column() {
    let sb = Sandbox::new();
    let store = sb.store();
    let me = store.device().to_string();
    let month = current_month();
    let layout = store.layout().clone();

    let own_broken = layout.month_path(&me, &month);
    let broken_bytes = truncated(&me, &month);
    write(&own_broken, &broken_bytes);
    let own_good = layout.month_path(&me, "2025-01");
    write(&own_good, &month_bytes(&me, "2025-01", &["january, mine"]));
    let other = "0190aaaaaaaa7000800000000000beef";
    let other_good = layout.month_path(other, "2025-02");
    write(&other_good, &month_bytes(other, "2025-02", &["february, theirs"]));
    let other_broken = layout.month_path(other, "2025-03");
    let other_broken_bytes = truncated(other, "2025-03");
    write(&other_broken, &other_broken_bytes);
    let other_newer = layout.month_path(other, "2025-04");
    let other_newer_bytes = newer(other, "2025-04");
    write(&other_newer, &other_newer_bytes);

    // Where the file breaks off, by attune's own reader and by counting.
    let Err(Problem::Broken { line, column, .. }) = month_file::parse(&broken_bytes) else {
        panic!("the truncated file parsed");
    };
    let text = String::from_utf8(broken_bytes.clone()).unwrap();
    assert_eq!(line, text.lines().count(), "the error is where the file ends");
    assert_eq!(column, text.lines().last().unwrap().len());

    // The new check-in is kept all the same, in a file beside the broken one, and the
    // command says so in one line.
    let (code, stdout, stderr) = run_checkin(&sb, "into a broken month");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(uuid::Uuid::parse_str(stdout.trim()).is_ok(), "{stdout}");
    let beside = layout.beside_path(&me, &month, 2);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&own_broken.display().to_string())
            && stderr.contains(&beside.display().to_string()),
        "names both files: {stderr}"
    );
    assert!(
        stderr.contains(&format!("line {line}, column {column}")),
        "says where: {stderr}"
    );
    assert_eq!(std::fs::read(&own_broken).unwrap(), broken_bytes);
    assert!(temps_in(&layout.device_dir(&me)).is_empty());

    // Reading reports each unusable file by path and keeps the rest.
    let snap = store.load_all().unwrap();
    assert_eq!(snap.problems.len(), 3, "{:?}", snap.problems);
    assert!(matches!(
        problem_at(&snap.problems, &own_broken),
        Problem::Broken { line: l, column: c, .. } if (*l, *c) == (line, column)
    ));
    assert!(matches!(problem_at(&snap.problems, &other_broken), Problem::Broken { .. }));
    assert_eq!(problem_at(&snap.problems, &other_newer), &Problem::Newer { version: 2 });
    let notes = live_notes(&snap.merged);
    assert_eq!(notes, ["january, mine", "february, theirs", "into a broken month"]);

    // A save that touches the broken month keeps its records beside it, and the other
    // month in the same batch is saved as usual.
    let into_broken = checkin(2, "via the API", now_utc());
    let also = checkin(2, "same batch", stamp("2025-01-21T09:00:00.000+00:00"));
    let report = store.save_all(vec![also, into_broken]).unwrap();
    assert_eq!(report.changed, 2);
    assert_eq!(report.beside.len(), 1, "{report:?}");
    assert_eq!(report.beside[0].damaged.path, own_broken);
    assert!(matches!(report.beside[0].damaged.problem, Problem::Broken { .. }));
    assert_eq!(report.beside[0].kept_in, beside);
    let mut notes = live_notes(&store.load_all().unwrap().merged);
    notes.sort();
    assert_eq!(
        notes,
        [
            "february, theirs",
            "into a broken month",
            "january, mine",
            "same batch",
            "via the API"
        ]
    );

    for (path, bytes) in [
        (&own_broken, &broken_bytes),
        (&other_broken, &other_broken_bytes),
        (&other_newer, &other_newer_bytes),
    ] {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
}

#[test]
fn a_newer_version_month_file_is_never_overwritten_and_the_version_is_named() {
    let sb = Sandbox::new();
    let store = sb.store();
    let me = store.device().to_string();
    let month = current_month();
    let path = store.layout().month_path(&me, &month);
    let bytes = newer(&me, &month);
    write(&path, &bytes);
    // A newer file whose records this version could parse is still refused.
    let other = "0190aaaaaaaa7000800000000000cafe";
    let other_path = store.layout().month_path(other, &month);
    let mut v: Value = serde_json::from_slice(&month_bytes(other, &month, &["theirs"])).unwrap();
    v["version"] = json!(2);
    let other_bytes = serde_json::to_vec(&v).unwrap();
    write(&other_path, &other_bytes);

    let (code, stdout, stderr) = run_checkin(&sb, "into a newer month");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(uuid::Uuid::parse_str(stdout.trim()).is_ok(), "{stdout}");
    let beside = store.layout().beside_path(&me, &month, 2);
    assert!(
        stderr.contains(&path.display().to_string())
            && stderr.contains(&beside.display().to_string()),
        "names both files: {stderr}"
    );
    assert!(stderr.contains("newer attune (format version 2"), "names the version: {stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(std::fs::read(&other_path).unwrap(), other_bytes);
    assert!(temps_in(&store.layout().device_dir(&me)).is_empty());

    let snap = store.load_all().unwrap();
    assert_eq!(problem_at(&snap.problems, &path), &Problem::Newer { version: 2 });
    assert_eq!(problem_at(&snap.problems, &other_path), &Problem::Newer { version: 2 });
    assert_eq!(live_notes(&snap.merged), ["into a newer month"]);
}

/// The folders and files one check-in leaves, mode checked for each.
fn assert_private_layout(sb: &Sandbox, umask: &str) {
    let device = sb.device_id();
    let month = current_month();
    let records = sb.data.join("records");
    let dirs = [
        sb.data.clone(),
        records.clone(),
        records.join(&device),
        sb.state.clone(),
        sb.state.join("locks"),
    ];
    for d in &dirs {
        assert_eq!(mode(d), 0o700, "umask {umask}: {}", d.display());
    }
    let files = [
        records.join(&device).join(format!("{month}.json")),
        sb.state.join("device-id"),
        sb.state.join("locks").join(format!("{device}.lock")),
    ];
    for f in &files {
        assert_eq!(mode(f), 0o600, "umask {umask}: {}", f.display());
    }
    // Whatever else attune keeps there is private too; no temp file is left.
    for p in walk(&sb.data).into_iter().chain(walk(&sb.state)) {
        let want = if p.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&p), want, "umask {umask}: {}", p.display());
        let name = p.file_name().unwrap().to_string_lossy();
        assert!(!name.starts_with(TEMP_PREFIX), "left behind: {}", p.display());
    }
}

#[test]
fn folders_are_0700_and_files_0600_whatever_the_umask() {
    for umask in ["000", "022", "077"] {
        let sb = Sandbox::new();
        // The data and state folders do not exist yet: attune makes them.
        for round in 0..2 {
            let out = sb
                .sh(&format!(
                    r#"umask {umask}; exec "$ATTUNE_BIN" checkin --distress 2 --note "umask {umask}""#
                ))
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "umask {umask} round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_private_layout(&sb, umask);
        }
        assert_eq!(sb.store().load_all().unwrap().merged.len(), 2);
    }
}

#[test]
fn unknown_fields_and_exact_numbers_survive_saves() {
    let sb = Sandbox::new();
    let store = sb.store();
    let me = store.device().to_string();
    let path = store.layout().month_path(&me, "2026-03");
    // Numbers that drift under a careless float parser or printer. The last three on the
    // second line come back one bit off without serde_json's `float_roundtrip`.
    let tricky = r#"[0.1, 1e-7, 0.30000000000000004, 2.2250738585072014e-308, 5e-324,
        1.7976931348623157e308, 9.335744933994957e-17, 2.6104882325689648e-130, 5.084767197776064e190,
        9007199254740993, -9007199254740993, 18446744073709551615]"#;
    let text = format!(
        r#"{{
  "format": "attune",
  "version": 1,
  "device": "{me}",
  "month": "2026-03",
  "comment": "edited by hand with jq",
  "sync": {{"peer": "laptop", "drift": 1e-7}},
  "records": [
    {{
      "id": "01900000-0000-7000-8000-000000000001",
      "created_at": "2026-03-05T08:00:00.250+01:00",
      "updated_at": "2026-03-06T10:15:30.001+01:00",
      "kind": "checkin",
      "distress": 4,
      "sensations": ["warm hands"],
      "mood_colour": "teal",
      "ratio": 0.1,
      "future": {{"weights": {tricky}, "nested": {{"x": null, "y": true, "z": []}}}}
    }},
    {{
      "id": "01900000-0000-7000-8000-000000000002",
      "created_at": "2026-03-07T21:00:00-05:00",
      "updated_at": "2026-03-07T21:10:00-05:00",
      "kind": "session",
      "practice": "breathe",
      "practice_id": "exhale-4-6",
      "planned_seconds": 300.5,
      "actual_seconds": 0.1,
      "completed": false,
      "hrv": 1e-7
    }},
    {{
      "id": "01900000-0000-7000-8000-000000000003",
      "created_at": "2026-03-08T07:30:00.999+09:00",
      "updated_at": "2026-03-08T07:30:00.999+09:00",
      "kind": "journal",
      "text": "slept better",
      "tags": ["sleep"],
      "weather": {{"temp_c": -3.75, "exact": 0.30000000000000004}}
    }}
  ]
}}
"#
    );
    write(&path, text.as_bytes());
    let original: Value = serde_json::from_str(&text).unwrap();
    let by_id = |v: &Value, id: &str| -> Value {
        v["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("record {id} missing"))
            .clone()
    };

    // A new record in the same month, through the store.
    let added = checkin(1, "added later", stamp("2026-03-20T18:00:00.000+01:00"));
    store.save(added.clone()).unwrap();
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["comment"], original["comment"]);
    assert_eq!(saved["sync"], original["sync"]);
    for id in ["0001", "0002", "0003"] {
        let id = format!("01900000-0000-7000-8000-00000000{id}");
        assert_eq!(by_id(&saved, &id), by_id(&original, &id), "record {id}");
    }
    assert_eq!(by_id(&saved, &added.id.to_string())["note"], "added later");

    // Every number is bit-for-bit what the text said (Rust's own parser is exact).
    let weights = saved["records"][0]["future"]["weights"].as_array().unwrap();
    let want: Vec<&str> = tricky
        .trim_matches(['[', ']'])
        .split(',')
        .map(str::trim)
        .collect();
    for (got, want) in weights.iter().zip(&want) {
        match want.parse::<i128>() {
            Ok(i) if !want.contains(['.', 'e']) => assert_eq!(got.to_string(), i.to_string()),
            _ => assert_eq!(
                got.as_f64().unwrap().to_bits(),
                want.parse::<f64>().unwrap().to_bits(),
                "{want}"
            ),
        }
    }
    assert_eq!(weights.len(), want.len());

    // A delete keeps only what marks the record deleted (none of what it held); the
    // file's other records and fields are kept exactly.
    let snap = store.load_all().unwrap();
    let first = snap
        .merged
        .get(&"01900000-0000-7000-8000-000000000001".parse().unwrap())
        .unwrap()
        .clone();
    store
        .save(first.tombstone(stamp("2026-03-21T08:00:00.000+01:00")))
        .unwrap();
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let expected = json!({
        "id": "01900000-0000-7000-8000-000000000001",
        "kind": "checkin",
        "created_at": "2026-03-05T08:00:00.250+01:00",
        "updated_at": "2026-03-21T08:00:00+01:00",
        "deleted_at": "2026-03-21T08:00:00+01:00",
    });
    assert_eq!(by_id(&saved, "01900000-0000-7000-8000-000000000001"), expected);
    for id in ["0002", "0003"] {
        let id = format!("01900000-0000-7000-8000-00000000{id}");
        assert_eq!(by_id(&saved, &id), by_id(&original, &id), "record {id}");
    }
    assert_eq!(saved["sync"], original["sync"]);
    assert_eq!(saved["comment"], original["comment"]);
}

#[test]
fn a_ranged_read_opens_only_the_months_it_needs() {
    let sb = Sandbox::new();
    let store = sb.store();
    let me = store.device().to_string();
    let layout = store.layout().clone();
    let other = "0190aaaaaaaa7000800000000000f00d";
    write(&layout.month_path(&me, "2025-12"), &month_bytes(&me, "2025-12", &["december"]));
    write(
        &layout.month_path(other, "2026-01"),
        &month_bytes(other, "2026-01", &["january, theirs"]),
    );
    write(
        &layout.month_path(&me, "2026-03"),
        &month_bytes(&me, "2026-03", &["march, out of range"]),
    );
    let broken = layout.month_path(other, "2025-06");
    write(&broken, &truncated(other, "2025-06"));

    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let snap = store.load_range(d("2025-12-28"), d("2026-01-03")).unwrap();
    assert!(snap.problems.is_empty(), "{:?}", snap.problems);
    let notes = live_notes(&snap.merged);
    assert_eq!(notes, ["december", "january, theirs"]);

    let all = store.load_all().unwrap();
    assert_eq!(all.problems.len(), 1);
    assert_eq!(all.problems[0].path, broken);
    assert_eq!(all.merged.len(), 3);

    // Not even opened: a "month file" that cannot be read at all (a folder) does not
    // disturb a range that does not include it.
    std::fs::create_dir(layout.device_dir(other).join("2024-02.json")).unwrap();
    let snap = store.load_range(d("2026-01-01"), d("2026-03-31")).unwrap();
    assert!(snap.problems.is_empty());
    assert_eq!(snap.merged.len(), 2);
    // A range wholly in one month opens just it.
    let snap = store.load_range(d("2025-06-01"), d("2025-06-30")).unwrap();
    assert_eq!(snap.problems.len(), 1);
    assert!(snap.merged.is_empty());
    let _ = Store::open(layout).unwrap();
}

#[cfg(unix)]
#[test]
fn a_month_file_that_cannot_be_opened_is_reported_and_the_rest_still_loads() {
    let sb = Sandbox::new();
    let store = sb.store();
    let ours = store.layout().month_path(store.device(), "2026-03");
    write(&ours, &month_bytes(store.device(), "2026-03", &["kept"]));
    let dangling = sb
        .data
        .join("records")
        .join("otherdev")
        .join("2020-01.json");
    std::fs::create_dir_all(dangling.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(sb.root.path().join("gone.json"), &dangling).unwrap();

    let snap = store
        .load_all()
        .expect("a missing link does not stop the read");
    assert_eq!(snap.merged.live().len(), 1);
    assert!(matches!(problem_at(&snap.problems, &dangling), Problem::Unopenable { .. }));

    let out = sb.attune().arg("doctor").output().expect("run attune");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2020-01.json cannot be opened"), "{text}");
}

#[test]
fn one_record_this_version_cannot_read_hides_nothing_else_and_survives_saves() {
    let sb = Sandbox::new();
    let store = sb.store();
    // The binary runs with TZ=UTC, so its check-in lands in this UTC month.
    let month = current_month();
    let path = store.layout().month_path(store.device(), &month);
    let mut v: serde_json::Value =
        serde_json::from_slice(&month_bytes(store.device(), &month, &["kept"])).unwrap();
    let odd = json!({"id": "01900000-0000-7000-8000-00000000cafe", "created_at": format!("{month}-02T08:00:00+00:00"),
                     "updated_at": format!("{month}-02T08:00:00+00:00"), "kind": "mood", "colour": "teal"});
    let edited = json!({"id": "01900000-0000-7000-8000-00000000beef", "created_at": format!("{month}-03T08:00:00+00:00"),
                        "updated_at": format!("{month}-03T08:00:00+00:00"), "kind": "checkin", "distress": 300});
    v["records"]
        .as_array_mut()
        .unwrap()
        .extend([odd.clone(), edited.clone()]);
    write(&path, &serde_json::to_vec_pretty(&v).unwrap());

    let snap = store.load_all().unwrap();
    assert!(snap.problems.is_empty(), "{:?}", snap.problems);
    assert_eq!(live_notes(&snap.merged), ["kept"]);
    // A new save into the month keeps both odd records exactly.
    run_checkin(&sb, "after");
    let back: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let records = back["records"].as_array().unwrap();
    assert!(records.contains(&odd) && records.contains(&edited), "{back:#}");
    let mut notes = live_notes(&store.load_all().unwrap().merged);
    notes.sort();
    assert_eq!(notes, ["after", "kept"]);
    let doctor = sb.attune().arg("doctor").output().unwrap();
    assert!(
        String::from_utf8_lossy(&doctor.stdout).contains("2 record(s) this attune cannot read")
    );
}

#[test]
fn conflict_copies_and_linked_device_folders_are_read() {
    let sb = Sandbox::new();
    let store = sb.store();
    let other = sb.data.join("records").join("laptop");
    write(
        &other.join("2026-03.sync-conflict-20260301-ABC.json"),
        &month_bytes("laptop", "2026-03", &["only in the copy"]),
    );
    let elsewhere = sb.root.path().join("elsewhere");
    write(&elsewhere.join("2026-04.json"), &month_bytes("phone", "2026-04", &["linked"]));
    std::os::unix::fs::symlink(&elsewhere, sb.data.join("records").join("phone")).unwrap();

    let snap = store.load_all().unwrap();
    assert!(snap.problems.is_empty(), "{:?}", snap.problems);
    assert_eq!(live_notes(&snap.merged), ["only in the copy", "linked"]);
    let doctor = sb.attune().arg("doctor").output().unwrap();
    let text = String::from_utf8_lossy(&doctor.stdout);
    // Its record is in no month file yet, so the copy must stay.
    assert!(
        text.contains("conflict copy holding 1 record(s) not yet in 2026-03.json")
            && text.contains("keep it"),
        "{text}"
    );
    assert!(!text.contains("may delete"), "{text}");
}

#[test]
fn a_month_file_with_a_byte_order_mark_is_read_and_an_empty_one_is_named() {
    let sb = Sandbox::new();
    let store = sb.store();
    let other = sb.data.join("records").join("laptop");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(month_bytes("laptop", "2026-03", &["after a mark"]));
    write(&other.join("2026-03.json"), &with_bom);
    write(&other.join("2026-04.json"), b"");
    let snap = store.load_all().unwrap();
    assert_eq!(live_notes(&snap.merged), ["after a mark"]);
    assert_eq!(problem_at(&snap.problems, &other.join("2026-04.json")), &Problem::Empty);
    let history = sb.attune().arg("history").output().unwrap();
    let warned = String::from_utf8_lossy(&history.stderr);
    assert!(warned.contains("2026-04.json is empty"), "{warned}");
    let doctor = sb.attune().arg("doctor").output().unwrap();
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert_eq!(doctor.status.code(), Some(1), "{said}");
    assert!(said.contains("is empty") && !said.contains("All is well"), "{said}");
}
