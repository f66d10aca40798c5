//! The spectrum of an uneven RR series by Lomb-Scargle (no resampling needed), and what
//! attune reads from it: low-frequency power and a coherence ratio.

use crate::domain::turns;

/// Bands, in Hz: the whole spectrum looked at, low frequency, and where a breathing
/// peak is sought (CONTENT.md, after McCraty).
pub const TOTAL_BAND: (f64, f64) = (0.0033, 0.4);
pub const LF_BAND: (f64, f64) = (0.04, 0.15);
pub const PEAK_BAND: (f64, f64) = (0.04, 0.26);
/// Half the width of the peak counted as "in the peak".
pub const PEAK_HALF_WIDTH: f64 = 0.015;
/// A spectrum needs at least this long a series, in seconds, and is not made past an hour:
/// short-term measures mean little over hours, and the cost grows with every beat.
pub const MIN_SECONDS: f64 = 120.0;
pub const MAX_SECONDS: f64 = 3600.0;
/// The frequency grid's step and top (Hz); the top is past every band used.
const STEP: f64 = 0.001;
const TOP: f64 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spectrum {
    /// Power in the low-frequency band, ms².
    pub lf_power: f64,
    /// Where the tallest peak between 0.04 and 0.26 Hz sits.
    pub peak_hz: f64,
    /// Power within ±0.015 Hz of that peak over all the rest (0.0033-0.4 Hz).
    pub coherence: f64,
}

/// The classic Lomb-Scargle periodogram of `y` (mean removed) at times `t` (s), one value
/// per frequency in `freqs` (Hz).
pub fn lomb_scargle(t: &[f64], y: &[f64], freqs: &[f64]) -> Vec<f64> {
    let mean = y.iter().sum::<f64>() / y.len().max(1) as f64;
    let mut waves = Vec::with_capacity(t.len());
    freqs
        .iter()
        .map(|f| {
            waves.clear();
            waves.extend(t.iter().map(|ti| turns::sin_cos(f * ti)));
            let (sn, cs) = shift(&waves);
            let (mut yc, mut ys, mut cc, mut ss) = (0.0, 0.0, 0.0, 0.0);
            for ((s, c), yi) in waves.iter().zip(y) {
                // The wave at ti - tau, by the angle-difference rule.
                let (s, c) = (s * cs - c * sn, c * cs + s * sn);
                let v = yi - mean;
                yc += v * c;
                ys += v * s;
                cc += c * c;
                ss += s * s;
            }
            let part = |num: f64, den: f64| if den > 0.0 { num * num / den } else { 0.0 };
            0.5 * (part(yc, cc) + part(ys, ss))
        })
        .collect()
}

/// (sin, cos) of ω·tau, the periodogram's time shift: tan(2ω·tau) = Σ sin 2ωt / Σ cos 2ωt,
/// with 2ω·tau in (-π, π]. Found from the sums by the half-angle rule, with no arctangent,
/// from each beat's (sin, cos) of ωt.
fn shift(waves: &[(f64, f64)]) -> (f64, f64) {
    let (s2, c2) = waves
        .iter()
        .fold((0.0, 0.0), |(s2, c2), (s, c)| (s2 + 2.0 * s * c, c2 + c * c - s * s));
    let r = (s2 * s2 + c2 * c2).sqrt();
    if r == 0.0 {
        return (0.0, 1.0);
    }
    let cos2 = c2 / r;
    let cos = ((1.0 + cos2) / 2.0).max(0.0).sqrt();
    let sin = ((1.0 - cos2) / 2.0).max(0.0).sqrt();
    (sin.copysign(s2), cos)
}

/// The spectrum of intervals `rr` (ms) at beat times `t` (s), when the series is long
/// enough. Scaled so the power over the grid adds up to the series' variance (ms²).
pub fn analyse(t: &[f64], rr: &[f64]) -> Option<Spectrum> {
    analyse_from(t, rr, MIN_SECONDS)
}

/// The same for a series of at least `least` seconds: a step of finding a pace, which
/// only compares peaks at its own rate, is read from 90 s.
pub fn analyse_from(t: &[f64], rr: &[f64], least: f64) -> Option<Spectrum> {
    let span = t.last()? - t.first()?;
    if !(least..=MAX_SECONDS).contains(&span) || rr.len() < 3 {
        return None;
    }
    let steps = (TOP / STEP).round() as usize;
    let freqs: Vec<f64> = (1..=steps).map(|k| k as f64 * STEP).collect();
    let raw = lomb_scargle(t, rr, &freqs);
    let mean = rr.iter().sum::<f64>() / rr.len() as f64;
    let variance = rr.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / rr.len() as f64;
    let sum: f64 = raw.iter().sum::<f64>() * STEP;
    if sum <= 0.0 || !sum.is_finite() {
        return None;
    }
    let psd: Vec<f64> = raw.iter().map(|p| p * variance / sum).collect();
    let band = |lo: f64, hi: f64| -> f64 {
        freqs
            .iter()
            .zip(&psd)
            .filter(|(f, _)| **f >= lo - 1e-12 && **f <= hi + 1e-12)
            .map(|(_, p)| p * STEP)
            .sum()
    };
    let (peak_hz, _) = freqs
        .iter()
        .zip(&psd)
        .filter(|(f, _)| **f >= PEAK_BAND.0 && **f <= PEAK_BAND.1 + 1e-12)
        .max_by(|a, b| a.1.total_cmp(b.1))?;
    let peak = band(peak_hz - PEAK_HALF_WIDTH, peak_hz + PEAK_HALF_WIDTH);
    let rest = band(TOTAL_BAND.0, TOTAL_BAND.1) - peak;
    Some(Spectrum {
        lf_power: band(LF_BAND.0, LF_BAND.1),
        peak_hz: *peak_hz,
        coherence: if rest > 0.0 { peak / rest } else { 0.0 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sine_shows_its_own_frequency() {
        let t: Vec<f64> = (0..200)
            .map(|k| f64::from(k) * 0.9 + 0.05 * f64::from(k % 3))
            .collect();
        let y: Vec<f64> = t
            .iter()
            .map(|ti| (std::f64::consts::TAU * 0.2 * ti).sin())
            .collect();
        let freqs: Vec<f64> = (1..=50).map(|k| f64::from(k) * 0.01).collect();
        let p = lomb_scargle(&t, &y, &freqs);
        let best = p
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| freqs[i])
            .unwrap();
        assert!((best - 0.2).abs() < 1e-9);
        // For a unit sine, the peak of the classic periodogram is about N/4.
        let top = p.iter().cloned().fold(0.0, f64::max);
        assert!((top / 50.0 - 1.0).abs() < 0.1, "{top}");
    }

    #[test]
    fn a_short_series_has_no_spectrum() {
        let t: Vec<f64> = (0..100).map(f64::from).collect();
        assert_eq!(analyse(&t, &vec![1000.0; 100]), None);
    }

    #[test]
    fn a_series_past_an_hour_has_no_spectrum() {
        let t: Vec<f64> = (0..4000).map(f64::from).collect();
        let rr: Vec<f64> = t.iter().map(|x| 1000.0 + 30.0 * (0.6 * x).sin()).collect();
        assert_eq!(analyse(&t, &rr), None);
        assert!(analyse(&t[..3000], &rr[..3000]).is_some());
    }

    #[test]
    fn a_flat_series_has_no_spectrum() {
        let t: Vec<f64> = (0..200).map(f64::from).collect();
        assert_eq!(analyse(&t, &vec![1000.0; 200]), None);
    }
}
