//! How the breathing screen answers each action, stage by stage. Time is brought up to
//! date first, so a session that has reached its end is finished (and saved) before any
//! key is read.

use super::{Breathe, Closing, Run, Stage};
use crate::sound::CueKind;
use crate::tui::action::Action;
use crate::tui::app::Now;
use crate::tui::screen::Transition;
use std::time::Duration;

impl Breathe {
    /// Answer one action; the App performs what comes out (an effect, or going home).
    pub fn update(&mut self, action: Action, now: Now) -> Transition {
        if let Some(out) = self.catch_up(now) {
            return out;
        }
        if let Action::Heart(when, event) = action {
            if let Some(heart) = &mut self.heart {
                heart.event(when, event);
            }
            return Transition::Stay;
        }
        if !matches!(action, Action::Digit(_)) {
            self.forget_digit();
        }
        match &mut self.stage {
            Stage::Preview if action == Action::Leave => return Transition::Home(Vec::new()),
            Stage::Preview => self.preview(action, now),
            Stage::Before(rating) => match action {
                Action::Digit(d) => rating.digit(d),
                Action::Clear => rating.clear(),
                Action::Begin | Action::Skip => {
                    let given = matches!(action, Action::Begin);
                    self.before = rating.value.filter(|_| given);
                    self.begin(now.mono, now.wall);
                }
                Action::Leave => self.stage = Stage::Preview,
                _ => {}
            },
            Stage::Listen(listen) => match action {
                Action::Tap => self.tap(now.mono),
                Action::Begin => match listen.lead.clone() {
                    Some(lead) => {
                        let run = Run::new(&self.plan, Some(lead), now.mono, now.wall);
                        self.stage = self.pacing(run, now.mono);
                        self.cue_phase(now.mono);
                    }
                    None => self.stop_listening(),
                },
                Action::Leave => self.stage = Stage::Preview,
                _ => {}
            },
            Stage::Pacing(run) => {
                // A note stays until the next key.
                if action != Action::Tick {
                    run.note = None;
                }
                match action {
                    Action::Pause => self.toggle_pause(now.mono),
                    Action::Pace(by) if run.lead.is_none() => run.pace(now.mono, by),
                    Action::HoldPace => run.hold(),
                    Action::StepBack => run.step_back(now.mono),
                    Action::Leave => return self.finish(now, false),
                    _ => {}
                }
            }
            Stage::Closing(closing) => match action {
                Action::Digit(d) => closing.after.digit(d),
                Action::Clear => closing.after.clear(),
                Action::Begin => return closing.confirm(now.wall),
                Action::Leave => return closing.leave(),
                Action::SessionSaved(result) => return closing.saved(result, now.wall),
                Action::SessionUpdated(result) => return closing.updated(result),
                Action::KeepPace => return closing.keep_pace(),
                Action::PaceKept(result) => closing.pace_kept(result),
                _ => {}
            },
        }
        Transition::Stay
    }

    fn preview(&mut self, action: Action, now: Now) {
        match action {
            Action::PatternMove(by) => self.move_pattern(by),
            Action::Minutes(by) => self.change_minutes(by),
            Action::ToggleFollow => self.toggle_follow(),
            Action::ToggleFindPace => self.toggle_find(),
            Action::CycleSound => self.sound = self.sound.next(),
            Action::Begin if self.checkin => self.stage = Stage::Before(Default::default()),
            Action::Begin => self.begin(now.mono, now.wall),
            _ => {}
        }
    }

    fn forget_digit(&mut self) {
        match &mut self.stage {
            Stage::Before(r) => r.forget_digit(),
            Stage::Closing(c) => c.after.forget_digit(),
            _ => {}
        }
    }

    /// Bring time up to `now`: the minute of listening, the lead, the cues, the end.
    fn catch_up(&mut self, now: Now) -> Option<Transition> {
        self.listen_until(now.mono);
        let Stage::Pacing(run) = &mut self.stage else {
            return None;
        };
        let advance = run.advance(now.mono);
        if let Some(heart) = &mut self.heart {
            let breaths = run.schedule.breaths_at(run.active(now.mono));
            heart.breaths_done(breaths, now.mono, run.current.cycle_secs());
        }
        if advance.phase_changed {
            self.cue_phase(now.mono);
        }
        if advance.done {
            self.cue(CueKind::End, Duration::ZERO);
        }
        advance.done.then(|| self.finish(now, true))
    }

    /// A practice in progress, stopped now (Ctrl+C, a signal): saved as stopped early.
    pub fn stop_for_exit(&mut self, now: Now) -> Option<Transition> {
        if let Some(out) = self.catch_up(now) {
            return Some(out);
        }
        matches!(self.stage, Stage::Pacing(_)).then(|| self.finish(now, false))
    }

    /// Pacing is over, completed or stopped: on to the closing screen, saving at once.
    fn finish(&mut self, now: Now, completed: bool) -> Transition {
        let Stage::Pacing(run) = &self.stage else {
            return Transition::Stay;
        };
        let mut session = run.session(&self.plan, now.mono, completed);
        session.distress_before = self.before;
        session.extra = self.sound.kept();
        let period = run.current.cycle_secs();
        let heart = self.heart.as_ref().and_then(|h| h.kept(now.mono, period));
        session.heart = heart.map(Box::new);
        if let (Some(steps), Some(heart)) = (&run.steps, &self.heart) {
            let end = Duration::from_secs_f64(session.actual_seconds);
            session.pace_steps = crate::service::heart::found_pace(steps, heart.feed(), end);
        }
        let name = self.plan.pattern.name.clone();
        let mut closing = Closing::new(session, name, run.started, now.wall);
        closing.offer_pace(&self.plan.pattern, self.keep_in.as_ref());
        if let (true, Some(heart)) = (self.plan.keep_beats, &self.heart) {
            closing.beats = Some(crate::service::heart::beats_csv(heart.feed()));
        }
        let save = closing.save();
        self.stage = Stage::Closing(closing);
        if !completed {
            // Stopped means quiet: a glide still sounding stops with the practice.
            self.cue(CueKind::Hush, Duration::ZERO);
        }
        save.map_or(Transition::Stay, Transition::Do)
    }
}
