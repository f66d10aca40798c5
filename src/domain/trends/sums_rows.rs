//! How a month file's sums are kept on disk: as JSON arrays, not objects. The sums are
//! read back on every all-time report, and reading field names cost more than reading
//! the numbers.

use super::exact_sum::ExactSum;
use super::sums::{DaySum, HeartSum, PracticeSum, ScaleSum, Tally};
use std::collections::BTreeMap;

pub type PracticeRow = (String, usize, ExactSum, Tally);
pub type HeartRow = (usize, ExactSum, ExactSum, usize, ExactSum, Tally, Tally);
pub type DayRow = (
    usize,
    usize,
    ExactSum,
    Tally,
    Tally,
    Tally,
    BTreeMap<String, PracticeSum>,
    usize,
    [ScaleSum; 6],
    BTreeMap<String, usize>,
    Option<HeartSum>,
);

impl From<(i64, usize)> for Tally {
    fn from((sum, count): (i64, usize)) -> Tally {
        Tally { sum, count }
    }
}

impl From<Tally> for (i64, usize) {
    fn from(t: Tally) -> (i64, usize) {
        (t.sum, t.count)
    }
}

impl From<(usize, u32, u8, u8)> for ScaleSum {
    fn from((count, sum, min, max): (usize, u32, u8, u8)) -> ScaleSum {
        ScaleSum {
            count,
            sum,
            min,
            max,
        }
    }
}

impl From<ScaleSum> for (usize, u32, u8, u8) {
    fn from(s: ScaleSum) -> (usize, u32, u8, u8) {
        (s.count, s.sum, s.min, s.max)
    }
}

impl From<PracticeRow> for PracticeSum {
    fn from((practice, count, minutes, change): PracticeRow) -> PracticeSum {
        PracticeSum {
            practice,
            count,
            minutes,
            change,
        }
    }
}

impl From<PracticeSum> for PracticeRow {
    fn from(p: PracticeSum) -> PracticeRow {
        (p.practice, p.count, p.minutes, p.change)
    }
}

impl From<HeartRow> for HeartSum {
    fn from(row: HeartRow) -> HeartSum {
        let (rest, rmssd_ms, mean_hr, swing, swing_bpm, swing_before, swing_after) = row;
        HeartSum {
            rest,
            rmssd_ms,
            mean_hr,
            swing,
            swing_bpm,
            swing_before,
            swing_after,
        }
    }
}

impl From<HeartSum> for HeartRow {
    fn from(h: HeartSum) -> HeartRow {
        let HeartSum {
            rest,
            rmssd_ms,
            mean_hr,
            swing,
            swing_bpm,
            swing_before,
            swing_after,
        } = h;
        (rest, rmssd_ms, mean_hr, swing, swing_bpm, swing_before, swing_after)
    }
}

impl From<DayRow> for DaySum {
    fn from(row: DayRow) -> DaySum {
        let (sessions, completed, minutes, before, after, change, by_practice, checkins) =
            (row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7);
        DaySum {
            sessions,
            completed,
            minutes,
            before,
            after,
            change,
            by_practice,
            checkins,
            scales: row.8,
            sensations: row.9,
            heart: row.10.unwrap_or_default(),
        }
    }
}

impl From<DaySum> for DayRow {
    fn from(d: DaySum) -> DayRow {
        // Most days hold no heart reading: nothing is written for none.
        let heart = (d.heart != HeartSum::default()).then_some(d.heart);
        let DaySum {
            sessions,
            completed,
            minutes,
            before,
            after,
            change,
            by_practice,
            checkins,
            scales,
            sensations,
            heart: _,
        } = d;
        (
            sessions,
            completed,
            minutes,
            before,
            after,
            change,
            by_practice,
            checkins,
            scales,
            sensations,
            heart,
        )
    }
}
