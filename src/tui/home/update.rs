//! How home answers its keys: each one opens a screen. Home has no state of its own.

use crate::service::trends::Span;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Now};
use crate::tui::journal::{Intent, JournalAction};
use crate::tui::record::RecordAction;

impl App {
    /// Home's keys open the other screens.
    pub(crate) fn home(&mut self, action: Action, now: Now) -> Option<Effect> {
        let day = now.wall.date_naive();
        match action {
            Action::OpenCheckin => self.open_checkin(),
            Action::OpenBreathe => return self.open_breathe(None, true, day),
            Action::OpenGround => self.open_ground(None, true, now),
            Action::OpenTrends => return self.open_trends(Span::Week(day), day),
            Action::Journal(JournalAction::Open) => return self.open_journal(Intent::List),
            Action::Record(RecordAction::Open) => return self.open_record(day),
            _ => {}
        }
        None
    }
}
