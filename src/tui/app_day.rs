//! The App keeps today fresh: a new day since the last update reloads today's summary
//! (no timer needed: the first update after midnight does it).

use super::action::Effect;
use super::app::{App, Now};

impl App {
    /// Note the day `now` falls on; true if it is a new day since the last update.
    pub(crate) fn day_changed(&mut self, now: Now) -> bool {
        let day = now.wall.date_naive();
        let changed = self.day.is_some_and(|d| d != day);
        self.day = Some(day);
        changed
    }

    /// Midnight passed while attune was open: reload today once nothing else is pending
    /// (no timer needed: the first update of the new day does it).
    pub(crate) fn reload_if_stale(
        &mut self,
        effect: Option<Effect>,
        new_day: bool,
        now: Now,
    ) -> Option<Effect> {
        self.today_stale |= new_day;
        if matches!(effect, Some(Effect::LoadToday { .. })) {
            self.today_stale = false;
        }
        if effect.is_some() || !self.today_stale {
            return effect;
        }
        self.today_stale = false;
        Some(self.load_today(now.wall.date_naive()))
    }
}
