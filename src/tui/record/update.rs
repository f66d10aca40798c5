//! How the record screen answers each action: moving through a day's records and between
//! days, the ratings form, deleting with an undo, and the answers of its effects.

use super::practice::{Answer, PracticeForm};
use super::{Mode, Note, RecordAction as R, RecordEffect, RecordState};
use crate::service::record_day::{Day, Toward};
use crate::store::model::Record;
use crate::tui::action::{Action, Effect};
use crate::tui::app::Now;
use crate::tui::screen::Transition;
use chrono::NaiveDate;

pub(super) fn go(e: RecordEffect) -> Transition {
    Transition::Do(Effect::Record(e))
}

/// Read the nearest day with records from `from`, toward `toward`.
pub fn load(from: NaiveDate, toward: Toward) -> Transition {
    go(RecordEffect::Load { from, toward })
}

impl RecordState {
    /// Answer one action; the App performs what comes out.
    pub fn update(&mut self, action: Action, now: Now) -> Transition {
        let result = matches!(action, Action::Record(R::Loaded(..) | R::Edited(_) | R::Deleted(_)));
        if matches!(self.mode, Mode::Practice(_)) && !result {
            return self.on_practice(action, now);
        }
        if self.mode == Mode::AskDelete {
            return self.answer_delete(action, now);
        }
        match action {
            Action::Record(R::Loaded(toward, result)) => self.loaded(toward, result),
            Action::Record(R::Edited(result)) => self.edited(result),
            Action::Record(R::Deleted(result)) => self.deleted(result),
            other => {
                self.note = None;
                self.on_list(other, now)
            }
        }
    }

    /// The ratings form has the keys.
    fn on_practice(&mut self, action: Action, now: Now) -> Transition {
        let Mode::Practice(form) = &mut self.mode else {
            return Transition::Stay;
        };
        match form.update(action) {
            Answer::Stay => Transition::Stay,
            Answer::Back => {
                self.mode = Mode::List;
                Transition::Stay
            }
            Answer::Save(change) => go(RecordEffect::EditPractice {
                record: Box::new(form.record.clone()),
                change,
                at: now.wall,
            }),
        }
    }

    /// A key on the day's list.
    fn on_list(&mut self, action: Action, now: Now) -> Transition {
        match action {
            Action::Record(R::Move(by)) => {
                let last = self.shown().len().saturating_sub(1);
                self.cursor = self.cursor.saturating_add_signed(isize::from(by)).min(last);
            }
            Action::Record(R::Day(by)) => return self.other_day(by, now),
            Action::Record(R::Edit) => {
                if let Some(form) = self.selected().and_then(PracticeForm::new) {
                    self.mode = Mode::Practice(Box::new(form));
                }
            }
            Action::Record(R::Delete) if self.selected().is_some() => {
                self.mode = Mode::AskDelete;
            }
            Action::Record(R::Undo) if self.pending.take().is_some() => {
                self.note = Some(Note::Undone);
            }
            Action::Leave => return self.commit_then(Transition::Home(Vec::new()), now),
            _ => {}
        }
        Transition::Stay
    }

    /// The nearest earlier (−1) or later day with records; a delete waiting for its undo
    /// is written first.
    fn other_day(&mut self, by: i8, now: Now) -> Transition {
        let Some(date) = self.date() else {
            return Transition::Stay;
        };
        let next = if by < 0 {
            load(date.pred_opt().unwrap_or(date), Toward::OnOrBefore)
        } else {
            load(date, Toward::After)
        };
        self.commit_then(next, now)
    }

    /// Quitting: write the tombstone of a record deleted on screen.
    pub fn stop_for_exit(&mut self, now: Now) -> Option<Effect> {
        let record = self.pending.take()?;
        Some(Effect::Record(RecordEffect::Delete {
            record: Box::new(record),
            at: now.wall,
        }))
    }

    fn answer_delete(&mut self, action: Action, now: Now) -> Transition {
        match action {
            Action::Answer(true) => {
                self.mode = Mode::List;
                let Some(record) = self.selected().cloned() else {
                    return Transition::Stay;
                };
                // An earlier delete's undo is no longer offered: write its tombstone now.
                let earlier = self.pending.replace(record);
                let last = self.shown().len().saturating_sub(1);
                self.cursor = self.cursor.min(last);
                self.note = Some(Note::Deleted);
                match earlier {
                    Some(r) => go(RecordEffect::Delete {
                        record: Box::new(r),
                        at: now.wall,
                    }),
                    None => Transition::Stay,
                }
            }
            Action::Answer(false) | Action::Leave => {
                self.mode = Mode::List;
                Transition::Stay
            }
            // A read or save under way still answers while the question is up.
            Action::Record(R::Deleted(result)) => self.deleted(result),
            _ => Transition::Stay,
        }
    }

    /// Write the tombstone waiting for its undo, then go on to `after`.
    fn commit_then(&mut self, after: Transition, now: Now) -> Transition {
        match self.pending.take() {
            Some(record) => {
                self.after_delete = Some(Box::new(after));
                go(RecordEffect::Delete {
                    record: Box::new(record),
                    at: now.wall,
                })
            }
            None => after,
        }
    }

    fn loaded(&mut self, toward: Toward, result: Result<Option<Day>, String>) -> Transition {
        let first = self.mode == Mode::Loading && self.day.is_none();
        self.mode = Mode::List;
        match result {
            Ok(Some(day)) => {
                let select = self.select.take();
                self.cursor = day
                    .records
                    .iter()
                    .position(|r| Some(r.id) == select)
                    .unwrap_or(0);
                self.day = Some(day);
            }
            Ok(None) if first => self.day = None,
            Ok(None) if toward == Toward::After => self.note = Some(Note::NoLater),
            Ok(None) => self.note = Some(Note::NoEarlier),
            Err(why) => self.note = Some(Note::Failed(why)),
        }
        Transition::Stay
    }

    fn edited(&mut self, result: Result<(Box<Record>, bool), String>) -> Transition {
        match result {
            Ok((record, changed)) => {
                self.mode = Mode::List;
                self.replace(*record);
                self.note = Some(if changed {
                    Note::Changed
                } else {
                    Note::NothingChanged
                });
            }
            // Stay on the form: what was typed is kept, and Enter tries again.
            Err(why) => self.note = Some(Note::Failed(why)),
        }
        Transition::Stay
    }

    fn deleted(&mut self, result: Result<Box<Record>, String>) -> Transition {
        if let Err(why) = result {
            // Still stored, so shown again; stay here so the reason can be read.
            self.note = Some(Note::Failed(why));
            self.after_delete = None;
            return Transition::Stay;
        }
        self.after_delete
            .take()
            .map_or(Transition::Stay, |after| *after)
    }

    /// Put a newer version of a record in place of the one shown.
    pub fn replace(&mut self, record: Record) {
        if let Some(day) = &mut self.day
            && let Some(slot) = day.records.iter_mut().find(|r| r.id == record.id)
        {
            *slot = record;
        }
    }
}
