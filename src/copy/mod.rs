//! Every sentence a person reads will live here, shared by the CLI and the TUI. So far:
//! `safe`, which makes text that did not come from attune's own code safe to print,
//! `trends`, the trends in words, `correct`, for changing and deleting records, `store`,
//! what is said about files, `summary`, the one line a command says when it is done, and
//! `manual`, the man page.

pub mod correct;
pub mod crypt;
pub mod manual;
pub mod record;
pub mod safe;
pub mod store;
pub mod summary;
pub mod trends;
