//! Every sentence a person reads will live here, shared by the CLI and the TUI. So far:
//! `safe`, which makes text that did not come from attune's own code safe to print,
//! `trends`, the trends in words, and `correct`, for changing and deleting records.

pub mod correct;
pub mod safe;
pub mod store;
pub mod trends;
