//! Small marks kept in local state: for now, that the first-run welcome was seen (an
//! empty file, so a glance at the folder tells).

use super::atomic::write_atomic;
use super::layout::Layout;
use std::io;
use std::path::PathBuf;

/// The file whose presence means the welcome was seen.
pub fn welcome_path(layout: &Layout) -> PathBuf {
    layout.state_dir.join("welcome-seen")
}

pub fn welcome_seen(layout: &Layout) -> bool {
    welcome_path(layout).exists()
}

/// Remember that the welcome was seen, privately and atomically.
pub fn remember_welcome(layout: &Layout) -> io::Result<()> {
    write_atomic(&welcome_path(layout), b"")
}
