//! The store tests, one binary: each file beside this folder is one module here, so the
//! suite links a handful of binaries instead of one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../pin/mod.rs"]
mod pin;
#[path = "../store_support/mod.rs"]
mod store_support;

#[path = "../encrypt_local.rs"]
mod encrypt_local;
#[path = "../store_durability.rs"]
mod store_durability;
#[path = "../store_files.rs"]
mod store_files;
#[path = "../store_merge.rs"]
mod store_merge;
#[path = "../store_odd.rs"]
mod store_odd;
#[path = "../store_trust.rs"]
mod store_trust;
