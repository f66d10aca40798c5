//! Not one keystroke lost, in a real terminal (tmux): type in the journal editor, wait past
//! the autosave, kill attune with SIGKILL (no chance to save anything then), start it
//! again and find the words offered back, then carry on and save them.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Term {
    socket: String,
    tmp: tempfile::TempDir,
}

impl Term {
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
            "export PS1='$ ' HOME={root}/home ATTUNE_DATA_DIR={root}/data ATTUNE_STATE_DIR={root}/state ATTUNE_CONFIG_DIR={root}/config; clear",
            root = t.root().display()
        );
        t.keys(&[&env, "Enter"]);
        // Not a first run: the welcome has been seen.
        std::fs::create_dir_all(t.root().join("state")).expect("state folder");
        std::fs::write(t.root().join("state").join("welcome-seen"), b"").expect("marker");
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

    /// Type text literally, as a person would.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

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
        self.keys(&[&format!("clear; {bin}; echo EXIT=$?"), "Enter"]);
    }

    fn attune_pid(&self) -> String {
        let shell = self.tmux(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
        let out = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .expect("pgrep runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn draft(&self) -> String {
        let path = self
            .root()
            .join("state")
            .join("drafts")
            .join("current.json");
        std::fs::read_to_string(path).unwrap_or_default()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn sigkill_while_typing_loses_nothing_up_to_the_last_autosave() {
    let t = Term::new("journal-kill");
    t.start_attune();
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
    while !t.draft().contains("and a second line") {
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

    t.start_attune();
    let screen = t.wait_for("Welcome back");
    assert!(screen.contains("Before the kill"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("and a second line");
    assert!(screen.contains("shoulders soft"), "{screen}");
    t.type_text(", then saved");
    t.keys(&["C-s"]);
    t.wait_for("Saved. Thank you for writing.");
    assert_eq!(
        t.draft(),
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
