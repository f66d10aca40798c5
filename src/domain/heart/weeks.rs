//! Resting readings week by week: how many, and their mean RMSSD and heart rate. Only
//! resting readings count, since readings during or around practice are not baselines.

use crate::domain::today::week_start;
use crate::store::model::Heart;
use chrono::{NaiveDate, Weekday};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RestWeek {
    pub week_start: NaiveDate,
    pub readings: usize,
    pub rmssd_ms_mean: f64,
    pub mean_hr_mean: f64,
}

/// The weeks holding resting readings, oldest first; `readings` are (day, reading).
pub fn rest_weeks(readings: &[(NaiveDate, &Heart)], first: Weekday) -> Vec<RestWeek> {
    let mut weeks: std::collections::BTreeMap<NaiveDate, Vec<&Heart>> = Default::default();
    for (day, h) in readings.iter().filter(|(_, h)| h.context == "rest") {
        weeks.entry(week_start(*day, first)).or_default().push(h);
    }
    weeks
        .into_iter()
        .map(|(week_start, hs)| {
            let n = hs.len() as f64;
            RestWeek {
                week_start,
                readings: hs.len(),
                rmssd_ms_mean: hs.iter().map(|h| h.rmssd_ms).sum::<f64>() / n,
                mean_hr_mean: hs.iter().map(|h| h.mean_hr).sum::<f64>() / n,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(context: &str, rmssd: f64, hr: f64) -> Heart {
        Heart {
            context: context.into(),
            rmssd_ms: rmssd,
            mean_hr: hr,
            ..Heart::default()
        }
    }

    #[test]
    fn resting_readings_are_grouped_by_week() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let (a, b, c, o) = (
            reading("rest", 30.0, 70.0),
            reading("rest", 40.0, 60.0),
            reading("rest", 50.0, 64.0),
            reading("outside", 90.0, 90.0),
        );
        // 16 Nov 2026 is a Monday.
        let all = [(d(16), &a), (d(22), &b), (d(23), &c), (d(17), &o)];
        let weeks = rest_weeks(&all, Weekday::Mon);
        assert_eq!(weeks.len(), 2);
        assert_eq!((weeks[0].week_start, weeks[0].readings), (d(16), 2));
        assert!((weeks[0].rmssd_ms_mean - 35.0).abs() < 1e-12);
        assert!((weeks[0].mean_hr_mean - 65.0).abs() < 1e-12);
        assert_eq!((weeks[1].week_start, weeks[1].readings), (d(23), 1));
        let sunday = rest_weeks(&all, Weekday::Sun);
        assert_eq!(sunday[0].week_start, d(15));
        assert_eq!(sunday[1].week_start, d(22));
    }
}
