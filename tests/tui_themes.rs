//! Each theme, styled: home, the check-in and the pacer in Calm, High contrast and Mono,
//! snapshotted with their styles at 40x12. Mono uses no colour at all, no theme ever uses
//! red, and every theme says the same words.

use crate::tui_support;

use crate::tui_support::{a_busy_day, act_in_memory, assert_never_red, assert_no_colour, at};
use attune::config::Theme as Kind;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Notice, Now};
use attune::tui::theme::Theme;
use ratatui::buffer::Buffer;

const KINDS: [(&str, Kind); 3] = [
    ("calm", Kind::Calm),
    ("high_contrast", Kind::HighContrast),
    ("mono", Kind::Mono),
];

/// Update, answering effects in memory as a store would.
fn act(app: &mut App, action: Action, now: Now) {
    act_in_memory(app, action, now, |e| {
        matches!(e, Effect::LoadRecentUses { .. } | Effect::SaveSession { .. })
    });
}

fn app(kind: Kind) -> App {
    let today = a_busy_day();
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
    tui_support::buffer(&app, width, height)
}

fn words(b: &Buffer) -> String {
    b.content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
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
                assert_never_red(&b, &format!("{kind_name} {scene_name}"));
                if kind == Kind::Mono {
                    assert_no_colour(&b, scene_name);
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
