//! Passphrases typed in a real terminal (tmux): asked twice with nothing echoed, two that
//! differ change nothing, the terminal is given back as it was, and with
//! `encryption.remember = false` a read asks once and then shows the records.

use crate::tmux_support::Term;

const SECRET: &str = "quiet-words-by-the-sea";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_attune")
}

/// Run an attune command line in the terminal, with a light scrypt (debug builds only).
fn run(t: &Term, args: &str) {
    let line = format!(
        "clear; ATTUNE_TEST_SCRYPT_LOG_N=8 {} {args}; echo EXIT=$?",
        bin()
    );
    t.keys(&[&line, "Enter"]);
}

/// Run a command that asks something, and wait until it asks `prompt`: on a screen the
/// command has cleared, with no earlier command's exit line, so the question seen is
/// this command's own.
fn run_asking(t: &Term, args: &str, prompt: &str) {
    run(t, args);
    t.wait_until(prompt, || {
        let screen = t.screen();
        screen.contains(prompt) && !screen.contains("EXIT=0") && !screen.contains("EXIT=2")
    });
}

#[test]
fn a_passphrase_is_asked_twice_unseen_and_two_that_differ_change_nothing() {
    let t = Term::new("crypt-on");
    run(&t, "checkin --distress 3 --note lighthouse");
    t.wait_for("EXIT=0");

    run_asking(&t, "encrypt on", "Choose a passphrase:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    t.wait_for("The same passphrase again:");
    t.type_text("something-else");
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=2");
    assert!(screen.contains("were not the same"), "{screen}");
    assert!(
        !screen.contains(SECRET) && !screen.contains("something-else"),
        "{screen}"
    );
    assert!(!t.root().join("data").join("encryption.json").exists());
    t.assert_terminal_restored();

    run_asking(&t, "encrypt on", "Choose a passphrase:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    t.wait_for("The same passphrase again:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("Your records are encrypted"), "{screen}");
    assert!(!screen.contains(SECRET), "{screen}");
    t.assert_terminal_restored();
    assert_eq!(t.records().len(), 1);

    // Off asks twice; anything but yes keeps everything encrypted.
    run_asking(&t, "encrypt off", "Type yes to go on:");
    t.type_text("yes");
    t.keys(&["Enter"]);
    t.wait_for("Type yes once more:");
    t.type_text("no");
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("stay encrypted"), "{screen}");
    assert!(t.root().join("data").join("encryption.json").exists());
    run_asking(&t, "encrypt off", "Type yes to go on:");
    t.type_text("yes");
    t.keys(&["Enter"]);
    t.wait_for("Type yes once more:");
    t.type_text("yes");
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("plain JSON again"), "{screen}");
    assert!(!t.root().join("data").join("encryption.json").exists());
    assert_eq!(t.records().len(), 1);
}

#[test]
fn with_remember_false_a_read_asks_once_and_shows_the_records() {
    let t = Term::new("crypt-ask");
    let config = t.root().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("config.toml"),
        "[encryption]\nremember = false\n",
    )
    .expect("config");
    let pass = t.root().join("pass");
    std::fs::write(&pass, format!("{SECRET}\n")).expect("pass");
    run(&t, "checkin --distress 3 --note lighthouse");
    t.wait_for("EXIT=0");
    run(
        &t,
        &format!("encrypt on --passphrase-file {}", pass.display()),
    );
    t.wait_for("EXIT=0");

    run_asking(&t, "history", "Your passphrase:");
    t.type_text("not-it");
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=2");
    assert!(screen.contains("does not open"), "{screen}");

    run_asking(&t, "history", "Your passphrase:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("lighthouse"), "{screen}");
    assert!(!screen.contains(SECRET), "{screen}");

    // Esc gives up: nothing read, nothing changed.
    run_asking(&t, "history", "Your passphrase:");
    t.keys(&["Escape"]);
    let screen = t.wait_for("EXIT=2");
    assert!(screen.contains("No passphrase given"), "{screen}");
    t.assert_terminal_restored();
}

#[test]
fn with_remember_false_the_app_asks_once_before_it_opens() {
    let t = Term::new("crypt-app");
    let config = t.root().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("config.toml"),
        "[encryption]\nremember = false\n",
    )
    .expect("config");
    let pass = t.root().join("pass");
    std::fs::write(&pass, format!("{SECRET}\n")).expect("pass");
    run(&t, "checkin --distress 6 --note lighthouse");
    t.wait_for("EXIT=0");
    run(
        &t,
        &format!("encrypt on --passphrase-file {}", pass.display()),
    );
    t.wait_for("EXIT=0");

    run_asking(&t, "", "Your passphrase:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    // The welcome first (a fresh state folder), then today, read from the sealed month.
    t.wait_for("Welcome to attune");
    t.keys(&["Enter"]);
    t.wait_for("Check-ins  1 · latest distress 6");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();
}
