//! The bounds every stored record keeps. attune writes only records within them, and
//! checks every record that comes in (an import, a synced file, a hand edit) against the
//! same bounds: a record outside them is kept verbatim but never counted.

use super::model::{Body, Record, Session, Stamp};
use crate::domain::checkin::{MAX, Scale, check_value};
use chrono::Datelike;

/// The longest a practice counts as. A practice takes minutes; one left open for longer
/// is saved as this long rather than refused (see `service::practice::save_session`).
pub const MAX_PRACTICE_SECONDS: f64 = 24.0 * 60.0 * 60.0;

/// Why a record is outside the bounds, in a short phrase, or Ok when it is within them.
pub fn check(r: &Record) -> Result<(), String> {
    for at in [Some(r.created_at), Some(r.updated_at), r.deleted_at]
        .into_iter()
        .flatten()
    {
        check_year(at)?;
    }
    if !r.is_live() {
        // A tombstone keeps no values to count.
        return Ok(());
    }
    match &r.body {
        Body::Checkin(c) => {
            for scale in Scale::ALL {
                if let Some(v) = scale.get(c) {
                    check_value(scale, i64::from(v)).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        }
        Body::Session(s) => check_session(s),
        Body::Journal(_) => Ok(()),
        Body::Heart(h) => crate::domain::heart::check_record(h),
    }
}

/// The first year a record may be dated. No practice kept on a computer predates 1970 (the
/// Unix epoch, where a clock that was never set starts), so an earlier date is a mistake or
/// a hostile file; refusing it keeps every report that runs from the first record to today
/// to at most some thousands of years, and the trends cap that further (see
/// `service::trends::MAX_DAYS`).
pub const FIRST_YEAR: i32 = 1970;

/// Month files are named by a four-digit year, so no year past 9999 can be filed.
pub const LAST_YEAR: i32 = 9999;

fn check_year(at: Stamp) -> Result<(), String> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&at.year()) {
        Ok(())
    } else {
        Err(format!(
            "its date ({at}) is outside the years {FIRST_YEAR} to {LAST_YEAR}, so attune cannot file it"
        ))
    }
}

fn check_session(s: &Session) -> Result<(), String> {
    let ratings = [
        ("distress before", s.distress_before),
        ("distress after", s.distress_after),
        ("intensity", s.intensity),
    ];
    for (name, value) in ratings {
        if let Some(v) = value.filter(|v| *v > MAX) {
            return Err(format!("its {name} is {v}; it must be 0 to {MAX}"));
        }
    }
    // Only the time practised is counted; a planned length comes from a routine, maybe
    // one of the person's own, which may be as long as they like.
    if !(0.0..=MAX_PRACTICE_SECONDS).contains(&s.actual_seconds) {
        return Err(format!(
            "its length is {} seconds; a practice is at most a day",
            s.actual_seconds
        ));
    }
    let others = [
        s.planned_seconds,
        s.start_rate,
        s.reached_rate,
        s.exhale_rate,
    ];
    if others.into_iter().flatten().any(|v| v < 0.0) {
        return Err("a planned length or breathing rate is below zero".into());
    }
    let fine = |v: f64, top: f64| v.is_finite() && (0.0..=top).contains(&v);
    let step_ok = |p: &super::model::PaceStep| {
        fine(p.rate, 10.0)
            && fine(p.swing_bpm, 300.0)
            && p.lf_power_ms2.is_none_or(|v| fine(v, 1e9))
    };
    if s.pace_steps.len() > 10 || !s.pace_steps.iter().all(step_ok) {
        return Err("a step of finding a pace holds a number no step can have".into());
    }
    s.heart
        .as_deref()
        .map_or(Ok(()), crate::domain::heart::check_in_practice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::Checkin;

    fn at(text: &str) -> Stamp {
        chrono::DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn values_outside_what_attune_writes_are_named() {
        let now = at("2026-12-01T08:00:00+00:00");
        let session = |s: Session| Record::new(Body::Session(s), now);
        assert!(check(&session(Session::default())).is_ok());
        let high = session(Session {
            distress_before: Some(200),
            ..Session::default()
        });
        assert_eq!(check(&high).unwrap_err(), "its distress before is 200; it must be 0 to 10");
        let long = session(Session {
            actual_seconds: 1e308,
            ..Session::default()
        });
        assert!(check(&long).unwrap_err().contains("at most a day"));
        let checkin = Record::new(
            Body::Checkin(Checkin {
                distress: 11,
                ..Checkin::default()
            }),
            now,
        );
        assert!(check(&checkin).unwrap_err().starts_with("Distress must be"));
        // A tombstone's values are not counted, so they are not checked.
        assert!(check(&high.tombstone(now)).is_ok());
        let far = chrono::NaiveDate::from_ymd_opt(10000, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
            .fixed_offset();
        let far = Record::new(Body::Session(Session::default()), far);
        assert!(check(&far).unwrap_err().contains("cannot file"));
        let early = Record::new(Body::Session(Session::default()), at("0000-01-01T00:00:00+00:00"));
        assert!(check(&early).unwrap_err().contains("1970 to 9999"));
        let epoch = Record::new(Body::Session(Session::default()), at("1970-01-01T00:00:00+00:00"));
        assert!(check(&epoch).is_ok());
    }
}
