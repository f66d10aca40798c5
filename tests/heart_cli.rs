//! `attune heart import` and `attune heart show` through the binary: each file format,
//! a broken file refused with its line and reason (exit 2, nothing stored), and the
//! resting weeks with honest counts.

use crate::common::{Env, pinned_local};
use serde_json::{Value, json};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/heart")
        .join(name)
        .display()
        .to_string()
}

fn hearts(env: &Env) -> Vec<Value> {
    env.history_json(&["--kind", "heart"])
}

#[test]
fn each_file_format_is_read_and_stored() {
    let env = Env::new();
    for (file, source, beats) in [
        ("elite_hrv.txt", "rr", 301),
        ("polar_RR.txt", "polar", 212),
        ("hrv_logger.csv", "hrv-logger", 167),
        ("timed.txt", "t-rr", 113),
    ] {
        let said = env.run_ok(&["heart", "import", &fixture(file)]);
        assert!(said.starts_with("Saved a reading outside practice"), "{said}");
        let stored = hearts(&env);
        let h = stored.last().expect("a reading");
        assert_eq!(h["source"], source, "{file}");
        assert_eq!(h["context"], "outside");
        assert_eq!(h["beats"], beats, "{file}");
    }
}

#[test]
fn every_number_is_said_with_its_meaning() {
    let env = Env::new();
    let said = env.run_ok(&["heart", "import", "--rest", &fixture("elite_hrv.txt")]);
    assert!(said.starts_with("Saved a resting reading: 5 min"), "{said}");
    for (number, meaning) in [
        ("Heart rate 60.1 a minute", "the average pace"),
        ("RMSSD ", "42 ± 15 ms"),
        ("SDNN ", "varies over the whole reading"),
        ("Swing ", "rose and fell within a breath"),
        ("Low-frequency power ", "slow breathing"),
        ("Coherence ", "(6 breaths a minute)"),
        ("0% of the beats needed correcting", "missed, extra or early"),
    ] {
        let line = said
            .lines()
            .find(|l| l.contains(number))
            .unwrap_or_else(|| panic!("{number} in {said}"));
        assert!(line.contains(meaning), "{line}");
    }
    let h = &hearts(&env)[0];
    assert_eq!(h["context"], "rest");
    let rmssd = h["rmssd_ms"].as_f64().unwrap();
    assert!(rmssd > 20.0 && rmssd < 40.0, "{rmssd}");
    assert!((h["peak_hz"].as_f64().unwrap() - 0.1).abs() < 0.005);
    assert!((h["breath_seconds"].as_f64().unwrap() - 10.0).abs() < 0.5);
    assert_eq!(h["minutes"].as_array().unwrap().len(), 5);
}

#[test]
fn a_missed_beat_is_corrected_and_counted() {
    let env = Env::new();
    let out = env.run_ok(&["heart", "import", "--json", &fixture("timed.txt")]);
    let h: Value = serde_json::from_str(&out).unwrap();
    let share = h["corrected_share"].as_f64().unwrap();
    assert!((share - 1.0 / 112.0).abs() < 1e-9, "{share}");
    assert_eq!(h["kind"], "heart");
    // Under two minutes: no spectrum, so no swing without a paced breath either.
    assert!(h.get("coherence").is_none() && h.get("swing_bpm").is_none());
}

#[test]
fn a_broken_file_is_refused_with_its_line_and_nothing_is_stored() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["heart", "import", &fixture("broken.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt line 5: \"81O\" should be a number"), "{err}");
    assert!(err.contains("Nothing was stored."), "{err}");
    assert!(env.snapshot().is_empty(), "nothing written");
}

#[test]
fn files_that_are_not_heart_beats_are_refused() {
    let env = Env::new();
    let dir = env.tmp.path();
    let cases: [(&str, &[u8], &str); 5] = [
        ("words.txt", b"hello there\n", "words.txt line 1: this is not a heart-beat file"),
        ("bytes.txt", b"800\n810\n\xff\xfe\n", "bytes.txt line 3: this is not text"),
        ("empty.txt", b"\n\n", "the file holds no heart-beat intervals"),
        ("zero.txt", b"800\n0\n", "zero.txt line 2: 0 ms cannot be"),
        ("few.txt", b"800\n810\n790\n", "too few usable beats"),
    ];
    for (name, bytes, said) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = env
            .cmd()
            .args(["heart", "import", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{name}: {err}");
    }
    let out = env
        .cmd()
        .args(["heart", "import", dir.join("missing.txt").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(env.snapshot().is_empty());
}

/// A resting reading written by another device a week before the pin.
fn other_device_reading(env: &Env, rmssd: f64) {
    let at = pinned_local() - chrono::TimeDelta::days(7);
    let stamp = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false);
    let record = json!({
        "id": "01900000-0000-7000-8000-000000000001",
        "created_at": stamp, "updated_at": stamp, "kind": "heart",
        "context": "rest", "source": "polar", "seconds": 180.0, "beats": 200,
        "corrected_share": 0.0, "mean_hr": 66.0, "rmssd_ms": rmssd, "sdnn_ms": 40.0,
        "from_a_newer_attune": true
    });
    let month = at.format("%Y-%m").to_string();
    let dir = env.data().join("records").join("phone");
    std::fs::create_dir_all(&dir).expect("a device folder");
    let file = json!({"format": "attune", "version": 1, "device": "phone",
                      "month": month, "records": [record]});
    std::fs::write(dir.join(format!("{month}.json")), file.to_string()).expect("a month file");
}

#[test]
fn show_lists_readings_and_resting_weeks_with_counts() {
    let env = Env::new();
    assert!(
        env.run_ok(&["heart", "show"])
            .contains("No heart readings yet")
    );
    other_device_reading(&env, 30.0);
    env.run_ok(&["heart", "import", "--rest", &fixture("elite_hrv.txt")]);
    env.run_ok(&["heart", "import", "--rest", &fixture("polar_RR.txt")]);
    env.run_ok(&["heart", "import", &fixture("hrv_logger.csv")]);
    let said = env.run_ok(&["heart", "show"]);
    assert_eq!(said.matches("resting reading ·").count(), 3, "{said}");
    assert_eq!(said.matches("reading outside practice ·").count(), 1);
    assert!(said.contains(": 1 reading · RMSSD 30 ms · heart rate 66 a minute"), "{said}");
    assert!(said.contains(": 2 readings · RMSSD"), "{said}");
    assert!(said.contains("not baselines"));
    let doc: Value = serde_json::from_str(&env.run_ok(&["heart", "show", "--json"])).unwrap();
    let weeks = doc["rest_weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 2);
    assert_eq!(
        (weeks[0]["readings"].clone(), weeks[1]["readings"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(doc["readings"].as_array().unwrap().len(), 4);
    // A field from a newer attune is kept and shown as it is.
    assert_eq!(doc["readings"][0]["from_a_newer_attune"], true);
    let limited: Value =
        serde_json::from_str(&env.run_ok(&["heart", "show", "--json", "--limit", "1"])).unwrap();
    assert_eq!(limited["readings"][0]["source"], "hrv-logger");
}

#[test]
fn a_reading_no_attune_writes_is_kept_but_not_counted() {
    let env = Env::new();
    other_device_reading(&env, -5.0);
    let out = env
        .cmd()
        .args(["heart", "show", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["readings"].as_array().unwrap().len(), 0);
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty(), "said on stderr");
    let before = env.snapshot();
    env.run_ok(&["heart", "import", &fixture("elite_hrv.txt")]);
    let kept = env.snapshot();
    assert!(before.iter().all(|f| kept.contains(f)), "the odd record is kept verbatim");
}

#[test]
fn rest_reads_a_command_for_the_minutes_asked() {
    let env = Env::new();
    let cmd = format!("cat '{}'", fixture("elite_hrv.txt"));
    let out = env
        .cmd()
        .args([
            "heart",
            "rest",
            "--minutes",
            "1",
            "--heart-cmd",
            &cmd,
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Reading for 1 min"), "{err}");
    assert!(err.contains("[00:30] heart 60") && err.contains("[01:00] heart"), "{err}");
    let h: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(h["context"], "rest");
    let seconds = h["seconds"].as_f64().unwrap();
    assert!((60.0..61.5).contains(&seconds), "{seconds}");
    assert_eq!(hearts(&env).len(), 1);
}

#[cfg(unix)]
#[test]
fn rest_from_a_fifo_keeps_what_came_before_its_writer_closed() {
    use std::io::Write;
    let env = Env::new();
    let fifo = env.tmp.path().join("strap");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let child = env
        .sh(r#"exec "$ATTUNE_BIN" heart rest --minutes 5 --heart "$1""#)
        .arg("sh")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        // Opening waits for attune to open its end; closing it ends the reading.
        let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
        for k in 0..90 {
            writeln!(w, "{} {}", k * 1000, 980 + (k % 5) * 10).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("The heart data stopped at"), "{err}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.starts_with("Saved a resting reading: 1 min 30 s, 90 beats."), "{said}");
    assert_eq!(hearts(&env)[0]["source"], "t-rr");
}

#[test]
fn rest_refuses_what_it_cannot_use_and_stores_nothing() {
    let env = Env::new();
    for (args, said) in [
        (vec!["--minutes", "9", "--heart-cmd", "true"], "1 to 5 minutes"),
        (vec!["--minutes", "1", "--heart-cmd", "exit 3"], "too few usable beats"),
        (vec!["--minutes", "1", "--heart-cmd", "echo hello; echo there"], "too few"),
    ] {
        let out = env
            .cmd()
            .args(["heart", "rest"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{args:?}: {err}");
    }
    let out = env.cmd().args(["heart", "rest"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a source is needed");
    assert!(env.snapshot().is_empty());
}

#[test]
fn a_reading_can_be_deleted_and_its_numbers_go() {
    let env = Env::new();
    env.run_ok(&["heart", "import", "--rest", &fixture("polar_RR.txt")]);
    let id = hearts(&env)[0]["id"].as_str().unwrap().to_string();
    let out = env
        .cmd()
        .args(["heart", "delete", "ffff0000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no heart reading has an id"));
    let out = env.cmd().args(["heart", "delete", &id]).output().unwrap();
    assert!(!out.status.success(), "a pipe cannot say yes");
    assert_eq!(hearts(&env).len(), 1);
    assert!(
        env.run_ok(&["heart", "delete", &id, "--yes"])
            .contains("Deleted.")
    );
    assert!(hearts(&env).is_empty());
    let files = env.snapshot();
    let text = String::from_utf8_lossy(&files[0].1);
    assert!(text.contains("\"kind\": \"heart\"") && !text.contains("rmssd_ms"), "{text}");
}

#[test]
fn a_reading_shows_in_history_and_changes_no_practice_figure() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let before: Value = serde_json::from_str(&env.run_ok(&["trends", "--json"])).unwrap();
    env.run_ok(&["heart", "import", "--rest", &fixture("hrv_logger.csv")]);
    let said = env.run_ok(&["history"]);
    let line = said
        .lines()
        .find(|l| l.contains("heart"))
        .expect("a heart line");
    assert!(line.contains("resting reading · heart 66.7 a minute · RMSSD"), "{line}");
    let mut after: Value = serde_json::from_str(&env.run_ok(&["trends", "--json"])).unwrap();
    // The reading is a heart figure of its own, and changes no other.
    let heart = after
        .as_object_mut()
        .and_then(|o| o.remove("heart"))
        .expect("the heart figures");
    assert_eq!(heart["rest"]["readings"], 1);
    assert_eq!(before, after);
    let csv = env.run_ok(&["export", "--format", "csv"]);
    assert!(csv.lines().any(|l| l.contains(",heart,")), "{csv}");
}

#[test]
fn a_file_of_more_beats_than_one_reading_is_refused() {
    let env = Env::new();
    let path = env.tmp.path().join("days.txt");
    std::fs::write(&path, "800\n".repeat(200_001)).unwrap();
    let out = env
        .cmd()
        .args(["heart", "import", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than 200000 beats"));
    assert!(env.snapshot().is_empty());
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_rest_reading_and_keeps_what_was_read() {
    use std::io::{BufRead, Write};
    let env = Env::new();
    let fifo = env.tmp.path().join("strap");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let mut child = env
        .sh(r#"exec "$ATTUNE_BIN" heart rest --minutes 5 --json --heart "$1""#)
        .arg("sh")
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    // 30 beats that add up to exactly 30 s: the 30-s line comes with the last of them.
    for k in 0..30 {
        writeln!(w, "{}", 990 + (k % 2) * 20).unwrap();
    }
    w.flush().unwrap();
    // Waits for attune's own word that 30 s of beats are in, never for a length of time.
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("[00:30] heart") {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "attune ended early");
    }
    let pid = child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    drop(w);
    assert_eq!(out.status.code(), Some(130));
    let h: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((h["context"].clone(), h["beats"].clone()), (json!("rest"), json!(30)));
    assert_eq!(hearts(&env).len(), 1);
}

/// Without the `ble` feature, a scan says plainly how to get Bluetooth or what to use
/// instead (exit 2); a scan of a length outside 1-60 s is refused either way.
#[cfg(not(feature = "ble"))]
#[test]
fn a_scan_without_bluetooth_says_how_to_get_it() {
    let env = Env::new();
    let out = env.cmd().args(["heart", "scan"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("--features ble"), "{said}");
    assert!(said.contains("--heart PATH"), "{said}");
    for seconds in ["0", "61"] {
        let out = env
            .cmd()
            .args(["heart", "scan", "--seconds", seconds])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("1 to 60 seconds"));
    }
    assert!(env.snapshot().is_empty());
}
