//! Every sentence a person reads will live here, shared by the CLI and the TUI. So far:
//! `safe`, which makes text that did not come from attune's own code safe to print, and
//! `trends`, the trends in words; `summary`, the one line a command says when it is done.

pub mod manual;
pub mod safe;
pub mod summary;
pub mod trends;
