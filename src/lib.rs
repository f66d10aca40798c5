//! attune: a calm terminal companion for daily self-regulation practice.

pub mod cli;
pub mod clock;
pub mod config;
pub mod content;
pub mod copy;
pub mod domain;
mod log10;
pub mod paths;
pub mod service;
pub mod sound;
pub mod store;
pub mod tui;
