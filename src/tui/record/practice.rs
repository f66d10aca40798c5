//! The small form for correcting a practice: distress before, distress after, and a note.
//! Keys as on the check-in: digits set a rating (1 then 0 makes 10), Backspace clears it.

use crate::domain::checkin::MAX;
use crate::service::correct::PracticeChange;
use crate::store::model::{Body, Record};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::ui::line_input::LineInput;

/// Which line of the form has focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Before,
    After,
    Note,
}

const FIELDS: [Field; 3] = [Field::Before, Field::After, Field::Note];

/// What the form did with an action.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Stay,
    /// Save this change (never empty).
    Save(PracticeChange),
    /// Back to the list, with nothing saved.
    Back,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PracticeForm {
    pub record: Record,
    pub focus: usize,
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub note: LineInput,
    /// Esc with a change made: asking before letting it go.
    pub asking: bool,
    typed_one: bool,
}

impl PracticeForm {
    /// The form for `record`, filled with what it holds; None for anything but a practice.
    pub fn new(record: &Record) -> Option<PracticeForm> {
        let Body::Session(s) = &record.body else {
            return None;
        };
        Some(PracticeForm {
            record: record.clone(),
            focus: 0,
            before: s.distress_before,
            after: s.distress_after,
            note: LineInput::new(s.note.as_deref().unwrap_or("")),
            asking: false,
            typed_one: false,
        })
    }

    pub fn field(&self) -> Field {
        FIELDS[self.focus.min(FIELDS.len() - 1)]
    }

    pub fn context(&self) -> Context {
        match (self.asking, self.field()) {
            (true, _) => Context::RecordAsk,
            (false, Field::Note) => Context::RecordNote,
            (false, _) => Context::RecordRating,
        }
    }

    /// What differs from the stored practice.
    pub fn change(&self) -> PracticeChange {
        let Body::Session(s) = &self.record.body else {
            return PracticeChange::default();
        };
        let note = Some(self.note.text().trim().to_string()).filter(|n| !n.is_empty());
        PracticeChange {
            before: (self.before != s.distress_before).then_some(self.before),
            after: (self.after != s.distress_after).then_some(self.after),
            note: (note != s.note).then_some(note),
        }
    }

    /// Answer one action.
    pub fn update(&mut self, action: Action) -> Answer {
        if !matches!(action, Action::Digit(_)) {
            self.typed_one = false;
        }
        if self.asking {
            match action {
                Action::Answer(true) => return Answer::Back,
                Action::Answer(false) | Action::Leave => self.asking = false,
                _ => {}
            }
            return Answer::Stay;
        }
        match action {
            Action::Save if self.change().is_empty() => return Answer::Back,
            Action::Save => return Answer::Save(self.change()),
            Action::Leave if self.change().is_empty() => return Answer::Back,
            Action::Leave => self.asking = true,
            Action::Next => self.focus = (self.focus + 1).min(FIELDS.len() - 1),
            Action::Prev => self.focus = self.focus.saturating_sub(1),
            Action::Digit(d) => self.digit(d),
            Action::Nudge(by) => self.nudge(by),
            Action::Clear => *self.rating() = None,
            other => self.edit_note(other),
        }
        Answer::Stay
    }

    fn rating(&mut self) -> &mut Option<u8> {
        match self.field() {
            Field::After => &mut self.after,
            _ => &mut self.before,
        }
    }

    fn digit(&mut self, d: u8) {
        if self.field() == Field::Note {
            return;
        }
        let value = if self.typed_one && d == 0 {
            MAX
        } else {
            d.min(MAX)
        };
        *self.rating() = Some(value);
        self.typed_one = d == 1 && value == 1;
    }

    fn nudge(&mut self, by: i8) {
        if self.field() == Field::Note {
            return;
        }
        let rating = self.rating();
        *rating = Some(rating.map_or(0, |v| v.saturating_add_signed(by).min(MAX)));
    }

    fn edit_note(&mut self, action: Action) {
        if self.field() != Field::Note {
            return;
        }
        match action {
            Action::Type(c) => self.note.insert(c),
            Action::Paste(text) => text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .for_each(|c| self.note.insert(c)),
            Action::Erase => self.note.erase_back(),
            Action::EraseAhead => self.note.erase_ahead(),
            Action::Cursor(to) => self.note.move_cursor(to),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::model::{Session, Stamp};

    fn practice() -> Record {
        let at = Stamp::parse_from_rfc3339("2026-11-30T09:00:00+01:00").unwrap();
        Record::new(
            Body::Session(Session {
                practice: "breathe".into(),
                practice_id: "exhale-4-6".into(),
                distress_before: Some(10),
                distress_after: Some(3),
                ..Session::default()
            }),
            at,
        )
    }

    #[test]
    fn a_mistyped_rating_is_corrected_and_only_that_is_changed() {
        let mut f = PracticeForm::new(&practice()).unwrap();
        f.update(Action::Digit(1));
        assert_eq!(f.before, Some(1));
        assert_eq!(
            f.update(Action::Save),
            Answer::Save(PracticeChange {
                before: Some(Some(1)),
                ..PracticeChange::default()
            })
        );
    }

    #[test]
    fn a_note_is_typed_on_its_line_and_a_change_is_asked_about_before_leaving() {
        let mut f = PracticeForm::new(&practice()).unwrap();
        f.update(Action::Next);
        f.update(Action::Next);
        assert_eq!(f.context(), Context::RecordNote);
        "calmer".chars().for_each(|c| {
            f.update(Action::Type(c));
        });
        assert_eq!(f.update(Action::Leave), Answer::Stay);
        assert_eq!(f.context(), Context::RecordAsk);
        assert_eq!(f.update(Action::Answer(false)), Answer::Stay);
        assert_eq!(f.note.text(), "calmer");
        assert_eq!(f.change().note, Some(Some("calmer".into())));
        assert_eq!(f.update(Action::Answer(true)), Answer::Stay, "not asking now");
        f.update(Action::Leave);
        assert_eq!(f.update(Action::Answer(true)), Answer::Back);
    }

    #[test]
    fn saving_with_nothing_changed_goes_back_without_a_save() {
        let mut f = PracticeForm::new(&practice()).unwrap();
        assert_eq!(f.update(Action::Save), Answer::Back);
    }
}
