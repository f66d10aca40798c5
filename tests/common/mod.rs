//! Helpers shared by the command-line test binaries: a private sandbox per test (data,
//! state, config and home in one temp dir) and the attune binary pointed at it.
#![allow(dead_code)]

use assert_cmd::Command;
use attune::cli::breathe_plain::{Input, PlainIo};
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Session};
use serde_json::Value;
use std::collections::VecDeque;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempDir;

use crate::pin;
pub use pin::pinned_local;

pub struct Env {
    pub tmp: TempDir,
    /// Commands run so far: each one's clock is a millisecond after the last.
    steps: std::sync::atomic::AtomicU32,
}

impl Env {
    pub fn new() -> Env {
        Env {
            tmp: tempfile::tempdir().expect("temp dir"),
            steps: std::sync::atomic::AtomicU32::new(0),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.tmp.path().join("config")
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("attune").expect("binary");
        for (key, value) in self.vars() {
            c.env(key, value);
        }
        c
    }

    /// `sh -c script` with the same sandbox, the binary in `$ATTUNE_BIN`.
    pub fn sh(&self, script: &str) -> std::process::Command {
        let mut c = std::process::Command::new("sh");
        c.arg("-c").arg(script);
        c.env("ATTUNE_BIN", env!("CARGO_BIN_EXE_attune"));
        c.envs(self.vars());
        c
    }

    /// The sandbox's folders, no colour, and a clock a millisecond on from the last command.
    fn vars(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        let step = self
            .steps
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        vec![
            ("ATTUNE_DATA_DIR", self.data().into()),
            ("ATTUNE_STATE_DIR", self.tmp.path().join("state").into()),
            ("ATTUNE_CONFIG_DIR", self.config().into()),
            ("HOME", self.tmp.path().join("home").into()),
            ("ATTUNE_NOW", pin::pin_step(step).into()),
            ("NO_COLOR", "1".into()),
        ]
    }

    pub fn run_ok(&self, args: &[&str]) -> String {
        self.run_ok_with(args, "")
    }

    /// `run_ok` with `stdin` as the command's standard input.
    pub fn run_ok_with(&self, args: &[&str], stdin: &str) -> String {
        let out = self
            .cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    pub fn history_json(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["history", "--json"];
        args.extend_from_slice(extra);
        serde_json::from_str::<Vec<Value>>(&self.run_ok(&args)).expect("a JSON array")
    }

    /// Every file under the data folder with its bytes, to prove nothing changed.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        collect(&self.data(), &mut files);
        files.sort();
        files
    }
}

fn collect(dir: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, files);
        } else {
            files.push((p.clone(), fs::read(&p).expect("read")));
        }
    }
}

/// Time jumps straight to each deadline; scripted input arrives at its moment.
pub struct FakeIo {
    now: Duration,
    script: VecDeque<(Duration, Input)>,
    kept: VecDeque<Input>,
    /// A heart source's events at their moments, when the run has one.
    heart: Option<VecDeque<attune::service::heart_source::Timed>>,
}

impl FakeIo {
    pub fn new(script: Vec<(f64, Input)>) -> FakeIo {
        FakeIo {
            now: Duration::ZERO,
            script: script
                .into_iter()
                .map(|(t, i)| (Duration::from_secs_f64(t), i))
                .collect(),
            kept: VecDeque::new(),
            heart: None,
        }
    }

    /// The run has a heart source sending `events` at their times (s).
    pub fn with_heart(
        mut self,
        events: Vec<(f64, attune::service::heart_source::Event)>,
    ) -> FakeIo {
        let timed = events
            .into_iter()
            .map(|(t, e)| (Duration::from_secs_f64(t), e));
        self.heart = Some(timed.collect());
        self
    }

    fn next_before(&mut self, deadline: Option<Duration>) -> Option<Input> {
        let due = self
            .script
            .front()
            .is_some_and(|(at, _)| deadline.is_none_or(|d| *at <= d));
        if !due {
            return None;
        }
        let (at, input) = self.script.pop_front()?;
        self.now = self.now.max(at);
        Some(input)
    }
}

impl PlainIo for FakeIo {
    fn now(&self) -> Duration {
        self.now
    }

    fn wall(&self) -> attune::store::model::Stamp {
        let since = chrono::TimeDelta::from_std(self.now).expect("a short run");
        pinned_local() + since
    }

    fn wait(&mut self, deadline: Option<Duration>) -> Option<Input> {
        if let Some(k) = self.kept.pop_front() {
            return Some(k);
        }
        match self.next_before(deadline) {
            Some(input) => Some(input),
            None if deadline.is_none() => Some(Input::Eof),
            None => {
                self.now = self.now.max(deadline.unwrap_or_default());
                None
            }
        }
    }

    fn heart(&mut self) -> Option<Vec<attune::service::heart_source::Timed>> {
        let heart = self.heart.as_mut()?;
        let due = heart.partition_point(|(at, _)| *at <= self.now);
        Some(heart.drain(..due).collect())
    }

    fn wait_for_stop(&mut self, deadline: Duration) -> bool {
        while let Some(input) = self.next_before(Some(deadline)) {
            if input == Input::Stop {
                return true;
            }
            self.kept.push_back(input);
        }
        self.now = self.now.max(deadline);
        false
    }
}

/// One typed line of scripted input.
pub fn line(s: &str) -> Input {
    Input::Line(s.into())
}

/// What a plain (line-by-line) run printed and kept.
pub struct PlainRun {
    pub out: String,
    pub say: String,
    pub sessions: Vec<Session>,
    pub _tmp: TempDir,
}

/// Run a plain practice against a fresh temp store with scripted input and instant fake
/// time, then collect what it printed (out and say) and the sessions it kept.
pub fn run_plain_in_store(
    script: Vec<(f64, Input)>,
    run: impl FnOnce(&Store, &mut FakeIo, &mut Vec<u8>, &mut Vec<u8>),
) -> PlainRun {
    run_plain_with(FakeIo::new(script), run)
}

/// The same with an io made beforehand (one with a heart source, say).
pub fn run_plain_with(
    mut io: FakeIo,
    run: impl FnOnce(&Store, &mut FakeIo, &mut Vec<u8>, &mut Vec<u8>),
) -> PlainRun {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store =
        Store::open(Layout::new(tmp.path().join("d"), tmp.path().join("s"))).expect("store");
    let (mut out, mut say) = (Vec::new(), Vec::new());
    run(&store, &mut io, &mut out, &mut say);
    let sessions = store
        .load_all()
        .expect("loads")
        .merged
        .into_live()
        .into_iter()
        .filter_map(|r| match r.body {
            Body::Session(s) => Some(s),
            _ => None,
        })
        .collect();
    PlainRun {
        out: String::from_utf8(out).expect("utf-8"),
        say: String::from_utf8(say).expect("utf-8"),
        sessions,
        _tmp: tmp,
    }
}

/// A heart that resonates at 5.5 breaths a minute, breathing the steps of finding a pace
/// of `step` s each: its intervals swing at the rate breathed, most of all at 5.5.
pub fn resonant_steps(step: f64, from: f64) -> Vec<(f64, attune::service::heart_source::Event)> {
    let base = attune::content::builtin_patterns()
        .into_iter()
        .find(|p| p.id == "exhale-4-6")
        .expect("as made");
    let steps = attune::domain::heart::pace::Steps::new(&base, Duration::from_secs_f64(step));
    // Where each step starts: one after another, each its whole breaths.
    let mut starts = vec![0.0];
    for k in 0..4 {
        starts.push(starts[k] + steps.length(k).as_secs_f64());
    }
    let rate_at = |t: f64| {
        attune::domain::heart::pace::RATES[starts.partition_point(|s| *s <= t).saturating_sub(1)]
    };
    let (mut t, mut out) = (from, Vec::new());
    while t < steps.planned().as_secs_f64() + 5.0 {
        let rate = rate_at(t);
        let depth = 20.0 + 60.0 * (-((rate - 5.5) / 0.35f64).powi(2)).exp();
        let rr = 950.0 + depth * (std::f64::consts::TAU * rate / 60.0 * t).sin();
        t += rr / 1000.0;
        out.push((t, attune::service::heart_source::Event::Line(format!("{rr:.0}\n"))));
    }
    out
}
