//! The per-device write lock: one attune process writes a device's files at a time.
//! The OS releases it if the process dies, so a crash never leaves the store locked.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Held while writing; dropping it releases the lock.
#[derive(Debug)]
pub struct DeviceLock {
    file: File,
}

impl DeviceLock {
    /// Block until this process holds the lock at `path`.
    pub fn acquire(path: &Path) -> io::Result<DeviceLock> {
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(path)?;
        file.lock()?;
        Ok(DeviceLock { file })
    }
}

impl Drop for DeviceLock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first just makes it prompt.
        let _ = self.file.unlock();
    }
}
