//! The breathing timeline: where in the breath a session is at any moment of active time.
//! All arithmetic is in whole nanoseconds from the session start, never accumulated
//! frame by frame, so boundaries fall exactly on multiples of the cycle and never drift.

use super::pattern::{Pattern, PhaseKind};
use std::time::Duration;

/// A stretch of the session at one steady pattern, starting on a breath boundary.
#[derive(Clone, Debug, PartialEq)]
struct Leg {
    start: Duration,
    first_cycle: u64,
    phases: Vec<(PhaseKind, Duration)>,
    cycle: Duration,
}

impl Leg {
    fn new(start: Duration, first_cycle: u64, pattern: &Pattern) -> Leg {
        let mut phases = pattern.phases();
        if phases.is_empty() {
            // Only an unchecked pattern can be empty; a breath of 1 s keeps maths safe.
            phases.push((PhaseKind::In, Duration::from_secs(1)));
        }
        let cycle = phases
            .iter()
            .map(|(_, d)| *d)
            .sum::<Duration>()
            .max(Duration::from_millis(1));
        Leg {
            start,
            first_cycle,
            phases,
            cycle,
        }
    }

    /// The n-th breath boundary of this leg (n = 0 is its start).
    fn boundary(&self, n: u128) -> Duration {
        self.start + nanos(self.cycle.as_nanos() * n)
    }
}

/// Where the session is at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub phase: PhaseKind,
    pub phase_len: Duration,
    pub into_phase: Duration,
    pub left_in_phase: Duration,
    /// How far through the phase, 0.0 to 1.0.
    pub progress: f64,
    /// Breaths completed before this one (the zero-based index of this breath).
    pub cycle: u64,
    pub left_in_session: Duration,
    pub done: bool,
}

/// A session's whole plan: its legs and its planned length.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    legs: Vec<Leg>,
    planned: Duration,
}

fn nanos(n: u128) -> Duration {
    Duration::from_nanos(u64::try_from(n).unwrap_or(u64::MAX))
}

/// The planned length for about `minutes`, rounded to whole breaths (at least one), so a
/// steady session ends exactly on the out-breath that completes its planned time.
pub fn planned_length(pattern: &Pattern, minutes: f64, max_cycles: Option<u32>) -> Duration {
    let cycle = Leg::new(Duration::ZERO, 0, pattern).cycle;
    let wanted = Duration::from_secs_f64((minutes * 60.0).max(0.0));
    let mut cycles = (wanted.as_nanos() as f64 / cycle.as_nanos() as f64)
        .round()
        .max(1.0) as u128;
    if let Some(cap) = max_cycles {
        cycles = cycles.min(u128::from(cap.max(1)));
    }
    nanos(cycle.as_nanos() * cycles)
}

impl Schedule {
    pub fn new(pattern: &Pattern, planned: Duration) -> Schedule {
        Schedule {
            legs: vec![Leg::new(Duration::ZERO, 0, pattern)],
            planned,
        }
    }

    pub fn planned(&self) -> Duration {
        self.planned
    }

    /// The leg in force at active time `t`.
    fn leg_at(&self, t: Duration) -> &Leg {
        let i = self.legs.partition_point(|l| l.start <= t);
        &self.legs[i.saturating_sub(1)]
    }

    /// The first breath boundary strictly after `t`.
    pub fn next_boundary(&self, t: Duration) -> Duration {
        let leg = self.leg_at(t);
        leg.boundary((t - leg.start).as_nanos() / leg.cycle.as_nanos() + 1)
    }

    /// When the session ends: the first breath boundary at or after the planned length.
    pub fn end(&self) -> Duration {
        let leg = self.leg_at(self.planned);
        let within = (self.planned - leg.start).as_nanos();
        leg.boundary(within.div_ceil(leg.cycle.as_nanos()))
    }

    /// Breaths completed by active time `t`.
    pub fn breaths_at(&self, t: Duration) -> u64 {
        let t = t.min(self.end());
        let leg = self.leg_at(t);
        let done = (t - leg.start).as_nanos() / leg.cycle.as_nanos();
        leg.first_cycle + u64::try_from(done).unwrap_or(u64::MAX)
    }

    /// Switch to `pattern` from the first breath boundary after `t`; returns when that is.
    /// A change not yet begun is replaced, so quick presses never stack up.
    pub fn change_at_next_breath(&mut self, t: Duration, pattern: &Pattern) -> Duration {
        if self.legs.len() > 1 && self.legs.last().is_some_and(|l| l.start > t) {
            self.legs.pop();
        }
        let start = self.next_boundary(t);
        let first_cycle = self.breaths_at_boundary(start);
        self.legs.push(Leg::new(start, first_cycle, pattern));
        start
    }

    fn breaths_at_boundary(&self, b: Duration) -> u64 {
        let leg = self.leg_at(b);
        leg.first_cycle
            + u64::try_from((b - leg.start).as_nanos() / leg.cycle.as_nanos()).unwrap_or(0)
    }

    /// Where the session is at active time `t`.
    pub fn at(&self, t: Duration) -> Position {
        let end = self.end();
        let done = t >= end;
        // At or past the end, show the very end of the last out-breath.
        let t = if done {
            end.saturating_sub(Duration::from_nanos(1))
        } else {
            t
        };
        let leg = self.leg_at(t);
        let within = (t - leg.start).as_nanos();
        let (phase, phase_len, into) = phase_in(leg, nanos(within % leg.cycle.as_nanos()));
        let into_phase = if done { phase_len } else { into };
        Position {
            phase,
            phase_len,
            into_phase,
            left_in_phase: phase_len - into_phase,
            progress: into_phase.as_secs_f64() / phase_len.as_secs_f64().max(1e-9),
            cycle: self.breaths_at(t),
            left_in_session: if done { Duration::ZERO } else { end - t },
            done,
        }
    }

    /// The first phase that starts strictly after `after` and before the end, with its
    /// start time and length: what a line-by-line runner waits for next.
    pub fn next_phase(&self, after: Duration) -> Option<(Duration, PhaseKind, Duration)> {
        let end = self.end();
        if after >= end {
            return None;
        }
        let leg = self.leg_at(after);
        let cycle_start = leg.boundary((after - leg.start).as_nanos() / leg.cycle.as_nanos());
        let mut at = cycle_start;
        for &(kind, len) in &leg.phases {
            if at > after {
                return (at < end).then_some((at, kind, len));
            }
            at += len;
        }
        // The next breath begins, perhaps on a new leg.
        let first = self.leg_at(at).phases[0];
        (at < end).then_some((at, first.0, first.1))
    }
}

/// The phase `into` falls in within one breath, and how far into it.
fn phase_in(leg: &Leg, mut into: Duration) -> (PhaseKind, Duration, Duration) {
    for &(kind, len) in &leg.phases {
        if into < len {
            return (kind, len, into);
        }
        into -= len;
    }
    let (kind, len) = leg.phases[leg.phases.len() - 1];
    (kind, len, len)
}
