//! What can happen to the app: user intents (from the keymap) and the results of effects,
//! plus the effects themselves (I/O the event loop performs outside `App::update`).

use crate::domain::today::TodaySummary;
use crate::service::trends::{Report, Span};
use crate::store::model::{Record, Session, Stamp};
use chrono::NaiveDate;

/// Everything `App::update` reacts to: what a key asks for, and what an effect answered.
/// Every variant says what it means; the keymap names which keys ask for which.
#[derive(Clone, Debug, PartialEq)]
#[deny(missing_docs)]
pub enum Action {
    // Anywhere.
    /// A save went to a file beside a month file attune cannot read (its name); then
    /// the effect's own result.
    KeptBeside {
        /// The file the save was kept in ("2026-11.2.json").
        file: String,
        /// What the effect itself answered.
        then: Box<Action>,
    },
    /// A practice was saved but its heart beats could not be kept beside it (why); then
    /// the save's own result.
    BeatsNotKept {
        /// Why, in the system's words.
        why: String,
        /// What the save itself answered.
        then: Box<Action>,
    },
    /// Leave attune, saving whatever is in progress first.
    Quit,
    /// Open help over the screen (a running pacer pauses).
    OpenHelp,
    /// Close help and go back to the screen beneath.
    CloseHelp,
    /// Scroll the help text by this many lines (negative is up).
    Scroll(i16),
    /// The first-run welcome was read: go on, and remember it was seen.
    DismissWelcome,
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    // Home.
    /// Start a new check-in.
    OpenCheckin,
    /// Open the breathing preview.
    OpenBreathe,
    // Breathing.
    /// Choose the previous (−1) or next (+1) pattern in the preview.
    PatternMove(i8),
    /// Make the session a minute shorter (−1) or longer (+1).
    Minutes(i8),
    /// Turn follow-my-breath on or off in the preview.
    ToggleFollow,
    /// With a heart source: turn finding your pace on or off in the preview.
    ToggleFindPace,
    /// Keep the pace found as the user's own pattern, my-pace.
    KeepPace,
    /// The found pace was kept (where), or could not be (why).
    PaceKept(Result<String, String>),
    /// Choose the next sound style for the changes of phase (off, tones, pulses, voice, bell).
    CycleSound,
    /// A cue could not sound through its program (none found, or it failed): the bell
    /// stands in from now on.
    SoundFellBack,
    /// Go on: start the practice, or finish listening.
    Begin,
    /// Go on without giving a rating.
    Skip,
    /// Follow my breath: one tap on each out-breath.
    Tap,
    /// Pause the pacer, or go on from where it paused.
    Pause,
    /// Slow the pace down (−1) or quicken it (+1), from the next breath.
    Pace(i8),
    /// Follow my breath: hold the current pace, or let the lead go on.
    HoldPace,
    /// Follow my breath: go back one step of the lead.
    StepBack,
    /// Time passed: an animating screen's deadline came.
    Tick,
    /// The heart source beside a practice sent something: when it arrived (monotonic)
    /// and what (a line, or that it ended).
    Heart(std::time::Duration, crate::service::heart_source::Event),
    // Trends.
    /// Open the trends on the week holding today.
    OpenTrends,
    /// An earlier (−1) or later (+1) week or month.
    TrendsMove(i8),
    /// Show a week, a month or all time (the one shown goes back to the week).
    TrendsShow(crate::tui::trends::Unit),
    /// Start typing a date to go to (then digits, '-', Enter to go, Esc to cancel).
    TrendsGoTo,
    /// A trends report for this range arrived (or could not be read).
    TrendsLoaded {
        /// The range the report is for (a late one for another range is left aside).
        span: Span,
        /// The report, or why it could not be read.
        result: Result<Box<Report>, String>,
    },
    // Check-in form.
    /// Move to the next item of the form.
    Next,
    /// Move to the previous item of the form.
    Prev,
    /// A digit key on a scale; 1 then 0 makes 10.
    Digit(u8),
    /// Move the focused scale by one (−1 or +1).
    Nudge(i8),
    /// Clear the focused scale, or the line being typed.
    Clear,
    /// A typed character, for the note or an own sensation word.
    Type(char),
    /// Pasted text, for the note or an own sensation word; line breaks become spaces.
    Paste(String),
    /// Erase the character before the cursor.
    Erase,
    /// Erase the character under the cursor.
    EraseAhead,
    /// Move the cursor within a line being typed.
    Cursor(crate::tui::ui::line_input::Cursor),
    /// The answer to a yes-or-no question: let the check-in go (yes) or go back (no).
    Answer(bool),
    /// Save what the form holds.
    Save,
    /// Leave this screen (or this step) without saving anything new.
    Leave,
    // Sensation picker.
    /// Open the sensation words to choose from.
    OpenPicker,
    /// Move up (−1) or down (+1) through the words.
    PickerMove(i8),
    /// Move by a whole column of the picker (−1 left, +1 right).
    PickerColumn(i8),
    /// Choose the word under the cursor, or let it go.
    PickerToggle,
    /// Close the words, keeping what was chosen.
    PickerClose,
    /// Add the word being typed as one of the user's own.
    OwnWordAdd,
    /// Stop typing an own word, adding nothing.
    OwnWordCancel,
    // Results of effects.
    /// A check-in was saved (or could not be).
    Saved(Result<Box<Record>, String>),
    /// Today's summary was read again (or could not be).
    TodayLoaded(Result<TodaySummary, String>),
    /// The welcome was remembered as seen (or could not be).
    WelcomeRemembered(Result<(), String>),
    /// Recent sessions of each pattern, in the order of the app's pattern list.
    RecentUses(Result<Vec<usize>, String>),
    /// A practice was saved the moment it ended (or could not be).
    SessionSaved(Result<Box<Record>, String>),
    /// The distress rating after a practice was added to its record.
    SessionUpdated(Result<Box<Record>, String>),
    /// The breathing preview's choices were remembered for next time (or could not be).
    ChoicesRemembered(Result<(), String>),
    /// The record screen's own actions and results.
    Record(crate::tui::record::RecordAction),
    // Journal.
    /// The journal screen's own actions and results.
    Journal(crate::tui::journal::JournalAction),
    /// A key for a multi-line text editor (all of it: moving, deleting, new lines).
    Edit(ratatui::crossterm::event::KeyEvent),
    // Grounding.
    /// Open the grounding routines (from home, or a closing screen's offer).
    OpenGround,
    /// Choose the previous (−1) or next (+1) routine in the list.
    RoutineMove(i8),
    /// Back one step of a routine.
    Back,
    /// Take the last typed line back into the input, to change it.
    EditLast,
    /// Keep (or stop keeping) what was typed with the practice's record.
    ToggleKeep,
}

/// I/O the event loop performs on the app's behalf; its result comes back as an Action.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Save a check-in record, made once when the user saved: a retry after a failure
    /// saves the same id again (never a second record).
    SaveCheckin {
        record: Record,
    },
    /// Today's summary, and this week's as the user's week starts.
    LoadToday {
        day: NaiveDate,
        first_weekday: chrono::Weekday,
    },
    RememberWelcome,
    /// Count recent sessions of each of these patterns, up to `day`.
    LoadRecentUses {
        ids: Vec<String>,
        day: NaiveDate,
    },
    SaveSession {
        session: Session,
        started: Stamp,
        at: Stamp,
        /// The heart beats to keep beside it on this device, as CSV (`--keep-beats`).
        beats: Option<String>,
    },
    /// Save a newer version of a record already stored (same id, newer `updated_at`).
    UpdateRecord(Record),
    /// Remember the breathing preview's choices for the next run (local state only).
    RememberChoices(crate::domain::breathing::choices::Choices),
    /// Keep a found pace as the pattern my-pace in the config folder's patterns.json.
    KeepMyPace {
        dir: std::path::PathBuf,
        pattern: crate::domain::breathing::Pattern,
    },
    /// The journal's reading, saving, deleting and drafts.
    Journal(crate::tui::journal::JournalEffect),
    /// The record screen's reading, correcting and deleting.
    Record(crate::tui::record::RecordEffect),
    /// Hand the terminal to the person's own editor with this text, and take the words
    /// back (the runner does this itself: the worker has no terminal).
    EditOutside {
        text: String,
    },
    /// Read the trends of a week, a month or all time, as of `today`.
    LoadTrends {
        span: Span,
        today: NaiveDate,
        opts: crate::domain::trends::Options,
    },
}
