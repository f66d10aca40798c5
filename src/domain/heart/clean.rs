//! Cleaning RR intervals before anything is computed: physiological bounds, then the
//! Lipponen & Tarvainen (2019, J Med Eng Technol 43:173) rules for missed, extra and
//! ectopic beats, keeping count of every interval changed.

/// Shortest and longest interval kept, in ms (220 and 20 beats a minute): the upper bound
/// is loose on purpose, so a missed beat at a slow resting rate is split, not dropped.
pub const MIN_RR_MS: f64 = 272.0;
pub const MAX_RR_MS: f64 = 3000.0;
/// Above this share of corrected beats a reading is called unreliable (CONTENT.md).
pub const UNRELIABLE_SHARE: f64 = 0.05;

/// The paper's constants: threshold scale, window lengths and the ectopic decision line.
const ALPHA: f64 = 5.2;
const QD_WINDOW: usize = 91;
const MEDIAN_WINDOW: usize = 11;
const C1: f64 = 0.13;
const C2: f64 = 0.17;
/// A threshold never falls below this (ms): in a very steady series ordinary few-ms
/// differences would otherwise read as artefacts.
const MIN_THRESHOLD_MS: f64 = 10.0;
/// Fewer intervals than this give no neighbourhood to judge a beat by.
const MIN_TO_JUDGE: usize = 5;

/// What cleaning gave: the intervals to compute from, and what was changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub rr_ms: Vec<f64>,
    /// Intervals read in, before any change.
    pub read: usize,
    pub out_of_bounds: usize,
    pub missed: usize,
    pub extra: usize,
    /// Intervals moved back into place around an early (ectopic) beat.
    pub ectopic: usize,
    /// Intervals too long or too short for their neighbours, set to the local median.
    pub long_short: usize,
}

impl Cleaned {
    pub fn corrected(&self) -> usize {
        self.out_of_bounds + self.missed + self.extra + self.ectopic + self.long_short
    }

    /// The share of intervals read that were changed or dropped, 0 to 1.
    pub fn corrected_share(&self) -> f64 {
        if self.read == 0 {
            return 0.0;
        }
        (self.corrected() as f64 / self.read as f64).min(1.0)
    }

    pub fn unreliable(&self) -> bool {
        self.corrected_share() > UNRELIABLE_SHARE
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mark {
    Ectopic,
    Missed,
    Extra,
    LongShort,
}

/// Clean a series of intervals (ms): any values at all, in any order, never a panic.
pub fn clean(raw: &[f64]) -> Cleaned {
    let rr: Vec<f64> = raw
        .iter()
        .copied()
        .filter(|v| (MIN_RR_MS..=MAX_RR_MS).contains(v))
        .collect();
    let mut out = Cleaned {
        read: raw.len(),
        out_of_bounds: raw.len() - rr.len(),
        ..Cleaned::default()
    };
    if rr.len() < MIN_TO_JUDGE {
        out.rr_ms = rr;
        return out;
    }
    let m = measures(&rr);
    let marks = find_artefacts(&rr, &m);
    out.rr_ms = correct(&rr, &marks, &m.medrr, &mut out);
    out
}

/// The series' scaled differences and the reference values the rules compare against.
struct Measures {
    drrs: Vec<f64>,
    mrrs: Vec<f64>,
    medrr: Vec<f64>,
    th2: Vec<f64>,
}

fn measures(rr: &[f64]) -> Measures {
    let n = rr.len();
    let mut drr: Vec<f64> = (0..n)
        .map(|i| if i == 0 { 0.0 } else { rr[i] - rr[i - 1] })
        .collect();
    // The first beat has no difference; the paper gives it the mean of the others.
    drr[0] = drr[1..].iter().sum::<f64>() / (n - 1) as f64;
    let th1 = thresholds(&drr);
    let medrr = running_median(rr, MEDIAN_WINDOW);
    let mrr: Vec<f64> = rr
        .iter()
        .zip(&medrr)
        .map(|(r, m)| if r < m { 2.0 * (r - m) } else { r - m })
        .collect();
    let th2 = thresholds(&mrr);
    Measures {
        drrs: drr.iter().zip(&th1).map(|(d, t)| d / t).collect(),
        mrrs: mrr.iter().zip(&th2).map(|(d, t)| d / t).collect(),
        medrr,
        th2,
    }
}

/// Mark each interval the rules find wrong (at most one mark each).
fn find_artefacts(rr: &[f64], m: &Measures) -> Vec<Option<Mark>> {
    let n = rr.len();
    let d = |i: usize| m.drrs.get(i).copied().unwrap_or(0.0);
    let mut marks = vec![None; n];
    for i in 0..n {
        let dr = m.drrs[i];
        if dr.abs() <= 1.0 && m.mrrs[i].abs() <= 3.0 {
            continue;
        }
        let before = if i == 0 { 0.0 } else { d(i - 1) };
        let s12 = if dr > 0.0 {
            before.max(d(i + 1))
        } else {
            before.min(d(i + 1))
        };
        let ectopic = (dr > 1.0 && s12 < -C1 * dr - C2) || (dr < -1.0 && s12 > -C1 * dr + C2);
        if ectopic {
            marks[i] = Some(Mark::Ectopic);
            continue;
        }
        let mut candidates = vec![i];
        if i + 2 < n && d(i + 1).abs() < d(i + 2).abs() {
            candidates.push(i + 1);
        }
        for j in candidates {
            if marks[j].is_none() {
                marks[j] = long_or_short(rr, m, j, &d);
            }
        }
    }
    marks
}

/// The paper's long/short test for interval `j`, and whether it is a missed or extra beat.
fn long_or_short(rr: &[f64], m: &Measures, j: usize, d: &dyn Fn(usize) -> f64) -> Option<Mark> {
    let dr = m.drrs[j];
    let s22 = if dr >= 0.0 {
        d(j + 1).min(d(j + 2))
    } else {
        d(j + 1).max(d(j + 2))
    };
    let long = dr > 1.0 && s22 < -1.0;
    let short = dr < -1.0 && s22 > 1.0;
    if !(long || short || m.mrrs[j].abs() > 3.0) {
        return None;
    }
    let (med, th) = (m.medrr[j], m.th2[j]);
    let missed = (rr[j] / 2.0 - med).abs() < th;
    let extra = rr
        .get(j + 1)
        .is_some_and(|next| (rr[j] + next - med).abs() < th);
    Some(if short && extra {
        Mark::Extra
    } else if long && missed {
        Mark::Missed
    } else {
        Mark::LongShort
    })
}

/// The series with each mark corrected: an extra beat's two halves joined, a missed
/// beat's interval split, an early beat's pair set to its mean (the beat moved back to
/// where it belonged, the time kept), any other odd interval set to the local median.
fn correct(rr: &[f64], marks: &[Option<Mark>], medrr: &[f64], count: &mut Cleaned) -> Vec<f64> {
    let mut fixed = rr.to_vec();
    let mut marks = marks.to_vec();
    // An interval already moved as one of a pair is not moved again.
    let mut paired = vec![false; rr.len()];
    for i in 1..rr.len() {
        if marks[i] == Some(Mark::Ectopic) && !paired[i - 1] {
            let mean = (rr[i - 1] + rr[i]) / 2.0;
            fixed[i - 1] = mean;
            fixed[i] = mean;
            // The pair is fixed together, whatever else the interval before was taken for.
            (marks[i - 1], marks[i]) = (None, None);
            (paired[i - 1], paired[i]) = (true, true);
            count.ectopic += 2;
        }
    }
    let mut out = Vec::with_capacity(rr.len() + 4);
    let mut i = 0;
    while i < rr.len() {
        match marks[i] {
            Some(Mark::Extra) if i + 1 < rr.len() => {
                out.push(fixed[i] + fixed[i + 1]);
                count.extra += 1;
                i += 1;
            }
            Some(Mark::Missed) => {
                let parts = (fixed[i] / medrr[i]).round().max(2.0);
                let parts_n = parts as usize;
                out.extend(std::iter::repeat_n(fixed[i] / parts, parts_n));
                count.missed += 1;
            }
            Some(_) => {
                out.push(medrr[i]);
                count.long_short += 1;
            }
            None => out.push(fixed[i]),
        }
        i += 1;
    }
    out
}

/// Per value, `ALPHA` times the quartile deviation of |x| over a window around it.
fn thresholds(x: &[f64]) -> Vec<f64> {
    let abs: Vec<f64> = x.iter().map(|v| v.abs()).collect();
    let half = QD_WINDOW / 2;
    let mut buf = Vec::with_capacity(QD_WINDOW);
    (0..abs.len())
        .map(|i| {
            let lo = i.saturating_sub(half);
            let hi = (i + half + 1).min(abs.len());
            buf.clear();
            buf.extend_from_slice(&abs[lo..hi]);
            buf.sort_by(f64::total_cmp);
            let qd = (quantile(&buf, 0.75) - quantile(&buf, 0.25)) / 2.0;
            (ALPHA * qd).max(MIN_THRESHOLD_MS)
        })
        .collect()
}

/// A quantile of sorted values, by linear interpolation.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// The median of each value's window (shortened at the ends of the series).
pub fn running_median(x: &[f64], window: usize) -> Vec<f64> {
    let half = window / 2;
    let mut buf = Vec::with_capacity(window);
    (0..x.len())
        .map(|i| {
            buf.clear();
            buf.extend_from_slice(&x[i.saturating_sub(half)..(i + half + 1).min(x.len())]);
            buf.sort_by(f64::total_cmp);
            quantile(&buf, 0.5)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steady(n: usize) -> Vec<f64> {
        // A gentle wobble, as a real resting heart has, so thresholds are realistic.
        (0..n)
            .map(|i| 800.0 + 20.0 * (i as f64 * 0.6).sin())
            .collect()
    }

    #[test]
    fn a_clean_series_is_left_alone() {
        let rr = steady(120);
        let c = clean(&rr);
        assert_eq!(c.rr_ms, rr);
        assert_eq!(c.corrected(), 0);
    }

    #[test]
    fn values_out_of_bounds_are_dropped_and_counted() {
        let mut rr = steady(60);
        rr[10] = 100.0;
        rr[20] = 9000.0;
        rr[30] = f64::NAN;
        let c = clean(&rr);
        assert_eq!(c.out_of_bounds, 3);
        assert_eq!(c.rr_ms.len(), 57);
        assert!((c.corrected_share() - 0.05).abs() < 1e-12);
    }

    #[test]
    fn a_missed_beat_is_split() {
        let mut rr = steady(100);
        let joined = rr[50] + rr[51];
        rr.splice(50..52, [joined]);
        let c = clean(&rr);
        assert_eq!((c.missed, c.corrected()), (1, 1));
        assert_eq!(c.rr_ms.len(), 100);
        assert!((c.rr_ms[50] - joined / 2.0).abs() < 1e-9);
    }

    #[test]
    fn an_extra_beat_is_joined() {
        let mut rr = steady(100);
        let whole = rr[40];
        rr.splice(40..41, [whole * 0.35, whole * 0.65]);
        let c = clean(&rr);
        assert_eq!((c.extra, c.corrected()), (1, 1));
        assert_eq!(c.rr_ms.len(), 100);
        assert!((c.rr_ms[40] - whole).abs() < 1e-9);
    }

    #[test]
    fn an_early_beat_is_moved_back() {
        let mut rr = steady(100);
        let (a, b) = (rr[60], rr[61]);
        rr[60] -= 250.0;
        rr[61] += 250.0;
        let c = clean(&rr);
        assert_eq!(c.ectopic, 2, "{c:?}");
        assert_eq!(c.corrected(), 2);
        assert!((c.rr_ms[60] - (a + b) / 2.0).abs() < 1e-9);
        assert!((c.rr_ms.iter().sum::<f64>() - steady(100).iter().sum::<f64>()).abs() < 1e-6);
    }

    #[test]
    fn too_few_beats_are_only_bounded() {
        let c = clean(&[800.0, 1600.0, 800.0]);
        assert_eq!(c.rr_ms, vec![800.0, 1600.0, 800.0]);
        assert_eq!(clean(&[]).corrected_share(), 0.0);
    }

    #[test]
    fn running_median_shortens_at_the_ends() {
        assert_eq!(running_median(&[1.0, 9.0, 2.0, 8.0, 3.0], 3), vec![5.0, 2.0, 8.0, 3.0, 5.5]);
    }

    proptest::proptest! {
        #[test]
        fn any_series_cleans_without_panic(
            rr in proptest::collection::vec(proptest::num::f64::ANY, 0..300)
        ) {
            let c = clean(&rr);
            let share = c.corrected_share();
            proptest::prop_assert!((0.0..=1.0).contains(&share));
            proptest::prop_assert!(c.rr_ms.iter().all(|v| v.is_finite() && *v > 0.0));
        }

        #[test]
        fn plausible_series_stay_plausible(
            rr in proptest::collection::vec(300.0f64..2000.0, 0..300)
        ) {
            let c = clean(&rr);
            proptest::prop_assert!(c.rr_ms.iter().all(|v| *v >= MIN_RR_MS / 3.0));
            let share = c.corrected_share();
            proptest::prop_assert!((0.0..=1.0).contains(&share));
        }
    }
}
