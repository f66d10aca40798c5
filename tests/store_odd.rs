//! Odd files and odd sizes met through the binary: a week too big for a prompt to read in
//! time, dates outside what attune can file, and an all-time report that stays bounded.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is its clear failure

mod common;

use common::Env;
use std::path::PathBuf;

/// Every month file below the sandbox's records folder.
fn month_files(env: &Env) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for device in std::fs::read_dir(env.data().join("records")).unwrap() {
        for file in std::fs::read_dir(device.unwrap().path()).unwrap() {
            found.push(file.unwrap().path());
        }
    }
    found
}

#[test]
fn a_prompt_over_a_week_too_big_to_read_in_time_prints_nothing() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "3"]);
    assert_eq!(env.run_ok(&["status", "--prompt"]), "last distress 3\n");
    // The same records, padded past what a prompt reads: still valid JSON, 3 MB of it.
    let files = month_files(&env);
    assert_eq!(files.len(), 1);
    let mut bytes = std::fs::read(&files[0]).unwrap();
    bytes.extend(std::iter::repeat_n(b' ', 3 * 1024 * 1024));
    std::fs::write(&files[0], bytes).unwrap();
    assert_eq!(env.run_ok(&["status", "--prompt"]), "");
    // The full status has time to read it all.
    assert!(env.run_ok(&["status"]).contains("last distress 3"));
}
