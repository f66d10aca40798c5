//! The numbers a cleaned RR series gives, for a whole reading and minute by minute: mean
//! heart rate, RMSSD, SDNN, the heart-rate swing per breath, and (from two minutes on)
//! low-frequency power and coherence.

use super::clean::{Cleaned, clean};
use super::spectrum::{Spectrum, analyse};

/// A reading needs at least this many beats after cleaning to say anything.
pub const MIN_BEATS: usize = 10;

/// The numbers of one stretch of beats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Basic {
    pub beats: usize,
    pub mean_hr: f64,
    pub rmssd_ms: f64,
    pub sdnn_ms: f64,
}

/// Everything attune reads from one series.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub seconds: f64,
    pub basic: Basic,
    pub cleaned: Cleaned,
    /// Peak minus trough of the heart rate within a breath (bpm), averaged over breaths,
    /// with the breath length it was measured over (s).
    pub swing: Option<(f64, f64)>,
    pub spectrum: Option<Spectrum>,
    /// Each whole minute from the start.
    pub minutes: Vec<Basic>,
}

/// Mean heart rate (from the mean interval), RMSSD and SDNN of `rr` (ms); None when
/// there are fewer than two intervals.
pub fn basic(rr: &[f64]) -> Option<Basic> {
    if rr.len() < 2 {
        return None;
    }
    let n = rr.len() as f64;
    let mean = rr.iter().sum::<f64>() / n;
    let ssd = rr.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum::<f64>();
    let var = rr.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    Some(Basic {
        beats: rr.len(),
        mean_hr: 60_000.0 / mean,
        rmssd_ms: (ssd / (n - 1.0)).sqrt(),
        sdnn_ms: var.sqrt(),
    })
}

/// Each beat's time in seconds from the start of the series (the end of its interval).
pub fn beat_times(rr: &[f64]) -> Vec<f64> {
    rr.iter()
        .scan(0.0, |t, r| {
            *t += r / 1000.0;
            Some(*t)
        })
        .collect()
}

/// The heart-rate swing per breath: for each whole breath of `period` seconds from the
/// first beat, the highest rate minus the lowest, averaged. None without two whole breaths.
pub fn swing(rr: &[f64], times: &[f64], period: f64) -> Option<f64> {
    swing_over(rr, times, period, 2)
}

/// The same, from `least` whole breaths on (a short step of finding a pace may hold one).
pub fn swing_over(rr: &[f64], times: &[f64], period: f64, least: usize) -> Option<f64> {
    let start = *times.first()?;
    if !(period.is_finite() && period > 0.0) {
        return None;
    }
    let breaths = ((times.last()? - start) / period).floor() as usize;
    let mut swings = Vec::with_capacity(breaths);
    let mut k = 0;
    for b in 0..breaths {
        let end = start + (b + 1) as f64 * period;
        let (mut lo, mut hi, mut seen) = (f64::MAX, f64::MIN, 0);
        while k < rr.len() && times[k] < end {
            let hr = 60_000.0 / rr[k];
            (lo, hi, seen) = (lo.min(hr), hi.max(hr), seen + 1);
            k += 1;
        }
        if seen >= 2 {
            swings.push(hi - lo);
        }
    }
    (swings.len() >= least.max(1)).then(|| swings.iter().sum::<f64>() / swings.len() as f64)
}

/// Each whole minute's numbers, from the series' start.
pub fn per_minute(rr: &[f64], times: &[f64]) -> Vec<Basic> {
    let Some(start) = times.first().map(|t| t - rr[0] / 1000.0) else {
        return Vec::new();
    };
    let whole = ((times[times.len() - 1] - start) / 60.0).floor() as usize;
    let mut out = Vec::with_capacity(whole);
    let mut k = 0;
    for m in 0..whole {
        let end = start + (m + 1) as f64 * 60.0;
        let from = k;
        while k < rr.len() && times[k] <= end {
            k += 1;
        }
        if let Some(b) = basic(&rr[from..k]) {
            out.push(b);
        }
    }
    out
}

/// Clean `raw` and read it: None when too few beats are left. The swing is measured over
/// `breath` seconds when the pace is known (a practice), else over the spectral peak's.
pub fn summarise(raw: &[f64], breath: Option<f64>) -> Option<Summary> {
    let cleaned = clean(raw);
    let rr = &cleaned.rr_ms;
    if rr.len() < MIN_BEATS {
        return None;
    }
    let times = beat_times(rr);
    let spectrum = analyse(&times, rr);
    let period = breath.or(spectrum.map(|s| 1.0 / s.peak_hz));
    let swing = period.and_then(|p| swing(rr, &times, p).map(|s| (s, p)));
    Some(Summary {
        seconds: rr.iter().sum::<f64>() / 1000.0,
        basic: basic(rr)?,
        swing,
        spectrum,
        minutes: per_minute(rr, &times),
        cleaned,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn hand_computed_numbers() {
        // Differences 10, -20, 10: RMSSD sqrt(600/3); deviations 0, 10, -10, 0: SDNN
        // sqrt(200/3); mean interval 800 ms is 75 a minute.
        let b = basic(&[800.0, 810.0, 790.0, 800.0]).unwrap();
        assert!(close(b.rmssd_ms, 200f64.sqrt(), 1e-12));
        assert!(close(b.sdnn_ms, (200.0f64 / 3.0).sqrt(), 1e-12));
        assert!(close(b.mean_hr, 75.0, 1e-12));
        assert_eq!(b.beats, 4);
        assert_eq!(basic(&[800.0]), None);
    }

    #[test]
    fn swing_is_peak_minus_trough_per_breath() {
        // Beats at 1,2,2.5,3,3.5,4 | 5,6,7,7.5,8,8.5 | 9 s, rates 60 (1000 ms) and 120
        // (500 ms): breaths of 4 s from the first beat, [1,5) and [5,9), each 120 - 60.
        let rr = [
            1000.0, 1000.0, 500.0, 500.0, 500.0, 500.0, 1000.0, 1000.0, 1000.0, 500.0, 500.0,
            500.0, 500.0,
        ];
        let t = beat_times(&rr);
        assert!(close(swing(&rr, &t, 4.0).unwrap(), 60.0, 1e-12));
        assert_eq!(swing(&rr, &t, 100.0), None);
        assert_eq!(swing(&rr, &t, 0.0), None);
    }

    #[test]
    fn minutes_are_whole_minutes_from_the_start() {
        let rr = vec![1000.0; 150];
        let m = per_minute(&rr, &beat_times(&rr));
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].beats, 60);
        assert!(close(m[1].mean_hr, 60.0, 1e-12));
    }

    proptest::proptest! {
        #[test]
        fn any_series_summarises_to_finite_numbers_or_nothing(
            rr in proptest::collection::vec(proptest::num::f64::ANY, 0..400),
            breath in proptest::option::of(-5.0f64..30.0),
        ) {
            if let Some(s) = summarise(&rr, breath) {
                let share = s.cleaned.corrected_share();
                proptest::prop_assert!((0.0..=1.0).contains(&share));
                let b = s.basic;
                for v in [s.seconds, b.mean_hr, b.rmssd_ms, b.sdnn_ms] {
                    proptest::prop_assert!(v.is_finite() && v >= 0.0);
                }
                if let Some((swing, _)) = s.swing {
                    proptest::prop_assert!(swing.is_finite() && swing >= 0.0);
                }
            }
        }

        #[test]
        fn plausible_series_always_give_a_reading(
            rr in proptest::collection::vec(400.0f64..1500.0, 40..300),
        ) {
            // Even random beats, many taken for artefacts, leave enough to read.
            let s = summarise(&rr, Some(10.0));
            proptest::prop_assert!(
                matches!(&s, Some(s) if s.spectrum.is_none_or(|x| x.coherence.is_finite()))
            );
        }
    }

    #[test]
    fn too_few_beats_say_nothing() {
        assert_eq!(summarise(&[800.0; 9], None), None);
        assert_eq!(summarise(&[10.0; 100], None), None);
    }
}
