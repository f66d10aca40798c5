//! One run through a routine: the current step, what was typed, counted, chosen or rated,
//! and the summary a session record keeps. Pure: time comes in as Durations from any
//! fixed origin.

use super::{Routine, Step};
use crate::domain::breathing::follow::Taps;
use std::time::Duration;

/// What happened in one step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepState {
    pub done: bool,
    pub skipped: bool,
    pub lines: Vec<String>,
    pub taps: Vec<Duration>,
    pub word: Option<String>,
    pub rating: Option<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    routine: Routine,
    /// The current step; equal to the number of steps once the routine is finished.
    index: usize,
    states: Vec<StepState>,
    /// When the current step began, for timed steps.
    entered: Duration,
}

/// What a session record keeps of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub steps_total: u32,
    pub steps_completed: u32,
    /// Lines typed, and words chosen, in order (stored only if the user keeps them).
    pub noticed: Vec<String>,
    pub rating: Option<u8>,
    pub exhale_count: Option<u32>,
    /// Breaths a minute, from the out-breath presses.
    pub exhale_rate: Option<f64>,
}

impl Run {
    pub fn new(routine: Routine, now: Duration) -> Run {
        let states = vec![StepState::default(); routine.steps.len()];
        Run {
            routine,
            index: 0,
            states,
            entered: now,
        }
    }

    pub fn routine(&self) -> &Routine {
        &self.routine
    }

    /// The zero-based step number.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn step(&self) -> Option<&Step> {
        self.routine.steps.get(self.index)
    }

    pub fn state(&self) -> Option<&StepState> {
        self.states.get(self.index)
    }

    pub fn finished(&self) -> bool {
        self.index >= self.routine.steps.len()
    }

    fn current(&mut self) -> Option<&mut StepState> {
        self.states.get_mut(self.index)
    }

    fn go(&mut self, to: usize, now: Duration) {
        self.index = to.min(self.routine.steps.len());
        self.entered = now;
    }

    /// This step is done; on to the next.
    pub fn next(&mut self, now: Duration) {
        if let Some(s) = self.current() {
            s.done = true;
            s.skipped = false;
        }
        self.go(self.index + 1, now);
    }

    /// Leave this step without doing it.
    pub fn skip(&mut self, now: Duration) {
        if let Some(s) = self.current()
            && !s.done
        {
            s.skipped = true;
        }
        self.go(self.index + 1, now);
    }

    /// Back one step; what was typed there is still there.
    pub fn back(&mut self, now: Duration) {
        self.go(self.index.saturating_sub(1), now);
    }

    /// Add a typed line to a typed step; blank lines are not added. True when added.
    pub fn add_line(&mut self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || !matches!(self.step(), Some(Step::Typed { .. })) {
            return false;
        }
        self.current().is_some_and(|s| {
            s.lines.push(line.to_string());
            true
        })
    }

    /// Take back the last typed line of this step.
    pub fn remove_last_line(&mut self) -> Option<String> {
        self.current().and_then(|s| s.lines.pop())
    }

    /// Whether a typed step has all the items it asked for.
    pub fn items_complete(&self) -> bool {
        match (self.step(), self.state()) {
            (Some(Step::Typed { items, .. }), Some(s)) => s.lines.len() >= *items as usize,
            _ => false,
        }
    }

    /// One out-breath on a counting step.
    pub fn tap(&mut self, now: Duration) {
        if matches!(self.step(), Some(Step::Count { .. }))
            && let Some(s) = self.current()
        {
            s.taps.push(now);
        }
    }

    /// The number to show on a counting step: 1 to the cycle and round again; 0 before
    /// the first press.
    pub fn count_shown(&self) -> u32 {
        match (self.step(), self.state()) {
            (Some(Step::Count { cycle, .. }), Some(s)) if !s.taps.is_empty() => {
                let n = u32::try_from(s.taps.len()).unwrap_or(u32::MAX);
                (n - 1) % (*cycle).max(1) + 1
            }
            _ => 0,
        }
    }

    pub fn choose(&mut self, word: &str) {
        if matches!(self.step(), Some(Step::Choose { .. }))
            && let Some(s) = self.current()
        {
            s.word = Some(word.trim().to_lowercase()).filter(|w| !w.is_empty());
        }
    }

    pub fn rate(&mut self, value: u8) {
        if matches!(self.step(), Some(Step::Rate { .. }))
            && let Some(s) = self.current()
        {
            s.rating = Some(value.min(10));
        }
    }

    /// How far through a timed step, 0.0 to 1.0; None on other steps.
    pub fn timed_progress(&self, now: Duration) -> Option<f64> {
        match self.step() {
            Some(Step::Timed { seconds, .. }) => {
                let gone = now.saturating_sub(self.entered).as_secs_f64();
                Some((gone / f64::from((*seconds).max(1))).min(1.0))
            }
            _ => None,
        }
    }

    /// When a timed step's time is up (for a deadline); None on other steps.
    pub fn timed_end(&self) -> Option<Duration> {
        match self.step() {
            Some(Step::Timed { seconds, .. }) => {
                Some(self.entered + Duration::from_secs(u64::from(*seconds)))
            }
            _ => None,
        }
    }

    pub fn summary(&self) -> Summary {
        let mut sum = Summary {
            steps_total: u32::try_from(self.states.len()).unwrap_or(u32::MAX),
            ..Summary::default()
        };
        for (step, state) in self.routine.steps.iter().zip(&self.states) {
            sum.steps_completed += u32::from(state.done);
            sum.noticed.extend(state.lines.iter().cloned());
            sum.noticed.extend(state.word.iter().cloned());
            sum.rating = state.rating.or(sum.rating);
            if let Step::Count { .. } = step
                && !state.taps.is_empty()
            {
                let mut taps = Taps::default();
                state.taps.iter().for_each(|t| taps.tap(*t));
                sum.exhale_count = Some(u32::try_from(state.taps.len()).unwrap_or(u32::MAX));
                sum.exhale_rate = taps.period_secs().map(|p| 60.0 / p);
            }
        }
        sum
    }
}
