//! Trends for a week, a month or all time, read from the store: only the months a range
//! and today's week need are opened (so a week nine years back costs what this week
//! does), and a week or month is compared fairly with the one before it: a week still
//! under way against the same days of the week before, and not at all when there is
//! nothing before to compare with.

use crate::domain::trends::sums::Sums;
use crate::domain::trends::{
    Changes, Options, Trends, compare, compute, days_practised_in, month_of, week_of,
};
use crate::service::trends_sums;
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

/// The days a comparison was made against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Compared {
    /// The range's days so far (to today, when the range is still under way).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The same days of the week or month before.
    pub previous_from: NaiveDate,
    pub previous_to: NaiveDate,
    /// Whether the range is still under way, so only its days so far are compared.
    pub partial: bool,
}

/// Trends with their comparison and the days practised around today.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub trends: Trends,
    /// Week over week (or month over month), over the days in `compared`; None for all
    /// time, and when the days before hold nothing to compare with.
    pub change_from_previous: Option<Changes>,
    pub compared: Option<Compared>,
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
    // All time adds up the kept sums of each month file; a week or a month reads its
    // few months.
    if span == Span::All {
        let (sums, problems) = trends_sums::load(store, today).map_err(|e| StoreError::Io {
            path: store.layout().state_dir.join("cache"),
            cause: e,
        })?;
        return Ok((of_sums(&sums, today, opts), problems));
    }
    let (from, to, previous) = ranges(span, opts);
    let load_from = previous.map_or(from, |(f, _)| f);
    let snap = store.load_range(load_from, to)?;
    let (owned, mut problems) = (snap.merged.into_live(), snap.problems);
    let live: Vec<&Record> = owned.iter().filter(|r| r.is_live()).collect();
    let mut report = of_records(&live, span, today, opts);
    if let Some((records, more)) = around_today(store, span, (load_from, to), today, opts)? {
        problems.extend(more);
        let refs: Vec<&Record> = records.iter().collect();
        let (week, month) = days_practised_in(&refs, today, opts.first_weekday);
        report.days_practised_this_week = week;
        report.days_practised_this_month = month;
    }
    Ok((report, problems))
}

/// The report of `span` from records already read (they must hold the span, the range
/// before it, and today's week and month for the days practised around today). Pure: the
/// one arithmetic every output shows.
pub fn of_records(live: &[&Record], span: Span, today: NaiveDate, opts: Options) -> Report {
    let (from, to, previous) = ranges(span, opts);
    let (from, to) = match span {
        Span::All => (all_time_from(live, today), today),
        _ => (from, to),
    };
    let trends = compute(live.iter().copied(), from, to, opts);
    let (change, compared) = match previous {
        Some(prev) => fair_change(live, (from, to), prev, today, opts),
        None => (None, None),
    };
    let (week, month) = days_practised_in(live, today, opts.first_weekday);
    Report {
        trends,
        change_from_previous: change,
        compared,
        days_practised_this_week: week,
        days_practised_this_month: month,
    }
}

/// The all-time report from the sums of every record: what `of_records` gives for
/// `Span::All` over the same records, but for floats summed exactly.
pub fn of_sums(sums: &Sums, today: NaiveDate, opts: Options) -> Report {
    let from = reach_back(sums.first_day().unwrap_or(today), today);
    let (week, month) = sums.days_practised_in(today, opts);
    Report {
        trends: crate::domain::trends::sums_report::trends(sums, from, today, opts),
        change_from_previous: None,
        compared: None,
        days_practised_this_week: week,
        days_practised_this_month: month,
    }
}

/// The range of a span and the range before it (none for all time).
fn ranges(span: Span, opts: Options) -> (NaiveDate, NaiveDate, Option<(NaiveDate, NaiveDate)>) {
    match span {
        Span::Week(day) => {
            let (from, to) = week_of(day, opts.first_weekday);
            let before = from
                .checked_sub_days(Days::new(7))
                .map(|d| week_of(d, opts.first_weekday));
            (from, to, before)
        }
        Span::Month(day) => {
            let (from, to) = month_of(day);
            (from, to, from.checked_sub_months(Months::new(1)).map(month_of))
        }
        // All time's ends depend on the records and today; `report` sets them.
        Span::All => (NaiveDate::MIN, NaiveDate::MIN, None),
    }
}

/// All time starts at the first record, and reaches back at most MAX_DAYS.
fn all_time_from(live: &[&Record], today: NaiveDate) -> NaiveDate {
    let first = live.iter().map(|r| r.local_date()).min().unwrap_or(today);
    reach_back(first, today)
}

/// All time from the first record's day: never after today, nor more than MAX_DAYS back.
fn reach_back(first: NaiveDate, today: NaiveDate) -> NaiveDate {
    first.min(today).max(
        today
            .checked_sub_days(Days::new(MAX_DAYS))
            .unwrap_or(NaiveDate::MIN),
    )
}

/// The change from the range before, over the same days: a range still under way is
/// compared up to today with as many days of the one before. Nothing before, no change.
fn fair_change(
    live: &[&Record],
    (from, to): (NaiveDate, NaiveDate),
    (prev_from, prev_to): (NaiveDate, NaiveDate),
    today: NaiveDate,
    opts: Options,
) -> (Option<Changes>, Option<Compared>) {
    let partial = (from..to).contains(&today);
    let (now_to, then_to) = if partial {
        let so_far = Days::new(u64::try_from((today - from).num_days()).unwrap_or(0));
        (
            today,
            prev_from
                .checked_add_days(so_far)
                .unwrap_or(prev_to)
                .min(prev_to),
        )
    } else {
        (to, prev_to)
    };
    let before = compute(live.iter().copied(), prev_from, then_to, opts);
    if before.sessions == 0 && before.checkins == 0 && before.heart.is_none() {
        return (None, None);
    }
    let now = if partial {
        compute(live.iter().copied(), from, now_to, opts)
    } else {
        compute(live.iter().copied(), from, to, opts)
    };
    let compared = Compared {
        from,
        to: now_to,
        previous_from: prev_from,
        previous_to: then_to,
        partial,
    };
    (Some(compare(&now, &before)), Some(compared))
}

/// Records read, with the files that could not be.
type Read = (Vec<Record>, Vec<FileProblem>);

/// Records of today's week and month, read on their own when the range loaded does not
/// hold them: stepping back years never reads the years between.
fn around_today(
    store: &Store,
    span: Span,
    (loaded_from, loaded_to): (NaiveDate, NaiveDate),
    today: NaiveDate,
    opts: Options,
) -> Result<Option<Read>, StoreError> {
    let start = week_of(today, opts.first_weekday).0.min(month_of(today).0);
    if span == Span::All || (loaded_from <= start && today <= loaded_to) {
        return Ok(None);
    }
    let snap = store.load_range(start, today)?;
    Ok(Some((snap.merged.into_live(), snap.problems)))
}

/// The report as a JSON value: every float as computed, but never `-0.0`. `--json` writes
/// the same text straight out (`trends_json`), without building this tree.
pub fn to_json(rep: &Report) -> serde_json::Result<serde_json::Value> {
    let mut v = serde_json::to_value(rep)?;
    unsign_zeros(&mut v);
    Ok(v)
}

fn unsign_zeros(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.as_f64().is_some_and(|x| x == 0.0 && x.is_sign_negative()) => {
            *v = Value::from(0.0);
        }
        Value::Array(items) => items.iter_mut().for_each(unsign_zeros),
        Value::Object(map) => map.values_mut().for_each(unsign_zeros),
        _ => {}
    }
}

/// Each practice's name (a pattern's name, a routine's title) by its id.
pub fn practice_names(
    patterns: &[crate::domain::breathing::pattern::Pattern],
    routines: &[crate::domain::grounding::Routine],
) -> std::collections::BTreeMap<String, String> {
    let patterns = patterns.iter().map(|p| (p.id.clone(), p.name.clone()));
    let routines = routines.iter().map(|r| (r.id.clone(), r.title.clone()));
    patterns.chain(routines).collect()
}

/// Name the report's practices from `names`.
pub fn name_report(rep: &mut Report, names: &std::collections::BTreeMap<String, String>) {
    crate::domain::trends::name_practices(&mut rep.trends, |id| names.get(id).cloned());
}

/// The names the command line knows: built in, and the user's own where they can be
/// read (a file that cannot be read still leaves the built-in names).
pub fn names_for_cli(
    ctx_dir: Option<&std::path::Path>,
    config: &crate::config::Config,
) -> std::collections::BTreeMap<String, String> {
    let patterns = crate::content::all_patterns_with(ctx_dir, &config.patterns)
        .unwrap_or_else(|_| crate::content::builtin_patterns());
    let routines = crate::content::all_routines_with(ctx_dir, &config.routines)
        .unwrap_or_else(|_| crate::content::builtin_routines());
    practice_names(&patterns, &routines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_never_says_negative_zero() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap_or_default();
        let mut rep = of_records(&[], Span::All, today, Options::default());
        rep.trends.practice_minutes = -0.0;
        rep.trends.distress_change_mean = Some(-0.0);
        let text = to_json(&rep).map(|v| v.to_string()).unwrap_or_default();
        assert!(text.contains("\"practice_minutes\":0.0"), "{text}");
        assert!(!text.contains("-0"), "{text}");
    }
}
