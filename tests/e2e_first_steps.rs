//! Every full-screen entry point, started from a store that has never been opened, in a
//! real terminal at 80x24 and 40x12: the welcome, then only the keys the screen names,
//! into the practice and out again. The welcome is remembered: the second start skips it.

use crate::tmux_support::Term;

/// One key (or typed text) pressed, then words the screen must come to show.
enum Step<'a> {
    Key(&'a str, &'a str),
    Type(&'a str, &'a str),
    /// Words the screen shows before anything more is pressed.
    See(&'a str),
}
use Step::{Key, See, Type};

/// Start `attune ARGS` in a fresh store at each size, walk `steps`, and end at the shell
/// with `EXIT=0`; the screen the shell shows last is returned for each size.
fn walk(name: &str, args: &str, steps: &[Step]) -> Vec<(Term, String)> {
    let bin = env!("CARGO_BIN_EXE_attune");
    let mut out = Vec::new();
    for (width, height) in [(80, 24), (40, 12)] {
        let t = Term::sized(&format!("{name}-{width}"), width, height);
        t.keys(&[&format!("{bin} {args}; echo EXIT=$?"), "Enter"]);
        t.wait_for("Enter to begin");
        t.keys(&["Enter"]);
        for step in steps {
            let (expect, at) = match step {
                Key(key, expect) => {
                    t.keys(&[key]);
                    (expect, key)
                }
                Type(text, expect) => {
                    t.type_text(text);
                    (expect, text)
                }
                See(expect) => (expect, &"nothing"),
            };
            let screen = t.wait_for(expect);
            assert!(!screen.contains("Welcome"), "{width}x{height} {at}: {screen}");
        }
        let back = t.wait_for("EXIT=0");
        t.assert_terminal_restored();
        // Seen once is enough: the same start again goes straight in.
        t.keys(&["clear", "Enter"]);
        t.keys(&[&format!("{bin} {args}; echo EXIT=$?"), "Enter"]);
        let again = t.wait_for("help");
        assert!(!again.contains("Welcome"), "{width}x{height}: {again}");
        t.keys(&["C-c"]);
        t.wait_for("EXIT=0");
        out.push((t, back));
    }
    out
}

#[test]
fn bare_attune_goes_from_the_welcome_home_and_into_a_breath() {
    let steps = [
        See("check in"),
        Key("b", "Long exhale"),
        Key("Enter", "istress"),
        Key("Tab", "Breathe in"),
        // Past the first ten seconds (the second in-breath), so it is a practice.
        See("Breathe out"),
        See("Breathe in"),
        Key("Escape", "Esc home"),
        Key("Escape", "breathe"),
        Key("q", "EXIT=0"),
    ];
    for (t, _) in walk("bare", "", &steps) {
        assert_eq!(t.records().len(), 1, "the practice was kept");
    }
}

#[test]
fn attune_breathe_goes_from_the_welcome_into_the_pacer_and_back_to_the_shell() {
    let steps = [
        See("Long exhale"),
        Key("Enter", "istress"),
        Key("Tab", "Breathe in"),
        See("Breathe out"),
        See("Breathe in"),
        // Esc ends the run here, and says so.
        Key("Escape", "Esc leave"),
        Key("Escape", "EXIT=0"),
    ];
    for (t, back) in walk("breathe", "breathe", &steps) {
        assert!(back.contains("Breathed for under a minute"), "{back}");
        assert_eq!(t.records().len(), 1);
    }
}

#[test]
fn attune_ground_goes_from_the_welcome_to_the_routines_and_into_one() {
    let steps = [
        See("Enter begin"),
        Key("Enter", "istress"),
        Key("Tab", "Enter goes on"),
        // Stopped in its first seconds: not a practice, and the closing says so.
        Key("Escape", "was saved"),
        Key("Escape", "ground"),
        Key("q", "EXIT=0"),
    ];
    for (t, _) in walk("ground", "ground", &steps) {
        assert!(t.records().is_empty());
    }
}

#[test]
fn attune_ground_routine_goes_from_the_welcome_into_its_first_step() {
    let steps = [
        See("istress"),
        Key("Tab", "Enter goes on"),
        Key("Escape", "Esc leave"),
        Key("Escape", "EXIT=0"),
    ];
    for (t, back) in walk("ground-routine", "ground exhale-count", &steps) {
        assert!(!back.contains("Grounded"), "nothing saved, nothing said: {back}");
        assert!(t.records().is_empty());
    }
}

#[test]
fn attune_journal_goes_from_the_welcome_to_the_list_and_a_first_entry() {
    let steps = [
        See("No entries yet"),
        Key("n", "Ctrl+S"),
        Type("Shoulders eased.", "Shoulders eased."),
        Key("C-s", "Saved"),
        Key("Escape", "journal"),
        Key("q", "EXIT=0"),
    ];
    for (t, _) in walk("journal", "journal", &steps) {
        assert_eq!(t.records().len(), 1);
    }
}

#[test]
fn attune_journal_new_saves_its_entry_and_goes_back_to_the_shell_saying_so() {
    let steps = [
        See("Ctrl+S"),
        Type("Jaw unclenched.", "Jaw unclenched."),
        Key("C-s", "EXIT=0"),
    ];
    for (t, back) in walk("journal-new", "journal new", &steps) {
        assert!(back.contains("Saved your journal entry."), "{back}");
        assert_eq!(t.records().len(), 1);
    }
}

#[test]
fn attune_journal_new_left_unwritten_goes_back_to_the_shell_with_nothing_kept() {
    let steps = [Key("Escape", "EXIT=0")];
    for (t, back) in walk("journal-new-left", "journal new", &steps) {
        assert!(!back.contains("Saved"), "{back}");
        assert!(t.records().is_empty());
    }
}

#[test]
fn attune_trends_goes_from_the_welcome_to_an_empty_week_that_says_so() {
    let steps = [
        See("Nothing recorded here yet"),
        Key("Escape", "breathe"),
        Key("q", "EXIT=0"),
    ];
    for (t, _) in walk("trends", "trends", &steps) {
        assert!(t.records().is_empty());
    }
}

#[test]
fn ctrl_o_lends_the_terminal_to_your_own_editor_and_brings_its_words_back() {
    let t = Term::new("outside-editor");
    // An "editor" that reads one line from the terminal and adds it to the file: what is
    // typed while it runs goes to it, not to attune.
    let editor = t.root().join("my-editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\necho 'MY EDITOR IS OPEN'\nread line < /dev/tty\nprintf ' %s' \"$line\" >> \"$1\"\n",
    )
    .expect("writes");
    std::process::Command::new("chmod")
        .args(["+x", editor.to_str().expect("utf-8")])
        .status()
        .expect("chmod");
    let bin = env!("CARGO_BIN_EXE_attune");
    let start = format!("VISUAL={} {bin} journal new; echo EXIT=$?", editor.display());
    t.keys(&[&start, "Enter"]);
    t.wait_for("Enter to begin");
    t.keys(&["Enter"]);
    t.wait_for("Ctrl+O");
    t.type_text("Begun here,");
    t.keys(&["C-o"]);
    t.wait_for("MY EDITOR IS OPEN");
    t.type_text("finished there.");
    t.keys(&["Enter"]);
    t.wait_for("Begun here, finished there.");
    t.keys(&["C-s"]);
    let back = t.wait_for("EXIT=0");
    assert!(back.contains("Saved your journal entry."), "{back}");
    t.assert_terminal_restored();
    let records = t.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["text"], "Begun here, finished there.");
}
