//! Sound cues in the real full screen (tmux), with a fake player that "plays" each cue
//! for a minute: cues start at the phase changes, and no player is left running once the
//! practice is stopped with Esc, or attune is ended by SIGTERM.

use crate::tmux_support::{Term, marker};
use std::path::Path;
use std::process::Command;

/// A fake `pw-play` that notes its pid in `log` and plays for a minute.
fn fake_player(root: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = root.join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    let log = root.join("log");
    let script = format!("#!/bin/sh\necho $$ >> {}\nexec sleep 60\n", log.display());
    std::fs::write(bin.join("pw-play"), script).expect("script");
    std::fs::set_permissions(bin.join("pw-play"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    bin
}

fn players(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

fn running(pid: &str) -> bool {
    Command::new("kill")
        .args(["-0", pid])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Past the first-run notice, then `attune breathe` with the fake player first on PATH.
fn breathe(t: &Term) {
    let seen = marker(t.root());
    std::fs::create_dir_all(seen.parent().expect("state")).expect("state");
    std::fs::write(&seen, "").expect("seen");
    let bin = fake_player(t.root());
    let line = format!(
        "PATH={}:$PATH {} breathe --no-checkin --minutes 1 --sound tones; echo EXIT=$?",
        bin.display(),
        env!("CARGO_BIN_EXE_attune")
    );
    t.keys(&[&line, "Enter"]);
    t.wait_for("soft tones, rising in and falling out");
    t.keys(&["Enter"]);
    t.wait_until("the first cue's player starts", || players(t.root()).len() == 1);
}

#[test]
fn esc_quiets_the_cue_still_sounding_and_sigterm_leaves_no_player() {
    let t = Term::new("sound-esc");
    breathe(&t);
    // The out-breath's cue comes at 4 s.
    t.wait_until("the second cue's player starts", || players(t.root()).len() == 2);
    t.keys(&["Escape"]);
    // Stopped in its first seconds: not kept, and quiet at once all the same.
    t.wait_for("nothing was saved");
    t.wait_until("every player is stopped", || players(t.root()).iter().all(|p| !running(p)));
    t.keys(&["Enter"]);
    t.wait_for("EXIT=0");

    let t = Term::new("sound-term");
    breathe(&t);
    let pid = t.attune_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .is_ok_and(|s| s.success())
    );
    t.wait_for("EXIT=143");
    let left: Vec<String> = players(t.root())
        .into_iter()
        .filter(|p| running(p))
        .collect();
    assert!(left.is_empty(), "players left running: {left:?}");
}
