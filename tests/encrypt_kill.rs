//! `attune encrypt on` (and `off`) killed with SIGKILL at many points, then run again:
//! after every kill each record still reads (each file is whole, plain or sealed), and
//! once a run finishes no readable word is left in the data folder.

use crate::common::Env;
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Checkin, Record};
use serde_json::Value;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const WORD: &str = "lighthouse";

/// Ten years of months, a few check-ins each, written through the store as attune would.
fn seed(env: &Env) {
    let store =
        Store::open(Layout::new(env.data(), env.tmp.path().join("state"))).expect("test step");
    let mut records = Vec::new();
    for year in 2016..2026 {
        for month in 1..=12 {
            for day in [3, 14, 25] {
                let at = format!("{year}-{month:02}-{day:02}T09:30:00+01:00");
                let at = chrono::DateTime::parse_from_rfc3339(&at).expect("test step");
                let body = Body::Checkin(Checkin {
                    distress: (day % 11) as u8,
                    note: Some(format!("{WORD} {year}-{month} {day}")),
                    ..Checkin::default()
                });
                records.push(Record::new(body, at));
            }
        }
    }
    store.save_all(records).expect("test step");
}

fn pass(env: &Env) -> PathBuf {
    let path = env.tmp.path().join("pass");
    std::fs::write(&path, "steady as the tide\n").expect("test step");
    path
}

fn encrypt_on(env: &Env, pass: &Path) -> std::process::Command {
    encrypt(env, pass, "on")
}

/// `attune encrypt on` or `attune encrypt off --yes`, run by exec so a kill reaches it.
fn encrypt(env: &Env, pass: &Path, way: &str) -> std::process::Command {
    let mut cmd = env.sh("exec \"$ATTUNE_BIN\" encrypt $2 --passphrase-file \"$1\"");
    cmd.arg("sh").arg(pass).arg(way);
    cmd.env("ATTUNE_TEST_SCRYPT_LOG_N", "8");
    cmd
}

/// Every record, read with attune's own reader; any file it could not use is a failure.
fn history(env: &Env) -> Vec<Value> {
    let out = env
        .cmd()
        .args(["history", "--json"])
        .output()
        .expect("test step");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("test step")
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn kill_9_at_any_point_of_encrypt_on_leaves_every_record_readable() {
    let env = Env::new();
    seed(&env);
    let before = history(&env);
    assert_eq!(before.len(), 360);
    let pass = pass(&env);

    // How long a whole run takes here, on a twin folder: only to spread the kills over it.
    let twin = Env::new();
    seed(&twin);
    let started = Instant::now();
    assert!(
        encrypt_on(&twin, &pass)
            .output()
            .expect("test step")
            .status
            .success()
    );
    let span_us = (started.elapsed().as_micros() as u64).clamp(5_000, 2_000_000);

    let mut rng = Rng(0x5eed_cafe_0000_0014);
    let (mut killed, mut halfway) = (0, 0);
    let mut sealed = 0;
    for round in 0..30 {
        // Once a run got through, the next one turns everything back, so every round has
        // files to turn: both ways are killed at any point.
        let way = if sealed == 120 && env.data().join("encryption.json").exists() {
            "off --yes"
        } else {
            "on"
        };
        let mut child = encrypt(&env, &pass, way)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("test step");
        std::thread::sleep(Duration::from_micros(rng.below(span_us * 11 / 10)));
        let _ = child.kill();
        let out = child.wait_with_output().expect("test step");
        if out.status.signal() == Some(9) {
            killed += 1;
        } else {
            assert!(
                out.status.success(),
                "round {round} ({way}): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(history(&env), before, "round {round} ({way}): every record reads");
        sealed = env
            .snapshot()
            .iter()
            .filter(|(_, b)| b.starts_with(b"age-encryption.org/v1\n"))
            .count();
        halfway += usize::from(sealed > 0 && sealed < 120);
    }
    // Told, not asserted: where the kills land depends on the machine.
    eprintln!("killed {killed} of 30 runs, {halfway} of them with the folder half turned");
    assert!(killed > 0, "no run was killed");
    assert!(
        encrypt_on(&env, &pass)
            .output()
            .expect("test step")
            .status
            .success()
    );
    assert_eq!(history(&env), before);
    // Every file is sealed to the folder's one key: a device joining now reads them all.
    let other = env.tmp.path().join("state-other");
    let joined = encrypt(&env, &pass, "join")
        .env("ATTUNE_STATE_DIR", &other)
        .output()
        .expect("test step");
    assert!(joined.status.success(), "{}", String::from_utf8_lossy(&joined.stderr));
    let out = env
        .cmd()
        .env("ATTUNE_STATE_DIR", &other)
        .args(["history", "--json"])
        .output()
        .expect("test step");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("test step"), before);
    for (path, bytes) in env.snapshot() {
        assert!(
            !bytes.windows(WORD.len()).any(|w| w == WORD.as_bytes()),
            "{} is readable",
            path.display()
        );
    }
}
