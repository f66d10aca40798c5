//! A sum of floats kept exactly (as non-overlapping partials, after Shewchuk, as Python's
//! `math.fsum`) and rounded once when read: the same value whatever order the numbers
//! come in, and two sums added together give what one sum of all the numbers gives. So
//! a month's minutes can be summed on their own, kept, and added to other months' later.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExactSum(Vec<f64>);

impl ExactSum {
    pub fn add(&mut self, value: f64) {
        let mut x = value;
        let mut kept = 0;
        for j in 0..self.0.len() {
            let mut y = self.0[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.0[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.0.truncate(kept);
        self.0.push(x);
    }

    pub fn add_all(&mut self, other: &ExactSum) {
        for x in &other.0 {
            self.add(*x);
        }
    }

    /// The exact sum rounded to the nearest float (ties to even).
    pub fn value(&self) -> f64 {
        let p = &self.0;
        if p.iter().any(|x| !x.is_finite()) {
            // Past the floats' range the order no longer matters: it is infinite or NaN.
            return p.iter().sum();
        }
        let Some(mut n) = p.len().checked_sub(1) else {
            return 0.0;
        };
        let mut hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Halfway between two floats: the partials below say which way the exact sum lies.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
        hi
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum_of(values: &[f64]) -> f64 {
        let mut s = ExactSum::default();
        values.iter().for_each(|v| s.add(*v));
        s.value()
    }

    #[test]
    fn the_order_does_not_change_the_sum() {
        let values: Vec<f64> = (1..200).map(|i| f64::from(i * 37 % 611) / 60.0).collect();
        let mut backwards = values.clone();
        backwards.reverse();
        assert_eq!(sum_of(&values).to_bits(), sum_of(&backwards).to_bits());
        let (a, b) = values.split_at(77);
        let (mut left, mut right) = (ExactSum::default(), ExactSum::default());
        a.iter().for_each(|v| left.add(*v));
        b.iter().for_each(|v| right.add(*v));
        right.add_all(&left);
        assert_eq!(right.value().to_bits(), sum_of(&values).to_bits());
    }

    #[test]
    fn it_is_exact_where_a_plain_sum_is_not() {
        assert_eq!(sum_of(&[0.1; 10]), 1.0);
        assert_eq!(sum_of(&[1e100, 1.0, -1e100]), 1.0);
        assert_eq!(sum_of(&[]), 0.0);
        assert_eq!(sum_of(&[5.0, 2.5]), 7.5);
        // Python: math.fsum([1, 1e-16, 1e-16]) == 1.0000000000000002
        assert_eq!(sum_of(&[1.0, 1e-16, 1e-16]), 1.0000000000000002);
    }
}
