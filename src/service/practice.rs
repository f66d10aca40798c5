//! Planning and recording a breathing practice: choosing the pattern and length (with the
//! new-user cap and the first-use hold note), and saving the session record.

use crate::domain::breathing::{Pattern, planned_length};
use crate::store::bounds::MAX_PRACTICE_SECONDS;
use crate::store::model::{Body, Record, Session, Stamp};
use crate::store::{Months, SaveReport, Store, StoreError, layout};
use chrono::{Days, NaiveDate};
use std::time::Duration;

/// Practice of a pattern counts as "new to you" while there are fewer than this many
/// sessions of it in the last `RECENT_DAYS` days.
pub const NEW_USER_SESSIONS: usize = 3;
pub const RECENT_DAYS: u64 = 90;
pub use crate::domain::breathing::{DEFAULT_MINUTES, MAX_MINUTES};

/// Everything a breathing session needs to begin.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub pattern: Pattern,
    pub planned: Duration,
    /// The length was shortened by the pattern's cap for new users.
    pub capped: bool,
    /// First use of a pattern with holds: show the one-line health note.
    pub hold_note: bool,
    pub follow: bool,
    /// Find my pace: the stepped protocol instead of one pattern.
    pub steps: Option<FindPace>,
    /// With a heart source: keep its beats beside the session on this device.
    pub keep_beats: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FindPace {
    /// How long each rate is breathed.
    pub step: Duration,
    /// The config folder the pace found may be kept in, as the pattern "my-pace".
    pub keep_in: Option<std::path::PathBuf>,
}

impl Plan {
    /// The same plan as the steps of finding your pace, `step_minutes` each, in the shape
    /// of its pattern (which must have no holds).
    pub fn finding_pace(
        mut self,
        step_minutes: f64,
        keep_in: Option<std::path::PathBuf>,
    ) -> Result<Plan, PlanError> {
        use crate::domain::heart::pace::STEP_MINUTES_RANGE;
        let (lo, hi) = STEP_MINUTES_RANGE;
        if !(step_minutes.is_finite() && (lo..=hi).contains(&step_minutes)) {
            return Err(PlanError::BadStep(step_minutes));
        }
        if self.pattern.has_holds() {
            return Err(PlanError::PaceWithHolds(self.pattern.id));
        }
        let step = crate::domain::breathing::pattern::secs(step_minutes * 60.0);
        self.steps = Some(FindPace { step, keep_in });
        self.planned = crate::domain::heart::pace::Steps::new(&self.pattern, step).planned();
        self.capped = false;
        Ok(self)
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("there is no breathing pattern \"{id}\". Patterns: {known}")]
    UnknownPattern { id: String, known: String },
    #[error("the length must be more than 0 and at most {MAX_MINUTES} minutes (got {0})")]
    BadLength(f64),
    #[error(
        "follow my breath leads toward a pattern without holds; \"{0}\" has holds. Try exhale-4-6, exhale-4-8 or coherent-5.5"
    )]
    FollowWithHolds(String),
    #[error("each step of finding your pace lasts 0.25 to 5 minutes (got {0})")]
    BadStep(f64),
    #[error(
        "finding your pace keeps a pattern's in and out without holds; \"{0}\" has holds. Try exhale-4-6"
    )]
    PaceWithHolds(String),
}

/// Choose the pattern and length. `recent_uses` is how many sessions of this pattern the
/// user has had lately (see `recent_uses`).
pub fn plan(
    patterns: &[Pattern],
    id: &str,
    minutes: f64,
    follow: bool,
    recent_uses: usize,
) -> Result<Plan, PlanError> {
    let pattern = patterns
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or_else(|| PlanError::UnknownPattern {
            id: id.to_string(),
            known: patterns
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    if !(minutes.is_finite() && minutes > 0.0 && minutes <= MAX_MINUTES) {
        return Err(PlanError::BadLength(minutes));
    }
    if follow && pattern.has_holds() {
        return Err(PlanError::FollowWithHolds(pattern.id));
    }
    let new_to_you = recent_uses < NEW_USER_SESSIONS;
    let cap = pattern.new_user_cycles.filter(|_| new_to_you);
    let planned = planned_length(&pattern, minutes, cap);
    Ok(Plan {
        capped: cap.is_some() && planned < planned_length(&pattern, minutes, None),
        hold_note: pattern.has_holds() && recent_uses == 0,
        planned,
        follow,
        pattern,
        steps: None,
        keep_beats: false,
    })
}

/// Sessions of `practice_id` in the last `RECENT_DAYS` days up to `today` (reads only
/// those months).
pub fn recent_uses(
    store: &Store,
    practice_id: &str,
    today: NaiveDate,
) -> Result<usize, StoreError> {
    Ok(recent_uses_of(store, &[practice_id], today)?[0])
}

/// `recent_uses` of each of `practice_ids`, in their order, from one read of those months
/// (the breathing screen asks for every pattern at once).
pub fn recent_uses_of<S: AsRef<str>>(
    store: &Store,
    practice_ids: &[S],
    today: NaiveDate,
) -> Result<Vec<usize>, StoreError> {
    let since = today - Days::new(RECENT_DAYS);
    let mut uses = vec![0; practice_ids.len()];
    // A month at a time, so only one month's records are held at once (the breathing
    // screen's peak memory). A record lives in the month it was made, so none is missed
    // or counted twice.
    let months = layout::months_between(since, today);
    store.load_each_month(Months::These(&months), |_, snap| {
        for r in snap.merged.live() {
            let Body::Session(s) = &r.body else { continue };
            if r.local_date() < since {
                continue;
            }
            for (n, id) in uses.iter_mut().zip(practice_ids) {
                *n += usize::from(id.as_ref() == s.practice_id);
            }
        }
        true
    })?;
    Ok(uses)
}

/// A practice stopped sooner than this is a start let go, not a practice: it is not
/// saved, so no average and no "practised" ever counts it.
pub const MIN_STOPPED_SECONDS: f64 = 10.0;

/// Whether a practice that ran `seconds` is worth a record: finished, or stopped after
/// its first few seconds.
pub fn worth_keeping(completed: bool, seconds: f64) -> bool {
    completed || seconds >= MIN_STOPPED_SECONDS
}

/// Save a finished or stopped practice. The record's day is the day it began.
pub fn save_session(
    store: &Store,
    mut session: Session,
    started: Stamp,
    now: Stamp,
) -> Result<Record, StoreError> {
    // A practice left open for days is kept as the longest a practice counts for, so it
    // is saved within the bounds every record is read with, rather than refused.
    // To the millisecond: what a clock can say, not a nanosecond float's noise.
    let seconds = session.actual_seconds.clamp(0.0, MAX_PRACTICE_SECONDS);
    session.actual_seconds = (seconds * 1000.0).round() / 1000.0;
    let mut record = Record::new(Body::Session(session), started);
    record.updated_at = now.max(started);
    store.save(record.clone())?;
    Ok(record)
}

/// Add the distress after to a saved practice record (a new version of the same record),
/// with how the save went.
pub fn add_distress_after(
    store: &Store,
    record: &Record,
    after: u8,
    now: Stamp,
) -> Result<(Record, SaveReport), StoreError> {
    let mut updated = record.clone();
    if let Body::Session(s) = &mut updated.body {
        s.distress_after = Some(after);
    }
    updated.updated_at = record.next_version(now);
    let report = store.save(updated.clone())?;
    Ok((updated, report))
}

/// Distress rose by 2 or more after a practice: say so gently and offer grounding.
pub fn distress_rose(before: Option<u8>, after: Option<u8>) -> bool {
    matches!((before, after), (Some(b), Some(a)) if a >= b + 2)
}

/// The breathing preview's choices remembered from last time, if there are usable ones.
pub fn remembered_choices(
    layout: &crate::store::layout::Layout,
) -> Option<crate::domain::breathing::choices::Choices> {
    crate::store::choices::read(layout)
        .and_then(|bytes| crate::domain::breathing::choices::Choices::read(&bytes))
}

/// Remember the breathing preview's choices for next time, on this machine only.
pub fn remember_choices(
    layout: &crate::store::layout::Layout,
    choices: &crate::domain::breathing::choices::Choices,
) -> std::io::Result<()> {
    crate::store::choices::write(layout, &choices.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::builtin_patterns;

    #[test]
    fn plans_name_what_is_wrong() {
        let all = builtin_patterns();
        let p = plan(&all, "exhale-4-6", 5.0, false, 0).expect("default plan");
        assert_eq!(p.planned, Duration::from_secs(300));
        assert!(!p.hold_note && !p.capped);
        let e = plan(&all, "nope", 5.0, false, 0).unwrap_err().to_string();
        assert!(e.contains("\"nope\"") && e.contains("exhale-4-6, exhale-4-8"), "{e}");
        assert_eq!(plan(&all, "sigh", 0.0, false, 0), Err(PlanError::BadLength(0.0)));
        assert_eq!(plan(&all, "sigh", 61.0, false, 0), Err(PlanError::BadLength(61.0)));
        assert!(plan(&all, "sigh", f64::NAN, false, 0).is_err());
        assert!(matches!(plan(&all, "box-4", 5.0, true, 0), Err(PlanError::FollowWithHolds(_))));
    }

    #[test]
    fn a_practice_left_open_for_days_is_saved_as_a_day_and_reads_back() {
        let tmp = tempfile::tempdir().unwrap();
        let layout = crate::store::layout::Layout::new(tmp.path().join("d"), tmp.path().join("s"));
        let store = Store::open(layout).unwrap();
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T08:00:00+00:00").unwrap();
        let session = Session {
            practice: "ground".into(),
            actual_seconds: 3.0 * MAX_PRACTICE_SECONDS,
            ..Session::default()
        };
        let saved = save_session(&store, session, at, at).unwrap();
        let back = store.load_all().unwrap().merged;
        let Some(Body::Session(s)) = back.get(&saved.id).map(|r| &r.body) else {
            panic!("the practice was saved");
        };
        assert_eq!(s.actual_seconds, MAX_PRACTICE_SECONDS);
    }

    #[test]
    fn four_seven_eight_is_capped_and_noted_while_new() {
        let all = builtin_patterns();
        let new = plan(&all, "4-7-8", 5.0, false, 0).expect("plan");
        assert!(new.capped && new.hold_note);
        assert_eq!(new.planned, Duration::from_secs(4 * 19));
        let practised = plan(&all, "4-7-8", 5.0, false, NEW_USER_SESSIONS).expect("plan");
        assert!(!practised.capped && !practised.hold_note);
        let once = plan(&all, "box-4", 5.0, false, 1).expect("plan");
        assert!(!once.hold_note, "the note shows on first use only");
    }

    #[test]
    fn recent_uses_of_many_patterns_count_as_each_one_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let layout = crate::store::layout::Layout::new(tmp.path().join("d"), tmp.path().join("s"));
        let store = Store::open(layout).unwrap();
        let day = |d: &str| chrono::DateTime::parse_from_rfc3339(d).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        for (id, at) in [
            ("exhale-4-6", "2026-11-30T08:00:00+00:00"),
            ("exhale-4-6", "2026-10-02T08:00:00+00:00"),
            ("sigh", "2026-12-01T07:00:00+00:00"),
            // Over 90 days before: not lately.
            ("sigh", "2026-08-01T08:00:00+00:00"),
        ] {
            let session = Session {
                practice: "breathe".into(),
                practice_id: id.into(),
                actual_seconds: 60.0,
                completed: true,
                ..Session::default()
            };
            save_session(&store, session, day(at), day(at)).unwrap();
        }
        let ids = ["exhale-4-6", "sigh", "box-4", "sigh"];
        let all = recent_uses_of(&store, &ids, today).unwrap();
        assert_eq!(all, [2, 1, 0, 1]);
        for (id, n) in ids.iter().zip(all) {
            assert_eq!(recent_uses(&store, id, today).unwrap(), n, "{id}");
        }
    }
}
