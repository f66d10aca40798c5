//! `attune breathe` and `attune patterns` through the real binary: bad input exits 2 and
//! stores nothing; Ctrl-C ends a plain run (exit 130) and still records it as stopped
//! early.

use crate::common::Env;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

fn write_patterns(env: &Env, text: &str) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(env.config().join("patterns.json"), text).expect("write");
}

#[test]
fn patterns_json_lists_ids_and_phase_lengths() {
    let env = Env::new();
    let out = env.run_ok(&["patterns", "--json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&out).expect("a JSON array");
    let ids: Vec<&str> = v.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "exhale-4-6",
            "exhale-4-8",
            "coherent-5.5",
            "sigh",
            "box-4",
            "box-3",
            "4-7-8"
        ]
    );
    assert_eq!((v[0]["in"].as_f64(), v[0]["out"].as_f64()), (Some(4.0), Some(6.0)));
    assert_eq!(v[2]["in"].as_f64(), Some(5.45));
    assert_eq!(v[6]["hold_in"].as_f64(), Some(7.0));
}

#[test]
fn bad_requests_exit_2_and_store_nothing() {
    let env = Env::new();
    let cases: [&[&str]; 5] = [
        &["breathe", "--pattern", "nope", "--plain"],
        &["breathe", "--minutes", "0", "--plain"],
        &["breathe", "--minutes", "61", "--plain"],
        &["breathe", "--minutes", "abc", "--plain"],
        &["breathe", "--pattern", "box-4", "--follow", "--plain"],
    ];
    for args in cases {
        let out = env.cmd().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    let err = env
        .cmd()
        .args(["breathe", "--pattern", "nope"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(
        err.contains("no breathing pattern \"nope\"") && err.contains("exhale-4-6"),
        "{err}"
    );
    assert!(!env.data().exists(), "nothing was created");
}

#[test]
fn a_custom_pattern_out_of_bounds_is_named_with_its_value() {
    let env = Env::new();
    write_patterns(&env, r#"{"patterns":[{"id":"rush","name":"Rush","in":1,"out":3}]}"#);
    for args in [
        &["patterns"][..],
        &["breathe", "--plain", "--pattern", "exhale-4-6"][..],
    ] {
        let out = env.cmd().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("patterns.json")
                && err.contains("\"rush\"")
                && err.contains("in-breath is 1"),
            "{err}"
        );
    }
}

/// A plain run of the "quick" pattern (in 2, out 4) with its lines read as they come.
#[cfg(unix)]
fn quick_plain_run(
    env: &Env,
) -> (std::process::Child, std::io::Lines<BufReader<std::process::ChildStdout>>) {
    write_patterns(env, r#"{"patterns":[{"id":"quick","name":"Quick","in":2,"out":4}]}"#);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_attune"))
        .args([
            "breathe",
            "--pattern",
            "quick",
            "--minutes",
            "1",
            "--no-checkin",
        ])
        .env("ATTUNE_DATA_DIR", env.data())
        .env("ATTUNE_STATE_DIR", env.tmp.path().join("state"))
        .env("ATTUNE_CONFIG_DIR", env.config())
        .env("HOME", env.tmp.path().join("home"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().expect("a first line").expect("utf-8");
    assert_eq!(
        first, "[00:00.0] Breathe in 2.0s",
        "stdout is not a terminal, so the run is plain"
    );
    (child, lines)
}

#[cfg(unix)]
fn interrupt(child: &std::process::Child) {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    assert!(sent.is_ok_and(|s| s.success()));
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_plain_run_and_records_it_as_stopped_early() {
    let env = Env::new();
    let (mut child, mut lines) = quick_plain_run(&env);
    // Past the first ten seconds (the breath that starts at 12 s), it is a practice.
    let at_twelve = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("[00:12.0]"));
    assert!(at_twelve.is_some(), "the run reaches 12 s");
    interrupt(&child);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(130), "ended by SIGINT, as the full screen ends");
    let last = rest.last().expect("a summary line");
    assert!(last.contains("Stopped after 2 breaths. Saved as stopped early."), "{rest:?}");
    let records = env.history_json(&["--kind", "session"]);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["completed"], false);
    assert_eq!(records[0]["practice_id"], "quick");
    let actual = records[0]["actual_seconds"].as_f64().expect("actual");
    assert!((12.0..18.0).contains(&actual), "{actual}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_in_the_first_seconds_lets_the_run_go_kindly_and_keeps_nothing() {
    let env = Env::new();
    let (mut child, lines) = quick_plain_run(&env);
    std::thread::sleep(Duration::from_millis(300));
    interrupt(&child);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(130), "still ended by SIGINT");
    let last = rest.last().expect("a last line");
    assert!(
        last.contains("Stopped in its first few seconds, so nothing was saved. That is fine."),
        "{rest:?}"
    );
    assert!(env.history_json(&["--kind", "session"]).is_empty());
}

/// Read from a pipe, a question is made whole with the answer read, and the last line
/// comes before the question after, in one log of both streams.
#[cfg(unix)]
#[test]
fn a_piped_plain_run_keeps_every_line_whole_and_in_order() {
    let env = Env::new();
    write_patterns(&env, r#"{"patterns":[{"id":"quick","name":"Quick","in":2,"out":4}]}"#);
    let out = env
        .sh(r#"printf '5\n3\n' | "$ATTUNE_BIN" breathe --pattern quick --minutes 0.1 2>&1"#)
        .output()
        .expect("sh runs");
    assert!(out.status.success());
    let log = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = log.lines().collect();
    assert!(lines.contains(&"Distress now? 0-10, or Enter to skip: 5"), "{log}");
    assert!(lines.contains(&"And now? 0-10, or Enter to skip: 3"), "{log}");
    let done = lines
        .iter()
        .position(|l| l.starts_with("[00:06.0] Done: 1 breath. Well done."));
    let after = lines.iter().position(|l| l.starts_with("And now?"));
    assert!(done.is_some() && done < after, "{log}");
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("Breathe") || l.starts_with('[')),
        "no phase line joined to a question: {log}"
    );
    let records = env.history_json(&["--kind", "session"]);
    assert_eq!(records[0]["distress_before"], 5);
    assert_eq!(records[0]["distress_after"], 3);
}
