//! Heart maths against synthetic series with known answers: a heart rate that rises and
//! falls with a breath of known length and depth, clean and with artefacts injected.

use attune::domain::heart::metrics::basic;
use attune::domain::heart::{clean, summarise};

/// Beats whose interval follows `mean + depth·sin(2π·f·t)` (ms), for `seconds`, with a
/// small uneven wobble so the series is not perfectly regular.
fn breathing(mean: f64, depth: f64, f: f64, seconds: f64) -> Vec<f64> {
    let (mut t, mut rr) = (0.0, Vec::new());
    let mut k = 0u32;
    while t < seconds {
        let wobble = 4.0 * (f64::from(k) * 2.399).sin();
        let r = mean + depth * (std::f64::consts::TAU * f * t).sin() + wobble;
        rr.push(r);
        t += r / 1000.0;
        k += 1;
    }
    rr
}

fn with_artefacts(clean: &[f64]) -> Vec<f64> {
    let mut rr = clean.to_vec();
    // Ectopic: an early beat and its pause, at three places.
    for at in [40, 140, 240] {
        rr[at] -= 260.0;
        rr[at + 1] += 260.0;
    }
    // Missed: two intervals read as one, at two places (from the end, so indexes hold).
    for at in [200, 90] {
        let joined = rr[at] + rr[at + 1];
        rr.splice(at..at + 2, [joined]);
    }
    // Extra: one interval read as two, at two places.
    for at in [170, 60] {
        let whole = rr[at];
        rr.splice(at..at + 1, [whole * 0.4, whole * 0.6]);
    }
    rr
}

#[test]
fn a_breathing_series_shows_its_swing_and_frequency() {
    // 0.1 Hz is 6 breaths a minute; intervals 1000 ± 50 ms are rates 57.1 to 63.2.
    let rr = breathing(1000.0, 50.0, 0.1, 300.0);
    let s = summarise(&rr, Some(10.0)).expect("a reading");
    let truth = 60_000.0 / 950.0 - 60_000.0 / 1050.0;
    let (swing, period) = s.swing.expect("a swing");
    assert_eq!(period, 10.0);
    assert!((swing - truth).abs() / truth < 0.12, "swing {swing} vs {truth}");
    let spec = s.spectrum.expect("five minutes give a spectrum");
    assert!((spec.peak_hz - 0.1).abs() <= 0.003, "peak {}", spec.peak_hz);
    // Nearly all of the variance (50²/2 = 1250 ms², plus the wobble) is in one peak.
    assert!((spec.lf_power - 1250.0).abs() / 1250.0 < 0.2, "lf {}", spec.lf_power);
    assert!(spec.coherence > 3.0, "coherence {}", spec.coherence);
    assert_eq!(s.cleaned.corrected(), 0);
    assert_eq!(s.minutes.len(), 5, "{} s", s.seconds);
}

#[test]
fn without_a_pace_the_swing_uses_the_spectral_peak() {
    let rr = breathing(900.0, 40.0, 0.09, 240.0);
    let s = summarise(&rr, None).expect("a reading");
    let (_, period) = s.swing.expect("a swing from the peak");
    assert!((period - 1.0 / 0.09).abs() < 0.5, "period {period}");
}

#[test]
fn a_breath_at_a_different_pace_has_a_different_peak() {
    let rr = breathing(850.0, 30.0, 0.2, 180.0);
    let spec = summarise(&rr, None)
        .and_then(|s| s.spectrum)
        .expect("spectrum");
    assert!((spec.peak_hz - 0.2).abs() <= 0.003);
    // 0.2 Hz is outside the low-frequency band: little LF power.
    assert!(spec.lf_power < 100.0, "lf {}", spec.lf_power);
}

#[test]
fn artefacts_are_corrected_to_within_five_percent() {
    let truth = breathing(1000.0, 50.0, 0.1, 300.0);
    let broken = with_artefacts(&truth);
    let raw = basic(&broken).unwrap().rmssd_ms;
    let want = basic(&truth).unwrap().rmssd_ms;
    assert!(raw > want * 2.0, "the artefacts matter: {raw} vs {want}");
    let c = clean(&broken);
    assert_eq!((c.missed, c.extra, c.ectopic), (2, 2, 6), "{c:?}");
    assert_eq!(c.rr_ms.len(), truth.len());
    let got = basic(&c.rr_ms).unwrap().rmssd_ms;
    assert!((got - want).abs() / want < 0.05, "{got} vs {want}");
    assert!(c.corrected_share() > 0.0 && c.corrected_share() < 0.05);
    let s = summarise(&broken, Some(10.0)).unwrap();
    let sdnn = basic(&truth).unwrap().sdnn_ms;
    assert!((s.basic.sdnn_ms - sdnn).abs() / sdnn < 0.05);
}

#[test]
fn many_artefacts_make_a_reading_unreliable() {
    let mut rr = breathing(900.0, 30.0, 0.1, 120.0);
    for at in (5..rr.len() - 2).step_by(12) {
        rr[at] += 2000.0;
    }
    let c = clean(&rr);
    assert!(c.unreliable(), "share {}", c.corrected_share());
}
