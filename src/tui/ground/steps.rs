//! One routine in progress: the domain's `Run`, plus what the screen needs around it (the
//! line being typed, the word list and its cursor, a rating typed as 1 then 0).

use crate::content;
use crate::domain::grounding::Step;
use crate::domain::grounding::run::Run;
use crate::store::model::Stamp;
use crate::tui::breathe::Rating;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub struct Steps {
    pub run: Run,
    /// The line being typed on a typed step.
    pub input: String,
    /// A choosing step's words (the offered ones, then a word of the user's own).
    pub words: Vec<String>,
    /// Index into `words`, or `words.len()` for the "word of your own" row.
    pub word_cursor: usize,
    /// The word being typed, while adding one of one's own.
    pub own: Option<String>,
    /// A rating step's value as typed.
    pub rating: Rating,
    /// When the routine began: the wall clock for the record, monotonic for its length.
    pub started: Stamp,
    pub begun: Duration,
}

impl Steps {
    pub fn new(run: Run, started: Stamp, begun: Duration) -> Steps {
        let mut steps = Steps {
            run,
            input: String::new(),
            words: Vec::new(),
            word_cursor: 0,
            own: None,
            rating: Rating::default(),
            started,
            begun,
        };
        steps.entered();
        steps
    }

    pub fn step(&self) -> Option<&Step> {
        self.run.step()
    }

    /// A new step is showing: set up its input, words or rating from what it holds.
    fn entered(&mut self) {
        self.input.clear();
        self.own = None;
        self.rating = Rating::default();
        let state = self.run.state().cloned().unwrap_or_default();
        match self.run.step() {
            Some(Step::Choose { list, .. }) => {
                self.words = content::words(*list).to_vec();
                if let Some(w) = &state.word
                    && !self.words.contains(w)
                {
                    self.words.push(w.clone());
                }
                let chosen = state
                    .word
                    .and_then(|w| self.words.iter().position(|x| *x == w));
                self.word_cursor = chosen.unwrap_or(0);
            }
            Some(Step::Rate { .. }) => self.rating.value = state.rating,
            _ => self.words.clear(),
        }
    }

    /// Enter (or Space): add the typed line, choose the word, or go on.
    pub fn go_on(&mut self, now: Duration) {
        match self.run.step() {
            Some(Step::Typed { .. }) if !self.input.trim().is_empty() => {
                self.run.add_line(&self.input);
                self.input.clear();
                if self.run.items_complete() {
                    self.next(now);
                }
            }
            Some(Step::Choose { .. }) => match self.words.get(self.word_cursor) {
                Some(word) => {
                    let word = word.clone();
                    self.run.choose(&word);
                    self.next(now);
                }
                None => self.own = Some(String::new()),
            },
            _ => self.next(now),
        }
    }

    fn next(&mut self, now: Duration) {
        self.run.next(now);
        self.entered();
    }

    pub fn skip(&mut self, now: Duration) {
        self.run.skip(now);
        self.entered();
    }

    pub fn back(&mut self, now: Duration) {
        self.run.back(now);
        self.entered();
    }

    /// Backspace while typing: erase a character; on an empty line, back a step.
    pub fn erase(&mut self, now: Duration) {
        if let Some(word) = &mut self.own {
            word.pop();
        } else if self.input.pop().is_none() {
            self.back(now);
        }
    }

    /// Take the last line back into an empty input, to change it.
    pub fn edit_last(&mut self) {
        if self.input.is_empty()
            && let Some(line) = self.run.remove_last_line()
        {
            self.input = line;
        }
    }

    pub fn type_char(&mut self, c: char) {
        match (&mut self.own, self.run.step()) {
            (Some(word), _) => word.push(c),
            (None, Some(Step::Typed { .. })) => self.input.push(c),
            _ => {}
        }
    }

    /// Pasted text types as one line: a pasted line break must not add or move on.
    pub fn paste(&mut self, text: &str) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .for_each(|c| self.type_char(c));
    }

    pub fn digit(&mut self, d: u8) {
        if matches!(self.run.step(), Some(Step::Rate { .. })) {
            self.rating.digit(d);
            if let Some(v) = self.rating.value {
                self.run.rate(v);
            }
        }
    }

    pub fn forget_digit(&mut self) {
        self.rating.forget_digit();
    }

    /// Move the word cursor; it stops at the first word and at the own-word row.
    pub fn word_move(&mut self, by: isize) {
        self.word_cursor = self
            .word_cursor
            .saturating_add_signed(by)
            .min(self.words.len());
    }

    /// Enter on a word of one's own: choose it and go on (an empty word does nothing).
    pub fn own_add(&mut self, now: Duration) {
        let Some(word) = self.own.take() else { return };
        if word.trim().is_empty() {
            return;
        }
        self.run.choose(&word);
        self.next(now);
    }

    pub fn own_cancel(&mut self) {
        self.own = None;
    }
}
