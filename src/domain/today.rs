//! Today at a glance: check-ins today, the latest distress, practice minutes so far, and
//! days practised this week. Pure: the day and the records come in as arguments.

use crate::store::model::{Body, Record, Session, Stamp};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TodaySummary {
    pub checkins_today: usize,
    pub latest_distress: Option<u8>,
    pub practice_seconds_today: f64,
    pub sessions_today: usize,
    pub days_practised_this_week: usize,
    /// Some of the files read for this summary could not be read (set by whoever reads
    /// them; refreshed with every reload, so the home screen's note stays while it is so).
    pub unreadable_files: bool,
}

impl TodaySummary {
    pub fn practice_minutes_today(&self) -> u32 {
        // Whole minutes, rounded to nearest: 90 s of breathing reads as 2 min, not 1.
        (self.practice_seconds_today / 60.0).round() as u32
    }
}

/// The first day of the week holding `day`.
pub fn week_start(day: NaiveDate, first: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - first.num_days_from_monday()) % 7;
    day - Days::new(u64::from(back))
}

/// Summarise `records` (live ones; any order) for `today`.
pub fn summarise<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    today: NaiveDate,
    first_weekday: Weekday,
) -> TodaySummary {
    let monday = week_start(today, first_weekday);
    let mut s = TodaySummary::default();
    // The latest distress said today, from a check-in or a practice's rating.
    let mut latest: Option<(Stamp, u8)> = None;
    let mut said = |at: Stamp, distress: u8| {
        if latest.is_none_or(|(l, _)| at >= l) {
            latest = Some((at, distress));
        }
    };
    let mut practice_days = BTreeSet::new();
    for r in records.into_iter().filter(|r| r.is_live()) {
        let day = r.local_date();
        match &r.body {
            Body::Checkin(c) if day == today => {
                s.checkins_today += 1;
                said(r.created_at, c.distress);
            }
            Body::Session(sess) => {
                if day >= monday && day <= today {
                    practice_days.insert(day);
                }
                if day == today {
                    s.sessions_today += 1;
                    s.practice_seconds_today += sess.actual_seconds.max(0.0);
                    for (at, distress) in ratings(r.created_at, sess) {
                        said(at, distress);
                    }
                }
            }
            _ => {}
        }
    }
    s.latest_distress = latest.map(|(_, d)| d);
    s.days_practised_this_week = practice_days.len();
    s
}

/// A practice's ratings with when each was given: before at its start, after at its end.
fn ratings(started: Stamp, s: &Session) -> impl Iterator<Item = (Stamp, u8)> {
    let ran = chrono::TimeDelta::try_milliseconds((s.actual_seconds.max(0.0) * 1000.0) as i64)
        .unwrap_or_default();
    let ended = started.checked_add_signed(ran).unwrap_or(started);
    let before = s.distress_before.map(|d| (started, d));
    let after = s.distress_after.map(|d| (ended, d));
    before.into_iter().chain(after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::Checkin;
    use chrono::{FixedOffset, TimeZone};

    fn at(d: u32, h: u32, body: Body) -> Record {
        let t = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, d, h, 0, 0)
            .unwrap();
        Record::new(body, t)
    }

    fn checkin(distress: u8) -> Body {
        Body::Checkin(Checkin {
            distress,
            ..Checkin::default()
        })
    }

    fn session(seconds: f64) -> Body {
        Body::Session(Session {
            practice: "breathe".into(),
            practice_id: "exhale-4-6".into(),
            actual_seconds: seconds,
            completed: true,
            ..Session::default()
        })
    }

    #[test]
    fn counts_today_and_this_week() {
        // 2026-11-30 is a Monday; the week before started on the 23rd.
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut gone = at(27, 12, checkin(9));
        gone.deleted_at = Some(gone.updated_at);
        let records = vec![
            at(27, 8, checkin(6)),
            at(27, 20, checkin(3)),
            at(27, 9, checkin(5)),
            gone,
            at(26, 9, checkin(1)),
            at(27, 9, session(90.0)),
            at(27, 10, session(300.0)),
            at(24, 10, session(60.0)),
            at(22, 10, session(60.0)),
        ];
        let s = summarise(&records, today, Weekday::Mon);
        assert_eq!(s.checkins_today, 3);
        assert_eq!(s.latest_distress, Some(3));
        assert_eq!(s.sessions_today, 2);
        assert_eq!(s.practice_minutes_today(), 7);
        assert_eq!(s.days_practised_this_week, 2);
    }

    #[test]
    fn the_latest_distress_may_be_a_practice_rating() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let rated = |h: u32, before: Option<u8>, after: Option<u8>| {
            let mut r = at(27, h, session(600.0));
            if let Body::Session(s) = &mut r.body {
                s.distress_before = before;
                s.distress_after = after;
            }
            r
        };
        // A check-in at 08:00, then a practice 09:00-09:10 rated 7 before and 3 after.
        let records = vec![at(27, 8, checkin(6)), rated(9, Some(7), Some(3))];
        assert_eq!(summarise(&records, today, Weekday::Mon).latest_distress, Some(3));
        // Stopped before the after rating: its before rating is the latest said.
        let records = vec![at(27, 8, checkin(6)), rated(9, Some(7), None)];
        assert_eq!(summarise(&records, today, Weekday::Mon).latest_distress, Some(7));
        // A check-in after the practice ended is later still.
        let records = vec![rated(9, Some(7), Some(3)), at(27, 10, checkin(5))];
        assert_eq!(summarise(&records, today, Weekday::Mon).latest_distress, Some(5));
    }

    #[test]
    fn an_empty_day_is_all_zero() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(summarise([], today, Weekday::Mon), TodaySummary::default());
    }

    #[test]
    fn week_start_respects_the_first_weekday() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(); // a Sunday
        assert_eq!(week_start(d, Weekday::Mon), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(week_start(d, Weekday::Sun), d);
    }
}
