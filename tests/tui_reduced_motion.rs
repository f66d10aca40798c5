//! Reduced motion: the pacer is a steady countdown in words ("Breathe out · 4") with no
//! moving fill, and the app asks to wake at most once a second, only when the words
//! change. Snapshots at 80x24 and 40x12.

use crate::tui_support::{act_in_memory, text, wall};
use attune::domain::today::TodaySummary;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Now};
use std::time::Duration;

fn at(mono: Duration) -> Now {
    Now { wall: wall(), mono }
}

/// Update, answering effects in memory as a store would.
fn act(app: &mut App, action: Action, mono: Duration) {
    act_in_memory(app, action, at(mono), |e| {
        matches!(e, Effect::LoadRecentUses { .. } | Effect::SaveSession { .. })
    });
}

/// Pacing `pattern` (moves down the list) with reduced motion, from 0 s.
fn pacing(moves: i8, width: u16, height: u16) -> App {
    let mut app = App::new(TodaySummary::default(), false, false);
    app.reduced_motion = true;
    act(&mut app, Action::Resize(width, height), Duration::ZERO);
    act(&mut app, Action::OpenBreathe, Duration::ZERO);
    act(&mut app, Action::PatternMove(moves), Duration::ZERO);
    for a in [Action::Begin, Action::Skip] {
        act(&mut app, a, Duration::ZERO);
    }
    app
}

#[test]
fn the_pacer_is_a_steady_countdown_in_words() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut app = pacing(0, w, h);
        act(&mut app, Action::Tick, Duration::from_secs_f64(5.5));
        let shown = text(&app, w, h);
        assert!(shown.contains("Breathe out · 5"), "{shown}");
        assert!(!shown.contains(['█', '▁', '▂', '▄', '▆', '╭']), "{shown}");
        insta::assert_snapshot!(format!("reduced_motion_{w}x{h}"), shown);
    }
}

#[test]
fn it_wakes_at_most_once_a_second_and_only_when_the_words_change() {
    // Exhale 4-6, and coherent 5.5 (phases of 5.5 s, which do not fall on whole seconds).
    for moves in [0, 2] {
        let mut app = pacing(moves, 80, 24);
        let mut last = Duration::ZERO;
        let mut words = text(&app, 80, 24);
        let mut wakes = 0;
        while let Some(next) = app.deadline() {
            if next <= last {
                break; // The session is over: it wakes at once to close.
            }
            assert!(next - last >= Duration::from_secs(1), "{last:?} -> {next:?}");
            act(&mut app, Action::Tick, next);
            let now_words = text(&app, 80, 24);
            assert_ne!(now_words, words, "woke at {next:?} with nothing new to say");
            (last, words) = (next, now_words);
            wakes += 1;
            if wakes > 120 {
                break;
            }
        }
        assert!(wakes > 100, "it kept counting: {wakes}");
    }
}

#[test]
fn paused_it_does_not_wake_at_all() {
    let mut app = pacing(0, 80, 24);
    act(&mut app, Action::Pause, Duration::from_secs(2));
    assert_eq!(app.deadline(), None);
    assert!(text(&app, 80, 24).contains("Paused"));
}
