//! Breathing patterns: their phases, and the safe bounds every pattern must keep.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::time::Duration;

/// A phase of one breath.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    In,
    /// The short second sip of air in a cyclic sigh.
    TopUp,
    HoldIn,
    Out,
    HoldOut,
}

impl PhaseKind {
    /// Whether the lungs fill (true), empty (false), or stay (None) in this phase.
    pub fn filling(self) -> Option<bool> {
        match self {
            PhaseKind::In | PhaseKind::TopUp => Some(true),
            PhaseKind::Out => Some(false),
            PhaseKind::HoldIn | PhaseKind::HoldOut => None,
        }
    }

    pub fn is_hold(self) -> bool {
        self.filling().is_none()
    }
}

/// A pattern as written in assets/patterns.json or a user's patterns file (seconds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub about: String,
    #[serde(rename = "in")]
    pub inhale: f64,
    #[serde(default)]
    pub top_up: f64,
    #[serde(default)]
    pub hold_in: f64,
    #[serde(rename = "out")]
    pub exhale: f64,
    #[serde(default)]
    pub hold_out: f64,
    /// Most cycles in one session while the pattern is new to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_user_cycles: Option<u32>,
}

/// The safe bounds (CONTENT.md), in seconds and breaths a minute.
pub const IN_SECS: (f64, f64) = (2.0, 7.0);
pub const OUT_SECS: (f64, f64) = (2.0, 12.0);
pub const HOLD_SECS: (f64, f64) = (0.0, 7.0);
pub const RATE_PER_MIN: (f64, f64) = (3.0, 10.0);

/// A value outside the safe bounds, named so the user can fix it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("pattern \"{pattern}\": {what} is {value}, outside the safe range {min}-{max} {unit}")]
pub struct OutOfBounds {
    pub pattern: String,
    pub what: &'static str,
    pub value: Rounded,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

/// A number shown to at most two decimals, for messages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rounded(pub f64);

impl fmt::Display for Rounded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = (self.0 * 100.0).round() / 100.0;
        write!(f, "{r}")
    }
}

impl Pattern {
    /// The phases of one breath, in order, leaving out those of zero length.
    pub fn phases(&self) -> Vec<(PhaseKind, Duration)> {
        [
            (PhaseKind::In, self.inhale),
            (PhaseKind::TopUp, self.top_up),
            (PhaseKind::HoldIn, self.hold_in),
            (PhaseKind::Out, self.exhale),
            (PhaseKind::HoldOut, self.hold_out),
        ]
        .into_iter()
        .map(|(k, s)| (k, secs(s)))
        .filter(|(_, d)| !d.is_zero())
        .collect()
    }

    pub fn cycle_secs(&self) -> f64 {
        self.inhale + self.top_up + self.hold_in + self.exhale + self.hold_out
    }

    pub fn breaths_per_minute(&self) -> f64 {
        60.0 / self.cycle_secs()
    }

    pub fn has_holds(&self) -> bool {
        self.hold_in > 0.0 || self.hold_out > 0.0
    }

    /// Check every value against the safe bounds; the first one outside is named.
    pub fn check(&self) -> Result<(), OutOfBounds> {
        let out = |what, value: f64, (min, max): (f64, f64), unit| {
            let inside = value.is_finite() && value >= min - 1e-9 && value <= max + 1e-9;
            (!inside).then(|| OutOfBounds {
                pattern: self.id.clone(),
                what,
                value: Rounded(value),
                min,
                max,
                unit,
            })
        };
        let checks = [
            out("the in-breath", self.inhale + self.top_up, IN_SECS, "seconds"),
            out("the top-up", self.top_up, (0.0, self.inhale.max(0.0)), "seconds"),
            out("the hold after breathing in", self.hold_in, HOLD_SECS, "seconds"),
            out("the out-breath", self.exhale, OUT_SECS, "seconds"),
            out("the hold after breathing out", self.hold_out, HOLD_SECS, "seconds"),
            out("the pace", self.breaths_per_minute(), RATE_PER_MIN, "breaths a minute"),
        ];
        checks.into_iter().flatten().next().map_or(Ok(()), Err)
    }

    /// The same pattern with every phase stretched by `factor` (over 1 is slower).
    pub fn scaled(&self, factor: f64) -> Pattern {
        Pattern {
            inhale: round_ms(self.inhale * factor),
            top_up: round_ms(self.top_up * factor),
            hold_in: round_ms(self.hold_in * factor),
            exhale: round_ms(self.exhale * factor),
            hold_out: round_ms(self.hold_out * factor),
            ..self.clone()
        }
    }
}

/// Seconds to a Duration, to the millisecond, so every schedule is exact integer time.
pub fn secs(s: f64) -> Duration {
    Duration::from_millis((s.max(0.0) * 1000.0).round() as u64)
}

/// Round seconds to whole milliseconds.
pub fn round_ms(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(inhale: f64, hold_in: f64, exhale: f64, hold_out: f64) -> Pattern {
        Pattern {
            id: "mine".into(),
            name: "Mine".into(),
            about: String::new(),
            inhale,
            top_up: 0.0,
            hold_in,
            exhale,
            hold_out,
            new_user_cycles: None,
        }
    }

    #[test]
    fn bounds_name_the_pattern_and_the_value() {
        assert_eq!(p(4.0, 0.0, 6.0, 0.0).check(), Ok(()));
        let e = p(1.5, 0.0, 6.0, 0.0).check().unwrap_err();
        assert_eq!(
            e.to_string(),
            "pattern \"mine\": the in-breath is 1.5, outside the safe range 2-7 seconds"
        );
        assert_eq!(p(4.0, 0.0, 13.0, 0.0).check().unwrap_err().what, "the out-breath");
        assert_eq!(p(4.0, 8.0, 6.0, 0.0).check().unwrap_err().what, "the hold after breathing in");
        // 2 in + 2 out is 15 breaths a minute: too fast.
        let fast = p(2.0, 0.0, 2.0, 0.0).check().unwrap_err();
        assert_eq!(fast.what, "the pace");
        assert_eq!(fast.value, Rounded(15.0));
        // 7 + 7 + 12 + 7 = 33 s is under 2 breaths a minute: too slow.
        assert_eq!(p(7.0, 7.0, 12.0, 7.0).check().unwrap_err().what, "the pace");
        assert!(p(f64::NAN, 0.0, 6.0, 0.0).check().is_err());
    }

    #[test]
    fn phases_skip_empty_ones_and_keep_order() {
        let kinds: Vec<_> = p(4.0, 0.0, 6.0, 2.0)
            .phases()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(kinds, vec![PhaseKind::In, PhaseKind::Out, PhaseKind::HoldOut]);
        assert_eq!(secs(5.45), Duration::from_millis(5450));
    }
}
