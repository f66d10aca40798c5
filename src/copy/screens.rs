//! The full-screen app's own words (key hints, home, the check-in, breathing, help and
//! the welcome): kind, plain and short. Grounding's and the journal's are in `ground`
//! and `journal` beside this file.

use crate::domain::breathing::PhaseKind;
use crate::domain::checkin::Scale;
use std::time::Duration;

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
pub const HINT_YES: &str = "yes";
pub const HINT_NO: &str = "no";
pub const HINT_CHOOSE: &str = "choose";
pub const HINT_DONE: &str = "done";
pub const HINT_ADD: &str = "add";
pub const HINT_CANCEL: &str = "cancel";
pub const HINT_CLOSE: &str = "close";
pub const HINT_SCROLL: &str = "scroll";
pub const HINT_ERASE: &str = "erase";
pub const HINT_BREATHE: &str = "breathe";
pub const HINT_PATTERN: &str = "pattern";
pub const HINT_LENGTH: &str = "length";
pub const HINT_FOLLOW: &str = "follow me";
pub const HINT_FIND_PACE: &str = "find my pace";
pub const HINT_KEEP_PACE: &str = "keep my pace";
pub const HINT_SOUND: &str = "sound";
pub const HINT_BACK: &str = "back";
pub const HINT_GO_ON: &str = "go on";
pub const HINT_SKIP: &str = "skip";
pub const HINT_TAP: &str = "breathing out";
pub const HINT_PAUSE: &str = "pause";
pub const HINT_SLOWER: &str = "slower";
pub const HINT_QUICKER: &str = "quicker";
pub const HINT_HOLD_PACE: &str = "hold pace";
pub const HINT_STEP_BACK: &str = "step back";
pub const HINT_STOP: &str = "stop";
pub const HINT_HOME: &str = "home";

// Home.
pub const TODAY: &str = "Today";
pub const CHECKINS: &str = "Check-ins";
pub const PRACTICE: &str = "Practice";
pub const THIS_WEEK: &str = "This week";
pub const NO_CHECKIN_YET: &str = "none yet";
pub const NO_PRACTICE_YET: &str = "none yet";
pub const THANKS: &str = "Thank you for checking in.";
pub const HIGH_DISTRESS: &str =
    "That sounds like a lot. Help lines are one key away: press {help} any time.";
pub const PRACTISED: &str = "Thank you for taking this time.";
pub const HIGHER_AFTER: &str =
    "Distress is higher than before. Go gently. Help lines: press {help}.";
/// Home's line when some settings could not be used (their defaults stand in).
/// Said once when a save went beside a month file that could not be read.
pub fn kept_beside(file: &str) -> String {
    format!("Saved in {file}, beside a month file that could not be read.")
}

pub const SETTINGS_PROBLEM: &str =
    "Some settings could not be used. `attune config --check` says which.";

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
    let time = match minutes {
        0 => "under a minute".to_string(),
        1 => "1 minute".to_string(),
        m => format!("{m} minutes"),
    };
    match sessions {
        0 => NO_PRACTICE_YET.to_string(),
        1 => format!("{time} · 1 session"),
        n => format!("{time} · {n} sessions"),
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
pub const SLEEP_FIRST_ONLY: &str = "Sleep is asked in the day's first check-in.";
pub const SLEEP_FIRST_ONLY_SHORT: &str = "Sleep: asked in the first check-in.";
pub const CHECKIN_LEAVE_Q: &str = "Leave without saving this check-in?";
pub const CHECKIN_LEAVE_MORE: &str = "y lets it go · n goes back to it";
pub const NEED_DISTRESS: &str =
    "Distress is the one item needed: choose 0 to 10 with the number keys.";
pub const NEED_DISTRESS_SHORT: &str = "Distress is the one item needed.";
pub const NOT_SET: &str = "–";

pub fn save_failed(why: &str) -> String {
    format!("That did not save; everything you chose is still here. {why}")
}

pub fn session_save_failed(why: &str) -> String {
    format!("Your practice did not save yet; Enter tries again. {why}")
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
    "{back} goes back without saving. On the home screen, {quit} quits.",
    "In a practice, {stop} or q stops at once; what you did is kept.",
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
    "A quiet place for small daily practice: breathing, grounding, short check-ins on how your body feels, and a journal.",
    "It is not therapy, and not for emergencies.",
    "Press {help} any time for help and crisis lines; {quit} quits.",
];
pub const WELCOME_ENTER: &str = "Press Enter to begin.";

// Size.
pub const TOO_SMALL: &str = "Please make the window a little larger.";

// Breathing.
pub const BREATHE_TITLE: &str = "Breathe";
pub const FOLLOW_TITLE: &str = "Follow my breath";
pub const PACE: &str = "Pace";
pub const HOLDS: &str = "Holds";
pub const EYES: &str = "Eyes";
pub const LENGTH: &str = "Length";
pub const FOLLOW: &str = "Follow me";
pub const SOUND: &str = "Sound";
pub const EYES_OPEN: &str = "open or closed, as you like";
pub const NO_HOLDS: &str = "none";
pub const OFF: &str = "off";
pub const FOLLOW_ON: &str = "on: tap Space as you breathe out, then I follow";
pub const HOW_TO_STOP: &str = "{stop} or q stops at any moment.";
pub const HOLD_NOTE: &str = "Holds are not for everyone: leave them out if you are pregnant \
     or have a heart or seizure condition.";
pub const HOLD_NOTE_SHORT: &str =
    "Holds are not for everyone: not in pregnancy, or with a heart or seizure condition.";
pub const FOLLOW_NEEDS_NO_HOLDS: &str = "Follow my breath works with patterns without holds.";
pub const FOLLOW_TURNED_OFF: &str = "Follow my breath is off: this pattern has holds.";
pub const BEFORE_ASK: &str = "Before you begin: how much distress do you feel?";
pub const BEFORE_ASK_SHORT: &str = "Distress now?";
pub const RATING_SKIP: &str = "Choose 0 to 10, or skip it.";
pub const LISTEN_ASK: &str = "Breathe as you are. Press Space each time you breathe out.";
pub const LISTEN_HOW: &str = "A few breaths is enough; I listen for a minute at most.";
pub const READY: &str = "Enter begins.";
pub const PAUSED: &str = "Paused";
pub const PAUSED_HOW: &str = "{pause} goes on.";
pub const REMINDER: &str = "Slow, not big. If you feel light-headed or tingly, let your \
     breath return to its own rhythm.";
pub const REMINDER_SHORT: &str = "Slow, not big. Dizzy? Breathe freely.";
pub const AFTER_ASK: &str = "And now: how much distress do you feel?";
pub const AFTER_ASK_SHORT: &str = "Distress now?";
pub const AFTER_SKIP: &str = "Enter alone skips it.";
pub const COMPLETED: &str = "That was the whole session. Take a moment before you move on.";
pub const COMPLETED_SHORT: &str = "That was the whole session.";
pub const STOPPED: &str = "You stopped early. Stopping is always fine.";
pub const STOPPED_SHORT: &str = "Stopped early; that is fine.";
pub const NOTE_SLOWER: &str = "A little slower from the next breath.";
pub const NOTE_QUICKER: &str = "A little quicker from the next breath.";
pub const NOTE_SLOWEST: &str = "This is as slow as this pattern safely goes.";
pub const NOTE_QUICKEST: &str = "This is as quick as this pattern goes.";
pub const NOTE_HOLDING: &str = "Holding this pace. ↑ again to go on.";
pub const NOTE_LEADING: &str = "Going on, slowly.";
pub const NOTE_STEPPED_BACK: &str = "One step back, from the next breath. Holding there.";
pub const NOTE_AT_START: &str = "This is the pace we started at.";

/// What to do in a phase, in a word or two.
pub fn phase_word(phase: PhaseKind) -> &'static str {
    match phase {
        PhaseKind::In => "Breathe in",
        PhaseKind::TopUp => "A little more in",
        PhaseKind::HoldIn | PhaseKind::HoldOut => "Hold",
        PhaseKind::Out => "Breathe out",
    }
}

/// Seconds as "4" or "5.45".
pub fn secs(s: f64) -> String {
    let r = (s * 100.0).round() / 100.0;
    format!("{r}")
}

/// Breaths a minute as "6" or "5.5", to a tenth.
pub fn rate(per_minute: f64) -> String {
    let r = (per_minute * 10.0).round() / 10.0;
    format!("{r}")
}

/// A length of time as "5:00", in whole seconds rounded up (0.2 s left reads 0:01).
pub fn clock(d: Duration) -> String {
    let s = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    format!("{}:{:02}", s / 60, s % 60)
}

/// "In 4 · out 6", with the holds and the top-up when there are any.
pub fn phases(p: &crate::domain::breathing::Pattern) -> String {
    let mut parts = vec![format!("In {}", secs(p.inhale))];
    if p.top_up > 0.0 {
        parts.push(format!("more in {}", secs(p.top_up)));
    }
    if p.hold_in > 0.0 {
        parts.push(format!("hold {}", secs(p.hold_in)));
    }
    parts.push(format!("out {}", secs(p.exhale)));
    if p.hold_out > 0.0 {
        parts.push(format!("hold {}", secs(p.hold_out)));
    }
    format!("{} seconds", parts.join(" · "))
}

pub fn holds(p: &crate::domain::breathing::Pattern) -> String {
    match (p.hold_in > 0.0, p.hold_out > 0.0) {
        (false, false) => NO_HOLDS.to_string(),
        (true, false) => "after breathing in".to_string(),
        (false, true) => "after breathing out".to_string(),
        (true, true) => "after breathing in and out".to_string(),
    }
}

pub fn per_minute(per_minute: f64) -> String {
    format!("{} breaths a minute", rate(per_minute))
}

/// "5:00, 30 breaths".
pub fn length(planned: Duration, breaths: u64) -> String {
    format!("{} · {breaths} breaths", clock(planned))
}

/// "6 a minute · 5:00 · 30 breaths", for narrow windows.
pub fn pace_and_length(rate: &str, length: &str) -> String {
    format!("{rate} a minute · {length}")
}

/// "Follow me off · sound tones", for narrow windows.
pub fn toggles(follow: bool, sound: &str) -> String {
    let on = if follow { "on" } else { OFF };
    format!("Follow me {on} · sound {sound}")
}

pub fn capped(cycles: u32) -> String {
    format!("Kept to {cycles} rounds while this pattern is new to you.")
}

pub fn patterns_problem(why: &str) -> String {
    format!("Your own patterns could not be used: {why}")
}

/// What listening has heard so far: the first tap is counted too, so it visibly worked.
pub fn counted(taps: usize, breaths: usize) -> String {
    match (taps, breaths) {
        (0, _) => "No taps yet.".to_string(),
        (1, _) => "1 tap · breathe out again and tap".to_string(),
        (_, 0) => "No whole breath counted yet.".to_string(),
        (_, 1) => "1 breath counted.".to_string(),
        (_, n) => format!("{n} breaths counted."),
    }
}

/// What listening heard, as heard, and where pacing begins (which may be gentler: never
/// quicker than the safe bounds).
pub fn measured(heard: Option<f64>, start: f64) -> String {
    match heard {
        Some(heard) if rate(heard) == rate(start) => {
            format!("You breathe about {} a minute; we'll start there.", rate(heard))
        }
        Some(heard) => {
            format!("You breathe about {} a minute; we'll start at {}.", rate(heard), rate(start))
        }
        None => {
            format!("No steady rhythm yet, so we'll start at an easy {} a minute.", rate(start))
        }
    }
}

/// "Breath 5 · 4:32 left", or "Breath 30 · the last one" once the time is up and the
/// breath in progress is finishing.
pub fn progress(breath: u64, left: Option<Duration>) -> String {
    match left {
        Some(left) => format!("Breath {breath} · {} left", clock(left)),
        None => format!("Breath {breath} · the last one"),
    }
}

/// "6 → 5 breaths a minute".
pub fn paces(start: f64, reached: f64) -> String {
    format!("Pace {} → {} breaths a minute", rate(start), rate(reached))
}

pub fn before_was(before: u8) -> String {
    format!("Before: {before}")
}

pub fn session_summary(name: &str, actual: Duration, breaths: u64) -> String {
    let word = if breaths == 1 { "breath" } else { "breaths" };
    format!("{name} · {} · {breaths} {word}", clock(actual))
}
