//! A newcomer's first command, whatever it is: from a store that has never been opened,
//! every full-screen entry point shows the welcome, Enter (the key it names) goes on into
//! what was asked, and the welcome is remembered, so it never shows again.

use crate::flow_support::{date, stamp};
use attune::clock::Clock;
use attune::content::builtin_patterns;
use attune::service::journal::NewEntry;
use attune::service::practice::plan;
use attune::service::trends::Span;
use attune::store::layout::Layout;
use attune::tui::app::{App, Screen};
use attune::tui::effect::step;
use attune::tui::{Options, Start};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn options(tmp: &tempfile::TempDir, start: Start) -> Options {
    Options {
        layout: Layout::new(tmp.path().join("data"), tmp.path().join("state")),
        color: false,
        config_dir: None,
        config: Default::default(),
        reduced_motion: false,
        clock: Clock::pinned(stamp("2026-11-27", 9)),
        config_notice: false,
        start,
    }
}

fn on(app: &App) -> &'static str {
    match &app.screen {
        Screen::Home => "home",
        Screen::Checkin(_) => "check-in",
        Screen::Breathe(_) => "breathe",
        Screen::Journal(_) => "journal",
        Screen::Ground(_) => "ground",
        Screen::Trends(_) => "trends",
        Screen::Record(_) => "record",
    }
}

#[test]
fn every_entry_point_goes_on_past_the_welcome_with_the_key_it_names() {
    let box_4 = plan(&builtin_patterns(), "box-4", 2.0, false, 0).expect("a plan");
    let starts = [
        (Start::Home, "home"),
        (
            Start::Breathe {
                heart: None,
                plan: box_4,
                checkin: true,
                sound: None,
            },
            "breathe",
        ),
        (
            Start::Ground {
                routine: None,
                checkin: true,
                sound: None,
            },
            "ground",
        ),
        (
            Start::Ground {
                routine: Some("5-4-3-2-1".into()),
                checkin: true,
                sound: None,
            },
            "ground",
        ),
        (Start::Journal { entry: None }, "journal"),
        (
            Start::Journal {
                entry: Some(NewEntry::default()),
            },
            "journal",
        ),
        (
            Start::Trends {
                span: Span::Week(date("2026-11-27")),
            },
            "trends",
        ),
    ];
    for (start, want) in starts {
        let label = format!("{start:?}");
        let tmp = tempfile::tempdir().expect("temp dir");
        let opts = options(&tmp, start);
        let clock = opts.clock;
        let marker = attune::store::marks::welcome_path(&opts.layout);
        let (mut app, store) = attune::tui::start(opts).expect("starts");
        assert!(app.welcome, "{label}: a first run shows the welcome");
        let enter = KeyEvent::from(KeyCode::Enter);
        let action = app
            .action_for_key(&enter)
            .unwrap_or_else(|| panic!("{label}: Enter does something on the welcome"));
        step(&mut app, &store, action, clock.now());
        assert!(!app.welcome, "{label}: Enter goes on");
        assert_eq!(on(&app), want, "{label}: on into what was asked");
        assert!(marker.exists(), "{label}: the welcome is remembered");
        let (again, _) = attune::tui::start(options(&tmp, Start::Home)).expect("starts again");
        assert!(!again.welcome, "{label}: and never shown again");
    }
}
