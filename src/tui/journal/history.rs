//! The editor's undo and redo, a word or a pause at a time: one undo takes back the last
//! word typed (or the last run of erasing, or whatever was typed before a pause), not one
//! letter. Snapshots of the text; the oldest are let go past a size budget.

use std::time::Duration;

/// Typing that pauses this long starts a new step to undo.
pub const PAUSE: Duration = Duration::from_secs(1);
/// The most text the snapshots hold together, so a long entry cannot fill memory.
const BUDGET_BYTES: usize = 8 * 1024 * 1024;
const MAX_STEPS: usize = 200;

/// The text and its cursor (row, column) at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub lines: Vec<String>,
    pub cursor: (usize, usize),
}

impl Snapshot {
    fn bytes(&self) -> usize {
        self.lines.iter().map(String::len).sum::<usize>() + self.lines.len()
    }
}

/// What kind of change a key made, for grouping changes into steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A letter (or any character that is not a space) typed.
    Letter,
    /// A space or a new line: the end of a word.
    Boundary,
    Erase,
    /// A paste, a cut, anything else: always a step of its own.
    Other,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<(Kind, Duration)>,
}

impl History {
    /// Whether a change of `kind` at `at` begins a new step (so the text before it is
    /// worth a snapshot; asked before the change, so a long text is not copied per key).
    pub fn starts_step(&self, kind: Kind, at: Duration) -> bool {
        match self.last {
            None => true,
            // The space that ends a word belongs to it; the next word is a new step.
            Some((last, when)) => {
                at.saturating_sub(when) >= PAUSE
                    || kind == Kind::Other
                    || (kind != last && !(last == Kind::Letter && kind == Kind::Boundary))
            }
        }
    }

    /// A change of `kind` was made at `at`; `before` is the text before it, when it
    /// began a new step.
    pub fn changed(&mut self, kind: Kind, at: Duration, before: Option<Snapshot>) {
        if let Some(before) = before {
            self.undo.push(before);
            self.trim();
        }
        self.redo.clear();
        self.last = Some((kind, at));
    }

    /// `starts_step` and `changed` in one, for a change that cannot fail.
    pub fn before_change(&mut self, kind: Kind, at: Duration, before: impl FnOnce() -> Snapshot) {
        let before = self.starts_step(kind, at).then(before);
        self.changed(kind, at, before);
    }

    /// Take back one step from `now`; the text to show, if there was a step.
    pub fn undo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let back = self.undo.pop()?;
        self.redo.push(now);
        self.last = None;
        Some(back)
    }

    /// Put back the step last undone.
    pub fn redo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let again = self.redo.pop()?;
        self.undo.push(now);
        self.last = None;
        Some(again)
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn trim(&mut self) {
        while self.undo.len() > MAX_STEPS
            || (self.undo.len() > 1
                && self.undo.iter().map(Snapshot::bytes).sum::<usize>() > BUDGET_BYTES)
        {
            self.undo.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(text: &str) -> Snapshot {
        Snapshot {
            lines: vec![text.to_string()],
            cursor: (0, text.chars().count()),
        }
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// Type `text` one character at a time from `start`, 100 ms apart.
    fn typed(h: &mut History, from: &str, text: &str, start: u64) -> String {
        let mut now = from.to_string();
        for (i, c) in text.chars().enumerate() {
            let kind = if c == ' ' {
                Kind::Boundary
            } else {
                Kind::Letter
            };
            h.before_change(kind, ms(start + 100 * i as u64), || snap(&now));
            now.push(c);
        }
        now
    }

    #[test]
    fn one_undo_takes_back_a_word_not_a_letter() {
        let mut h = History::default();
        let now = typed(&mut h, "", "calm now ", 0);
        let back = h.undo(snap(&now)).expect("a step");
        assert_eq!(back.lines, ["calm "]);
        let back = h.undo(back).expect("a step");
        assert_eq!(back.lines, [""]);
        assert!(h.undo(back.clone()).is_none());
        let again = h.redo(back).expect("redo");
        assert_eq!(again.lines, ["calm "]);
        assert!(h.can_redo());
    }

    #[test]
    fn a_pause_starts_a_new_step_and_erasing_is_its_own() {
        let mut h = History::default();
        let now = typed(&mut h, "", "wor", 0);
        let now = typed(&mut h, &now, "ds", 5_000);
        h.before_change(Kind::Erase, ms(5_300), || snap(&now));
        let erased = "word".to_string();
        assert_eq!(h.undo(snap(&erased)).expect("erase").lines, ["words"]);
        let mut h2 = h.clone();
        assert_eq!(h2.undo(snap("words")).expect("pause").lines, ["wor"]);
    }

    #[test]
    fn a_new_change_after_an_undo_lets_the_redo_go() {
        let mut h = History::default();
        let now = typed(&mut h, "", "a b", 0);
        let back = h.undo(snap(&now)).expect("undo");
        h.before_change(Kind::Letter, ms(9_000), || back);
        assert!(!h.can_redo());
    }
}
