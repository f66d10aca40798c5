//! Follow my breath: measure the user's own rhythm from taps on each exhale, start the
//! pacer there, then lead it slowly toward the chosen pattern, lengthening mainly the
//! exhale, a little every couple of breaths and never beyond the safe bounds.

use super::pattern::{IN_SECS, OUT_SECS, Pattern, RATE_PER_MIN, round_ms};
use std::time::Duration;

/// Taps needed before a rhythm counts: three whole breaths.
pub const MIN_BREATHS: usize = 3;
/// The listening ends by itself after this many breaths…
pub const ENOUGH_BREATHS: usize = 5;
/// …or after this long.
pub const MAX_LISTEN: Duration = Duration::from_secs(60);
/// Gaps between taps outside this range are a double tap or a pause, not a breath.
const BREATH_GAP_SECS: (f64, f64) = (1.5, 20.0);
/// The most the length of a breath may change from one breath to the next (CONTENT.md).
pub const MAX_STEP_SECS: f64 = 0.5;
/// Lead one step every this many breaths.
pub const BREATHS_PER_STEP: u32 = 2;
/// Never lead slower than 4.5 breaths a minute (CONTENT.md).
pub const SLOWEST_PER_MIN: f64 = 4.5;

/// The exhale taps heard so far, as active times.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taps {
    times: Vec<Duration>,
}

impl Taps {
    pub fn tap(&mut self, at: Duration) {
        self.times.push(at);
    }

    fn gaps(&self) -> Vec<f64> {
        self.times
            .windows(2)
            .map(|w| (w[1].saturating_sub(w[0])).as_secs_f64())
            .filter(|g| (BREATH_GAP_SECS.0..=BREATH_GAP_SECS.1).contains(g))
            .collect()
    }

    /// Taps heard, breaths or not.
    pub fn taps(&self) -> usize {
        self.times.len()
    }

    /// A tap at `at` would come too soon after the last to be a breath: a double tap.
    pub fn too_soon(&self, at: Duration) -> bool {
        self.times
            .last()
            .is_some_and(|last| at.saturating_sub(*last).as_secs_f64() < BREATH_GAP_SECS.0)
    }

    /// Enough breaths heard to start from them.
    pub fn enough_to_start(&self) -> bool {
        self.breaths() >= MIN_BREATHS
    }

    /// Whole breaths measured (gaps between taps that look like breaths).
    pub fn breaths(&self) -> usize {
        self.gaps().len()
    }

    /// The typical breath length: the median gap, so one odd tap does not skew it.
    pub fn period_secs(&self) -> Option<f64> {
        let mut g = self.gaps();
        if g.len() < MIN_BREATHS {
            return None;
        }
        g.sort_by(f64::total_cmp);
        let mid = g.len() / 2;
        Some(if g.len().is_multiple_of(2) {
            (g[mid - 1] + g[mid]) / 2.0
        } else {
            g[mid]
        })
    }

    /// The pace heard, in breaths a minute, once there are enough breaths to tell.
    pub fn heard_rate(&self) -> Option<f64> {
        self.period_secs().map(|p| 60.0 / p)
    }

    /// Listening is over: enough breaths, or the time is up.
    pub fn finished(&self, now: Duration) -> bool {
        let listened = self
            .times
            .first()
            .map_or(now, |first| now.saturating_sub(*first));
        self.breaths() >= ENOUGH_BREATHS || listened >= MAX_LISTEN
    }
}

/// The pace being led: the current in and out lengths, moving toward the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    target: Pattern,
    inhale: f64,
    exhale: f64,
    /// Earlier (in, out) steps, for stepping back.
    history: Vec<(f64, f64)>,
    pub holding: bool,
    breaths_since_step: u32,
    start_rate: f64,
}

fn slowest_cycle() -> f64 {
    60.0 / SLOWEST_PER_MIN
}

fn fastest_cycle() -> f64 {
    60.0 / RATE_PER_MIN.1
}

impl Lead {
    /// Start at the measured breath length (or, with none, the quickest safe pace), kept
    /// within the bounds. `target` must have no holds; its pace is the goal.
    pub fn start(period_secs: Option<f64>, target: &Pattern) -> Lead {
        let goal = (target.inhale + target.top_up + target.exhale).min(slowest_cycle());
        let cycle = period_secs
            .unwrap_or(fastest_cycle())
            .clamp(fastest_cycle(), goal.max(fastest_cycle()));
        // Natural breathing is close to even; start a little in-heavy of the target.
        let inhale = (cycle * 0.45).clamp(IN_SECS.0, IN_SECS.1);
        let exhale = (cycle - inhale).clamp(OUT_SECS.0, OUT_SECS.1);
        let lead = Lead {
            target: target.clone(),
            inhale: round_ms(inhale),
            exhale: round_ms(exhale),
            history: Vec::new(),
            holding: false,
            breaths_since_step: 0,
            start_rate: 0.0,
        };
        Lead {
            start_rate: lead.rate(),
            ..lead
        }
    }

    /// The pattern to breathe now.
    pub fn pattern(&self) -> Pattern {
        Pattern {
            inhale: self.inhale,
            top_up: 0.0,
            hold_in: 0.0,
            exhale: self.exhale,
            hold_out: 0.0,
            new_user_cycles: None,
            ..self.target.clone()
        }
    }

    pub fn rate(&self) -> f64 {
        60.0 / (self.inhale + self.exhale)
    }

    pub fn start_rate(&self) -> f64 {
        self.start_rate
    }

    /// The goal in and out, with the exhale shortened if needed to keep the slowest pace.
    fn goal(&self) -> (f64, f64) {
        let inhale = self.target.inhale + self.target.top_up;
        let exhale = self.target.exhale.min(slowest_cycle() - inhale);
        (inhale, exhale)
    }

    pub fn reached_goal(&self) -> bool {
        let (i, e) = self.goal();
        (self.inhale - i).abs() < 1e-6 && (self.exhale - e).abs() < 1e-6
    }

    /// Call once per completed breath; every couple of breaths (unless holding) returns
    /// the next, slightly longer pattern to start at the next breath.
    pub fn breath_done(&mut self) -> Option<Pattern> {
        self.breaths_since_step += 1;
        if self.holding || self.breaths_since_step < BREATHS_PER_STEP || self.reached_goal() {
            return None;
        }
        self.breaths_since_step = 0;
        let (gi, ge) = self.goal();
        // The exhale moves first; the inhale gets whatever of the step is left.
        let d_out = (ge - self.exhale).clamp(-MAX_STEP_SECS, MAX_STEP_SECS);
        let left = MAX_STEP_SECS - d_out.abs();
        let d_in = (gi - self.inhale).clamp(-left, left);
        self.history.push((self.inhale, self.exhale));
        self.inhale = round_ms((self.inhale + d_in).clamp(IN_SECS.0, IN_SECS.1));
        self.exhale = round_ms((self.exhale + d_out).clamp(OUT_SECS.0, OUT_SECS.1));
        Some(self.pattern())
    }

    /// Hold the current pace, or let the lead go on.
    pub fn toggle_hold(&mut self) {
        self.holding = !self.holding;
        self.breaths_since_step = 0;
    }

    /// Go back one step and hold there; None when already at the start.
    pub fn step_back(&mut self) -> Option<Pattern> {
        let (inhale, exhale) = self.history.pop()?;
        self.inhale = inhale;
        self.exhale = exhale;
        self.holding = true;
        self.breaths_since_step = 0;
        Some(self.pattern())
    }
}
