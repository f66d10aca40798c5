//! The App's side of breathing: opening the preview, handing actions to the screen and
//! following where it leads (home, or grounding after the closing screen's `g`),
//! stopping for exit, and pausing under help.

use super::{Breathe, Outcome, Stage};
use crate::service::practice::Plan;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now, Screen};

impl App {
    /// Open the breathing preview, at `plan` if given; counting recent practice follows.
    pub fn open_breathe(
        &mut self,
        plan: Option<Plan>,
        checkin: bool,
        day: chrono::NaiveDate,
    ) -> Option<Effect> {
        let breathe = Breathe::new(self.patterns.clone(), plan, checkin, &self.config.breathing)?;
        let ids = breathe.patterns.iter().map(|p| p.id.clone()).collect();
        self.notices.clear();
        self.screen = Screen::Breathe(Box::new(breathe));
        Some(Effect::LoadRecentUses { ids, day })
    }

    /// Actions the breathing screen answers itself (everything but help and resizing).
    pub(crate) fn breathe_handles(&self, action: &Action) -> bool {
        !matches!(
            action,
            Action::OpenHelp
                | Action::CloseHelp
                | Action::Scroll(_)
                | Action::Resize(..)
                | Action::Quit
                | Action::TodayLoaded(_)
                | Action::Journal(_)
        )
    }

    pub(crate) fn breathe(&mut self, action: Action, now: Now) -> Option<Effect> {
        let Screen::Breathe(b) = &mut self.screen else {
            return None;
        };
        if let Action::RecentUses(result) = action {
            // Without the counts, every pattern is treated as new: the gentlest plan.
            b.recent_loaded(result.unwrap_or_default());
            return None;
        }
        // The gentle offer's `g` on the closing screen: Enter's saving, then grounding.
        let action = match (action, &b.stage) {
            (Action::OpenGround, Stage::Closing(_)) => {
                self.ground_next = true;
                Action::Begin
            }
            (action, _) => action,
        };
        let outcome = b.update(action, now);
        self.bells += std::mem::take(&mut b.rings);
        self.follow(outcome, now)
    }

    pub(crate) fn follow(&mut self, outcome: Outcome, now: Now) -> Option<Effect> {
        match outcome {
            Outcome::Stay => {
                self.ground_next = false;
                None
            }
            Outcome::Do(effect) => Some(effect),
            Outcome::Home(_) if std::mem::take(&mut self.ground_next) => {
                self.open_ground(None, true, now);
                None
            }
            Outcome::Home(notices) => {
                self.screen = Screen::Home;
                self.notices = notices;
                Some(self.load_today(now.wall.date_naive()))
            }
        }
    }

    /// Quitting (Ctrl+C, a signal) mid-practice: the effect that saves it as stopped early.
    pub fn stop_for_exit(&mut self, now: Now) -> Option<Effect> {
        if let Screen::Journal(j) = &mut self.screen {
            return j.stop_for_exit(now);
        }
        let Screen::Breathe(b) = &mut self.screen else {
            return self.stop_ground_for_exit(now);
        };
        match b.stop_for_exit(now)? {
            Outcome::Do(effect) => Some(effect),
            _ => None,
        }
    }

    /// Help over a running pacer pauses it; Space goes on once help is closed.
    pub(crate) fn pause_for_help(&mut self, now: Now) {
        if let Screen::Breathe(b) = &mut self.screen
            && let Stage::Pacing(run) = &mut b.stage
            && !run.paused()
        {
            run.toggle_pause(now.mono);
        }
    }
}
