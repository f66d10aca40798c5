//! How the grounding screen answers each action, stage by stage.

use super::closing::{Done, Then};
use super::{Closing, Ground, Stage, Steps};
use crate::domain::grounding::run::Run;
use crate::service::grounding::Outcome;
use crate::tui::action::Action;
use crate::tui::app::Now;
use crate::tui::screen::Transition;

impl Ground {
    /// Answer one action; the App performs what comes out (an effect, or going on).
    pub fn update(&mut self, action: Action, now: Now) -> Transition {
        if !matches!(action, Action::Digit(_)) {
            self.forget_digit();
        }
        match &mut self.stage {
            Stage::List => return self.list(action, now),
            Stage::Before(rating) => match action {
                Action::Digit(d) => rating.digit(d),
                Action::Clear => rating.clear(),
                Action::Begin | Action::Skip => {
                    self.before = rating.value.filter(|_| action == Action::Begin);
                    self.start(now);
                }
                Action::Leave => self.stage = Stage::List,
                _ => {}
            },
            Stage::Steps(_) => return self.step(action, now),
            Stage::Closing(closing) => {
                let done = closing_action(closing, action, now);
                return self.follow(done);
            }
        }
        Transition::Stay
    }

    fn list(&mut self, action: Action, now: Now) -> Transition {
        match action {
            Action::RoutineMove(by) => self.move_cursor(by),
            Action::Begin => self.begin(now),
            Action::Leave => return Transition::Home(Vec::new()),
            _ => {}
        }
        Transition::Stay
    }

    /// The routine under the cursor: the rating before, or straight to its first step.
    pub fn begin(&mut self, now: Now) {
        self.before = None;
        if self.checkin {
            self.stage = Stage::Before(Default::default());
        } else {
            self.start(now);
        }
    }

    fn start(&mut self, now: Now) {
        if let Some(routine) = self.routine() {
            let run = Run::new(routine.clone(), now.mono);
            self.stage = Stage::Steps(Box::new(Steps::new(run, now.wall, now.mono)));
        }
    }

    fn step(&mut self, action: Action, now: Now) -> Transition {
        let Stage::Steps(steps) = &mut self.stage else {
            return Transition::Stay;
        };
        let mono = now.mono;
        match action {
            Action::Begin => steps.go_on(mono),
            Action::Skip => steps.skip(mono),
            Action::Back => steps.back(mono),
            Action::Erase => steps.erase(mono),
            Action::EditLast => steps.edit_last(),
            Action::Type(c) => steps.type_char(c),
            Action::Paste(text) => steps.paste(&text),
            Action::Tap => steps.run.tap(mono),
            Action::Digit(d) => steps.digit(d),
            Action::PickerMove(by) => steps.word_move(isize::from(by)),
            Action::OwnWordAdd => steps.own_add(mono),
            Action::OwnWordCancel => steps.own_cancel(),
            Action::Leave => return self.finish(now, false),
            _ => {}
        }
        if steps.run.finished() {
            return self.finish(now, true);
        }
        Transition::Stay
    }

    /// The routine ended (completed, or stopped now): on to the closing screen, saving
    /// at once. Nothing happens if no routine is running.
    pub fn finish(&mut self, now: Now, completed: bool) -> Transition {
        let Stage::Steps(steps) = &self.stage else {
            return Transition::Stay;
        };
        let outcome = Outcome {
            summary: steps.run.summary(),
            completed,
            took: now.mono.saturating_sub(steps.begun),
            keep_noticed: false,
            distress_before: self.before,
            sound: self.sound,
        };
        let routine = steps.run.routine().clone();
        let closing = Closing::new(routine, outcome, steps.started, now.wall);
        let save = closing.save();
        self.stage = Stage::Closing(Box::new(closing));
        save.map_or(Transition::Stay, Transition::Do)
    }

    fn follow(&mut self, done: Done) -> Transition {
        match done {
            Done::Stay => Transition::Stay,
            Done::Do(effect) => Transition::Do(effect),
            Done::Go(Then::Home, notices) => Transition::Home(notices),
            Done::Go(Then::Checkin, _) => Transition::Checkin,
            Done::Go(Then::List, _) => {
                self.stage = Stage::List;
                Transition::Stay
            }
        }
    }

    fn forget_digit(&mut self) {
        match &mut self.stage {
            Stage::Before(r) => r.forget_digit(),
            Stage::Steps(s) => s.forget_digit(),
            Stage::Closing(c) => c.after.forget_digit(),
            Stage::List => {}
        }
    }
}

fn closing_action(closing: &mut Closing, action: Action, now: Now) -> Done {
    match action {
        Action::Digit(d) => closing.after.digit(d),
        Action::Clear => closing.after.clear(),
        Action::ToggleKeep => closing.toggle_keep(),
        Action::Begin => return closing.confirm(Then::Home, now.wall),
        Action::OpenCheckin => return closing.confirm(Then::Checkin, now.wall),
        Action::OpenGround => return closing.confirm(Then::List, now.wall),
        Action::Leave => return closing.leave(),
        Action::SessionSaved(result) => return closing.saved(result, now.wall),
        Action::SessionUpdated(result) => return closing.updated(result),
        _ => {}
    }
    Done::Stay
}
