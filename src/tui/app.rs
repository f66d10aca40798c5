//! The app's whole state and `App::update`, the only place it changes. Update never does
//! I/O and never reads the clock: it returns an Effect for the event loop to perform, and
//! the time comes in as an argument.

use super::action::{Action, Effect};
use super::breathe::{Breathe, Stage};
use super::form::{CheckinForm, FormMessage, Item};
use super::ground::Ground;
use super::keymap::{Context, Keymap};
use super::screens::{help, pacing, picker};
use super::theme::Theme;
use crate::domain::breathing::Pattern;
use crate::domain::checkin::Scale;
use crate::domain::today::TodaySummary;
use crate::store::model::{Body, Stamp};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect, Size};
use std::time::Duration;

/// Distress at or above this shows where the help lines are, gently, after saving.
pub const HIGH_DISTRESS: u8 = 9;

pub use crate::clock::Now;

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Home,
    Checkin(CheckinForm),
    Breathe(Box<Breathe>),
    Journal(Box<super::journal::JournalState>),
    Ground(Box<Ground>),
    Trends(Box<super::trends::TrendsView>),
}

/// A short message on the home screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Thanks,
    /// The last check-in's distress was high: say where help is, never blocking.
    HelpIsNear,
    RefreshFailed(String),
    UnreadableFiles,
    /// A breathing practice was saved.
    Practised,
    /// Distress after a practice was clearly higher than before.
    HigherAfter,
    /// Some settings could not be used; their defaults stand in.
    Settings,
}

#[derive(Clone, Debug, PartialEq)]
pub struct App {
    pub screen: Screen,
    pub today: TodaySummary,
    pub notices: Vec<Notice>,
    /// Help is open, scrolled this many lines down.
    pub help: Option<u16>,
    /// The first-run notice is showing.
    pub welcome: bool,
    pub quit: bool,
    /// The terminal's size, so scrolling can stop where the text ends.
    pub size: Size,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The latest monotonic reading, which animations are drawn at.
    pub mono: Duration,
    /// The breathing patterns offered (built in, then the user's own).
    pub patterns: Vec<Pattern>,
    /// Why the user's own patterns could not be used, if they could not.
    pub patterns_problem: Option<String>,
    /// How many times the bell has been asked for; the event loop rings the new ones.
    pub bells: u64,
    /// The pacing screen's layout, kept between frames (not state: never compared).
    pub pacing_cache: pacing::Cache,
    /// The grounding routines offered (built in, then the user's own).
    pub routines: Vec<crate::domain::grounding::Routine>,
    /// Why the user's own routines could not be used, if they could not.
    pub routines_problem: Option<String>,
    /// `g` on a breathing closing screen: open grounding once its choices are saved.
    pub ground_next: bool,
    /// The day of the last update (None before the first), so a new day reloads today.
    pub day: Option<chrono::NaiveDate>,
    /// Today needs reloading once the effect in progress is done.
    pub(crate) today_stale: bool,
    /// The user's settings: week start, breathing defaults, streaks, crisis lines.
    pub config: crate::config::Config,
    /// The pacer shows a steady countdown in words instead of moving.
    pub reduced_motion: bool,
}

impl App {
    pub fn new(today: TodaySummary, welcome: bool, color: bool) -> App {
        App {
            screen: Screen::Home,
            today,
            notices: Vec::new(),
            help: None,
            welcome,
            quit: false,
            size: Size::new(80, 24),
            keymap: Keymap::default(),
            theme: Theme::new(color),
            mono: Duration::ZERO,
            patterns: crate::content::builtin_patterns(),
            patterns_problem: None,
            bells: 0,
            pacing_cache: pacing::Cache::default(),
            routines: crate::content::builtin_routines(),
            routines_problem: None,
            ground_next: false,
            day: None,
            today_stale: false,
            config: crate::config::Config::default(),
            reduced_motion: false,
        }
    }

    /// Reload today's summary, with the week starting where the user's week starts.
    pub fn load_today(&self, day: chrono::NaiveDate) -> Effect {
        Effect::LoadToday {
            day,
            first_weekday: self.config.week.starts_on,
        }
    }

    /// The trend options the user's settings ask for.
    pub fn trend_options(&self) -> crate::domain::trends::Options {
        crate::domain::trends::Options {
            first_weekday: self.config.week.starts_on,
            hide_streaks: self.config.trends.hide_streaks,
        }
    }

    /// Which key table applies now: help over the first-run notice over the screen.
    pub fn context(&self) -> Context {
        if self.help.is_some() {
            return Context::Help;
        }
        self.context_under_help()
    }

    /// The context under the help overlay, whose keys help lists.
    pub fn context_under_help(&self) -> Context {
        if self.welcome {
            return Context::Welcome;
        }
        self.screen_context()
    }

    /// The screen's own context, whatever lies over it.
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Home => Context::Home,
            Screen::Checkin(form) => match &form.picker {
                Some(p) if p.own.is_some() => Context::PickerOwnWord,
                Some(_) => Context::Picker,
                None => match form.focused() {
                    Item::Scale(_) => Context::CheckinScale,
                    Item::Sensations => Context::CheckinWords,
                    Item::Note => Context::CheckinNote,
                },
            },
            Screen::Breathe(b) => match &b.stage {
                Stage::Preview => Context::BreathePreview,
                Stage::Before(_) => Context::BreatheBefore,
                Stage::Listen(_) => Context::BreatheListen,
                Stage::Pacing(run) if run.lead.is_some() => Context::BreatheFollow,
                Stage::Pacing(_) => Context::BreathePacing,
                Stage::Closing(_) if b.checkin => Context::BreatheClosing,
                Stage::Closing(_) => Context::BreatheDone,
            },
            Screen::Journal(j) => j.context(),
            Screen::Ground(g) => g.context(),
            Screen::Trends(view) => Context::Trends(view.unit()),
        }
    }

    /// The action a key asks for right now, if any.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        self.keymap.action_for(self.context(), key)
    }

    pub fn update(&mut self, action: Action, now: Now) -> Option<Effect> {
        let new_day = self.day_changed(now);
        let effect = self.react(action, now);
        self.reload_if_stale(effect, new_day, now)
    }

    fn react(&mut self, action: Action, now: Now) -> Option<Effect> {
        self.mono = now.mono;
        // A paste types only where keys would type: never into a note hidden by help.
        if matches!(action, Action::Paste(_)) && !self.keymap.types_text(self.context()) {
            return None;
        }
        if !matches!(action, Action::Digit(_))
            && let Screen::Checkin(form) = &mut self.screen
        {
            form.forget_digit();
        }
        if let Screen::Breathe(_) = self.screen
            && self.breathe_handles(&action)
        {
            return self.breathe(action, now);
        }
        if let Screen::Journal(_) = self.screen
            && Self::journal_handles(&action)
        {
            return self.journal(action, now);
        }
        if self.ground_handles(&action) {
            return self.ground(action, now);
        }
        if let Action::TrendsMove(_) | Action::TrendsShow(_) | Action::TrendsLoaded { .. } = action
        {
            return self.trends(action);
        }
        match action {
            Action::Quit => {
                self.quit = true;
                return self.stop_for_exit(now);
            }
            Action::OpenHelp => {
                self.pause_for_help(now);
                self.help = Some(0);
                return self.journal_draft_now(now);
            }
            Action::CloseHelp => self.help = None,
            Action::Scroll(by) => self.scroll_help(by),
            Action::Resize(width, height) => {
                self.size = Size::new(width, height);
                self.scroll_help(0);
            }
            Action::DismissWelcome => {
                self.welcome = false;
                return Some(Effect::RememberWelcome);
            }
            // Not worth troubling anyone over: the notice just shows once more next time.
            Action::WelcomeRemembered(_) => {}
            Action::OpenCheckin => {
                self.notices.clear();
                self.screen = Screen::Checkin(CheckinForm::new(self.today.checkins_today == 0));
            }
            Action::OpenBreathe => {
                let day = now.wall.date_naive();
                return self.open_breathe(None, true, day);
            }
            Action::OpenGround => self.open_ground(None, true, now),
            Action::OpenTrends => {
                let day = now.wall.date_naive();
                return self.open_trends(crate::service::trends::Span::Week(day), day);
            }
            Action::Leave => self.screen = Screen::Home,
            Action::Save => return self.save(now.wall),
            Action::Saved(result) => return self.saved(result),
            Action::TodayLoaded(Ok(today)) => self.today = today,
            Action::TodayLoaded(Err(why)) => self.notices.push(Notice::RefreshFailed(why)),
            Action::PickerColumn(by) => self.picker_column(by),
            Action::Journal(a) => return self.journal_elsewhere(a, now),
            other => self.edit_form(other),
        }
        None
    }

    /// Actions the journal screen answers itself (everything but help and resizing).
    fn journal_handles(action: &Action) -> bool {
        !matches!(
            action,
            Action::OpenHelp
                | Action::CloseHelp
                | Action::Scroll(_)
                | Action::Resize(..)
                | Action::Quit
                | Action::TodayLoaded(_)
        )
    }

    /// The monotonic moment the picture next changes by itself, if anything animates:
    /// the event loop sleeps until then (or until input). None means block on input.
    pub fn deadline(&self) -> Option<Duration> {
        if let Screen::Journal(j) = &self.screen {
            return j.deadline();
        }
        let Screen::Breathe(b) = &self.screen else {
            return self.ground_deadline();
        };
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

    fn scroll_help(&mut self, by: i16) {
        if let Some(top) = self.help {
            let max = help::max_scroll(self, self.size);
            self.help = Some(top.saturating_add_signed(by).min(max));
        }
    }

    fn save(&mut self, now: Stamp) -> Option<Effect> {
        let Screen::Checkin(form) = &mut self.screen else {
            return None;
        };
        match form.record_to_save(now) {
            Some(record) => Some(Effect::SaveCheckin { record }),
            None => {
                form.message = Some(FormMessage::NeedDistress);
                form.focus_on(Item::Scale(Scale::Distress));
                None
            }
        }
    }

    fn saved(&mut self, result: Result<crate::store::model::Record, String>) -> Option<Effect> {
        match result {
            Ok(record) => {
                let distress = match &record.body {
                    Body::Checkin(c) => c.distress,
                    _ => 0,
                };
                self.screen = Screen::Home;
                self.notices = vec![Notice::Thanks];
                if distress >= HIGH_DISTRESS {
                    self.notices.push(Notice::HelpIsNear);
                }
                Some(self.load_today(record.local_date()))
            }
            Err(why) => {
                // Stay on the form: nothing typed is lost, and Enter tries again.
                if let Screen::Checkin(form) = &mut self.screen {
                    form.message = Some(FormMessage::SaveFailed(why));
                }
                None
            }
        }
    }

    /// Left and Right in the picker move by a whole column, as drawn at this size.
    fn picker_column(&mut self, by: i8) {
        let Screen::Checkin(form) = &self.screen else {
            return;
        };
        let count = form.picker.as_ref().map_or(0, |p| p.words.len() + 1);
        let area = Rect::from((Position::ORIGIN, self.size));
        let rows = picker::grid(self, count, area).rows;
        let rows = isize::try_from(rows).unwrap_or(1);
        if let Screen::Checkin(form) = &mut self.screen {
            form.picker_move(isize::from(by) * rows);
        }
    }

    /// Edits inside the check-in form; they do nothing on other screens.
    fn edit_form(&mut self, action: Action) {
        let Screen::Checkin(form) = &mut self.screen else {
            return;
        };
        match action {
            Action::Next => form.step(1),
            Action::Prev => form.step(-1),
            Action::Digit(d) => form.digit(d),
            Action::Nudge(by) => form.nudge(by),
            Action::Clear => form.clear(),
            Action::Type(c) => form.type_char(c),
            // The note is one line: a pasted line break must not save the check-in.
            Action::Paste(text) => text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .for_each(|c| form.type_char(c)),
            Action::Erase => form.erase(),
            Action::OpenPicker => form.open_picker(),
            Action::PickerMove(by) => form.picker_move(isize::from(by)),
            Action::PickerToggle => form.picker_toggle(),
            Action::PickerClose => form.close_picker(),
            Action::OwnWordAdd => form.own_word_add(),
            Action::OwnWordCancel => form.own_word_cancel(),
            _ => {}
        }
    }
}
