//! The cli tests, one binary: each file beside this folder is one module here, so the
//! suite links a handful of binaries instead of one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../pin/mod.rs"]
mod pin;
#[path = "../tui_support/mod.rs"]
mod tui_support;

#[path = "../breathe_cli.rs"]
mod breathe_cli;
#[path = "../breathe_plain.rs"]
mod breathe_plain;
#[path = "../cli.rs"]
mod cli;
#[path = "../cli_correct.rs"]
mod cli_correct;
#[path = "../cli_safety.rs"]
mod cli_safety;
#[path = "../encrypt.rs"]
mod encrypt;
#[path = "../encrypt_kill.rs"]
mod encrypt_kill;
#[path = "../ground_plain.rs"]
mod ground_plain;
#[path = "../heart_cli.rs"]
mod heart_cli;
#[path = "../heart_practice.rs"]
mod heart_practice;
#[path = "../journal_cli.rs"]
mod journal_cli;
#[path = "../settings_cli.rs"]
mod settings_cli;
#[path = "../sound_cli.rs"]
mod sound_cli;
#[path = "../trends_agree.rs"]
mod trends_agree;
#[path = "../trends_cli.rs"]
mod trends_cli;
