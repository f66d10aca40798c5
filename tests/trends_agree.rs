//! One hand-made week, its figures worked out once by hand below, checked in all four
//! outputs: `attune trends` (text), `attune trends --json`, the markdown review, and the
//! trends screen's picture. Every figure a person reads is the same in each.
//!
//! The week of Mon 9 to Sun 15 November 2026 (distress before → after):
//!
//! | day | practice | before → after | minutes |
//! |---|---|---|---|
//! | Mon | Long exhale 4-6 ×2 | 3 → 1, 4 → 2 | 5 + 5 |
//! | Tue | Touch and weight ×3 | 3 → 1, 3 → 2, 3 → 1 | 4 + 3 + 2 |
//! | Thu | Long exhale 4-6 ×2 | 5 → 3, 2 → 2 | 10 + 5 |
//! | Fri | Long exhale 4-6 | 4 → 3 | 5 |
//! | Sat | Cyclic sigh | 6 → (not rated) | 2.5 |
//!
//! - 9 sessions on 5 days; 41.5 minutes, written "42 minutes" (half rounds away from 0).
//! - Tue: before 3, after 4/3 = 1.333 shown "1.3"; its change is that of the shown
//!   numbers, 1.3 - 3 = "▼1.7" (not 1.667 rounded on its own).
//! - Mon: 3.5 → 1.5, ▼2. Thu: 3.5 → 2.5, ▼1. Fri: 4 → 3, ▼1. Sat: 6 → not rated.
//! - Mean change per session over the 8 rated: (-2-2-2-1-2-2+0-1)/8 = -12/8 = 1.5 lower.
//! - Long exhale 4-6: 5 sessions, 5 rated, (-2-2-2+0-1)/5 = 1.4 lower: the most helpful.
//!   Touch and weight: 3 sessions, 3 rated, too few to say. Cyclic sigh: not rated.
//! - Check-ins: distress 6, 3, 5, 2: mean 4, range 2-6 (Mon 4.5, 3-6); tension 7, 4:
//!   5.5; breathing ease 6, 8: 7; sleep 4, 7: 5.5; energy 6.
//! - Sensations against the whole week before (it is over): tight chest 2 (1 more),
//!   headache 1 (1 fewer), settled 1 (1 more).
//! - Longest run: Thu, Fri, Sat, 3 days.
//!
//! Heart readings (a strap): resting readings Mon 38 ms at 64 a minute, Wed 45 at 60, Fri
//! 41.5 at 61, and one taken outside practice on Tue (not a baseline, not counted); the
//! week before, resting 36 at 65 and 39 at 63. Breathing practices holding a reading:
//! Mon 8:00 (3 → 1) swing 6, Mon 20:00 (4 → 2) swing 8, Thu 8:00 (5 → 3) swing 7.5, Sat
//! (6 → not rated) swing 5.5; the week before (6 → 4) swing 5.
//!
//! - Resting RMSSD (38+45+41.5)/3 = 41.5 ms, heart rate 185/3 = 61.67, "61.7", from 3.
//! - Swing 27/4 = 6.75, "6.8" (half away from zero), over 4 practices; their distress,
//!   over the 3 rated both: 12/3 = 4 → 6/3 = 2.
//! - Against the week before: RMSSD 41.5 - 37.5 = 4 ms higher, heart rate 61.67 - 64 =
//!   2.3 lower (from 2 readings then); swing 6.75 - 5 = 1.75, "1.8" higher (from 1).

use crate::common;
use crate::tui_support;

use crate::common::Env;
use attune::store::layout::Layout;
use attune::tui::app::Screen;
use serde_json::{Value, json};

const WEEK: &str = "2026-11-11";

fn session(at: &str, id: &str, kind: &str, secs: f64, before: u8, after: Option<u8>) -> Value {
    let mut v = json!({"kind": "session", "practice": kind, "practice_id": id,
        "actual_seconds": secs, "completed": true, "distress_before": before,
        "created_at": at, "updated_at": at});
    if let Some(a) = after {
        v["distress_after"] = json!(a);
    }
    v
}

/// A heart reading's numbers; `context` "rest", "outside", or "practice" (in a session).
fn heart(context: &str, rmssd: f64, hr: f64, swing: Option<f64>) -> Value {
    let mut v = json!({"context": context, "source": "rr", "seconds": 300.0, "beats": 320,
        "corrected_share": 0.0, "mean_hr": hr, "rmssd_ms": rmssd, "sdnn_ms": 45.0});
    if let Some(s) = swing {
        v["swing_bpm"] = json!(s);
        v["breath_seconds"] = json!(10.0);
    }
    v
}

fn reading(at: &str, context: &str, rmssd: f64, hr: f64) -> Value {
    let mut v = heart(context, rmssd, hr, None);
    v["kind"] = json!("heart");
    v["created_at"] = json!(at);
    v["updated_at"] = json!(at);
    v
}

/// A session with a heart reading whose swing is `swing`.
fn with_swing(mut session: Value, swing: f64) -> Value {
    session["heart"] = heart("practice", 55.0, 66.0, Some(swing));
    session
}

fn checkin(at: &str, fields: Value) -> Value {
    let mut v = json!({"kind": "checkin", "created_at": at, "updated_at": at});
    if let (Some(o), Some(f)) = (v.as_object_mut(), fields.as_object()) {
        o.extend(f.clone());
    }
    v
}

fn seed() -> Env {
    let env = Env::new();
    let t = |d: u32, h: u32| format!("2026-11-{d:02}T{h:02}:00:00+01:00");
    let mut records = vec![
        with_swing(session(&t(9, 8), "exhale-4-6", "breathe", 300.0, 3, Some(1)), 6.0),
        with_swing(session(&t(9, 20), "exhale-4-6", "breathe", 300.0, 4, Some(2)), 8.0),
        session(&t(10, 8), "tactile", "ground", 240.0, 3, Some(1)),
        session(&t(10, 12), "tactile", "ground", 180.0, 3, Some(2)),
        session(&t(10, 20), "tactile", "ground", 120.0, 3, Some(1)),
        with_swing(session(&t(12, 8), "exhale-4-6", "breathe", 600.0, 5, Some(3)), 7.5),
        session(&t(12, 20), "exhale-4-6", "breathe", 300.0, 2, Some(2)),
        session(&t(13, 8), "exhale-4-6", "breathe", 300.0, 4, Some(3)),
        with_swing(session(&t(14, 8), "sigh", "breathe", 150.0, 6, None), 5.5),
        reading(&t(9, 7), "rest", 38.0, 64.0),
        reading(&t(10, 12), "outside", 20.0, 80.0),
        reading(&t(11, 7), "rest", 45.0, 60.0),
        reading(&t(13, 7), "rest", 41.5, 61.0),
        checkin(
            &t(9, 7),
            json!({"distress": 6, "sleep": 4, "tension": 7, "sensations": ["tight chest"]}),
        ),
        checkin(&t(9, 21), json!({"distress": 3, "tension": 4})),
        checkin(
            &t(11, 8),
            json!({"distress": 5, "breath": 6, "sleep": 7, "sensations": ["tight chest", "headache"]}),
        ),
        checkin(
            &t(15, 9),
            json!({"distress": 2, "breath": 8, "energy": 6, "sensations": ["settled"]}),
        ),
        // The week before.
        with_swing(session(&t(3, 8), "exhale-4-6", "breathe", 300.0, 6, Some(4)), 5.0),
        reading(&t(3, 7), "rest", 36.0, 65.0),
        reading(&t(5, 7), "rest", 39.0, 63.0),
        checkin(&t(4, 8), json!({"distress": 7, "sensations": ["tight chest", "headache"]})),
        checkin(&t(5, 8), json!({"distress": 5, "sensations": ["headache"]})),
    ];
    for (i, r) in records.iter_mut().enumerate() {
        r["id"] = json!(format!("01900000-0000-7000-8000-{:012}", i + 1));
    }
    let doc = json!({"format": "attune-export", "version": 1,
        "exported_at": "2026-11-30T10:00:00+01:00", "records": records});
    let file = env.tmp.path().join("week.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    env.run_ok(&["import", file.to_str().expect("utf-8")]);
    env
}

/// The heart figures as the text and the review say them.
const HEART: [&str; 5] = [
    "Resting RMSSD 41.5 ms, the mean of 3 resting readings this week: the beat-to-beat variation that rises as the body settles. Many adults read about 42 ± 15 ms at rest (Nunan 2010); it varies with age and fitness, so your own readings are the ones to compare with.",
    "Resting heart rate 61.7 a minute, from the same 3 resting readings: the average pace of your heart sitting quietly.",
    "Swing 6.8 beats a minute, the mean over 4 breathing practices with a heart reading: how far your heart rate rose and fell within each breath.",
    "Distress around those practices: 4 → 2, over the 3 rated before and after.",
    "Against Mon 2 Nov to Sun 8 Nov, the week before: resting RMSSD 4 ms higher, resting heart rate 2.3 a minute lower (from 2 resting readings then); swing 1.8 a minute higher (from 1 practice then).",
];

/// What a person reads, the same in every output.
const SAID: [&str; 3] = [
    "You practised on 5 days: 42 minutes in 9 sessions.",
    "Mean change per session, over 8 sessions rated before and after: distress 1.5 lower after practice.",
    "What seems to help you most: Long exhale 4-6 (1.4 lower on average, 5 sessions rated).",
];

#[test]
fn the_text_says_the_figures_worked_out_by_hand() {
    let env = seed();
    let text = env.run_ok(&["trends", "--week", WEEK]);
    for line in SAID.iter().chain(&HEART).copied().chain([
        "Week of Mon 9 Nov 2026 to Sun 15 Nov 2026",
        "4 check-ins: distress 4 (2-6), muscle tension 5.5 (4-7), breathing ease 7 (6-8), energy 6 (6-6), sleep restfulness 5.5 (4-7).",
        "Changes are against Mon 2 Nov to Sun 8 Nov, the week before.",
        "Sensations: tight chest 2 (1 more), headache 1 (1 fewer), settled 1 (1 more).",
        "Your longest run: 3 days in a row.",
        "  Long exhale 4-6: 5 sessions, 5 rated, 1.4 lower",
        "  Touch and weight: 3 sessions, 3 rated, too few to say",
        "  Cyclic sigh: 1 session, 0 rated, not rated",
    ]) {
        assert!(text.lines().any(|l| l == line), "no line {line:?} in:\n{text}");
    }
    assert!(!text.contains("tactile") && !text.contains("exhale-4-6"), "{text}");
}

#[test]
fn the_json_holds_the_exact_figures_that_round_to_what_is_said() {
    let env = seed();
    let v: Value =
        serde_json::from_str(&env.run_ok(&["trends", "--week", WEEK, "--json"])).expect("json");
    let f = |v: &Value| v.as_f64().expect("a number");
    assert_eq!((v["sessions"].clone(), v["days_practised"].clone()), (json!(9), json!(5)));
    assert_eq!(f(&v["practice_minutes"]), 41.5);
    assert_eq!(f(&v["distress_change_mean"]), -1.5);
    assert_eq!(v["rated_sessions"], 8);
    let exhale = &v["by_practice"]["exhale-4-6"];
    assert_eq!(
        (exhale["name"].clone(), exhale["rated"].clone()),
        (json!("Long exhale 4-6"), json!(5))
    );
    assert!((f(&exhale["mean_change"]) + 1.4).abs() < 1e-12);
    assert_eq!(v["by_practice"]["tactile"]["name"], "Touch and weight");
    assert_eq!(
        (v["most_helpful"].clone(), v["most_helpful_name"].clone()),
        (json!("exhale-4-6"), json!("Long exhale 4-6"))
    );
    let tue = &v["days"][1];
    assert_eq!(f(&tue["distress_before_mean"]), 3.0);
    assert!((f(&tue["distress_after_mean"]) - 4.0 / 3.0).abs() < 1e-12);
    let distress = &v["scales"]["distress"];
    assert_eq!(
        (f(&distress["mean"]), distress["min"].clone(), distress["max"].clone()),
        (4.0, json!(2), json!(6))
    );
    assert_eq!(v["change_from_previous"]["sensations"]["headache"], -1);
    assert_eq!(v["compared"]["partial"], false);
    assert_eq!(v["compared"]["previous_from"], "2026-11-02");
    // The one rounding, applied to the exact figures, gives what every output says.
    let figure = attune::copy::trends::figure;
    assert_eq!(figure(f(&tue["distress_after_mean"])), "1.3");
    assert_eq!(figure(-f(&v["distress_change_mean"])), "1.5");
    assert_eq!(figure(-f(&exhale["mean_change"])), "1.4");
    // The heart figures, exact, and what they round to.
    let (rest, swing) = (&v["heart"]["rest"], &v["heart"]["swing"]);
    assert_eq!(rest["readings"], 3, "the reading outside practice is no baseline");
    assert_eq!(f(&rest["rmssd_ms_mean"]), 41.5);
    assert!((f(&rest["mean_hr_mean"]) - 185.0 / 3.0).abs() < 1e-12);
    assert_eq!((swing["practices"].clone(), swing["rated"].clone()), (json!(4), json!(3)));
    assert_eq!(f(&swing["swing_bpm_mean"]), 6.75);
    assert_eq!(
        (f(&swing["distress_before_mean"]), f(&swing["distress_after_mean"])),
        (4.0, 2.0)
    );
    let change = &v["change_from_previous"]["heart"];
    assert_eq!(
        (change["rest_readings"].clone(), change["swing_practices"].clone()),
        (json!(1), json!(3))
    );
    assert_eq!((f(&change["rest_rmssd_ms"]), f(&change["swing_bpm"])), (4.0, 1.75));
    assert_eq!(figure(f(&rest["mean_hr_mean"])), "61.7");
    assert_eq!(figure(f(&swing["swing_bpm_mean"])), "6.8");
    assert_eq!(figure(-f(&change["rest_mean_hr"])), "2.3");
    assert_eq!(figure(f(&change["swing_bpm"])), "1.8");
}

#[test]
fn the_review_says_the_same_figures() {
    let env = seed();
    let md = env.run_ok(&["export", "--format", "markdown", "--week", WEEK]);
    let said: Vec<String> = SAID
        .iter()
        .chain(&HEART)
        .map(|s| format!("- {s}"))
        .collect();
    for line in said.iter().map(String::as_str).chain([
        "| Mon 9 | 10 min (2) | 3.5 → 1.5 (▼2) | 2 | 4.5 | 5.5 | – | – | 4 | – |",
        "| Tue 10 | 9 min (3) | 3 → 1.3 (▼1.7) | 0 | – | – | – | – | – | – |",
        "| Thu 12 | 15 min (2) | 3.5 → 2.5 (▼1) | 0 | – | – | – | – | – | – |",
        "| Sat 14 | 3 min (1) | 6 → – | 0 | – | – | – | – | – | – |",
        "| Long exhale 4-6 | 5 | 5 | 1.4 lower |",
        "| Touch and weight | 3 | 3 | too few to say |",
        "- headache: 1 (1 fewer)",
    ]) {
        assert!(md.lines().any(|l| l == line), "no line {line:?} in:\n{md}");
    }
}

#[test]
fn the_trends_screen_shows_the_same_figures() {
    let env = seed();
    let opts = attune::tui::Options {
        layout: Layout::new(env.data(), env.tmp.path().join("state")),
        color: false,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(common::pinned_local()),
        start: attune::tui::Start::Trends {
            span: attune::service::trends::Span::Week(WEEK.parse().expect("a date")),
        },
    };
    let (mut app, _store) = attune::tui::start(opts).expect("starts");
    assert!(matches!(app.screen, Screen::Trends(_)));
    // The first-run welcome is not what this test reads.
    app.welcome = false;
    let _ = app.update(attune::tui::action::Action::Resize(100, 30), tui_support::at(0.0));
    let shown = tui_support::text(&app, 100, 30);
    for words in [
        "42 minutes in 9 sessions",
        "distress 1.5 lower",
        "Mon  3.5 → 1.5  ▼2",
        "Tue  3 → 1.3    ▼1.7",
        "Thu  3.5 → 2.5  ▼1",
        "Sat  6 → ·",
        "4 2-6",
        "Long exhale 4-6       5     5  1.4 lower",
        "Touch and weight      3     3  too few to say",
        "tight chest 2 · 1 more",
        "headache 1 · 1 fewer",
        "Heart at rest · 3 readings",
        "RMSSD 41.5 ms · 61.7 a minute",
        "Heart in practice · 4 practices",
        "swing 6.8 a minute · distress 4 → 2",
    ] {
        assert!(shown.contains(words), "the screen lacks {words:?}:\n{shown}");
    }
    assert!(!shown.contains("exhale-4-6") && !shown.contains("tactile"), "{shown}");
    // Narrower, with no side column, the same figures in the summary.
    let _ = app.update(attune::tui::action::Action::Resize(60, 30), tui_support::at(0.0));
    let narrow = tui_support::text(&app, 60, 30).replace("\"\n\"", " ");
    for words in [
        "Heart at rest: RMSSD 41.5 ms, 61.7 a minute, 3 readings.",
        "In practice: swing 6.8 a minute over 4 practices, distress 4 → 2 over 3 rated.",
    ] {
        let squeezed = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed(&narrow).contains(words), "the screen lacks {words:?}:\n{narrow}");
    }
}

/// A resting reading out of bounds (a hand edit on another device) is kept but never
/// counted: every heart figure stays as worked out above.
#[test]
fn a_reading_out_of_bounds_changes_no_figure() {
    let env = seed();
    let wild = reading("2026-11-12T07:00:00+01:00", "rest", 1e12, 900.0);
    let mut wild = wild;
    wild["id"] = json!("01900000-0000-7000-8000-999999999999");
    let dir = env.data().join("records").join("phone");
    std::fs::create_dir_all(&dir).expect("a device folder");
    let file = json!({"format": "attune", "version": 1, "device": "phone",
                      "month": "2026-11", "records": [wild]});
    std::fs::write(dir.join("2026-11.json"), file.to_string()).expect("a month file");
    let text = env.run_ok(&["trends", "--week", WEEK]);
    assert!(text.lines().any(|l| l == HEART[0]), "{text}");
    let v: Value = serde_json::from_str(&env.run_ok(&["trends", "--all", "--json"])).expect("json");
    assert_eq!(v["heart"]["rest"]["readings"], 5, "{:#}", v["heart"]);
}
