//! Real time and input for the line-by-line modes: stdin lines and stop signals (Ctrl-C,
//! SIGTERM, SIGHUP) arrive on one channel, waited on with exact deadlines. The signal
//! that stopped a run is kept, so the command can exit 128 + it, as the full screen does.

use super::Failure;
use super::breathe_plain::{Input, PlainIo};
use crate::clock::Clock;
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Real time and input: stdin lines and stop signals arrive on one channel.
pub struct RealIo {
    clock: Clock,
    rx: Receiver<Input>,
    /// Standard input has ended; later questions are skipped at once.
    eof: bool,
    /// Input that arrived while only a stop was listened for.
    kept: std::collections::VecDeque<Input>,
    /// The last stop signal that came (0: none).
    caught: Arc<AtomicI32>,
    /// Standard input is a terminal, which shows what is typed.
    typed: bool,
    /// A heart source beside the run.
    heart: Option<crate::service::heart_source::Source>,
}

impl RealIo {
    pub fn start(clock: Clock) -> Result<RealIo, Failure> {
        let (tx, rx) = mpsc::channel();
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ])?;
        let stop = tx.clone();
        let caught = Arc::new(AtomicI32::new(0));
        let caught_here = Arc::clone(&caught);
        std::thread::spawn(move || {
            for sig in signals.forever() {
                caught_here.store(sig, Ordering::SeqCst);
                if stop.send(Input::Stop).is_err() {
                    break;
                }
            }
        });
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                if tx.send(Input::Line(line)).is_err() {
                    return;
                }
            }
            let _ = tx.send(Input::Eof);
        });
        Ok(RealIo {
            clock,
            rx,
            eof: false,
            kept: Default::default(),
            caught,
            typed: std::io::IsTerminal::is_terminal(&std::io::stdin()),
            heart: None,
        })
    }

    /// Read a heart source beside the run.
    pub fn with_heart(mut self, heart: Option<crate::service::heart_source::Source>) -> RealIo {
        self.heart = heart;
        self
    }

    /// The signal that stopped the run, if one did.
    pub fn stopped_by(&self) -> Option<i32> {
        Some(self.caught.load(Ordering::SeqCst)).filter(|sig| *sig != 0)
    }

    /// How the command ends: a run a signal stopped exits 128 + the signal (after it was
    /// saved), as the full screen and most programs do.
    pub fn ending(&self) -> Result<(), Failure> {
        match self
            .stopped_by()
            .and_then(|sig| u8::try_from(128 + sig).ok())
        {
            Some(code) => Err(Failure {
                code,
                message: String::new(),
            }),
            None => Ok(()),
        }
    }

    fn take(&mut self, input: Input) -> Input {
        self.eof |= input == Input::Eof;
        input
    }
}

impl PlainIo for RealIo {
    fn now(&self) -> Duration {
        self.clock.mono()
    }

    fn wall(&self) -> crate::store::model::Stamp {
        self.clock.wall()
    }

    fn wait(&mut self, deadline: Option<Duration>) -> Option<Input> {
        if let Some(input) = self.kept.pop_front() {
            return Some(self.take(input));
        }
        let Some(deadline) = deadline else {
            if self.eof {
                return Some(Input::Eof);
            }
            // The signal thread keeps the channel open, so this waits for a line or a stop.
            let input = self.rx.recv().unwrap_or(Input::Eof);
            return Some(self.take(input));
        };
        loop {
            let left = deadline.saturating_sub(self.now());
            if left.is_zero() {
                return None;
            }
            match self.rx.recv_timeout(left) {
                Ok(input) => return Some(self.take(input)),
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(left),
            }
        }
    }

    fn typed(&self) -> bool {
        self.typed
    }

    fn heart(&mut self) -> Option<Vec<crate::service::heart_source::Timed>> {
        self.heart
            .as_mut()
            .map(crate::service::heart_source::Source::drain)
    }

    fn wait_for_stop(&mut self, deadline: Duration) -> bool {
        loop {
            let left = deadline.saturating_sub(self.now());
            if left.is_zero() {
                return false;
            }
            match self.rx.recv_timeout(left) {
                Ok(Input::Stop) => return true,
                Ok(input) => self.kept.push_back(input),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(left),
            }
        }
    }
}
