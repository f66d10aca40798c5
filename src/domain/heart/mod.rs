//! Heart-rhythm maths, pure: reading RR intervals from lines and packets, cleaning them of
//! artefacts, and the numbers a reading gives (heart rate, RMSSD, SDNN, swing, spectrum).

pub mod beside;
pub mod ble;
pub mod clean;
pub mod live;
pub mod metrics;
pub mod pace;
pub mod parse;
pub mod spectrum;
pub mod step;
pub mod weeks;

pub use clean::{Cleaned, clean};
pub use metrics::{Summary, summarise};
pub use parse::{Format, LineError, LineParser, Why, parse_lines};

use crate::store::model::Heart;

/// Contexts a stored reading may have: a resting baseline, or taken outside a practice.
pub const CONTEXTS: [&str; 2] = ["rest", "outside"];

/// The context of a reading a practice holds.
pub const PRACTICE: &str = "practice";

/// Why a stored heart reading is outside what attune writes (a hand edit, a hostile file),
/// in a short phrase; such a record is kept verbatim but never counted or shown.
pub fn check_record(h: &Heart) -> Result<(), String> {
    if !CONTEXTS.contains(&h.context.as_str()) {
        return Err("its heart reading has a context attune does not know".into());
    }
    check_numbers(h)
}

/// The same for the reading a practice holds.
pub fn check_in_practice(h: &Heart) -> Result<(), String> {
    if h.context != PRACTICE {
        return Err("its heart reading has a context attune does not know".into());
    }
    check_numbers(h)
}

fn check_numbers(h: &Heart) -> Result<(), String> {
    let rate = 60_000.0 / clean::MAX_RR_MS..=60_000.0 / clean::MIN_RR_MS;
    let fine = |v: f64, top: f64| v.is_finite() && (0.0..=top).contains(&v);
    let ok = rate.contains(&h.mean_hr)
        && fine(h.rmssd_ms, clean::MAX_RR_MS)
        && fine(h.sdnn_ms, clean::MAX_RR_MS)
        && fine(h.corrected_share, 1.0)
        && fine(h.seconds, 7.0 * 24.0 * 3600.0)
        && [
            h.swing_bpm,
            h.breath_seconds,
            h.lf_power_ms2,
            h.peak_hz,
            h.coherence,
            h.ended_seconds,
        ]
        .into_iter()
        .flatten()
        .all(|v| fine(v, 1e9));
    if ok {
        Ok(())
    } else {
        Err("its heart reading holds a number no reading can have".into())
    }
}
