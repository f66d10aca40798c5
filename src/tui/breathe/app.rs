//! The App's side of breathing: opening the preview, handing actions to the screen and
//! following where it leads (home, or grounding after the closing screen's `g`),
//! stopping for exit, and pausing under help.

use super::pacing;
use super::{Breathe, Stage};
use crate::domain::breathing::choices::Choices;
use crate::service::practice::Plan;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now, Screen};
use crate::tui::journal::JournalAction;
use crate::tui::keymap::Context;
use crate::tui::screen::Transition;
use ratatui::layout::{Position, Rect};
use std::time::Duration;

impl App {
    /// Open the breathing preview, at `plan` if given; counting recent practice follows.
    pub fn open_breathe(
        &mut self,
        plan: Option<Plan>,
        checkin: bool,
        day: chrono::NaiveDate,
    ) -> Option<Effect> {
        let defaults = &self.config.breathing;
        let last = self.breathe_last.as_ref();
        let mut breathe = Breathe::new(self.patterns.clone(), plan, checkin, defaults, last)?;
        breathe.heart = self.heart.as_ref().map(super::heart::Link::side);
        if breathe.keep_in.is_none() {
            breathe.keep_in.clone_from(&self.config_dir);
        }
        let ids = breathe.patterns.iter().map(|p| p.id.clone()).collect();
        self.notices.clear();
        self.screen = Screen::Breathe(Box::new(breathe));
        Some(Effect::LoadRecentUses { ids, day })
    }

    pub(crate) fn breathe(&mut self, action: Action, now: Now) -> Option<Effect> {
        let Screen::Breathe(b) = &mut self.screen else {
            return None;
        };
        if let Action::Journal(JournalAction::WriteAfterPractice) = action {
            return self.write_after_practice(now);
        }
        if let Action::PaceKept(Ok(_)) = &action
            && let Stage::Closing(c) = &b.stage
            && let Some(mine) = c.pace_pattern()
        {
            // Offered from the next preview on.
            self.patterns.retain(|p| p.id != mine.id);
            self.patterns.push(mine.clone());
        }
        if action == Action::SoundFellBack {
            b.sound_fell_back = true;
            return None;
        }
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
        let in_preview = matches!(b.stage, Stage::Preview);
        let transition = b.update(action, now);
        let began = in_preview && !matches!(b.stage, Stage::Preview);
        let choices = b.choices();
        for cue in std::mem::take(&mut b.cues) {
            self.cues.push(cue);
        }
        // Kept for the rest of the run: the next preview starts from these.
        self.breathe_last = Some(choices.clone());
        // Leaving the preview by beginning is always a Stay: nothing else to follow.
        if began && let Some(effect) = self.remember_choices(choices) {
            self.ground_next = false;
            return Some(effect);
        }
        match transition {
            Transition::Home(_) if std::mem::take(&mut self.ground_next) => {
                self.open_ground(None, true, now);
                None
            }
            Transition::Stay => {
                self.ground_next = false;
                None
            }
            other => self.follow(other, now),
        }
    }

    /// A practice began: its choices are where the next run starts, if that is not where
    /// it would start anyway (nothing is written for choices left at the defaults).
    fn remember_choices(&mut self, choices: Choices) -> Option<Effect> {
        if !self.config.breathing.remember_last {
            return None;
        }
        let next_run = self
            .breathe_saved
            .clone()
            .unwrap_or_else(|| Breathe::default_choices(&self.patterns, &self.config.breathing));
        if choices == next_run {
            return None;
        }
        self.breathe_saved = Some(choices.clone());
        Some(Effect::RememberChoices(choices))
    }

    /// The next moment a cue is due (a phase boundary while pacing with a sound on, or a
    /// timed grounding step's end): the event loop wakes for it even if a frame was just
    /// drawn, so a cue is never held back by the frame rate.
    pub fn cue_deadline(&self) -> Option<Duration> {
        if self.help.is_some() {
            return None;
        }
        match &self.screen {
            Screen::Breathe(b) if b.sound != crate::sound::Style::Off => match &b.stage {
                Stage::Pacing(run) if !run.paused() => {
                    let t = run.active(self.mono);
                    let pos = run.schedule.at(t);
                    Some(run.clock.when(t + pos.left_in_phase))
                }
                _ => None,
            },
            Screen::Ground(g) if self.config.breathing.cue_style() != crate::sound::Style::Off => {
                g.cue_due(self.mono)
            }
            _ => None,
        }
    }

    /// While listening or pacing: the moment the picture next changes by itself.
    pub(crate) fn breathe_deadline(&self, b: &Breathe) -> Option<Duration> {
        match &b.stage {
            Stage::Listen(listen) => listen.deadline(),
            Stage::Pacing(run) if self.help.is_none() && self.reduced_motion => {
                run.next_steady_change(self.mono)
            }
            Stage::Pacing(run) if self.help.is_none() => {
                let area = Rect::from((Position::ORIGIN, self.size));
                run.next_change(self.mono, pacing::levels(self, b, area))
            }
            _ => None,
        }
    }
}

impl Breathe {
    /// Which key table applies on this screen now.
    pub fn context(&self) -> Context {
        match &self.stage {
            Stage::Preview if self.heart.is_some() => Context::BreathePreviewHeart,
            Stage::Preview => Context::BreathePreview,
            Stage::Before(_) => Context::BreatheBefore,
            Stage::Listen(_) => Context::BreatheListen,
            Stage::Pacing(run) if run.steps.is_some() => Context::BreatheSteps,
            Stage::Pacing(run) if run.lead.is_some() => Context::BreatheFollow,
            Stage::Pacing(_) => Context::BreathePacing,
            Stage::Closing(c) if self.checkin && !c.unsaved && c.pace_offered() => {
                Context::BreatheClosingKeep
            }
            Stage::Closing(c) if self.checkin && !c.unsaved => Context::BreatheClosing,
            Stage::Closing(c) if c.pace_offered() => Context::BreatheDoneKeep,
            Stage::Closing(_) => Context::BreatheDone,
        }
    }

    /// Pause the pacer, or go on; the heart beside it keeps the same time.
    pub(super) fn toggle_pause(&mut self, mono: Duration) {
        if let Stage::Pacing(run) = &mut self.stage {
            run.toggle_pause(mono);
            if let Some(heart) = &mut self.heart {
                heart.toggle_pause(mono);
            }
        }
    }

    /// Help over a running pacer pauses it; Space goes on once help is closed.
    pub fn pause(&mut self, mono: Duration) {
        if let Stage::Pacing(run) = &self.stage
            && !run.paused()
        {
            self.toggle_pause(mono);
        }
    }
}
