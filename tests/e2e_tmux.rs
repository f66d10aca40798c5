//! The real binary in a real terminal (tmux), used as a person would: first run, a
//! check-in by keys, quitting, and being stopped by SIGTERM or SIGHUP with the terminal
//! given back in working order. Each test has its own tmux server and temp folders.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Term {
    socket: String,
    tmp: tempfile::TempDir,
}

impl Term {
    /// A shell in an 80x24 tmux window, with attune's folders pointed at a temp dir.
    fn new(name: &str) -> Term {
        assert!(
            Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok_and(|o| o.status.success()),
            "these tests need tmux; .ci/run installs it"
        );
        let tmp = tempfile::tempdir().expect("temp dir");
        let socket = format!("attune-e2e-{name}-{}", std::process::id());
        let t = Term { socket, tmp };
        t.tmux(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "bash --norc --noprofile",
        ]);
        let env = format!(
            "export PS1='$ ' HOME={root}/home ATTUNE_DATA_DIR={root}/data ATTUNE_STATE_DIR={root}/state; clear",
            root = t.root().display()
        );
        t.keys(&[&env, "Enter"]);
        t
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "0", k]);
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// Wait until the screen shows `text`; fail with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(30));
        }
    }

    fn start_attune(&self) {
        let bin = env!("CARGO_BIN_EXE_attune");
        self.keys(&[&format!("{bin}; echo EXIT=$?"), "Enter"]);
    }

    /// The pid of attune, the shell's child.
    fn attune_pid(&self) -> String {
        let shell = self.tmux(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
        let out = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .expect("pgrep runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// After attune exits, the shell's terminal is back in line mode with echo on.
    fn assert_terminal_restored(&self) {
        self.keys(&[
            "clear; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon\\|-\\?echo'",
            "Enter",
        ]);
        let screen = self.wait_for("echo\n");
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines.contains(&"icanon"), "line mode restored:\n{screen}");
        assert!(lines.contains(&"echo"), "echo restored:\n{screen}");
    }

    fn records(&self) -> Vec<serde_json::Value> {
        let out = Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(["history", "--json"])
            .env("ATTUNE_DATA_DIR", self.root().join("data"))
            .env("ATTUNE_STATE_DIR", self.root().join("state"))
            .env("HOME", self.root().join("home"))
            .output()
            .expect("attune runs");
        serde_json::from_slice(&out.stdout).expect("a JSON array")
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn marker(root: &Path) -> PathBuf {
    root.join("state").join("welcome-seen")
}

#[test]
fn first_run_check_in_and_quit() {
    let t = Term::new("journey");
    t.start_attune();
    t.wait_for("Welcome to attune");
    t.keys(&["Enter"]);
    t.wait_for("Check-ins  none yet");
    assert!(marker(t.root()).exists(), "the welcome is remembered");

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
    let home = t.wait_for("Thank you for checking in.");
    assert!(home.contains("Check-ins  1 · latest distress 6"), "{home}");

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
    t.keys(&["q"]);
    t.wait_for("You stopped early.");
    t.keys(&["Enter"]);
    let home = t.wait_for("Thank you for taking this time.");
    assert!(
        home.contains("Practice   under a minute · 1 session"),
        "{home}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_terminal_restored();

    let records = t.records();
    assert_eq!(records.len(), 1, "{records:?}");
    let r = &records[0];
    assert_eq!(
        (r["kind"].as_str(), r["practice"].as_str()),
        (Some("session"), Some("breathe"))
    );
    assert_eq!(r["practice_id"], "exhale-4-6");
    assert_eq!(r["completed"], false);
    let actual = r["actual_seconds"].as_f64().expect("a number");
    assert!((1.0..10.0).contains(&actual), "{actual}");
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
    sleep(Duration::from_millis(1200));
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
    let saved = t.records();
    assert_eq!(saved.len(), 1, "saved the moment it ended: {saved:?}");
    assert!(saved[0].get("noticed").is_none(), "not kept yet");
    t.keys(&["k"]);
    t.wait_for("[x] Keep what you wrote");
    t.keys(&["3", "Enter"]);
    let home = t.wait_for("Thank you for taking this time.");
    assert!(
        home.contains("Practice   under a minute · 1 session"),
        "{home}"
    );
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
    assert_eq!(
        (r["steps_completed"].as_u64(), r["steps_total"].as_u64()),
        (Some(7), Some(7))
    );
    let noticed = r["noticed"].as_array().expect("kept words");
    assert_eq!(noticed.len(), 15);
    assert_eq!(noticed[0], "lamp");
    assert_eq!(noticed[14], "mint");
}
