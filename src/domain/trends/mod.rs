//! Trend maths over any range of the user's local days: practice per day, distress before
//! and after practice, check-in scales, sensations per week, days practised, runs of
//! practice days, what seems to help, and heart figures when there are readings. Pure:
//! records and days come in as arguments.

use crate::domain::checkin::Scale;
use crate::domain::today::week_start;
use crate::store::model::{Body, Checkin, Heart, Record, Session};
use chrono::{Days, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

mod compare;
pub mod exact_sum;
pub mod heart;
mod ranges;
pub mod round;
pub mod sums;
pub mod sums_report;
mod sums_rows;

pub use compare::{Changes, compare};
pub use ranges::{days_practised_in, month_of, week_of};

pub use heart::{HeartChanges, HeartTrends};

/// Below this many sessions rated before and after, a mean change says little: the
/// summary says "too few to say" instead of a verdict, and no practice is named as the
/// most helpful.
pub const MIN_SESSIONS_TO_SAY: usize = 5;

/// Mean, min and max of some 0-10 values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub count: usize,
    pub mean: Option<f64>,
    pub min: Option<u8>,
    pub max: Option<u8>,
}

impl Stats {
    fn of(values: &[u8]) -> Stats {
        let count = values.len();
        let sum: u32 = values.iter().map(|v| u32::from(*v)).sum();
        Stats {
            count,
            mean: (count > 0).then(|| f64::from(sum) / count as f64),
            min: values.iter().min().copied(),
            max: values.iter().max().copied(),
        }
    }
}

/// One local day.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub sessions: usize,
    pub practice_minutes: f64,
    pub distress_before_mean: Option<f64>,
    pub distress_after_mean: Option<f64>,
    pub checkins: usize,
    /// Each check-in scale that has values that day.
    pub scales: BTreeMap<&'static str, Stats>,
}

/// One practice (a pattern or routine id) over the range.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Practice {
    /// "breathe" or "ground".
    pub practice: String,
    /// What a person calls it: the pattern's name or the routine's title (the id when
    /// the pattern or routine is no longer known).
    pub name: String,
    pub count: usize,
    pub minutes: f64,
    /// Sessions with both a before and an after rating.
    pub rated: usize,
    /// Mean of (after - before) over rated sessions; negative means distress went down.
    pub mean_change: Option<f64>,
}

/// Sensation words counted in one week.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Week {
    pub week_start: NaiveDate,
    pub sensations: BTreeMap<String, usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Trends {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days_practised: usize,
    pub sessions: usize,
    pub sessions_completed: usize,
    pub practice_minutes: f64,
    pub distress_before_mean: Option<f64>,
    pub distress_after_mean: Option<f64>,
    /// Mean of (after - before) over sessions with both ratings.
    pub distress_change_mean: Option<f64>,
    pub rated_sessions: usize,
    pub by_practice: BTreeMap<String, Practice>,
    /// The practice whose sessions lowered distress most, with enough sessions to say so.
    pub most_helpful: Option<String>,
    /// The name of `most_helpful`.
    pub most_helpful_name: Option<String>,
    pub checkins: usize,
    pub scales: BTreeMap<&'static str, Stats>,
    pub sensations: BTreeMap<String, usize>,
    pub weeks: Vec<Week>,
    /// The longest run of consecutive practice days in the range (None when hidden).
    pub longest_run: Option<usize>,
    pub days: Vec<Day>,
    /// Resting and practice heart figures; absent when the range holds no heart reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heart: Option<HeartTrends>,
}

/// Options that shape the maths.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub first_weekday: Weekday,
    pub hide_streaks: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            first_weekday: Weekday::Mon,
            hide_streaks: false,
        }
    }
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

pub(crate) fn minutes(s: &Session) -> f64 {
    s.actual_seconds.max(0.0) / 60.0
}

/// The trends of `records` (any order; tombstones are left out) over `from..=to`.
pub fn compute<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    from: NaiveDate,
    to: NaiveDate,
    opts: Options,
) -> Trends {
    let mut sessions: Vec<(NaiveDate, &Session)> = Vec::new();
    let mut checkins: Vec<(NaiveDate, &Checkin)> = Vec::new();
    let mut hearts: Vec<&Heart> = Vec::new();
    for r in records.into_iter().filter(|r| r.is_live()) {
        let day = r.local_date();
        if day < from || day > to {
            continue;
        }
        match &r.body {
            Body::Session(s) => sessions.push((day, s)),
            Body::Checkin(c) => checkins.push((day, c)),
            Body::Heart(h) => hearts.push(h),
            Body::Journal(_) => {}
        }
    }
    let practice_days: BTreeSet<NaiveDate> = sessions.iter().map(|(d, _)| *d).collect();
    let rated: Vec<f64> = sessions.iter().filter_map(|(_, s)| change(s)).collect();
    let mut t = Trends {
        from,
        to,
        days_practised: practice_days.len(),
        sessions: sessions.len(),
        sessions_completed: sessions.iter().filter(|(_, s)| s.completed).count(),
        practice_minutes: sessions.iter().map(|(_, s)| minutes(s)).sum(),
        distress_before_mean: mean(
            sessions
                .iter()
                .filter_map(|(_, s)| s.distress_before.map(f64::from)),
        ),
        distress_after_mean: mean(
            sessions
                .iter()
                .filter_map(|(_, s)| s.distress_after.map(f64::from)),
        ),
        distress_change_mean: mean(rated.iter().copied()),
        rated_sessions: rated.len(),
        by_practice: by_practice(&sessions),
        checkins: checkins.len(),
        scales: scales(checkins.iter().map(|(_, c)| *c)),
        sensations: count_words(checkins.iter().map(|(_, c)| *c)),
        weeks: weeks(&checkins, opts.first_weekday),
        longest_run: (!opts.hide_streaks).then(|| longest_run(&practice_days)),
        days: days(from, to, &sessions, &checkins),
        heart: heart::heart_trends(hearts.into_iter(), sessions.iter().map(|(_, s)| *s)),
        ..Trends::default()
    };
    t.most_helpful = most_helpful(&t.by_practice);
    t
}

/// Give each practice its name, as `name_of` knows it (the id when it does not).
pub fn name_practices(t: &mut Trends, name_of: impl Fn(&str) -> Option<String>) {
    for (id, p) in &mut t.by_practice {
        p.name = name_of(id).unwrap_or_else(|| id.clone());
    }
    t.most_helpful_name = t
        .most_helpful
        .as_ref()
        .and_then(|id| t.by_practice.get(id))
        .map(|p| p.name.clone());
}

fn change(s: &Session) -> Option<f64> {
    Some(f64::from(s.distress_after?) - f64::from(s.distress_before?))
}

fn by_practice(sessions: &[(NaiveDate, &Session)]) -> BTreeMap<String, Practice> {
    let mut map: BTreeMap<String, (Practice, Vec<f64>)> = BTreeMap::new();
    for (_, s) in sessions {
        let (p, changes) = map.entry(s.practice_id.clone()).or_default();
        p.practice = s.practice.clone();
        if p.name.is_empty() {
            p.name = s.practice_id.clone();
        }
        p.count += 1;
        p.minutes += minutes(s);
        changes.extend(change(s));
    }
    map.into_iter()
        .map(|(id, (mut p, changes))| {
            p.rated = changes.len();
            p.mean_change = mean(changes);
            (id, p)
        })
        .collect()
}

pub(crate) fn most_helpful(by: &BTreeMap<String, Practice>) -> Option<String> {
    by.iter()
        .filter(|(_, p)| p.rated >= MIN_SESSIONS_TO_SAY)
        .filter_map(|(id, p)| p.mean_change.filter(|c| *c < 0.0).map(|c| (id, c)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id.clone())
}

fn scales<'a>(
    checkins: impl Iterator<Item = &'a Checkin> + Clone,
) -> BTreeMap<&'static str, Stats> {
    Scale::ALL
        .into_iter()
        .filter_map(|scale| {
            let values: Vec<u8> = checkins.clone().filter_map(|c| scale.get(c)).collect();
            (!values.is_empty()).then(|| (scale.key(), Stats::of(&values)))
        })
        .collect()
}

fn count_words<'a>(checkins: impl Iterator<Item = &'a Checkin>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for c in checkins {
        for w in &c.sensations {
            *counts.entry(w.clone()).or_insert(0) += 1;
        }
    }
    counts
}

fn weeks(checkins: &[(NaiveDate, &Checkin)], first: Weekday) -> Vec<Week> {
    let mut by_week: BTreeMap<NaiveDate, Vec<&Checkin>> = BTreeMap::new();
    for (day, c) in checkins {
        by_week.entry(week_start(*day, first)).or_default().push(c);
    }
    by_week
        .into_iter()
        .map(|(week_start, cs)| Week {
            week_start,
            sensations: count_words(cs.into_iter()),
        })
        .collect()
}

/// The longest run of consecutive days in `days`.
pub fn longest_run(days: &BTreeSet<NaiveDate>) -> usize {
    let (mut best, mut run, mut prev): (usize, usize, Option<NaiveDate>) = (0, 0, None);
    for d in days {
        run = if prev.is_some_and(|p| p.succ_opt() == Some(*d)) {
            run + 1
        } else {
            1
        };
        best = best.max(run);
        prev = Some(*d);
    }
    best
}

fn days(
    from: NaiveDate,
    to: NaiveDate,
    sessions: &[(NaiveDate, &Session)],
    checkins: &[(NaiveDate, &Checkin)],
) -> Vec<Day> {
    let mut out = Vec::new();
    let mut day = from;
    let (mut si, mut ci) = (sorted(sessions), sorted(checkins));
    while day <= to {
        let ss: Vec<&Session> = take_day(&mut si, day);
        let cs: Vec<&Checkin> = take_day(&mut ci, day);
        out.push(Day {
            date: day,
            sessions: ss.len(),
            practice_minutes: ss.iter().map(|s| minutes(s)).sum(),
            distress_before_mean: mean(ss.iter().filter_map(|s| s.distress_before.map(f64::from))),
            distress_after_mean: mean(ss.iter().filter_map(|s| s.distress_after.map(f64::from))),
            checkins: cs.len(),
            scales: scales(cs.iter().copied()),
        });
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            break;
        };
        day = next;
    }
    out
}

fn sorted<'a, T>(
    items: &[(NaiveDate, &'a T)],
) -> std::iter::Peekable<std::vec::IntoIter<(NaiveDate, &'a T)>> {
    let mut v = items.to_vec();
    v.sort_by_key(|(d, _)| *d);
    v.into_iter().peekable()
}

fn take_day<'a, T>(
    it: &mut std::iter::Peekable<std::vec::IntoIter<(NaiveDate, &'a T)>>,
    day: NaiveDate,
) -> Vec<&'a T> {
    let mut out = Vec::new();
    while let Some((d, x)) = it.peek() {
        if *d < day {
            it.next();
        } else if *d == day {
            out.push(*x);
            it.next();
        } else {
            break;
        }
    }
    out
}
