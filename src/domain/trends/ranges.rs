//! The ranges the trends are read over (the week or the month holding a day), and the days
//! practised in the week and month holding today.

use crate::domain::today::week_start;
use crate::store::model::{Body, Record};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

/// The range of the week holding `day`.
pub fn week_of(day: NaiveDate, first: Weekday) -> (NaiveDate, NaiveDate) {
    let start = week_start(day, first);
    (start, start + Days::new(6))
}

/// The range of the month holding `day`.
pub fn month_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = day.with_day(1).unwrap_or(day);
    let next = start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(start);
    (start, next.pred_opt().unwrap_or(start))
}

/// Days practised in the week and the month holding `today`.
pub fn days_practised_in(records: &[&Record], today: NaiveDate, first: Weekday) -> (usize, usize) {
    let (ws, _) = week_of(today, first);
    let (ms, _) = month_of(today);
    let days: BTreeSet<NaiveDate> = records
        .iter()
        .filter(|r| r.is_live() && matches!(r.body, Body::Session(_)))
        .map(|r| r.local_date())
        .filter(|d| *d <= today)
        .collect();
    (days.range(ws..).count(), days.range(ms..).count())
}
