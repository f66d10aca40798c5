//! Sound cues through the real binary, with a fake player on PATH (a script that notes
//! when it started and keeps the file it was given): one player per phase change, each
//! given a valid WAV, in and out different; the bell and a calm line when no player is
//! found; and no child left running when a practice ends or is stopped.

use crate::common::Env;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A folder holding a fake `pw-play` (the first player attune looks for): it notes its
/// pid and the file it was given in `log`, keeps a copy of the file, and sleeps `sleep`
/// seconds before it exits, as a real player plays.
fn fake_player(env: &Env, sleep: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = env.tmp.path().join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    let script = format!(
        "#!/bin/sh\nn=$(ls \"$KEPT\" | wc -l)\ncp \"$1\" \"$KEPT/cue-$n.wav\"\necho \"$$ $1\" >> \"$LOG\"\nexec sleep {sleep}\n"
    );
    let player = bin.join("pw-play");
    std::fs::write(&player, script).expect("script");
    std::fs::set_permissions(&player, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::create_dir_all(env.tmp.path().join("kept")).expect("kept");
    bin
}

fn quick_pattern(env: &Env) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(
        env.config().join("patterns.json"),
        r#"{"patterns":[{"id":"quick","name":"Quick","in":2,"out":4}]}"#,
    )
    .expect("write");
}

/// `attune` with the sandbox, the fake player's folder first on PATH.
fn attune(env: &Env, bin: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_attune"));
    let path = format!("{}:/usr/bin:/bin", bin.display());
    c.env("ATTUNE_DATA_DIR", env.data())
        .env("ATTUNE_STATE_DIR", env.tmp.path().join("state"))
        .env("ATTUNE_CONFIG_DIR", env.config())
        .env("HOME", env.tmp.path().join("home"))
        .env("PATH", path)
        .env("LOG", env.tmp.path().join("log"))
        .env("KEPT", env.tmp.path().join("kept"))
        .stdin(Stdio::null());
    c
}

/// `attune breathe ARGS` in the sandbox.
fn breathe(env: &Env, bin: &Path, args: &[&str]) -> Command {
    let mut c = attune(env, bin);
    c.arg("breathe").args(args);
    c
}

fn log(env: &Env) -> Vec<(u32, String)> {
    std::fs::read_to_string(env.tmp.path().join("log"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(pid, file)| (pid.parse().expect("a pid"), file.to_string()))
        .collect()
}

fn kept(env: &Env, n: usize) -> Vec<u8> {
    std::fs::read(env.tmp.path().join("kept").join(format!("cue-{n}.wav"))).expect("a kept cue")
}

fn running(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn is_wav(bytes: &[u8]) -> bool {
    bytes.len() > 44
        && &bytes[..4] == b"RIFF"
        && &bytes[8..16] == b"WAVEfmt "
        && &bytes[36..40] == b"data"
        && u32::from_le_bytes([bytes[40], bytes[41], bytes[42], bytes[43]]) as usize
            == bytes.len() - 44
}

#[test]
fn each_phase_change_of_a_plain_run_starts_one_player_with_a_valid_wav() {
    let env = Env::new();
    quick_pattern(&env);
    let bin = fake_player(&env, "0");
    let out = breathe(
        &env,
        &bin,
        &[
            "--pattern",
            "quick",
            "--minutes",
            "0.2",
            "--no-checkin",
            "--sound",
            "tones",
        ],
    )
    .output()
    .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let phases = stdout.lines().filter(|l| l.contains("Breathe")).count();
    assert_eq!(phases, 4, "{stdout}");
    let started = log(&env);
    // One player for each phase line, and one for the closing chime.
    assert_eq!(started.len(), phases + 1, "{started:?}");
    let cues: Vec<Vec<u8>> = (0..started.len()).map(|n| kept(&env, n)).collect();
    assert!(cues.iter().all(|c| is_wav(c)));
    assert_ne!(cues[0], cues[1], "in and out differ");
    assert_eq!(cues[0], cues[2], "every in-breath the same");
    // The files are kept privately in the cache, by content: one per distinct cue.
    let cache = env.tmp.path().join("state/cache/sound");
    let files: Vec<_> = std::fs::read_dir(&cache)
        .expect("cache")
        .flatten()
        .collect();
    assert_eq!(files.len(), 3, "{files:?}");
    use std::os::unix::fs::PermissionsExt;
    for f in files {
        let mode = f.metadata().expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let history = env.history_json(&["--kind", "session"]);
    assert_eq!(history[0]["sound"], "tones");
}

#[test]
fn pulses_give_the_same_pulse_file_for_in_and_a_double_one_for_out() {
    let env = Env::new();
    quick_pattern(&env);
    let bin = fake_player(&env, "0");
    let out = breathe(
        &env,
        &bin,
        &[
            "--pattern",
            "quick",
            "--minutes",
            "0.1",
            "--no-checkin",
            "--sound",
            "pulses",
        ],
    )
    .output()
    .expect("runs");
    assert!(out.status.success());
    // In and out; pulses have no closing chime.
    assert_eq!(log(&env).len(), 2);
    let (one, two) = (kept(&env, 0), kept(&env, 1));
    assert!(is_wav(&one) && is_wav(&two));
    assert!(two.len() > 2 * one.len() - 44, "two pulses and a gap");
}

#[test]
fn with_no_player_the_bell_stands_in_and_it_says_so_once() {
    let env = Env::new();
    quick_pattern(&env);
    let empty = env.tmp.path().join("nothing");
    std::fs::create_dir_all(&empty).expect("dir");
    let mut c = breathe(
        &env,
        &empty,
        &[
            "--pattern",
            "quick",
            "--minutes",
            "0.1",
            "--no-checkin",
            "--sound",
            "tones",
        ],
    );
    c.env("PATH", &empty);
    let out = c.output().expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("No sound player found").count(), 1, "{stderr}");
    assert!(stderr.contains("the terminal bell stands in"), "{stderr}");
    let history = env.history_json(&["--kind", "session"]);
    assert_eq!(history[0]["sound"], "bell");
}

#[test]
fn no_player_is_left_running_when_a_plain_run_is_stopped() {
    for signal in ["-TERM", "-INT"] {
        let env = Env::new();
        quick_pattern(&env);
        // Each cue "plays" for a minute, far past the practice.
        let bin = fake_player(&env, "60");
        let mut child = breathe(
            &env,
            &bin,
            &[
                "--pattern",
                "quick",
                "--minutes",
                "1",
                "--no-checkin",
                "--sound",
                "tones",
            ],
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let first = lines.next().expect("a first line").expect("utf-8");
        assert!(first.contains("Breathe in"), "{first}");
        // Wait for the first cue's player to have started.
        for _ in 0..100 {
            if !log(&env).is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let started = log(&env);
        assert_eq!(started.len(), 1, "{started:?}");
        assert!(running(started[0].0), "the player is playing");
        let sent = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status();
        assert!(sent.is_ok_and(|s| s.success()));
        let _rest: Vec<String> = lines.map_while(Result::ok).collect();
        let status = child.wait().expect("exits");
        assert!(!status.success());
        // By the time attune has exited, its player is gone too (killed and reaped).
        assert!(!running(started[0].0), "{signal}: the player was left running");
    }
}

/// `attune sound test ARGS` in the sandbox, `bin` first on PATH (or alone, with `only`).
fn sound_test(env: &Env, bin: &Path, only: bool, args: &[&str]) -> std::process::Output {
    let mut c = attune(env, bin);
    c.args(["sound", "test"]).args(args);
    if only {
        c.env("PATH", bin);
    }
    c.output().expect("runs")
}

#[test]
fn sound_test_names_the_player_or_says_what_to_install() {
    let env = Env::new();
    let empty = env.tmp.path().join("nothing");
    std::fs::create_dir_all(&empty).expect("dir");
    let none = sound_test(&env, &empty, true, &["--sound", "tones"]);
    assert_eq!(none.status.code(), Some(1));
    let said = String::from_utf8_lossy(&none.stderr);
    for want in [
        "No sound player found",
        "Debian or Ubuntu: sudo apt install",
        "Fedora: sudo dnf install",
        "macOS",
    ] {
        assert!(said.contains(want), "{want}: {said}");
    }
    let speechless = sound_test(&env, &empty, true, &["--sound", "voice"]);
    assert_eq!(speechless.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&speechless.stderr).contains("espeak-ng"));

    let bin = fake_player(&env, "0");
    let played = sound_test(&env, &bin, false, &["--sound", "pulses"]);
    assert!(played.status.success(), "{}", String::from_utf8_lossy(&played.stderr));
    let said = String::from_utf8_lossy(&played.stdout);
    assert!(said.contains("through pw-play"), "{said}");
    // In and out; pulses have nothing for a hold.
    assert_eq!(log(&env).len(), 2);
}

#[test]
fn the_voice_says_in_out_and_hold_slowly_through_the_speech_program() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let bin = env.tmp.path().join("speech");
    std::fs::create_dir_all(&bin).expect("bin");
    let said = env.tmp.path().join("said");
    let script = format!("#!/bin/sh\necho \"$*\" >> {}\n", said.display());
    let speaker = bin.join("espeak-ng");
    std::fs::write(&speaker, script).expect("script");
    std::fs::set_permissions(&speaker, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = sound_test(&env, &bin, false, &["--sound", "voice"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("through espeak-ng"));
    let words = std::fs::read_to_string(&said).expect("spoken");
    assert_eq!(words, "-s 110 -a 30 in\n-s 110 -a 30 out\n-s 110 -a 30 hold\n");
}

#[test]
fn a_plain_run_with_the_voice_says_in_and_out_at_each_change() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    quick_pattern(&env);
    let bin = env.tmp.path().join("speech");
    std::fs::create_dir_all(&bin).expect("bin");
    let said = env.tmp.path().join("said");
    let script = format!("#!/bin/sh\necho \"$*\" >> {}\n", said.display());
    std::fs::write(bin.join("spd-say"), script).expect("script");
    std::fs::set_permissions(bin.join("spd-say"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    let out = breathe(
        &env,
        &bin,
        &[
            "--pattern",
            "quick",
            "--minutes",
            "0.1",
            "--no-checkin",
            "--sound",
            "voice",
        ],
    )
    .output()
    .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // A completed run lets its last cue finish before it exits.
    let words = std::fs::read_to_string(&said).expect("spoken");
    assert_eq!(words, "-w -r -40 -i -40 in\n-w -r -40 -i -40 out\n");
    let history = env.history_json(&["--kind", "session"]);
    assert_eq!(history[0]["sound"], "voice");
}
