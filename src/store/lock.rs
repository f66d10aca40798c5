//! The per-device write lock: one attune process writes a device's files at a time.
//! The OS releases it if the process dies, so a crash never leaves the store locked. A
//! writer waits for another attune's save patiently but not forever, and can say so.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::sync::RwLock;
use std::time::Duration;

/// Held while writing; dropping it releases the lock.
#[derive(Debug)]
pub struct DeviceLock {
    file: File,
}

/// How long to wait for another attune's lock, and when to say that we are waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Patience {
    /// Say "waiting…" once the lock has been busy this long.
    pub speak_after: Duration,
    /// Give up, changing nothing, once it has been busy this long.
    pub give_up_after: Duration,
}

impl Default for Patience {
    /// A save takes milliseconds: a second means someone else is saving, and half a
    /// minute means something is stuck.
    fn default() -> Patience {
        Patience {
            speak_after: Duration::from_secs(1),
            give_up_after: Duration::from_secs(30),
        }
    }
}

/// How often a waiting writer tries the lock again, at most: it starts at a millisecond,
/// so a save behind a quick one goes straight on.
const RETRY: Duration = Duration::from_millis(50);

/// What this process does while it waits: how patient it is, and how it says so (the
/// command line writes a line on stderr; the full-screen app says nothing there).
#[derive(Clone, Copy)]
struct Waiting {
    patience: Option<Patience>,
    say: Option<fn()>,
}

/// Until told otherwise: the default patience, and nothing said.
const QUIET: Waiting = Waiting {
    patience: None,
    say: None,
};

static WAITING: RwLock<Waiting> = RwLock::new(QUIET);

/// Set how long writers wait and what they say (once) while they wait.
pub fn set_waiting(patience: Patience, say: Option<fn()>) {
    if let Ok(mut w) = WAITING.write() {
        *w = Waiting {
            patience: Some(patience),
            say,
        };
    }
}

impl DeviceLock {
    /// Take the lock at `path`, waiting as `set_waiting` said (by default, quietly, for
    /// up to 30 seconds).
    pub fn acquire(path: &Path) -> io::Result<DeviceLock> {
        let w = WAITING.read().map_or(QUIET, |w| *w);
        DeviceLock::acquire_with(path, w.patience.unwrap_or_default(), &mut || {
            if let Some(say) = w.say {
                say();
            }
        })
    }

    /// Take the lock at `path`; `waiting` is called once the lock has been busy for
    /// `speak_after`; after `give_up_after` the answer is an error that says why.
    pub fn acquire_with(
        path: &Path,
        patience: Patience,
        waiting: &mut dyn FnMut(),
    ) -> io::Result<DeviceLock> {
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let file = opts.open(path)?;
        // Waited time is counted in retries, not read from a clock: it can only run long
        // on a busy machine, never give up early.
        let mut waited = Duration::ZERO;
        let mut nap = Duration::from_millis(1);
        let mut spoke = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(DeviceLock { file }),
                Err(TryLockError::Error(e)) => return Err(e),
                Err(TryLockError::WouldBlock) => {}
            }
            if !spoke && waited >= patience.speak_after {
                spoke = true;
                waiting();
            }
            if waited >= patience.give_up_after {
                return Err(gave_up(patience.give_up_after));
            }
            let this = nap
                .min(patience.give_up_after - waited)
                .max(Duration::from_millis(1));
            std::thread::sleep(this);
            waited += this;
            nap = (nap * 2).min(RETRY);
        }
    }
}

fn gave_up(after: Duration) -> io::Error {
    let waited = match after.as_secs() {
        0 | 1 => "a while".to_string(),
        n => format!("{n} seconds"),
    };
    io::Error::new(
        io::ErrorKind::TimedOut,
        format!(
            "another attune has been saving for {waited}, so this stopped waiting; nothing was changed. \
             Let the other attune finish (or close it) and try again"
        ),
    )
}

impl Drop for DeviceLock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; unlocking first just makes it prompt.
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_lock_is_waited_for_said_once_then_given_up_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("device.lock");
        let held = DeviceLock::acquire_with(&path, Patience::default(), &mut || {}).expect("free");
        let quick = Patience {
            speak_after: Duration::ZERO,
            give_up_after: Duration::from_millis(150),
        };
        let mut said = 0;
        let err = DeviceLock::acquire_with(&path, quick, &mut || said += 1).expect_err("busy");
        assert_eq!(said, 1);
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        assert!(err.to_string().contains("nothing was changed"), "{err}");
        drop(held);
        let mut said = 0;
        DeviceLock::acquire_with(&path, quick, &mut || said += 1).expect("free again");
        assert_eq!(said, 0, "a free lock says nothing");
    }
}
