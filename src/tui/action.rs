//! What can happen to the app: user intents (from the keymap) and the results of effects,
//! plus the effects themselves (I/O the event loop performs outside `App::update`).

use crate::domain::today::TodaySummary;
use crate::store::model::{Checkin, Record, Stamp};
use chrono::NaiveDate;

/// Everything `App::update` reacts to.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // Anywhere.
    Quit,
    OpenHelp,
    CloseHelp,
    /// Scroll the help text by this many lines (negative is up).
    Scroll(i16),
    DismissWelcome,
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    // Home.
    OpenCheckin,
    // Check-in form.
    Next,
    Prev,
    /// A digit key on a scale; 1 then 0 makes 10.
    Digit(u8),
    /// Move the focused scale by one (−1 or +1).
    Nudge(i8),
    /// Clear the focused scale.
    Clear,
    /// A typed character, for the note or an own sensation word.
    Type(char),
    /// Pasted text, for the note or an own sensation word; line breaks become spaces.
    Paste(String),
    /// Erase the last typed character.
    Erase,
    Save,
    Leave,
    // Sensation picker.
    OpenPicker,
    PickerMove(i8),
    /// Move by a whole column of the picker (−1 left, +1 right).
    PickerColumn(i8),
    PickerToggle,
    PickerClose,
    OwnWordAdd,
    OwnWordCancel,
    // Results of effects.
    Saved(Result<Record, String>),
    TodayLoaded(Result<TodaySummary, String>),
    WelcomeRemembered(Result<(), String>),
}

/// I/O the event loop performs on the app's behalf; its result comes back as an Action.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    SaveCheckin { checkin: Checkin, at: Stamp },
    LoadToday { day: NaiveDate },
    RememberWelcome,
}
