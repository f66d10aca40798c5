//! A breathing session in progress: the schedule, the pause-aware clock, pace changes and
//! the follow-my-breath lead, plus the maths of the pacer's fill and of the next moment the
//! picture would visibly change. Pure: monotonic time comes in as an argument.

use super::motion::{ease, to_next_second, unease};
pub use super::motion::{steady_seconds, whole_seconds};
use crate::domain::breathing::clock::ActiveClock;
use crate::domain::breathing::follow::Lead;
use crate::domain::breathing::{Pattern, PhaseKind, Position, Schedule};
use crate::domain::heart::pace::Steps;
use crate::service::practice::Plan;
use crate::store::model::{Session, Stamp};
use std::time::Duration;

/// One step of ← or →: every phase 10% longer or shorter.
pub const PACE_STEP: f64 = 1.1;
/// In a cyclic sigh, the first in-breath fills this much; the top-up fills the rest.
const SIGH_FIRST_FILL: f64 = 0.8;
/// Wake this long after a fill level is crossed, so the new level is surely drawn.
const PAST_LEVEL: Duration = Duration::from_millis(1);

/// A short message under the pacer after a key, said once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunNote {
    Slower,
    Quicker,
    SlowestAlready,
    QuickestAlready,
    Holding,
    Leading,
    SteppedBack,
    AtTheStart,
}

/// What a moment of time brought.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Advance {
    pub done: bool,
    pub phase_changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub schedule: Schedule,
    pub clock: ActiveClock,
    /// The chosen pattern; pace steps scale it.
    pub base: Pattern,
    /// The pattern being breathed now.
    pub current: Pattern,
    /// A change that begins at the next breath: when, and to what.
    pub pending: Option<(Duration, Pattern)>,
    /// Pace steps asked for: positive is slower.
    pub slower: i32,
    pub lead: Option<Lead>,
    /// Finding your pace: the steps of rates, each changed at a breath's end.
    pub steps: Option<Steps>,
    /// Breaths already handed to the lead or the steps.
    counted: u64,
    last_phase: (u64, PhaseKind),
    top_up: bool,
    pub started: Stamp,
    pub note: Option<RunNote>,
}

impl Run {
    /// Start now, at the plan's pattern or, following, at the lead's first pace.
    pub fn new(plan: &Plan, lead: Option<Lead>, mono: Duration, wall: Stamp) -> Run {
        let steps = match (&plan.steps, &lead) {
            (Some(find), None) => Some(Steps::new(&plan.pattern, find.step)),
            _ => None,
        };
        let first = match (&lead, &steps) {
            (Some(lead), _) => lead.pattern(),
            (None, Some(steps)) => steps.pattern(0),
            (None, None) => plan.pattern.clone(),
        };
        let schedule = Schedule::new(&first, plan.planned);
        let start = schedule.at(Duration::ZERO);
        Run {
            top_up: first.top_up > 0.0,
            schedule,
            clock: ActiveClock::start(mono),
            base: plan.pattern.clone(),
            current: first,
            pending: None,
            slower: 0,
            lead,
            steps,
            counted: 0,
            last_phase: (start.cycle, start.phase),
            started: wall,
            note: None,
        }
    }

    pub fn active(&self, mono: Duration) -> Duration {
        self.clock.active(mono)
    }

    pub fn position(&self, mono: Duration) -> Position {
        self.schedule.at(self.active(mono))
    }

    pub fn paused(&self) -> bool {
        self.clock.is_paused()
    }

    /// The time left to show at active time `t`: the planned length less the time
    /// breathed, which only falls, one second a second, whatever the pace does (the end
    /// itself moves with the pace, as it waits for the breath in progress to finish).
    /// None once the planned time is up and the last breath is finishing.
    pub fn time_left(&self, t: Duration) -> Option<Duration> {
        let left = self.schedule.planned().saturating_sub(t);
        (!left.is_zero()).then_some(left)
    }

    pub fn toggle_pause(&mut self, mono: Duration) {
        if self.paused() {
            self.clock.resume(mono);
        } else {
            self.clock.pause(mono);
        }
    }

    /// Bring the session up to `mono`: begin a pending change, lead on, notice phases.
    pub fn advance(&mut self, mono: Duration) -> Advance {
        let t = self.active(mono);
        if let Some((at, pattern)) = self.pending.take() {
            if at <= t {
                self.current = pattern;
            } else {
                self.pending = Some((at, pattern));
            }
        }
        if let Some(lead) = &mut self.lead {
            let breaths = self.schedule.breaths_at(t);
            let mut next = None;
            while self.counted < breaths {
                self.counted += 1;
                next = lead.breath_done().or(next);
            }
            if let Some(p) = next {
                self.change(t, p);
            }
        }
        self.step_on(t);
        let pos = self.schedule.at(t);
        let phase = (pos.cycle, pos.phase);
        let changed = phase != self.last_phase;
        self.last_phase = phase;
        Advance {
            done: pos.done,
            phase_changed: changed && !pos.done,
        }
    }

    /// Finding your pace: a breath began by `t`; once its step is whole by that breath's
    /// end, the next rate begins there.
    fn step_on(&mut self, t: Duration) {
        let Some(steps) = &mut self.steps else { return };
        let breaths = self.schedule.breaths_at(t);
        if self.counted >= breaths {
            return;
        }
        self.counted = breaths;
        let ends = self.schedule.next_boundary(t);
        if let Some(k) = steps.breath_begins(t, ends) {
            let pattern = steps.pattern(k);
            self.change(t, pattern);
        }
    }

    fn change(&mut self, t: Duration, pattern: Pattern) {
        let at = self.schedule.change_at_next_breath(t, &pattern);
        self.pending = Some((at, pattern));
    }

    /// ← (−1, slower) or → (+1, quicker): from the next breath, within the safe bounds.
    pub fn pace(&mut self, mono: Duration, by: i8) {
        if self.steps.is_some() {
            return;
        }
        let slower = self.slower - i32::from(by);
        let candidate = self.base.scaled(PACE_STEP.powi(slower));
        if candidate.check().is_err() {
            self.note = Some(if by < 0 {
                RunNote::SlowestAlready
            } else {
                RunNote::QuickestAlready
            });
            return;
        }
        self.slower = slower;
        self.change(self.active(mono), candidate);
        self.note = Some(if by < 0 {
            RunNote::Slower
        } else {
            RunNote::Quicker
        });
    }

    /// Follow my breath: ↑ holds the current pace (or lets the lead go on).
    pub fn hold(&mut self) {
        if let Some(lead) = &mut self.lead {
            lead.toggle_hold();
            self.note = Some(if lead.holding {
                RunNote::Holding
            } else {
                RunNote::Leading
            });
        }
    }

    /// Follow my breath: ↓ goes back one step, from the next breath, and holds there.
    pub fn step_back(&mut self, mono: Duration) {
        let Some(lead) = &mut self.lead else { return };
        match lead.step_back() {
            Some(p) => {
                self.change(self.active(mono), p);
                self.note = Some(RunNote::SteppedBack);
            }
            None => self.note = Some(RunNote::AtTheStart),
        }
    }

    /// The session record as of `mono`: stopped early, or completed at the schedule's end.
    pub fn session(&self, plan: &Plan, mono: Duration, completed: bool) -> Session {
        let end = self.schedule.end();
        let t = if completed {
            end
        } else {
            self.active(mono).min(end)
        };
        Session {
            practice: "breathe".into(),
            practice_id: plan.pattern.id.clone(),
            planned_seconds: Some(plan.planned.as_secs_f64()),
            actual_seconds: Duration::from_millis(t.as_millis() as u64).as_secs_f64(),
            completed,
            breaths: Some(self.schedule.breaths_at(t)),
            start_rate: self.lead.as_ref().map(Lead::start_rate),
            reached_rate: self.lead.as_ref().map(Lead::rate),
            ..Session::default()
        }
    }

    /// How full the lungs are, 0 to 1, eased so the motion is gentle at both ends.
    pub fn fill(&self, pos: &Position) -> f64 {
        let (from, to) = self.segment(pos.phase);
        from + (to - from) * ease(pos.progress)
    }

    /// Where the fill starts and ends in a phase.
    fn segment(&self, phase: PhaseKind) -> (f64, f64) {
        let first = if self.top_up { SIGH_FIRST_FILL } else { 1.0 };
        match phase {
            PhaseKind::In => (0.0, first),
            PhaseKind::TopUp => (first, 1.0),
            PhaseKind::HoldIn => (1.0, 1.0),
            PhaseKind::Out => (1.0, 0.0),
            PhaseKind::HoldOut => (0.0, 0.0),
        }
    }

    /// The monotonic moment the picture next changes: a new fill level (of `levels`), a
    /// countdown's next whole second, or the next phase. None while paused.
    pub fn next_change(&self, mono: Duration, levels: u32) -> Option<Duration> {
        if self.paused() {
            return None;
        }
        let t = self.active(mono);
        let pos = self.schedule.at(t);
        if pos.done {
            return Some(mono);
        }
        let mut wait = pos.left_in_phase.min(to_next_second(pos.left_in_phase));
        if let Some(left) = self.time_left(t) {
            wait = wait.min(left).min(to_next_second(left));
        }
        if let Some(level) = self.to_next_level(&pos, levels) {
            wait = wait.min(level);
        }
        Some(self.clock.when(t + wait))
    }

    /// With reduced motion: the moment the steady countdown's words next change (its next
    /// number, or the next phase). The numbers are a second apart and the first of a phase
    /// stays at least a second, so this asks for at most one wake-up a second.
    pub fn next_steady_change(&self, mono: Duration) -> Option<Duration> {
        if self.paused() {
            return None;
        }
        let t = self.active(mono);
        let pos = self.schedule.at(t);
        if pos.done {
            return Some(mono);
        }
        let next = Duration::from_secs(steady_seconds(&pos) - 1);
        let wait = pos.left_in_phase.saturating_sub(next);
        Some(self.clock.when(t + wait + PAST_LEVEL))
    }

    /// Active time until the fill crosses into another of `levels` steps, if it will in
    /// this phase.
    fn to_next_level(&self, pos: &Position, levels: u32) -> Option<Duration> {
        let (from, to) = self.segment(pos.phase);
        if levels == 0 || from == to {
            return None;
        }
        let steps = f64::from(levels);
        let level = (self.fill(pos) * steps).floor();
        // Filling, the next level is one up; emptying, it is reached just below this one.
        let target = if to > from { level + 1.0 } else { level } / steps;
        let share = (target - from) / (to - from);
        if !(0.0..=1.0).contains(&share) {
            return None;
        }
        let at = pos.phase_len.mul_f64(unease(share)) + PAST_LEVEL;
        Some(at.saturating_sub(pos.into_phase).max(PAST_LEVEL))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::builtin_patterns;
    use crate::service::practice::plan;
    use chrono::{FixedOffset, TimeZone};

    fn run(id: &str) -> Run {
        let all = builtin_patterns();
        let plan = plan(&all, id, 1.0, false, 5).expect("plan");
        let wall = FixedOffset::east_opt(0)
            .and_then(|tz| tz.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).single())
            .expect("time");
        Run::new(&plan, None, Duration::ZERO, wall)
    }

    #[test]
    fn the_fill_rises_holds_and_falls_smoothly() {
        let r = run("box-4");
        let at = |s: f64| r.fill(&r.position(Duration::from_secs_f64(s)));
        assert_eq!(at(0.0), 0.0);
        assert!((at(2.0) - 0.5).abs() < 1e-9);
        assert!((at(5.0) - 1.0).abs() < 1e-9);
        assert!((at(10.0) - 0.5).abs() < 1e-9);
        assert_eq!(at(14.0), 0.0);
        let mut last = 0.0;
        for ms in (0..4000).step_by(10) {
            let f = at(f64::from(ms) / 1000.0);
            assert!(f >= last, "rises steadily");
            last = f;
        }
    }

    #[test]
    fn the_next_change_is_the_next_level_and_never_later_than_a_phase() {
        let r = run("exhale-4-6");
        // 96 levels over a 4 s in-breath: 1/96 of the way comes in under 0.1 s even at
        // the gentle start, and the middle ones faster still.
        let first = r.next_change(Duration::ZERO, 96).expect("animating");
        assert!(first > Duration::ZERO && first < Duration::from_millis(100));
        let mid = Duration::from_secs(2);
        let step = r.next_change(mid, 96).expect("animating") - mid;
        assert!(step < Duration::from_millis(40), "{step:?}");
        let f0 = r.fill(&r.position(mid));
        let f1 = r.fill(&r.position(mid + step));
        assert!((f1 * 96.0).floor() > (f0 * 96.0).floor());
        // With no fill levels, the countdown's whole seconds still come.
        let wait = r
            .next_change(Duration::from_millis(500), 0)
            .expect("animating");
        assert_eq!(wait, Duration::from_secs(1));
        assert_eq!(whole_seconds(Duration::from_millis(200)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(3)), 3);
    }
}
