//! The trends screen as text: a full week, an empty week, a month, all time, a picture
//! kept while the next loads, and a failed load, at 80x24 and 40x12, from a fixed,
//! hand-made history run through the real trend maths (and the same with a strap's heart
//! readings, and heart readings alone). Plus: colour off means no colour
//! at all, colour on is never red, the words are the same either way, and no size panics.

use crate::tui_support::{
    SIZES, Scene, assert_any_size_draws, assert_colour_changes_only_colours,
    assert_colour_off_none_on_never_red, scenes_as_text, styled_both_ways, text,
};
use attune::domain::today::TodaySummary;
use attune::domain::trends::Options;
use attune::service::trends::{Report, Span, of_records};
use attune::store::model::{Body, Checkin, Heart, Record, Session, Stamp};
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Now};
use chrono::{FixedOffset, NaiveDate, TimeZone};
use std::time::Duration;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

/// Friday 27 November 2026, 21:00.
fn today() -> NaiveDate {
    date("2026-11-27")
}

fn stamp(day: NaiveDate, hour: u32) -> Stamp {
    let tz = FixedOffset::east_opt(3600).expect("an offset");
    let at = day.and_hms_opt(hour, 0, 0).expect("a time");
    tz.from_local_datetime(&at).single().expect("one time")
}

fn now() -> Now {
    Now {
        wall: stamp(today(), 21),
        mono: Duration::ZERO,
    }
}

fn session(day: &str, minutes: f64, before: Option<u8>, after: Option<u8>) -> Record {
    let s = Session {
        practice: "breathe".into(),
        practice_id: "exhale-4-6".into(),
        actual_seconds: minutes * 60.0,
        completed: true,
        distress_before: before,
        distress_after: after,
        ..Session::default()
    };
    Record::new(Body::Session(s), stamp(date(day), 8))
}

fn checkin(day: &str, values: [u8; 4], words: &[&str]) -> Record {
    let [sleep, energy, pain, tension] = values;
    let c = Checkin {
        distress: 4,
        sleep: Some(sleep),
        energy: Some(energy),
        pain: Some(pain),
        tension: Some(tension),
        sensations: words.iter().map(std::string::ToString::to_string).collect(),
        ..Checkin::default()
    };
    Record::new(Body::Checkin(c), stamp(date(day), 20))
}

/// Two months of a calm, uneven practice, with this week fuller than the last.
fn history() -> Vec<Record> {
    let mut records = vec![
        session("2026-11-23", 10.0, Some(6), Some(4)),
        session("2026-11-24", 5.0, Some(5), Some(4)),
        session("2026-11-24", 12.0, Some(7), Some(4)),
        session("2026-11-26", 20.0, Some(4), Some(2)),
        session("2026-11-27", 3.0, None, None),
        session("2026-11-27", 0.5, Some(3), Some(3)),
        checkin("2026-11-23", [6, 5, 2, 6], &["tight chest", "warm"]),
        checkin("2026-11-25", [4, 3, 3, 7], &["tight chest"]),
        checkin("2026-11-27", [7, 6, 1, 4], &["calm", "warm"]),
        checkin("2026-11-17", [5, 5, 2, 6], &["tight chest", "restless"]),
        checkin("2026-11-18", [5, 4, 2, 6], &["tight chest", "restless"]),
        checkin("2026-11-19", [5, 4, 2, 6], &["tight chest"]),
    ];
    for d in [2, 3, 5, 9, 10, 12, 16, 18, 19] {
        let day = format!("2026-11-{d:02}");
        records.push(session(&day, f64::from(d % 7 + 4), Some(5), Some(3)));
    }
    for d in [6, 13, 20, 27] {
        records.push(session(&format!("2026-10-{d:02}"), 8.0, Some(6), Some(5)));
        records.push(checkin(&format!("2026-10-{d:02}"), [5, 5, 3, 5], &["heavy"]));
    }
    records
}

/// The report the service gives for `span`, from `records` in memory.
fn report(records: &[Record], span: Span) -> Report {
    let live: Vec<&Record> = records.iter().collect();
    of_records(&live, span, today(), Options::default())
}

/// Open trends from home and answer its loads from `records` in memory.
fn act(app: &mut App, records: &[Record], action: Action) {
    let mut queue = std::collections::VecDeque::from(app.update(action, now()));
    while let Some(e) = queue.pop_front() {
        let Effect::LoadTrends { span, .. } = e else {
            panic!("no {e:?} in these scenes");
        };
        let result = Ok(Box::new(report(records, span)));
        queue.extend(app.update(Action::TrendsLoaded { span, result }, now()));
    }
}

fn opened(color: bool, records: &[Record]) -> App {
    let mut app = App::new(TodaySummary::default(), false, color);
    act(&mut app, records, Action::OpenTrends);
    app
}

fn week(color: bool) -> App {
    opened(color, &history())
}

fn reading(context: &str, rmssd: f64, hr: f64, swing: Option<f64>) -> Heart {
    Heart {
        context: context.into(),
        source: "rr".into(),
        seconds: 300.0,
        beats: 320,
        mean_hr: hr,
        rmssd_ms: rmssd,
        sdnn_ms: 45.0,
        swing_bpm: swing,
        breath_seconds: swing.map(|_| 10.0),
        ..Heart::default()
    }
}

fn rest(day: &str, rmssd: f64, hr: f64) -> Record {
    Record::new(Body::Heart(reading("rest", rmssd, hr, None)), stamp(date(day), 7))
}

/// Resting readings this week and last, and a swing held by this week's rated practices.
fn heart_history() -> Vec<Record> {
    let mut records = history();
    for r in &mut records {
        if let Body::Session(s) = &mut r.body
            && r.created_at.date_naive() >= date("2026-11-23")
            && s.distress_after.is_some()
        {
            let swing = 4.0 + f64::from(s.distress_before.unwrap_or(0));
            s.heart = Some(Box::new(reading("practice", 60.0, 66.0, Some(swing))));
        }
    }
    records.extend([
        rest("2026-11-23", 38.0, 64.0),
        rest("2026-11-25", 44.5, 61.0),
        rest("2026-11-27", 41.0, 60.0),
        rest("2026-11-18", 36.0, 65.0),
    ]);
    records
}

fn heart_week(color: bool) -> App {
    opened(color, &heart_history())
}

fn heart_month(color: bool) -> App {
    let mut app = heart_week(color);
    act(&mut app, &heart_history(), Action::TrendsShow(attune::tui::trends::Unit::Month));
    app
}

/// Resting readings and nothing else: no charts, the heart figures said kindly.
fn heart_only(color: bool) -> App {
    let records = [
        rest("2026-11-24", 40.0, 62.0),
        rest("2026-11-26", 43.0, 60.0),
    ];
    opened(color, &records)
}

fn empty_week(color: bool) -> App {
    opened(color, &[])
}

fn month(color: bool) -> App {
    let mut app = week(color);
    act(&mut app, &history(), Action::TrendsShow(attune::tui::trends::Unit::Month));
    app
}

fn all_time(color: bool) -> App {
    let mut app = week(color);
    act(&mut app, &history(), Action::TrendsShow(attune::tui::trends::Unit::All));
    app
}

/// The last week's picture stays while an earlier week loads.
fn loading(color: bool) -> App {
    let mut app = week(color);
    let effect = app.update(Action::TrendsMove(-1), now());
    assert!(matches!(effect[..], [Effect::LoadTrends { .. }]));
    app
}

fn failed(color: bool) -> App {
    let mut app = week(color);
    let span = Span::Week(date("2026-11-16"));
    let _ = app.update(Action::TrendsMove(-1), now());
    let result = Err("the data folder is not there".to_string());
    let _ = app.update(Action::TrendsLoaded { span, result }, now());
    app
}

/// `g` and a date that is not one: the date stays typed, with a kind word under it.
fn go_to(color: bool) -> App {
    let mut app = week(color);
    let mut keys = vec![Action::TrendsGoTo];
    keys.extend([2, 0, 1, 9].map(Action::Digit));
    keys.push(Action::Type('-'));
    keys.extend([1, 3].map(Action::Digit));
    keys.push(Action::Begin);
    for action in keys {
        assert_eq!(app.update(action, now()), [], "nothing to load yet");
    }
    app
}

const SCENES: [Scene; 10] = [
    ("trends_week", week),
    ("trends_empty_week", empty_week),
    ("trends_month", month),
    ("trends_all_time", all_time),
    ("trends_loading", loading),
    ("trends_failed", failed),
    ("trends_go_to", go_to),
    ("trends_heart_week", heart_week),
    ("trends_heart_month", heart_month),
    ("trends_heart_only", heart_only),
];

fn sized(scene: fn(bool) -> App, color: bool, w: u16, h: u16) -> App {
    let mut app = scene(color);
    let _ = app.update(Action::Resize(w, h), now());
    app
}

#[test]
fn trends_screens_as_text() {
    for (name, shown) in scenes_as_text(&SCENES, sized) {
        insta::assert_snapshot!(name, shown);
    }
}

#[test]
fn the_week_says_what_matters_at_both_sizes() {
    for (w, h) in SIZES {
        let shown = text(&sized(week, false, w, h), w, h);
        for words in [
            "Trends",
            "You practised on 4 days",
            "1.6 lower",
            "Mon",
            "Sun",
        ] {
            assert!(shown.contains(words), "{w}x{h} lacks {words}:\n{shown}");
        }
        assert!(shown.contains('█'), "{w}x{h} has bars:\n{shown}");
    }
    let wide = text(&sized(week, false, 80, 24), 80, 24);
    for words in [
        "Sleep",
        "Energy",
        "Pain",
        "Tension",
        "Mon  6 → 4",
        "▼2",
        "against these days last week",
        "tight chest 2 · 1 fewer",
        "Distress↓",
    ] {
        assert!(wide.contains(words), "80x24 lacks {words}:\n{wide}");
    }
    let row = wide.lines().find(|l| l.contains("Long exhale 4-6"));
    let cells: Vec<&str> = row
        .map(|r| r.trim_end_matches(['"', ' ']).split_whitespace().collect())
        .unwrap_or_default();
    assert!(cells.ends_with(&["6", "5", "1.6", "lower"]), "{wide}");
    let wider = text(&sized(week, false, 110, 30), 110, 30);
    assert!(wider.contains("tight chest 2 · 1 fewer"), "{wider}");
    assert!(!wider.contains("exhale-4-6"), "names, not ids:\n{wider}");
}

#[test]
fn an_empty_week_is_kind_and_shows_no_zeros() {
    for (w, h) in SIZES {
        let shown = text(&sized(empty_week, false, w, h), w, h);
        assert!(shown.contains("Nothing recorded here yet"), "{shown}");
        let zero = |w: &str| w.trim_matches(|c: char| !c.is_ascii_digit()) == "0";
        assert!(!shown.split_whitespace().any(zero), "no zeros shouting:\n{shown}");
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
fn the_week_styled_with_and_without_colour() {
    for (color, styled) in styled_both_ways(week, sized) {
        let name = if color {
            "trends_colour"
        } else {
            "trends_mono"
        };
        insta::assert_snapshot!(name, styled);
    }
}

#[test]
fn any_size_draws_without_panicking() {
    let widths = [
        0, 1, 2, 5, 10, 20, 39, 40, 41, 59, 60, 61, 75, 76, 80, 100, 300,
    ];
    let heights = [0, 1, 2, 5, 11, 12, 13, 17, 19, 20, 21, 24, 30, 60];
    assert_any_size_draws(&SCENES, &widths, &heights, sized, |_| {});
}

#[test]
fn a_small_window_asks_to_be_larger() {
    let shown = text(&sized(week, false, 39, 12), 39, 12);
    assert!(shown.contains("a little larger"), "{shown}");
}

/// Ten years and eleven months: two half-hour practices and a check-in every month since
/// January 2016.
fn ten_years() -> Vec<Record> {
    let mut records = Vec::new();
    for year in 2016..=2026 {
        for month in 1..=12 {
            let day = format!("{year}-{month:02}-10");
            if date(&day) > today() {
                continue;
            }
            records.push(session(&day, 30.0, Some(6), Some(4)));
            records.push(session(&day, 30.0, Some(5), Some(4)));
            records.push(checkin(&day, [5, 5, 2, 5], &[]));
        }
    }
    records
}

#[test]
fn all_time_of_ten_years_at_80_columns_covers_2016_to_today() {
    let records = ten_years();
    let mut app = opened(false, &records);
    act(&mut app, &records, Action::TrendsShow(attune::tui::trends::Unit::All));
    let _ = app.update(Action::Resize(80, 24), now());
    let shown = text(&app, 80, 24);
    let axis = shown
        .lines()
        .find(|l| l.contains("2016") && l.contains("2017"))
        .unwrap_or_else(|| panic!("no axis of years:\n{shown}"));
    for year in 2016..=2026 {
        assert!(axis.contains(&year.to_string()), "{year} missing:\n{shown}");
    }
    for words in [
        "Hours",
        "yearly",
        "top 12",
        "All time, Sun 10 Jan 2016",
        "131 hours",
    ] {
        assert!(shown.contains(words), "lacks {words}:\n{shown}");
    }
    // Wider, the same years by quarter; nothing is cut at either width.
    let _ = app.update(Action::Resize(120, 30), now());
    let wide = text(&app, 120, 30);
    assert!(wide.contains("quarterly"), "{wide}");
    let axis = wide
        .lines()
        .find(|l| l.contains("2016") && l.contains("2017"))
        .unwrap_or_default();
    assert!(axis.contains("2026"), "{wide}");
}

#[test]
fn names_and_words_from_synced_files_are_shown_never_acted_on() {
    let mut records = history();
    let mut odd = session("2026-11-25", 6.0, Some(5), Some(3));
    if let Body::Session(s) = &mut odd.body {
        s.practice_id = "mine".into();
    }
    records.push(odd);
    records.push(checkin("2026-11-25", [5, 5, 2, 5], &["sore\u{1b}[2J\u{202e}ti"]));
    let mut app = App::new(TodaySummary::default(), false, false);
    let mut mine = app.patterns[0].clone();
    mine.id = "mine".into();
    mine.name = "Evening\u{202e} \u{1b}]0;owned\u{7}calm".into();
    app.patterns.push(mine);
    for (w, h) in [(80, 24), (110, 30), (40, 12)] {
        act(&mut app, &records, Action::OpenTrends);
        let _ = app.update(Action::Resize(w, h), now());
        let shown = text(&app, w, h);
        assert!(w < 60 || shown.contains("Evening"), "{w}x{h}: the name is shown:\n{shown}");
        assert!(
            !shown.contains(['\u{1b}', '\u{202e}', '\u{7}']),
            "{w}x{h}: no control or direction override reaches the terminal:\n{shown}"
        );
        let _ = app.update(Action::Leave, now());
    }
}

#[test]
fn all_time_from_a_clock_that_once_said_1970_is_drawn_by_decade_at_every_size() {
    let mut records = ten_years();
    records.push(session("1970-01-01", 5.0, None, None));
    let mut app = opened(false, &records);
    act(&mut app, &records, Action::TrendsShow(attune::tui::trends::Unit::All));
    for (width, height) in [(80, 24), (40, 12)] {
        let _ = app.update(Action::Resize(width, height), now());
        let shown = text(&app, width, height);
        // Every decade has its column; a narrow axis names every other one.
        assert!(shown.contains("by decade") && shown.contains("1970s"), "{shown}");
        let want = if width >= 80 { "2020s" } else { "2010s" };
        assert!(shown.contains(want), "{shown}");
    }
}
