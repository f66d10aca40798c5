//! Each theme, styled: home, the check-in and the pacer in Calm, High contrast and Mono,
//! snapshotted with their styles at 40x12. Mono uses no colour at all, no theme ever uses
//! red, and every theme says the same words.

use attune::config::Theme as Kind;
use attune::domain::today::TodaySummary;
use attune::store::model::{Body, Record, Stamp};
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Notice, Now};
use attune::tui::screens::render;
use attune::tui::theme::Theme;
use chrono::{FixedOffset, TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use std::time::Duration;

const KINDS: [(&str, Kind); 3] = [
    ("calm", Kind::Calm),
    ("high_contrast", Kind::HighContrast),
    ("mono", Kind::Mono),
];

fn at(secs: f64) -> Now {
    let wall: Stamp = FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time");
    Now {
        wall,
        mono: Duration::from_secs_f64(secs),
    }
}

/// Update, answering effects in memory as a store would.
fn act(app: &mut App, action: Action, now: Now) {
    let mut effect = app.update(action, now);
    while let Some(e) = effect {
        let answer = match e {
            Effect::LoadRecentUses { ids, .. } => Action::RecentUses(Ok(vec![0; ids.len()])),
            Effect::SaveSession {
                session, started, ..
            } => Action::SessionSaved(Ok(Record::new(Body::Session(session), started))),
            other => panic!("no {other:?} in these scenes"),
        };
        effect = app.update(answer, now);
    }
}

fn app(kind: Kind) -> App {
    let today = TodaySummary {
        checkins_today: 2,
        latest_distress: Some(4),
        practice_seconds_today: 420.0,
        sessions_today: 2,
        days_practised_this_week: 3,
        ..TodaySummary::default()
    };
    let mut app = App::new(today, false, true);
    app.theme = Theme::of(true, kind);
    app
}

fn home(kind: Kind) -> App {
    let mut app = app(kind);
    app.notices = vec![Notice::Thanks];
    app
}

fn checkin(kind: Kind) -> App {
    let mut app = app(kind);
    for a in [
        Action::OpenCheckin,
        Action::Digit(6),
        Action::Next,
        Action::Digit(3),
    ] {
        act(&mut app, a, at(0.0));
    }
    app
}

pub fn pacer(kind: Kind) -> App {
    let mut app = app(kind);
    for a in [Action::OpenBreathe, Action::Begin, Action::Skip] {
        act(&mut app, a, at(0.0));
    }
    act(&mut app, Action::Tick, at(5.0));
    app
}

type Scene = (&'static str, fn(Kind) -> App);
const SCENES: [Scene; 3] = [("home", home), ("checkin", checkin), ("pacer", pacer)];

fn buffer(mut app: App, width: u16, height: u16) -> Buffer {
    act(&mut app, Action::Resize(width, height), at(5.0));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| render(&app, f)).expect("draws");
    terminal.backend().buffer().clone()
}

fn words(b: &Buffer) -> String {
    b.content().iter().map(|c| c.symbol()).collect()
}

/// Reds of the 16 and 256 colour sets, and any RGB where red clearly leads.
fn reddish(c: Color) -> bool {
    match c {
        Color::Red | Color::LightRed => true,
        Color::Indexed(i) => [1, 9, 52, 88, 124, 125, 160, 161, 196, 197, 198, 203].contains(&i),
        Color::Rgb(r, g, b) => r > 2 * g.max(b) && r > 96,
        _ => false,
    }
}

#[test]
fn each_theme_styled() {
    for (kind_name, kind) in KINDS {
        for (scene_name, scene) in SCENES {
            let b = buffer(scene(kind), 40, 12);
            insta::assert_snapshot!(format!("theme_{kind_name}_{scene_name}"), format!("{b:?}"));
        }
    }
}

#[test]
fn mono_has_no_colour_no_theme_uses_red_and_all_say_the_same() {
    for (w, h) in [(80, 24), (40, 12)] {
        for (scene_name, scene) in SCENES {
            let calm = buffer(scene(Kind::Calm), w, h);
            for (kind_name, kind) in KINDS {
                let b = buffer(scene(kind), w, h);
                assert_eq!(words(&b), words(&calm), "{kind_name} {scene_name}");
                for cell in b.content() {
                    for c in [cell.fg, cell.bg] {
                        assert!(!reddish(c), "{kind_name} {scene_name}: {c:?}");
                        if kind == Kind::Mono {
                            assert_eq!(c, Color::Reset, "{scene_name}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn colour_off_is_mono_whatever_was_chosen() {
    assert_eq!(Theme::of(false, Kind::HighContrast).kind, Kind::Mono);
    assert_eq!(Theme::of(true, Kind::HighContrast).kind, Kind::HighContrast);
    assert!(!Theme::of(true, Kind::Mono).color());
}
