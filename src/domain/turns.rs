//! Sine and cosine of an angle given in turns (whole circles). attune's own, so the
//! program needs no libm: loading it costs every session 0.3 MB of memory (BENCHMARKS.md,
//! "Peak memory while breathing"). Pure.

use std::f64::consts::TAU;

/// (sin, cos) of `turns` whole circles, that is of 2π·turns radians. Exact at every
/// quarter turn (0, ±1 and ±0 there), so a fill that starts empty starts exactly empty.
/// NaN for an infinite or NaN angle.
pub fn sin_cos(turns: f64) -> (f64, f64) {
    // Both steps are exact in binary: a whole number of turns, then a whole number of
    // quarters, leave |rest| ≤ 1/8 turn, where short series are as good as libm.
    let within = turns - turns.round();
    let quarters = (4.0 * within).round();
    let x = (within - quarters / 4.0) * TAU;
    let (s, c) = (sin_near(x), cos_near(x));
    match quarters as i64 & 3 {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// sin(x) for |x| up to π/4, by its Taylor series to x^21 (the next term is below 1e-25).
fn sin_near(x: f64) -> f64 {
    let x2 = x * x;
    // x(1 - x²/(2·3)(1 - x²/(4·5)(1 - ...))), from the innermost term out.
    let mut rest = 1.0;
    for k in (1..=10u32).rev() {
        let n = f64::from(2 * k);
        rest = 1.0 - x2 / (n * (n + 1.0)) * rest;
    }
    x * rest
}

/// cos(x) for |x| up to π/4, by its Taylor series to x^20 (the next term is below 1e-23).
fn cos_near(x: f64) -> f64 {
    let x2 = x * x;
    // 1 - x²/(1·2)(1 - x²/(3·4)(1 - ...)), from the innermost term out.
    let mut rest = 1.0;
    for k in (1..=10u32).rev() {
        let n = f64::from(2 * k);
        rest = 1.0 - x2 / ((n - 1.0) * n) * rest;
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_sine_and_cosine_over_many_turns() {
        for i in -200_000..=200_000 {
            let turns = f64::from(i) / 997.0;
            let (s, c) = sin_cos(turns);
            // The standard functions see 2π·turns already rounded, up to |x|·2^-53 off.
            let x = TAU * turns;
            let slack = 4e-16 + x.abs() * 3e-16;
            assert!((s - x.sin()).abs() < slack, "sin at {turns}: {s} vs {}", x.sin());
            assert!((c - x.cos()).abs() < slack, "cos at {turns}: {c} vs {}", x.cos());
        }
    }

    #[test]
    fn quarter_turns_are_exact() {
        for (turns, want) in [
            (0.0, (0.0, 1.0)),
            (0.25, (1.0, 0.0)),
            (0.5, (0.0, -1.0)),
            (0.75, (-1.0, 0.0)),
            (1.0, (0.0, 1.0)),
            (-0.25, (-1.0, 0.0)),
            (12.5, (0.0, -1.0)),
        ] {
            assert_eq!(sin_cos(turns), want, "at {turns}");
        }
    }

    #[test]
    fn sine_squared_and_cosine_squared_add_to_one() {
        for i in 0..10_000 {
            let (s, c) = sin_cos(f64::from(i) * 0.123_456_7);
            assert!((s * s + c * c - 1.0).abs() < 4e-16);
        }
    }

    #[test]
    fn a_lost_angle_gives_nan_not_a_panic() {
        for turns in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let (s, c) = sin_cos(turns);
            assert!(s.is_nan() && c.is_nan());
        }
    }
}
