//! The breathing preview's last choices, kept in local state (never the synced folder):
//! one small file, written privately and atomically; its bytes are checked by the reader.

use super::atomic::write_atomic;
use super::layout::Layout;
use std::io;
use std::path::PathBuf;

/// The most a choices file may hold: anything larger is not attune's.
const MOST: u64 = 4096;

pub fn path(layout: &Layout) -> PathBuf {
    layout.state_dir.join("breathing-last.json")
}

/// The file's bytes; None when there is none, it cannot be read, or it is too large.
pub fn read(layout: &Layout) -> Option<Vec<u8>> {
    let path = path(layout);
    let size = std::fs::metadata(&path).ok()?.len();
    (size <= MOST).then(|| std::fs::read(&path).ok()).flatten()
}

pub fn write(layout: &Layout, bytes: &[u8]) -> io::Result<()> {
    super::atomic::create_private_dir(&layout.state_dir)?;
    write_atomic(&path(layout), bytes)
}
