//! The trends report as `--json` writes it, straight to the output: the same text that a
//! `serde_json::Value` of the report gave (every object's keys in sorted order, never
//! `-0.0`), without building that tree first. All time holds a row for every day, and
//! building, sorting and dropping the tree cost more than writing the text.
//!
//! Each struct here mirrors one of the report's, its fields declared in sorted key order.
//! Each is made by taking its original apart field by field, so a field added there fails
//! to compile here until it is written out too.

use super::trends::{Compared, Report};
use crate::domain::trends::{Changes, Day, HeartChanges, HeartTrends, Practice, Stats, Trends};
use crate::domain::trends::{Week, heart};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::io::Write;

/// Write the report as pretty JSON, as `attune trends --json` prints it.
pub fn write_pretty(out: &mut dyn Write, rep: &Report) -> serde_json::Result<()> {
    // Made whole in memory first (a few MB for ten years): many small writes through a
    // `dyn Write` cost more than the formatting itself.
    let mut text = Vec::with_capacity(64 * 1024);
    serde_json::to_writer_pretty(&mut text, &ReportJson::of(rep))?;
    out.write_all(&text).map_err(serde_json::Error::io)
}

/// A float as the report shows it: `-0.0` (a change of nothing) is written `0.0`.
#[derive(Clone, Copy)]
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(if self.0 == 0.0 { 0.0 } else { self.0 })
    }
}

fn num(x: Option<f64>) -> Option<Num> {
    x.map(Num)
}

#[derive(Serialize)]
struct ReportJson<'a> {
    by_practice: BTreeMap<&'a str, PracticeJson<'a>>,
    change_from_previous: Option<ChangesJson<'a>>,
    checkins: usize,
    compared: Option<ComparedJson>,
    days: Vec<DayJson<'a>>,
    days_practised: usize,
    days_practised_this_month: usize,
    days_practised_this_week: usize,
    distress_after_mean: Option<Num>,
    distress_before_mean: Option<Num>,
    distress_change_mean: Option<Num>,
    from: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    heart: Option<HeartJson>,
    longest_run: Option<usize>,
    most_helpful: Option<&'a str>,
    most_helpful_name: Option<&'a str>,
    practice_minutes: Num,
    rated_sessions: usize,
    scales: Scales<'a>,
    sensations: &'a BTreeMap<String, usize>,
    sessions: usize,
    sessions_completed: usize,
    to: NaiveDate,
    weeks: Vec<WeekJson<'a>>,
}

impl<'a> ReportJson<'a> {
    fn of(rep: &'a Report) -> ReportJson<'a> {
        let Report {
            trends,
            change_from_previous,
            compared,
            days_practised_this_week,
            days_practised_this_month,
        } = rep;
        let Trends {
            from,
            to,
            days_practised,
            sessions,
            sessions_completed,
            practice_minutes,
            distress_before_mean,
            distress_after_mean,
            distress_change_mean,
            rated_sessions,
            by_practice,
            most_helpful,
            most_helpful_name,
            checkins,
            scales,
            sensations,
            weeks,
            longest_run,
            days,
            heart,
        } = trends;
        ReportJson {
            by_practice: by_practice
                .iter()
                .map(|(id, p)| (id.as_str(), PracticeJson::of(p)))
                .collect(),
            change_from_previous: change_from_previous.as_ref().map(ChangesJson::of),
            checkins: *checkins,
            compared: compared.as_ref().map(ComparedJson::of),
            days: days.iter().map(DayJson::of).collect(),
            days_practised: *days_practised,
            days_practised_this_month: *days_practised_this_month,
            days_practised_this_week: *days_practised_this_week,
            distress_after_mean: num(*distress_after_mean),
            distress_before_mean: num(*distress_before_mean),
            distress_change_mean: num(*distress_change_mean),
            from: *from,
            heart: heart.as_ref().map(HeartJson::of),
            longest_run: *longest_run,
            most_helpful: most_helpful.as_deref(),
            most_helpful_name: most_helpful_name.as_deref(),
            practice_minutes: Num(*practice_minutes),
            rated_sessions: *rated_sessions,
            scales: Scales(scales),
            sensations,
            sessions: *sessions,
            sessions_completed: *sessions_completed,
            to: *to,
            weeks: weeks.iter().map(WeekJson::of).collect(),
        }
    }
}

#[derive(Serialize)]
struct PracticeJson<'a> {
    count: usize,
    mean_change: Option<Num>,
    minutes: Num,
    name: &'a str,
    practice: &'a str,
    rated: usize,
}

impl<'a> PracticeJson<'a> {
    fn of(p: &'a Practice) -> PracticeJson<'a> {
        let Practice {
            practice,
            name,
            count,
            minutes,
            rated,
            mean_change,
        } = p;
        PracticeJson {
            count: *count,
            mean_change: num(*mean_change),
            minutes: Num(*minutes),
            name,
            practice,
            rated: *rated,
        }
    }
}

#[derive(Serialize)]
struct ChangesJson<'a> {
    days_practised: i64,
    distress_change_mean: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    heart: Option<HeartChangesJson>,
    practice_minutes: Num,
    sensations: &'a BTreeMap<String, i64>,
    sessions: i64,
}

impl<'a> ChangesJson<'a> {
    fn of(c: &'a Changes) -> ChangesJson<'a> {
        let Changes {
            days_practised,
            practice_minutes,
            sessions,
            distress_change_mean,
            sensations,
            heart,
        } = c;
        ChangesJson {
            days_practised: *days_practised,
            distress_change_mean: num(*distress_change_mean),
            heart: heart.as_ref().map(HeartChangesJson::of),
            practice_minutes: Num(*practice_minutes),
            sensations,
            sessions: *sessions,
        }
    }
}

#[derive(Serialize)]
struct HeartChangesJson {
    rest_mean_hr: Option<Num>,
    rest_readings: i64,
    rest_rmssd_ms: Option<Num>,
    swing_bpm: Option<Num>,
    swing_practices: i64,
}

impl HeartChangesJson {
    fn of(h: &HeartChanges) -> HeartChangesJson {
        let HeartChanges {
            rest_readings,
            rest_rmssd_ms,
            rest_mean_hr,
            swing_practices,
            swing_bpm,
        } = h;
        HeartChangesJson {
            rest_mean_hr: num(*rest_mean_hr),
            rest_readings: *rest_readings,
            rest_rmssd_ms: num(*rest_rmssd_ms),
            swing_bpm: num(*swing_bpm),
            swing_practices: *swing_practices,
        }
    }
}

#[derive(Serialize)]
struct ComparedJson {
    from: NaiveDate,
    partial: bool,
    previous_from: NaiveDate,
    previous_to: NaiveDate,
    to: NaiveDate,
}

impl ComparedJson {
    fn of(c: &Compared) -> ComparedJson {
        let Compared {
            from,
            to,
            previous_from,
            previous_to,
            partial,
        } = *c;
        ComparedJson {
            from,
            partial,
            previous_from,
            previous_to,
            to,
        }
    }
}

#[derive(Serialize)]
struct DayJson<'a> {
    checkins: usize,
    date: &'a NaiveDate,
    distress_after_mean: Option<Num>,
    distress_before_mean: Option<Num>,
    practice_minutes: Num,
    scales: Scales<'a>,
    sessions: usize,
}

impl<'a> DayJson<'a> {
    fn of(d: &'a Day) -> DayJson<'a> {
        let Day {
            date,
            sessions,
            practice_minutes,
            distress_before_mean,
            distress_after_mean,
            checkins,
            scales,
        } = d;
        DayJson {
            checkins: *checkins,
            date,
            distress_after_mean: num(*distress_after_mean),
            distress_before_mean: num(*distress_before_mean),
            practice_minutes: Num(*practice_minutes),
            scales: Scales(scales),
            sessions: *sessions,
        }
    }
}

#[derive(Serialize)]
struct StatsJson {
    count: usize,
    max: Option<u8>,
    mean: Option<Num>,
    min: Option<u8>,
}

/// Check-in scales by key, in the map's (sorted) order, each written as it is reached.
struct Scales<'a>(&'a BTreeMap<&'static str, Stats>);

impl Serialize for Scales<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (*k, StatsJson::of(v))))
    }
}

impl StatsJson {
    fn of(s: &Stats) -> StatsJson {
        let Stats {
            count,
            mean,
            min,
            max,
        } = *s;
        StatsJson {
            count,
            max,
            mean: num(mean),
            min,
        }
    }
}

#[derive(Serialize)]
struct WeekJson<'a> {
    sensations: &'a BTreeMap<String, usize>,
    week_start: NaiveDate,
}

impl<'a> WeekJson<'a> {
    fn of(w: &'a Week) -> WeekJson<'a> {
        let Week {
            week_start,
            sensations,
        } = w;
        WeekJson {
            sensations,
            week_start: *week_start,
        }
    }
}

#[derive(Serialize)]
struct HeartJson {
    rest: Option<RestJson>,
    swing: Option<SwingJson>,
}

#[derive(Serialize)]
struct RestJson {
    mean_hr_mean: Num,
    readings: usize,
    rmssd_ms_mean: Num,
}

#[derive(Serialize)]
struct SwingJson {
    distress_after_mean: Option<Num>,
    distress_before_mean: Option<Num>,
    practices: usize,
    rated: usize,
    swing_bpm_mean: Num,
}

impl HeartJson {
    fn of(h: &HeartTrends) -> HeartJson {
        let HeartTrends { rest, swing } = h;
        HeartJson {
            rest: rest.as_ref().map(|r| {
                let heart::Rest {
                    readings,
                    rmssd_ms_mean,
                    mean_hr_mean,
                } = *r;
                RestJson {
                    mean_hr_mean: Num(mean_hr_mean),
                    readings,
                    rmssd_ms_mean: Num(rmssd_ms_mean),
                }
            }),
            swing: swing.as_ref().map(|s| {
                let heart::Swing {
                    practices,
                    swing_bpm_mean,
                    rated,
                    distress_before_mean,
                    distress_after_mean,
                } = *s;
                SwingJson {
                    distress_after_mean: num(distress_after_mean),
                    distress_before_mean: num(distress_before_mean),
                    practices,
                    rated,
                    swing_bpm_mean: Num(swing_bpm_mean),
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::trends::heart::{Rest, Swing};
    use crate::service::trends::to_json;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn stats(count: usize, mean: f64, min: u8, max: u8) -> Stats {
        Stats {
            count,
            mean: Some(mean),
            min: Some(min),
            max: Some(max),
        }
    }

    /// A report with every field filled (and some left empty), negative zeros included.
    fn full() -> Report {
        let scales = BTreeMap::from([
            ("distress", stats(3, 4.5, 2, 7)),
            ("tension", stats(1, -0.0, 0, 0)),
        ]);
        let words = BTreeMap::from([("tight chest".to_string(), 2), ("settled".to_string(), 1)]);
        let mut trends = Trends {
            from: day(2026, 11, 9),
            to: day(2026, 11, 15),
            days_practised: 5,
            sessions: 9,
            sessions_completed: 8,
            practice_minutes: 41.5,
            distress_before_mean: Some(3.7777777777777777),
            distress_after_mean: None,
            distress_change_mean: Some(-0.0),
            rated_sessions: 8,
            most_helpful: Some("long-exhale".into()),
            most_helpful_name: Some("Long exhale \"4-6\"".into()),
            checkins: 4,
            scales: scales.clone(),
            sensations: words.clone(),
            weeks: vec![Week {
                week_start: day(2026, 11, 9),
                sensations: words.clone(),
            }],
            longest_run: Some(3),
            heart: Some(HeartTrends {
                rest: Some(Rest {
                    readings: 3,
                    rmssd_ms_mean: 41.5,
                    mean_hr_mean: 61.666666666666664,
                }),
                swing: Some(Swing {
                    practices: 4,
                    swing_bpm_mean: 6.75,
                    rated: 3,
                    distress_before_mean: Some(4.0),
                    distress_after_mean: None,
                }),
            }),
            ..Trends::default()
        };
        trends.by_practice.insert(
            "long-exhale".into(),
            Practice {
                practice: "breathe".into(),
                name: "Long exhale".into(),
                count: 5,
                minutes: 30.000000000000004,
                rated: 5,
                mean_change: Some(-1.4),
            },
        );
        trends.days = vec![
            Day {
                date: day(2026, 11, 9),
                sessions: 2,
                practice_minutes: 10.0,
                scales,
                ..Day::default()
            },
            Day {
                date: day(2026, 11, 10),
                practice_minutes: -0.0,
                ..Day::default()
            },
        ];
        let heart = HeartChanges {
            rest_readings: -1,
            rest_rmssd_ms: Some(4.0),
            rest_mean_hr: None,
            swing_practices: 3,
            swing_bpm: Some(-0.0),
        };
        Report {
            trends,
            change_from_previous: Some(Changes {
                days_practised: -2,
                practice_minutes: -0.0,
                sessions: 1,
                distress_change_mean: Some(0.25),
                sensations: BTreeMap::from([("headache".to_string(), -1)]),
                heart: Some(heart),
            }),
            compared: Some(Compared {
                from: day(2026, 11, 9),
                to: day(2026, 11, 12),
                previous_from: day(2026, 11, 2),
                previous_to: day(2026, 11, 5),
                partial: true,
            }),
            days_practised_this_week: 5,
            days_practised_this_month: 11,
        }
    }

    fn both(rep: &Report) -> (String, String) {
        let mut tree = Vec::new();
        serde_json::to_writer_pretty(&mut tree, &to_json(rep).unwrap()).unwrap();
        let mut straight = Vec::new();
        write_pretty(&mut straight, rep).unwrap();
        (String::from_utf8(tree).unwrap(), String::from_utf8(straight).unwrap())
    }

    #[test]
    fn the_text_is_that_of_the_sorted_tree_every_field_filled() {
        let (tree, straight) = both(&full());
        assert_eq!(straight, tree);
        assert!(!straight.contains(": -0.0"), "{straight}");
    }

    #[test]
    fn the_text_is_that_of_the_sorted_tree_when_fields_are_empty() {
        let mut rep = full();
        rep.trends.heart = None;
        rep.change_from_previous = None;
        rep.compared = None;
        assert_eq!(both(&rep).1, both(&rep).0);
        let mut rep = full();
        rep.trends.heart = Some(HeartTrends::default());
        if let Some(c) = rep.change_from_previous.as_mut() {
            c.heart = None;
        }
        let (tree, straight) = both(&rep);
        assert_eq!(straight, tree);
    }
}
