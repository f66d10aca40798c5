//! Finding your own pace, pure: the stepped resonance protocol (6.5 down to 4.5 breaths a
//! minute, a few minutes each) and how each step is scored from the heart beside it. The
//! best rate is the one the heart swings with most, steadily and in step.

use super::clean::clean;
use super::metrics::{beat_times, swing_over};
use super::spectrum::{PEAK_HALF_WIDTH, analyse_from};
use super::step::{IN_STEP_SHARE, share_at};
use crate::domain::breathing::Pattern;
use std::time::Duration;

/// The rates breathed in turn, breaths a minute (Lehrer, Vaschillo & Vaschillo 2000).
pub const RATES: [f64; 5] = [6.5, 6.0, 5.5, 5.0, 4.5];

/// How long each step lasts by default, and the bounds a person may choose.
pub const STEP_MINUTES: f64 = 2.0;
pub const STEP_MINUTES_RANGE: (f64, f64) = (0.25, 5.0);

/// A step's spectrum is read from this many seconds of beats (a whole spectrum needs 120).
pub const STEP_SPECTRUM_SECONDS: f64 = 90.0;

/// The steps of one run: which rate is breathed now, and when each began.
#[derive(Clone, Debug, PartialEq)]
pub struct Steps {
    base: Pattern,
    step: Duration,
    starts: Vec<Duration>,
}

impl Steps {
    /// Steps of `step` each, keeping the shape (in to out) of `base` at every rate.
    pub fn new(base: &Pattern, step: Duration) -> Steps {
        Steps {
            base: base.clone(),
            step,
            starts: vec![Duration::ZERO],
        }
    }

    /// The pattern of step `k` (0-based): `base` stretched to that rate.
    pub fn pattern(&self, k: usize) -> Pattern {
        let rate = RATES[k.min(RATES.len() - 1)];
        let mut p = self.base.scaled(60.0 / rate / self.base.cycle_secs());
        p.new_user_cycles = None;
        p
    }

    /// How long step `k` lasts: whole breaths, at least two, covering its time.
    pub fn length(&self, k: usize) -> Duration {
        let cycle = crate::domain::breathing::pattern::secs(self.pattern(k).cycle_secs());
        let breaths = self
            .step
            .as_nanos()
            .div_ceil(cycle.as_nanos().max(1))
            .max(2);
        cycle * u32::try_from(breaths).unwrap_or(u32::MAX)
    }

    /// How many breaths the whole run breathes.
    pub fn breaths(&self) -> u64 {
        (0..RATES.len())
            .map(|k| {
                let cycle = crate::domain::breathing::pattern::secs(self.pattern(k).cycle_secs());
                (self.length(k).as_nanos() / cycle.as_nanos().max(1)) as u64
            })
            .sum()
    }

    /// The whole run's planned length.
    pub fn planned(&self) -> Duration {
        (0..RATES.len()).map(|k| self.length(k)).sum()
    }

    /// The step breathed now (0-based).
    pub fn current(&self) -> usize {
        self.starts.len() - 1
    }

    /// A breath begins at `at` and ends at `ends`: when the step now breathed is whole by
    /// then, the next step's index, so its pattern starts at `ends` (a breath is never cut).
    pub fn breath_begins(&mut self, at: Duration, ends: Duration) -> Option<usize> {
        let k = self.current();
        let whole = self.starts[k] + self.length(k);
        if k + 1 >= RATES.len() || ends < whole || at >= ends {
            return None;
        }
        self.starts.push(ends);
        Some(k + 1)
    }

    /// Each step's window, from its start to the next's (the last to `end`).
    pub fn windows(&self, end: Duration) -> Vec<(f64, Duration, Duration)> {
        (0..self.starts.len())
            .map(|k| {
                let to = self.starts.get(k + 1).copied().unwrap_or(end);
                (RATES[k], self.starts[k], to)
            })
            .collect()
    }
}

/// What one step's beats say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub rate: f64,
    /// Peak minus trough of the heart rate per breath, averaged (bpm).
    pub swing: f64,
    /// Low-frequency power (ms²), from two minutes of beats.
    pub lf_power: Option<f64>,
    /// The heart's main wave sits at the paced rate.
    pub in_step: bool,
    pub points: u32,
}

/// Score one step from its raw intervals: None with too few beats for one whole breath.
pub fn score_step(rate: f64, raw: &[f64]) -> Option<Score> {
    let rr = clean(raw).rr_ms;
    let times = beat_times(&rr);
    let period = 60.0 / rate;
    let swing = swing_over(&rr, &times, period, 1)?;
    let spectrum = analyse_from(&times, &rr, STEP_SPECTRUM_SECONDS);
    let in_step = match spectrum {
        Some(s) => (s.peak_hz - rate / 60.0).abs() <= PEAK_HALF_WIDTH,
        None => share_at(&rr, &times, period).is_some_and(|s| s >= IN_STEP_SHARE),
    };
    Some(Score {
        rate,
        swing,
        lf_power: spectrum.map(|s| s.lf_power),
        in_step,
        points: 0,
    })
}

/// Points for each step: its rank by swing, its rank by low-frequency power (when every
/// step has one), and two for a heart in step. Best first; ties go to the larger swing.
pub fn rank(mut scores: Vec<Score>) -> Vec<Score> {
    let n = scores.len() as u32;
    let by = |scores: &mut Vec<Score>, key: fn(&Score) -> f64| {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|a, b| key(&scores[*a]).total_cmp(&key(&scores[*b])));
        for (place, k) in order.into_iter().enumerate() {
            scores[k].points += place as u32 + 1;
        }
    };
    by(&mut scores, |s| s.swing);
    if scores.iter().all(|s| s.lf_power.is_some()) {
        by(&mut scores, |s| s.lf_power.unwrap_or(0.0));
    }
    for s in &mut scores {
        s.points += if s.in_step { 2 } else { 0 };
    }
    scores.sort_by(|a, b| b.points.cmp(&a.points).then(b.swing.total_cmp(&a.swing)));
    debug_assert!(scores.iter().all(|s| s.points <= 2 * n + 2));
    scores
}

#[cfg(test)]
mod tests;
