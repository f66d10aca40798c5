//! How one range's trends compare with the range before it: the change in each figure,
//! the sensations' counts, and the heart's.

use super::Trends;
use super::heart::{self, HeartChanges};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How this range compares with the one before it (week over week).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    pub days_practised: i64,
    pub practice_minutes: f64,
    pub sessions: i64,
    /// This range's mean change minus the previous one's (negative: practice helped more).
    pub distress_change_mean: Option<f64>,
    /// Each sensation's count now minus before (words from either range).
    pub sensations: BTreeMap<String, i64>,
    /// Heart figures now minus before; absent when neither range holds a heart reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heart: Option<HeartChanges>,
}

pub fn compare(now: &Trends, before: &Trends) -> Changes {
    let words: BTreeSet<&String> = now
        .sensations
        .keys()
        .chain(before.sensations.keys())
        .collect();
    let count = |t: &Trends, w: &String| {
        i64::try_from(t.sensations.get(w).copied().unwrap_or(0)).unwrap_or(0)
    };
    Changes {
        days_practised: now.days_practised as i64 - before.days_practised as i64,
        practice_minutes: now.practice_minutes - before.practice_minutes,
        sessions: now.sessions as i64 - before.sessions as i64,
        distress_change_mean: now
            .distress_change_mean
            .zip(before.distress_change_mean)
            .map(|(a, b)| a - b),
        sensations: words
            .into_iter()
            .map(|w| (w.clone(), count(now, w) - count(before, w)))
            .collect(),
        heart: heart::compare_heart(now.heart.as_ref(), before.heart.as_ref()),
    }
}
