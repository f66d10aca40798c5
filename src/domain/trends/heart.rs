//! Heart figures for a range of days: resting RMSSD and heart rate from resting readings
//! only, and the swing per breathing practice, with distress before and after those same
//! practices. A reading outside the bounds is never counted. Pure.

use crate::domain::heart::{check_in_practice, check_record};
use crate::store::model::{Heart, Session};
use serde::Serialize;

/// The range's resting readings (context "rest"): how many, and their means.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Rest {
    pub readings: usize,
    pub rmssd_ms_mean: f64,
    pub mean_hr_mean: f64,
}

/// The range's breathing practices that hold a heart reading with a swing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Swing {
    pub practices: usize,
    pub swing_bpm_mean: f64,
    /// Of those practices, the ones rated both before and after.
    pub rated: usize,
    /// Mean distress before and after over those `rated` practices.
    pub distress_before_mean: Option<f64>,
    pub distress_after_mean: Option<f64>,
}

/// What a range's heart readings give; None in `Trends` when it holds none.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HeartTrends {
    pub rest: Option<Rest>,
    pub swing: Option<Swing>,
}

/// This range's heart figures minus those of the days before (None when either lacks it).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HeartChanges {
    pub rest_readings: i64,
    pub rest_rmssd_ms: Option<f64>,
    pub rest_mean_hr: Option<f64>,
    pub swing_practices: i64,
    pub swing_bpm: Option<f64>,
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The heart figures of a range's readings and sessions; None when none of them counts.
pub fn heart_trends<'a>(
    readings: impl Iterator<Item = &'a Heart>,
    sessions: impl Iterator<Item = &'a Session>,
) -> Option<HeartTrends> {
    let h = HeartTrends {
        rest: rest(readings),
        swing: swing(sessions),
    };
    (h.rest.is_some() || h.swing.is_some()).then_some(h)
}

/// Resting readings only: readings during or around practice are not baselines.
fn rest<'a>(readings: impl Iterator<Item = &'a Heart>) -> Option<Rest> {
    let rest: Vec<&Heart> = readings
        .filter(|h| h.context == "rest" && check_record(h).is_ok())
        .collect();
    Some(Rest {
        readings: rest.len(),
        rmssd_ms_mean: mean(rest.iter().map(|h| h.rmssd_ms))?,
        mean_hr_mean: mean(rest.iter().map(|h| h.mean_hr))?,
    })
}

/// The swing of each breathing practice that holds a reading with one.
fn swing<'a>(sessions: impl Iterator<Item = &'a Session>) -> Option<Swing> {
    let with: Vec<(&Session, f64)> = sessions
        .filter(|s| s.practice == "breathe")
        .filter_map(|s| {
            let h = s.heart.as_ref().filter(|h| check_in_practice(h).is_ok())?;
            Some((s, h.swing_bpm?))
        })
        .collect();
    let rated: Vec<(u8, u8)> = with
        .iter()
        .filter_map(|(s, _)| Some((s.distress_before?, s.distress_after?)))
        .collect();
    Some(Swing {
        practices: with.len(),
        swing_bpm_mean: mean(with.iter().map(|(_, v)| *v))?,
        rated: rated.len(),
        distress_before_mean: mean(rated.iter().map(|(b, _)| f64::from(*b))),
        distress_after_mean: mean(rated.iter().map(|(_, a)| f64::from(*a))),
    })
}

/// `now` against `before`; None when neither range holds heart figures.
pub fn compare_heart(
    now: Option<&HeartTrends>,
    before: Option<&HeartTrends>,
) -> Option<HeartChanges> {
    if now.is_none() && before.is_none() {
        return None;
    }
    let rest = |h: Option<&HeartTrends>| h.and_then(|h| h.rest.clone());
    let swing = |h: Option<&HeartTrends>| h.and_then(|h| h.swing.clone());
    let (r1, r0, s1, s0) = (rest(now), rest(before), swing(now), swing(before));
    let count = |n: Option<usize>| i64::try_from(n.unwrap_or(0)).unwrap_or(0);
    let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a - b);
    Some(HeartChanges {
        rest_readings: count(r1.as_ref().map(|r| r.readings))
            - count(r0.as_ref().map(|r| r.readings)),
        rest_rmssd_ms: diff(
            r1.as_ref().map(|r| r.rmssd_ms_mean),
            r0.as_ref().map(|r| r.rmssd_ms_mean),
        ),
        rest_mean_hr: diff(
            r1.as_ref().map(|r| r.mean_hr_mean),
            r0.as_ref().map(|r| r.mean_hr_mean),
        ),
        swing_practices: count(s1.as_ref().map(|s| s.practices))
            - count(s0.as_ref().map(|s| s.practices)),
        swing_bpm: diff(
            s1.as_ref().map(|s| s.swing_bpm_mean),
            s0.as_ref().map(|s| s.swing_bpm_mean),
        ),
    })
}
