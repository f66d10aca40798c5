//! Active time: time since the start minus time spent paused. Monotonic readings come in
//! as Durations from any fixed origin, so tests can pass whatever they like.

use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveClock {
    origin: Duration,
    paused_total: Duration,
    paused_since: Option<Duration>,
}

impl ActiveClock {
    pub fn start(now: Duration) -> ActiveClock {
        ActiveClock {
            origin: now,
            paused_total: Duration::ZERO,
            paused_since: None,
        }
    }

    /// Active time at `now`: it stands still while paused.
    pub fn active(&self, now: Duration) -> Duration {
        let until = self.paused_since.unwrap_or(now).min(now);
        until
            .saturating_sub(self.origin)
            .saturating_sub(self.paused_total)
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    pub fn pause(&mut self, now: Duration) {
        if self.paused_since.is_none() {
            self.paused_since = Some(now);
        }
    }

    pub fn resume(&mut self, now: Duration) {
        if let Some(since) = self.paused_since.take() {
            self.paused_total += now.saturating_sub(since);
        }
    }

    /// The monotonic reading at which active time reaches `active` (if not paused).
    pub fn when(&self, active: Duration) -> Duration {
        self.origin + self.paused_total + active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pause_stops_active_time_and_resume_shifts_it_by_the_pause() {
        let s = Duration::from_secs;
        let mut c = ActiveClock::start(s(100));
        assert_eq!(c.active(s(104)), s(4));
        c.pause(s(104));
        assert_eq!(c.active(s(110)), s(4));
        c.resume(s(111));
        assert_eq!(c.active(s(113)), s(6));
        assert_eq!(c.when(s(10)), s(117));
    }
}
