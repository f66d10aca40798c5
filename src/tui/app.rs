//! The app's whole state and `App::update`, the only place it changes. Update never does
//! I/O and never reads the clock: it returns an Effect for the event loop to perform, and
//! the time comes in as an argument.

use super::action::{Action, Effect};
use super::breathe::pacing;
use super::help::view as help;
use super::keymap::{Context, Keymap};
use super::theme::Theme;
use crate::domain::breathing::Pattern;
use crate::domain::today::TodaySummary;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Size;
use std::time::Duration;

/// Distress at or above this shows where the help lines are, gently, after saving.
pub const HIGH_DISTRESS: u8 = 9;

pub use crate::clock::Now;

pub use super::screen::Screen;

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
    /// A save was kept in this file, beside a month file that could not be read.
    KeptBeside(String),
    /// A practice stopped in its first seconds, so not saved.
    LetGo,
    /// A practice was saved, but its heart beats could not be kept (why).
    BeatsNotKept(String),
}

/// Something this run saved, said in the shell when it was started for one thing.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    Practice(Box<crate::store::model::Session>),
    Entry,
    /// A practice stopped in its first seconds: nothing was saved.
    LetGo,
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
    /// Started from the shell for one practice or entry (`attune breathe`, `attune ground
    /// ROUTINE`, `attune journal new`): going home means going back to the shell.
    pub back_to_shell: bool,
    /// What was saved last in this run, for the line said in the shell afterwards.
    pub last_done: Option<Done>,
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
    /// The breathing preview's choices, kept for the rest of the run (and, with
    /// `breathing.remember_last`, loaded from the last run).
    pub breathe_last: Option<crate::domain::breathing::choices::Choices>,
    /// The choices as remembered on disk (where the next run starts), if any.
    pub breathe_saved: Option<crate::domain::breathing::choices::Choices>,
    /// Sound styles this machine has no program for (the bell stands in for them).
    pub sound_missing: Vec<crate::sound::Style>,
    /// The sound cues asked for; the event loop sounds the new ones.
    pub cues: crate::sound::CueLog,
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
    /// The folder is encrypted and this device holds no key: the reading screens say this
    /// line instead of records (check-ins and entries still save).
    pub sealed: Option<&'static str>,
    /// A heart source read beside breathing practices (`attune breathe --heart`): how the
    /// preview names it.
    pub heart: Option<crate::tui::breathe::heart::Link>,
    /// The config folder, where a found pace is kept as the user's own pattern.
    pub config_dir: Option<std::path::PathBuf>,
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
            back_to_shell: false,
            last_done: None,
            size: Size::new(80, 24),
            keymap: Keymap::default(),
            theme: Theme::new(color),
            mono: Duration::ZERO,
            patterns: crate::content::builtin_patterns(),
            patterns_problem: None,
            breathe_last: None,
            breathe_saved: None,
            sound_missing: Vec::new(),
            cues: crate::sound::CueLog::default(),
            pacing_cache: pacing::Cache::default(),
            routines: crate::content::builtin_routines(),
            routines_problem: None,
            ground_next: false,
            day: None,
            today_stale: false,
            config: crate::config::Config::default(),
            reduced_motion: false,
            heart: None,
            config_dir: None,
            sealed: None,
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

    /// A sentence from `strings` with the keys it names as they are bound here and now.
    pub fn say(&self, text: &str) -> String {
        self.keymap.say(self.context_under_help(), text)
    }

    /// The footer's key hints for `ctx`; "home" says "leave" where home is the shell.
    pub fn hints(&self, ctx: Context) -> Vec<(String, &'static str)> {
        let mut hints = self.keymap.hints(ctx);
        if self.back_to_shell {
            for (_, what) in &mut hints {
                if *what == crate::copy::screens::HINT_HOME {
                    *what = crate::copy::screens::HINT_LEAVE;
                }
            }
        }
        hints
    }

    /// Remember what a save's answer says was kept, for the line said in the shell.
    fn note_done(&mut self, action: &Action) {
        use super::journal::JournalAction as J;
        match action {
            Action::SessionSaved(Ok(r)) | Action::SessionUpdated(Ok(r)) => {
                if let crate::store::model::Body::Session(s) = &r.body {
                    self.last_done = Some(Done::Practice(Box::new(s.clone())));
                }
            }
            Action::Journal(J::Saved(Ok(_)) | J::SavedAsNew(_)) => {
                self.last_done = Some(Done::Entry);
            }
            _ => {}
        }
    }

    /// The action a key asks for right now, if any.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        self.keymap.action_for(self.context(), key)
    }

    /// The one place state changes: the few global actions here, everything else to the
    /// screen on show. What comes back is for the event loop to perform, in order.
    pub fn update(&mut self, action: Action, now: Now) -> Vec<Effect> {
        let new_day = self.day_changed(now);
        let effect = self.react(action, now);
        self.reload_if_stale(effect, new_day, now)
            .into_iter()
            .collect()
    }

    fn react(&mut self, action: Action, now: Now) -> Option<Effect> {
        self.mono = now.mono;
        // A paste types only where keys would type: never into a note hidden by help.
        if matches!(action, Action::Paste(_)) && !self.keymap.types_text(self.context()) {
            return None;
        }
        self.note_done(&action);
        match action {
            Action::Quit => {
                self.quit = true;
                return self.stop_for_exit(now);
            }
            Action::OpenHelp => {
                let kept = self.pause_for_help(now);
                self.help = Some(0);
                return kept;
            }
            Action::CloseHelp => self.help = None,
            Action::BeatsNotKept { why, then } => {
                let effect = self.react(*then, now);
                self.notices.push(Notice::BeatsNotKept(why));
                return effect;
            }
            Action::KeptBeside { file, then } => {
                // After the save's own answer, which may set the notices afresh.
                let effect = self.react(*then, now);
                let notice = Notice::KeptBeside(file);
                if !self.notices.contains(&notice) {
                    self.notices.push(notice);
                }
                return effect;
            }
            Action::Scroll(by) => self.scroll_help(by),
            Action::Resize(width, height) => {
                let (width, height) = super::ui::drawn_size(width, height);
                self.size = Size::new(width, height);
                self.scroll_help(0);
            }
            Action::DismissWelcome => {
                self.welcome = false;
                return Some(Effect::RememberWelcome);
            }
            // Not worth troubling anyone over: the notice just shows once more next time.
            Action::WelcomeRemembered(_) => {}
            Action::TodayLoaded(Ok(today)) => self.today = today,
            Action::TodayLoaded(Err(why)) => self.notices.push(Notice::RefreshFailed(why)),
            Action::Heart(when, event) => {
                if let Some(link) = &mut self.heart {
                    link.saw(&event);
                }
                return self.screen_update(Action::Heart(when, event), now);
            }
            other => return self.screen_update(other, now),
        }
        None
    }

    fn scroll_help(&mut self, by: i16) {
        if let Some(top) = self.help {
            let max = help::max_scroll(self, self.size);
            self.help = Some(top.saturating_add_signed(by).min(max));
        }
    }
}
