//! The breathing screens as text: the preview, the rating before, listening, the pacer at
//! several moments of the breath and paused, and the closing screen, at 80x24 and 40x12,
//! drawn with ratatui's TestBackend from fixed state and a fake monotonic clock. Plus: no
//! size panics, colour off means no colour at all, and the pacer's picture changes often
//! enough (and little enough) while it moves.

use crate::tui_support::{
    Scene, act_in_memory, assert_any_size_draws, assert_colour_changes_only_colours,
    assert_colour_off_none_on_never_red, at, buffer, scenes_as_text, styled_both_ways, text,
};
use attune::domain::today::TodaySummary;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Now};
use attune::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

/// Update, answering effects in memory as a store would.
fn act(app: &mut App, action: Action, now: Now) {
    act_in_memory(app, action, now, |e| {
        matches!(
            e,
            Effect::LoadRecentUses { .. }
                | Effect::SaveSession { .. }
                | Effect::UpdateRecord(_)
                | Effect::LoadToday { .. }
        )
    });
}

fn acts(app: &mut App, actions: impl IntoIterator<Item = Action>, now: Now) {
    actions.into_iter().for_each(|a| act(app, a, now));
}

fn preview_default(color: bool) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    act(&mut app, Action::OpenBreathe, at(0.0));
    app
}

fn preview_holds(color: bool) -> App {
    let mut app = preview_default(color);
    acts(&mut app, std::iter::repeat_n(Action::PatternMove(1), 4), at(0.0));
    act(&mut app, Action::ToggleFollow, at(0.0));
    app
}

/// The preview with tones chosen: eyes closed is fine, and how to pause and stop by touch.
fn preview_sound(color: bool) -> App {
    let mut app = preview_default(color);
    act(&mut app, Action::CycleSound, at(0.0));
    app
}

fn before(color: bool) -> App {
    let mut app = preview_default(color);
    acts(&mut app, [Action::Begin, Action::Digit(1), Action::Digit(0)], at(0.0));
    app
}

fn listening(color: bool) -> App {
    let mut app = preview_default(color);
    acts(&mut app, [Action::ToggleFollow, Action::Begin, Action::Skip], at(0.0));
    for i in 0..6 {
        act(&mut app, Action::Tap, at(f64::from(i) * 6.5));
    }
    app
}

/// Exhale 4-6 (or box 4) paced from 0 s, shown at `t`.
fn pacing(color: bool, boxed: bool, t: f64) -> App {
    let mut app = preview_default(color);
    if boxed {
        acts(&mut app, std::iter::repeat_n(Action::PatternMove(1), 4), at(0.0));
    }
    acts(&mut app, [Action::Begin, Action::Skip], at(0.0));
    act(&mut app, Action::Tick, at(t));
    app
}

fn in_start(color: bool) -> App {
    pacing(color, false, 0.0)
}

fn in_middle(color: bool) -> App {
    pacing(color, false, 2.0)
}

fn hold(color: bool) -> App {
    pacing(color, true, 5.5)
}

fn out_middle(color: bool) -> App {
    let mut app = pacing(color, false, 2.0);
    act(&mut app, Action::Pace(-1), at(2.0));
    act(&mut app, Action::Tick, at(7.0));
    app
}

fn paused(color: bool) -> App {
    let mut app = pacing(color, false, 62.6);
    act(&mut app, Action::Pause, at(62.6));
    act(&mut app, Action::Tick, at(80.0));
    app
}

fn closing(color: bool) -> App {
    let mut app = preview_default(color);
    acts(&mut app, [Action::Begin, Action::Digit(6), Action::Begin], at(0.0));
    act(&mut app, Action::Tick, at(300.0));
    act(&mut app, Action::Digit(4), at(301.0));
    app
}

fn closing_follow(color: bool) -> App {
    let mut app = listening(color);
    act(&mut app, Action::Begin, at(40.0));
    act(&mut app, Action::Leave, at(100.0));
    app
}

const SCENES: [Scene; 12] = [
    ("breathe_preview", preview_default),
    ("breathe_preview_holds", preview_holds),
    ("breathe_preview_sound", preview_sound),
    ("breathe_before", before),
    ("breathe_listening", listening),
    ("pacer_in_start", in_start),
    ("pacer_in_middle", in_middle),
    ("pacer_hold", hold),
    ("pacer_out_middle", out_middle),
    ("pacer_paused", paused),
    ("breathe_closing", closing),
    ("breathe_closing_follow", closing_follow),
];

fn sized(scene: fn(bool) -> App, color: bool, w: u16, h: u16) -> App {
    let mut app = scene(color);
    let mono = app.mono;
    act(&mut app, Action::Resize(w, h), at(mono.as_secs_f64()));
    app
}

#[test]
fn breathing_screens_as_text() {
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
fn the_pacer_styled_with_and_without_colour() {
    for (color, styled) in styled_both_ways(in_middle, sized) {
        let name = if color { "pacer_colour" } else { "pacer_mono" };
        insta::assert_snapshot!(name, styled);
    }
}

#[test]
fn any_size_draws_without_panicking() {
    let widths = [0, 1, 2, 5, 10, 20, 39, 40, 41, 59, 60, 61, 80, 100, 300];
    let heights = [0, 1, 2, 5, 11, 12, 13, 17, 19, 20, 24, 30, 60];
    // The deadline is computed at every size too.
    assert_any_size_draws(&SCENES, &widths, &heights, sized, |app| {
        let _ = app.deadline();
    });
}

#[test]
fn the_pacer_shows_at_100x30_with_its_words() {
    let shown = text(&sized(in_middle, false, 100, 30), 100, 30);
    for words in [
        "Breathe in  2",
        "Breath 1 · 4:58 left",
        "Slow, not big",
        "Esc stop",
    ] {
        assert!(shown.contains(words), "{words}:\n{shown}");
    }
    assert!(shown.contains('█') && shown.contains('╭'), "{shown}");
}

/// Follow the app's deadlines as the event loop does, drawing each frame at 100x30, and
/// count the frames whose picture changed and the cells that changed.
#[test]
fn the_picture_changes_often_and_little_while_the_pacer_moves() {
    use attune::tui::runner::FRAME;
    let mut app = sized(in_start, false, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    terminal.draw(|f| render(&app, f)).expect("draws");
    let mut last = terminal.backend().buffer().clone();
    let (mut frames, mut cells) = (0, 0);
    let mut t = Duration::ZERO;
    // One whole breath: 4 s in, 6 s out.
    while let Some(next) = app.deadline() {
        t = next.max(t + FRAME);
        if t > Duration::from_secs(10) {
            break;
        }
        act(&mut app, Action::Tick, at(t.as_secs_f64()));
        terminal.draw(|f| render(&app, f)).expect("draws");
        let now = terminal.backend().buffer().clone();
        let changed = last.diff(&now).len();
        frames += usize::from(changed > 0);
        cells += changed;
        last = now;
    }
    eprintln!("{frames} changed frames, {cells} changed cells in 10 s");
    assert!(frames >= 25 * 10, "{frames} changed frames in 10 s");
    let most = 10.0 / FRAME.as_secs_f64() + 1.0;
    assert!(frames as f64 <= most, "{frames} frames: at most one a FRAME");
    // Even at ~40 bytes a cell (a move, a colour, the glyph), well under 30 KB a second.
    assert!(cells * 40 / 10 < 30_000, "{cells} cells changed in 10 s");
}

/// Frames drawn moving-rows-only (as the event loop does on ticks) leave the terminal
/// showing exactly what a full redraw would, through pauses, notes and the session's end.
#[test]
fn drawing_only_the_moving_rows_shows_the_same_as_a_full_frame() {
    use attune::tui::paint::Painter;
    for (w, h) in [(100, 30), (80, 24), (40, 12)] {
        let mut app = sized(in_start, true, w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        let mut painter = Painter::default();
        painter.full(&mut terminal, &app).expect("draws");
        let mut t = 0.0;
        for step in 0..450 {
            t += 0.77;
            let key = match step {
                50 => Some(Action::Pace(-1)),
                120 | 130 => Some(Action::Pause),
                200 => Some(Action::OpenHelp),
                201 => Some(Action::CloseHelp),
                202 => Some(Action::Pause),
                _ => None,
            };
            match key {
                Some(action) => {
                    act(&mut app, action, at(t));
                    painter.full(&mut terminal, &app).expect("draws");
                }
                None => {
                    act(&mut app, Action::Tick, at(t));
                    painter.moving(&mut terminal, &app).expect("draws");
                }
            }
            let want = buffer(&app, w, h);
            assert_eq!(terminal.backend().buffer(), &want, "{w}x{h} at {t} s");
        }
        assert_eq!(app.context(), attune::tui::keymap::Context::BreatheClosing);
    }
}
