//! The grounding screens' words: the list, the steps, the closing screen and the gentle
//! offer of grounding and help lines when distress is high.

use crate::domain::grounding::Eyes;
use std::time::Duration;

// Key hints.
pub const HINT_GROUND: &str = "ground";
pub const HINT_OUT_BREATH: &str = "out-breath";
pub const HINT_EDIT_LAST: &str = "edit last";
pub const HINT_KEEP: &str = "keep words";

pub const TITLE: &str = "Ground";
pub const LIST_ASK: &str = "Choose a routine. Each one is short, and you can stop at any moment.";
pub const BEFORE_ASK: &str = "Before you begin: how much distress do you feel?";
pub const READ_ON: &str = "Enter goes on when you are ready.";
pub const TYPED_HOW: &str = "Type one, then Enter. An empty line goes on.";
pub const TYPED_HOW_SHORT: &str = "Enter adds; empty goes on.";
pub const TYPED_DONE: &str = "That's all of them. Enter goes on.";
pub const COUNT_HOW: &str = "Space on each out-breath.";
pub const COUNT_ZERO: &str = "Press Space as you breathe out.";
pub const TIMED_HOW: &str = "Take the time you need.";
pub const TIMED_DONE: &str = "Whenever you are ready, Enter goes on.";
pub const OWN_WORD_ROW: &str = "+ a word of your own";
pub const OWN_WORD_PROMPT: &str = "Your word: ";
pub const RATE_ANCHORS: &str = "0 not at all · 10 very strong";
pub const RATE_HOW: &str = "Choose 0 to 10; Enter goes on.";

pub const COMPLETED: &str = "That was the whole routine. Take a moment before you move on.";
pub const COMPLETED_SHORT: &str = "That was the whole routine.";
pub const STOPPED: &str = "You stopped. Stopping is always fine.";
pub const STOPPED_SHORT: &str = "Stopped; that is fine.";
pub const KEEP: &str = "Keep what you wrote with this practice";
pub const KEEP_SHORT: &str = "Keep what you wrote";
pub const KEEP_NAMED: &str = "Keep the words you chose with this practice";
pub const KEEP_NAMED_SHORT: &str = "Keep the words you chose";
pub const KEEP_HOW: &str = "{keep} chooses. Not kept unless you choose.";
pub const JOURNAL_LATER: &str = "{journal} writes about it, now or whenever you like.";
pub use crate::copy::summary::{LET_GO, LET_GO_MORE};
pub const CHECKIN_OFFER: &str = "{checkin} opens a check-in.";
/// The gentle offer when distress is high or rose: never blocking.
pub const OFFER: &str =
    "If it helps, {ground} opens a short grounding routine. Help lines: press {help} any time.";
/// Home, after a check-in at 9-10 or a practice that left distress higher.
pub const HOME_OFFER: &str = "If it helps, {ground} opens a short grounding routine.";
pub const OFFER_SHORT: &str = "{ground}: grounding · {help}: help lines";
pub const PROBLEM_PREFIX: &str =
    "Your own routines could not be used; the built-in ones still work.";

pub fn eyes(e: Eyes) -> &'static str {
    match e {
        Eyes::Open => "eyes open",
        Eyes::Closed => "eyes closed",
        Eyes::Either => "eyes open or closed",
    }
}

/// "about 3 min · eyes open".
pub fn about(minutes: u32, e: Eyes) -> String {
    format!("about {minutes} min · {}", eyes(e))
}

pub fn step_of(n: usize, total: usize) -> String {
    format!("Step {n} of {total}")
}

/// "2 of 5".
pub fn items_of(n: usize, total: u32) -> String {
    format!("{n} of {total}")
}

pub fn problem(why: &str) -> String {
    format!("{PROBLEM_PREFIX} {why}")
}

/// "7 of 7 steps · 2:15".
pub fn summary(done: u32, total: u32, took: Duration) -> String {
    format!("{done} of {total} steps · {}", super::screens::clock(took))
}

/// "12 out-breaths · about 7 a minute".
pub fn exhales(count: u32, rate: Option<f64>) -> String {
    let word = if count == 1 {
        "out-breath"
    } else {
        "out-breaths"
    };
    match rate {
        Some(r) => format!("{count} {word} · about {} a minute", super::screens::rate(r)),
        None => format!("{count} {word}"),
    }
}

/// What a routine of chosen words named: "You named: tight chest, sad (6 of 10)."
pub fn named(words: &[String], rating: Option<u8>) -> String {
    let words = words
        .iter()
        .map(|w| crate::copy::safe::line(w).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    match rating {
        Some(r) => format!("You named: {words} ({r} of 10)."),
        None => format!("You named: {words}."),
    }
}
