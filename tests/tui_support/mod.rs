//! Drawing attune's screens into ratatui's TestBackend for the screen tests: the fixed
//! moment they are drawn at, the buffer and its text, and the colour checks shared by
//! every screen (colour changes only colours, colour off means no colour at all, colour
//! on is never red, any size draws without panicking).

#![allow(dead_code)]

use attune::domain::today::TodaySummary;
use attune::store::model::{Body, Record, Stamp};
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Now};
use attune::tui::ui::render;
use chrono::{FixedOffset, TimeZone};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use std::time::Duration;

/// The two sizes every screen is snapshotted at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// A named scene, built with colour on or off.
pub type Scene = (&'static str, fn(bool) -> App);

/// The fixed wall-clock moment the screens are drawn at.
pub fn wall() -> Stamp {
    FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time")
}

/// That moment, `secs` into the monotonic clock.
pub fn at(secs: f64) -> Now {
    Now {
        wall: wall(),
        mono: Duration::from_secs_f64(secs),
    }
}

/// A test terminal of this size with the app drawn into it.
pub fn terminal(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| render(app, f)).expect("draws");
    terminal
}

/// The drawn cells, with their styles.
pub fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    terminal(app, width, height).backend().buffer().clone()
}

/// The drawn screen as text.
pub fn text(app: &App, width: u16, height: u16) -> String {
    terminal(app, width, height).backend().to_string()
}

/// Reds of the 16 and 256 colour sets, and any RGB where red clearly leads.
pub fn reddish(c: Color) -> bool {
    match c {
        Color::Red | Color::LightRed => true,
        Color::Indexed(i) => [1, 9, 52, 88, 124, 125, 160, 161, 196, 197, 198, 203].contains(&i),
        Color::Rgb(r, g, b) => r > 2 * g.max(b) && r > 96,
        _ => false,
    }
}

/// Every cell in the default colours: no colour at all.
pub fn assert_no_colour(buf: &Buffer, label: &str) {
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{label}");
    }
}

/// No cell is red; returns whether any cell has a colour at all.
pub fn assert_never_red(buf: &Buffer, label: &str) -> bool {
    let mut coloured = false;
    for cell in buf.content() {
        for c in [cell.fg, cell.bg] {
            assert!(!reddish(c), "{label}: red at {cell:?}");
            coloured |= c != Color::Reset;
        }
    }
    coloured
}

/// Each scene at each of the SIZES, with colour on and off, says the same words.
pub fn assert_colour_changes_only_colours(
    scenes: &[Scene],
    sized: impl Fn(fn(bool) -> App, bool, u16, u16) -> App,
) {
    for &(name, scene) in scenes {
        for (w, h) in SIZES {
            let on = text(&sized(scene, true, w, h), w, h);
            let off = text(&sized(scene, false, w, h), w, h);
            assert_eq!(on, off, "{name} {w}x{h}");
        }
    }
}

/// Each scene at each of the SIZES: colour off has no colour at all; colour on is never
/// red (and, when `some_colour`, has some colour).
pub fn assert_colour_off_none_on_never_red(
    scenes: &[Scene],
    sized: impl Fn(fn(bool) -> App, bool, u16, u16) -> App,
    some_colour: bool,
) {
    for &(name, scene) in scenes {
        for (w, h) in SIZES {
            let label = format!("{name} {w}x{h}");
            assert_no_colour(&buffer(&sized(scene, false, w, h), w, h), &label);
            let coloured = assert_never_red(&buffer(&sized(scene, true, w, h), w, h), &label);
            if some_colour {
                assert!(coloured, "{label} has some colour");
            }
        }
    }
}

/// Each scene, with colour on, draws at every width by every height without panicking
/// and fills exactly that width; `also` checks each sized app further.
pub fn assert_any_size_draws(
    scenes: &[Scene],
    widths: &[u16],
    heights: &[u16],
    sized: impl Fn(fn(bool) -> App, bool, u16, u16) -> App,
    also: impl Fn(&App),
) {
    for &(name, scene) in scenes {
        for &w in widths {
            for &h in heights {
                // Draw only: TestBackend's own text view cannot show a zero-width buffer.
                let app = sized(scene, true, w, h);
                assert_eq!(buffer(&app, w, h).area.width, w, "{name}");
                also(&app);
            }
        }
    }
}

/// Each scene at each of the SIZES, colour off, as text, named `{scene}_{w}x{h}` for
/// the test's own snapshot.
pub fn scenes_as_text(
    scenes: &[Scene],
    sized: impl Fn(fn(bool) -> App, bool, u16, u16) -> App,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &(name, scene) in scenes {
        for (w, h) in SIZES {
            let app = sized(scene, false, w, h);
            out.push((format!("{name}_{w}x{h}"), text(&app, w, h)));
        }
    }
    out
}

/// The scene at 40x12 with its styles, colour on then off.
pub fn styled_both_ways(
    scene: fn(bool) -> App,
    sized: impl Fn(fn(bool) -> App, bool, u16, u16) -> App,
) -> Vec<(bool, String)> {
    [true, false]
        .into_iter()
        .map(|color| {
            let app = sized(scene, color, 40, 12);
            (color, format!("{:?}", buffer(&app, 40, 12)))
        })
        .collect()
}

/// Update, answering the effects the scene `expects` in memory as a store would: saving
/// and updating a session, loading today (nothing yet) and recent uses (none). Any other
/// effect, or one not expected, fails the test.
pub fn act_in_memory(app: &mut App, action: Action, now: Now, expects: fn(&Effect) -> bool) {
    let mut queue = std::collections::VecDeque::from(app.update(action, now));
    while let Some(e) = queue.pop_front() {
        // Remembering the breathing preview's choices is quiet bookkeeping, in any scene.
        if let Effect::RememberChoices(_) = e {
            queue.extend(app.update(Action::ChoicesRemembered(Ok(())), now));
            continue;
        }
        assert!(expects(&e), "no {e:?} in these scenes");
        let answer = match e {
            Effect::LoadRecentUses { ids, .. } => Action::RecentUses(Ok(vec![0; ids.len()])),
            Effect::SaveSession {
                session, started, ..
            } => Action::SessionSaved(Ok(Box::new(Record::new(Body::Session(session), started)))),
            Effect::UpdateRecord(r) => Action::SessionUpdated(Ok(Box::new(r))),
            Effect::LoadToday { .. } => Action::TodayLoaded(Ok(TodaySummary::default())),
            other => panic!("no {other:?} in these scenes"),
        };
        queue.extend(app.update(answer, now));
    }
}

/// Today so far: two check-ins (distress 4 at the last) and seven minutes of practice in
/// two sessions, on the third day practised this week.
pub fn a_busy_day() -> TodaySummary {
    TodaySummary {
        checkins_today: 2,
        latest_distress: Some(4),
        practice_seconds_today: 420.0,
        sessions_today: 2,
        days_practised_this_week: 3,
        ..TodaySummary::default()
    }
}
