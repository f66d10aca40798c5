//! Keys in, records out: a temp store and an `App` driven by key presses through the
//! keymap, each action's effects performed against the store, and a fake clock (wall time
//! moving with the monotonic clock from a fixed morning) stepped from deadline to deadline
//! as the event loop would. Each flow test adds its own screen helpers to `Rig`.

#![allow(dead_code)]

use attune::domain::today::TodaySummary;
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Record, Session, Stamp};
use attune::tui::action::Action;
use attune::tui::app::{App, Now};
use attune::tui::effect::step;
use chrono::{FixedOffset, NaiveDate, TimeDelta, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;
use tempfile::TempDir;

/// The event loop's shortest gap between frames.
pub const FRAME: Duration = attune::tui::runner::FRAME;
/// The monotonic clock starts far from zero: only differences may matter.
pub const ORIGIN: Duration = Duration::from_secs(1000);

pub fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// The fixed morning the clock starts at.
pub fn morning() -> Stamp {
    FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time")
}

/// A day as `YYYY-MM-DD`.
pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// That day at this hour, an hour east of UTC.
pub fn stamp(day: &str, hour: u32) -> Stamp {
    let tz = FixedOffset::east_opt(3600).expect("an offset");
    let at = date(day).and_hms_opt(hour, 0, 0).expect("a time");
    tz.from_local_datetime(&at).single().expect("one time")
}

pub struct Rig {
    pub tmp: TempDir,
    pub store: Store,
    pub app: App,
    /// Wall time when the monotonic clock reads `origin`.
    pub start: Stamp,
    /// Where the monotonic clock started; wall time is `start` plus `mono - origin`.
    pub origin: Duration,
    pub mono: Duration,
    pub last_frame: Duration,
    pub ticks: usize,
}

impl Rig {
    /// Nothing recorded today, colour off, the clock at ORIGIN.
    pub fn new() -> Rig {
        Rig::starting(TodaySummary::default(), ORIGIN)
    }

    /// Today as given, colour off, the monotonic clock at zero.
    pub fn at_zero(today: TodaySummary) -> Rig {
        Rig::starting(today, Duration::ZERO)
    }

    /// Nothing recorded today, colour off, the monotonic clock at zero at this wall time.
    pub fn from_wall(start: Stamp) -> Rig {
        let mut rig = Rig::at_zero(TodaySummary::default());
        rig.start = start;
        rig
    }

    pub fn starting(today: TodaySummary, origin: Duration) -> Rig {
        let tmp = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        let store = Store::open(layout).expect("store opens");
        Rig {
            tmp,
            store,
            app: App::new(today, false, false),
            start: morning(),
            origin,
            mono: origin,
            last_frame: origin,
            ticks: 0,
        }
    }

    /// Wall time moves with the monotonic clock, from `start`.
    pub fn now(&self) -> Now {
        let since = TimeDelta::from_std(self.mono - self.origin).expect("small");
        Now {
            wall: self.start + since,
            mono: self.mono,
        }
    }

    /// Update and perform the effects, at this moment.
    pub fn act_at(&mut self, action: Action, now: Now) -> &mut Rig {
        step(&mut self.app, &self.store, action, now);
        self
    }

    /// Update and perform the effects, now.
    pub fn act(&mut self, action: Action) -> &mut Rig {
        let now = self.now();
        self.act_at(action, now)
    }

    /// Press one key with modifiers as a person would, at this moment: through the
    /// keymap, then update and effects.
    pub fn key_with_at(&mut self, code: KeyCode, modifiers: KeyModifiers, now: Now) -> &mut Rig {
        if let Some(action) = self.app.action_for_key(&KeyEvent::new(code, modifiers)) {
            self.act_at(action, now);
        }
        self
    }

    /// Press one key at this moment.
    pub fn key_at(&mut self, code: KeyCode, now: Now) -> &mut Rig {
        self.key_with_at(code, KeyModifiers::NONE, now)
    }

    /// Press one key with modifiers, now.
    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Rig {
        let now = self.now();
        self.key_with_at(code, modifiers, now)
    }

    /// Press one key, now.
    pub fn key(&mut self, code: KeyCode) -> &mut Rig {
        self.key_with(code, KeyModifiers::NONE)
    }

    /// Type each character as a key press.
    pub fn keys(&mut self, text: &str) -> &mut Rig {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// Press keys written in the rig's notation, now: characters are themselves, and
    /// `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Del>`, `<Space>`, arrows
    /// (`<Up>` …), `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<F1>`, `<C-s>` (Ctrl and a
    /// letter) and `<lt>` (a `<`) name the others: `"b<Enter>5<Enter>"`.
    pub fn press(&mut self, notation: &str) -> &mut Rig {
        for (code, modifiers) in parse_keys(notation) {
            self.key_with(code, modifiers);
        }
        self
    }

    /// The screen as text at this size, as the terminal would show it.
    pub fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                .expect("a test terminal");
        terminal
            .draw(|frame| attune::tui::ui::render(&self.app, frame))
            .expect("draws");
        let buf = terminal.backend().buffer();
        let area = buf.area;
        (0..area.height)
            .map(|y| {
                let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
                row.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Let time pass to `t` after the origin, ticking at every deadline the app asks for
    /// (never closer than a frame apart), as the event loop does.
    pub fn run_to(&mut self, t: f64) -> &mut Rig {
        let target = self.origin + secs(t);
        while let Some(at) = self.app.deadline() {
            let at = at.max(self.last_frame + FRAME);
            if at > target {
                break;
            }
            (self.mono, self.last_frame) = (at, at);
            self.ticks += 1;
            self.act(Action::Tick);
        }
        self.mono = target;
        self.act(Action::Tick)
    }

    /// The live records in the store.
    pub fn records(&self) -> Vec<Record> {
        let snap = self.store.load_all().expect("store reads");
        snap.merged.live().into_iter().cloned().collect()
    }

    /// The one session record in the store.
    pub fn session(&self) -> Session {
        let records = self.records();
        assert_eq!(records.len(), 1, "one session record: {records:?}");
        match &records[0].body {
            Body::Session(s) => s.clone(),
            other => panic!("not a session: {other:?}"),
        }
    }
}

/// Keys written in the rig's notation (see `Rig::press`), in order.
pub fn parse_keys(notation: &str) -> Vec<(KeyCode, KeyModifiers)> {
    let mut keys = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        let name = (c == '<').then(|| rest[1..].split_once('>')).flatten();
        match name {
            Some((name, after)) => {
                keys.push(named_key(name));
                rest = after;
            }
            None => {
                keys.push((KeyCode::Char(c), KeyModifiers::NONE));
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    keys
}

fn named_key(name: &str) -> (KeyCode, KeyModifiers) {
    let none = KeyModifiers::NONE;
    if let Some(letter) = name.strip_prefix("C-") {
        let c = letter.chars().next().expect("a letter after C-");
        return (KeyCode::Char(c), KeyModifiers::CONTROL);
    }
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "S-Tab" => return (KeyCode::BackTab, KeyModifiers::SHIFT),
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Space" => KeyCode::Char(' '),
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "lt" => KeyCode::Char('<'),
        f if f.starts_with('F') => KeyCode::F(f[1..].parse().expect("a function key number")),
        other => panic!("no key called <{other}> in the rig's notation"),
    };
    (code, none)
}
