//! The check-in: the form's state and its pure edits (scale values, focus, the sensation
//! picker, the note) here, how it answers actions in `update`, its drawing in `view`.

pub mod keys;
mod picker;
pub mod update;
pub mod view;

pub use picker::Picker;

use crate::domain::checkin::{MAX, Scale};
use crate::store::model::{Body, Checkin, Record, Stamp};
use crate::tui::ui::line_input::{Cursor, LineInput};

/// One line of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Scale(Scale),
    Sensations,
    Note,
}

/// A message the form shows under its items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormMessage {
    NeedDistress,
    SaveFailed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckinForm {
    pub items: Vec<Item>,
    pub focus: usize,
    values: [Option<u8>; Scale::ALL.len()],
    /// Chosen words, in the order chosen.
    pub sensations: Vec<String>,
    pub note: LineInput,
    pub picker: Option<Picker>,
    pub message: Option<FormMessage>,
    /// Whether the last key on this item was the digit 1, so that a 0 next makes 10.
    typed_one: bool,
    /// The id and time of the record, fixed at the first save: a retry keeps them.
    pub saving: Option<(uuid::Uuid, Stamp)>,
    /// Esc was pressed with something filled in: asking before letting it go.
    pub asking: bool,
    /// Correcting this stored check-in, rather than making a new one.
    pub editing: Option<Box<Record>>,
}

impl CheckinForm {
    /// A fresh form; sleep is asked only in the day's first check-in.
    pub fn new(first_of_day: bool) -> CheckinForm {
        let mut items: Vec<Item> = Scale::ALL
            .into_iter()
            .filter(|s| first_of_day || *s != Scale::Sleep)
            .map(Item::Scale)
            .collect();
        items.extend([Item::Sensations, Item::Note]);
        CheckinForm {
            items,
            focus: 0,
            values: [None; Scale::ALL.len()],
            sensations: Vec::new(),
            note: LineInput::default(),
            picker: None,
            message: None,
            typed_one: false,
            saving: None,
            asking: false,
            editing: None,
        }
    }

    /// The form filled with a stored check-in, to correct it, every item offered (sleep
    /// too, so one left out can be added). None for anything but a check-in.
    pub fn editing(record: &Record) -> Option<CheckinForm> {
        let Body::Checkin(c) = &record.body else {
            return None;
        };
        let mut form = CheckinForm::new(true);
        for scale in Scale::ALL {
            form.values[slot(scale)] = scale.get(c);
        }
        form.sensations = c.sensations.clone();
        form.note = LineInput::new(c.note.as_deref().unwrap_or(""));
        form.editing = Some(Box::new(record.clone()));
        Some(form)
    }

    pub fn focused(&self) -> Item {
        self.items[self.focus.min(self.items.len() - 1)]
    }

    /// Whether nothing has been filled in, so leaving loses nothing.
    pub fn is_blank(&self) -> bool {
        self.values.iter().all(Option::is_none)
            && self.sensations.is_empty()
            && self.note.text().trim().is_empty()
    }

    /// Whether leaving loses nothing: a new form left blank, or a correction that still
    /// holds what is stored.
    pub fn is_untouched(&self) -> bool {
        let Some(old) = &self.editing else {
            return self.is_blank();
        };
        let Body::Checkin(stored) = &old.body else {
            return true;
        };
        let note = self.note.text().trim();
        Scale::ALL
            .into_iter()
            .all(|s| self.value(s) == s.get(stored))
            && self.sensations == stored.sensations
            && note == stored.note.as_deref().unwrap_or("").trim()
    }

    /// Whether sleep is among the items (it is asked only in the day's first check-in).
    pub fn asks_sleep(&self) -> bool {
        self.items.contains(&Item::Scale(Scale::Sleep))
    }

    pub fn value(&self, scale: Scale) -> Option<u8> {
        self.values[slot(scale)]
    }

    fn set(&mut self, scale: Scale, value: Option<u8>) {
        self.values[slot(scale)] = value;
        if scale == Scale::Distress && value.is_some() {
            self.message = None;
        }
    }

    /// Any key but a digit ends a "1 then 0" pair.
    pub fn forget_digit(&mut self) {
        self.typed_one = false;
    }

    pub fn digit(&mut self, d: u8) {
        let Item::Scale(scale) = self.focused() else {
            return;
        };
        let value = if self.typed_one && d == 0 {
            MAX
        } else {
            d.min(MAX)
        };
        self.set(scale, Some(value));
        self.typed_one = d == 1 && value == 1;
    }

    pub fn nudge(&mut self, delta: i8) {
        let Item::Scale(scale) = self.focused() else {
            return;
        };
        let value = match self.value(scale) {
            // The first nudge on an empty scale lands on 0, the calm end.
            None => 0,
            Some(v) => v.saturating_add_signed(delta).min(MAX),
        };
        self.set(scale, Some(value));
    }

    pub fn clear(&mut self) {
        if let Item::Scale(scale) = self.focused() {
            self.set(scale, None);
        }
    }

    /// Move focus by one item; it stops at the ends rather than wrapping round.
    pub fn step(&mut self, delta: isize) {
        let last = self.items.len() - 1;
        self.focus = self.focus.saturating_add_signed(delta).min(last);
        self.typed_one = false;
    }

    pub fn focus_on(&mut self, item: Item) {
        if let Some(i) = self.items.iter().position(|x| *x == item) {
            self.focus = i;
        }
    }

    /// A typed character goes to the word being added, else to the note.
    pub fn type_char(&mut self, c: char) {
        let focused = self.focused();
        match (&mut self.picker, focused) {
            (
                Some(Picker {
                    own: Some(word), ..
                }),
                _,
            ) => word.push(c),
            (None, Item::Note) => self.note.insert(c),
            _ => {}
        }
    }

    pub fn erase(&mut self) {
        let focused = self.focused();
        match (&mut self.picker, focused) {
            (
                Some(Picker {
                    own: Some(word), ..
                }),
                _,
            ) => {
                word.pop();
            }
            (None, Item::Note) => self.note.erase_back(),
            _ => {}
        }
    }

    /// Delete in the note: the character under the cursor goes.
    pub fn erase_ahead(&mut self) {
        if self.picker.is_none() && self.focused() == Item::Note {
            self.note.erase_ahead();
        }
    }

    pub fn move_cursor(&mut self, to: Cursor) {
        if self.picker.is_none() && self.focused() == Item::Note {
            self.note.move_cursor(to);
        }
    }

    /// The check-in to save, or None while distress has no value.
    pub fn to_checkin(&self) -> Option<Checkin> {
        let mut c = Checkin {
            distress: self.value(Scale::Distress)?,
            sensations: self.sensations.clone(),
            note: Some(self.note.text().to_string()),
            ..Checkin::default()
        };
        for scale in Scale::ALL {
            if self.items.contains(&Item::Scale(scale)) && scale != Scale::Distress {
                scale.set(&mut c, self.value(scale));
            }
        }
        Some(c)
    }

    /// The record to save at `now`: the first save fixes its id and time, so a retry
    /// after a failure saves the same record (with whatever was changed since).
    pub fn record_to_save(&mut self, now: Stamp) -> Option<Record> {
        let checkin = self.to_checkin()?;
        let (id, created) = *self.saving.get_or_insert_with(|| {
            let fresh = Record::new(Body::Checkin(Checkin::default()), now);
            (fresh.id, now)
        });
        Some(Record {
            id,
            created_at: created,
            updated_at: now.max(created),
            deleted_at: None,
            body: Body::Checkin(checkin),
        })
    }
}

fn slot(scale: Scale) -> usize {
    Scale::ALL.iter().position(|s| *s == scale).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleep_is_asked_only_first_in_the_day() {
        assert!(
            CheckinForm::new(true)
                .items
                .contains(&Item::Scale(Scale::Sleep))
        );
        assert!(
            !CheckinForm::new(false)
                .items
                .contains(&Item::Scale(Scale::Sleep))
        );
    }

    #[test]
    fn one_then_zero_is_ten_but_zero_then_zero_is_zero() {
        let mut f = CheckinForm::new(true);
        f.digit(1);
        f.digit(0);
        assert_eq!(f.value(Scale::Distress), Some(10));
        f.digit(0);
        assert_eq!(f.value(Scale::Distress), Some(0));
        f.digit(1);
        f.forget_digit();
        f.digit(0);
        assert_eq!(f.value(Scale::Distress), Some(0));
    }

    #[test]
    fn nudges_stay_within_0_to_10() {
        let mut f = CheckinForm::new(true);
        f.nudge(-1);
        assert_eq!(f.value(Scale::Distress), Some(0));
        f.nudge(-1);
        assert_eq!(f.value(Scale::Distress), Some(0));
        f.digit(9);
        f.nudge(1);
        f.nudge(1);
        assert_eq!(f.value(Scale::Distress), Some(10));
    }

    #[test]
    fn focus_stops_at_the_ends() {
        let mut f = CheckinForm::new(false);
        f.step(-1);
        assert_eq!(f.focus, 0);
        for _ in 0..20 {
            f.step(1);
        }
        assert_eq!(f.focused(), Item::Note);
    }
}
