//! The trends report from kept sums: the figures `compute` gives for the same records,
//! over any range, with one row for every day of it.

use super::sums::{DaySum, PracticeSum, ScaleSum, Sums, add_count, add_practices};
use super::{Day, Options, Practice, Stats, Trends, Week, longest_run, most_helpful};
use crate::domain::checkin::Scale;
use crate::domain::today::week_start;
use chrono::{Days, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// The trends over `from..=to` from `sums`: what `compute` gives for the same records.
pub fn trends(sums: &Sums, from: NaiveDate, to: NaiveDate, opts: Options) -> Trends {
    let mut total = DaySum::default();
    let mut practice_days = BTreeSet::new();
    let mut weeks: BTreeMap<NaiveDate, BTreeMap<String, usize>> = BTreeMap::new();
    let in_range = (from <= to).then(|| sums.days.range(from..=to));
    for (day, sum) in in_range.into_iter().flatten() {
        total.add_all(sum);
        if sum.sessions > 0 {
            practice_days.insert(*day);
        }
        if sum.checkins > 0 {
            let week = weeks
                .entry(week_start(*day, opts.first_weekday))
                .or_default();
            for (w, n) in &sum.sensations {
                add_count(week, w, *n);
            }
        }
    }
    add_practices(&mut total.by_practice, &sums.practices);
    let by_practice = practices(&total.by_practice);
    Trends {
        from,
        to,
        days_practised: practice_days.len(),
        sessions: total.sessions,
        sessions_completed: total.completed,
        practice_minutes: total.minutes.value(),
        distress_before_mean: total.before.mean(),
        distress_after_mean: total.after.mean(),
        distress_change_mean: total.change.mean(),
        rated_sessions: total.change.count,
        most_helpful: most_helpful(&by_practice),
        most_helpful_name: None,
        by_practice,
        checkins: total.checkins,
        scales: scales(&total.scales),
        sensations: total.sensations,
        weeks: weeks
            .into_iter()
            .map(|(week_start, sensations)| Week {
                week_start,
                sensations,
            })
            .collect(),
        longest_run: (!opts.hide_streaks).then(|| longest_run(&practice_days)),
        days: days(sums, from, to),
        heart: total.heart.trends(),
    }
}

fn practices(sums: &BTreeMap<String, PracticeSum>) -> BTreeMap<String, Practice> {
    let one = |id: &String, p: &PracticeSum| Practice {
        practice: p.practice.clone(),
        name: id.clone(),
        count: p.count,
        minutes: p.minutes.value(),
        rated: p.change.count,
        mean_change: p.change.mean(),
    };
    sums.iter()
        .map(|(id, p)| (id.clone(), one(id, p)))
        .collect()
}

fn scales(sums: &[ScaleSum; 6]) -> BTreeMap<&'static str, Stats> {
    Scale::ALL
        .into_iter()
        .zip(sums)
        .filter_map(|(scale, sum)| Some((scale.key(), sum.stats()?)))
        .collect()
}

/// One row for every day of the range, as `compute` writes them.
fn days(sums: &Sums, from: NaiveDate, to: NaiveDate) -> Vec<Day> {
    let mut out = Vec::new();
    let mut day = from;
    let empty = DaySum::default();
    while day <= to {
        let sum = sums.days.get(&day).unwrap_or(&empty);
        out.push(Day {
            date: day,
            sessions: sum.sessions,
            practice_minutes: sum.minutes.value(),
            distress_before_mean: sum.before.mean(),
            distress_after_mean: sum.after.mean(),
            checkins: sum.checkins,
            scales: scales(&sum.scales),
        });
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            break;
        };
        day = next;
    }
    out
}
