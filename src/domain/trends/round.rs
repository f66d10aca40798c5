//! The one rounding every human output shares: one decimal, half away from zero, done
//! once at the last step from the exact figures the report holds; and the difference of
//! two shown figures, so a row's change always equals what its numbers say.

/// `x` to one decimal, half away from zero, never `-0`.
pub fn round1(x: f64) -> f64 {
    // Adding 0.0 turns a -0.0 (from rounding a small negative) into 0.0.
    (x * 10.0).round() / 10.0 + 0.0
}

/// The change from `before` to `after` as the two shown (rounded) figures give it.
pub fn shown_change(before: f64, after: f64) -> f64 {
    round1(round1(after) - round1(before))
}

/// -0.0 as 0.0, so no output ever says "-0".
pub fn no_negative_zero(x: f64) -> f64 {
    x + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero_and_zero_has_no_sign() {
        assert_eq!(round1(1.25), 1.3);
        assert_eq!(round1(-1.25), -1.3);
        assert_eq!(round1(2.75), 2.8);
        assert!(round1(-0.04).is_sign_positive());
        assert!(no_negative_zero(-0.0).is_sign_positive());
    }

    #[test]
    fn a_change_is_the_difference_of_the_shown_figures() {
        // 3.5 -> 2.75 shows as 3.5 -> 2.8, so its change reads 0.7, not 0.75 rounded to 0.8.
        assert_eq!(shown_change(3.5, 2.75), -0.7);
        assert_eq!(shown_change(3.0, 4.0 / 3.0), -1.7);
        assert!(shown_change(3.0, 3.0).is_sign_positive());
    }
}
