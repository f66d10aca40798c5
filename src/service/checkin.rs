//! Recording a check-in and reading what the home screen needs about today.

use crate::domain::checkin::{CheckinError, tidy};
use crate::domain::today::{TodaySummary, summarise, week_start};
use crate::store::model::{Body, Checkin, Record, Stamp};
use crate::store::{Snapshot, Store, StoreError};
use chrono::{NaiveDate, Weekday};

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Invalid(#[from] CheckinError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Check, tidy and durably save a check-in made at `now`; returns the stored record.
pub fn save_checkin(store: &Store, checkin: Checkin, now: Stamp) -> Result<Record, SaveError> {
    let record = Record::new(Body::Checkin(tidy(checkin)?), now);
    store.save(record.clone())?;
    Ok(record)
}

/// Check, tidy and durably save a check-in record made earlier (by the TUI, when the user
/// saved): saving it again, after a failure, keeps its id, so it is never stored twice.
pub fn save_checkin_record(store: &Store, mut record: Record) -> Result<Record, SaveError> {
    if let Body::Checkin(c) = record.body {
        record.body = Body::Checkin(tidy(c)?);
    }
    store.save(record.clone())?;
    Ok(record)
}

/// Load only what today's summary needs (this week's months) and summarise it.
pub fn today(
    store: &Store,
    today: NaiveDate,
    first_weekday: Weekday,
) -> Result<(TodaySummary, Snapshot), StoreError> {
    let snap = store.load_range(week_start(today, first_weekday), today)?;
    let mut summary = summarise(snap.merged.live(), today, first_weekday);
    summary.unreadable_files = !snap.problems.is_empty();
    Ok((summary, snap))
}
