//! Writing a `Stamp` in the one RFC 3339 form the month files hold (as chrono's `Serialize`
//! writes it: `2026-11-30T09:05:00.123+01:00`, `Z` for UTC), by hand: going through chrono's
//! `Display` was an eighth of the work of writing all of history out as JSON.

use super::model::Stamp;
use chrono::{Datelike, Timelike};
use serde::{Serialize, Serializer};

/// The longest text written: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+HH:MM`.
pub const LONGEST: usize = 35;

/// `stamp` as chrono's `Serialize` writes it, in `buf`. `None` for a year outside 0..=9999,
/// which chrono writes with a sign: such a stamp is left to chrono (no record holds one).
pub fn format<'b>(stamp: &Stamp, buf: &'b mut [u8; LONGEST]) -> Option<&'b str> {
    let local = stamp.naive_local();
    let year = u32::try_from(local.year()).ok().filter(|y| *y <= 9999)?;
    let mut w = Cursor { buf, len: 0 };
    w.digits(year, 4);
    w.byte(b'-');
    w.digits(local.month(), 2);
    w.byte(b'-');
    w.digits(local.day(), 2);
    w.byte(b'T');
    // A leap second is held as nanoseconds past a billion; chrono writes it as second 60.
    let (mut sec, mut nano) = (local.second(), local.nanosecond());
    if nano >= 1_000_000_000 {
        sec += 1;
        nano -= 1_000_000_000;
    }
    w.digits(local.hour(), 2);
    w.byte(b':');
    w.digits(local.minute(), 2);
    w.byte(b':');
    w.digits(sec, 2);
    w.fraction(nano);
    w.offset(stamp.offset().local_minus_utc());
    let Cursor { buf, len } = w;
    std::str::from_utf8(&buf[..len]).ok()
}

/// For `#[serde(serialize_with)]`: the same text as chrono's `Serialize`, written by hand.
pub fn serialize<S: Serializer>(stamp: &Stamp, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0; LONGEST];
    match format(stamp, &mut buf) {
        Some(text) => s.serialize_str(text),
        None => stamp.serialize(s),
    }
}

struct Cursor<'a> {
    buf: &'a mut [u8; LONGEST],
    len: usize,
}

impl Cursor<'_> {
    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// `n` in exactly `width` digits, zero-padded (callers keep `n` below 10^width).
    fn digits(&mut self, n: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = (n / 10u32.pow(place)) % 10;
            self.byte(b'0' + digit as u8);
        }
    }

    /// chrono's `SecondsFormat::AutoSi`: none, or 3, 6 or 9 digits, the fewest that are exact.
    fn fraction(&mut self, nano: u32) {
        if nano == 0 {
            return;
        }
        self.byte(b'.');
        if nano.is_multiple_of(1_000_000) {
            self.digits(nano / 1_000_000, 3);
        } else if nano.is_multiple_of(1_000) {
            self.digits(nano / 1_000, 6);
        } else {
            self.digits(nano, 9);
        }
    }

    /// `Z` for UTC, else `+HH:MM` / `-HH:MM`, seconds rounded to the nearest minute as chrono
    /// does (a `FixedOffset` is less than a day, so the hours fit two digits).
    fn offset(&mut self, seconds: i32) {
        if seconds == 0 {
            self.byte(b'Z');
            return;
        }
        self.byte(if seconds < 0 { b'-' } else { b'+' });
        let minutes = (seconds.unsigned_abs() + 30) / 60;
        self.digits(minutes / 60, 2);
        self.byte(b':');
        self.digits(minutes % 60, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use proptest::prelude::*;

    fn by_hand(stamp: &Stamp) -> String {
        #[derive(Serialize)]
        struct Hand<'a>(#[serde(serialize_with = "serialize")] &'a Stamp);
        serde_json::to_string(&Hand(stamp)).unwrap()
    }

    /// Nanoseconds of every kind AutoSi tells apart, and leap seconds.
    fn nanos() -> impl Strategy<Value = u32> {
        prop_oneof![
            Just(0u32),
            (0u32..1000).prop_map(|ms| ms * 1_000_000),
            (0u32..1_000_000).prop_map(|us| us * 1_000),
            0u32..1_000_000_000,
            1_000_000_000u32..2_000_000_000,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_text_is_chronos(
            days in -800_000i64..3_700_000,
            secs in 0u32..86_400,
            nano in nanos(),
            offset in prop_oneof![Just(0i32), (-86_399i32..86_400), (-23i32..24).prop_map(|h| h * 3600)],
        ) {
            let date = NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).unwrap());
            // Leap seconds exist only in the last second of a minute.
            let secs = if nano >= 1_000_000_000 { secs - secs % 60 + 59 } else { secs };
            let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, nano);
            let offset = FixedOffset::east_opt(offset).unwrap();
            if let (Some(date), Some(time)) = (date, time) {
                let stamp: Stamp = DateTime::from_naive_utc_and_offset(date.and_time(time), offset);
                prop_assert_eq!(by_hand(&stamp), serde_json::to_string(&stamp).unwrap());
            }
        }
    }

    #[test]
    fn the_forms_the_files_hold() {
        for text in [
            "2026-11-30T09:05:00.123+01:00",
            "2026-11-30T09:05:00Z",
            "0001-01-01T00:00:00.000001-09:30",
            "9999-12-31T23:59:60.500+14:00",
        ] {
            let stamp = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(by_hand(&stamp), format!("\"{text}\""));
        }
    }
}
