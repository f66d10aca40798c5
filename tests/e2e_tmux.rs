//! The real binary in a real terminal (tmux), used as a person would: first run, a
//! check-in by keys, quitting, and being stopped by SIGTERM or SIGHUP with the terminal
//! given back in working order, and resizing from 200x60 down to 20x5 and back on every
//! screen that matters. Each test has its own tmux server and temp folders.

use crate::tmux_support::{Term, marker};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

#[test]
fn first_run_check_in_and_quit() {
    let t = Term::new("journey");
    t.start_attune();
    t.wait_for("Welcome to attune");
    t.keys(&["Enter"]);
    t.wait_for("Check-ins  none yet");
    // Remembered by the effect worker, within moments.
    t.wait_until("the welcome is remembered", || marker(t.root()).exists());

    t.keys(&["c"]);
    t.wait_for("Only distress is needed");
    t.keys(&["6", "Down", "1", "0", "Down"]);
    t.wait_for("Breathing ease");
    t.keys(&["Down", "Down", "Down", "Down", "Down"]);
    // A bracketed paste with a line break goes into the note; it does not save.
    t.tmux(&["set-buffer", "busy day\nback ache"]);
    t.tmux(&["paste-buffer", "-p", "-t", "0"]);
    t.wait_for("busy day back ache");
    t.keys(&["Enter"]);
    t.wait_for("Thank you for checking in.");
    // Today's line follows as soon as the store has been read again.
    t.wait_for("Check-ins  1 · latest distress 6");

    t.keys(&["?"]);
    t.wait_for("If you need someone now");
    t.keys(&["Escape"]);
    t.wait_for("Thank you for checking in.");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();

    let records = t.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["distress"], 6);
    assert_eq!(records[0]["tension"], 10);
    assert_eq!(records[0]["note"], "busy day back ache");
}

#[test]
fn a_breathing_session_stopped_early_is_kept_and_counted() {
    let t = Term::new("breathe");
    std::fs::create_dir_all(t.root().join("state")).expect("state dir");
    std::fs::write(marker(t.root()), "").expect("skip the welcome");
    t.start_attune();
    t.wait_for("b  breathe");
    t.keys(&["b"]);
    t.wait_for("Esc or q stops at any moment.");
    t.keys(&["Enter"]);
    t.wait_for("how much distress do you feel?");
    t.keys(&["Tab"]); // skip the rating before
    let first = t.wait_for("Breathe in");
    assert!(first.contains("Slow, not big"), "{first}");
    // The pacer moves on its own: the picture changes without any key.
    sleep(Duration::from_millis(1500));
    let later = t.wait_for("Breathe in");
    assert_ne!(first, later, "the pacer is moving");
    assert!(later.contains('█'), "{later}");
    t.breathe_past_the_first_seconds();
    t.keys(&["q"]);
    t.wait_for("You stopped early.");
    t.keys(&["Enter"]);
    t.wait_for("Thank you for taking this time.");
    t.wait_for("Practice   under a minute · 1 session");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();

    let records = t.records();
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!((r["kind"].as_str(), r["practice"].as_str()), (Some("session"), Some("breathe")));
    assert_eq!(r["practice_id"], "exhale-4-6");
    assert_eq!(r["completed"], false);
    let actual = r["actual_seconds"].as_f64().expect("a number");
    assert!((10.0..25.0).contains(&actual), "{actual}");
}

#[test]
fn sigterm_mid_session_saves_it_before_exit() {
    let t = Term::new("breathe-term");
    std::fs::create_dir_all(t.root().join("state")).expect("state dir");
    std::fs::write(marker(t.root()), "").expect("skip the welcome");
    t.start_attune();
    t.wait_for("b  breathe");
    t.keys(&["b", "Enter", "Tab"]);
    t.wait_for("Breathe in");
    t.breathe_past_the_first_seconds();
    let pid = t.attune_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    t.wait_for("EXIT=143");
    t.assert_terminal_restored();
    let records = t.records();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["completed"], false);
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    let t = Term::new("signals");
    std::fs::create_dir_all(t.root().join("state")).expect("state dir");
    std::fs::write(marker(t.root()), "").expect("skip the welcome");
    for (signal, code) in [("TERM", "143"), ("HUP", "129")] {
        t.keys(&["clear", "Enter"]);
        t.start_attune();
        t.wait_for("Check-ins");
        let pid = t.attune_pid();
        assert!(!pid.is_empty(), "attune is running");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        t.wait_for(&format!("EXIT={code}"));
        t.assert_terminal_restored();
    }
}

#[test]
fn home_to_five_four_three_two_one_and_closing_keeping_the_words() {
    let t = Term::new("ground");
    std::fs::create_dir_all(t.root().join("state")).expect("state dir");
    std::fs::write(marker(t.root()), "").expect("skip the welcome");
    t.start_attune();
    t.wait_for("g  ground");
    t.keys(&["g"]);
    t.wait_for("5-4-3-2-1 senses");
    t.keys(&["Enter"]);
    t.wait_for("how much distress do you feel?");
    t.keys(&["7", "Enter"]);
    t.wait_for("Step 1 of 7");
    t.keys(&["Enter"]);
    t.wait_for("0 of 5");
    for (step, words) in [
        (2, "lamp mug window cat sky"),
        (3, "chair floor air sleeve"),
        (4, "birds fridge traffic"),
        (5, "coffee soap"),
        (6, "mint"),
    ] {
        t.wait_for(&format!("Step {step} of 7"));
        for w in words.split(' ') {
            t.tmux(&["send-keys", "-t", "0", "-l", w]);
            t.wait_for(&format!("› {w}"));
            t.keys(&["Enter"]);
        }
    }
    t.wait_for("Step 7 of 7");
    t.keys(&["Enter"]);
    t.wait_for("That was the whole routine.");
    t.wait_until("the routine is saved", || t.records().len() == 1);
    let saved = t.records();
    assert_eq!(saved.len(), 1, "saved the moment it ended: {saved:?}");
    assert!(saved[0].get("noticed").is_none(), "not kept yet");
    t.keys(&["k"]);
    t.wait_for("[x] Keep what you wrote");
    t.keys(&["3", "Enter"]);
    t.wait_for("Thank you for taking this time.");
    t.wait_for("Practice   under a minute · 1 session");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();

    let records = t.records();
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(
        (r["practice"].as_str(), r["practice_id"].as_str()),
        (Some("ground"), Some("5-4-3-2-1"))
    );
    assert_eq!(r["completed"], true);
    assert_eq!(
        (r["distress_before"].as_u64(), r["distress_after"].as_u64()),
        (Some(7), Some(3))
    );
    assert_eq!((r["steps_completed"].as_u64(), r["steps_total"].as_u64()), (Some(7), Some(7)));
    let noticed = r["noticed"].as_array().expect("kept words");
    assert_eq!(noticed.len(), 15);
    assert_eq!(noticed[0], "lamp");
    assert_eq!(noticed[14], "mint");
}

/// From 200x60 down to 20x5 a step at a time, and back up.
const STEPS: [(u16, u16); 17] = [
    (200, 60),
    (160, 50),
    (120, 40),
    (100, 30),
    (80, 24),
    (60, 18),
    (45, 14),
    (40, 12),
    (39, 12),
    (40, 11),
    (30, 8),
    (20, 5),
    (30, 10),
    (40, 12),
    (80, 24),
    (120, 40),
    (200, 60),
];

/// Resize through STEPS: below 40x12 the kind request for room, above it `shows` again,
/// and attune alive all the way.
fn resize_through(t: &Term, screen: &str, shows: &str) {
    for (w, h) in STEPS {
        t.tmux(&[
            "resize-window",
            "-t",
            "0",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        let want = if w < 40 || h < 12 {
            "Please make"
        } else {
            shows
        };
        t.wait_for(want);
        assert!(!t.attune_pid().is_empty(), "{screen} at {w}x{h}: attune died");
    }
}

#[test]
fn resizing_from_200x60_to_20x5_and_back_on_every_screen() {
    let t = Term::sized("resize", 200, 60);
    std::fs::create_dir_all(t.root().join("state")).expect("state dir");
    std::fs::write(marker(t.root()), "").expect("skip the welcome");
    let bin = env!("CARGO_BIN_EXE_attune");
    let runs: [(&str, &str, &[&str], &str); 5] = [
        ("home", "", &[], "Check-ins"),
        ("the pacer", "breathe --no-checkin", &["Enter"], "left"),
        ("the steady pacer", "--reduced-motion breathe --no-checkin", &["Enter"], " · "),
        ("the journal editor", "journal new", &["a", "b", "c"], "Ctrl+S"),
        ("trends", "trends", &[], "Trends"),
    ];
    for (screen, args, keys, shows) in runs {
        t.keys(&["clear", "Enter"]);
        t.keys(&[&format!("{bin} {args}; echo EXIT=$?"), "Enter"]);
        // Keys only once attune draws (its title line), never to the shell before it.
        t.wait_for(" attune");
        t.keys(keys);
        t.wait_for(shows);
        if screen == "the steady pacer" {
            let words = |s: &str| s.contains("Breathe in · ") || s.contains("Breathe out · ");
            t.wait_until("the steady pacer counts in words", || words(&t.screen()));
            let first = t.screen();
            assert!(!first.contains('█'), "{first}");
        }
        resize_through(&t, screen, shows);
        t.keys(&["C-c"]);
        t.wait_for("EXIT=0");
    }
}

/// A newcomer whose first command is the README's own `attune breathe`: the welcome, then
/// Enter (as it says) goes on to the practice, which is saved; the welcome is not shown
/// again the next time.
#[test]
fn a_first_attune_breathe_goes_from_the_welcome_to_the_practice() {
    let t = Term::new("first-breathe");
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[&format!("{bin} breathe; echo EXIT=$?"), "Enter"]);
    t.wait_for("Press Enter to begin.");
    t.keys(&["Enter"]);
    t.wait_for("Long exhale 4-6");
    t.keys(&["Enter"]);
    t.wait_for("how much distress do you feel?");
    t.keys(&["Tab"]);
    t.wait_for("Breathe in");
    t.breathe_past_the_first_seconds();
    t.keys(&["q"]);
    t.wait_for("You stopped early.");
    // Started from the shell for one practice: its end is the way back, with one line.
    t.keys(&["Escape"]);
    let back = t.wait_for("EXIT=0");
    assert!(back.contains("Breathed for under a minute (stopped early)."), "{back}");
    t.assert_terminal_restored();
    assert_eq!(t.records().len(), 1, "the practice was kept");
    t.keys(&["clear", "Enter"]);
    t.keys(&[&format!("{bin} breathe; echo EXIT=$?"), "Enter"]);
    let again = t.wait_for("Long exhale 4-6");
    assert!(!again.contains("Welcome to attune"), "{again}");
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
}

#[test]
fn on_a_terminal_checkin_and_journal_new_say_what_they_saved_in_a_sentence() {
    let t = Term::new("said");
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[&format!("{bin} checkin --distress 4"), "Enter"]);
    t.wait_for("Saved your check-in (distress 4).");
    t.keys(&[
        &format!("echo 'a calm evening' | {bin} journal new"),
        "Enter",
    ]);
    let screen = t.wait_for("Saved your journal entry.");
    assert_eq!(t.records().len(), 2, "{screen}");
}

#[test]
fn attune_breathe_rated_after_goes_back_to_the_shell_with_the_change_in_one_line() {
    let t = Term::new("back");
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[&format!("{bin} breathe; echo EXIT=$?"), "Enter"]);
    t.wait_for("Press Enter to begin.");
    t.keys(&["Enter"]);
    t.wait_for("Enter begin");
    t.keys(&["Enter"]);
    t.wait_for("0 calm");
    t.keys(&["6", "Enter"]);
    t.wait_for("Breathe in");
    t.breathe_past_the_first_seconds();
    t.keys(&["Escape"]);
    t.wait_for("You stopped early");
    t.keys(&["3", "Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(
        screen.contains("Breathed for under a minute (stopped early); distress 6 → 3."),
        "{screen}"
    );
    t.assert_terminal_restored();
    assert_eq!(t.records().len(), 1);
}

#[test]
fn attune_ground_routine_goes_back_to_the_shell_with_the_change_in_one_line() {
    let t = Term::new("ground-back");
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[&format!("{bin} ground name-it; echo EXIT=$?"), "Enter"]);
    t.wait_for("Press Enter to begin.");
    t.keys(&["Enter"]);
    t.wait_for("Before you begin");
    t.keys(&["7", "Enter"]);
    t.wait_for("Pick one word");
    t.keys(&["Enter"]);
    t.wait_for("one word for the feeling");
    t.keys(&["Enter"]);
    t.wait_for("How strong is it");
    t.keys(&["6", "Enter"]);
    t.wait_for("Naming it is enough");
    t.keys(&["Enter"]);
    t.wait_for("You named:");
    t.keys(&["4", "Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("Grounded for under a minute; distress 7 → 4."), "{screen}");
    t.assert_terminal_restored();
    assert_eq!(t.records().len(), 1);
}

#[test]
fn a_plain_run_on_a_narrow_terminal_folds_its_sentences_between_words() {
    let t = Term::sized("fold", 40, 14);
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[
        &format!("{bin} breathe --plain --minutes 0.1 --no-checkin; echo EXIT=$?"),
        "Enter",
    ]);
    t.wait_for("Breathe out");
    let screen = t.wait_for("EXIT=0");
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.starts_with("Long exhale"))
        .collect();
    assert!(rows.iter().all(|r| r.chars().count() <= 40), "{screen}");
    // The first sentence, folded: its rows joined with spaces give it back whole.
    let intro = rows
        .iter()
        .take_while(|r| !r.starts_with("Slow"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        intro.starts_with("Long exhale 4-6 (in 4 s, out 6 s · 6 a minute), 00:10.0,")
            && intro.ends_with(". Ctrl-C stops at any time."),
        "{screen}"
    );
}
