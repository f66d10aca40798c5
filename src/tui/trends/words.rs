//! The trends screen's words: key hints, chart labels, and the short forms of ranges and
//! changes. Kind and plain; a lower or a higher number is never a verdict.

use super::Unit;
use crate::service::trends::Span;
use chrono::{Datelike, NaiveDate};

pub const HINT_TRENDS: &str = "trends";
pub const HINT_WEEK: &str = "week";
pub const HINT_MONTH: &str = "month";
pub const HINT_ALL: &str = "all time";
pub const HINT_GO_TO: &str = "go to date";
pub const GO_TO: &str = "Go to: ";
pub const GO_TO_HOW: &str =
    "A month like 2019-03, or a day like 2019-03-14. Enter to go, Esc to stay.";
pub const GO_TO_BAD: &str = "That is not a date attune knows; type it like 2019-03 or 2019-03-14.";
pub const GO_TO_LATER: &str = "That is after today; trends reach as far as today.";

pub const TITLE: &str = "Trends";
pub const MINUTES: &str = "Minutes";
pub const MIN: &str = "min";
pub const BEFORE: &str = "Before";
pub const AFTER: &str = "After";
pub const DISTRESS_HEAD: &str = "Distress before → after";
pub const DISTRESS_MEANS: &str = "Distress around practice";
pub const SENSATIONS_HEAD: &str = "Sensations";
pub const LOADING: &str = "Gathering your trends…";
pub const STILL_LOADING: &str = "updating…";
pub const EARLIER: &str = "← shows earlier weeks.";
pub const NOT_RATED: &str = "·";
pub const HOURS: &str = "Hours";
pub const HRS: &str = "hrs";
pub const RANGE: &str = "  range";
/// Over the sparklines: what the arrows and the numbers at the right mean.
pub const LEGEND: &str = "↓ or ↑: the easier way · right: mean, range";
pub const PRACTICE_HEAD: &str = "Practice";
pub const SESSIONS_HEAD: &str = "times";
pub const RATED_HEAD: &str = "rated";
pub const CHANGE_HEAD: &str = "mean change";

/// "monthly", "quarterly" or "yearly", under the unit of all time's bars (it fits the
/// names' column, one cell short of the bars).
pub fn by_cut(cut: super::columns::Cut) -> &'static str {
    use super::columns::Cut;
    match cut {
        Cut::Days | Cut::Months => "monthly",
        Cut::Quarters => "quarterly",
        Cut::Years => "yearly",
    }
}

/// The scale of the bars: the tallest one's height, "top 118".
pub fn tallest(v: f64) -> String {
    format!("top {}", v.round())
}

/// A sparkline's name with the way that is easier: "Distress ↓", "Sleep ↑".
pub fn spark_name(scale: crate::domain::checkin::Scale) -> String {
    use crate::domain::checkin::Scale;
    let arrow = match scale {
        Scale::Distress | Scale::Tension | Scale::Pain => '↓',
        Scale::Breath | Scale::Energy | Scale::Sleep => '↑',
    };
    let name = match scale {
        Scale::Breath => "Breath",
        other => scale_name(other),
    };
    format!("{name:<8}{arrow}")
}

/// A range's mean and, when it varies, its lowest and highest: "4.2 1-7", "4".
pub fn mean_and_range(s: &crate::domain::trends::Stats) -> Option<String> {
    let mean = level(s.mean?);
    match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo != hi => Some(format!("{mean} {lo}-{hi}")),
        _ => Some(mean),
    }
}

/// A day's lowest and highest in `width` cells: "2-6", "4" when they are one, or the
/// highest alone as "≤10" when both do not fit.
pub fn range_in((lo, hi): (u8, u8), width: usize) -> String {
    let full = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}-{hi}")
    };
    if full.chars().count() <= width {
        full
    } else {
        format!("≤{hi}")
    }
}

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

/// What the sensations' changes are against: "against last week", or, for a week still
/// under way, "against these days last week".
pub fn against(partial: bool, unit: Unit) -> &'static str {
    match (partial, unit) {
        (true, Unit::Month) => "against these days last month",
        (true, _) => "against these days last week",
        (false, Unit::Month) => "against last month",
        (false, _) => "against last week",
    }
}

/// A sensation's change from the days compared: "2 fewer", "1 more"; None when the same.
pub fn sensation_change(change: i64) -> Option<String> {
    let word = match change {
        0 => return None,
        c if c < 0 => "fewer",
        _ => "more",
    };
    Some(format!("{} {word}", change.unsigned_abs()))
}

pub use crate::copy::trends::{change_mark, figure as level};

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
        assert_eq!(sensation_change(-2).as_deref(), Some("2 fewer"));
        assert_eq!(sensation_change(1).as_deref(), Some("1 more"));
        assert_eq!(sensation_change(0), None);
        assert_eq!(against(true, Unit::Week), "against these days last week");
        assert_eq!(change_mark(6.0, 4.0), "▼2");
        assert_eq!(change_mark(3.0, 3.5), "▲0.5");
        assert_eq!(before_after(Some(5.5), None), "5.5 → ·");
        assert_eq!(range_in((2, 6), 3), "2-6");
        assert_eq!(range_in((3, 10), 3), "≤10");
        assert_eq!(range_in((4, 4), 3), "4");
    }
}
