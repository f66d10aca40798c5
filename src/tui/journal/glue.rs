//! Where the journal meets the App: opening it (from home, from `attune journal`, after a
//! practice), handing it its actions, its deadline, and keeping words when quitting.

use super::{Intent, JournalAction, JournalState};
use crate::service::journal::NewEntry;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now, Screen};
use crate::tui::breathe::{Outcome, Stage};
use crate::tui::screens::picker;
use ratatui::layout::{Position, Rect};

impl App {
    /// Open the journal towards `intent`; any draft left by an earlier run is offered first.
    pub fn open_journal(&mut self, intent: Intent) -> Option<Effect> {
        let (state, first) = JournalState::open(intent);
        self.notices.clear();
        self.screen = Screen::Journal(Box::new(state));
        Some(Effect::Journal(first))
    }

    /// The journal's actions from other screens: `j` on home and on a closing screen.
    pub(crate) fn journal_elsewhere(&mut self, action: JournalAction, now: Now) -> Option<Effect> {
        match action {
            JournalAction::Open => self.open_journal(Intent::List),
            JournalAction::WriteAfterPractice => self.write_after_practice(now),
            _ => None,
        }
    }

    /// From the breathing closing screen: an entry linked to the session just saved. A
    /// rating after that was typed is saved first, so nothing given is lost.
    fn write_after_practice(&mut self, now: Now) -> Option<Effect> {
        let Screen::Breathe(b) = &mut self.screen else {
            return None;
        };
        let Stage::Closing(closing) = &mut b.stage else {
            return None;
        };
        let session_id = closing.record.as_ref().map(|r| r.id);
        let rating = match closing.confirm(now.wall) {
            Outcome::Do(effect) => Some(effect),
            _ => None,
        };
        let new = NewEntry {
            session_id,
            ..NewEntry::default()
        };
        let check_draft = self.open_journal(Intent::Write(new));
        // The journal checks for a draft once the rating's save has answered.
        rating.or(check_draft)
    }

    /// Hand an action to the journal screen.
    pub(crate) fn journal(&mut self, action: Action, now: Now) -> Option<Effect> {
        let action = match action {
            Action::PickerColumn(by) => Action::PickerMove(self.picker_column_rows(by)),
            other => other,
        };
        let Screen::Journal(j) = &mut self.screen else {
            return None;
        };
        match j.update(action, now) {
            Outcome::Stay => None,
            Outcome::Do(effect) => Some(effect),
            Outcome::Home(notices) => {
                self.screen = Screen::Home;
                self.notices = notices;
                Some(self.load_today(now.wall.date_naive()))
            }
        }
    }

    /// Left and Right in the journal's word picker move by a whole column as drawn.
    fn picker_column_rows(&self, by: i8) -> i8 {
        let Screen::Journal(j) = &self.screen else {
            return by;
        };
        let count = j
            .editor
            .as_ref()
            .and_then(|e| e.picker.as_ref())
            .map_or(0, |(p, _)| p.words.len() + 1);
        let area = Rect::from((Position::ORIGIN, self.size));
        let rows = picker::grid(self, count, area).rows;
        let step = i64::from(by) * i64::try_from(rows).unwrap_or(1);
        i8::try_from(step.clamp(-127, 127)).unwrap_or(by)
    }

    /// Words being written are kept as a draft before help covers them.
    pub(crate) fn journal_draft_now(&mut self, now: Now) -> Option<Effect> {
        let Screen::Journal(j) = &mut self.screen else {
            return None;
        };
        j.draft_now(now.wall).map(Effect::Journal)
    }
}
