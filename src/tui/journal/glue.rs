//! Where the journal meets the App: opening it (from home, from `attune journal`, after a
//! practice), handing it its actions, its deadline, and keeping words when quitting.

use super::{Intent, JournalState};
use crate::service::journal::NewEntry;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now, Screen};
use crate::tui::breathe::Stage;
use crate::tui::ground::Stage as GroundStage;
use crate::tui::ground::closing::{Done, Then};
use crate::tui::screen::Transition;
use crate::tui::ui::picker;

impl App {
    /// Open the journal towards `intent`; any draft left by an earlier run is offered first.
    pub fn open_journal(&mut self, intent: Intent) -> Option<Effect> {
        let (state, first) = JournalState::open(intent);
        self.notices.clear();
        self.screen = Screen::Journal(Box::new(state));
        Some(Effect::Journal(first))
    }

    /// `attune journal new` from the shell: one entry, then back to the shell.
    pub fn open_journal_once(&mut self, new: NewEntry) -> Option<Effect> {
        let first = self.open_journal(Intent::Write(new));
        if let Screen::Journal(j) = &mut self.screen {
            j.once = true;
        }
        first
    }

    /// From a practice's closing screen: an entry linked to the session just saved. A
    /// rating after (or words to keep) given there is saved first, so nothing is lost.
    pub(crate) fn write_after_practice(&mut self, now: Now) -> Option<Effect> {
        let (session_id, rating) = match &mut self.screen {
            Screen::Breathe(b) => {
                let Stage::Closing(closing) = &mut b.stage else {
                    return None;
                };
                let id = closing.record.as_ref().map(|r| r.id);
                match closing.confirm(now.wall) {
                    Transition::Do(effect) => (id, Some(effect)),
                    _ => (id, None),
                }
            }
            Screen::Ground(g) => {
                let GroundStage::Closing(closing) = &mut g.stage else {
                    return None;
                };
                let id = closing.record.as_ref().map(|r| r.id);
                match closing.confirm(Then::Home, now.wall) {
                    Done::Do(effect) => (id, Some(effect)),
                    _ => (id, None),
                }
            }
            _ => return None,
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
    pub(crate) fn journal(&mut self, action: Action, now: Now) -> Transition {
        let action = match action {
            Action::PickerColumn(by) => Action::PickerMove(self.journal_column_step(by)),
            other => other,
        };
        let Screen::Journal(j) = &mut self.screen else {
            return Transition::Stay;
        };
        j.update(action, now)
    }

    /// Left and Right in the journal's word picker move by a whole column as drawn.
    fn journal_column_step(&self, by: i8) -> i8 {
        let Screen::Journal(j) = &self.screen else {
            return by;
        };
        let count = j
            .editor
            .as_ref()
            .and_then(|e| e.picker.as_ref())
            .map_or(0, |(p, _)| p.words.len() + 1);
        picker::column_step(self, count, by)
    }
}
