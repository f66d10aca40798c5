//! The heart beside the full-screen pacer: beats taken in as they come, a reading at each
//! breath's end, and the session's summary when the practice ends. Pure: the time of each
//! event and of each breath comes in. A source that stops never stops the practice.

use crate::domain::breathing::clock::ActiveClock;
use crate::domain::heart::beside::{Beside, Note, QUIET_AFTER};
use crate::domain::heart::live::Recent;
use crate::service::heart_source::Event;
use crate::store::model::Heart;
use std::time::Duration;

/// How many seconds of beats the trace beside the pacer shows, at most.
pub const TRACE_SECONDS: f64 = 24.0;

/// What the heart row shows in numbers: nothing yet, the rate alone, or rate and swing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    Waiting,
    Rate(f64),
    Reading(Recent),
}

/// What the line under the heart row says, if anything.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    InStep,
    Quiet,
    /// The source ended at this time into the practice, for this reason if it failed.
    Ended(Duration, Option<String>),
    /// A line could not be read (its number); said until the next breath's reading.
    Bad(usize),
}

/// The heart source of this run, across practices: how the preview names it, and whether
/// it has ended (a practice begun after that says so from its start).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub label: String,
    ended: Option<Option<String>>,
}

impl Link {
    pub fn new(label: String) -> Link {
        Link { label, ended: None }
    }

    /// Whatever screen is showing, an end is remembered.
    pub fn saw(&mut self, event: &Event) {
        let why = match event {
            Event::Closed => None,
            Event::Failed(why) => Some(why.clone()),
            Event::Line(_) | Event::Stop(_) => return,
        };
        self.ended.get_or_insert(why);
    }

    /// The heart beside a practice opening now.
    pub fn side(&self) -> HeartSide {
        HeartSide {
            ended_before: self.ended.clone(),
            ..HeartSide::default()
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct HeartSide {
    beside: Beside,
    /// The practice's own time, from when the pacing began and still while it is
    /// paused, so beats line up with the breaths; None before, while beats are let go.
    clock: Option<ActiveClock>,
    /// The source ended before the practice began, and why.
    ended_before: Option<Option<String>>,
    breaths: u64,
    shown: Option<Shown>,
    bad: Option<usize>,
}

/// The feed is not compared: two screens are alike if they show the same.
impl PartialEq for HeartSide {
    fn eq(&self, other: &HeartSide) -> bool {
        (self.clock, &self.ended_before, self.breaths, self.shown, self.bad)
            == (other.clock, &other.ended_before, other.breaths, other.shown, other.bad)
    }
}

impl HeartSide {
    pub fn new() -> HeartSide {
        HeartSide::default()
    }

    /// The pacing begins at `mono`: beats count from here.
    pub fn begin(&mut self, mono: Duration) {
        self.clock = Some(ActiveClock::start(mono));
        if let Some(why) = self.ended_before.take() {
            self.beside.end(Duration::ZERO, why);
        }
    }

    /// Time into the practice at `mono`, pauses left out (zero before it began).
    fn since(&self, mono: Duration) -> Duration {
        self.clock.map_or(Duration::ZERO, |c| c.active(mono))
    }

    /// The pacer paused or went on at `mono`: the heart's time follows it.
    pub fn toggle_pause(&mut self, mono: Duration) {
        if let Some(clock) = &mut self.clock {
            if clock.is_paused() {
                clock.resume(mono);
            } else {
                clock.pause(mono);
            }
        }
    }

    /// An event from the source that arrived at `when`. Before the practice, only an end
    /// is kept (the beats during the preview and the rating are not the practice's).
    pub fn event(&mut self, when: Duration, event: Event) {
        let Some(clock) = self.clock else {
            if let Event::Closed | Event::Failed(_) = &event {
                self.ended_before.get_or_insert(match event {
                    Event::Failed(why) => Some(why),
                    _ => None,
                });
            }
            return;
        };
        let at = self.since(when);
        let note = match event {
            // Beats in a pause belong to no breath, and would blur the one it stopped in.
            Event::Line(text) if clock.is_paused() => self.beside.pass(&text),
            Event::Line(text) => self.beside.line(&text, at),
            Event::Closed => self.beside.end(at, None),
            Event::Failed(why) => self.beside.end(at, Some(why)),
            Event::Stop(_) => None,
        };
        if let Some(Note::Bad(e)) = note {
            self.bad = Some(e.line);
        }
    }

    /// Bring the reading up to `breaths` breaths done at `mono`, breaths of `period` s:
    /// at each breath's end, the rate and swing over the last breaths.
    pub fn breaths_done(&mut self, breaths: u64, mono: Duration, period: f64) {
        if breaths <= self.breaths || self.clock.is_none() {
            return;
        }
        self.breaths = breaths;
        match self.beside.breath(self.since(mono), period) {
            Some(Note::Reading(r)) => {
                self.shown = Some(Shown::Reading(r));
                self.bad = None;
            }
            Some(Note::Rate(bpm)) => {
                self.shown = Some(Shown::Rate(bpm));
                self.bad = None;
            }
            _ => {}
        }
    }

    /// The numbers to show.
    pub fn shown(&self) -> Shown {
        self.shown.unwrap_or(Shown::Waiting)
    }

    /// The line under the numbers at `mono`: an end first, then a quiet spell, then a bad
    /// line, then whether the heart follows the breath.
    pub fn status(&self, mono: Duration) -> Option<Status> {
        let feed = self.beside.feed();
        if let Some(at) = feed.ended_at() {
            return Some(Status::Ended(at, self.why_ended()));
        }
        if let Some(why) = &self.ended_before {
            return Some(Status::Ended(Duration::ZERO, why.clone()));
        }
        let started = self.clock.is_some_and(|c| c.active(mono) >= QUIET_AFTER);
        if started && feed.quiet(self.since(mono), QUIET_AFTER) {
            return Some(Status::Quiet);
        }
        if let Some(line) = self.bad {
            return Some(Status::Bad(line));
        }
        match self.shown {
            Some(Shown::Reading(r)) if r.in_step => Some(Status::InStep),
            _ => None,
        }
    }

    fn why_ended(&self) -> Option<String> {
        self.beside.end_reason().map(str::to_string)
    }

    pub fn feed(&self) -> &crate::domain::heart::live::Feed {
        self.beside.feed()
    }

    /// The heart rate of each beat over the last `seconds`, oldest first.
    pub fn trace(&self, seconds: f64) -> Vec<f64> {
        self.beside.trace(seconds)
    }

    /// The reading the session keeps, for a practice that ran `active` with breaths of
    /// `period` s (None: too few beats).
    pub fn kept(&self, mono: Duration, period: f64) -> Option<Heart> {
        crate::service::heart::practice_reading(&self.beside, self.since(mono), Some(period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    /// Beats of a heart swinging ±50 ms with 10 s breaths, arriving from `from` to `to`
    /// seconds of the monotonic clock.
    fn beat(h: &mut HeartSide, from: f64, to: f64) {
        let mut t = from;
        while t < to {
            let rr = 1000.0 + 50.0 * (std::f64::consts::TAU * 0.1 * t).sin();
            t += rr / 1000.0;
            h.event(Duration::from_secs_f64(t), Event::Line(format!("{rr:.0}\n")));
        }
    }

    #[test]
    fn beats_before_the_practice_are_let_go_and_a_reading_follows_two_breaths() {
        let mut h = HeartSide::new();
        beat(&mut h, 0.0, 30.0);
        h.begin(S(30));
        assert!(h.trace(60.0).is_empty(), "nothing counted from before");
        assert_eq!(h.shown(), Shown::Waiting);
        beat(&mut h, 30.0, 41.0);
        h.breaths_done(1, S(40), 10.0);
        assert!(matches!(h.shown(), Shown::Rate(r) if (r - 60.0).abs() < 3.0));
        beat(&mut h, 41.0, 61.0);
        h.breaths_done(3, S(60), 10.0);
        let Shown::Reading(r) = h.shown() else {
            panic!("{:?}", h.shown())
        };
        assert!(r.swing > 4.0 && r.in_step, "{r:?}");
        assert_eq!(h.status(S(60)), Some(Status::InStep));
        assert!(h.trace(10.0).len() >= 9);
        let kept = h.kept(S(60), 10.0).expect("a reading");
        assert_eq!(kept.context, crate::domain::heart::PRACTICE);
        assert!(kept.seconds < 40.0, "only the practice's beats: {}", kept.seconds);
    }

    #[test]
    fn a_quiet_source_then_an_end_are_said_and_the_record_says_from_when() {
        let mut h = HeartSide::new();
        h.begin(S(0));
        assert_eq!(h.status(S(5)), None, "not quiet in the first seconds");
        beat(&mut h, 0.0, 20.0);
        assert_eq!(h.status(S(25)), None);
        assert_eq!(h.status(S(31)), Some(Status::Quiet));
        h.event(S(40), Event::Failed("gone".into()));
        assert_eq!(h.status(S(41)), Some(Status::Ended(S(40), Some("gone".into()))));
        let kept = h.kept(S(60), 10.0).expect("a reading");
        let ended = kept.ended_seconds.expect("stopped early");
        assert!((19.0..21.0).contains(&ended), "{ended}");
    }

    #[test]
    fn an_end_before_the_practice_is_kept_and_a_bad_line_said_until_the_next_reading() {
        let mut h = HeartSide::new();
        h.event(S(1), Event::Closed);
        h.begin(S(5));
        assert_eq!(h.status(S(6)), Some(Status::Ended(S(0), None)));
        assert_eq!(h.kept(S(60), 10.0), None);
        let mut h = HeartSide::new();
        h.begin(S(0));
        beat(&mut h, 0.0, 5.0);
        h.event(S(5), Event::Line("what\n".into()));
        assert!(matches!(h.status(S(6)), Some(Status::Bad(_))));
        beat(&mut h, 5.0, 12.0);
        h.breaths_done(1, S(12), 10.0);
        assert!(!matches!(h.status(S(12)), Some(Status::Bad(_))));
    }
}
