//! The calm closing screen's state: the run as saved the moment it ended (typed words
//! never kept at that point), then, if the user asks, a newer version of the same record
//! with the words kept and the distress after.

use crate::domain::grounding::Routine;
use crate::service::grounding::{Outcome, session};
use crate::service::practice::{distress_rose, worth_keeping};
use crate::store::model::{Body, Record, Session, Stamp};
use crate::tui::action::Effect;
use crate::tui::app::{HIGH_DISTRESS, Notice};
use crate::tui::breathe::Rating;

/// Where the user goes once the closing screen's choices are saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    Home,
    Checkin,
    /// Back to the routine list (the gentle offer's `g`).
    List,
}

/// What a step on the closing screen leads to, for `Ground` to carry out.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "made and used at once, never stored; an effect is as large anyway"
)]
pub enum Done {
    Stay,
    Do(Effect),
    Go(Then, Vec<Notice>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Closing {
    pub routine: Routine,
    pub outcome: Outcome,
    pub started: Stamp,
    pub ended: Stamp,
    /// The record as stored; None until saved (or if saving failed).
    pub record: Option<Record>,
    pub error: Option<String>,
    /// Keep what was typed and chosen with the record (off unless the user chooses).
    pub keep: bool,
    pub after: Rating,
    /// A save is on its way; go here once it is done.
    then: Option<Then>,
    /// Stopped in its first seconds: not a practice, so nothing is saved.
    pub unsaved: bool,
}

impl Closing {
    pub fn new(routine: Routine, outcome: Outcome, started: Stamp, ended: Stamp) -> Closing {
        let unsaved = !worth_keeping(outcome.completed, outcome.took.as_secs_f64());
        // Words only chosen (never typed) are names, the point of the routine: kept.
        let keep = routine.names_only() && !outcome.summary.noticed.is_empty();
        Closing {
            routine,
            outcome,
            started,
            ended,
            record: None,
            error: None,
            keep,
            after: Rating::default(),
            then: None,
            unsaved,
        }
    }

    /// Anything typed or chosen that could be kept.
    pub fn has_words(&self) -> bool {
        !self.outcome.summary.noticed.is_empty()
    }

    pub fn toggle_keep(&mut self) {
        self.keep = self.has_words() && !self.keep;
    }

    /// The session as the user has chosen it so far.
    fn wanted(&self) -> Session {
        let outcome = Outcome {
            keep_noticed: self.keep,
            ..self.outcome.clone()
        };
        let mut s = session(&self.routine, &outcome);
        s.distress_after = self.after.value;
        s
    }

    /// Save the run as it stands (the first save: typed words are not kept yet), or
    /// nothing if it was let go in its first seconds.
    pub fn save(&self) -> Option<Effect> {
        if self.unsaved {
            return None;
        }
        let outcome = Outcome {
            keep_noticed: self.keep,
            ..self.outcome.clone()
        };
        Some(Effect::SaveSession {
            session: session(&self.routine, &outcome),
            started: self.started,
            at: self.ended,
            beats: None,
        })
    }

    /// Enter, c or g: save the choices made here (if any changed), then go on.
    pub fn confirm(&mut self, then: Then, now: Stamp) -> Done {
        if self.unsaved {
            return Done::Go(then, vec![Notice::LetGo]);
        }
        let want = self.wanted();
        let Some(record) = &self.record else {
            self.then = Some(then);
            if self.error.is_none() {
                // The first save is still on its way: go on once it has answered.
                return Done::Stay;
            }
            // The first save failed: try again, with the choices.
            return Done::Do(Effect::SaveSession {
                session: want,
                started: self.started,
                at: now.max(self.ended),
                beats: None,
            });
        };
        let Body::Session(stored) = &record.body else {
            return Done::Go(then, self.notices());
        };
        let same = stored.noticed == want.noticed
            && stored.intensity == want.intensity
            && stored.distress_after == want.distress_after;
        if same {
            return Done::Go(then, self.notices());
        }
        let mut newer = record.clone();
        if let Body::Session(s) = &mut newer.body {
            s.noticed = want.noticed;
            s.intensity = want.intensity;
            s.distress_after = want.distress_after;
        }
        // Strictly newer, so this version wins wherever the records are merged.
        newer.updated_at = record.next_version(now);
        self.then = Some(then);
        Done::Do(Effect::UpdateRecord(newer))
    }

    /// The first save (or its retry) came back; an Enter, c or g pressed meanwhile goes on
    /// now, saving the choices made here if they changed.
    pub fn saved(&mut self, result: Result<Box<Record>, String>, now: Stamp) -> Done {
        match result {
            Ok(record) => {
                self.record = Some(*record);
                self.error = None;
                match self.then.take() {
                    Some(then) => self.confirm(then, now),
                    None => Done::Stay,
                }
            }
            Err(why) => self.failed(why),
        }
    }

    /// The newer version with the choices came back.
    pub fn updated(&mut self, result: Result<Box<Record>, String>) -> Done {
        match result {
            Ok(record) => {
                self.record = Some(*record);
                self.error = None;
                let then = self.then.take().unwrap_or(Then::Home);
                Done::Go(then, self.notices())
            }
            Err(why) => self.failed(why),
        }
    }

    fn failed(&mut self, why: String) -> Done {
        self.error = Some(why);
        self.then = None;
        Done::Stay
    }

    /// Esc: home without the choices made here (the run itself is already saved).
    pub fn leave(&self) -> Done {
        let notices = match self.record {
            _ if self.unsaved => vec![Notice::LetGo],
            Some(_) => vec![Notice::Practised],
            None => Vec::new(),
        };
        Done::Go(Then::Home, notices)
    }

    /// Distress after rose by 2 or more, or is 9-10 (or was 9-10 before and no after
    /// yet): the gentle offer of grounding and the help lines shows.
    pub fn offer(&self) -> bool {
        let before = self.outcome.distress_before;
        let after = self.after.value;
        distress_rose(before, after)
            || after.is_some_and(|a| a >= HIGH_DISTRESS)
            || (after.is_none() && before.is_some_and(|b| b >= HIGH_DISTRESS))
    }

    /// One notice for home, the most needed.
    fn notices(&self) -> Vec<Notice> {
        let after = self.after.value;
        if distress_rose(self.outcome.distress_before, after) {
            vec![Notice::HigherAfter]
        } else if after.is_some_and(|a| a >= HIGH_DISTRESS) {
            vec![Notice::HelpIsNear]
        } else {
            vec![Notice::Practised]
        }
    }
}
