//! Application services shared by the CLI and the TUI: plain Rust over the store and the
//! domain, with time passed in.

pub mod checkin;
pub mod correct;
pub mod doctor;
mod doctor_crypt;
mod doctor_files;
pub mod grounding;
pub mod heart;
#[cfg(feature = "ble")]
pub mod heart_ble;
pub mod heart_source;
pub mod index;
pub mod journal;
pub mod journal_index;
pub mod jrnl;
pub mod outside_editor;
pub mod practice;
pub mod prompt_cache;
pub mod record_day;
pub mod records;
pub mod trends;
pub mod trends_index;
pub mod trends_json;
pub mod trends_sums;
