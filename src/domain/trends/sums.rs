//! All-time trends from sums per day that add up in any order: counts, integer totals,
//! and exact sums of floats. The sums of one month file can be kept and added to the
//! others' later, so all time need not read every record again. The figures are those
//! `compute` gives, but for floats summed exactly (rounded once, not at every step).

use super::exact_sum::ExactSum;
use super::heart::{HeartTrends, Rest, Swing};
use super::sums_rows as rows;
use super::{Options, Stats, minutes};
use crate::domain::checkin::Scale;
use crate::domain::heart::{check_in_practice, check_record};
use crate::store::model::{Body, Checkin, Heart, Record, Session};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The sums of some records, by local day (every day a live record is on, even one
/// that adds to no figure: all time starts at the first record).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sums {
    pub days: BTreeMap<NaiveDate, DaySum>,
    /// Practice sums of days whose own `by_practice` was lifted here (`lift_practices`):
    /// counted by any range, so such sums serve only a range holding all their days.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub practices: BTreeMap<String, PracticeSum>,
}

/// A total of whole numbers and how many were added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(i64, usize)", into = "(i64, usize)")]
pub struct Tally {
    pub sum: i64,
    pub count: usize,
}

impl Tally {
    fn add(&mut self, v: i64) {
        self.sum += v;
        self.count += 1;
    }

    pub(super) fn add_all(&mut self, o: Tally) {
        self.sum += o.sum;
        self.count += o.count;
    }

    /// The mean as `compute` has it: whole numbers add up exactly in floats.
    pub(super) fn mean(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }
}

/// One check-in scale's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "(usize, u32, u8, u8)", into = "(usize, u32, u8, u8)")]
pub struct ScaleSum {
    pub count: usize,
    pub sum: u32,
    pub min: u8,
    pub max: u8,
}

impl ScaleSum {
    fn add_all(&mut self, o: ScaleSum) {
        if o.count == 0 {
            return;
        }
        self.min = if self.count == 0 {
            o.min
        } else {
            self.min.min(o.min)
        };
        self.max = self.max.max(o.max);
        self.count += o.count;
        self.sum += o.sum;
    }

    pub(super) fn stats(self) -> Option<Stats> {
        (self.count > 0).then(|| Stats {
            count: self.count,
            mean: Some(f64::from(self.sum) / self.count as f64),
            min: Some(self.min),
            max: Some(self.max),
        })
    }
}

/// One practice's sessions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "rows::PracticeRow", into = "rows::PracticeRow")]
pub struct PracticeSum {
    pub practice: String,
    pub count: usize,
    pub minutes: ExactSum,
    pub change: Tally,
}

impl PracticeSum {
    fn add_all(&mut self, o: &PracticeSum) {
        // One id is one practice; should two files disagree, the greater name stays.
        if o.practice > self.practice {
            self.practice.clone_from(&o.practice);
        }
        self.count += o.count;
        self.minutes.add_all(&o.minutes);
        self.change.add_all(o.change);
    }
}

/// Heart readings at rest, and the swing of breathing practices that hold one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "rows::HeartRow", into = "rows::HeartRow")]
pub struct HeartSum {
    pub rest: usize,
    pub rmssd_ms: ExactSum,
    pub mean_hr: ExactSum,
    pub swing: usize,
    pub swing_bpm: ExactSum,
    pub swing_before: Tally,
    pub swing_after: Tally,
}

/// One day's sums.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "rows::DayRow", into = "rows::DayRow")]
pub struct DaySum {
    pub sessions: usize,
    pub completed: usize,
    pub minutes: ExactSum,
    pub before: Tally,
    pub after: Tally,
    pub change: Tally,
    pub by_practice: BTreeMap<String, PracticeSum>,
    pub checkins: usize,
    pub scales: [ScaleSum; 6],
    pub sensations: BTreeMap<String, usize>,
    pub heart: HeartSum,
}

impl DaySum {
    fn session(&mut self, s: &Session) {
        self.sessions += 1;
        self.completed += usize::from(s.completed);
        self.minutes.add(minutes(s));
        self.before.add_opt(s.distress_before);
        self.after.add_opt(s.distress_after);
        let change = s
            .distress_after
            .zip(s.distress_before)
            .map(|(a, b)| i64::from(a) - i64::from(b));
        if let Some(c) = change {
            self.change.add(c);
        }
        let p = self.by_practice.entry(s.practice_id.clone()).or_default();
        p.practice.clone_from(&s.practice);
        p.count += 1;
        p.minutes.add(minutes(s));
        if let Some(c) = change {
            p.change.add(c);
        }
        self.heart.swing_of(s);
    }

    fn checkin(&mut self, c: &Checkin) {
        self.checkins += 1;
        for (sum, scale) in self.scales.iter_mut().zip(Scale::ALL) {
            if let Some(v) = scale.get(c) {
                sum.add_all(ScaleSum {
                    count: 1,
                    sum: u32::from(v),
                    min: v,
                    max: v,
                });
            }
        }
        for w in &c.sensations {
            *self.sensations.entry(w.clone()).or_insert(0) += 1;
        }
    }

    pub(super) fn add_all(&mut self, o: &DaySum) {
        self.sessions += o.sessions;
        self.completed += o.completed;
        self.minutes.add_all(&o.minutes);
        self.before.add_all(o.before);
        self.after.add_all(o.after);
        self.change.add_all(o.change);
        add_practices(&mut self.by_practice, &o.by_practice);
        self.checkins += o.checkins;
        for (mine, theirs) in self.scales.iter_mut().zip(o.scales) {
            mine.add_all(theirs);
        }
        for (w, n) in &o.sensations {
            add_count(&mut self.sensations, w, *n);
        }
        self.heart.add_all(&o.heart);
    }
}

/// Add each practice's sums in `more` to those in `to`.
pub(super) fn add_practices(
    to: &mut BTreeMap<String, PracticeSum>,
    more: &BTreeMap<String, PracticeSum>,
) {
    for (id, p) in more {
        match to.get_mut(id) {
            Some(mine) => mine.add_all(p),
            None => {
                to.insert(id.clone(), p.clone());
            }
        }
    }
}

/// Add `n` to the count under `key`; the key is copied only when it is new.
pub(super) fn add_count(map: &mut BTreeMap<String, usize>, key: &str, n: usize) {
    match map.get_mut(key) {
        Some(count) => *count += n,
        None => {
            map.insert(key.to_string(), n);
        }
    }
}

impl Tally {
    fn add_opt(&mut self, v: Option<u8>) {
        if let Some(v) = v {
            self.add(i64::from(v));
        }
    }
}

impl HeartSum {
    fn rest_of(&mut self, h: &Heart) {
        if h.context == "rest" && check_record(h).is_ok() {
            self.rest += 1;
            self.rmssd_ms.add(h.rmssd_ms);
            self.mean_hr.add(h.mean_hr);
        }
    }

    fn swing_of(&mut self, s: &Session) {
        let Some(h) = s.heart.as_ref().filter(|h| check_in_practice(h).is_ok()) else {
            return;
        };
        let (true, Some(bpm)) = (s.practice == "breathe", h.swing_bpm) else {
            return;
        };
        self.swing += 1;
        self.swing_bpm.add(bpm);
        if let (Some(b), Some(a)) = (s.distress_before, s.distress_after) {
            self.swing_before.add(i64::from(b));
            self.swing_after.add(i64::from(a));
        }
    }

    fn add_all(&mut self, o: &HeartSum) {
        self.rest += o.rest;
        self.rmssd_ms.add_all(&o.rmssd_ms);
        self.mean_hr.add_all(&o.mean_hr);
        self.swing += o.swing;
        self.swing_bpm.add_all(&o.swing_bpm);
        self.swing_before.add_all(o.swing_before);
        self.swing_after.add_all(o.swing_after);
    }

    pub(super) fn trends(&self) -> Option<HeartTrends> {
        let rest = (self.rest > 0).then(|| Rest {
            readings: self.rest,
            rmssd_ms_mean: self.rmssd_ms.value() / self.rest as f64,
            mean_hr_mean: self.mean_hr.value() / self.rest as f64,
        });
        let swing = (self.swing > 0).then(|| Swing {
            practices: self.swing,
            swing_bpm_mean: self.swing_bpm.value() / self.swing as f64,
            rated: self.swing_before.count,
            distress_before_mean: self.swing_before.mean(),
            distress_after_mean: self.swing_after.mean(),
        });
        (rest.is_some() || swing.is_some()).then_some(HeartTrends { rest, swing })
    }
}

impl Sums {
    /// The sums of `records` (tombstones are left out).
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Sums {
        let mut sums = Sums::default();
        for r in records.into_iter().filter(|r| r.is_live()) {
            let day = sums.days.entry(r.local_date()).or_default();
            match &r.body {
                Body::Session(s) => day.session(s),
                Body::Checkin(c) => day.checkin(c),
                Body::Heart(h) => day.heart.rest_of(h),
                Body::Journal(_) => {}
            }
        }
        sums
    }

    /// Add another's sums to these.
    pub fn add_all(&mut self, other: Sums) {
        add_practices(&mut self.practices, &other.practices);
        for (day, sum) in other.days {
            match self.days.entry(day) {
                std::collections::btree_map::Entry::Vacant(v) => {
                    v.insert(sum);
                }
                std::collections::btree_map::Entry::Occupied(mut o) => o.get_mut().add_all(&sum),
            }
        }
    }

    /// Each day's practice sums added into `practices`. All time needs them only in
    /// total, and they are half of what a month file's sums hold: kept so, those sums
    /// read back twice as fast, for a range that holds every one of their days.
    pub fn lift_practices(&mut self) {
        for day in self.days.values_mut() {
            add_practices(&mut self.practices, &std::mem::take(&mut day.by_practice));
        }
    }

    /// The first and last days that hold a record.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((*self.days.keys().next()?, *self.days.keys().next_back()?))
    }

    /// The day of the first record, if there is one.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.keys().next().copied()
    }

    /// Days practised in the week and the month holding `today`, as `days_practised_in`.
    pub fn days_practised_in(&self, today: NaiveDate, opts: Options) -> (usize, usize) {
        let (ws, _) = super::week_of(today, opts.first_weekday);
        let (ms, _) = super::month_of(today);
        let count = |from: NaiveDate| {
            self.days
                .range(from.min(today)..=today)
                .filter(|(_, d)| d.sessions > 0)
                .count()
        };
        (count(ws), count(ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::trends::Trends;
    use crate::domain::trends::compute;
    use crate::domain::trends::sums_report::trends;
    use chrono::{DateTime, Weekday};

    fn at(day: u32, hour: u32) -> crate::store::model::Stamp {
        let text = format!("2026-11-{day:02}T{hour:02}:00:00+01:00");
        DateTime::parse_from_rfc3339(&text).unwrap()
    }

    fn record(n: u128, day: u32, body: Body) -> Record {
        Record {
            id: uuid::Uuid::from_u128(n),
            created_at: at(day, 8 + (n % 12) as u32),
            updated_at: at(day, 8 + (n % 12) as u32),
            deleted_at: None,
            body,
        }
    }

    fn heart(context: &str, rmssd: f64, swing: Option<f64>) -> Heart {
        Heart {
            context: context.into(),
            mean_hr: 62.0 + rmssd / 8.0,
            rmssd_ms: rmssd,
            swing_bpm: swing,
            ..Heart::default()
        }
    }

    /// Three weeks of everything trends count, with `seconds` giving each session's length
    /// (the heart's numbers are quarters, which add up exactly in floats).
    fn records(seconds: impl Fn(u128) -> f64) -> Vec<Record> {
        let mut out = Vec::new();
        for n in 0..120u128 {
            let day = 1 + (n * 7 % 23) as u32;
            let body = match n % 5 {
                0 | 1 => Body::Session(Session {
                    practice: if n % 3 == 0 { "ground" } else { "breathe" }.into(),
                    practice_id: ["box-4", "5-4-3-2-1", "exhale-4-6"][(n % 3) as usize].into(),
                    actual_seconds: seconds(n),
                    completed: n % 4 != 0,
                    distress_before: (n % 6 != 0).then_some((n % 9) as u8),
                    distress_after: (n % 7 != 0).then_some((n % 5) as u8),
                    heart: (n % 4 == 1)
                        .then(|| Box::new(heart("practice", 40.0, Some(n as f64 / 4.0)))),
                    ..Session::default()
                }),
                2 | 3 => Body::Checkin(Checkin {
                    distress: (n % 11) as u8,
                    tension: (n % 3 == 0).then_some((n % 8) as u8),
                    sleep: Some((n % 10) as u8),
                    sensations: ["tight chest", "settled", "warm hands"][..(n % 4) as usize % 3]
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                    ..Checkin::default()
                }),
                _ => Body::Heart(heart(
                    if n % 2 == 0 { "rest" } else { "outside" },
                    30.0 + n as f64 / 4.0,
                    None,
                )),
            };
            let mut r = record(n, day, body);
            if n % 17 == 0 {
                r.deleted_at = Some(r.updated_at);
            }
            out.push(r);
        }
        out
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn practices_lifted_out_of_the_days_count_the_same_over_all_their_days() {
        let records = records(|n| (n % 40) as f64 * 15.0);
        let opts = Options::default();
        let (a, b) = records.split_at(50);
        let mut lifted = Sums::of(a);
        lifted.lift_practices();
        assert!(lifted.days.values().all(|d| d.by_practice.is_empty()));
        let mut rest = Sums::of(b);
        rest.add_all(lifted);
        let (from, to) = (day(1), day(23));
        assert_eq!(rest.span(), Some((from, to)));
        assert_eq!(trends(&rest, from, to, opts), compute(&records, from, to, opts));
    }

    fn by_sums(records: &[Record], from: NaiveDate, to: NaiveDate, opts: Options) -> Trends {
        let (a, b) = records.split_at(records.len() / 3);
        let mut sums = Sums::of(b);
        sums.add_all(Sums::of(a));
        trends(&sums, from, to, opts)
    }

    #[test]
    fn the_sums_give_what_compute_gives_where_floats_add_up_exactly() {
        // Quarter minutes add up exactly in floats, in any order.
        let records = records(|n| (n % 40) as f64 * 15.0);
        let opts = Options {
            first_weekday: Weekday::Sun,
            hide_streaks: false,
        };
        for (from, to) in [
            (day(1), day(23)),
            (day(4), day(17)),
            (day(9), day(9)),
            (day(9), day(3)),
        ] {
            let expected = compute(&records, from, to, opts);
            assert_eq!(by_sums(&records, from, to, opts), expected, "{from} to {to}");
        }
        let hidden = Options {
            hide_streaks: true,
            ..opts
        };
        assert_eq!(
            by_sums(&records, day(1), day(23), hidden),
            compute(&records, day(1), day(23), hidden)
        );
    }

    #[test]
    fn any_floats_give_what_compute_gives_but_for_the_last_digits() {
        let records = records(|n| 37.3 + (n * 13 % 600) as f64 / 7.0);
        let opts = Options::default();
        let (mut got, want) = (
            by_sums(&records, day(1), day(23), opts),
            compute(&records, day(1), day(23), opts),
        );
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(close(got.practice_minutes, want.practice_minutes));
        got.practice_minutes = want.practice_minutes;
        for (g, w) in got.days.iter_mut().zip(&want.days) {
            assert!(close(g.practice_minutes, w.practice_minutes), "{}", g.date);
            g.practice_minutes = w.practice_minutes;
        }
        for (id, p) in &mut got.by_practice {
            assert!(close(p.minutes, want.by_practice[id].minutes), "{id}");
            p.minutes = want.by_practice[id].minutes;
        }
        assert_eq!(got, want);
    }

    #[test]
    fn the_days_practised_are_those_of_the_week_and_month_to_today() {
        let records = records(|_| 60.0);
        let live: Vec<&Record> = records.iter().collect();
        for today in [day(1), day(11), day(16), day(30)] {
            let opts = Options::default();
            let want = crate::domain::trends::days_practised_in(&live, today, opts.first_weekday);
            assert_eq!(Sums::of(&records).days_practised_in(today, opts), want, "{today}");
        }
    }

    #[test]
    fn kept_sums_read_back_as_they_were() {
        let sums = Sums::of(&records(|n| n as f64 * 1.1));
        let text = serde_json::to_string(&sums).unwrap();
        assert_eq!(serde_json::from_str::<Sums>(&text).unwrap(), sums);
        assert!(serde_json::from_str::<Sums>(&text[..text.len() / 2]).is_err());
    }
}
