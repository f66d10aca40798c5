//! Every word the full-screen app shows, in one place: kind, plain and short.

use crate::domain::checkin::Scale;

pub const APP: &str = "attune";

// Key hints: what a key does, in a word or two.
pub const HINT_CHECKIN: &str = "check in";
pub const HINT_HELP: &str = "help";
pub const HINT_QUIT: &str = "quit";
pub const HINT_BEGIN: &str = "begin";
pub const HINT_SET: &str = "set";
pub const HINT_NUDGE: &str = "nudge";
pub const HINT_CLEAR: &str = "clear";
pub const HINT_MOVE: &str = "move";
pub const HINT_SAVE: &str = "save";
pub const HINT_LEAVE: &str = "leave";
pub const HINT_CHOOSE: &str = "choose";
pub const HINT_DONE: &str = "done";
pub const HINT_ADD: &str = "add";
pub const HINT_CANCEL: &str = "cancel";
pub const HINT_CLOSE: &str = "close";
pub const HINT_SCROLL: &str = "scroll";
pub const HINT_ERASE: &str = "erase";

// Home.
pub const TODAY: &str = "Today";
pub const CHECKINS: &str = "Check-ins";
pub const PRACTICE: &str = "Practice";
pub const THIS_WEEK: &str = "This week";
pub const NO_CHECKIN_YET: &str = "none yet";
pub const NO_PRACTICE_YET: &str = "none yet";
pub const THANKS: &str = "Thank you for checking in.";
pub const HIGH_DISTRESS: &str =
    "That sounds like a lot. Help lines are one key away: press ? any time.";
pub const UNREADABLE: &str =
    "Some saved files could not be read. `attune doctor` explains what to do.";

pub fn checkins_today(count: usize, latest: Option<u8>) -> String {
    match (count, latest) {
        (0, _) => NO_CHECKIN_YET.to_string(),
        (n, Some(d)) => format!("{n} · latest distress {d}"),
        (n, None) => n.to_string(),
    }
}

pub fn practice_today(minutes: u32, sessions: usize) -> String {
    match (minutes, sessions) {
        (_, 0) => NO_PRACTICE_YET.to_string(),
        (1, _) => "1 minute".to_string(),
        (m, _) => format!("{m} minutes"),
    }
}

pub fn days_this_week(days: usize) -> String {
    match days {
        0 => "no practice days yet".to_string(),
        1 => "practised on 1 day".to_string(),
        n => format!("practised on {n} days"),
    }
}

// Check-in.
pub const CHECKIN_TITLE: &str = "Check in";
pub const CHECKIN_INTRO: &str = "How is your body right now? Only distress is needed.";
pub const SENSATIONS: &str = "Sensations";
pub const NOTE: &str = "Note";
pub const NONE_CHOSEN: &str = "none chosen";
pub const SPACE_TO_CHOOSE: &str = "Space to choose";
pub const NOTE_EMPTY: &str = "a few words, if you like";
pub const NEED_DISTRESS: &str =
    "Distress is the one item needed: choose 0 to 10 with the number keys.";
pub const NEED_DISTRESS_SHORT: &str = "Distress is the one item needed.";
pub const NOT_SET: &str = "–";

pub fn save_failed(why: &str) -> String {
    format!("That did not save; everything you chose is still here. {why}")
}

pub fn refresh_failed(why: &str) -> String {
    format!("Saved. Today's numbers could not be refreshed: {why}")
}

/// A scale's label, shortened for narrow windows.
pub fn scale_label(scale: Scale, narrow: bool) -> &'static str {
    if !narrow {
        return scale.label();
    }
    match scale {
        Scale::Distress => "Distress",
        Scale::Tension => "Tension",
        Scale::Breath => "Breathing",
        Scale::Energy => "Energy",
        Scale::Sleep => "Sleep",
        Scale::Pain => "Pain",
    }
}

pub fn anchors(scale: Scale) -> String {
    let (low, high) = scale.anchors();
    format!("0 {low} · 10 {high}")
}

// Sensation picker.
pub const PICKER_TITLE: &str = "What do you notice in your body?";
pub const PICKER_TITLE_SHORT: &str = "What do you notice?";
pub const OWN_WORD_ROW: &str = "+ a word of your own";
pub const OWN_WORD_PROMPT: &str = "Your word: ";

// Help.
pub const HELP_TITLE: &str = "Help";
pub const HELP_STOP_HEAD: &str = "Stopping";
pub const HELP_STOP: &[&str] = &[
    "Esc goes back without saving. On the home screen, q quits.",
    "Ctrl+C quits from anywhere. What you saved stays saved.",
];
pub const HELP_LINES_HEAD: &str = "If you need someone now";
pub const HELP_ABOUT_HEAD: &str = "What attune is";
pub const HELP_ABOUT: &[&str] = &[
    "A companion for small, daily self-care practice, starting with noticing how your body is.",
    "It is not therapy, not a medical device, and not for emergencies.",
    "Everything stays in plain files on your own disk.",
];
pub const HELP_KEYS_HEAD: &str = "Keys here";
pub const MORE_BELOW: &str = "more ↓";

pub fn lines_checked(date: &str) -> String {
    format!("(last checked {date})")
}

// Welcome.
pub const WELCOME_TITLE: &str = "Welcome to attune";
pub const WELCOME: &[&str] = &[
    "A quiet place for small daily practice, starting with a short check-in on how your body feels.",
    "It is not therapy, and not for emergencies.",
    "Press ? any time for help and crisis lines; q quits.",
];
pub const WELCOME_ENTER: &str = "Press Enter to begin.";

// Size.
pub const TOO_SMALL: &str = "Please make the window a little larger.";
