//! Grounding routines: their steps as data, and the checks a routine must pass.

pub mod run;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Eyes {
    Open,
    Closed,
    Either,
}

/// The word lists a `choose` step can offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordList {
    Sensations,
    Feelings,
}

/// What a step asks of the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Step {
    /// Read, then move on.
    Read { text: String },
    /// Type what you notice, one line per item.
    Typed { text: String, items: u32 },
    /// A key press per out-breath, counting 1 to `cycle` and round again.
    Count { text: String, cycle: u32 },
    /// Stay with it for `seconds`, shown by a gentle progress line.
    Timed { text: String, seconds: u32 },
    /// Pick one word from a list.
    Choose { text: String, list: WordList },
    /// Rate 0-10.
    Rate { text: String },
}

impl Step {
    pub fn text(&self) -> &str {
        match self {
            Step::Read { text }
            | Step::Typed { text, .. }
            | Step::Count { text, .. }
            | Step::Timed { text, .. }
            | Step::Choose { text, .. }
            | Step::Rate { text } => text,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routine {
    pub id: String,
    pub title: String,
    pub preview: String,
    pub eyes: Eyes,
    /// About how long it takes.
    pub minutes: u32,
    pub steps: Vec<Step>,
}

/// Why a routine cannot be used, naming the field.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("routine \"{routine}\": {field} {problem}")]
pub struct BadRoutine {
    pub routine: String,
    pub field: String,
    pub problem: &'static str,
}

impl Routine {
    /// Whether every word a run can hold was chosen from a list (none typed): such words
    /// are names, the point of the routine, and are kept unless the user says otherwise.
    pub fn names_only(&self) -> bool {
        !self.steps.iter().any(|s| matches!(s, Step::Typed { .. }))
    }

    /// Check what serde cannot: an id, some steps, sensible numbers, words to read.
    pub fn check(&self) -> Result<(), BadRoutine> {
        let bad = |field: String, problem| BadRoutine {
            routine: self.id.clone(),
            field,
            problem,
        };
        if self.id.trim().is_empty() || self.id.contains(char::is_whitespace) {
            return Err(bad("id".into(), "must be one word, like \"my-routine\""));
        }
        if self.title.trim().is_empty() {
            return Err(bad("title".into(), "is empty"));
        }
        if self.steps.is_empty() {
            return Err(bad("steps".into(), "has no steps"));
        }
        for (i, step) in self.steps.iter().enumerate() {
            let field = |name: &str| format!("steps[{i}].{name}");
            if step.text().trim().is_empty() {
                return Err(bad(field("text"), "is empty"));
            }
            match step {
                Step::Typed { items, .. } if !(1..=20).contains(items) => {
                    return Err(bad(field("items"), "must be from 1 to 20"));
                }
                Step::Count { cycle, .. } if !(2..=20).contains(cycle) => {
                    return Err(bad(field("cycle"), "must be from 2 to 20"));
                }
                Step::Timed { seconds, .. } if !(5..=600).contains(seconds) => {
                    return Err(bad(field("seconds"), "must be from 5 to 600"));
                }
                _ => {}
            }
        }
        Ok(())
    }
}
