//! The pacer's motion maths: the gentle ease of the fill and its inverse, and the whole
//! seconds a countdown shows. Pure.

use crate::domain::breathing::Position;
use crate::domain::turns;
use std::f64::consts::PI;
use std::time::Duration;

/// A gentle ease: half a sine ease, half steady, so the fill slows toward the turn of the
/// breath without ever quite stopping (the picture keeps changing at the ends too).
pub fn ease(progress: f64) -> f64 {
    let p = progress.clamp(0.0, 1.0);
    (p + (1.0 - cos_pi(p)) / 2.0) / 2.0
}

/// The progress at which `ease` reaches `share` (0 to 1), by a few Newton steps.
pub(super) fn unease(share: f64) -> f64 {
    let mut p = share.clamp(0.0, 1.0);
    for _ in 0..6 {
        let slope = (1.0 + PI / 2.0 * sin_pi(p)) / 2.0;
        p = (p - (ease(p) - share) / slope).clamp(0.0, 1.0);
    }
    p
}

/// cos(πp): exactly 1 and -1 at p = 0 and 1, so the fill starts and ends exactly empty
/// and full.
fn cos_pi(p: f64) -> f64 {
    turns::sin_cos(p / 2.0).1
}

/// sin(πp).
fn sin_pi(p: f64) -> f64 {
    turns::sin_cos(p / 2.0).0
}

/// Until a countdown shown in whole seconds (rounded up) shows the next number.
pub(super) fn to_next_second(left: Duration) -> Duration {
    let part = left.subsec_nanos();
    if part == 0 {
        Duration::from_secs(1)
    } else {
        Duration::from_nanos(u64::from(part))
    }
}

/// Whole seconds shown for a time left: rounded up, so 0.2 s left still reads 1.
pub fn whole_seconds(left: Duration) -> u64 {
    left.as_secs() + u64::from(left.subsec_nanos() > 0)
}

/// The steady countdown's number: whole seconds left in the phase, but never more than
/// the phase's whole seconds (a 5.5 s phase counts 5, 4, 3, 2, 1), and at least 1.
pub fn steady_seconds(pos: &Position) -> u64 {
    whole_seconds(pos.left_in_phase)
        .min(pos.phase_len.as_secs())
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unease_undoes_ease() {
        for i in 0..=100 {
            let p = f64::from(i) / 100.0;
            assert!((unease(ease(p)) - p).abs() < 1e-9, "{p}");
        }
    }
}
