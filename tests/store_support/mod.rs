//! Helpers shared by the store test binaries (`tests/store_*.rs`). Every test gets its
//! own temp folders; spawned binaries never see the real home.
#![allow(dead_code)]

use attune::store::Store;
use attune::store::atomic::TEMP_PREFIX;
use attune::store::layout::Layout;
use attune::store::model::{Body, Checkin, Record, Stamp};
use chrono::SubsecRound;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::pin;

/// The attune binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_attune"))
}

/// A private sandbox: data, state and home folders inside one temp dir.
pub struct Sandbox {
    /// Commands run so far: each one's clock is a millisecond after the last.
    steps: std::sync::atomic::AtomicU32,
    pub root: tempfile::TempDir,
    pub data: PathBuf,
    pub state: PathBuf,
    pub home: PathBuf,
}

impl Sandbox {
    /// Data and state folders are not created: attune must make them itself.
    pub fn new() -> Sandbox {
        let root = tempfile::Builder::new()
            .prefix("attune-store-test-")
            .tempdir()
            .expect("temp dir");
        let data = root.path().join("data");
        let state = root.path().join("state");
        let home = root.path().join("home");
        std::fs::create_dir_all(&home).expect("home dir");
        Sandbox {
            steps: std::sync::atomic::AtomicU32::new(0),
            root,
            data,
            state,
            home,
        }
    }

    pub fn layout(&self) -> Layout {
        Layout::new(&self.data, &self.state)
    }

    /// A layout with the same data folder but another machine's state folder.
    pub fn other_device_layout(&self, name: &str) -> Layout {
        Layout::new(&self.data, self.root.path().join(format!("state-{name}")))
    }

    pub fn store(&self) -> Store {
        Store::open(self.layout()).expect("open store")
    }

    /// Apply the sandbox's environment to any command (a binary or `sh`).
    pub fn env(&self, cmd: &mut Command) {
        cmd.env("ATTUNE_DATA_DIR", &self.data)
            .env("ATTUNE_CONFIG_DIR", self.root.path().join("config"))
            .env("ATTUNE_STATE_DIR", &self.state)
            .env("HOME", &self.home)
            .env("XDG_DATA_HOME", self.home.join(".local/share"))
            .env("XDG_STATE_HOME", self.home.join(".local/state"))
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("TZ", "UTC")
            .env(
                "ATTUNE_NOW",
                pin::pin_step(
                    self.steps
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                ),
            )
            .env("NO_COLOR", "1")
            .env("ATTUNE_BIN", bin());
    }

    /// `attune ARGS…` in this sandbox.
    pub fn attune(&self) -> Command {
        let mut cmd = Command::new(bin());
        self.env(&mut cmd);
        cmd
    }

    /// `sh -c SCRIPT` in this sandbox; the script finds the binary as "$ATTUNE_BIN".
    pub fn sh(&self, script: &str) -> Command {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(script);
        self.env(&mut cmd);
        cmd
    }

    pub fn device_id(&self) -> String {
        std::fs::read_to_string(self.state.join("device-id"))
            .expect("device-id")
            .trim()
            .to_string()
    }
}

/// The pinned now, in UTC (spawned binaries run with TZ=UTC, so months agree).
pub fn now_utc() -> Stamp {
    pin::pinned_in(&chrono::FixedOffset::east_opt(0).expect("UTC")).trunc_subsecs(3)
}

/// The month a check-in made by a spawned binary lands in.
pub fn current_month() -> String {
    now_utc().format("%Y-%m").to_string()
}

pub fn stamp(text: &str) -> Stamp {
    chrono::DateTime::parse_from_rfc3339(text).expect("rfc3339 stamp")
}

pub fn checkin(distress: u8, note: &str, at: Stamp) -> Record {
    Record::new(
        Body::Checkin(Checkin {
            distress,
            note: Some(note.to_string()),
            ..Checkin::default()
        }),
        at,
    )
}

pub fn note_of(r: &Record) -> Option<&str> {
    match &r.body {
        Body::Checkin(c) => c.note.as_deref(),
        _ => None,
    }
}

/// The notes of the live check-ins in a merged view, oldest first.
pub fn live_notes(merged: &attune::store::merge::Merged) -> Vec<String> {
    merged
        .live()
        .iter()
        .map(|r| note_of(r).expect("a check-in with a note").to_string())
        .collect()
}

pub fn distress_of(r: &Record) -> Option<u8> {
    match &r.body {
        Body::Checkin(c) => Some(c.distress),
        _ => None,
    }
}

/// Unix permission bits of a file or folder.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o7777
}

/// Temp files attune left in a folder.
pub fn temps_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
        })
        .collect();
    v.sort();
    v
}

/// Every file and folder below `dir` (not `dir` itself).
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = entry.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Deterministic pseudo-random numbers (xorshift64*), so a failing run can be repeated.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
