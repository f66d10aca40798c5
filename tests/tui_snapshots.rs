//! Screens as text: home, check-in, picker, help and the first-run notice at 80x24 and
//! 40x12, drawn with ratatui's TestBackend from fixed state. Plus: no size panics, and
//! colour off means no colour at all.

use crate::tui_support::{
    Scene, a_busy_day, assert_any_size_draws, assert_colour_changes_only_colours,
    assert_colour_off_none_on_never_red, at, scenes_as_text, styled_both_ways, text,
};
use attune::domain::today::TodaySummary;
use attune::tui::action::Action;
use attune::tui::app::{App, Notice, Now};

fn now() -> Now {
    at(0.0)
}

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        assert_eq!(app.update(a.clone(), now()), [], "{a:?} needs no effect here");
    }
}

fn with_size(mut app: App, width: u16, height: u16) -> App {
    apply(&mut app, [Action::Resize(width, height)]);
    app
}

fn sized(scene: fn(bool) -> App, color: bool, width: u16, height: u16) -> App {
    with_size(scene(color), width, height)
}

fn home_empty(color: bool) -> App {
    App::new(TodaySummary::default(), false, color)
}

fn home_with_data(color: bool) -> App {
    let today = a_busy_day();
    let mut app = App::new(today, false, color);
    app.notices = vec![Notice::Thanks, Notice::HelpIsNear];
    app
}

fn checkin_fresh(color: bool) -> App {
    let mut app = home_empty(color);
    apply(&mut app, [Action::OpenCheckin]);
    app
}

fn checkin_partly(color: bool) -> App {
    use Action::*;
    let mut app = home_empty(color);
    apply(
        &mut app,
        [
            OpenCheckin,
            Digit(6),
            Next,
            Digit(3),
            Next,
            Next,
            Next,
            Next,
            Next,
            OpenPicker,
        ],
    );
    apply(&mut app, [PickerToggle, PickerMove(2), PickerToggle, PickerClose, Next]);
    apply(&mut app, "tired, ok".chars().map(Type));
    apply(&mut app, [Prev, Prev, Prev, Prev, Digit(1), Digit(0)]);
    app
}

fn checkin_needs_distress(color: bool) -> App {
    let mut app = home_empty(color);
    apply(
        &mut app,
        [
            Action::OpenCheckin,
            Action::Next,
            Action::Digit(2),
            Action::Save,
        ],
    );
    app
}

fn checkin_save_failed(color: bool) -> App {
    let mut app = checkin_partly(color);
    let why = "/home/someone/.local/share/attune/records/abc/2026-11.json is not valid JSON \
               (line 1, column 3).\nattune will not write over it, so nothing was saved. \
               `attune doctor` explains what to do.";
    apply(&mut app, [Action::Saved(Err(why.to_string()))]);
    app
}

fn picker(color: bool) -> App {
    use Action::*;
    let mut app = home_empty(color);
    apply(&mut app, [OpenCheckin, Next, Next, Next, Next, Next, Next, OpenPicker]);
    apply(&mut app, [PickerMove(1), PickerToggle, PickerMove(3), PickerToggle]);
    app
}

fn help_over_home(color: bool) -> App {
    let mut app = home_empty(color);
    apply(&mut app, [Action::OpenHelp]);
    app
}

fn help_over_checkin(color: bool) -> App {
    let mut app = checkin_fresh(color);
    apply(&mut app, [Action::OpenHelp]);
    app
}

fn welcome(color: bool) -> App {
    App::new(TodaySummary::default(), true, color)
}

const SCENES: [Scene; 10] = [
    ("home_empty", home_empty),
    ("home_with_data", home_with_data),
    ("checkin_fresh", checkin_fresh),
    ("checkin_partly", checkin_partly),
    ("checkin_needs_distress", checkin_needs_distress),
    ("checkin_save_failed", checkin_save_failed),
    ("picker", picker),
    ("help_over_home", help_over_home),
    ("help_over_checkin", help_over_checkin),
    ("welcome", welcome),
];

#[test]
fn screens_as_text() {
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
    assert_colour_off_none_on_never_red(&SCENES, sized, false);
}

#[test]
fn styled_check_in_with_and_without_colour() {
    for (color, styled) in styled_both_ways(checkin_partly, sized) {
        let name = if color {
            "styled_checkin_colour"
        } else {
            "styled_checkin_mono"
        };
        insta::assert_snapshot!(name, styled);
    }
}

#[test]
fn any_size_draws_without_panicking() {
    let widths = [0, 1, 2, 5, 10, 20, 39, 40, 41, 59, 60, 61, 80, 120, 300];
    let heights = [0, 1, 2, 5, 11, 12, 13, 19, 20, 24, 60];
    assert_any_size_draws(&SCENES, &widths, &heights, sized, |_| {});
}

#[test]
fn too_small_asks_kindly_for_more_room() {
    let shown = text(&home_empty(false), 39, 12);
    assert!(shown.contains("Please make the window a little"), "{shown}");
    let shown = text(&home_empty(false), 80, 11);
    assert!(shown.contains("Please make the window a little larger."), "{shown}");
    assert!(text(&home_empty(false), 40, 12).contains("check in"));
}

#[test]
fn help_scrolls_to_its_end_and_stops_there() {
    let mut app = with_size(help_over_home(false), 40, 12);
    apply(&mut app, [Action::Scroll(500)]);
    let end = app.help;
    apply(&mut app, [Action::Scroll(1)]);
    assert_eq!(app.help, end, "no scrolling past the end");
    let shown = text(&app, 40, 12);
    assert!(shown.contains("q     quit") && !shown.contains("more ↓"), "{shown}");
    insta::assert_snapshot!("help_scrolled_to_end_40x12", shown);
}
