//! The line-by-line practices' words (`attune breathe --plain`, `attune ground --plain`,
//! or either without a terminal): questions, the last line, and what was not kept.

/// After a rating question: how to answer.
pub fn rating_question(question: &str) -> String {
    format!("{question} 0-10, or Enter to skip: ")
}

pub const RATING_AGAIN: &str = "A whole number from 0 to 10, or Enter to skip: ";
pub const RATING_SKIPPED: &str = "Skipped.";
pub const DISTRESS_NOW: &str = "Distress now?";
pub const AND_NOW: &str = "And now?";
pub const STOPPED_BEFORE: &str = "Stopped before starting; nothing was recorded.";
pub const KEEP_WORDS: &str = "Keep what you wrote with this practice? y or n (Enter is no): ";

/// A breathing run's last line, under its time stamp: one time only, the stamp's.
pub fn breathe_done(stamp: &str, breaths: u64) -> String {
    format!("[{stamp}] Done: {}. Well done.", breaths_word(breaths))
}

pub fn breathe_stopped(stamp: &str, breaths: u64) -> String {
    format!("[{stamp}] Stopped after {}. Saved as stopped early.", breaths_word(breaths))
}

/// Let go in its first seconds: nothing saved, said as kindly as the full screen says it.
pub fn let_go() -> String {
    format!("{} {}", super::summary::LET_GO, super::summary::LET_GO_MORE)
}

/// The same, as a breathing run's last line, under its time stamp.
pub fn breathe_let_go(stamp: &str) -> String {
    format!("[{stamp}] {}", let_go())
}

pub fn breaths_word(n: u64) -> String {
    if n == 1 {
        "1 breath".into()
    } else {
        format!("{n} breaths")
    }
}

/// The first line of a breathing run: the pattern, its shape, how long, how many breaths.
pub fn breathe_intro(name: &str, shape: &str, length: &str, breaths: u64) -> String {
    format!(
        "{name} ({shape}), {length}, {}. Ctrl-C stops at any time.",
        breaths_word(breaths)
    )
}

pub const HOLDS: &str = "Holds are not for everyone: skip them if you are pregnant or have a heart or seizure condition.";

pub fn capped(rounds: u32) -> String {
    format!("While this pattern is new to you, a session is {rounds} rounds at most.")
}

pub const SLOW: &str =
    "Slow, not big. If you feel light-headed or tingly, let your breath return to its own rhythm.";
