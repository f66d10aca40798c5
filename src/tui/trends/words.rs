//! The trends screen's words: key hints, chart labels, and the short forms of ranges and
//! changes. Kind and plain; a lower or a higher number is never a verdict.

use super::Unit;
use crate::service::trends::Span;
use chrono::{Datelike, NaiveDate};

pub const HINT_TRENDS: &str = "trends";
pub const HINT_WEEK: &str = "week";
pub const HINT_MONTH: &str = "month";
pub const HINT_ALL: &str = "all time";

pub const TITLE: &str = "Trends";
pub const MINUTES: &str = "Minutes";
pub const MIN: &str = "min";
pub const BEFORE: &str = "Before";
pub const AFTER: &str = "After";
pub const DISTRESS_HEAD: &str = "Distress before → after";
pub const DISTRESS_MEANS: &str = "Distress around practice";
pub const SENSATIONS_HEAD: &str = "Sensations";
pub const SENSATIONS_SINCE: &str = "Sensations, since last week";
pub const LOADING: &str = "Gathering your trends…";
pub const STILL_LOADING: &str = "updating…";
pub const EARLIER: &str = "← shows earlier weeks.";
pub const NOT_RATED: &str = "·";
pub const BY_MONTH: &str = "by month";

/// A scale's name on its sparkline.
pub fn scale_name(scale: crate::domain::checkin::Scale) -> &'static str {
    use crate::domain::checkin::Scale;
    match scale {
        Scale::Sleep => "Sleep",
        Scale::Energy => "Energy",
        Scale::Pain => "Pain",
        Scale::Tension => "Tension",
        Scale::Distress => "Distress",
        Scale::Breath => "Breathing",
    }
}

pub fn load_failed(why: &str) -> String {
    format!("These trends could not be read just now: {why}")
}

/// A short name for a range, for narrow windows: "23–29 Nov 2026", "November 2026".
pub fn short_range(span: Span, from: NaiveDate, to: NaiveDate) -> String {
    match span {
        Span::Week(_) if (from.year(), from.month()) == (to.year(), to.month()) => {
            format!("{}–{}", from.format("%-d"), to.format("%-d %b %Y"))
        }
        Span::Week(_) => format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y")),
        Span::Month(_) => from.format("%B %Y").to_string(),
        Span::All => "All time".to_string(),
    }
}

/// "than last week" or "than last month".
fn than(unit: Unit) -> &'static str {
    match unit {
        Unit::Month => "than last month",
        _ => "than last week",
    }
}

/// A sensation's change from the range before: "2 fewer than last week" (or, when
/// `short`, "2 fewer"). None for all time, or when the count is the same.
pub fn sensation_change(change: i64, unit: Unit, short: bool) -> Option<String> {
    if unit == Unit::All || change == 0 {
        return None;
    }
    let word = if change < 0 { "fewer" } else { "more" };
    let said = format!("{} {word}", change.unsigned_abs());
    Some(if short {
        said
    } else {
        format!("{said} {}", than(unit))
    })
}

/// A 0-10 mean as "6" or "5.5".
pub fn level(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The change from before to after practice: "▼2" lower, "▲1" higher, "=" the same.
pub fn change_mark(before: f64, after: f64) -> String {
    let d = after - before;
    match d {
        d if d < -0.05 => format!("▼{}", level(-d)),
        d if d > 0.05 => format!("▲{}", level(d)),
        _ => "=".to_string(),
    }
}

/// "6 → 4" for one day, with "·" for a rating not given.
pub fn before_after(before: Option<f64>, after: Option<f64>) -> String {
    let v = |x: Option<f64>| x.map_or(NOT_RATED.to_string(), level);
    format!("{} → {}", v(before), v(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_plainly() {
        assert_eq!(
            sensation_change(-2, Unit::Week, false).as_deref(),
            Some("2 fewer than last week")
        );
        assert_eq!(
            sensation_change(1, Unit::Month, true).as_deref(),
            Some("1 more")
        );
        assert_eq!(sensation_change(3, Unit::All, false), None);
        assert_eq!(sensation_change(0, Unit::Week, false), None);
        assert_eq!(change_mark(6.0, 4.0), "▼2");
        assert_eq!(change_mark(3.0, 3.5), "▲0.5");
        assert_eq!(before_after(Some(5.5), None), "5.5 → ·");
    }
}
