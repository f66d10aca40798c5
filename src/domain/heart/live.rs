//! A live feed of heart beats, pure: lines in as they arrive, the intervals so far, the
//! lines that could not be read, and when the source went quiet. Time is passed in, so
//! the same feed serves `attune heart rest` and (later) a practice's heart line.

use super::parse::{LineError, LineParser};
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Feed {
    parser: LineParser,
    rr: Vec<f64>,
    /// When each beat arrived, beside its interval.
    at: Vec<Duration>,
    /// The first line that could not be read, said once; later ones are only counted.
    first_bad: Option<LineError>,
    bad: usize,
    ended_at: Option<Duration>,
    last_beat_at: Option<Duration>,
}

/// What one line did to the feed.
#[derive(Clone, Debug, PartialEq)]
pub enum Took {
    Beat(f64),
    Nothing,
    /// The first unreadable line, to say once; a live source is never stopped by one.
    FirstBad(LineError),
    Bad,
}

impl Feed {
    pub fn new() -> Feed {
        Feed::default()
    }

    /// Take one line that arrived at `at` (time since the reading began).
    pub fn line(&mut self, text: &str, at: Duration) -> Took {
        match self.parser.line(text) {
            Ok(Some(rr)) => {
                self.rr.push(rr);
                self.at.push(at);
                self.last_beat_at = Some(at);
                Took::Beat(rr)
            }
            Ok(None) => Took::Nothing,
            Err(e) => self.bad_line(e),
        }
    }

    /// A line read while the practice is paused: the reader still sees it (its format and
    /// line count stay right) but a beat in it is not kept.
    pub fn pass(&mut self, text: &str) -> Took {
        match self.parser.line(text) {
            Ok(_) => Took::Nothing,
            Err(e) => self.bad_line(e),
        }
    }

    /// A line that could not be read: counted, and said the first time.
    fn bad_line(&mut self, e: LineError) -> Took {
        self.bad += 1;
        if self.first_bad.is_none() {
            self.first_bad = Some(e.clone());
            Took::FirstBad(e)
        } else {
            Took::Bad
        }
    }

    /// The source closed (a FIFO's writer went, a command exited) at `at`.
    pub fn end(&mut self, at: Duration) {
        self.ended_at.get_or_insert(at);
    }

    pub fn ended_at(&self) -> Option<Duration> {
        self.ended_at
    }

    /// Each beat: when it arrived, and its interval (ms).
    pub fn beats(&self) -> impl Iterator<Item = (Duration, f64)> + '_ {
        self.at.iter().copied().zip(self.rr.iter().copied())
    }

    pub fn rr(&self) -> &[f64] {
        &self.rr
    }

    /// How long the beats so far cover, by their own intervals (seconds).
    pub fn beat_seconds(&self) -> f64 {
        self.rr.iter().sum::<f64>() / 1000.0
    }

    pub fn bad_lines(&self) -> usize {
        self.bad
    }

    pub fn first_bad(&self) -> Option<&LineError> {
        self.first_bad.as_ref()
    }

    /// The intervals of the beats that arrived from `from` up to (not including) `to`.
    pub fn between(&self, from: Duration, to: Duration) -> &[f64] {
        let a = self.at.partition_point(|t| *t < from);
        let b = self.at.partition_point(|t| *t < to);
        &self.rr[a..b.max(a)]
    }

    /// When the last beat came, if one has.
    pub fn last_beat_at(&self) -> Option<Duration> {
        self.last_beat_at
    }

    pub fn format(&self) -> Option<super::parse::Format> {
        self.parser.format()
    }

    /// Whether no beat has come for `gap` by `now`: a strap off the skin, a dropped link.
    pub fn quiet(&self, now: Duration, gap: Duration) -> bool {
        let since = self.last_beat_at.unwrap_or_default();
        now.saturating_sub(since) >= gap
    }
}

/// The heart over the last few breaths: what a pacer's heart line says each breath.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Recent {
    pub bpm: f64,
    /// Peak minus trough within a breath, averaged over those breaths.
    pub swing: f64,
    /// The heart rate rises and falls with the breath: the swing is large and at least
    /// half its variation follows the pace.
    pub in_step: bool,
}

/// A swing this large (bpm) is one a person can feel.
pub const FELT_SWING: f64 = 3.0;

impl Feed {
    /// The heart rate and swing over the last `breaths` breaths of `period` seconds, by the
    /// beats' own intervals, cleaned first; None until the beats cover them.
    pub fn recent(&self, period: f64, breaths: usize) -> Option<Recent> {
        let span_ms = period * breaths as f64 * 1000.0;
        let (mut start, mut covered) = (self.rr.len(), 0.0);
        while start > 0 && covered < span_ms {
            start -= 1;
            covered += self.rr[start];
        }
        if !(covered >= span_ms && span_ms > 0.0 && start > 0) {
            return None;
        }
        // One beat more, so the breaths are whole counted from the first beat's time.
        start -= 1;
        let cleaned = super::clean::clean(&self.rr[start..]);
        let rr = &cleaned.rr_ms;
        let times = super::metrics::beat_times(rr);
        // A swing is an average over at least two whole breaths: fewer give None.
        let swing = super::metrics::swing(rr, &times, period)?;
        let bpm = 60_000.0 * rr.len() as f64 / rr.iter().sum::<f64>();
        let share = super::step::share_at(rr, &times, period).unwrap_or(0.0);
        let in_step = swing >= FELT_SWING && share >= super::step::IN_STEP_SHARE;
        Some(Recent {
            bpm,
            swing,
            in_step,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beats_are_kept_and_bad_lines_said_once() {
        let mut f = Feed::new();
        let s = Duration::from_secs;
        assert_eq!(f.line("800", s(1)), Took::Beat(800.0));
        assert!(matches!(f.line("oops", s(2)), Took::FirstBad(e) if e.line == 2));
        assert_eq!(f.line("nope", s(3)), Took::Bad);
        assert_eq!(f.line("", s(3)), Took::Nothing);
        assert_eq!(f.line("1200", s(4)), Took::Beat(1200.0));
        assert_eq!(f.rr(), &[800.0, 1200.0]);
        assert_eq!(f.between(s(1), s(4)), &[800.0]);
        assert_eq!(f.between(s(2), s(9)), &[1200.0]);
        assert_eq!((f.bad_lines(), f.beat_seconds()), (2, 2.0));
        assert!(!f.quiet(s(6), s(3)));
        assert!(f.quiet(s(7), s(3)));
        f.end(s(8));
        f.end(s(9));
        assert_eq!(f.ended_at(), Some(s(8)));
    }

    #[test]
    fn lines_passed_in_a_pause_are_read_but_their_beats_not_kept() {
        let mut f = Feed::new();
        let s = Duration::from_secs;
        // A Polar Sensor Logger header passed while paused still sets the format.
        assert_eq!(f.pass("Phone timestamp;RR-interval [ms]"), Took::Nothing);
        assert_eq!(f.pass("2026-12-04T06:00:00.000;900"), Took::Nothing);
        assert!(matches!(f.pass("oops"), Took::FirstBad(e) if e.line == 3));
        assert_eq!(f.line("2026-12-04T06:00:01.000;950", s(1)), Took::Beat(950.0));
        assert_eq!((f.rr(), f.bad_lines()), (&[950.0][..], 1));
    }

    #[test]
    fn the_last_breaths_give_rate_and_swing() {
        let mut f = Feed::new();
        let (mut t, mut k) = (0.0, 0);
        // 6 breaths a minute, intervals 1000 ± 50 ms: rates 57.1 to 63.2 a minute.
        while t < 60.0 {
            let rr = 1000.0 + 50.0 * (std::f64::consts::TAU * 0.1 * t).sin();
            f.line(&format!("{rr}"), Duration::from_secs_f64(t));
            t += rr / 1000.0;
            k += 1;
        }
        assert!(k > 50);
        let r = f.recent(10.0, 3).unwrap();
        let truth = 60_000.0 / 950.0 - 60_000.0 / 1050.0;
        assert!((r.swing - truth).abs() / truth < 0.15, "{r:?}");
        assert!((r.bpm - 60.0).abs() < 1.0, "{r:?}");
        assert!(r.in_step, "{r:?}");
        assert_eq!(f.recent(10.0, 7), None, "only 60 s of beats");
        assert_eq!(Feed::new().recent(10.0, 1), None);
    }
}
