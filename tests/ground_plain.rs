//! Grounding, line by line: each kind of step (typed, counted, timed, chosen, rated)
//! through `run_plain` with scripted input, what is kept only when the user says so, and
//! the real binary end to end.

use crate::common::{Env, PlainRun, line, run_plain_in_store};
use attune::cli::breathe_plain::Input;
use attune::cli::ground::run_plain;
use attune::content::builtin_routines;

fn ground(id: &str, checkin: bool, script: Vec<(f64, Input)>) -> PlainRun {
    let routine = builtin_routines()
        .into_iter()
        .find(|r| r.id == id)
        .expect("routine");
    run_plain_in_store(script, |store, io, out, say| {
        run_plain(store, &Default::default(), &routine, checkin, io, out, say).expect("runs");
    })
}

/// Lines for 5-4-3-2-1: on past the intro, the given items per sense, on past the end.
fn senses(items: [&[&str]; 5]) -> Vec<(f64, Input)> {
    let mut s = vec![(0.0, line(""))];
    for (n, typed) in items.iter().enumerate() {
        s.extend(typed.iter().map(|t| (0.0, line(t))));
        if typed.len() < 5 - n {
            s.push((0.0, line("")));
        }
    }
    s.push((0.0, line("")));
    s
}

#[test]
fn typed_lines_are_kept_only_when_the_user_says_so() {
    let items: [&[&str]; 5] = [
        &["lamp", "cup", "window", "door", "book"],
        &["chair"],
        &[],
        &["coffee"],
        &["tea"],
    ];
    let mut yes = senses(items);
    yes.push((0.0, line("y")));
    let kept = ground("5-4-3-2-1", false, yes);
    let s = &kept.sessions[0];
    assert_eq!(
        s.noticed,
        [
            "lamp", "cup", "window", "door", "book", "chair", "coffee", "tea"
        ]
    );
    assert_eq!((s.steps_total, s.steps_completed), (Some(7), Some(7)));
    assert!(s.completed);
    assert!(
        kept.out
            .contains("Step 2 of 7. Name five things you can see."),
        "{}",
        kept.out
    );
    assert!(kept.out.contains("  4 of 5\n"), "{}", kept.out);

    let mut no = senses(items);
    no.push((0.0, line("")));
    let dropped = ground("5-4-3-2-1", false, no);
    assert!(dropped.sessions[0].noticed.is_empty(), "Enter means no");
    assert!(dropped.say.contains("Keep what you wrote"));
}

#[test]
fn skip_and_back_move_between_steps_and_skips_are_not_counted_as_done() {
    let script = vec![
        (12.0, line("")),
        (0.0, line("skip")),
        (0.0, line("back")),
        (0.0, line("back")),
        (0.0, line("")),
    ];
    let r = ground("5-4-3-2-1", false, script);
    // Step 1, skip 2, back to 2, back to 1, on to 2; then input ends.
    let steps: Vec<&str> = r
        .out
        .lines()
        .filter(|l| l.starts_with("Step "))
        .map(|l| &l[..11])
        .collect();
    assert_eq!(
        steps,
        [
            "Step 1 of 7",
            "Step 2 of 7",
            "Step 3 of 7",
            "Step 2 of 7",
            "Step 1 of 7",
            "Step 2 of 7"
        ]
    );
    let s = &r.sessions[0];
    assert!(!s.completed, "the end of input stops the run");
    assert_eq!(s.steps_completed, Some(1));
    assert!(r.out.contains("Stopped after 1 of 7 steps. Saved."), "{}", r.out);
}

#[test]
fn exhale_counting_counts_to_nine_and_gives_the_breathing_rate() {
    let mut script = vec![(0.0, line(""))];
    script.extend((0..12).map(|i| (5.0 + f64::from(i) * 5.0, line(""))));
    script.push((61.0, line("next")));
    script.push((62.0, line("")));
    let r = ground("exhale-count", false, script);
    let counts: Vec<&str> = r
        .out
        .lines()
        .filter(|l| l.starts_with("  ") && l.trim().parse::<u32>().is_ok())
        .map(str::trim)
        .collect();
    assert_eq!(counts, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "1", "2", "3"]);
    let s = &r.sessions[0];
    assert_eq!(s.exhale_count, Some(12));
    assert_eq!(s.exhale_rate, Some(12.0), "a press every 5 s is 12 a minute");
    assert!(r.out.contains("12 out-breaths counted, about 12 a minute."), "{}", r.out);
}

#[test]
fn timed_chosen_and_rated_steps() {
    let butterfly = ground(
        "butterfly-hug",
        false,
        vec![(0.0, line("")), (90.0, line("")), (91.0, line(""))],
    );
    assert!(
        butterfly
            .out
            .contains("(about 90 seconds; Enter when you are ready)"),
        "{}",
        butterfly.out
    );
    assert!(butterfly.sessions[0].completed);
    assert_eq!(butterfly.sessions[0].actual_seconds, 91.0);

    let script = vec![
        (0.0, line("1")),
        (0.0, line("my own word")),
        (0.0, line("11")),
        (0.0, line("6")),
        (0.0, line("")),
        (0.0, line("yes")),
    ];
    let named = ground("name-it", false, script);
    assert!(named.out.contains("   1. tight chest"), "{}", named.out);
    assert!(named.out.contains("A whole number from 0 to 10"), "{}", named.out);
    let s = &named.sessions[0];
    assert_eq!(s.noticed, ["tight chest", "my own word"]);
    assert_eq!(s.intensity, Some(6));
}

#[test]
fn distress_before_and_after_and_a_gentle_offer_when_it_rose() {
    let mut script = vec![(0.0, line("3"))];
    script.extend((0..5).map(|_| (1.0, line(""))));
    script.push((2.0, line("6")));
    let r = ground("kind-pause", true, script);
    let s = &r.sessions[0];
    assert_eq!((s.distress_before, s.distress_after), (Some(3), Some(6)));
    assert!(r.say.contains("went up a little") && r.say.contains("988"), "{}", r.say);
}

#[test]
fn the_binary_lists_refuses_unknown_routines_and_runs_plain_from_stdin() {
    let env = Env::new();
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&env.run_ok(&["ground", "--list", "--json"])).expect("json");
    let ids: Vec<&str> = list.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "5-4-3-2-1",
            "exhale-count",
            "orienting",
            "tactile",
            "name-it",
            "kind-pause",
            "butterfly-hug"
        ]
    );
    assert!(
        list.iter()
            .all(|r| r["title"].is_string() && r["preview"].is_string())
    );

    let bad = env
        .cmd()
        .args(["ground", "calm-down", "--plain"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no grounding routine \"calm-down\""));
    let none = env.cmd().args(["ground"]).output().expect("runs");
    assert_eq!(none.status.code(), Some(2), "without a terminal, a routine must be named");
    assert!(!env.data().exists(), "nothing stored");

    let run = env
        .cmd()
        .args(["ground", "orienting", "--plain", "--no-checkin"])
        .write_stdin("\n\n\n")
        .output()
        .expect("runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = String::from_utf8_lossy(&run.stdout);
    // Piped lines that end within seconds are not a practice: nothing is saved.
    assert!(
        text.contains("Step 3 of 5")
            && text.contains("Stopped in its first few seconds, so nothing was saved."),
        "{text}"
    );
    assert!(env.history_json(&["--kind", "session"]).is_empty());
}
