use super::*;
use std::f64::consts::TAU;

/// A heart that resonates at 5.5 breaths a minute: breathing at `rate`, its intervals swing
/// at that rate, most of all at 5.5.
pub(crate) fn resonant_beats(rate: f64, seconds: f64) -> Vec<f64> {
    let depth = 20.0 + 60.0 * (-((rate - 5.5) / 0.35f64).powi(2)).exp();
    let (mut t, mut rr) = (0.0, Vec::new());
    while t < seconds {
        let r = 950.0 + depth * (TAU * rate / 60.0 * t).sin();
        rr.push(r);
        t += r / 1000.0;
    }
    rr
}

#[test]
fn a_heart_resonating_at_5_5_picks_5_5() {
    for seconds in [120.0, 15.0] {
        let scores: Vec<Score> = RATES
            .iter()
            .filter_map(|r| score_step(*r, &resonant_beats(*r, seconds)))
            .collect();
        assert_eq!(scores.len(), 5);
        let ranked = rank(scores);
        assert_eq!(ranked[0].rate, 5.5, "{ranked:?}");
        assert!(ranked[0].in_step);
        assert!([5.0, 6.0].contains(&ranked[1].rate), "{ranked:?}");
    }
}

#[test]
fn a_whole_breath_is_needed_to_score_a_step() {
    assert_eq!(score_step(6.0, &resonant_beats(6.0, 9.0)), None);
    assert!(score_step(6.0, &resonant_beats(6.0, 12.0)).is_some());
}

#[test]
fn each_step_is_whole_breaths_at_least_two_and_changes_at_a_breath_end() {
    let base = crate::content::builtin_patterns()
        .into_iter()
        .find(|p| p.id == "exhale-4-6")
        .unwrap();
    let mut steps = Steps::new(&base, Duration::from_secs(60));
    assert!((steps.pattern(0).cycle_secs() - 60.0 / 6.5).abs() < 0.01);
    assert!((steps.pattern(4).cycle_secs() - 60.0 / 4.5).abs() < 0.01);
    assert!((steps.pattern(2).exhale / steps.pattern(2).inhale - 1.5).abs() < 0.01);
    // 6.5 a minute is 9.23 s a breath (3.692 in, 5.538 out): seven breaths cover the minute.
    let first = steps.length(0);
    assert_eq!(first, Duration::from_millis(9230 * 7));
    // A minute a step: 7 breaths at 6.5, 6 at 6, 6 at 5.5 (5.5 would not cover it), 5, 5.
    assert_eq!(steps.breaths(), 7 + 6 + 6 + 5 + 5);
    assert_eq!(Steps::new(&base, Duration::from_secs(15)).breaths(), 10, "two a step");
    assert_eq!(steps.length(1), Duration::from_secs(60));
    let s = Duration::from_millis;
    assert_eq!(steps.breath_begins(s(46_150), s(55_380)), None);
    assert_eq!(steps.breath_begins(s(55_380), s(64_610)), Some(1));
    assert_eq!(steps.breath_begins(s(64_610), s(74_610)), None);
    assert_eq!(steps.current(), 1);
    let windows = steps.windows(s(100_000));
    assert_eq!(windows, vec![(6.5, s(0), s(64_610)), (6.0, s(64_610), s(100_000))]);
    // Short steps still give each rate two breaths.
    let short = Steps::new(&base, Duration::from_secs(15));
    assert_eq!(
        short.length(4),
        crate::domain::breathing::pattern::secs(short.pattern(4).cycle_secs()) * 2
    );
    assert!(short.planned() > Duration::from_secs(75));
}
