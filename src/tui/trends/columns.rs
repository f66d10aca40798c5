//! The trends charts' columns: one per day for a week or a month, one per month for all
//! time, each with its practice minutes, distress before and after, and the check-in
//! scales drawn as sparklines. Pure arithmetic over a report's days.

use crate::domain::checkin::Scale;
use crate::domain::trends::{Day, Stats, Trends};
use chrono::{Datelike, NaiveDate};

/// The check-in scales drawn as sparklines, in order: distress first, the core measure.
pub const SCALES: [Scale; 6] = [
    Scale::Distress,
    Scale::Breath,
    Scale::Sleep,
    Scale::Energy,
    Scale::Pain,
    Scale::Tension,
];

/// One column of the charts: a day, or (all time) a month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    /// The day, or the month's first day.
    pub date: NaiveDate,
    pub minutes: f64,
    /// Mean distress before and after practice (days only).
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// The mean of each of `SCALES`, where there are values.
    pub scales: [Option<f64>; 6],
    /// The lowest and highest check-in distress.
    pub distress_range: Option<(u8, u8)>,
}

/// How the columns are cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    Days,
    Months,
    Quarters,
    Years,
    /// For a history that reaches back further than years can show side by side (a
    /// device whose clock once said 1970, say).
    Decades,
}

pub fn columns(t: &Trends, cut: Cut) -> Vec<Column> {
    match cut {
        Cut::Days => t.days.iter().map(day_column).collect(),
        cut => periods(&t.days, cut),
    }
}

/// The first day of the month, quarter or year holding `d`.
pub fn period_start(d: NaiveDate, cut: Cut) -> NaiveDate {
    let month = match cut {
        Cut::Days => return d,
        Cut::Months => d.month(),
        Cut::Quarters => (d.month() - 1) / 3 * 3 + 1,
        Cut::Years => 1,
        Cut::Decades => {
            return NaiveDate::from_ymd_opt(d.year() - d.year().rem_euclid(10), 1, 1).unwrap_or(d);
        }
    };
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

/// How many columns `cut` makes of the days `from..=to`.
pub fn count(from: NaiveDate, to: NaiveDate, cut: Cut) -> usize {
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let span = months(to) - months(from);
    let n = match cut {
        Cut::Days => (to - from).num_days() + 1,
        Cut::Months => span + 1,
        Cut::Quarters => (months(to) / 3) - (months(from) / 3) + 1,
        Cut::Years => i64::from(to.year() - from.year()) + 1,
        Cut::Decades => i64::from(to.year().div_euclid(10) - from.year().div_euclid(10)) + 1,
    };
    usize::try_from(n).unwrap_or(0)
}

fn day_column(d: &Day) -> Column {
    Column {
        date: d.date,
        minutes: d.practice_minutes,
        before: d.distress_before_mean,
        after: d.distress_after_mean,
        scales: SCALES.map(|s| d.scales.get(s.key()).and_then(|st| st.mean)),
        distress_range: range(d.scales.get(Scale::Distress.key())),
    }
}

fn range(stats: Option<&Stats>) -> Option<(u8, u8)> {
    let s = stats?;
    Some((s.min?, s.max?))
}

fn widen(a: Option<(u8, u8)>, b: Option<(u8, u8)>) -> Option<(u8, u8)> {
    match (a, b) {
        (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
        (a, b) => a.or(b),
    }
}

/// Days grouped into calendar months, quarters or years. Scale means are weighted by each
/// day's count, so they equal the mean of the period's check-ins; distress around
/// practice is left to the summary.
fn periods(days: &[Day], cut: Cut) -> Vec<Column> {
    let mut out: Vec<(Column, [Weighted; 6])> = Vec::new();
    for d in days {
        let first = period_start(d.date, cut);
        if out.last().is_none_or(|(c, _)| c.date != first) {
            let column = Column {
                date: first,
                ..Column::default()
            };
            out.push((column, [Weighted::default(); 6]));
        }
        if let Some((column, sums)) = out.last_mut() {
            column.minutes += d.practice_minutes;
            column.distress_range =
                widen(column.distress_range, range(d.scales.get(Scale::Distress.key())));
            for (sum, scale) in sums.iter_mut().zip(SCALES) {
                sum.add(d.scales.get(scale.key()));
            }
        }
    }
    out.into_iter()
        .map(|(mut c, sums)| {
            c.scales = sums.map(Weighted::mean);
            c
        })
        .collect()
}

#[derive(Clone, Copy, Debug, Default)]
struct Weighted {
    sum: f64,
    count: usize,
}

impl Weighted {
    fn add(&mut self, stats: Option<&Stats>) {
        if let Some(s) = stats
            && let Some(mean) = s.mean
        {
            self.sum += mean * s.count as f64;
            self.count += s.count;
        }
    }

    fn mean(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum / self.count as f64)
    }
}

/// The mean of one scale over the whole range, as the report has it.
pub fn scale_mean(t: &Trends, scale: Scale) -> Option<f64> {
    t.scales.get(scale.key()).and_then(|s| s.mean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn day(date: &str, minutes: f64, sleep: Option<(f64, usize)>) -> Day {
        let mut scales = BTreeMap::new();
        if let Some((mean, count)) = sleep {
            let stats = Stats {
                count,
                mean: Some(mean),
                ..Stats::default()
            };
            scales.insert("sleep", stats.clone());
            let distress = Stats {
                min: Some(count as u8),
                max: Some(count as u8 + 2),
                ..stats
            };
            scales.insert("distress", distress);
        }
        Day {
            date: date.parse().expect("a date"),
            practice_minutes: minutes,
            scales,
            ..Day::default()
        }
    }

    #[test]
    fn months_sum_minutes_and_weigh_scales_by_check_ins() {
        let t = Trends {
            days: vec![
                day("2026-01-30", 5.0, Some((4.0, 1))),
                day("2026-01-31", 10.0, Some((7.0, 2))),
                day("2026-02-01", 3.0, None),
            ],
            ..Trends::default()
        };
        let cols = columns(&t, Cut::Months);
        assert_eq!(cols.len(), 2);
        assert_eq!(cols[0].minutes, 15.0);
        assert_eq!(cols[0].scales[2], Some(6.0));
        assert_eq!(cols[1].date.to_string(), "2026-02-01");
        assert_eq!(cols[1].scales[2], None);
        assert_eq!(cols[0].distress_range, Some((1, 4)), "1-3 and 2-4 make 1-4");
        assert_eq!(cols[1].distress_range, None);
        assert_eq!(columns(&t, Cut::Days).len(), 3);
        let years = columns(&t, Cut::Years);
        assert_eq!((years.len(), years[0].minutes), (1, 18.0));
        let d = |s: &str| s.parse::<NaiveDate>().expect("a date");
        assert_eq!(period_start(d("2026-11-27"), Cut::Quarters), d("2026-10-01"));
        assert_eq!(count(d("2016-03-05"), d("2026-12-03"), Cut::Months), 130);
        assert_eq!(count(d("2016-03-05"), d("2026-12-03"), Cut::Quarters), 44);
        assert_eq!(count(d("2016-03-05"), d("2026-12-03"), Cut::Years), 11);
        assert_eq!(count(d("1970-01-01"), d("2026-12-03"), Cut::Decades), 6);
        assert_eq!(period_start(d("1979-06-01"), Cut::Decades), d("1970-01-01"));
    }
}
