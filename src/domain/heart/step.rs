//! Whether the heart is in step with the breath: how much of the heart rate's variation
//! over a few breaths follows one wave at the breathing pace.

use crate::domain::turns;

/// The share of the heart rate's variance (0-1) explained by one sine wave of `period`
/// seconds, fitted by least squares to the beats at `times` (s). None with fewer than
/// eight beats or no variation at all.
pub fn share_at(rr: &[f64], times: &[f64], period: f64) -> Option<f64> {
    if rr.len() < 8 || rr.len() != times.len() || !(period.is_finite() && period > 0.0) {
        return None;
    }
    let hr: Vec<f64> = rr.iter().map(|r| 60_000.0 / r).collect();
    let n = hr.len() as f64;
    let mean = hr.iter().sum::<f64>() / n;
    // The normal equations of hr - mean ≈ a sin + b cos (the mean taken out first).
    let (mut ss, mut cc, mut sc, mut ys, mut yc, mut yy) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for (h, t) in hr.iter().zip(times) {
        let ((s, c), y) = (turns::sin_cos(t / period), h - mean);
        (ss, cc, sc) = (ss + s * s, cc + c * c, sc + s * c);
        (ys, yc, yy) = (ys + y * s, yc + y * c, yy + y * y);
    }
    let det = ss * cc - sc * sc;
    if yy <= f64::EPSILON || det.abs() <= f64::EPSILON {
        return None;
    }
    let a = (ys * cc - yc * sc) / det;
    let b = (yc * ss - ys * sc) / det;
    Some(((a * ys + b * yc) / yy).clamp(0.0, 1.0))
}

/// In step: at least half of the variation follows the breath.
pub const IN_STEP_SHARE: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::heart::metrics::beat_times;
    use std::f64::consts::TAU;

    fn series(period: f64, depth: f64, seconds: f64, noise: impl Fn(usize) -> f64) -> Vec<f64> {
        let (mut t, mut rr, mut k) = (0.0, Vec::new(), 0);
        while t < seconds {
            let r = 1000.0 + depth * (TAU * t / period).sin() + noise(k);
            rr.push(r);
            t += r / 1000.0;
            k += 1;
        }
        rr
    }

    #[test]
    fn a_heart_that_follows_the_breath_is_in_step_and_one_that_does_not_is_not() {
        let rr = series(10.0, 60.0, 30.0, |_| 0.0);
        let share = share_at(&rr, &beat_times(&rr), 10.0).unwrap();
        assert!(share > 0.9, "{share}");
        // The same heart against a pacer twice as slow follows it far less.
        let off = share_at(&rr, &beat_times(&rr), 20.0).unwrap();
        assert!(off < IN_STEP_SHARE, "{off}");
        // Beat-to-beat jitter with no wave in it: nothing follows the breath.
        let jitter = series(10.0, 0.0, 30.0, |k| if k % 2 == 0 { 25.0 } else { -25.0 });
        let none = share_at(&jitter, &beat_times(&jitter), 10.0).unwrap();
        assert!(none < 0.2, "{none}");
    }

    #[test]
    fn too_few_beats_or_a_flat_heart_say_nothing() {
        assert_eq!(share_at(&[1000.0; 5], &beat_times(&[1000.0; 5]), 10.0), None);
        assert_eq!(share_at(&[1000.0; 20], &beat_times(&[1000.0; 20]), 10.0), None);
    }
}
