//! Pure rules and types: no files, no clock, no terminal. Time comes in as an argument.

pub mod breathing;
pub mod checkin;
pub mod grounding;
pub mod heart;
pub mod journal;
pub mod today;
pub mod trends;
pub mod turns;
