//! A `Stamp` in the one RFC 3339 form the month files hold (as chrono's `Serialize` writes
//! it: `2026-11-30T09:05:00.123+01:00`, `Z` for UTC), written and read by hand: going
//! through chrono's `Display` was an eighth of the work of writing all of history out as
//! JSON, and chrono's general parser a seventh of reading it. Reading takes only that one
//! form; any other text is left to chrono, which decides as it always has.

use super::model::Stamp;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

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

/// `text` read as chrono's `FromStr` reads it, when it is in the one form written here;
/// `None` for any other text (chrono then reads it, or refuses it).
pub fn parse(text: &str) -> Option<Stamp> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        digits
            .iter()
            .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let shape = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !shape.iter().all(|&(i, c)| at(i, c)) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 2)?, num(8, 2)?)?;
    // Second 60 (a leap second) is left to chrono.
    let (h, m, s) = (num(11, 2)?, num(14, 2)?, num(17, 2).filter(|s| *s < 60)?);
    let (nano, rest) = fraction(b.get(19..)?)?;
    let time = NaiveTime::from_hms_nano_opt(h, m, s, nano)?;
    let offset = offset(rest)?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// An optional `.` and 1 to 9 digits, as nanoseconds, and what follows.
fn fraction(b: &[u8]) -> Option<(u32, &[u8])> {
    let Some(rest) = b.strip_prefix(b".") else {
        return Some((0, b));
    };
    let len = rest.iter().take_while(|d| d.is_ascii_digit()).count();
    if !(1..=9).contains(&len) {
        return None;
    }
    let (digits, rest) = rest.split_at(len);
    let n = digits
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    Some((n * 10u32.pow((9 - len) as u32), rest))
}

/// `Z`, or `+HH:MM` / `-HH:MM` within a day, and nothing after it.
fn offset(b: &[u8]) -> Option<FixedOffset> {
    if b == b"Z" {
        return FixedOffset::east_opt(0);
    }
    let &[sign, h1, h2, b':', m1, m2] = b else {
        return None;
    };
    let two = |a: u8, b: u8| -> Option<i32> {
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| i32::from(a - b'0') * 10 + i32::from(b - b'0'))
    };
    let (hours, minutes) = (two(h1, h2).filter(|h| *h < 24)?, two(m1, m2).filter(|m| *m < 60)?);
    let seconds = hours * 3600 + minutes * 60;
    match sign {
        b'+' => FixedOffset::east_opt(seconds),
        b'-' => FixedOffset::west_opt(seconds),
        _ => None,
    }
}

/// Reads a stamp as chrono's `Deserialize` does (same errors), the usual form by hand.
pub struct Read(pub Stamp);

impl<'de> Deserialize<'de> for Read {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Read, D::Error> {
        struct StampVisitor;
        impl Visitor<'_> for StampVisitor {
            type Value = Read;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // chrono's words, so a refusal reads as it always has.
                f.write_str("an RFC 3339 formatted date and time string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Read, E> {
                match parse(v) {
                    Some(stamp) => Ok(Read(stamp)),
                    None => v.parse().map(Read).map_err(E::custom),
                }
            }
        }
        d.deserialize_str(StampVisitor)
    }
}

/// For `#[serde(deserialize_with)]`: a stamp read as chrono reads it.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
    Read::deserialize(d).map(|r| r.0)
}

/// For `#[serde(deserialize_with)]` on an `Option<Stamp>`: `null` is none, as for chrono.
pub fn deserialize_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Stamp>, D::Error> {
    Option::<Read>::deserialize(d).map(|r| r.map(|r| r.0))
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

    /// Texts near the one form read by hand: any digits in each place (out of range
    /// too), fractions of any length, other separators and offsets.
    fn near_texts() -> impl Strategy<Value = String> {
        // Mostly in range, so that most texts are read by hand; sometimes any two digits.
        let two = |most: std::ops::Range<u32>| prop_oneof![3 => most, 1 => 0u32..100];
        let fraction = prop_oneof![Just(String::new()), "\\.[0-9]{3}", "\\.[0-9]{0,11}"];
        let offset = prop_oneof![
            Just("Z".to_string()),
            Just("z".to_string()),
            (prop_oneof![Just('+'), Just('-')], two(0..24), two(0..60))
                .prop_map(|(s, h, m)| format!("{s}{h:02}:{m:02}")),
            "[+-][0-9]{4}",
        ];
        let sep = prop_oneof![8 => Just('T'), 1 => Just('t'), 1 => Just(' ')];
        let (month, day, hour, minute, second) =
            (two(1..13), two(1..32), two(0..24), two(0..60), two(0..61));
        (0u32..10_000, month, day, sep, hour, minute, second, fraction, offset).prop_map(
            |(y, mo, d, sep, h, mi, s, f, o)| {
                format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{f}{o}")
            },
        )
    }

    /// The stamp and its offset: `==` on stamps compares only the instant.
    fn exactly(stamp: Stamp) -> (Stamp, i32) {
        (stamp, stamp.offset().local_minus_utc())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn what_is_read_by_hand_is_what_chrono_reads(text in near_texts()) {
            if let Some(stamp) = parse(&text) {
                let chrono: Stamp = text.parse().unwrap();
                prop_assert_eq!(exactly(stamp), exactly(chrono), "{}", text);
            }
        }

        #[test]
        fn every_stamp_written_is_read_back_by_hand(
            secs in 0i64..253_402_300_800,
            millis in 0u32..1000,
            minutes in -1439i32..1440,
        ) {
            let offset = FixedOffset::east_opt(minutes * 60).unwrap();
            let stamp = DateTime::from_timestamp(secs, millis * 1_000_000)
                .unwrap()
                .with_timezone(&offset);
            let mut buf = [0; LONGEST];
            if let Some(text) = format(&stamp, &mut buf) {
                prop_assert_eq!(parse(text).map(exactly), Some(exactly(stamp)), "{}", text);
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
