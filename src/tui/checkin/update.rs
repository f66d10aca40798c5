//! How the check-in form answers each action: edits, the sensation picker, saving and the
//! save's answer. Pure: the saving itself is an effect the event loop performs.

use super::{CheckinForm, FormMessage, Item};
use crate::domain::checkin::Scale;
use crate::store::model::{Body, Record, Stamp};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, HIGH_DISTRESS, Notice, Now, Screen};
use crate::tui::keymap::Context;
use crate::tui::record::RecordEffect;
use crate::tui::screen::Transition;
use crate::tui::ui::picker;

impl App {
    /// A new, empty check-in; sleep is asked only in the first one of the day.
    pub fn open_checkin(&mut self) {
        self.notices.clear();
        self.screen = Screen::Checkin(Box::new(CheckinForm::new(self.today.checkins_today == 0)));
    }

    /// Hand an action to the check-in form, with Left and Right in the picker moving by a
    /// whole column as drawn at this size.
    pub(crate) fn checkin(&mut self, action: Action, now: Now) -> Transition {
        let action = match action {
            Action::PickerColumn(by) => Action::PickerMove(self.checkin_column_step(by)),
            other => other,
        };
        let Screen::Checkin(form) = &mut self.screen else {
            return Transition::Stay;
        };
        let saved = match &action {
            Action::Saved(Ok(r)) => Some(Record::clone(r)),
            _ => None,
        };
        let out = form.update(action, now.wall);
        // A correction goes back to the record it came from, not home.
        match (out, form.editing.clone()) {
            (Transition::Home(_), Some(old)) => self.back_to_record(&old, saved.as_ref()),
            (out, _) => out,
        }
    }

    fn checkin_column_step(&self, by: i8) -> i8 {
        let Screen::Checkin(form) = &self.screen else {
            return by;
        };
        let count = form.picker.as_ref().map_or(0, |p| p.words.len() + 1);
        picker::column_step(self, count, by)
    }
}

impl CheckinForm {
    /// Answer one action: an edit, saving, or the save's answer.
    pub fn update(&mut self, action: Action, now: Stamp) -> Transition {
        if !matches!(action, Action::Digit(_)) {
            self.forget_digit();
        }
        if self.asking {
            return self.answer(action);
        }
        match action {
            Action::Save => return self.save(now),
            Action::Saved(result) => return self.saved(result),
            Action::Leave if self.is_untouched() => return Transition::Home(Vec::new()),
            // What was filled in is not thrown away on one key: ask first, as the journal does.
            Action::Leave => self.asking = true,
            other => self.edit(other),
        }
        Transition::Stay
    }

    /// While asking whether to leave: yes lets the check-in go, no or Esc goes back to it.
    fn answer(&mut self, action: Action) -> Transition {
        match action {
            Action::Answer(true) => return Transition::Home(Vec::new()),
            Action::Answer(false) | Action::Leave => self.asking = false,
            // A save that was under way when Esc was pressed still answers.
            Action::Saved(result) => return self.saved(result),
            _ => {}
        }
        Transition::Stay
    }

    /// Which key table applies on the form now.
    pub fn context(&self) -> Context {
        if self.asking {
            return Context::CheckinAsk;
        }
        match &self.picker {
            Some(p) if p.own.is_some() => Context::PickerOwnWord,
            Some(_) => Context::Picker,
            None => match self.focused() {
                Item::Scale(_) => Context::CheckinScale,
                Item::Sensations => Context::CheckinWords,
                Item::Note => Context::CheckinNote,
            },
        }
    }

    fn save(&mut self, now: Stamp) -> Transition {
        if let Some(old) = &self.editing {
            let Some(checkin) = self.to_checkin() else {
                self.message = Some(FormMessage::NeedDistress);
                self.focus_on(Item::Scale(Scale::Distress));
                return Transition::Stay;
            };
            return Transition::Do(Effect::Record(RecordEffect::EditCheckin {
                record: old.clone(),
                checkin: Box::new(checkin),
                at: now,
            }));
        }
        match self.record_to_save(now) {
            Some(record) => Transition::Do(Effect::SaveCheckin { record }),
            None => {
                self.message = Some(FormMessage::NeedDistress);
                self.focus_on(Item::Scale(Scale::Distress));
                Transition::Stay
            }
        }
    }

    fn saved(&mut self, result: Result<Box<Record>, String>) -> Transition {
        match result {
            Ok(record) => {
                let distress = match &record.body {
                    Body::Checkin(c) => c.distress,
                    _ => 0,
                };
                let mut notices = vec![Notice::Thanks];
                if distress >= HIGH_DISTRESS {
                    notices.push(Notice::HelpIsNear);
                }
                Transition::Home(notices)
            }
            Err(why) => {
                // Stay on the form: nothing typed is lost, and Enter tries again.
                self.message = Some(FormMessage::SaveFailed(why));
                Transition::Stay
            }
        }
    }

    fn edit(&mut self, action: Action) {
        match action {
            Action::Next => self.step(1),
            Action::Prev => self.step(-1),
            Action::Digit(d) => self.digit(d),
            Action::Nudge(by) => self.nudge(by),
            Action::Clear => self.clear(),
            Action::Type(c) => self.type_char(c),
            // The note is one line: a pasted line break must not save the check-in.
            Action::Paste(text) => text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .for_each(|c| self.type_char(c)),
            Action::Erase => self.erase(),
            Action::EraseAhead => self.erase_ahead(),
            Action::Cursor(to) => self.move_cursor(to),
            Action::OpenPicker => self.open_picker(),
            Action::PickerMove(by) => self.picker_move(isize::from(by)),
            Action::PickerToggle => self.picker_toggle(),
            Action::PickerClose => self.close_picker(),
            Action::OwnWordAdd => self.own_word_add(),
            Action::OwnWordCancel => self.own_word_cancel(),
            _ => {}
        }
    }
}
