//! The pacing of a plain breathing run: each phase printed as it begins, on time, with its
//! cue; who leads the pace (a steady pattern, follow my breath, or the steps of finding
//! your pace); and the heart beside it, said at each breath's end.

use super::breathe_heart;
use super::breathe_plain::{PlainIo, phase_line, stamp};
use crate::domain::breathing::follow::Lead;
use crate::domain::breathing::{Pattern, Schedule};
use crate::domain::heart::beside::Beside;
use crate::domain::heart::pace::Steps;
use crate::service::practice::Plan;
use crate::sound::{Cue, CueKind, Style};
use std::io::{self, Write};
use std::time::Duration;

/// Who sets the pace.
#[derive(Clone, Debug)]
pub enum Guide {
    /// The plan's pattern throughout.
    Steady,
    /// Follow my breath: from the pace heard, slowly longer.
    Follow(Lead),
    /// Find my pace: each rate of the stepped protocol in turn.
    Steps(Steps),
}

impl Guide {
    fn first(&self, plan: &Plan) -> Pattern {
        match self {
            Guide::Steady => plan.pattern.clone(),
            Guide::Follow(lead) => lead.pattern(),
            Guide::Steps(steps) => steps.pattern(0),
        }
    }

    /// A breath begins at `at` and ends at `ends`: the pattern from the next breath on, if
    /// it changes, and the step it begins, for steps.
    fn breath_begins(&mut self, at: Duration, ends: Duration) -> Option<(Pattern, Option<usize>)> {
        match self {
            Guide::Steady => None,
            Guide::Follow(lead) => lead.breath_done().map(|p| (p, None)),
            Guide::Steps(steps) => {
                let k = steps.breath_begins(at, ends)?;
                Some((steps.pattern(k), Some(k)))
            }
        }
    }

    pub fn reached_rate(&self) -> Option<f64> {
        match self {
            Guide::Follow(lead) => Some(lead.rate()),
            _ => None,
        }
    }
}

/// How the pacing went.
#[derive(Clone, Debug)]
pub struct Paced {
    pub active: Duration,
    pub completed: bool,
    pub breaths: u64,
    pub guide: Guide,
    /// The heart beside the run, when it had a source.
    pub heart: Option<Beside>,
    /// The length of the last breath begun (s).
    pub period: f64,
}

/// One run's moving parts.
struct Run<'a> {
    schedule: Schedule,
    guide: Guide,
    heart: Option<Beside>,
    origin: Duration,
    sound: Style,
    io: &'a mut dyn PlainIo,
    out: &'a mut dyn Write,
    /// When the breath now going began, and how long it is.
    breath: (Duration, Duration),
}

/// Print each phase as it begins, on time, until the end, a stop, or the reader of the
/// lines going away (`| head -1`), which ends it as a stop does.
pub fn pace(
    plan: &Plan,
    guide: Guide,
    sound: Style,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
) -> io::Result<Paced> {
    let origin = io.now();
    let heart = breathe_heart::begin(io, origin);
    let schedule = Schedule::new(&guide.first(plan), plan.planned);
    let first = schedule.next_boundary(Duration::ZERO);
    let mut run = Run {
        schedule,
        guide,
        heart,
        origin,
        sound,
        io,
        out,
        breath: (Duration::ZERO, first),
    };
    let start = run.schedule.at(Duration::ZERO);
    if !run.phase(Duration::ZERO, start.phase, start.phase_len)? {
        return Ok(run.stopped());
    }
    let mut last = Duration::ZERO;
    loop {
        let next = run.schedule.next_phase(last);
        let target = next.map_or(run.schedule.end(), |(at, _, _)| at);
        if run.io.wait_for_stop(run.origin + target) {
            return Ok(run.stopped());
        }
        let Some((at, kind, len)) = next else {
            run.cue(CueKind::End, Duration::ZERO);
            let end = run.schedule.end();
            run.heart_lines(end)?;
            return Ok(run.paced(end, true));
        };
        if at == run.schedule.next_boundary(at - Duration::from_nanos(1))
            && !run.breath_begins(at)?
        {
            return Ok(run.stopped());
        }
        if !run.phase(at, kind, len)? {
            return Ok(run.stopped());
        }
        last = at;
    }
}

impl Run<'_> {
    fn cue(&mut self, kind: CueKind, length: Duration) {
        if self.sound != Style::Off {
            self.io.cue(Cue {
                style: self.sound,
                kind,
                length,
            });
        }
    }

    /// A phase's cue and line; false when no one reads the lines any more.
    fn phase(
        &mut self,
        at: Duration,
        kind: crate::domain::breathing::PhaseKind,
        len: Duration,
    ) -> io::Result<bool> {
        self.cue(CueKind::for_phase(kind), len);
        show(self.out, &phase_line(at, kind, len))
    }

    /// A breath begins at `at`: the heart over the one just ended, then whatever the guide
    /// changes from the next breath on.
    fn breath_begins(&mut self, at: Duration) -> io::Result<bool> {
        if !self.heart_lines(at)? {
            return Ok(false);
        }
        let ends = self.schedule.next_boundary(at);
        self.breath = (at, ends - at);
        if let Some((pattern, step)) = self.guide.breath_begins(at, ends) {
            let from = self.schedule.change_at_next_breath(at, &pattern);
            if let Some(k) = step {
                let line = crate::copy::heart_practice::next_step(&stamp(at), &stamp(from), k);
                return show(self.out, &line);
            }
        }
        Ok(true)
    }

    fn heart_lines(&mut self, at: Duration) -> io::Result<bool> {
        let Some(beside) = self.heart.as_mut() else {
            return Ok(true);
        };
        let period = self.breath.1.as_secs_f64();
        for line in breathe_heart::at_breath(self.io, beside, self.origin, at, period) {
            if !show(self.out, &line)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn stopped(self) -> Paced {
        let active = self
            .io
            .now()
            .saturating_sub(self.origin)
            .min(self.schedule.end());
        self.paced(active, false)
    }

    fn paced(self, active: Duration, completed: bool) -> Paced {
        Paced {
            active,
            completed,
            breaths: self.schedule.breaths_at(active),
            guide: self.guide,
            heart: self.heart,
            period: self.breath.1.as_secs_f64(),
        }
    }
}

/// Write a line and send it at once; false when no one is reading any more.
pub fn show(out: &mut dyn Write, line: &str) -> io::Result<bool> {
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}
