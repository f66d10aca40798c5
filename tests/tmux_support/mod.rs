//! A real terminal for end-to-end tests: attune in its own tmux server, with its data,
//! state and config folders (and HOME) in a temp dir, driven by send-keys and read back
//! by capture-pane.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Term {
    socket: String,
    tmp: tempfile::TempDir,
}

impl Term {
    /// A shell in an 80x24 tmux window, with attune's folders pointed at a temp dir.
    pub fn new(name: &str) -> Term {
        Term::sized(name, 80, 24)
    }

    /// A shell in a tmux window of this size.
    pub fn sized(name: &str, width: u16, height: u16) -> Term {
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
            &width.to_string(),
            "-y",
            &height.to_string(),
            "bash --norc --noprofile",
        ]);
        t.keys(&[&t.env_line(), "Enter"]);
        t
    }

    /// The shell line that points attune's folders at the temp dir.
    fn env_line(&self) -> String {
        format!(
            "export PS1='$ ' HOME={root}/home ATTUNE_DATA_DIR={root}/data ATTUNE_STATE_DIR={root}/state ATTUNE_CONFIG_DIR={root}/config; clear",
            root = self.root().display()
        )
    }

    /// Open one more tmux window (a second terminal on the same folders); its number.
    pub fn open_window(&self) -> usize {
        let n = self.tmux(&[
            "new-window",
            "-P",
            "-F",
            "#{window_index}",
            "bash --norc --noprofile",
        ]);
        let n: usize = n.trim().parse().expect("a window number");
        self.window(n).keys(&[&self.env_line(), "Enter"]);
        n
    }

    /// Window `n` of this terminal, to type into and read.
    pub fn window(&self, n: usize) -> Window<'_> {
        Window {
            term: self,
            target: format!(":{n}"),
        }
    }

    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The first window, which every test types into unless it opens more.
    fn first(&self) -> Window<'_> {
        Window {
            term: self,
            target: "0".to_string(),
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        self.first().keys(keys);
    }

    /// Type text literally, as a person would.
    pub fn type_text(&self, text: &str) {
        self.first().type_text(text);
    }

    pub fn screen(&self) -> String {
        self.first().screen()
    }

    /// Wait until the screen shows `text`; fail with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        self.first().wait_for(text)
    }

    /// Wait (up to 10 s) until `done` holds; `what` names it if it never does.
    pub fn wait_until(&self, what: &str, done: impl Fn() -> bool) {
        let start = Instant::now();
        while !done() {
            assert!(start.elapsed() < Duration::from_secs(10), "never: {what}");
            sleep(Duration::from_millis(30));
        }
    }

    /// Breathe on (the 4-6 pacer) until the second in-breath, 10 s in: past the first
    /// seconds, a stopped practice is a practice and is kept.
    pub fn breathe_past_the_first_seconds(&self) {
        self.wait_for("Breathe out");
        self.wait_for("Breathe in");
    }

    pub fn start_attune(&self) {
        let bin = env!("CARGO_BIN_EXE_attune");
        self.keys(&[&format!("{bin}; echo EXIT=$?"), "Enter"]);
    }

    /// The pid of attune, the shell's child.
    pub fn attune_pid(&self) -> String {
        self.first().attune_pid()
    }

    /// After attune exits, the shell's terminal is back in line mode with echo on.
    pub fn assert_terminal_restored(&self) {
        self.keys(&[
            "clear; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon\\|-\\?echo'",
            "Enter",
        ]);
        // Whole lines only: in a narrow window the typed command wraps, and a wrapped
        // row of it may end in "echo" too.
        let answered = |screen: &str, word: &str| {
            screen
                .lines()
                .any(|l| l.trim_end() == word || l.trim_end() == format!("-{word}"))
        };
        self.wait_until("stty answers", || {
            let screen = self.screen();
            answered(&screen, "icanon") && answered(&screen, "echo")
        });
        let screen = self.screen();
        let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
        assert!(lines.contains(&"icanon"), "line mode restored:\n{screen}");
        assert!(lines.contains(&"echo"), "echo restored:\n{screen}");
    }

    pub fn records(&self) -> Vec<serde_json::Value> {
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

pub fn marker(root: &Path) -> PathBuf {
    root.join("state").join("welcome-seen")
}

/// One tmux window of a `Term`.
pub struct Window<'a> {
    term: &'a Term,
    target: String,
}

impl Window<'_> {
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.term.tmux(&["send-keys", "-t", &self.target, k]);
        }
    }

    pub fn type_text(&self, text: &str) {
        self.term
            .tmux(&["send-keys", "-t", &self.target, "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.term.tmux(&["capture-pane", "-p", "-t", &self.target])
    }

    /// Wait until this window shows `text`; fail with its screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?} in window {}; it shows:\n{screen}",
                self.target
            );
            sleep(Duration::from_millis(30));
        }
    }

    /// The pid of the attune running in this window (the shell's child).
    pub fn attune_pid(&self) -> String {
        let shell = self
            .term
            .tmux(&["display-message", "-p", "-t", &self.target, "#{pane_pid}"]);
        let out = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .expect("pgrep runs");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}
