//! Trend maths against hand-computed expectations: an empty week, a mixed week with
//! sessions stopped early, a week across a daylight-saving change, week-over-week
//! changes, and records edited or deleted on another device.

use attune::domain::trends::{Options, compare, compute, longest_run};
use attune::service::trends::{Span, report};
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Checkin, Record, Session};
use chrono::{DateTime, NaiveDate};

fn at(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a valid time")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn session(
    when: &str,
    id: &str,
    secs: f64,
    completed: bool,
    before: Option<u8>,
    after: Option<u8>,
) -> Record {
    let practice = if id.contains('-') && id.starts_with(char::is_numeric) {
        "ground"
    } else {
        "breathe"
    };
    Record::new(
        Body::Session(Session {
            practice: practice.into(),
            practice_id: id.into(),
            actual_seconds: secs,
            completed,
            distress_before: before,
            distress_after: after,
            ..Session::default()
        }),
        at(when),
    )
}

fn checkin(
    when: &str,
    distress: u8,
    tension: Option<u8>,
    sleep: Option<u8>,
    words: &[&str],
) -> Record {
    Record::new(
        Body::Checkin(Checkin {
            distress,
            tension,
            sleep,
            sensations: words.iter().map(std::string::ToString::to_string).collect(),
            ..Checkin::default()
        }),
        at(when),
    )
}

/// Week of Mon 2026-11-16 to Sun 2026-11-22.
fn week() -> Vec<Record> {
    vec![
        session("2026-11-16T08:00:00+01:00", "exhale-4-6", 300.0, true, Some(6), Some(3)),
        session("2026-11-16T20:00:00+01:00", "5-4-3-2-1", 120.0, false, Some(5), Some(5)),
        session("2026-11-18T08:00:00+01:00", "exhale-4-6", 600.0, true, Some(7), Some(4)),
        session("2026-11-19T22:30:00+01:00", "exhale-4-6", 240.0, false, Some(4), Some(3)),
        session("2026-11-21T09:00:00+01:00", "sigh", 180.0, true, None, None),
        checkin("2026-11-17T08:00:00+01:00", 4, Some(6), None, &["tight chest", "headache"]),
        checkin("2026-11-17T21:00:00+01:00", 2, Some(2), None, &["tight chest"]),
        checkin("2026-11-20T07:30:00+01:00", 8, None, Some(3), &["jaw clench"]),
        // Outside the week: the Sunday before and the Monday after.
        session("2026-11-15T23:59:00+01:00", "exhale-4-6", 900.0, true, Some(9), Some(1)),
        checkin("2026-11-23T00:01:00+01:00", 10, None, None, &["headache"]),
    ]
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn an_empty_week_is_all_zero_with_seven_empty_days() {
    let t = compute([], day("2026-11-16"), day("2026-11-22"), Options::default());
    assert_eq!((t.days_practised, t.sessions, t.checkins, t.practice_minutes), (0, 0, 0, 0.0));
    assert_eq!(
        (t.distress_before_mean, t.distress_change_mean, t.most_helpful),
        (None, None, None)
    );
    assert_eq!(t.days.len(), 7);
    assert!(t.days.iter().all(|d| d.sessions == 0 && d.checkins == 0));
    assert_eq!(t.longest_run, Some(0));
}

#[test]
fn a_mixed_week_by_hand() {
    let records = week();
    let t = compute(&records, day("2026-11-16"), day("2026-11-22"), Options::default());
    assert_eq!(t.days_practised, 4, "Mon, Wed, Thu, Sat");
    assert_eq!(
        (t.sessions, t.sessions_completed),
        (5, 3),
        "two were stopped early and still count"
    );
    assert!((t.practice_minutes - 24.0).abs() < 1e-9, "(300+120+600+240+180)/60");
    assert!(close(t.distress_before_mean, 5.5), "(6+5+7+4)/4");
    assert!(close(t.distress_after_mean, 3.75), "(3+5+4+3)/4");
    assert!(close(t.distress_change_mean, -1.75), "(-3+0-3-1)/4");
    assert_eq!(t.rated_sessions, 4);
    let breath = &t.by_practice["exhale-4-6"];
    assert_eq!((breath.count, breath.rated, breath.practice.as_str()), (3, 3, "breathe"));
    assert!(close(breath.mean_change, -7.0 / 3.0));
    assert!((breath.minutes - 19.0).abs() < 1e-9);
    assert_eq!(t.by_practice["5-4-3-2-1"].mean_change, Some(0.0));
    assert_eq!(t.by_practice["sigh"].mean_change, None);
    assert_eq!(t.most_helpful, None, "3 rated sessions: too few to name the most helpful");
    assert_eq!(t.longest_run, Some(2), "Wed and Thu");

    assert_eq!(t.checkins, 3);
    let distress = &t.scales["distress"];
    assert_eq!((distress.count, distress.min, distress.max), (3, Some(2), Some(8)));
    assert!(close(distress.mean, 14.0 / 3.0));
    assert!(close(t.scales["tension"].mean, 4.0));
    assert_eq!(t.scales["sleep"].count, 1);
    assert!(!t.scales.contains_key("pain"));
    let words: Vec<(&str, usize)> = t.sensations.iter().map(|(w, n)| (w.as_str(), *n)).collect();
    assert_eq!(words, [("headache", 1), ("jaw clench", 1), ("tight chest", 2)]);
    assert_eq!(t.weeks.len(), 1);
    assert_eq!(t.weeks[0].week_start, day("2026-11-16"));

    let tuesday = &t.days[1];
    assert_eq!((tuesday.date, tuesday.checkins, tuesday.sessions), (day("2026-11-17"), 2, 0));
    assert!(close(tuesday.scales["distress"].mean, 3.0));
    let monday = &t.days[0];
    assert_eq!(monday.sessions, 2);
    assert!((monday.practice_minutes - 7.0).abs() < 1e-9);
    assert!(close(monday.distress_before_mean, 5.5));
}

#[test]
fn fewer_than_five_rated_sessions_claim_nothing() {
    let records = vec![
        session("2026-11-16T08:00:00+01:00", "exhale-4-8", 300.0, true, Some(8), Some(2)),
        session("2026-11-17T08:00:00+01:00", "exhale-4-8", 300.0, true, Some(8), Some(2)),
        session("2026-11-18T08:00:00+01:00", "exhale-4-8", 300.0, true, Some(8), None),
    ];
    let t = compute(&records, day("2026-11-16"), day("2026-11-22"), Options::default());
    assert_eq!(t.by_practice["exhale-4-8"].rated, 2);
    assert_eq!(t.most_helpful, None);
    let mut five = records.clone();
    for d in 19..=21 {
        five.push(session(
            &format!("2026-11-{d}T08:00:00+01:00"),
            "exhale-4-8",
            300.0,
            true,
            Some(6),
            Some(5),
        ));
    }
    let t = compute(&five, day("2026-11-16"), day("2026-11-22"), Options::default());
    assert_eq!(t.by_practice["exhale-4-8"].rated, 5);
    assert_eq!(t.most_helpful.as_deref(), Some("exhale-4-8"), "5 rated: enough");
    let hidden = compute(
        &records,
        day("2026-11-16"),
        day("2026-11-22"),
        Options {
            hide_streaks: true,
            ..Options::default()
        },
    );
    assert_eq!(hidden.longest_run, None, "the user can hide runs");
}

#[test]
fn a_week_across_a_daylight_saving_change_keeps_each_record_on_its_own_day() {
    // In central Europe clocks go forward at 02:00 on Sunday 2026-03-29.
    let records = vec![
        session("2026-03-29T01:30:00+01:00", "exhale-4-6", 300.0, true, None, None),
        session("2026-03-29T03:30:00+02:00", "exhale-4-6", 300.0, true, None, None),
        session("2026-03-29T23:45:00+02:00", "sigh", 60.0, true, None, None),
        session("2026-03-30T00:15:00+02:00", "sigh", 60.0, true, None, None),
    ];
    let t = compute(&records, day("2026-03-23"), day("2026-03-29"), Options::default());
    assert_eq!(t.days.len(), 7, "a week is seven days, however long its hours");
    assert_eq!(t.days[6].sessions, 3, "all three Sunday sessions, before and after the change");
    assert_eq!(t.sessions, 3, "Monday's session belongs to the next week");
    assert_eq!(t.days_practised, 1);
}

#[test]
fn week_over_week_changes() {
    let records = week();
    let now = compute(&records, day("2026-11-16"), day("2026-11-22"), Options::default());
    let before = compute(&records, day("2026-11-09"), day("2026-11-15"), Options::default());
    let c = compare(&now, &before);
    assert_eq!((c.days_practised, c.sessions), (3, 4));
    assert!((c.practice_minutes - 9.0).abs() < 1e-9, "24 - 15");
    assert!(close(c.distress_change_mean, -1.75 + 8.0));
    assert_eq!(c.sensations["tight chest"], 2);
}

#[test]
fn runs_of_days() {
    let d = |s| day(s);
    let days = [
        d("2026-01-01"),
        d("2026-01-02"),
        d("2026-01-04"),
        d("2026-01-05"),
        d("2026-01-06"),
    ]
    .into_iter()
    .collect();
    assert_eq!(longest_run(&days), 3);
}

#[test]
fn edits_and_deletes_from_another_device_count_as_the_user_left_them() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let phone =
        Store::open(Layout::new(tmp.path().join("data"), tmp.path().join("phone"))).expect("store");
    let laptop = Store::open(Layout::new(tmp.path().join("data"), tmp.path().join("laptop")))
        .expect("store");
    let records = week();
    phone.save_all(records.clone()).expect("saved");
    // On the laptop: Monday's first session gets its after-rating corrected, and
    // Wednesday's session is deleted.
    let mut edited = records[0].clone();
    if let Body::Session(s) = &mut edited.body {
        s.distress_after = Some(6);
    }
    edited.updated_at = at("2026-11-24T10:00:00+01:00");
    let gone = records[2].tombstone(at("2026-11-24T10:05:00+01:00"));
    laptop.save_all(vec![edited, gone]).expect("saved");

    let (rep, problems) =
        report(&phone, Span::Week(day("2026-11-18")), day("2026-11-30"), Options::default())
            .expect("report");
    assert!(problems.is_empty());
    let t = &rep.trends;
    assert_eq!((t.sessions, t.days_practised), (4, 3), "Wednesday is gone");
    assert!(
        close(t.distress_change_mean, (0.0 + 0.0 - 1.0) / 3.0),
        "Monday's session now went 6 to 6"
    );
    assert_eq!(t.most_helpful, None, "exhale-4-6 has only two rated sessions left");
    let all = report(&laptop, Span::All, day("2026-11-30"), Options::default())
        .expect("report")
        .0;
    assert_eq!(all.trends.sessions, 5, "all time reads the same edits through its index");
    assert!(close(all.trends.by_practice["exhale-4-6"].mean_change, (0.0 - 1.0 - 8.0) / 3.0));
}

/// A store holding `records`, in a temp dir that lives as long as it.
fn store_with(records: Vec<Record>) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store =
        Store::open(Layout::new(tmp.path().join("d"), tmp.path().join("s"))).expect("store");
    store.save_all(records).expect("saved");
    (tmp, store)
}

#[test]
fn a_week_under_way_is_compared_with_the_same_days_of_the_week_before() {
    // Today is Wednesday 18 November: Mon-Wed of this week against Mon-Wed of the last.
    let mut records = vec![
        session("2026-11-16T08:00:00+01:00", "sigh", 300.0, true, None, None),
        checkin("2026-11-17T08:00:00+01:00", 4, None, None, &["tight chest"]),
        // Last week: two sessions and a word on Mon-Wed, and more on Thu-Sun that a
        // fair comparison leaves out.
        session("2026-11-09T08:00:00+01:00", "sigh", 300.0, true, None, None),
        session("2026-11-11T08:00:00+01:00", "sigh", 300.0, true, None, None),
        checkin("2026-11-10T08:00:00+01:00", 4, None, None, &["tight chest"]),
    ];
    for d in 12..=15 {
        let at = format!("2026-11-{d}T08:00:00+01:00");
        records.push(session(&at, "sigh", 600.0, true, None, None));
        records.push(checkin(&at, 6, None, None, &["tight chest", "headache"]));
    }
    let (_tmp, store) = store_with(records);
    let today = day("2026-11-18");
    let (rep, _) = report(&store, Span::Week(today), today, Options::default()).expect("report");
    let c = rep.compared.expect("compared");
    assert_eq!(
        (c.from, c.to, c.previous_from, c.previous_to, c.partial),
        (day("2026-11-16"), today, day("2026-11-09"), day("2026-11-11"), true)
    );
    let change = rep.change_from_previous.clone().expect("a change");
    assert_eq!((change.sessions, change.days_practised), (-1, -1), "1 against 2");
    assert!((change.practice_minutes + 5.0).abs() < 1e-9, "5 against 10 minutes");
    assert_eq!(change.sensations["tight chest"], 0, "1 against 1, not 1 against 5");
    assert_eq!(change.sensations.get("headache"), None, "only said after Wednesday");
    let said = attune::copy::trends::sentences(&rep, Span::Week(today));
    assert!(
        said.contains(
            &"Changes are against Mon 9 Nov to Wed 11 Nov, the same days of the week before."
                .to_string()
        ),
        "{said:?}"
    );
    assert!(said.contains(&"Sensations: tight chest 1.".to_string()), "{said:?}");

    // The same week seen once it is over is compared whole.
    let later = day("2026-11-30");
    let (rep, _) = report(&store, Span::Week(today), later, Options::default()).expect("report");
    let c = rep.compared.expect("compared");
    assert_eq!((c.to, c.previous_to, c.partial), (day("2026-11-22"), day("2026-11-15"), false));
    assert_eq!(rep.change_from_previous.expect("a change").sensations["tight chest"], -4);
}

#[test]
fn a_month_under_way_is_compared_with_its_first_days_and_no_last_week_says_nothing() {
    // 2 December against 1-2 November, not against the whole of November.
    let mut records = vec![checkin(
        "2026-12-01T08:00:00+01:00",
        3,
        None,
        None,
        &["tired eyes"],
    )];
    records.push(checkin("2026-11-02T08:00:00+01:00", 3, None, None, &["tired eyes"]));
    for d in 3..=28 {
        let at = format!("2026-11-{d:02}T08:00:00+01:00");
        records.push(checkin(&at, 3, None, None, &["tired eyes"]));
    }
    let (_tmp, store) = store_with(records);
    let today = day("2026-12-02");
    let (rep, _) = report(&store, Span::Month(today), today, Options::default()).expect("report");
    let c = rep.compared.expect("compared");
    assert_eq!((c.previous_from, c.previous_to), (day("2026-11-01"), day("2026-11-02")));
    let change = rep.change_from_previous.expect("a change");
    assert_eq!(change.sensations["tired eyes"], 0, "1 against 1, not 1 against 27");

    // A first week with nothing before it: no comparison at all, and no "since".
    let (_tmp, store) = store_with(vec![checkin(
        "2026-11-17T08:00:00+01:00",
        4,
        None,
        None,
        &["tight chest"],
    )]);
    let today = day("2026-11-18");
    let (rep, _) = report(&store, Span::Week(today), today, Options::default()).expect("report");
    assert_eq!((&rep.change_from_previous, &rep.compared), (&None, &None));
    let said = attune::copy::trends::sentences(&rep, Span::Week(today)).join("\n");
    assert!(
        !said.contains("Changes are") && !said.contains("more") && !said.contains("fewer"),
        "{said}"
    );
}
