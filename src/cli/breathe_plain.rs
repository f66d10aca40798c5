//! The line-by-line breathing run (`attune breathe --plain`, or any breathe without a
//! terminal): one line per phase change stamped with elapsed time, for screen readers,
//! pipes and scripts. Time and input come through `PlainIo`, so tests run it instantly.
//! The pacing itself is in `breathe_pace`.

use crate::copy::plain as words;
use crate::domain::breathing::PhaseKind;
use crate::domain::breathing::follow::{Lead, Taps};
use crate::service::practice::Plan;
use crate::sound::Cue;
use std::io::{self, Write};
use std::time::Duration;

/// What can arrive while waiting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Line(String),
    /// Standard input has ended.
    Eof,
    /// Ctrl-C, SIGTERM or SIGHUP: stop now.
    Stop,
}

/// The run's window on time and input.
pub trait PlainIo {
    /// Monotonic time since the run began.
    fn now(&self) -> Duration;
    /// The wall clock, for the record's times.
    fn wall(&self) -> crate::store::model::Stamp;
    /// Wait for input until `deadline` (None: no deadline). None means the deadline came.
    fn wait(&mut self, deadline: Option<Duration>) -> Option<Input>;
    /// Wait until `deadline` for a stop only; lines typed meanwhile are kept for the
    /// next question. True when stopped.
    fn wait_for_stop(&mut self, deadline: Duration) -> bool;
    /// Sound a cue now, without waiting for it (silent unless the run has sound).
    fn cue(&mut self, _cue: Cue) {}
    /// Answers are typed at a terminal, which shows them. When they come from a pipe or
    /// file, the answer read is written after its question, so no line is left half.
    fn typed(&self) -> bool {
        true
    }
    /// What the heart source sent since last asked, each with when it came; None when the
    /// run has no heart source.
    fn heart(&mut self) -> Option<Vec<crate::service::heart_source::Timed>> {
        None
    }
}

/// Ask `question` on `say` and wait for the answer; the line is made whole when the
/// answer was not typed where it shows.
pub fn ask(io: &mut dyn PlainIo, say: &mut dyn Write, question: &str) -> io::Result<Option<Input>> {
    write!(say, "{question}")?;
    say.flush()?;
    let answer = io.wait(None);
    if !io.typed() {
        match &answer {
            Some(Input::Line(line)) => writeln!(say, "{}", crate::copy::safe::line(line.trim()))?,
            _ => writeln!(say)?,
        }
    }
    Ok(answer)
}

/// A 0-10 answer, a skip, or a stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Given(u8),
    Skipped,
    Stopped,
}

/// Ask for distress 0-10 on `say`; Enter or the end of input skips.
pub fn ask_rating(io: &mut dyn PlainIo, say: &mut dyn Write, question: &str) -> io::Result<Rating> {
    let mut asking = words::rating_question(question);
    for _ in 0..3 {
        match ask(io, say, &asking)? {
            Some(Input::Line(line)) if line.trim().is_empty() => return Ok(Rating::Skipped),
            Some(Input::Line(line)) => match line.trim().parse::<u8>() {
                Ok(v) if v <= 10 => return Ok(Rating::Given(v)),
                _ => asking = words::RATING_AGAIN.to_string(),
            },
            Some(Input::Stop) => return Ok(Rating::Stopped),
            Some(Input::Eof) | None => return Ok(Rating::Skipped),
        }
    }
    writeln!(say, "{}", words::RATING_SKIPPED)?;
    Ok(Rating::Skipped)
}

/// Listen for taps (a line each) on each out-breath; None if the user stopped. Once three
/// breaths are heard, Enter twice in quick succession (an empty line straight after a
/// tap) ends listening, as Enter does in the full screen.
pub fn listen(io: &mut dyn PlainIo, say: &mut dyn Write, plan: &Plan) -> io::Result<Option<Lead>> {
    writeln!(
        say,
        "Press Enter each time you breathe out. Three breaths at least, a minute at most."
    )?;
    let mut taps = Taps::default();
    let started = io.now();
    let limit = started + crate::domain::breathing::follow::MAX_LISTEN;
    while !taps.finished(io.now().saturating_sub(started)) {
        match io.wait(Some(limit)) {
            Some(Input::Line(_)) => {
                let at = io.now().saturating_sub(started);
                if taps.enough_to_start() && taps.too_soon(at) {
                    break;
                }
                taps.tap(at);
                writeln!(say, "  {}", heard_so_far(&taps))?;
            }
            Some(Input::Stop) => return Ok(None),
            Some(Input::Eof) | None => break,
        }
    }
    let period = taps.period_secs();
    let lead = Lead::start(period, &plan.pattern);
    writeln!(say, "{}", heard_line(taps.heard_rate(), lead.start_rate()))?;
    Ok(Some(lead))
}

/// After each tap: the first is counted too, and once there are enough, how to go on.
fn heard_so_far(taps: &Taps) -> String {
    match (taps.taps(), taps.breaths()) {
        (1, _) => "1 tap · breathe out again and press Enter".to_string(),
        (_, 0) => "no whole breath yet".to_string(),
        (_, 1) => "1 breath".to_string(),
        (_, n) if taps.enough_to_start() => format!("{n} breaths · Enter twice begins now"),
        (_, n) => format!("{n} breaths"),
    }
}

/// The pace as heard, and where pacing starts (never quicker than the safe bounds).
fn heard_line(heard: Option<f64>, start: f64) -> String {
    let tenth = |r: f64| (r * 10.0).round() / 10.0;
    match heard {
        Some(h) if tenth(h) == tenth(start) => {
            format!("You breathe about {} a minute; we'll start there.", tenth(h))
        }
        Some(h) => {
            format!("You breathe about {} a minute; we'll start at {}.", tenth(h), tenth(start))
        }
        None => {
            format!("No steady rhythm yet, so we'll start at an easy {} a minute.", tenth(start))
        }
    }
}

/// `[00:04.0] Breathe out 6.0s`
pub fn phase_line(at: Duration, kind: PhaseKind, len: Duration) -> String {
    format!("[{}] {} {}s", stamp(at), phase_word(kind), seconds(len))
}

/// Elapsed time as MM:SS.s.
pub fn stamp(d: Duration) -> String {
    let tenths = d.as_millis() / 100;
    format!("{:02}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}

/// Seconds with one decimal, or two when the length needs them (5.45).
fn seconds(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(100) {
        format!("{:.1}", d.as_secs_f64())
    } else {
        format!("{:.2}", d.as_secs_f64())
    }
}

pub fn phase_word(kind: PhaseKind) -> &'static str {
    match kind {
        PhaseKind::In => "Breathe in",
        PhaseKind::TopUp => "A little more in",
        PhaseKind::HoldIn | PhaseKind::HoldOut => "Hold",
        PhaseKind::Out => "Breathe out",
    }
}
