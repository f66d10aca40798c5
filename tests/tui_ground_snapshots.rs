//! The grounding screens as text: the routine list, a typed step, the count, a timed
//! step part-way, a choosing step, a rating step and the closing screen, at 80x24 and
//! 40x12, drawn with ratatui's TestBackend from fixed state and a fake clock. Plus: no
//! size panics, colour off means no colour at all, colour on is never red, and the
//! cursor shows only where typing goes and never through help.

use crate::tui_support::{
    Scene, act_in_memory, assert_any_size_draws, assert_colour_changes_only_colours,
    assert_colour_off_none_on_never_red, at, scenes_as_text, styled_both_ways, terminal,
};
use attune::domain::today::TodaySummary;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Now};
use ratatui::backend::Backend as _;

/// Update, answering effects in memory as a store would.
fn act(app: &mut App, action: Action, now: Now) {
    act_in_memory(app, action, now, |e| {
        matches!(
            e,
            Effect::SaveSession { .. } | Effect::UpdateRecord(_) | Effect::LoadToday { .. }
        )
    });
}

fn acts(app: &mut App, actions: impl IntoIterator<Item = Action>, now: Now) {
    actions.into_iter().for_each(|a| act(app, a, now));
}

fn typed(app: &mut App, text: &str, now: Now) {
    acts(app, text.chars().map(Action::Type), now);
}

fn list(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    acts(&mut app, [Action::OpenGround, Action::RoutineMove(1)], at(0.0));
    app
}

/// The 5-4-3-2-1 routine on its first typed step, two things typed and a third begun.
fn typed_step(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    let now = at(0.0);
    acts(&mut app, [Action::OpenGround, Action::Begin, Action::Skip], now);
    act(&mut app, Action::Begin, now);
    for word in ["the lamp by the window", "a blue mug"] {
        typed(&mut app, word, now);
        act(&mut app, Action::Begin, now);
    }
    typed(&mut app, "rain on the gl", now);
    app
}

fn count_step(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    app.open_ground(Some("exhale-count"), false, at(0.0));
    act(&mut app, Action::Begin, at(0.0));
    for i in 1..=7 {
        act(&mut app, Action::Tap, at(f64::from(i) * 5.0));
    }
    app
}

/// Orienting's first timed step (40 s), 15 s in.
fn timed_step(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    app.open_ground(Some("orienting"), false, at(0.0));
    act(&mut app, Action::Begin, at(0.0));
    act(&mut app, Action::Tick, at(15.0));
    app
}

fn choose_step(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    app.open_ground(Some("name-it"), false, at(0.0));
    acts(&mut app, [Action::PickerMove(1), Action::PickerMove(1)], at(0.0));
    app
}

fn rate_step(color: bool) -> App {
    let mut app = choose_step(color);
    acts(&mut app, [Action::Begin, Action::Begin], at(0.0));
    acts(&mut app, [Action::Digit(1), Action::Digit(0)], at(0.0));
    app
}

/// The closing screen after 5-4-3-2-1 with words to keep, a rating before and after.
fn closing(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    acts(&mut app, [Action::OpenGround, Action::Begin, Action::Digit(6)], at(0.0));
    acts(&mut app, [Action::Begin, Action::Begin], at(0.0));
    typed(&mut app, "lamp", at(10.0));
    act(&mut app, Action::Begin, at(10.0));
    act(&mut app, Action::Leave, at(95.0));
    acts(&mut app, [Action::ToggleKeep, Action::Digit(4)], at(96.0));
    app
}

/// Distress after is 2 higher than before: the gentle offer shows.
fn closing_offer(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    app.open_ground(Some("exhale-count"), true, at(0.0));
    acts(&mut app, [Action::Digit(5), Action::Begin], at(0.0));
    act(&mut app, Action::Begin, at(1.0));
    for i in 1..=5 {
        act(&mut app, Action::Tap, at(f64::from(i) * 4.0));
    }
    acts(&mut app, [Action::Begin, Action::Begin], at(30.0));
    act(&mut app, Action::Digit(7), at(31.0));
    app
}

const SCENES: [Scene; 8] = [
    ("ground_list", list),
    ("ground_typed", typed_step),
    ("ground_count", count_step),
    ("ground_timed", timed_step),
    ("ground_choose", choose_step),
    ("ground_rate", rate_step),
    ("ground_closing", closing),
    ("ground_closing_offer", closing_offer),
];

fn sized(scene: fn(bool) -> App, color: bool, w: u16, h: u16) -> App {
    let mut app = scene(color);
    let mono = app.mono;
    act(&mut app, Action::Resize(w, h), at(mono.as_secs_f64()));
    app
}

#[test]
fn grounding_screens_as_text() {
    for (name, shown) in scenes_as_text(&SCENES, sized) {
        insta::assert_snapshot!(name, shown);
    }
}

#[test]
fn colour_changes_only_colours_never_words() {
    assert_colour_changes_only_colours(&SCENES, sized);
}

#[test]
fn colour_off_uses_no_colour_at_all_and_colour_on_never_red() {
    assert_colour_off_none_on_never_red(&SCENES, sized, true);
}

#[test]
fn the_count_styled_with_and_without_colour() {
    for (color, styled) in styled_both_ways(count_step, sized) {
        let name = if color {
            "ground_count_colour"
        } else {
            "ground_count_mono"
        };
        insta::assert_snapshot!(name, styled);
    }
}

#[test]
fn the_cursor_shows_after_the_typed_text_and_never_through_help() {
    let mut app = sized(typed_step, false, 80, 24);
    let mut t = terminal(&app, 80, 24);
    assert!(t.backend().cursor_visible());
    // "   › rain on the gl": 3 + 2 + 14 columns in, on the input line.
    assert_eq!(t.backend_mut().get_cursor_position().ok().map(|p| p.x), Some(19));
    act(&mut app, Action::OpenHelp, at(0.0));
    let t = terminal(&app, 80, 24);
    assert!(!t.backend().cursor_visible(), "help covers the input");
    let list = sized(list, false, 80, 24);
    assert!(!terminal(&list, 80, 24).backend().cursor_visible());
}

#[test]
fn any_size_draws_without_panicking() {
    let widths = [0, 1, 2, 5, 10, 20, 39, 40, 41, 59, 60, 61, 80, 100, 300];
    let heights = [0, 1, 2, 5, 11, 12, 13, 17, 19, 20, 24, 30, 60];
    assert_any_size_draws(&SCENES, &widths, &heights, sized, |app| {
        let _ = app.deadline();
    });
}
