//! The check-in's sensation picker: the offered words and any of the user's own, a cursor
//! over them, and the word being typed; the form opens, moves and closes it here.

use super::{CheckinForm, Item};
use crate::content;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    /// The offered words, then any the user added; a last row after them adds another.
    pub words: Vec<String>,
    /// Index into `words`, or `words.len()` for the "word of your own" row.
    pub cursor: usize,
    /// The word being typed, while adding one.
    pub own: Option<String>,
}

impl Picker {
    /// The offered words, then any chosen ones that are not among them.
    pub fn offering(mut words: Vec<String>, chosen: &[String]) -> Picker {
        for w in chosen {
            if !words.contains(w) {
                words.push(w.clone());
            }
        }
        Picker {
            words,
            cursor: 0,
            own: None,
        }
    }

    /// Move the cursor by `delta` rows; it stops at the first and last rows.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(self.words.len());
    }

    /// Space: choose or unchoose the word under the cursor, or start typing an own word.
    pub fn toggle(&mut self, chosen: &mut Vec<String>) {
        match self.words.get(self.cursor) {
            None => self.own = Some(String::new()),
            Some(word) => match chosen.iter().position(|w| w == word) {
                Some(i) => {
                    chosen.remove(i);
                }
                None => chosen.push(word.clone()),
            },
        }
    }

    /// Enter while typing an own word: add it, chosen, and put the cursor on it.
    pub fn add_own(&mut self, chosen: &mut Vec<String>) {
        let Some(typed) = self.own.take() else { return };
        let word = typed.trim().to_lowercase();
        if word.is_empty() {
            return;
        }
        match self.words.iter().position(|w| *w == word) {
            Some(i) => self.cursor = i,
            None => {
                self.words.push(word.clone());
                self.cursor = self.words.len() - 1;
            }
        }
        if !chosen.contains(&word) {
            chosen.push(word);
        }
    }
}

impl CheckinForm {
    pub fn open_picker(&mut self) {
        if self.focused() != Item::Sensations {
            return;
        }
        self.picker = Some(Picker::offering(content::sensation_words().to_vec(), &self.sensations));
    }

    pub fn close_picker(&mut self) {
        self.picker = None;
    }

    /// Move the picker's cursor by `delta` rows (a whole column for Left and Right);
    /// it stops at the first and last rows.
    pub fn picker_move(&mut self, delta: isize) {
        if let Some(p) = &mut self.picker {
            p.move_by(delta);
        }
    }

    /// Space: choose or unchoose the word under the cursor, or start typing an own word.
    pub fn picker_toggle(&mut self) {
        if let Some(p) = &mut self.picker {
            p.toggle(&mut self.sensations);
        }
    }

    /// Enter while typing an own word: add it, chosen, and put the cursor on it.
    pub fn own_word_add(&mut self) {
        if let Some(p) = &mut self.picker {
            p.add_own(&mut self.sensations);
        }
    }

    pub fn own_word_cancel(&mut self) {
        if let Some(p) = &mut self.picker {
            p.own = None;
        }
    }
}
