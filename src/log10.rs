//! The `log10` the program links, so it needs no libm. Its only caller is the journal
//! editor's line-number width (ratatui-textarea's `num_digits`); every other sine, cosine
//! and arctangent is attune's own (`domain::turns`). Without a libm symbol the linker
//! drops the library, whose loading costs each session 0.3 MB of memory (BENCHMARKS.md,
//! "Peak memory while breathing").
//!
//! A symbol of the program's own takes the place of a shared library's of the same name,
//! which is why this one item may not be marked safe to the compiler.

/// log₁₀(x), within an ulp or two of the true value, and exact at every power of ten that
/// a double holds exactly (1 to 1e22): a digit count `log10(n) as u8 + 1` is right.
#[allow(unsafe_code)]
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return x;
    }
    let guess = ln(x) * std::f64::consts::LOG10_E;
    let whole = guess.round();
    match exact_power_of_ten(whole) {
        Some(power) if power == x => whole,
        _ => guess,
    }
}

/// 10^k when k is a whole number from 0 to 22 (the powers a double holds exactly).
fn exact_power_of_ten(k: f64) -> Option<f64> {
    if !(0.0..=22.0).contains(&k) {
        return None;
    }
    Some((0..k as u32).fold(1.0, |p, _| p * 10.0))
}

/// ln(x) for finite x > 0: x = m·2^e with m within √2 of 1, then ln m = 2·atanh(s),
/// s = (m-1)/(m+1), by its series (|s| ≤ 0.172, so fourteen terms are plenty).
fn ln(x: f64) -> f64 {
    const FRACTION: u64 = (1 << 52) - 1;
    const TWO_TO_54: f64 = 18_014_398_509_481_984.0;
    // Subnormals first become normal, so the exponent field tells the scale.
    let (x, scaled) = if x < f64::MIN_POSITIVE {
        (x * TWO_TO_54, -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i32 - 1023 + scaled;
    let mut m = f64::from_bits((bits & FRACTION) | (1023 << 52));
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut series = 0.0;
    for k in (0..14).rev() {
        series = 1.0 / f64::from(2 * k + 1) + s2 * series;
    }
    f64::from(e) * std::f64::consts::LN_2 + 2.0 * s * series
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_exact_so_digit_counts_are_right() {
        let mut p = 1.0;
        for k in 0..=22 {
            assert_eq!(log10(p), f64::from(k), "10^{k}");
            p *= 10.0;
        }
        for (n, digits) in [
            (1, 1),
            (9, 1),
            (10, 2),
            (99, 2),
            (100, 3),
            (999, 3),
            (1000, 4),
        ] {
            assert_eq!(log10(f64::from(n)) as u8 + 1, digits, "{n}");
        }
    }

    #[test]
    fn known_values_are_within_an_ulp_or_two() {
        use std::f64::consts::{E, LOG10_2, LOG10_E};
        for (x, want) in [(2.0, LOG10_2), (E, LOG10_E), (0.5, -LOG10_2), (0.001, -3.0)] {
            assert!((log10(x) - want).abs() <= 2.0 * f64::EPSILON, "{x}");
        }
    }

    #[test]
    fn ten_to_the_result_gives_the_number_back() {
        let mut x = 1e-310; // a subnormal first
        while x < 1e300 {
            let back = 10f64.powf(log10(x));
            assert!((back / x - 1.0).abs() < 5e-13, "{x}: {back}");
            x *= 1.37;
        }
    }

    #[test]
    fn the_edges_of_the_domain() {
        assert!(log10(-1.0).is_nan() && log10(f64::NAN).is_nan());
        assert_eq!(log10(0.0), f64::NEG_INFINITY);
        assert_eq!(log10(f64::INFINITY), f64::INFINITY);
    }
}
