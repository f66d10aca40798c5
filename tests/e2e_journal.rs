//! Not one keystroke lost, in a real terminal (tmux): type in the journal editor, wait past
//! the autosave, kill attune with SIGKILL (no chance to save anything then), start it
//! again and find the words offered back, then carry on and save them.

use crate::tmux_support::{Term, marker};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// An 80x24 tmux terminal that is not on its first run: the welcome has been seen.
fn term(name: &str) -> Term {
    let t = Term::new(name);
    std::fs::create_dir_all(t.root().join("state")).expect("state folder");
    std::fs::write(marker(t.root()), b"").expect("marker");
    t
}

/// Start attune on a cleared screen.
fn start_attune(t: &Term) {
    let bin = env!("CARGO_BIN_EXE_attune");
    t.keys(&[&format!("clear; {bin}; echo EXIT=$?"), "Enter"]);
}

/// The journal drafts autosaved on disk, one per editor, or "" when there is none.
fn draft(t: &Term) -> String {
    let folder = t.root().join("state").join("drafts");
    let mut all = String::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("window-") && name.ends_with(".json") {
            all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    all
}

/// Wait (up to 8 s) until the autosaved drafts hold `words`.
fn wait_for_draft(t: &Term, words: &str) {
    let start = Instant::now();
    while !draft(t).contains(words) {
        assert!(start.elapsed() < Duration::from_secs(8), "no draft holds {words:?}");
        sleep(Duration::from_millis(100));
    }
}

#[test]
fn sigkill_while_typing_loses_nothing_up_to_the_last_autosave() {
    let t = term("journal-kill");
    start_attune(&t);
    t.wait_for("j  journal");
    t.keys(&["j"]);
    t.wait_for("No entries yet");
    t.keys(&["n"]);
    t.wait_for("Ctrl+S save");
    t.type_text("Before the kill: shoulders soft 🌿");
    t.keys(&["Enter"]);
    t.type_text("and a second line");
    t.wait_for("and a second line");
    // Typing pauses; the draft is written about two seconds later.
    wait_for_draft(&t, "and a second line");
    let pid = t.attune_pid();
    assert!(!pid.is_empty(), "attune is running");
    let killed = Command::new("kill").args(["-KILL", &pid]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    t.wait_for("EXIT=137");
    t.keys(&["reset", "Enter"]);
    sleep(Duration::from_millis(300));

    start_attune(&t);
    let screen = t.wait_for("Welcome back");
    assert!(screen.contains("Before the kill"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("and a second line");
    assert!(screen.contains("shoulders soft"), "{screen}");
    t.type_text(", then saved");
    t.keys(&["C-s"]);
    t.wait_for("Saved. Thank you for writing.");
    assert_eq!(draft(&t), "", "the draft is removed once the entry is saved");
    t.keys(&["Escape"]);
    t.wait_for("j  journal");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["journal", "list", "--json"])
        .env("ATTUNE_DATA_DIR", t.root().join("data"))
        .env("ATTUNE_STATE_DIR", t.root().join("state"))
        .env("HOME", t.root().join("home"))
        .output()
        .expect("attune runs");
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = entries[0]["text"].as_str().unwrap_or_default();
    assert_eq!(text, "Before the kill: shoulders soft 🌿\nand a second line, then saved");
}

#[test]
fn two_windows_each_keep_their_draft_and_only_a_killed_windows_words_are_offered() {
    let t = term("journal-two");
    let bin = env!("CARGO_BIN_EXE_attune");
    let b = t.open_window();
    for (n, words) in [(0, "words of window A"), (b, "words of window B")] {
        let w = t.window(n);
        w.keys(&[&format!("clear; {bin}; echo EXIT=$?"), "Enter"]);
        w.wait_for("j  journal");
        w.keys(&["j"]);
        w.wait_for("No entries yet");
        w.keys(&["n"]);
        w.wait_for("Ctrl+S save");
        w.type_text(words);
        w.wait_for(words);
        wait_for_draft(&t, words);
    }
    let both = draft(&t);
    assert!(both.contains("window A") && both.contains("window B"), "{both}");

    // Window B is killed with no chance to save; A goes on running.
    let pid = t.window(b).attune_pid();
    assert!(!pid.is_empty(), "attune runs in window B");
    let killed = Command::new("kill").args(["-KILL", &pid]).status();
    assert!(killed.is_ok_and(|s| s.success()));
    t.window(b).wait_for("EXIT=137");
    t.window(b).keys(&["reset", "Enter"]);
    sleep(Duration::from_millis(300));

    // A third attune is offered B's words only: A's window still holds its own.
    let c = t.open_window();
    let w = t.window(c);
    w.keys(&[&format!("clear; {bin}; echo EXIT=$?"), "Enter"]);
    let screen = w.wait_for("Welcome back");
    assert!(screen.contains("words of window B"), "{screen}");
    assert!(!screen.contains("words of window A"), "{screen}");
    assert!(t.window(0).screen().contains("words of window A"), "A is still writing");
}
