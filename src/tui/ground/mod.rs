//! The grounding practice as a small state machine: the routine list with previews, the
//! distress before, the steps, and the calm closing screen. Every step is pure: time
//! comes in as an argument, and saving is asked for as an Effect.
pub mod keys;
pub mod view;
pub mod view_step;

mod app;
pub mod closing;
pub mod steps;
mod update;

use crate::domain::grounding::Routine;
use crate::tui::breathe::Rating;
pub use closing::Closing;
pub use steps::Steps;

#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    List,
    Before(Rating),
    Steps(Box<Steps>),
    Closing(Box<Closing>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ground {
    pub routines: Vec<Routine>,
    /// The routine under the cursor in the list.
    pub cursor: usize,
    /// Ask for distress before and after (false with --no-checkin).
    pub checkin: bool,
    pub before: Option<u8>,
    pub stage: Stage,
    /// The sound style on (a timed step's end is cued in it), kept with the record.
    pub sound: crate::sound::Style,
    /// The end of the timed step whose cue has sounded, so it sounds once.
    pub cued: Option<std::time::Duration>,
}

impl Ground {
    /// The list, with the cursor on the first routine.
    pub fn new(routines: Vec<Routine>, checkin: bool) -> Ground {
        Ground {
            routines,
            cursor: 0,
            checkin,
            before: None,
            stage: Stage::List,
            sound: crate::sound::Style::Off,
            cued: None,
        }
    }

    /// The routine under the cursor.
    pub fn routine(&self) -> Option<&Routine> {
        self.routines.get(self.cursor)
    }

    /// Put the cursor on the routine with this id; false if there is none.
    pub fn select(&mut self, id: &str) -> bool {
        match self.routines.iter().position(|r| r.id == id) {
            Some(i) => {
                self.cursor = i;
                true
            }
            None => false,
        }
    }

    pub fn move_cursor(&mut self, by: i8) {
        let last = self.routines.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(isize::from(by)).min(last);
    }

    /// Whether a routine is in progress (stopping it now saves it as stopped).
    pub fn running(&self) -> bool {
        matches!(self.stage, Stage::Steps(_))
    }
}
