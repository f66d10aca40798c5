//! Sound for the line-by-line practices: the chosen style checked against what this
//! machine can play (said once, calmly, with the bell standing in when it cannot), and
//! a `PlainIo` that sounds each cue through the sound thread or rings the bell on stderr.

use super::breathe_plain::{Input, PlainIo};
use crate::sound::sounder::{Setup, Sounder};
use crate::sound::{Cue, Style};
use std::io::{IsTerminal, Write};
use std::time::Duration;

/// The style that will sound here, and the sounder for it (none for the bell and off).
/// A style whose program is missing becomes the bell, and `say` is told once.
pub fn prepare(
    style: Style,
    setup: Setup,
    say: &mut dyn Write,
) -> std::io::Result<(Style, Option<Sounder>)> {
    match style {
        Style::Off | Style::Bell => Ok((style, None)),
        _ if !setup.can_play(style) => {
            writeln!(say, "{}", crate::copy::sound::fell_back_plain(style))?;
            Ok((Style::Bell, None))
        }
        _ => Ok((style, Some(Sounder::start(setup)))),
    }
}

/// A plain run's time and input, with its cues sounded.
pub struct Sounding<'a> {
    pub io: &'a mut dyn PlainIo,
    pub sounder: Option<Sounder>,
}

impl Sounding<'_> {
    /// A cue could not play through its program, so the bell stood in.
    pub fn fell_back(&self) -> bool {
        self.sounder.as_ref().is_some_and(Sounder::fell_back)
    }

    /// Stop sounding: a completed practice lets its chime end; every child is reaped.
    pub fn finish(self, completed: bool) {
        if let Some(sounder) = self.sounder {
            sounder.finish(completed);
        }
    }
}

impl PlainIo for Sounding<'_> {
    fn now(&self) -> Duration {
        self.io.now()
    }

    fn wall(&self) -> crate::store::model::Stamp {
        self.io.wall()
    }

    fn wait(&mut self, deadline: Option<Duration>) -> Option<Input> {
        self.io.wait(deadline)
    }

    fn wait_for_stop(&mut self, deadline: Duration) -> bool {
        self.io.wait_for_stop(deadline)
    }

    fn typed(&self) -> bool {
        self.io.typed()
    }

    fn heart(&mut self) -> Option<Vec<crate::service::heart_source::Timed>> {
        self.io.heart()
    }

    fn cue(&mut self, cue: Cue) {
        let played = self.sounder.as_ref().is_some_and(|s| s.play(cue));
        if !played {
            ring(cue.bells());
        }
        self.io.cue(cue);
    }
}

/// The terminal bell on stderr (stdout carries the phase lines), only to a terminal.
fn ring(times: usize) {
    let mut err = std::io::stderr();
    if times > 0 && err.is_terminal() {
        let _ = err.write_all(&b"\x07".repeat(times));
        let _ = err.flush();
    }
}
