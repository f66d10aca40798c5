//! Heart readings: a file read into intervals and summarised as a `heart` record, saved
//! like any record; and the readings read back, with resting weeks, for `attune heart show`.

use crate::domain::heart::live::Took;
use crate::domain::heart::parse::{Format, LineError, parse_lines};
use crate::domain::heart::summarise;
use crate::service::heart_source::{Event, HeartIo};
use crate::service::records::{Filter, history};
use crate::store::model::{Body, Heart, HeartMinute, Kind, Record, Stamp};
use crate::store::month_file::FileProblem;
use crate::store::{Store, StoreError};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// No heart-beat file is this large (a day of beats is under 1 MB); a larger one is refused
/// before it is read, so a wrong path cannot fill memory.
pub const MAX_FILE_MB: u64 = 64;
/// The most beats one reading holds (about two days at rest); more is not one reading.
pub const MAX_BEATS: usize = 200_000;

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooBig,
    TooManyBeats,
    /// The bytes are not UTF-8 from this line on.
    NotText(usize),
    Line(LineError),
}

/// The intervals in the file at `path`, with its format.
pub fn read_intervals(path: &Path) -> Result<(Format, Vec<f64>), ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    let limit = MAX_FILE_MB << 20;
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig);
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ReadError::NotText(line)
    })?;
    let (format, rr) = parse_lines(text).map_err(ReadError::Line)?;
    if rr.len() > MAX_BEATS {
        return Err(ReadError::TooManyBeats);
    }
    Ok((format, rr))
}

/// The summary of `rr` as a record body: None when too few beats are usable. `breath` is
/// the paced breath length (s) when the reading was taken with a pacer.
pub fn reading(source: &str, rr: &[f64], rest: bool, breath: Option<f64>) -> Option<Heart> {
    let s = summarise(rr, breath)?;
    let minutes = s
        .minutes
        .iter()
        .map(|m| HeartMinute {
            beats: m.beats as u64,
            mean_hr: m.mean_hr,
            rmssd_ms: m.rmssd_ms,
            sdnn_ms: m.sdnn_ms,
        })
        .collect();
    Some(Heart {
        context: if rest { "rest" } else { "outside" }.to_string(),
        source: source.to_string(),
        seconds: s.seconds,
        beats: s.basic.beats as u64,
        corrected_share: s.cleaned.corrected_share(),
        mean_hr: s.basic.mean_hr,
        rmssd_ms: s.basic.rmssd_ms,
        sdnn_ms: s.basic.sdnn_ms,
        swing_bpm: s.swing.map(|(v, _)| v),
        breath_seconds: s.swing.map(|(_, p)| p),
        lf_power_ms2: s.spectrum.map(|x| x.lf_power),
        peak_hz: s.spectrum.map(|x| x.peak_hz),
        coherence: s.spectrum.map(|x| x.coherence),
        minutes,
        ended_seconds: None,
        extra: Default::default(),
    })
}

/// Durably save a reading made at `now`; returns the stored record.
pub fn save(store: &Store, heart: Heart, now: Stamp) -> Result<Record, StoreError> {
    let record = Record::new(Body::Heart(heart), now);
    store.save(record.clone())?;
    Ok(record)
}

/// The reading a practice keeps: None with too few beats. `active` is how long the
/// practice ran; `period` the breath length the swing is measured over.
pub fn practice_reading(
    beside: &crate::domain::heart::beside::Beside,
    active: std::time::Duration,
    period: Option<f64>,
) -> Option<Heart> {
    let feed = beside.feed();
    let format = feed.format().map_or("rr", |f| f.id());
    let mut heart = reading(format, feed.rr(), false, period)?;
    heart.context = crate::domain::heart::PRACTICE.to_string();
    heart.ended_seconds = beside
        .stopped_at(active)
        .map(|d| crate::domain::breathing::pattern::round_ms(d.as_secs_f64()));
    Some(heart)
}

/// The beats of a practice as CSV, for the user's own analysis: the beat's number, when
/// it arrived (seconds into the practice) and its interval as the source sent it.
pub fn beats_csv(feed: &crate::domain::heart::live::Feed) -> String {
    let mut csv = String::from("beat,arrived_s,rr_ms\n");
    for (n, (at, rr)) in feed.beats().enumerate() {
        csv.push_str(&format!("{},{:.3},{}\n", n + 1, at.as_secs_f64(), rr));
    }
    csv
}

/// Finding your pace: each step breathed, scored from the beats that came during it, best
/// first; empty without beats enough to compare two steps. `end` is when the run ended.
pub fn found_pace(
    steps: &crate::domain::heart::pace::Steps,
    feed: &crate::domain::heart::live::Feed,
    end: std::time::Duration,
) -> Vec<crate::store::model::PaceStep> {
    use crate::domain::heart::pace::{rank, score_step};
    let scores = steps
        .windows(end)
        .into_iter()
        .filter_map(|(rate, from, to)| score_step(rate, feed.between(from, to)))
        .collect::<Vec<_>>();
    // One step alone is no comparison.
    if scores.len() < 2 {
        return Vec::new();
    }
    rank(scores)
        .into_iter()
        .map(|s| crate::store::model::PaceStep {
            rate: s.rate,
            swing_bpm: (s.swing * 10.0).round() / 10.0,
            lf_power_ms2: s.lf_power.map(f64::round),
            in_step: s.in_step,
            points: s.points,
        })
        .collect()
}

/// Every live heart reading, oldest first, with the files that could not be read and how
/// many records were kept unread.
pub fn readings(store: &Store) -> Result<(Vec<Record>, Vec<FileProblem>, usize), StoreError> {
    let filter = Filter {
        kind: Some(Kind::Heart),
        ..Filter::default()
    };
    history(store, &filter)
}

/// What a reading loop tells its face as it goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// Every `MARK_EVERY` of beats: how far in (s) and the heart rate over that stretch.
    Mark { seconds: f64, bpm: f64 },
    /// The first line that could not be read (later ones are only counted).
    Bad(crate::domain::heart::LineError),
    /// No beat has come for `QUIET_AFTER`: said once.
    Quiet,
}

/// How a live reading went: the feed, and why it ended early if it did.
#[derive(Debug)]
pub struct LiveRun {
    pub feed: crate::domain::heart::live::Feed,
    pub stopped_by: Option<i32>,
    pub failed: Option<String>,
}

pub const MARK_EVERY: f64 = 30.0;
/// No beat for this long is a quiet source, as beside a practice.
pub use crate::domain::heart::beside::QUIET_AFTER;

/// Read a live source until `length` has passed (by the clock or by the beats' own
/// intervals, whichever comes first), the source ends, or a stop signal comes.
pub fn read_live(io: &mut dyn HeartIo, length: Duration, say: &mut dyn FnMut(Heard)) -> LiveRun {
    let mut run = LiveRun {
        feed: crate::domain::heart::live::Feed::new(),
        stopped_by: None,
        failed: None,
    };
    let (mut marked, mut quiet_said, mut from) = (0usize, false, 0usize);
    while run.feed.ended_at().is_none() && run.feed.beat_seconds() < length.as_secs_f64() {
        let wake = if quiet_said {
            length
        } else {
            length.min(io.now() + QUIET_AFTER)
        };
        let Some(event) = io.next(wake) else {
            if io.now() >= length {
                break;
            }
            if run.feed.quiet(io.now(), QUIET_AFTER) && !quiet_said {
                quiet_said = true;
                say(Heard::Quiet);
            }
            continue;
        };
        match event {
            Event::Line(text) => match run.feed.line(&text, io.now()) {
                Took::Beat(_) => {
                    quiet_said = false;
                    if (run.feed.beat_seconds() / MARK_EVERY).floor() as usize > marked {
                        marked += 1;
                        let seconds = marked as f64 * MARK_EVERY;
                        let part = &run.feed.rr()[from..];
                        let bpm = 60_000.0 * part.len() as f64 / part.iter().sum::<f64>();
                        from = run.feed.rr().len();
                        say(Heard::Mark { seconds, bpm });
                    }
                }
                Took::FirstBad(e) => say(Heard::Bad(e)),
                Took::Bad | Took::Nothing => {}
            },
            Event::Closed => run.feed.end(io.now()),
            Event::Failed(why) => {
                run.failed = Some(why);
                run.feed.end(io.now());
            }
            Event::Stop(sig) => {
                run.stopped_by = Some(sig);
                break;
            }
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Events at set times; time jumps straight to each one or to the deadline.
    struct Scripted {
        now: Duration,
        events: std::collections::VecDeque<(Duration, Event)>,
    }

    impl Scripted {
        fn new(events: Vec<(f64, Event)>) -> Scripted {
            Scripted {
                now: Duration::ZERO,
                events: events
                    .into_iter()
                    .map(|(t, e)| (Duration::from_secs_f64(t), e))
                    .collect(),
            }
        }
    }

    impl HeartIo for Scripted {
        fn now(&self) -> Duration {
            self.now
        }

        fn next(&mut self, deadline: Duration) -> Option<Event> {
            match self.events.front() {
                Some((at, _)) if *at <= deadline => {
                    let (at, e) = self.events.pop_front()?;
                    self.now = self.now.max(at);
                    Some(e)
                }
                _ => {
                    self.now = self.now.max(deadline);
                    None
                }
            }
        }
    }

    fn beats(n: usize, rr: f64, from: f64) -> Vec<(f64, Event)> {
        (0..n)
            .map(|k| (from + (k + 1) as f64 * rr / 1000.0, Event::Line(format!("{rr}\n"))))
            .collect()
    }

    #[test]
    fn a_reading_ends_when_its_beats_cover_the_length() {
        let mut io = Scripted::new(beats(200, 1000.0, 0.0));
        let mut heard = Vec::new();
        let run = read_live(&mut io, Duration::from_secs(60), &mut |h| heard.push(h));
        assert_eq!(run.feed.rr().len(), 60);
        assert_eq!(
            heard,
            vec![
                Heard::Mark {
                    seconds: 30.0,
                    bpm: 60.0
                },
                Heard::Mark {
                    seconds: 60.0,
                    bpm: 60.0
                }
            ]
        );
        assert_eq!((run.stopped_by, run.feed.ended_at()), (None, None));
    }

    #[test]
    fn a_closed_source_ends_the_reading_and_says_when() {
        let mut events = beats(20, 800.0, 0.0);
        events.push((16.5, Event::Closed));
        let mut io = Scripted::new(events);
        let run = read_live(&mut io, Duration::from_secs(120), &mut |_| {});
        assert_eq!(run.feed.rr().len(), 20);
        assert_eq!(run.feed.ended_at(), Some(Duration::from_secs_f64(16.5)));
    }

    #[test]
    fn a_silent_source_is_said_once_and_the_clock_ends_it() {
        let mut events = beats(5, 1000.0, 0.0);
        events.push((30.0, Event::Line("oops\n".into())));
        events.push((31.0, Event::Line("still\n".into())));
        let mut io = Scripted::new(events);
        let mut heard = Vec::new();
        let run = read_live(&mut io, Duration::from_secs(60), &mut |h| heard.push(h));
        assert_eq!(io.now(), Duration::from_secs(60));
        assert_eq!(heard.iter().filter(|h| **h == Heard::Quiet).count(), 1);
        assert!(matches!(&heard[1], Heard::Bad(e) if e.line == 6));
        assert_eq!((run.feed.rr().len(), run.feed.bad_lines()), (5, 2));
    }

    #[test]
    fn a_stop_signal_keeps_what_was_read() {
        let mut events = beats(10, 900.0, 0.0);
        events.push((9.5, Event::Stop(2)));
        let mut io = Scripted::new(events);
        let run = read_live(&mut io, Duration::from_secs(60), &mut |_| {});
        assert_eq!((run.feed.rr().len(), run.stopped_by), (10, Some(2)));
    }
}
