//! `attune sound test`: play the in, out and hold cues of the chosen style once, name the
//! program that played them, or say plainly what to install when there is none (exit 1).

use super::{Ctx, Failure, Outcome};
use crate::copy::sound as words;
use crate::sound::sounder::{Setup, spawn_cue};
use crate::sound::{Cue, CueKind, Style};
use std::io::{IsTerminal, Write};
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Action {
    /// Play the in, out and hold cues once and say what played them
    Test {
        /// The style to try (default from config; tones when sound is off)
        #[arg(long, value_name = "STYLE", value_enum)]
        sound: Option<Style>,
    },
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let Action::Test { sound } = args.action;
    let configured = ctx.config.breathing.cue_style();
    let style = match sound.unwrap_or(configured) {
        Style::Off => {
            writeln!(out, "{}", words::OFF_SO_TONES)?;
            Style::Tones
        }
        style => style,
    };
    let setup = Setup::for_config(&ctx.config, &ctx.layout.state_dir);
    test(&setup, style, out)
}

/// The three cues, each played to its end, in order.
fn test(setup: &Setup, style: Style, out: &mut dyn Write) -> Outcome {
    let cues = [
        (CueKind::In, 2.0),
        (CueKind::Out, 3.0),
        (CueKind::Hold, 2.0),
    ]
    .map(|(kind, s)| Cue {
        style,
        kind,
        length: Duration::from_secs_f64(s),
    });
    if style == Style::Bell {
        ring(&cues);
        writeln!(out, "{}", words::tested_without_player(style))?;
        return Ok(());
    }
    let Some(program) = setup.program(style) else {
        return Err(Failure::failed(words::nothing_to_play(style)));
    };
    let mut files = Default::default();
    for cue in &cues {
        let played = spawn_cue(setup, cue, &mut files)
            .and_then(|child| child.map(|mut c| c.wait()).transpose())
            .map_err(|e| Failure::failed(words::could_not_play(&program.name, &e.to_string())))?;
        if let Some(status) = played.filter(|s| !s.success()) {
            let why = status.to_string();
            return Err(Failure::failed(words::could_not_play(&program.name, &why)));
        }
    }
    writeln!(out, "{}", words::tested(style, &program.name))?;
    Ok(())
}

/// The bell style: once for in, twice for out, a moment apart, when there is a terminal.
fn ring(cues: &[Cue]) {
    let mut term = std::io::stderr();
    if !term.is_terminal() {
        return;
    }
    for cue in cues {
        let _ = term.write_all(&b"\x07".repeat(cue.bells()));
        let _ = term.flush();
        std::thread::sleep(Duration::from_millis(700));
    }
}
