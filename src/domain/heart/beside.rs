//! The heart beside a practice, pure: beats in as they come, and at each breath's end what
//! to say (the rate and swing, or that the source went quiet or closed), each warning once.
//! A source that stops never stops the practice; the record says from when it stopped.

use super::live::{Feed, Recent, Took};
use super::parse::LineError;
use std::time::Duration;

/// No beat for this long: the strap is off the skin or the link dropped.
pub const QUIET_AFTER: Duration = Duration::from_secs(10);

/// How many breaths a reading during practice looks back over.
pub const BREATHS: usize = 2;

/// What the heart has to say, for a plain line or the pacer's heart row.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    Reading(Recent),
    /// The heart rate over the last breath, while too few breaths have come for a swing.
    Rate(f64),
    /// No beat has come for `QUIET_AFTER` (said once a quiet spell).
    Quiet,
    /// The source closed (or could not be read, and why) at this time; said once.
    Ended {
        at: Duration,
        why: Option<String>,
    },
    /// The first line that could not be read; later ones are only counted.
    Bad(LineError),
}

#[derive(Clone, Debug, Default)]
pub struct Beside {
    feed: Feed,
    quiet_said: bool,
    /// Why the source ended, when it failed.
    why: Option<String>,
}

impl Beside {
    pub fn new() -> Beside {
        Beside::default()
    }

    /// A line from the source at `at` (time since the practice began).
    pub fn line(&mut self, text: &str, at: Duration) -> Option<Note> {
        match self.feed.line(text, at) {
            Took::Beat(_) => {
                self.quiet_said = false;
                None
            }
            Took::FirstBad(e) => Some(Note::Bad(e)),
            Took::Bad | Took::Nothing => None,
        }
    }

    /// A line read while the practice is paused: read, its beat not kept.
    pub fn pass(&mut self, text: &str) -> Option<Note> {
        match self.feed.pass(text) {
            Took::FirstBad(e) => Some(Note::Bad(e)),
            _ => None,
        }
    }

    /// The source ended at `at`, for `why` when it failed.
    pub fn end(&mut self, at: Duration, why: Option<String>) -> Option<Note> {
        if self.feed.ended_at().is_some() {
            return None;
        }
        self.feed.end(at);
        self.why.clone_from(&why);
        Some(Note::Ended { at, why })
    }

    /// At a breath's end (`now`, breaths of `period` s): the reading over the last breaths,
    /// or, once, that no beat is coming. Nothing while the first breaths fill, or after the
    /// source has ended (that was said when it ended).
    pub fn breath(&mut self, now: Duration, period: f64) -> Option<Note> {
        if self.feed.ended_at().is_some() {
            return None;
        }
        if self.feed.quiet(now, QUIET_AFTER) {
            let first = !self.quiet_said;
            self.quiet_said = true;
            return first.then_some(Note::Quiet);
        }
        match self.feed.recent(period, BREATHS) {
            Some(r) => Some(Note::Reading(r)),
            None => self.rate_over(period).map(Note::Rate),
        }
    }

    /// The heart rate over the last `seconds` of beats, from at least three beats.
    fn rate_over(&self, seconds: f64) -> Option<f64> {
        let trace = self.trace(seconds);
        (trace.len() >= 3).then(|| trace.iter().sum::<f64>() / trace.len() as f64)
    }

    /// When heart data stopped, if it did before `now`: the last beat's time (or when the
    /// source ended, when no beat ever came). None when beats came to the end.
    pub fn stopped_at(&self, now: Duration) -> Option<Duration> {
        let last = self.feed.last_beat_at();
        match self.feed.ended_at() {
            Some(ended) => Some(last.unwrap_or(ended)),
            None if self.feed.quiet(now, QUIET_AFTER) => Some(last.unwrap_or_default()),
            None => None,
        }
    }

    /// The heart rate of each beat over the last `seconds` (by the beats' own intervals),
    /// oldest first: the trace that rises and falls with the breath.
    pub fn trace(&self, seconds: f64) -> Vec<f64> {
        let rr = self.feed.rr();
        let (mut start, mut covered) = (rr.len(), 0.0);
        while start > 0 && covered < seconds * 1000.0 {
            start -= 1;
            covered += rr[start];
        }
        rr[start..].iter().map(|r| 60_000.0 / r).collect()
    }

    /// Why the source ended, when it failed.
    pub fn end_reason(&self) -> Option<&str> {
        self.why.as_deref()
    }

    pub fn feed(&self) -> &Feed {
        &self.feed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    /// Beats of a heart swinging ±50 ms with 10 s breaths, from `from` to `to` seconds.
    fn beat(b: &mut Beside, from: f64, to: f64) {
        let mut t = from;
        while t < to {
            let rr = 1000.0 + 50.0 * (std::f64::consts::TAU * 0.1 * t).sin();
            t += rr / 1000.0;
            b.line(&format!("{rr:.0}\n"), Duration::from_secs_f64(t));
        }
    }

    #[test]
    fn a_reading_comes_once_two_breaths_are_covered() {
        let mut b = Beside::new();
        beat(&mut b, 0.0, 10.5);
        assert!(
            matches!(b.breath(S(10), 10.0), Some(Note::Rate(r)) if (r - 60.0).abs() < 2.0),
            "one breath gives a rate, not yet a swing"
        );
        beat(&mut b, 10.5, 30.0);
        match b.breath(S(30), 10.0) {
            Some(Note::Reading(r)) => assert!(r.in_step && r.swing > 4.0, "{r:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(b.stopped_at(S(30)), None);
        let trace = b.trace(10.0);
        assert!((9..=11).contains(&trace.len()), "{}", trace.len());
    }

    #[test]
    fn a_quiet_source_is_said_once_a_spell_and_the_stop_is_its_last_beat() {
        let mut b = Beside::new();
        beat(&mut b, 0.0, 20.0);
        let last = b.feed().last_beat_at().unwrap();
        assert_eq!(b.breath(last + S(11), 10.0), Some(Note::Quiet));
        assert_eq!(b.breath(last + S(21), 10.0), None);
        assert_eq!(b.stopped_at(last + S(21)), Some(last));
        // Beats come back: readings again, and a new spell is said again.
        beat(&mut b, 40.0, 70.0);
        let back = b.feed().last_beat_at().unwrap();
        assert!(matches!(b.breath(back, 10.0), Some(Note::Reading(_))));
        assert_eq!(b.stopped_at(back), None);
        assert_eq!(b.breath(back + S(12), 10.0), Some(Note::Quiet));
    }

    #[test]
    fn a_closed_source_is_said_once_and_a_bad_line_once() {
        let mut b = Beside::new();
        beat(&mut b, 0.0, 15.0);
        assert!(matches!(b.line("oops\n", S(15)), Some(Note::Bad(_))));
        assert_eq!(b.line("nope\n", S(16)), None);
        let last = b.feed().last_beat_at().unwrap();
        let ended = Some(Note::Ended {
            at: S(17),
            why: None,
        });
        assert_eq!(b.end(S(17), None), ended);
        assert_eq!(b.end(S(18), Some("gone".into())), None);
        assert_eq!(b.breath(S(30), 10.0), None);
        assert_eq!(b.stopped_at(S(60)), Some(last));
        assert_eq!(Beside::new().stopped_at(S(1)), None);
        assert_eq!(Beside::new().stopped_at(S(11)), Some(Duration::ZERO));
    }
}
