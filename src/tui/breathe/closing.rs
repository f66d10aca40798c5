//! The calm closing screen's state: the session as saved the moment practice ended, and
//! the optional distress rating after, which saves a newer version of the same record.

use super::Rating;
use crate::domain::breathing::Pattern;
use crate::service::practice::worth_keeping;
use crate::store::model::{Body, Record, Session, Stamp};
use crate::tui::action::Effect;
use crate::tui::app::{HIGH_DISTRESS, Notice};
use crate::tui::screen::Transition;
use std::path::PathBuf;

/// Distress after this much above before is named, gently.
pub const HIGHER_BY: u8 = 2;

#[derive(Clone, Debug, PartialEq)]
pub struct Closing {
    pub session: Session,
    pub pattern_name: String,
    pub started: Stamp,
    pub ended: Stamp,
    /// The record as stored; None until saved (or if saving failed).
    pub record: Option<Record>,
    pub error: Option<String>,
    pub after: Rating,
    /// Enter retried a failed save: go home once it is saved.
    leaving: bool,
    /// Stopped in its first seconds: not a practice, so nothing is saved.
    pub unsaved: bool,
    /// Finding your pace found one: the offer to keep it, and how that went.
    pub keep: Option<KeepPace>,
    /// The heart beats to keep beside the session (`--keep-beats`), as CSV.
    pub beats: Option<String>,
}

/// A found pace on the closing screen.
#[derive(Clone, Debug, PartialEq)]
pub enum KeepPace {
    /// `k` keeps this pattern in this folder.
    Offered(Pattern, PathBuf),
    /// Being kept: the answer is on its way.
    Keeping(Pattern),
    /// Kept, in this file.
    Kept(String),
    /// Could not be kept, and why.
    Failed(String),
}

impl Closing {
    pub fn new(session: Session, pattern_name: String, started: Stamp, ended: Stamp) -> Closing {
        let unsaved = !worth_keeping(session.completed, session.actual_seconds);
        Closing {
            session,
            pattern_name,
            started,
            ended,
            record: None,
            error: None,
            after: Rating::default(),
            leaving: false,
            unsaved,
            keep: None,
            beats: None,
        }
    }

    /// After finding your pace: offer to keep the best rate, in `base`'s shape, in `dir`.
    pub fn offer_pace(&mut self, base: &Pattern, dir: Option<&PathBuf>) {
        if let (Some(best), Some(dir), false) = (self.session.pace_steps.first(), dir, self.unsaved)
        {
            let mine = crate::content::my_pace::pattern(base, best.rate);
            self.keep = Some(KeepPace::Offered(mine, dir.clone()));
        }
    }

    /// Whether `k` would keep a found pace now.
    pub fn pace_offered(&self) -> bool {
        matches!(self.keep, Some(KeepPace::Offered(..)))
    }

    /// The pattern being kept, while it is.
    pub fn pace_pattern(&self) -> Option<&Pattern> {
        match &self.keep {
            Some(KeepPace::Keeping(p)) => Some(p),
            _ => None,
        }
    }

    /// `k`: keep the found pace, off this thread.
    pub fn keep_pace(&mut self) -> Transition {
        let Some(KeepPace::Offered(pattern, dir)) = self.keep.take() else {
            return Transition::Stay;
        };
        self.keep = Some(KeepPace::Keeping(pattern.clone()));
        Transition::Do(Effect::KeepMyPace { dir, pattern })
    }

    pub fn pace_kept(&mut self, result: Result<String, String>) {
        self.keep = Some(match result {
            Ok(path) => KeepPace::Kept(path),
            Err(why) => KeepPace::Failed(why),
        });
    }

    /// Save the session as it stands, or nothing if it was let go in its first seconds.
    pub fn save(&self) -> Option<Effect> {
        (!self.unsaved).then(|| self.first_save())
    }

    fn first_save(&self) -> Effect {
        Effect::SaveSession {
            session: self.session.clone(),
            started: self.started,
            at: self.ended,
            beats: self.beats.clone(),
        }
    }

    /// Enter: save the rating after (if one was given), then go home.
    pub fn confirm(&mut self, now: Stamp) -> Transition {
        if self.unsaved {
            return self.leave();
        }
        let after = self.after.value;
        let Some(record) = &self.record else {
            self.leaving = true;
            if self.error.is_none() {
                // The first save is still on its way: go on once it has answered.
                return Transition::Stay;
            }
            // The first save failed: try again, with the rating.
            self.session.distress_after = after;
            return Transition::Do(self.first_save());
        };
        let stored = match &record.body {
            Body::Session(s) => s.distress_after,
            _ => None,
        };
        if after.is_none() || after == stored {
            return Transition::Home(self.notices());
        }
        let mut newer = record.clone();
        if let Body::Session(s) = &mut newer.body {
            s.distress_after = after;
        }
        // Strictly newer, so this version wins wherever the records are merged.
        newer.updated_at = record.next_version(now);
        Transition::Do(Effect::UpdateRecord(newer))
    }

    /// The first save (or its retry) answered; an Enter pressed meanwhile goes on now.
    pub fn saved(&mut self, result: Result<Box<Record>, String>, now: Stamp) -> Transition {
        match result {
            Ok(record) => {
                if let Body::Session(s) = &record.body {
                    self.session = s.clone();
                }
                self.record = Some(*record);
                self.error = None;
                if std::mem::take(&mut self.leaving) {
                    self.confirm(now)
                } else {
                    Transition::Stay
                }
            }
            Err(why) => {
                self.error = Some(why);
                self.leaving = false;
                Transition::Stay
            }
        }
    }

    /// The rating after was added to the record.
    pub fn updated(&mut self, result: Result<Box<Record>, String>) -> Transition {
        match result {
            Ok(record) => {
                self.record = Some(*record);
                self.error = None;
                Transition::Home(self.notices())
            }
            Err(why) => {
                self.error = Some(why);
                Transition::Stay
            }
        }
    }

    /// Esc: home without the rating after (the session itself is already saved).
    pub fn leave(&self) -> Transition {
        Transition::Home(if self.unsaved {
            vec![Notice::LetGo]
        } else if self.record.is_some() {
            vec![Notice::Practised]
        } else {
            Vec::new()
        })
    }

    /// The rating after is this much higher than before: say so gently.
    pub fn higher(&self) -> bool {
        match (self.session.distress_before, self.after.value) {
            (Some(before), Some(after)) => after >= before.saturating_add(HIGHER_BY),
            _ => false,
        }
    }

    /// One notice, the most needed: a kind word on a small screen leaves room for it.
    fn notices(&self) -> Vec<Notice> {
        if self.higher() {
            vec![Notice::HigherAfter]
        } else if self.after.value.is_some_and(|a| a >= HIGH_DISTRESS) {
            vec![Notice::HelpIsNear]
        } else {
            vec![Notice::Practised]
        }
    }
}
