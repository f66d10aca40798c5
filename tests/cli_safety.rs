//! Hostile bytes through the real binary: text that did not come from attune (records,
//! the user's files, arguments, folder names) never reaches the terminal as controls.

use crate::common;

use crate::common::Env;
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Checkin, Journal, Record, Session};
use serde_json::json;
use std::process::Output;

/// Every C0 and C1 control, DEL, and every direction mark and override, after a word a
/// search can find; with the classic attacks (retitle, clear, clipboard) spelled out.
fn hostile() -> String {
    let controls = (0u32..0x20).chain([0x7F]).chain(0x80..0xA0);
    let marks = [0x061C, 0x200E, 0x200F]
        .into_iter()
        .chain(0x202A..=0x202E)
        .chain(0x2066..=0x2069);
    let mut s = String::from("hostile ");
    s.extend(controls.chain(marks).filter_map(char::from_u32));
    s.push_str(" \u{1b}]0;owned\u{7}\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m end");
    s
}

/// The same without NUL, which an argument or a file name cannot hold.
fn hostile_arg() -> String {
    hostile().replace('\0', "")
}

/// The first character a terminal would act on (line breaks and tabs aside), if any.
fn raw_control(bytes: &[u8]) -> Option<char> {
    let text = String::from_utf8_lossy(bytes);
    let bad = |c: &char| {
        (c.is_control() && *c != '\n' && *c != '\t')
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    text.chars().find(bad)
}

/// Every stream in `runs` that let a control through, named, with what it printed.
fn assert_all_safe(runs: &[(String, Output)]) {
    let mut leaks = Vec::new();
    for (label, out) in runs {
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(c) = raw_control(bytes) {
                let text = String::from_utf8_lossy(bytes);
                leaks.push(format!("{label} {stream}: U+{:04X} in {text:?}", u32::from(c)));
            }
        }
    }
    assert!(leaks.is_empty(), "{} leaks:\n{}", leaks.len(), leaks.join("\n"));
}

/// `s` as a TOML basic string, every character outside printable ASCII escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            ' '..='~' if c != '"' && c != '\\' => out.push(c),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Records, patterns, a routine, crisis lines and a device folder, all hostile.
fn seed(env: &Env) -> String {
    let h = hostile();
    let store = Store::open(Layout::new(env.data(), env.tmp.path().join("state"))).expect("store");
    let at = common::pinned_local() - chrono::TimeDelta::hours(1);
    let checkin = Checkin {
        distress: 4,
        sensations: vec![h.clone()],
        note: Some(h.clone()),
        ..Checkin::default()
    };
    let session = Session {
        practice: "breathe".into(),
        practice_id: h.clone(),
        actual_seconds: 300.0,
        completed: true,
        distress_before: Some(6),
        distress_after: Some(2),
        ..Session::default()
    };
    let journal = Journal {
        text: format!("{h}\nand then {h}\n"),
        prompt: Some(h.clone()),
        tags: vec![h.clone()],
        sensations: vec![h.clone()],
        feelings: vec![h.clone()],
        ..Journal::default()
    };
    let entry = Record::new(Body::Journal(journal), at);
    let id = entry.id.to_string();
    let records = vec![
        Record::new(Body::Checkin(checkin), at),
        Record::new(Body::Session(session), at),
        entry,
    ];
    store.save_all(records).expect("seeded");
    let odd_device = env.data().join("records").join(hostile_arg());
    std::fs::create_dir_all(&odd_device).expect("odd device");
    let month = common::pinned_local().format("%Y-%m").to_string();
    std::fs::write(odd_device.join(format!("{month}.json")), "{broken").expect("write");
    own_files(env, &h);
    id
}

fn own_files(env: &Env, h: &str) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    let patterns = json!({"patterns": [{"id": "odd", "name": h, "about": h, "in": 2, "out": 4}]});
    let routines = json!({"routines": [{
        "id": "odd", "title": h, "preview": h, "eyes": "open", "minutes": 1,
        "steps": [{"kind": "read", "text": h}, {"kind": "typed", "items": 1, "text": h}]
    }]});
    for (file, doc) in [("patterns.json", patterns), ("routines.json", routines)] {
        std::fs::write(env.config().join(file), doc.to_string()).expect("write");
    }
    let t = toml_string(h);
    let config = format!("[[crisis_lines]]\nregion = {t}\nname = {t}\ncontact = {t}\n");
    std::fs::write(env.config().join("config.toml"), config).expect("write");
}

fn run(env: &Env, args: &[&str], stdin: &str) -> Output {
    env.cmd()
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs")
}

#[test]
fn no_printer_lets_a_control_or_a_direction_override_reach_the_terminal() {
    let env = Env::new();
    let id = seed(&env);
    let h = hostile_arg();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["history"], ""),
        (vec!["journal", "list"], ""),
        (vec!["journal", "show", &id], ""),
        (vec!["journal", "search", "hostile"], ""),
        (vec!["trends", "--all"], ""),
        (vec!["trends", "--week"], ""),
        (vec!["patterns"], ""),
        (vec!["ground", "--list"], ""),
        (vec!["prompts"], ""),
        (vec!["checkin", "--distress", "10", "--note", "fine"], ""),
        (vec!["breathe", "--plain", "--pattern", "odd", "--minutes", "0.1"], "3\n"),
        (vec!["ground", "odd", "--plain", "--no-checkin"], "\nmy line\n"),
        (vec!["config", "--path"], ""),
        (vec!["status"], ""),
        // Messages that quote what was asked for.
        (vec!["ground", &h, "--plain"], ""),
        (vec!["breathe", "--pattern", &h, "--plain"], ""),
        (vec!["prompts", "--category", &h], ""),
        (vec!["journal", "show", &h], ""),
        (vec!["journal", "new", "--prompt", &h], "text"),
        (vec!["history", "--since", &h], ""),
        (vec!["history", "--kind", &h], ""),
        (vec![&h], ""),
    ];
    let mut runs: Vec<(String, Output)> = cases
        .iter()
        .map(|(args, stdin)| (format!("{args:?}"), run(&env, args, stdin)))
        .collect();
    // A folder name and a settings path are anyone's bytes too.
    let odd_dir = env.tmp.path().join(&h);
    let odd_config = env.tmp.path().join(format!("{h}.toml"));
    let odd = env
        .cmd()
        .env("ATTUNE_DATA_DIR", &odd_dir)
        .arg("--config")
        .arg(&odd_config)
        .args(["history"])
        .output()
        .expect("runs");
    runs.push(("a hostile data folder".into(), odd));
    let path = env
        .cmd()
        .arg("--config")
        .arg(&odd_config)
        .args(["config", "--path"])
        .output()
        .expect("runs");
    runs.push(("a hostile config path".into(), path));
    assert_all_safe(&runs);
    // And each one did show the hostile text (made safe), bar those with none to show:
    // attune's own prompts, the default settings path, today's summary.
    let silent: Vec<&str> = runs
        .iter()
        .filter(|(_, o)| !format!("{o:?}").contains("hostile"))
        .map(|(label, _)| label.as_str())
        .collect();
    assert_eq!(silent, [r#"["prompts"]"#, r#"["config", "--path"]"#, r#"["status"]"#]);
}

#[test]
fn data_formats_keep_the_exact_text() {
    let env = Env::new();
    seed(&env);
    let h = hostile();
    let history = env.history_json(&["--kind", "checkin"]);
    assert_eq!(history[0]["note"], h.as_str());
    let list: serde_json::Value =
        serde_json::from_str(&env.run_ok(&["journal", "list", "--json"])).expect("json");
    assert_eq!(list[0]["tags"][0], h.as_str());
    let export = env.cmd().args(["export"]).output().expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&export.stdout).expect("json");
    let notes: Vec<&str> = doc["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(|r| r["note"].as_str())
        .collect();
    assert_eq!(notes, [h.as_str()]);
}

#[test]
fn a_note_that_looks_like_a_formula_is_exported_to_csv_as_text() {
    let env = Env::new();
    let note = "=HYPERLINK(\"http://example.com\",\"click\")";
    env.run_ok(&["checkin", "--distress", "3", "--note", note]);
    env.run_ok(&["checkin", "--distress", "2", "--note", "@SUM(A1) then -1"]);
    let csv = env.run_ok(&["export", "--format", "csv"]);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'@SUM(A1) then -1,"), "{csv}");
    assert!(!csv.contains(",=") && !csv.contains(",@"), "{csv}");
    assert_eq!(env.history_json(&[])[0]["note"], note, "the record keeps it exactly");
}

/// This device's lock, held as another attune saving would hold it.
fn hold_the_lock(env: &Env) -> attune::store::lock::DeviceLock {
    env.run_ok(&["checkin", "--distress", "2"]);
    let layout = Layout::new(env.data(), env.tmp.path().join("state"));
    let device = std::fs::read_to_string(layout.state_dir.join("device-id")).expect("id");
    let path = layout.lock_path(device.trim());
    let free = attune::store::lock::Patience::default();
    attune::store::lock::DeviceLock::acquire_with(&path, free, &mut || {}).expect("free")
}

#[test]
fn a_save_behind_another_attunes_says_it_is_waiting_then_gives_up_changing_nothing() {
    let env = Env::new();
    let held = hold_the_lock(&env);
    let before = env.snapshot();
    let out = env
        .cmd()
        .env("ATTUNE_LOCK_PATIENCE_MS", "0,300")
        .args(["checkin", "--distress", "3"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty(), "no id for a check-in that was not saved");
    assert!(err.contains("waiting for another attune to finish saving…"), "{err}");
    assert!(
        err.contains("stopped waiting; nothing was changed") && err.contains(".lock"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before, "nothing changed");
    drop(held);
    let out = env
        .cmd()
        .args(["checkin", "--distress", "3"])
        .output()
        .expect("runs");
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn a_save_waits_for_another_attune_and_goes_through_when_it_is_done() {
    use std::io::{BufRead, BufReader};
    let env = Env::new();
    let held = hold_the_lock(&env);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["checkin", "--distress", "4"])
        .env("ATTUNE_DATA_DIR", env.data())
        .env("ATTUNE_STATE_DIR", env.tmp.path().join("state"))
        .env("ATTUNE_CONFIG_DIR", env.config())
        .env("HOME", env.tmp.path().join("home"))
        .env("ATTUNE_LOCK_PATIENCE_MS", "0,600000")
        .env("ATTUNE_NOW", common::pinned_local().to_rfc3339())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut first = String::new();
    err.read_line(&mut first).expect("a line");
    assert_eq!(first.trim(), "attune: waiting for another attune to finish saving…");
    drop(held);
    let out = child.wait_with_output().expect("exits");
    assert!(out.status.success());
    assert_eq!(env.history_json(&["--kind", "checkin"]).len(), 2);
}

fn quick_pattern(env: &Env) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    let quick = r#"{"patterns":[{"id":"quick","name":"Quick","in":2,"out":4}]}"#;
    std::fs::write(env.config().join("patterns.json"), quick).expect("write");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_stops_plain_breathing_and_keeps_it_as_stopped_early() {
    let env = Env::new();
    quick_pattern(&env);
    let out = env
        // The reader goes at 12 s; the line at 14 s finds no one: past the first ten
        // seconds, so it is a practice, kept as stopped early.
        .sh(r#""$ATTUNE_BIN" breathe --plain --pattern quick --minutes 1 --no-checkin | head -5"#)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("sh runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.starts_with("[00:00.0] Breathe in 2.0s\n"), "{shown}");
    assert!(shown.ends_with("[00:12.0] Breathe in 2.0s\n"), "{shown}");
    let sessions = env.history_json(&["--kind", "session"]);
    assert_eq!(sessions.len(), 1, "the practice was kept");
    assert_eq!(sessions[0]["completed"], false);
    assert_eq!(sessions[0]["practice_id"], "quick");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_stops_a_plain_grounding_routine_and_keeps_it_as_stopped_early() {
    use std::io::{BufRead, BufReader, Write};
    let env = Env::new();
    let mut child = env
        .sh(r#"exec "$ATTUNE_BIN" ground 5-4-3-2-1 --plain --no-checkin"#)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    // Read the first step, then go away as `head` would: every later line has no reader.
    let mut first = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    while !line.contains("Step 1 of") {
        line.clear();
        first.read_line(&mut line).expect("a line");
    }
    drop(first);
    // Past the first seconds, in which a stop is a start let go and nothing is kept.
    std::thread::sleep(std::time::Duration::from_millis(10_200));
    let mut stdin = child.stdin.take().expect("stdin");
    let _ = stdin.write_all(b"\nsky\n");
    drop(stdin);
    assert!(child.wait().expect("exits").success());
    let sessions = env.history_json(&["--kind", "session"]);
    assert_eq!(sessions.len(), 1, "the practice was kept");
    assert_eq!(sessions[0]["completed"], false);
}

#[test]
fn text_on_stdin_that_is_not_utf8_or_is_empty_is_a_usage_error() {
    let env = Env::new();
    for bytes in [&b"caf\xe9 au lait\n"[..], b"", b"  \n\t\n"] {
        let out = env
            .cmd()
            .args(["journal", "new"])
            .write_stdin(bytes)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bytes:?}: {err}");
        assert!(err.contains("nothing was saved"), "{err}");
    }
    let out = env
        .cmd()
        .args(["journal", "new"])
        .write_stdin(&b"\xff\xfe"[..])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin"));
    assert!(!env.data().exists(), "nothing was made");
}

#[test]
fn journal_list_since_after_until_is_a_usage_error_as_in_history() {
    let env = Env::new();
    for command in ["journal list", "history"] {
        let mut args: Vec<&str> = command.split(' ').collect();
        args.extend(["--since", "2026-11-20", "--until", "2026-11-01"]);
        let out = env.cmd().args(&args).output().expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(err.contains("--since 2026-11-20 is after --until 2026-11-01"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_plain_practice_ended_by_a_signal_exits_128_and_the_signal() {
    use std::io::{BufRead, BufReader};
    let env = Env::new();
    let mut child = env
        .sh(r#"exec "$ATTUNE_BIN" ground 5-4-3-2-1 --plain --no-checkin"#)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("starts");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    while !line.contains("Step 1 of") {
        line.clear();
        out.read_line(&mut line).expect("a line");
    }
    // Past the first seconds, in which a stop is a start let go and nothing is kept.
    std::thread::sleep(std::time::Duration::from_millis(10_200));
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    assert!(sent.is_ok_and(|s| s.success()));
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(128 + 15), "SIGTERM");
    let sessions = env.history_json(&["--kind", "session"]);
    assert_eq!(sessions.len(), 1, "the practice was kept");
    assert_eq!(sessions[0]["completed"], false);
}

#[test]
fn doctor_names_a_stray_file_with_a_hostile_name_safely() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let name = format!("stray{}.txt", hostile_arg().replace('/', ""));
    std::fs::write(env.data().join("records").join(name), "x").expect("writes");
    let runs: Vec<(String, Output)> = [vec!["doctor"], vec!["history"]]
        .into_iter()
        .map(|args| (args.join(" "), env.cmd().args(&args).output().expect("runs")))
        .collect();
    assert_all_safe(&runs);
}

#[test]
fn the_export_line_names_a_hostile_file_name_safely() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    let out = env.tmp.path().join("out\u{1b}]0;owned\u{7}.json");
    let run = env
        .cmd()
        .args(["export", "--out", out.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("Exported 1 record to"), "{said}");
    assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'), "{said:?}");
    assert!(out.exists(), "the file itself keeps its exact name");
}

#[test]
fn a_record_dated_outside_the_years_attune_files_is_refused_on_write_and_nothing_is_made() {
    let env = Env::new();
    let out = env
        .cmd()
        .env("ATTUNE_NOW", "0001-01-01T09:00:00+00:00")
        .args(["checkin", "--distress", "3"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot be saved") && err.contains("outside the years 1970 to 9999"),
        "{err}"
    );
    assert!(env.history_json(&[]).is_empty());
}
