//! Not one keystroke lost, in a real terminal (tmux): type in the journal editor, wait past
//! the autosave, kill attune with SIGKILL (no chance to save anything then), start it
//! again and find the words offered back, then carry on and save them.

mod tmux_support;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};
use tmux_support::{Term, marker};

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

/// The journal draft autosaved on disk, or "" when there is none.
fn draft(t: &Term) -> String {
    let path = t.root().join("state").join("drafts").join("current.json");
    std::fs::read_to_string(path).unwrap_or_default()
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
    let start = Instant::now();
    while !draft(&t).contains("and a second line") {
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "no draft after the pause; the screen shows:\n{}",
            t.screen()
        );
        sleep(Duration::from_millis(100));
    }
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
    assert_eq!(
        draft(&t),
        "",
        "the draft is removed once the entry is saved"
    );
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
    assert_eq!(
        text,
        "Before the kill: shoulders soft 🌿\nand a second line, then saved"
    );
}
