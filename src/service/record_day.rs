//! One day of one's record at a time: the check-ins and practices of the nearest day with
//! any, on or before a date (or after it), read a month file at a time.

use crate::store::model::{Kind, Record};
use crate::store::{Months, Snapshot, Store, StoreError};
use chrono::NaiveDate;

/// The check-ins and practices of one day, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub records: Vec<Record>,
    /// Records kept in the months read that this version cannot read.
    pub unreadable: usize,
}

/// Which way to look from a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    /// The day itself, or the nearest earlier day with records.
    OnOrBefore,
    /// The nearest later day with records.
    After,
}

/// The nearest day from `from`, toward `toward`, holding a check-in or a practice; None
/// when there is none that way. Only months that exist are read, nearest first.
pub fn day_of(store: &Store, from: NaiveDate, toward: Toward) -> Result<Option<Day>, StoreError> {
    let month = from.format("%Y-%m").to_string();
    let on_or_before = |m: &str| m <= month.as_str();
    let on_or_after = |m: &str| m >= month.as_str();
    let months = match toward {
        Toward::OnOrBefore => Months::NewestFirst(&on_or_before),
        Toward::After => Months::OldestFirst(&on_or_after),
    };
    let mut found = None;
    store.load_each_month(months, |_, snap| {
        found = nearest_day(snap, from, toward);
        found.is_none()
    })?;
    Ok(found)
}

/// The day nearest `from` toward `toward` among one month's records, if it has one.
fn nearest_day(snap: Snapshot, from: NaiveDate, toward: Toward) -> Option<Day> {
    let wanted = |r: &Record| {
        let day = r.local_date();
        matches!(r.kind(), Kind::Checkin | Kind::Session)
            && match toward {
                Toward::OnOrBefore => day <= from,
                Toward::After => day > from,
            }
    };
    let records: Vec<Record> = snap.merged.into_live().into_iter().filter(wanted).collect();
    let date = match toward {
        Toward::OnOrBefore => records.iter().map(Record::local_date).max(),
        Toward::After => records.iter().map(Record::local_date).min(),
    }?;
    let mut records: Vec<Record> = records
        .into_iter()
        .filter(|r| r.local_date() == date)
        .collect();
    records.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Some(Day {
        date,
        records,
        unreadable: snap.unreadable,
    })
}
