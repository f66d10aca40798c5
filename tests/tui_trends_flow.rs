//! Keys in, picture out, for the trends screen: records in a real store in a temp dir,
//! key presses through the keymap, effects performed against the store, and the range
//! asked for, the range loaded and the range drawn checked to agree at every step.

use crate::tui_support;

use crate::flow_support::{Rig, date, stamp};
use attune::service::practice::save_session;
use attune::service::trends::Span;
use attune::store::layout::Layout;
use attune::store::model::Session;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{Now, Screen};
use attune::tui::keymap::Context;
use attune::tui::trends::{TrendsView, Unit};
use attune::tui::ui::render;
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Friday 27 November 2026.
fn now() -> Now {
    Now {
        wall: stamp("2026-11-27", 21),
        mono: std::time::Duration::ZERO,
    }
}

/// Sessions this week (2), last week (1) and in October (1).
fn with_sessions() -> Rig {
    let rig = Rig::from_wall(now().wall);
    for (day, minutes) in [
        ("2026-11-24", 10.0),
        ("2026-11-26", 5.0),
        ("2026-11-18", 8.0),
        ("2026-10-15", 12.0),
    ] {
        let s = Session {
            practice: "breathe".into(),
            practice_id: "exhale-4-6".into(),
            actual_seconds: minutes * 60.0,
            completed: true,
            distress_before: Some(6),
            distress_after: Some(4),
            ..Session::default()
        };
        save_session(&rig.store, s, stamp(day, 8), stamp(day, 9)).expect("saves");
    }
    rig
}

impl Rig {
    fn view(&self) -> &TrendsView {
        match &self.app.screen {
            Screen::Trends(view) => view,
            other => panic!("not on trends: {other:?}"),
        }
    }

    /// The range asked for, loaded and drawn agree; returns (from, to, sessions).
    fn shown(&self) -> (NaiveDate, NaiveDate, usize) {
        let view = self.view();
        let shown = view.shown.as_ref().expect("a picture");
        assert_eq!(shown.span, view.span, "the picture is the range asked for");
        assert!(!view.loading);
        let t = &shown.report.trends;
        let screen = self.text();
        let from = match shown.span {
            Span::Week(_) => t.from.format("%a %-d %b %Y").to_string(),
            Span::Month(_) => t.from.format("%B %Y").to_string(),
            Span::All => format!("All time, {}", t.from.format("%a %-d %b %Y")),
        };
        assert!(screen.contains(&from), "{from} not drawn:\n{screen}");
        (t.from, t.to, t.sessions)
    }

    fn text(&self) -> String {
        tui_support::text(&self.app, 80, 24)
    }
}

#[test]
fn t_from_home_opens_this_week() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t'));
    assert_eq!(rig.app.context(), Context::Trends(Unit::Week));
    assert_eq!(rig.view().span, Span::Week(date("2026-11-23")));
    assert_eq!(
        rig.shown(),
        (date("2026-11-23"), date("2026-11-29"), 2),
        "Monday to Sunday, with this week's two sessions"
    );
    assert!(rig.text().contains("You practised on 2 days: 15 minutes"));
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
}

#[test]
fn arrows_move_a_week_but_never_past_this_one() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t')).key(KeyCode::Left);
    assert_eq!(rig.shown(), (date("2026-11-16"), date("2026-11-22"), 1));
    rig.key(KeyCode::Left);
    assert_eq!(rig.shown(), (date("2026-11-09"), date("2026-11-15"), 0));
    assert!(rig.text().contains("Nothing recorded here yet"));
    rig.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(rig.shown().0, date("2026-11-23"));
    let later = rig.app.update(Action::TrendsMove(1), now());
    assert_eq!(later, [], "no load for a week still to come");
    assert_eq!(rig.shown().0, date("2026-11-23"));
}

#[test]
fn m_shows_the_month_and_arrows_move_by_months() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t')).key(KeyCode::Char('m'));
    assert_eq!(rig.app.context(), Context::Trends(Unit::Month));
    assert_eq!(rig.shown(), (date("2026-11-01"), date("2026-11-30"), 3));
    assert!(rig.text().contains("November 2026"));
    rig.key(KeyCode::Left);
    assert_eq!(rig.shown(), (date("2026-10-01"), date("2026-10-31"), 1));
    rig.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(rig.shown().0, date("2026-11-01"), "not past this month");
    // m again goes back to the week holding today.
    rig.key(KeyCode::Char('m'));
    assert_eq!(rig.shown().0, date("2026-11-23"));
}

#[test]
fn a_shows_all_time_from_the_first_record() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t')).key(KeyCode::Char('a'));
    assert_eq!(rig.app.context(), Context::Trends(Unit::All));
    assert_eq!(rig.shown(), (date("2026-10-15"), date("2026-11-27"), 4));
    assert!(rig.text().contains("All time"));
    let moved = rig.app.update(Action::TrendsMove(-1), now());
    assert_eq!(moved, [], "all time does not move");
    rig.key(KeyCode::Char('w'));
    assert_eq!(rig.shown().0, date("2026-11-23"));
}

#[test]
fn the_last_picture_stays_while_the_next_loads_and_late_answers_are_left_aside() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t'));
    let effect = rig.app.update(Action::TrendsMove(-1), now());
    let [Effect::LoadTrends { span, today, .. }] = effect[..] else {
        panic!("a load: {effect:?}");
    };
    assert_eq!((span, today), (Span::Week(date("2026-11-16")), date("2026-11-27")));
    let view = rig.view();
    assert!(view.loading);
    let kept = view.shown.as_ref().expect("kept").span;
    assert_eq!(kept, Span::Week(date("2026-11-23")));
    assert!(rig.text().contains("updating"));
    // An answer for a range no longer asked for changes nothing.
    let stale = Action::TrendsLoaded {
        span: Span::All,
        result: Err("late".into()),
    };
    rig.app.update(stale, now());
    assert!(rig.view().loading && rig.view().failed.is_none());
    // A failure keeps the picture and says so, gently.
    let failed = Action::TrendsLoaded {
        span,
        result: Err("disk asleep".into()),
    };
    rig.app.update(failed, now());
    assert_eq!(rig.view().shown.as_ref().expect("kept").span, kept);
    assert!(
        rig.text()
            .contains("could not be read just now: disk asleep")
    );
}

#[test]
fn attune_trends_opens_on_the_range_asked_for() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let opts = attune::tui::Options {
        layout: Layout::new(tmp.path().join("data"), tmp.path().join("state")),
        color: false,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(now().wall),
        start: attune::tui::Start::Trends {
            span: Span::Month(date("2026-10-15")),
        },
    };
    let (app, _store) = attune::tui::start(opts).expect("starts");
    let Screen::Trends(view) = &app.screen else {
        panic!("not on trends");
    };
    assert_eq!(view.span, Span::Month(date("2026-10-01")));
    assert_eq!(view.shown.as_ref().map(|s| s.span), Some(view.span));
}

#[test]
fn home_and_help_list_the_keys() {
    let mut rig = with_sessions();
    assert!(rig.text().contains("t  trends"), "{}", rig.text());
    rig.key(KeyCode::Char('t')).key(KeyCode::Char('?'));
    let help = {
        let mut terminal = Terminal::new(TestBackend::new(80, 60)).expect("terminal");
        terminal.draw(|f| render(&rig.app, f)).expect("draws");
        terminal.backend().to_string()
    };
    for keys in ["←→", "week", "m", "month", "a", "all time", "Esc", "back"] {
        assert!(help.contains(keys), "help lacks {keys}:\n{help}");
    }
}

#[test]
fn g_then_a_date_goes_straight_there_instead_of_pressing_left_for_years() {
    let mut rig = with_sessions();
    rig.key(KeyCode::Char('t'));
    assert!(rig.text().contains("g go to date"), "{}", rig.text());
    rig.key(KeyCode::Char('g')).keys("2019-03");
    assert!(rig.text().contains("Go to: 2019-03▏"), "{}", rig.text());
    assert!(rig.text().contains("Enter to go, Esc to stay"), "{}", rig.text());
    rig.key(KeyCode::Enter);
    assert_eq!(rig.view().jump, None);
    assert_eq!(rig.shown().0, date("2019-02-25"), "the week holding 1 March 2019");
    // From a month, a day goes to its month.
    rig.key(KeyCode::Char('m'));
    rig.key(KeyCode::Char('g'))
        .keys("2026-10-15")
        .key(KeyCode::Enter);
    assert_eq!(rig.shown(), (date("2026-10-01"), date("2026-10-31"), 1));
    // A date attune cannot read, or one after today, stays typed with a kind word.
    rig.key(KeyCode::Char('g'))
        .keys("2019-13")
        .key(KeyCode::Enter);
    assert!(rig.text().contains("type it like 2019-03"), "{}", rig.text());
    for _ in 0..7 {
        rig.key(KeyCode::Backspace);
    }
    rig.keys("2027-01").key(KeyCode::Enter);
    assert!(rig.text().contains("after today"), "{}", rig.text());
    assert_eq!(rig.shown().0, date("2026-10-01"), "still where it was");
    // Esc puts the date away and stays; the next Esc leaves.
    rig.key(KeyCode::Esc);
    assert_eq!(rig.view().jump, None);
    assert!(matches!(rig.app.screen, Screen::Trends(_)));
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
}
