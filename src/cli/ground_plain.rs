//! The line-by-line grounding run (`attune ground ROUTINE --plain`, or without a
//! terminal): each step printed, the user's lines read from stdin. An empty line moves
//! on, "skip" skips, "back" goes back; the end of input ends the run cleanly.

use super::breathe_plain::{Input, PlainIo};
use crate::content::words;
use crate::domain::grounding::Step;
use crate::domain::grounding::run::Run;
use crate::sound::{Cue, CueKind, Style};
use std::io::{self, Write};

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Finished,
    /// Input ended, or a stop signal came, before the last step.
    Stopped,
}

/// What a line asks for, whatever the step.
enum Said {
    Line(String),
    Skip,
    Back,
    Stop,
}

fn read(io: &mut dyn PlainIo) -> Said {
    said(io.wait(None))
}

fn said(input: Option<Input>) -> Said {
    match input {
        Some(Input::Line(l)) => match l.trim().to_lowercase().as_str() {
            "skip" => Said::Skip,
            "back" => Said::Back,
            _ => Said::Line(l.trim().to_string()),
        },
        Some(Input::Stop) | Some(Input::Eof) | None => Said::Stop,
    }
}

/// Walk the routine step by step until it ends, input stops, or the reader of the steps
/// goes away (`| head`), which stops it as the end of input does.
/// With a sound on, a timed step's time being up is told by its cue, once.
pub fn walk(
    run: &mut Run,
    sound: Style,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
) -> io::Result<End> {
    match steps(run, sound, io, out) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(End::Stopped),
        done => done,
    }
}

fn steps(
    run: &mut Run,
    sound: Style,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
) -> io::Result<End> {
    let total = run.routine().steps.len();
    while let Some(step) = run.step().cloned() {
        writeln!(
            out,
            "\nStep {} of {total}. {}",
            run.index() + 1,
            crate::copy::safe::line(step.text())
        )?;
        writeln!(out, "  {}", hint(&step))?;
        out.flush()?;
        match do_step(run, &step, sound, io, out)? {
            Said::Stop => return Ok(End::Stopped),
            Said::Skip => run.skip(io.now()),
            Said::Back => run.back(io.now()),
            Said::Line(_) => run.next(io.now()),
        }
    }
    Ok(End::Finished)
}

/// On a timed step with a sound on: wait for its time, and sound its cue if the time
/// comes first; what the user said meanwhile, if they said something before.
fn timed_cue(step: &Step, sound: Style, io: &mut dyn PlainIo) -> Option<Said> {
    let Step::Timed { seconds, .. } = step else {
        return None;
    };
    if sound == Style::Off {
        return None;
    }
    let end = io.now() + std::time::Duration::from_secs(u64::from(*seconds));
    match io.wait(Some(end)) {
        None => {
            io.cue(Cue {
                style: sound,
                kind: CueKind::StepDone,
                length: std::time::Duration::ZERO,
            });
            None
        }
        input => Some(said(input)),
    }
}

fn hint(step: &Step) -> String {
    match step {
        Step::Read { .. } => "(Enter to go on)".into(),
        Step::Typed { items, .. } => {
            format!("(one per line, {items} in all; an empty line goes on)")
        }
        Step::Count { cycle, .. } => {
            format!("(Enter on each out-breath, counting 1 to {cycle}; type next to go on)")
        }
        Step::Timed { seconds, .. } => {
            format!("(about {seconds} seconds; Enter when you are ready)")
        }
        Step::Choose { .. } => "(a number or your own word; Enter to skip)".into(),
        Step::Rate { .. } => "(0 to 10; Enter to skip)".into(),
    }
}

/// Read lines for one step until it is done; returns how it ended (a `Line` means on).
fn do_step(
    run: &mut Run,
    step: &Step,
    sound: Style,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
) -> io::Result<Said> {
    if let Step::Choose { list, .. } = step {
        for (i, w) in words(*list).iter().enumerate() {
            writeln!(out, "  {:>2}. {}", i + 1, crate::copy::safe::line(w))?;
        }
    }
    let mut first = timed_cue(step, sound, io);
    loop {
        let said = first.take().unwrap_or_else(|| read(io));
        let Said::Line(line) = &said else {
            return Ok(said);
        };
        match step {
            Step::Typed { items, .. } if !line.is_empty() => {
                run.add_line(line);
                if run.items_complete() {
                    return Ok(said);
                }
                let n = run.state().map_or(0, |s| s.lines.len());
                writeln!(out, "  {n} of {items}")?;
            }
            Step::Count { .. } if line.is_empty() => {
                run.tap(io.now());
                writeln!(out, "  {}", run.count_shown())?;
            }
            Step::Count { .. } if line != "next" => {
                writeln!(out, "  (Enter counts an out-breath; next goes on)")?;
            }
            Step::Choose { list, .. } if !line.is_empty() => {
                let offered = words(*list);
                let word = line
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| offered.get(n.wrapping_sub(1)).cloned());
                run.choose(word.as_deref().unwrap_or(line));
                return Ok(said);
            }
            Step::Rate { .. } if !line.is_empty() => match line.parse::<u8>() {
                Ok(v) if v <= 10 => {
                    run.rate(v);
                    return Ok(said);
                }
                _ => writeln!(out, "  A whole number from 0 to 10, or Enter to skip.")?,
            },
            _ => return Ok(said),
        }
        out.flush()?;
    }
}
