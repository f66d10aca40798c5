//! Every sentence a person reads, one file per topic, shared by the CLI and the TUI:
//! `screens` (the full-screen app's key hints, home, check-in, breathing, help, welcome),
//! `ground` and `journal` (those screens' words), `record` (correcting a day's records),
//! `trends`, `correct` (changing and deleting from the command line), `store` (what is
//! said about files), `summary` (the one line a command says when it is done), `manual`
//! (the man page), `plain` (the line-by-line practices), and `safe`, which makes text that did not come from attune's own code
//! safe to print.

pub mod correct;
pub mod crypt;
pub mod ground;
pub mod journal;
pub mod manual;
pub mod plain;
pub mod record;
pub mod safe;
pub mod screens;
pub mod sound;
pub mod store;
pub mod summary;
pub mod trends;
/// The trends' heart figures, each with its meaning, and the screen's heart block.
pub mod trends_heart;

/// Heart-rhythm readings in words: each number with its meaning, and why a file cannot be read.
pub mod heart;
/// The heart beside a practice: the line each breath, a source that stops, the summary,
/// and finding your own pace.
pub mod heart_practice;
/// The heart beside the full-screen pacer: its row, the line under it, the closing.
pub mod heart_screen;
