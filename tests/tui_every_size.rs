//! Every screen at every size: each screen that matters (home, help, the check-in and its
//! picker, every breathing stage with and without reduced motion, grounding, the journal
//! list and editor, trends) is reached by keys against a real store, then resized through
//! a grid of widths 1..=200 and heights 1..=60 and drawn, with no panic, asking for a
//! larger window below 40x12 and drawing the screen again above it.

use attune::domain::today::TodaySummary;
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::Stamp;
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
    let wall: Stamp = FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time");
    Now {
        wall,
        mono: Duration::from_secs(secs),
    }
}

/// Twelve seconds pass (not a key): a practice stopped after it is kept.
const LATER: KeyCode = KeyCode::F(24);

/// Press these keys in turn through the keymap, from `secs`.
fn press(app: &mut App, store: &Store, keys: &[KeyCode], mut secs: u64) {
    for code in keys {
        if *code == LATER {
            secs += 12;
            step(app, store, Action::Tick, at(secs));
            continue;
        }
        let key = KeyEvent::new(*code, KeyModifiers::NONE);
        if let Some(action) = app.action_for_key(&key) {
            step(app, store, action, at(secs));
        }
    }
}

use KeyCode::{Char, Enter, Esc, Tab};

type Journey = (&'static str, Vec<KeyCode>, &'static str);

/// Each screen as the keys from home that reach it, and the context it is then in.
fn journeys() -> Vec<Journey> {
    let picker = [Char('c'), Tab, Tab, Tab, Tab, Tab, Tab, Char(' ')];
    let editor = [Char('j'), Char('n'), Char('h')];
    vec![
        ("home", vec![], "Home"),
        ("help", vec![Char('?')], "Help"),
        ("checkin", vec![Char('c'), Char('6')], "CheckinScale"),
        ("picker", picker.to_vec(), "Picker"),
        ("breathe preview", vec![Char('b')], "BreathePreview"),
        ("breathe before", vec![Char('b'), Enter], "BreatheBefore"),
        ("pacer", vec![Char('b'), Enter, Tab], "BreathePacing"),
        ("listening", vec![Char('b'), Char('f'), Enter, Tab], "BreatheListen"),
        ("closing", vec![Char('b'), Enter, Tab, LATER, Esc], "BreatheClosing"),
        ("let go in the first seconds", vec![Char('b'), Enter, Tab, Esc], "BreatheDone"),
        ("ground list", vec![Char('g')], "GroundList"),
        ("ground step", vec![Char('g'), Enter, Tab], "Ground"),
        ("journal list", vec![Char('j')], "JournalList"),
        ("journal editor", editor.to_vec(), "JournalWrite"),
        ("trends", vec![Char('t')], "Trends"),
    ]
}

#[test]
fn every_screen_draws_at_every_size() {
    every_size(false);
}

#[test]
fn every_screen_draws_at_every_size_with_reduced_motion() {
    every_size(true);
}

fn every_size(reduced: bool) {
    for (name, keys, want) in journeys() {
        // A store of its own: a draft left by the editor would open the journal on it.
        let tmp = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        let store = Store::open(layout).expect("store opens");
        let mut app = App::new(TodaySummary::default(), false, true);
        app.reduced_motion = reduced;
        press(&mut app, &store, &keys, 0);
        step(&mut app, &store, Action::Tick, at(30));
        let reached = format!("{:?}", app.context());
        assert!(reached.starts_with(want), "{name}: {reached}");
        for w in (1..=200).step_by(7) {
            for h in (1..=60).step_by(5) {
                step(&mut app, &store, Action::Resize(w, h), at(30));
                draw_at(&app, name, w, h);
            }
        }
    }
}

/// Draw at one size: below 40x12 the kind request for room (where it can be read), else
/// the screen itself.
fn draw_at(app: &App, name: &str, w: u16, h: u16) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| render(app, f)).expect("draws");
    let shown = terminal.backend().to_string();
    let small = w < 40 || h < 12;
    if small && w >= 20 && h >= 2 {
        assert!(shown.contains("Please make"), "{name} {w}x{h}:\n{shown}");
    }
    if !small {
        assert!(!shown.contains("Please make"), "{name} {w}x{h}:\n{shown}");
    }
}
