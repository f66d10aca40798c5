//! Heart figures in the trend maths, against hand-computed expectations: resting readings
//! only give the resting means, the swing is the mean over breathing practices holding a
//! reading with distress before and after those same practices, a reading out of bounds
//! is never counted, the days before are compared like every other figure, and a range
//! with no reading holds no heart figures at all.

use attune::domain::trends::{Options, compare, compute};
use attune::store::model::{Body, Heart, Record, Session};
use chrono::{DateTime, NaiveDate};

fn at(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a valid time")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn reading(when: &str, context: &str, rmssd: f64, hr: f64) -> Record {
    let h = Heart {
        context: context.into(),
        source: "rr".into(),
        seconds: 180.0,
        beats: 200,
        mean_hr: hr,
        rmssd_ms: rmssd,
        sdnn_ms: 40.0,
        ..Heart::default()
    };
    Record::new(Body::Heart(h), at(when))
}

fn practice(when: &str, swing: Option<f64>, before: Option<u8>, after: Option<u8>) -> Record {
    let heart = swing.map(|s| Heart {
        context: "practice".into(),
        source: "rr".into(),
        seconds: 300.0,
        beats: 330,
        mean_hr: 66.0,
        rmssd_ms: 70.0,
        sdnn_ms: 60.0,
        swing_bpm: Some(s),
        breath_seconds: Some(10.0),
        ..Heart::default()
    });
    let s = Session {
        practice: "breathe".into(),
        practice_id: "exhale-4-6".into(),
        actual_seconds: 300.0,
        completed: true,
        distress_before: before,
        distress_after: after,
        heart: heart.map(Box::new),
        ..Session::default()
    };
    Record::new(Body::Session(s), at(when))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Week of Mon 2026-11-16 to Sun 2026-11-22, with the week before.
fn records() -> Vec<Record> {
    vec![
        reading("2026-11-16T07:00:00+01:00", "rest", 30.0, 70.0),
        reading("2026-11-18T07:00:00+01:00", "rest", 40.0, 62.0),
        reading("2026-11-20T07:00:00+01:00", "rest", 47.0, 60.0),
        // Not a baseline: counted nowhere in the resting means.
        reading("2026-11-17T12:00:00+01:00", "outside", 90.0, 95.0),
        // Out of bounds (a hand edit): no heart beats 400 times a minute.
        reading("2026-11-19T07:00:00+01:00", "rest", 1e9, 400.0),
        practice("2026-11-16T08:00:00+01:00", Some(6.0), Some(6), Some(3)),
        practice("2026-11-18T08:00:00+01:00", Some(9.0), Some(5), Some(4)),
        practice("2026-11-20T08:00:00+01:00", Some(4.5), Some(4), None),
        // No strap that time: not among the practices with a swing.
        practice("2026-11-21T08:00:00+01:00", None, Some(8), Some(2)),
        // The week before.
        reading("2026-11-10T07:00:00+01:00", "rest", 35.0, 66.0),
        practice("2026-11-10T08:00:00+01:00", Some(5.0), Some(5), Some(4)),
    ]
}

#[test]
fn resting_means_come_from_resting_readings_in_bounds_only() {
    let t = compute(&records(), day("2026-11-16"), day("2026-11-22"), Options::default());
    let rest = t
        .heart
        .as_ref()
        .and_then(|h| h.rest.clone())
        .expect("resting figures");
    assert_eq!(rest.readings, 3, "the outside and the out-of-bounds readings are left out");
    assert!(close(rest.rmssd_ms_mean, 39.0), "(30+40+47)/3");
    assert!(close(rest.mean_hr_mean, 64.0), "(70+62+60)/3");
}

#[test]
fn the_swing_is_the_mean_over_practices_holding_a_reading_with_their_distress() {
    let t = compute(&records(), day("2026-11-16"), day("2026-11-22"), Options::default());
    let swing = t
        .heart
        .as_ref()
        .and_then(|h| h.swing.clone())
        .expect("a swing");
    assert_eq!(swing.practices, 3, "the practice with no reading is not one of them");
    assert!(close(swing.swing_bpm_mean, 6.5), "(6+9+4.5)/3");
    assert_eq!(swing.rated, 2, "the third has no after rating");
    assert_eq!(swing.distress_before_mean, Some(5.5), "(6+5)/2");
    assert_eq!(swing.distress_after_mean, Some(3.5), "(3+4)/2");
    // The week's own distress still counts every session.
    assert_eq!(t.rated_sessions, 3);
}

#[test]
fn a_practice_reading_out_of_bounds_or_a_grounding_session_gives_no_swing() {
    let mut wild = practice("2026-11-16T08:00:00+01:00", Some(6.0), Some(6), Some(3));
    let mut ground = practice("2026-11-17T08:00:00+01:00", Some(6.0), Some(6), Some(3));
    if let Body::Session(s) = &mut wild.body
        && let Some(h) = &mut s.heart
    {
        h.swing_bpm = Some(f64::INFINITY);
    }
    if let Body::Session(s) = &mut ground.body {
        s.practice = "ground".into();
    }
    let t = compute(&[wild, ground], day("2026-11-16"), day("2026-11-22"), Options::default());
    assert_eq!(t.heart, None, "{:?}", t.heart);
    assert_eq!(t.sessions, 2, "the sessions themselves still count");
}

#[test]
fn the_days_before_are_compared_like_every_other_figure() {
    let all = records();
    let now = compute(&all, day("2026-11-16"), day("2026-11-22"), Options::default());
    let before = compute(&all, day("2026-11-09"), day("2026-11-15"), Options::default());
    let c = compare(&now, &before).heart.expect("heart changes");
    assert_eq!((c.rest_readings, c.swing_practices), (2, 2));
    assert!(c.rest_rmssd_ms.is_some_and(|d| close(d, 4.0)), "39 - 35");
    assert!(c.rest_mean_hr.is_some_and(|d| close(d, -2.0)), "64 - 66");
    assert!(c.swing_bpm.is_some_and(|d| close(d, 1.5)), "6.5 - 5");
    // A week before with no reading: counts compared, means not.
    let empty = compute(&all, day("2026-11-02"), day("2026-11-08"), Options::default());
    let c = compare(&now, &empty).heart.expect("heart changes");
    assert_eq!((c.rest_readings, c.rest_rmssd_ms, c.swing_bpm), (3, None, None));
}

#[test]
fn no_reading_no_heart_figures_and_no_heart_in_the_json() {
    let plain: Vec<Record> = records()
        .into_iter()
        .filter(|r| !matches!(r.body, Body::Heart(_)))
        .map(|mut r| {
            if let Body::Session(s) = &mut r.body {
                s.heart = None;
            }
            r
        })
        .collect();
    let t = compute(&plain, day("2026-11-16"), day("2026-11-22"), Options::default());
    let before = compute(&plain, day("2026-11-09"), day("2026-11-15"), Options::default());
    assert_eq!(t.heart, None);
    assert_eq!(compare(&t, &before).heart, None);
    let json = serde_json::to_string(&t).expect("json");
    let change = serde_json::to_string(&compare(&t, &before)).expect("json");
    assert!(!json.contains("heart") && !change.contains("heart"), "{json}\n{change}");
}
