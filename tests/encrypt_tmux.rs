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
    let line = format!("clear; ATTUNE_TEST_SCRYPT_LOG_N=8 {} {args}; echo EXIT=$?", bin());
    t.keys(&[&line, "Enter"]);
}

/// Run a command to its end, and the screen then: its exit line is named by `tag`, so an
/// earlier command's exit line is never taken for this one's.
fn run_done(t: &Term, args: &str, tag: &str) -> String {
    let line = format!("clear; ATTUNE_TEST_SCRYPT_LOG_N=8 {} {args}; echo {tag}=$?", bin());
    t.keys(&[&line, "Enter"]);
    t.wait_for(&format!("{tag}=0"))
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
    assert!(!screen.contains(SECRET) && !screen.contains("something-else"), "{screen}");
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
    keep_no_key(&t);
    sealed_with_one_check_in(&t, 3);

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

/// This device keeps no key (`encryption.remember = false`).
fn keep_no_key(t: &Term) {
    let config = t.root().join("config");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.toml"), "[encryption]\nremember = false\n").expect("config");
}

/// One check-in with distress `distress`, then the folder encrypted with SECRET.
fn sealed_with_one_check_in(t: &Term, distress: u8) {
    let pass = t.root().join("pass");
    std::fs::write(&pass, format!("{SECRET}\n")).expect("pass");
    run(t, &format!("checkin --distress {distress} --note lighthouse"));
    t.wait_for("EXIT=0");
    run(t, &format!("encrypt on --passphrase-file {}", pass.display()));
    t.wait_for("EXIT=0");
}

#[test]
fn with_remember_false_the_app_asks_once_before_it_opens() {
    let t = Term::new("crypt-app");
    keep_no_key(&t);
    sealed_with_one_check_in(&t, 6);

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

/// The folder encrypted by the first device (state), with one check-in; the shell is then
/// a second device (state-other) that has not joined.
fn encrypted_then_other_device(t: &Term) {
    sealed_with_one_check_in(t, 3);
    let other = t.root().join("state-other");
    t.keys(&[
        &format!("clear; export ATTUNE_STATE_DIR={}", other.display()),
        "Enter",
    ]);
}

#[test]
fn before_joining_the_app_says_so_calmly_on_every_reading_screen_and_still_saves() {
    let t = Term::new("crypt-unjoined");
    encrypted_then_other_device(&t);
    let line = "Your records are encrypted. To read them here, run `attune encrypt join`.";
    run(&t, "");
    t.wait_for("Welcome to attune");
    t.keys(&["Enter"]);
    let home = t.wait_for(line);
    assert!(!home.contains("none yet"), "{home}");
    assert!(!home.contains("could not be read"), "{home}");
    for (key, title) in [("t", "Trends"), ("r", "Your record"), ("j", "Journal")] {
        t.keys(&[key]);
        t.wait_until(title, || {
            let s = t.screen();
            s.contains(title) && s.contains(line)
        });
        let screen = t.screen();
        assert!(!screen.contains("could not be read"), "{screen}");
        assert!(!screen.contains("No entries yet"), "{screen}");
        assert!(!screen.contains("Nothing recorded"), "{screen}");
        if key != "j" {
            t.keys(&["Escape"]);
            t.wait_for("c  check in");
        }
    }
    // Writing needs only the public key: an entry and a check-in are saved.
    t.keys(&["n"]);
    t.wait_for("Ctrl+S save");
    t.type_text("harbour at noon");
    t.keys(&["C-s"]);
    let screen = t.wait_for("Saved. Thank you for writing.");
    assert!(screen.contains(line), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("c  check in");
    t.keys(&["c"]);
    t.wait_for("Only distress is needed");
    t.keys(&["6", "Enter"]);
    let home = t.wait_for("Thank you for checking in.");
    assert!(home.contains(line), "{home}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();

    // The first device reads all three.
    let records = t.records();
    assert_eq!(records.len(), 3, "{records:?}");
    let words = serde_json::to_string(&records).expect("json");
    assert!(words.contains("harbour at noon") && words.contains("lighthouse"));
}

#[test]
fn a_plain_export_says_so_and_an_encrypted_one_asks_its_passphrase_on_import() {
    let t = Term::new("crypt-export");
    sealed_with_one_check_in(&t, 3);
    let plain = t.root().join("plain.json");
    let screen = run_done(&t, &format!("export --out {}", plain.display()), "PLAIN");
    assert!(screen.contains("this export is plain readable text"), "{screen}");
    let sealed = t.root().join("sealed.json");
    let screen = run_done(&t, &format!("export --encrypt --out {}", sealed.display()), "SEALED");
    assert!(!screen.contains("plain readable"), "{screen}");

    // Into a fresh store on a terminal: the passphrase is asked, unseen.
    let fresh = t.root().join("fresh");
    t.keys(&[
        &format!(
            "clear; export ATTUNE_DATA_DIR={0}/data ATTUNE_STATE_DIR={0}/state",
            fresh.display()
        ),
        "Enter",
    ]);
    run_asking(&t, &format!("import {}", sealed.display()), "Your passphrase:");
    t.type_text("not-it");
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=2");
    assert!(screen.contains("does not open this export"), "{screen}");
    assert!(!fresh.join("data").exists(), "nothing stored");
    run_asking(&t, &format!("import {}", sealed.display()), "Your passphrase:");
    t.type_text(SECRET);
    t.keys(&["Enter"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("Imported 1 new"), "{screen}");
    assert!(!screen.contains(SECRET), "{screen}");
    t.assert_terminal_restored();
}

#[test]
fn with_remember_false_and_no_passphrase_typed_the_app_opens_and_says_how_to_read() {
    let t = Term::new("crypt-app-esc");
    keep_no_key(&t);
    sealed_with_one_check_in(&t, 6);

    run_asking(&t, "", "Your passphrase:");
    t.keys(&["Escape"]);
    t.wait_for("Welcome to attune");
    t.keys(&["Enter"]);
    let home = t.wait_for("restart attune and type your");
    assert!(home.contains("Your records are encrypted"), "{home}");
    assert!(!home.contains("latest distress"), "{home}");
    assert!(!home.contains("encrypt join"), "{home}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();
}
