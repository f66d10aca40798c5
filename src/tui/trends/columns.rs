//! The trends charts' columns: one per day for a week or a month, one per month for all
//! time, each with its practice minutes, distress before and after, and the check-in
//! scales drawn as sparklines. Pure arithmetic over a report's days.

use crate::domain::checkin::Scale;
use crate::domain::trends::{Day, Stats, Trends};
use chrono::{Datelike, NaiveDate};

/// The check-in scales drawn as sparklines, in order.
pub const SCALES: [Scale; 4] = [Scale::Sleep, Scale::Energy, Scale::Pain, Scale::Tension];

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
    pub scales: [Option<f64>; 4],
}

/// How the columns are cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    Days,
    Months,
}

pub fn columns(t: &Trends, cut: Cut) -> Vec<Column> {
    match cut {
        Cut::Days => t.days.iter().map(day_column).collect(),
        Cut::Months => months(&t.days),
    }
}

fn day_column(d: &Day) -> Column {
    Column {
        date: d.date,
        minutes: d.practice_minutes,
        before: d.distress_before_mean,
        after: d.distress_after_mean,
        scales: SCALES.map(|s| d.scales.get(s.key()).and_then(|st| st.mean)),
    }
}

/// Days grouped into calendar months. Scale means are weighted by each day's count, so
/// they equal the mean of the month's check-ins; distress is left to the summary.
fn months(days: &[Day]) -> Vec<Column> {
    let mut out: Vec<(Column, [Weighted; 4])> = Vec::new();
    for d in days {
        let first = d.date.with_day(1).unwrap_or(d.date);
        if out.last().is_none_or(|(c, _)| c.date != first) {
            let column = Column {
                date: first,
                ..Column::default()
            };
            out.push((column, [Weighted::default(); 4]));
        }
        if let Some((column, sums)) = out.last_mut() {
            column.minutes += d.practice_minutes;
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
            scales.insert("sleep", stats);
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
        assert_eq!(cols[0].scales[0], Some(6.0));
        assert_eq!(cols[1].date.to_string(), "2026-02-01");
        assert_eq!(cols[1].scales[0], None);
        assert_eq!(columns(&t, Cut::Days).len(), 3);
    }
}
