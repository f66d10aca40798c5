//! The heart beside a plain breathing run: what the source sent, taken in at each breath's
//! end, its notes as stamped lines, and the reading the session keeps.

use super::breathe_plain::{PlainIo, stamp};
use crate::copy::heart_practice as say;
use crate::domain::heart::beside::{Beside, Note};
use crate::service::heart_source::{Event, Timed};
use crate::store::model::Heart;
use std::time::Duration;

/// A heart beside the run, when the run has a source. What came before the practice began
/// is let go, except that the source has already ended.
pub fn begin(io: &mut dyn PlainIo, origin: Duration) -> Option<Beside> {
    let before = io.heart()?;
    let mut beside = Beside::new();
    take(
        &mut beside,
        before
            .into_iter()
            .filter(|(_, e)| !matches!(e, Event::Line(_))),
        origin,
    );
    Some(beside)
}

/// The lines to print at a breath's end, `at` into the practice, breaths of `period` s.
pub fn at_breath(
    io: &mut dyn PlainIo,
    beside: &mut Beside,
    origin: Duration,
    at: Duration,
    period: f64,
) -> Vec<String> {
    let mut notes = take(beside, io.heart().unwrap_or_default(), origin);
    notes.extend(beside.breath(at, period));
    notes
        .iter()
        .map(|n| format!("[{}] {}", stamp(at), words(n)))
        .collect()
}

fn take(
    beside: &mut Beside,
    events: impl IntoIterator<Item = Timed>,
    origin: Duration,
) -> Vec<Note> {
    let mut notes = Vec::new();
    for (when, event) in events {
        let at = when.saturating_sub(origin);
        let note = match event {
            Event::Line(text) => beside.line(&text, at),
            Event::Closed => beside.end(at, None),
            Event::Failed(why) => beside.end(at, Some(why)),
            // A practice listens for stops itself.
            Event::Stop(_) => None,
        };
        notes.extend(note);
    }
    notes
}

fn words(note: &Note) -> String {
    match note {
        Note::Reading(r) => say::reading(r),
        Note::Rate(bpm) => say::rate(*bpm),
        Note::Quiet => say::QUIET.to_string(),
        Note::Ended { why, at } => say::ended(&stamp(*at), why.as_deref()),
        Note::Bad(e) => say::bad_line(e),
    }
}

/// What is said under the practice's last line about its heart.
pub fn closing(heart: Option<&Heart>) -> Vec<String> {
    let Some(h) = heart else {
        return vec![say::TOO_FEW.to_string()];
    };
    let mut lines = vec![say::summary(h)];
    if let Some(at) = h.ended_seconds {
        lines.push(say::stopped_at(&stamp(Duration::from_secs_f64(at))));
    }
    if h.swing_bpm.is_some() {
        lines.push(say::SWING_MEANS.to_string());
    }
    lines
}
