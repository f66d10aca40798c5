//! Trends for a week, a month or all time, read from the store: only the months a range
//! needs are opened, and a week or month is compared with the one before it.

use crate::domain::trends::{
    Changes, Options, Trends, compare, compute, days_practised_in, month_of, week_of,
};
use crate::service::index::{self, Slim};
use crate::service::trends_index::Item;
use crate::store::model::Record;
use crate::store::month_file::FileProblem;
use crate::store::{Store, StoreError};
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// Which stretch of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// The week holding this day.
    Week(NaiveDate),
    /// The month holding this day.
    Month(NaiveDate),
    All,
}

/// Trends with their comparison and the days practised around today.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub trends: Trends,
    /// Week over week (or month over month); None for all time.
    pub change_from_previous: Option<Changes>,
    pub days_practised_this_week: usize,
    pub days_practised_this_month: usize,
}

/// The most days an all-time report covers (a hundred years): one row a day stays a few
/// megabytes of JSON at most, whatever dates a synced or hand-edited file holds.
pub const MAX_DAYS: u64 = 36_525;

pub fn report(
    store: &Store,
    span: Span,
    today: NaiveDate,
    opts: Options,
) -> Result<(Report, Vec<FileProblem>), StoreError> {
    let (from, to, previous) = match span {
        Span::Week(day) => {
            let (from, to) = week_of(day, opts.first_weekday);
            (
                from,
                to,
                Some(week_of(from - Days::new(7), opts.first_weekday)),
            )
        }
        Span::Month(day) => {
            let (from, to) = month_of(day);
            (
                from,
                to,
                from.checked_sub_months(Months::new(1)).map(month_of),
            )
        }
        Span::All => (NaiveDate::MIN, today, None),
    };
    let load_from = previous.map_or(from, |(f, _)| f);
    // All time reads the local index of numbers; a week or a month reads its few months.
    let (owned, problems): (Vec<Record>, _) = match span {
        Span::All => {
            let (items, problems) = index::load::<Item>(store).map_err(|e| StoreError::Io {
                path: store.layout().state_dir.join("cache"),
                cause: e,
            })?;
            (items.iter().map(Slim::record).collect(), problems)
        }
        _ => {
            let snap = store.load_range(load_from.min(today), to.max(today))?;
            (snap.merged.into_live(), snap.problems)
        }
    };
    let live: Vec<&Record> = owned.iter().filter(|r| r.is_live()).collect();
    let from = if span == Span::All {
        let first = live
            .iter()
            .map(|r| r.local_date())
            .min()
            .unwrap_or(today)
            .min(today);
        // All time starts at the first record, and reaches back at most MAX_DAYS.
        first.max(
            today
                .checked_sub_days(Days::new(MAX_DAYS))
                .unwrap_or(NaiveDate::MIN),
        )
    } else {
        from
    };
    let trends = compute(live.iter().copied(), from, to, opts);
    let change =
        previous.map(|(f, t)| compare(&trends, &compute(live.iter().copied(), f, t, opts)));
    let (week, month) = days_practised_in(&live, today, opts.first_weekday);
    let report = Report {
        trends,
        change_from_previous: change,
        days_practised_this_week: week,
        days_practised_this_month: month,
    };
    Ok((report, problems))
}
