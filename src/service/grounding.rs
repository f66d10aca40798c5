//! Recording a grounding routine: the session record made from a run, keeping what the
//! user typed only when they chose to.

use crate::domain::grounding::Routine;
use crate::domain::grounding::run::Summary;
use crate::store::model::{Record, Session, Stamp};
use crate::store::{Store, StoreError};
use std::time::Duration;

/// How a run ended and what the user chose around it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub summary: Summary,
    /// The routine reached its end (even with skipped steps), rather than being stopped.
    pub completed: bool,
    pub took: Duration,
    /// Keep the typed lines and chosen words with the record.
    pub keep_noticed: bool,
    pub distress_before: Option<u8>,
    /// The sound style a timed step's end was cued in, kept with the record.
    pub sound: crate::sound::Style,
}

/// The session record's body for a run of `routine`.
pub fn session(routine: &Routine, outcome: &Outcome) -> Session {
    let s = &outcome.summary;
    Session {
        practice: "ground".into(),
        practice_id: routine.id.clone(),
        planned_seconds: Some(f64::from(routine.minutes) * 60.0),
        actual_seconds: outcome.took.as_secs_f64(),
        completed: outcome.completed,
        distress_before: outcome.distress_before,
        steps_total: Some(s.steps_total),
        steps_completed: Some(s.steps_completed),
        noticed: if outcome.keep_noticed {
            s.noticed.clone()
        } else {
            Vec::new()
        },
        intensity: s.rating.filter(|_| outcome.keep_noticed),
        exhale_count: s.exhale_count,
        exhale_rate: s.exhale_rate,
        extra: outcome.sound.kept(),
        ..Session::default()
    }
}

/// Save the run at once (the day is the day it began), so nothing is lost if attune is
/// closed during the last question.
pub fn save(
    store: &Store,
    routine: &Routine,
    outcome: &Outcome,
    started: Stamp,
    now: Stamp,
) -> Result<Record, StoreError> {
    crate::service::practice::save_session(store, session(routine, outcome), started, now)
}
