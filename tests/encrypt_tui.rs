//! The reading screens of a device that has not joined an encrypted folder (home, the
//! journal list, trends, the record screen), drawn at every size with no panic, each
//! saying the one calm line instead of an empty page once there is room for it.

use attune::copy::crypt::{SEALED_ASK, SEALED_HERE};
use attune::domain::today::TodaySummary;
use attune::store::Store;
use attune::store::layout::Layout;
use attune::tui::action::Action;
use attune::tui::app::{App, Now};
use attune::tui::effect::step;
use attune::tui::ui::render;
use chrono::{FixedOffset, TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;

fn at(secs: u64) -> Now {
    let wall = FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time");
    Now {
        wall,
        mono: Duration::from_secs(secs),
    }
}

fn drawn(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draws");
    // Lines joined, so a sentence wrapped over two rows is still found.
    terminal
        .backend()
        .to_string()
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == ' ').to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_reading_screen_says_the_records_are_encrypted_at_every_size() {
    for line in [SEALED_HERE, SEALED_ASK] {
        for (name, key) in [
            ("home", None),
            ("journal", Some('j')),
            ("trends", Some('t')),
            ("record", Some('r')),
        ] {
            let tmp = tempfile::tempdir().expect("temp dir");
            let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
            let store = Store::open(layout).expect("store opens");
            let mut app = App::new(TodaySummary::default(), false, true);
            app.sealed = Some(line);
            if let Some(key) = key {
                let key = KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE);
                let action = app.action_for_key(&key).expect("a key from home");
                step(&mut app, &store, action, at(0));
            }
            step(&mut app, &store, Action::Tick, at(1));
            for w in (1..=200).step_by(9) {
                for h in (1..=60).step_by(7) {
                    step(&mut app, &store, Action::Resize(w, h), at(1));
                    let shown = drawn(&app, w, h);
                    if w >= 80 && h >= 24 {
                        let words: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
                        let flat: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
                        assert!(flat.contains(&words), "{name} {w}x{h}:\n{shown}");
                        for empty in [
                            "none yet",
                            "No entries yet",
                            "Nothing recorded",
                            "could not be read",
                        ] {
                            assert!(!shown.contains(empty), "{name} {w}x{h}:\n{shown}");
                        }
                    }
                }
            }
        }
    }
}
