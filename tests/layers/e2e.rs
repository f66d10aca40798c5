//! The e2e tests, one binary: each file beside this folder is one module here, so the
//! suite links a handful of binaries instead of one per file.

#[path = "../tmux_support/mod.rs"]
mod tmux_support;

#[path = "../e2e_first_steps.rs"]
mod e2e_first_steps;
#[path = "../e2e_journal.rs"]
mod e2e_journal;
#[path = "../e2e_tmux.rs"]
mod e2e_tmux;
#[path = "../encrypt_tmux.rs"]
mod encrypt_tmux;
#[path = "../sound_tmux.rs"]
mod sound_tmux;
