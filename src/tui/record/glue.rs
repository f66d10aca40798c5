//! Where the record screen meets the App: opening it from home, handing it its actions,
//! and editing a check-in in the check-in form, which comes back here when done.

use super::update::load;
use super::{Note, RecordAction as R, RecordState};
use crate::service::record_day::Toward;
use crate::store::model::{Body, Record};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now, Screen};
use crate::tui::checkin::CheckinForm;
use crate::tui::screen::Transition;
use chrono::NaiveDate;

impl App {
    /// Open the record at `on`, or the nearest earlier day with records.
    pub fn open_record(&mut self, on: NaiveDate) -> Option<Effect> {
        self.notices.clear();
        self.screen = Screen::Record(Box::new(RecordState::open()));
        match load(on, Toward::OnOrBefore) {
            Transition::Do(effect) => Some(effect),
            _ => None,
        }
    }

    /// Hand an action to the record screen; editing a check-in opens the check-in form.
    pub(crate) fn record(&mut self, action: Action, now: Now) -> Transition {
        let Screen::Record(state) = &mut self.screen else {
            return Transition::Stay;
        };
        if action == Action::Record(R::Edit)
            && let Some(r) = state
                .selected()
                .filter(|r| matches!(r.body, Body::Checkin(_)))
            && let Some(form) = CheckinForm::editing(r)
        {
            self.screen = Screen::Checkin(Box::new(form));
            return Transition::Stay;
        }
        state.update(action, now)
    }

    /// The check-in form, opened to correct `old`, is done (saved as `saved`, or left):
    /// back to the record at its day.
    pub(crate) fn back_to_record(&mut self, old: &Record, saved: Option<&Record>) -> Transition {
        let note = saved.map(|r| {
            if r.updated_at == old.updated_at {
                Note::NothingChanged
            } else {
                Note::Changed
            }
        });
        let mut state = RecordState::open();
        state.note = note;
        state.select = Some(old.id);
        self.screen = Screen::Record(Box::new(state));
        load(old.local_date(), Toward::OnOrBefore)
    }
}
