//! The one place attune reads the system clock. `main` makes one [`Clock`] and hands it
//! down; everything below takes the time it is given, so tests can set it freely.

use crate::store::model::Stamp;
use chrono::SubsecRound;
use std::time::{Duration, Instant};

/// The time an update happens at: the wall clock for records, and a monotonic reading
/// (from any fixed origin) for everything that moves. Tests make both up freely.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub wall: Stamp,
    pub mono: Duration,
}

/// Where the time comes from: the system, or (for tests of the binary) a fixed wall time.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    origin: Instant,
    /// A wall time that stands still, so a test's records land on the day it chose.
    pinned: Option<Stamp>,
}

/// Debug builds only: a wall time (RFC 3339) that the binary uses instead of the system's.
/// Release builds never read it, so no stray variable can change a person's records.
pub const PIN_VAR: &str = "ATTUNE_NOW";

impl Clock {
    /// The system clock (or, in a debug build, `ATTUNE_NOW` when it is set and valid).
    pub fn system() -> Clock {
        let pinned = if cfg!(debug_assertions) {
            std::env::var(PIN_VAR).ok().and_then(|s| parse_pin(&s))
        } else {
            None
        };
        Clock {
            origin: Instant::now(),
            pinned,
        }
    }

    /// A clock whose wall time stands at `at`; monotonic time still runs.
    pub fn pinned(at: Stamp) -> Clock {
        Clock {
            origin: Instant::now(),
            pinned: Some(at.trunc_subsecs(3)),
        }
    }

    /// Wall time, in the local zone, to the millisecond (so it survives a JSON round trip).
    pub fn wall(&self) -> Stamp {
        self.pinned
            .unwrap_or_else(|| chrono::Local::now().fixed_offset().trunc_subsecs(3))
    }

    /// Time since this clock was made; never goes back.
    pub fn mono(&self) -> Duration {
        self.origin.elapsed()
    }

    pub fn now(&self) -> Now {
        Now {
            wall: self.wall(),
            mono: self.mono(),
        }
    }
}

/// A pinned time, shown in the local zone as the system time would be.
fn parse_pin(text: &str) -> Option<Stamp> {
    let at = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?;
    Some(at.with_timezone(&chrono::Local).fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_stands_still_and_keeps_milliseconds() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-01-31T23:59:59.123456+02:00").unwrap();
        let clock = Clock::pinned(at);
        assert_eq!(clock.wall(), clock.wall());
        assert_eq!(clock.wall().timestamp_subsec_nanos(), 123_000_000);
        assert!(clock.mono() <= clock.mono());
    }

    #[test]
    fn a_pin_is_read_as_rfc3339_and_nothing_else() {
        assert!(parse_pin("2026-06-15T12:00:00Z").is_some());
        assert!(parse_pin(" 2026-06-15T12:00:00+05:30\n").is_some());
        assert!(parse_pin("yesterday").is_none());
        assert!(parse_pin("2026-06-15").is_none());
    }
}
