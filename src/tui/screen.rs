//! The one contract every screen keeps: the `Screen` enum, the `Transition` an update
//! leads to, and one dispatch each for update, key context, deadline, stopping for exit,
//! pausing under help and drawing. `App::update` answers the few global actions and hands
//! everything else to the screen on show; an action that screen does not answer is
//! dropped, never passed to another.

use super::action::{Action, Effect};
use super::app::{App, Notice, Now};
use super::breathe::Breathe;
use super::checkin::CheckinForm;
use super::ground::Ground;
use super::journal::JournalState;
use super::keymap::Context;
use super::record::RecordState;
use super::trends::TrendsView;
use ratatui::Frame;
use ratatui::layout::Rect;
use std::time::Duration;

/// The screen on show, with its own state.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Home,
    Checkin(Box<CheckinForm>),
    Breathe(Box<Breathe>),
    Journal(Box<JournalState>),
    Ground(Box<Ground>),
    Trends(Box<TrendsView>),
    Record(Box<RecordState>),
}

/// Where a screen's update leads; the App carries it out.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "made and used at once, never stored for long; an effect is as large anyway"
)]
pub enum Transition {
    /// Nothing more to do.
    Stay,
    /// Stay, and perform this effect.
    Do(Effect),
    /// Back home with these notices; today's summary is read again.
    Home(Vec<Notice>),
    /// On to a new check-in (a grounding closing screen's `c`).
    Checkin,
}

impl App {
    /// Hand an action that is not global to the screen on show, and follow where it leads.
    pub(crate) fn screen_update(&mut self, action: Action, now: Now) -> Option<Effect> {
        let transition = match &self.screen {
            Screen::Home => return self.home(action, now),
            Screen::Checkin(_) => self.checkin(action, now),
            Screen::Breathe(_) => return self.breathe(action, now),
            Screen::Journal(_) => self.journal(action, now),
            Screen::Ground(_) => self.ground(action, now),
            Screen::Trends(_) => self.trends(action),
            Screen::Record(_) => self.record(action, now),
        };
        self.follow(transition, now)
    }

    /// Carry out a screen's transition.
    pub(crate) fn follow(&mut self, transition: Transition, now: Now) -> Option<Effect> {
        match transition {
            Transition::Stay => None,
            Transition::Do(effect) => Some(effect),
            // Started for one practice: its end is the way back to the shell.
            Transition::Home(notices) if self.back_to_shell => {
                if notices.contains(&Notice::LetGo) {
                    self.last_done = Some(super::app::Done::LetGo);
                }
                self.quit = true;
                None
            }
            Transition::Home(notices) => {
                self.screen = Screen::Home;
                self.notices = notices;
                Some(self.load_today(now.wall.date_naive()))
            }
            Transition::Checkin => {
                self.open_checkin();
                None
            }
        }
    }

    /// The screen's own key context, whatever lies over it.
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Checkin(form) => form.context(),
            Screen::Breathe(b) => b.context(),
            Screen::Journal(j) => j.context(),
            Screen::Ground(g) => g.context(),
            Screen::Trends(view) => Context::Trends(view.unit()),
            Screen::Record(r) => r.context(),
        }
    }

    /// The monotonic moment the picture next changes by itself, if anything animates:
    /// the event loop sleeps until then (or until input). None means block on input.
    pub fn deadline(&self) -> Option<Duration> {
        match &self.screen {
            Screen::Journal(j) => j.deadline(),
            Screen::Breathe(b) => self.breathe_deadline(b),
            Screen::Ground(_) => self.ground_deadline(),
            Screen::Home | Screen::Checkin(_) | Screen::Trends(_) | Screen::Record(_) => None,
        }
    }

    /// Quitting (Ctrl+C, a signal, a closed terminal): the effect that keeps what is in
    /// progress (a practice saved as stopped early, the words of an entry).
    pub fn stop_for_exit(&mut self, now: Now) -> Option<Effect> {
        match &mut self.screen {
            Screen::Journal(j) => j.stop_for_exit(now),
            Screen::Breathe(b) => match b.stop_for_exit(now)? {
                Transition::Do(effect) => Some(effect),
                _ => None,
            },
            Screen::Ground(g) => match g.finish(now, false) {
                Transition::Do(effect) => Some(effect),
                _ => None,
            },
            Screen::Record(r) => r.stop_for_exit(now),
            Screen::Home | Screen::Checkin(_) | Screen::Trends(_) => None,
        }
    }

    /// Help is about to cover the screen: a running pacer pauses (Space goes on once help
    /// is closed), and words being written are kept as a draft.
    pub(crate) fn pause_for_help(&mut self, now: Now) -> Option<Effect> {
        match &mut self.screen {
            Screen::Breathe(b) => {
                b.pause(now.mono);
                None
            }
            Screen::Journal(j) => j.draft_now(now.wall).map(Effect::Journal),
            _ => None,
        }
    }
}

/// Draw the screen on show (the welcome and help go over it).
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    match &app.screen {
        Screen::Home => super::home::view::render(app, frame, area),
        Screen::Checkin(form) => super::checkin::view::render(app, form, frame, area),
        Screen::Breathe(b) => super::breathe::view::render(app, b, frame, area),
        Screen::Journal(j) => super::journal::view::render(app, j, frame, area),
        Screen::Ground(g) => super::ground::view::render(app, g, frame, area),
        Screen::Trends(view) => super::trends::view::render(app, view, frame, area),
        Screen::Record(r) => super::record::view::render(app, r, frame, area),
    }
}
