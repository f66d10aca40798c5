//! A live heart source: lines from a file or FIFO being written (`--heart PATH`) or from a
//! command's output (`--heart-cmd`), with stop signals, arriving on one channel a reading
//! loop waits on with deadlines. Reading happens on its own threads, so a slow or silent
//! source never holds up the loop.

use crate::clock::Clock;
use crate::domain::heart::parse::MAX_LINE;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// What a source can say.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    Line(String),
    /// The source ended: a FIFO's writer closed, the command exited.
    Closed,
    /// The source could not be read, and why (the system's words).
    Failed(String),
    /// A stop signal (Ctrl-C, SIGTERM, SIGHUP) came.
    Stop(i32),
}

/// Time and events for a reading loop; tests make up both.
pub trait HeartIo {
    /// Time since the reading began.
    fn now(&self) -> Duration;
    /// The next event before `deadline`, or None once the deadline has passed.
    fn next(&mut self, deadline: Duration) -> Option<Event>;
}

#[derive(Clone, Debug, PartialEq)]
pub enum Spec {
    Path(PathBuf),
    Command(String),
    /// A Bluetooth strap, the first one heard or the one whose name holds this.
    Ble(Option<String>),
}

impl Spec {
    /// The source `--heart PATH` or `--heart-cmd COMMAND` name, if either does; `--heart
    /// ble` or `--heart ble:NAME` is a Bluetooth strap.
    pub fn from_args(heart: Option<PathBuf>, heart_cmd: Option<String>) -> Option<Spec> {
        match (heart, heart_cmd) {
            (Some(path), _) => Some(match path.to_str() {
                Some("ble") => Spec::Ble(None),
                Some(s) if s.starts_with("ble:") => Spec::Ble(Some(s[4..].to_string())),
                _ => Spec::Path(path),
            }),
            (None, Some(cmd)) => Some(Spec::Command(cmd)),
            (None, None) => None,
        }
    }
}

/// An event and when it arrived (time since the clock began).
pub type Timed = (Duration, Event);

/// How often a regular file that has reached its end is looked at again for new lines.
const FOLLOW_EVERY: Duration = Duration::from_millis(100);

pub struct Source {
    clock: Clock,
    rx: Receiver<Timed>,
    child: Option<Child>,
}

/// Where a source's reading threads send what they read, each event stamped as it came.
#[derive(Clone)]
pub struct Outlet {
    clock: Clock,
    tx: Sender<Timed>,
}

impl Outlet {
    /// False once no one listens any more: the reading thread then ends.
    pub fn send(&self, event: Event) -> bool {
        self.tx.send((self.clock.mono(), event)).is_ok()
    }
}

impl Source {
    /// Start reading `spec`, and listening for stop signals (a reading on its own).
    pub fn start(spec: &Spec, clock: Clock) -> std::io::Result<Source> {
        Source::begin(spec, clock, true)
    }

    /// Start reading `spec` only: within a practice, which has its own stop listener.
    pub fn lines(spec: &Spec, clock: Clock) -> std::io::Result<Source> {
        Source::begin(spec, clock, false)
    }

    fn begin(spec: &Spec, clock: Clock, stops: bool) -> std::io::Result<Source> {
        let (tx, rx) = mpsc::channel();
        let outlet = Outlet { clock, tx };
        if stops {
            listen_for_stop(outlet.clone())?;
        }
        let child = match spec {
            Spec::Path(path) => {
                let path = path.clone();
                std::thread::spawn(move || read_path(&path, &outlet));
                None
            }
            Spec::Command(cmd) => {
                let mut child = Command::new("sh")
                    .arg("-c")
                    .arg(cmd)
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .spawn()?;
                if let Some(out) = child.stdout.take() {
                    std::thread::spawn(move || read_lines(BufReader::new(out), &outlet, None));
                }
                Some(child)
            }
            Spec::Ble(name) => {
                start_ble(name.as_deref(), outlet)?;
                None
            }
        };
        Ok(Source { clock, rx, child })
    }

    /// Hand every event from now on to `send`, on a thread of its own, until `send` says
    /// no one listens or the source's reading ends. The source itself must still be kept:
    /// dropping it stops the command it started.
    pub fn forward(&mut self, send: impl Fn(Timed) -> bool + Send + 'static) {
        let (_, none) = mpsc::channel();
        let rx = std::mem::replace(&mut self.rx, none);
        std::thread::spawn(move || {
            for timed in rx {
                if !send(timed) {
                    break;
                }
            }
        });
    }

    /// Everything that has arrived so far, without waiting.
    pub fn drain(&mut self) -> Vec<Timed> {
        self.rx.try_iter().collect()
    }
}

#[cfg(feature = "ble")]
fn start_ble(name: Option<&str>, outlet: Outlet) -> std::io::Result<()> {
    crate::service::heart_ble::start(name, outlet)
}

/// Without the `ble` feature there is no Bluetooth: said plainly, before anything starts.
#[cfg(not(feature = "ble"))]
fn start_ble(_name: Option<&str>, _outlet: Outlet) -> std::io::Result<()> {
    Err(std::io::Error::other(crate::copy::heart::NO_BLE))
}

impl Drop for Source {
    /// A command attune started ends with the reading (it is ours to stop, by its id).
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl HeartIo for Source {
    fn now(&self) -> Duration {
        self.clock.mono()
    }

    fn next(&mut self, deadline: Duration) -> Option<Event> {
        loop {
            let left = deadline.saturating_sub(self.now());
            if left.is_zero() {
                return None;
            }
            match self.rx.recv_timeout(left) {
                Ok((_, event)) => return Some(event),
                Err(RecvTimeoutError::Timeout) => continue,
                // The signal thread keeps the channel open; this is only a safeguard.
                Err(RecvTimeoutError::Disconnected) => return Some(Event::Closed),
            }
        }
    }
}

fn listen_for_stop(tx: Outlet) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if !tx.send(Event::Stop(sig)) {
                break;
            }
        }
    });
    Ok(())
}

/// A FIFO ends when its writer closes; a regular file is followed as it grows, like
/// `tail -f`, since an app may still be writing it.
fn read_path(path: &std::path::Path, tx: &Outlet) {
    // Opening a FIFO waits here, on this thread, until a writer opens it.
    match std::fs::File::open(path) {
        Ok(file) => {
            let follow = file.metadata().is_ok_and(|m| m.is_file());
            read_lines(BufReader::new(file), tx, follow.then_some(FOLLOW_EVERY));
        }
        Err(e) => {
            tx.send(Event::Failed(e.to_string()));
        }
    }
}

/// Send each line; at the end, wait and look again when following, else say Closed.
fn read_lines(mut reader: impl BufRead, tx: &Outlet, follow: Option<Duration>) {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        // At most one line's worth: a source that never sends a newline cannot fill memory.
        let read = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf);
        match read {
            Ok(0) => match follow {
                Some(every) => std::thread::sleep(every),
                None => break,
            },
            Ok(_) => {
                if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
                    skip_rest_of_line(&mut reader);
                }
                let line = String::from_utf8_lossy(&buf).into_owned();
                if !tx.send(Event::Line(line)) {
                    return;
                }
            }
            Err(e) => {
                tx.send(Event::Failed(e.to_string()));
                return;
            }
        }
    }
    tx.send(Event::Closed);
}

fn skip_rest_of_line(reader: &mut impl BufRead) {
    let mut sink = Vec::new();
    loop {
        sink.clear();
        match reader.take(64 * 1024).read_until(b'\n', &mut sink) {
            Ok(0) | Err(_) => return,
            Ok(_) if sink.last() == Some(&b'\n') => return,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_sent_and_an_endless_line_is_cut() {
        let (tx, rx) = mpsc::channel();
        let tx = Outlet {
            clock: Clock::system(),
            tx,
        };
        let long = "8".repeat(MAX_LINE * 3);
        let text = format!("800\n{long}\n810");
        read_lines(text.as_bytes(), &tx, None);
        let got: Vec<Event> = rx.try_iter().map(|(_, e)| e).collect();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], Event::Line("800\n".into()));
        assert!(matches!(&got[1], Event::Line(l) if l.len() == MAX_LINE + 1));
        assert_eq!(got[2], Event::Line("810".into()));
        assert_eq!(got[3], Event::Closed);
    }
}
