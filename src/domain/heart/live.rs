//! A live feed of heart beats, pure: lines in as they arrive, the intervals so far, the
//! lines that could not be read, and when the source went quiet. Time is passed in, so
//! the same feed serves `attune heart rest` and (later) a practice's heart line.

use super::parse::{LineError, LineParser};
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Feed {
    parser: LineParser,
    rr: Vec<f64>,
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
                self.last_beat_at = Some(at);
                Took::Beat(rr)
            }
            Ok(None) => Took::Nothing,
            Err(e) => {
                self.bad += 1;
                if self.first_bad.is_none() {
                    self.first_bad = Some(e.clone());
                    Took::FirstBad(e)
                } else {
                    Took::Bad
                }
            }
        }
    }

    /// The source closed (a FIFO's writer went, a command exited) at `at`.
    pub fn end(&mut self, at: Duration) {
        self.ended_at.get_or_insert(at);
    }

    pub fn ended_at(&self) -> Option<Duration> {
        self.ended_at
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

    pub fn format(&self) -> Option<super::parse::Format> {
        self.parser.format()
    }

    /// Whether no beat has come for `gap` by `now`: a strap off the skin, a dropped link.
    pub fn quiet(&self, now: Duration, gap: Duration) -> bool {
        let since = self.last_beat_at.unwrap_or_default();
        now.saturating_sub(since) >= gap
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
        assert_eq!((f.bad_lines(), f.beat_seconds()), (2, 2.0));
        assert!(!f.quiet(s(6), s(3)));
        assert!(f.quiet(s(7), s(3)));
        f.end(s(8));
        f.end(s(9));
        assert_eq!(f.ended_at(), Some(s(8)));
    }
}
