//! The App's side of grounding: opening the list (or a named routine), handing actions
//! to the screen and following where it leads, which keys apply, and the deadline a
//! timed step asks for while its progress line would visibly change.

use super::{Ground, Stage};
use crate::domain::grounding::Step;
use crate::sound::{Cue, CueKind, Style};
use crate::tui::action::Action;
use crate::tui::app::{App, Now, Screen};
use crate::tui::ground::view_step::bar_cells;
use crate::tui::keymap::Context;
use crate::tui::screen::Transition;
use std::time::Duration;

/// A timed step's progress line moves by whole cells: a few frames a second at most.
const MIN_GAP: Duration = Duration::from_millis(250);

impl App {
    /// Open the routine list; with `routine`, start that one (rating first, if asked).
    pub fn open_ground(&mut self, routine: Option<&str>, checkin: bool, now: Now) {
        let mut ground = Ground::new(self.routines.clone(), checkin);
        ground.sound = self.config.breathing.cue_style();
        if let Some(id) = routine
            && ground.select(id)
        {
            ground.begin(now);
        }
        self.notices.clear();
        self.screen = Screen::Ground(Box::new(ground));
    }

    /// Hand an action to the grounding screen.
    pub(crate) fn ground(&mut self, action: Action, now: Now) -> Transition {
        if let Action::Journal(crate::tui::journal::JournalAction::WriteAfterPractice) = action {
            return self
                .write_after_practice(now)
                .map_or(Transition::Stay, Transition::Do);
        }
        let rows = self.choose_rows();
        let sound = self.config.breathing.cue_style();
        let Screen::Ground(g) = &mut self.screen else {
            return Transition::Stay;
        };
        // Left and Right move by a whole column of words, as drawn at this size.
        let action = match action {
            Action::PickerColumn(by) => Action::PickerMove(by.saturating_mul(rows)),
            other => other,
        };
        let transition = g.update(action, now);
        if sound != Style::Off && g.time_is_up(now.mono) {
            self.cues.push(Cue {
                style: sound,
                kind: CueKind::StepDone,
                length: Duration::ZERO,
            });
        }
        transition
    }

    /// Rows in a column of the choosing step's words, as drawn now.
    fn choose_rows(&self) -> i8 {
        let rows = crate::tui::ground::view_step::word_rows(self);
        i8::try_from(rows).unwrap_or(1).max(1)
    }

    /// While a timed step shows and its line is not yet full: when it next grows by a cell.
    pub(crate) fn ground_deadline(&self) -> Option<Duration> {
        let Screen::Ground(g) = &self.screen else {
            return None;
        };
        let Stage::Steps(steps) = &g.stage else {
            return None;
        };
        let Some(Step::Timed { seconds, .. }) = steps.step() else {
            return None;
        };
        let progress = steps.run.timed_progress(self.mono)?;
        if self.help.is_some() || progress >= 1.0 {
            return None;
        }
        let cells = f64::from(bar_cells(self.size).max(1));
        let length = Duration::from_secs(u64::from(*seconds));
        let start = steps.run.timed_end()?.saturating_sub(length);
        let next_cell = ((progress * cells).floor() + 1.0) / cells;
        let at = start + length.mul_f64(next_cell) + Duration::from_millis(1);
        Some(at.max(self.mono + MIN_GAP))
    }
}

impl Ground {
    /// A timed step's time has just come up (true once per step): "eyes open or
    /// closed", so its end is told with the cue that is on.
    pub fn time_is_up(&mut self, mono: Duration) -> bool {
        let Stage::Steps(steps) = &self.stage else {
            return false;
        };
        let Some(end) = steps.run.timed_end().filter(|end| *end <= mono) else {
            return false;
        };
        self.cued.replace(end) != Some(end)
    }

    /// When the timed step on show will have its time up, if its cue is still to come.
    pub fn cue_due(&self, mono: Duration) -> Option<Duration> {
        let Stage::Steps(steps) = &self.stage else {
            return None;
        };
        let end = steps.run.timed_end()?;
        (self.cued != Some(end)).then_some(end.max(mono))
    }

    /// Which key table applies on this screen now.
    pub fn context(&self) -> Context {
        match &self.stage {
            Stage::List => Context::GroundList,
            Stage::Before(_) => Context::GroundBefore,
            Stage::Steps(steps) => match steps.step() {
                _ if steps.own.is_some() => Context::GroundOwnWord,
                Some(Step::Typed { .. }) => Context::GroundTyped,
                Some(Step::Count { .. }) => Context::GroundCount,
                Some(Step::Timed { .. }) => Context::GroundTimed,
                Some(Step::Choose { .. }) => Context::GroundChoose,
                Some(Step::Rate { .. }) => Context::GroundRate,
                Some(Step::Read { .. }) | None => Context::GroundRead,
            },
            // Stopped in its first seconds: nothing saved, so nothing to rate or keep.
            Stage::Closing(c) if c.unsaved => Context::GroundDone,
            Stage::Closing(c) => match (self.checkin, c.has_words()) {
                (true, false) => Context::GroundClosing,
                (true, true) => Context::GroundClosingKeep,
                (false, false) => Context::GroundDone,
                (false, true) => Context::GroundDoneKeep,
            },
        }
    }
}
