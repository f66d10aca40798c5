//! The moment every spawned binary is pinned to (`ATTUNE_NOW`), so no test depends on
//! today's date. CI runs the suite a second time with `ATTUNE_TEST_NOW` set to another
//! moment (a month's last second, a change of clocks) to prove it.
#![allow(dead_code)]

use attune::store::model::Stamp;

/// The pin used when CI does not choose one.
const DEFAULT: &str = "2027-01-20T10:00:00.000+00:00";

/// The pin as text, for the binary's `ATTUNE_NOW`.
pub fn pin_text() -> String {
    std::env::var("ATTUNE_TEST_NOW").unwrap_or_else(|_| DEFAULT.to_string())
}

/// The pin moved on by `step` milliseconds, as text for one spawned binary: each command a
/// test runs gets the next step, so records made one after another keep their order.
pub fn pin_step(step: u32) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(&pin_text())
        .expect("ATTUNE_TEST_NOW is RFC 3339")
        + chrono::TimeDelta::milliseconds(i64::from(step));
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// The pinned moment in the zone given, as the binary sees it there.
pub fn pinned_in(tz: &chrono::FixedOffset) -> Stamp {
    chrono::DateTime::parse_from_rfc3339(&pin_text())
        .expect("ATTUNE_TEST_NOW is RFC 3339")
        .with_timezone(tz)
}

/// The pinned moment in this process's local zone (the binary's zone when TZ is not set).
pub fn pinned_local() -> Stamp {
    chrono::DateTime::parse_from_rfc3339(&pin_text())
        .expect("ATTUNE_TEST_NOW is RFC 3339")
        .with_timezone(&chrono::Local)
        .fixed_offset()
}
