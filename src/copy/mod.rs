//! Every sentence a person reads will live here, shared by the CLI and the TUI. For now:
//! `safe`, which makes text that did not come from attune's own code safe to print.

pub mod safe;
