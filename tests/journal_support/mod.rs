//! The journal flow tests' rig: key presses through the keymap into `App::update` with a
//! fake clock, effects performed against a real store in a temp dir.
#![allow(dead_code)]

use attune::domain::today::TodaySummary;
use attune::service::journal::{NewEntry, entry};
use attune::store::Store;
use attune::store::drafts::{self, Draft};
use attune::store::layout::Layout;
use attune::store::model::{Body, Journal, Record, Stamp};
use attune::tui::action::Action;
use attune::tui::app::{App, Now, Screen};
use attune::tui::effect::step;
use attune::tui::journal::JournalState;
use chrono::{FixedOffset, TimeDelta, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;
use tempfile::TempDir;

pub const ORIGIN: Duration = Duration::from_secs(1000);

pub struct Rig {
    pub tmp: TempDir,
    pub store: Store,
    pub app: App,
    pub mono: Duration,
}

pub fn morning() -> Stamp {
    FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time")
}

impl Rig {
    pub fn new() -> Rig {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Store::open(layout(&tmp)).expect("store opens");
        Rig {
            tmp,
            store,
            app: App::new(TodaySummary::default(), false, false),
            mono: ORIGIN,
        }
    }

    pub fn now(&self) -> Now {
        let since = TimeDelta::from_std(self.mono - ORIGIN).expect("small");
        Now {
            wall: morning() + since,
            mono: self.mono,
        }
    }

    pub fn act(&mut self, action: Action) -> &mut Rig {
        let now = self.now();
        step(&mut self.app, &self.store, action, now);
        self
    }

    pub fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Rig {
        let key = KeyEvent::new(code, modifiers);
        if let Some(action) = self.app.action_for_key(&key) {
            self.act(action);
        }
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Rig {
        self.press(code, KeyModifiers::NONE)
    }

    pub fn ctrl(&mut self, c: char) -> &mut Rig {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn keys(&mut self, text: &str) -> &mut Rig {
        for c in text.chars() {
            match c {
                '\n' => self.key(KeyCode::Enter),
                c => self.key(KeyCode::Char(c)),
            };
        }
        self
    }

    /// Let time pass by `secs`, ticking at the deadline the app asks for, as the event
    /// loop does.
    pub fn wait(&mut self, secs: f64) -> &mut Rig {
        let target = self.mono + Duration::from_secs_f64(secs);
        while let Some(at) = self.app.deadline() {
            if at > target {
                break;
            }
            self.mono = at.max(self.mono);
            self.act(Action::Tick);
        }
        self.mono = target;
        self
    }

    pub fn journal(&self) -> &JournalState {
        match &self.app.screen {
            Screen::Journal(j) => j,
            other => panic!("not the journal: {other:?}"),
        }
    }

    pub fn text(&self) -> String {
        self.journal()
            .editor
            .as_ref()
            .expect("editing")
            .text
            .string()
    }

    pub fn entries(&self) -> Vec<Record> {
        let snap = self.store.load_all().expect("store reads");
        let mut live: Vec<Record> = snap.merged.live().into_iter().cloned().collect();
        live.sort_by_key(|r| r.created_at);
        live
    }

    pub fn body(r: &Record) -> &Journal {
        match &r.body {
            Body::Journal(j) => j,
            other => panic!("not a journal entry: {other:?}"),
        }
    }

    pub fn state_dir(&self) -> std::path::PathBuf {
        self.store.layout().state_dir.clone()
    }

    pub fn draft(&self) -> Option<Draft> {
        drafts::read(&self.state_dir()).expect("draft reads")
    }

    /// Save an entry as the CLI would, at `days` before the morning.
    pub fn seed(&self, text: &str, tags: &[&str], words: &[&str], days: i64) -> Record {
        let new = NewEntry {
            text: text.into(),
            tags: tags.iter().map(std::string::ToString::to_string).collect(),
            sensations: words.iter().map(std::string::ToString::to_string).collect(),
            ..NewEntry::default()
        };
        let at = morning() - TimeDelta::days(days);
        let r = entry(new, &attune::content::prompts(), at).expect("an entry");
        self.store.save(r.clone()).expect("saved");
        r
    }
}

pub fn layout(tmp: &TempDir) -> Layout {
    Layout::new(tmp.path().join("data"), tmp.path().join("state"))
}
