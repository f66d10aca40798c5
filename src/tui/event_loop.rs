//! The event loop's threads: one reads terminal events, one waits for signals, one (the
//! worker) performs effects, all into one channel that the runner waits on. The terminal
//! is restored on every way out: quit, error, panic (ratatui's hook), SIGTERM, SIGHUP and
//! SIGINT, and whatever was in progress is saved first.

use super::app::App;
use super::runner::{Ended, Msg, Runner};
use super::worker::Worker;
use crate::clock::Clock;
use crate::store::Store;
use anyhow::Context as _;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{self, Sender};

/// Set up the terminal, run until the user quits, and restore the terminal on the way out.
/// Whatever was in progress is saved before this returns. A heart source's events come
/// into the same channel; the source is kept (and a command it started stopped) to the end.
pub fn run(
    app: App,
    store: &Store,
    clock: Clock,
    mut heart: Option<crate::service::heart_source::Source>,
) -> anyhow::Result<Ended> {
    let (tx, rx) = mpsc::channel();
    if let Some(source) = &mut heart {
        let beats = tx.clone();
        source.forward(move |(when, event)| beats.send(Msg::Heart(when, event)).is_ok());
    }
    // Signals first: they should be caught (not fatal) from the moment the screen changes.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("listening for signals")?;
    spawn_signals(signals, tx.clone())?;
    let answers = tx.clone();
    let worker =
        Worker::spawn(store.clone(), move |a| answers.send(Msg::Done(Box::new(a))).is_ok())
            .context("starting the effect worker")?;
    // try_init() also installs a panic hook that restores the terminal before the panic
    // prints; if setup fails halfway, undo whatever part of it happened.
    let mut terminal = match init_terminal() {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            return Err(e).context("setting up the terminal");
        }
    };
    // Bracketed paste keeps a pasted line break from acting as Enter (which saves).
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        ratatui_hook(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let (gate, gate_rx) = mpsc::sync_channel(1);
    spawn_input(tx, gate_rx)?;
    let outside = outside_editor(store.layout().state_dir.clone());
    let sounder = sounder(&app.config, store);
    let runner = Runner::new(&mut terminal, app, worker, clock).map(|r| {
        r.with_input_gate(gate)
            .with_outside_editor(outside)
            .with_sounder(sounder)
    });
    let outcome = runner.and_then(|mut runner| {
        let ended = runner.run(&rx);
        // Saves still waiting (and what follows from them) are done before leaving.
        runner.finish(&rx);
        ended.map(|e| farewell(e, &runner.app))
    });
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    drop(heart);
    outcome
}

/// The sound thread, with the players this machine has (found now, off the drawing
/// path's way: a PATH walk takes a moment).
fn sounder(config: &crate::config::Config, store: &Store) -> crate::sound::sounder::Sounder {
    use crate::sound::sounder::{Setup, Sounder};
    Sounder::start(Setup::for_config(config, &store.layout().state_dir))
}

/// Raw mode and the alternate screen (ratatui's panic hook restores both), with a fixed
/// viewport that follows resize events: a full-screen viewport would ask the terminal its
/// size (open, ioctl, close) on every frame of the pacer.
fn init_terminal() -> std::io::Result<DefaultTerminal> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    let (width, height) = super::ui::drawn_size(width, height);
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let terminal = ratatui::try_init_with_options(TerminalOptions { viewport })?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    Ok(terminal)
}

fn spawn_signals(mut signals: Signals, tx: Sender<Msg>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("attune-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if tx.send(Msg::Signal(sig)).is_err() {
                    break;
                }
            }
        })
        .context("starting the signal thread")?;
    Ok(())
}

/// The person's own editor, run with the terminal handed over (line mode, the main
/// screen) and taken back after, whatever the editor did.
fn outside_editor(state_dir: std::path::PathBuf) -> super::runner::OutsideEditor {
    use ratatui::crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
    Box::new(move |text: &str| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
        let _ = disable_raw_mode();
        let (dir, _) = crate::service::outside_editor::folder(&state_dir);
        let edited = crate::service::outside_editor::edit(&dir, text, &|_| {});
        let _ = enable_raw_mode();
        let _ = execute!(std::io::stdout(), EnterAlternateScreen, EnableBracketedPaste);
        edited
    })
}

/// Reads the terminal, one event at a time: after each, it waits for the runner's word
/// that the event is handled, so nothing is read while another program has the terminal.
fn spawn_input(tx: Sender<Msg>, gate: std::sync::mpsc::Receiver<()>) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("attune-input".into())
        .spawn(move || {
            loop {
                // event::read blocks until something happens: no polling, no timers.
                let msg = match event::read() {
                    Ok(ev) => Msg::Term(ev),
                    Err(e) => Msg::InputFailed(e),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
                if tx.send(msg).is_err() || failed || gate.recv().is_err() {
                    break;
                }
            }
        })
        .context("starting the input thread")?;
    Ok(())
}

/// A practice or entry started from the shell ends with a line about it, said there.
fn farewell(ended: Ended, app: &App) -> Ended {
    use super::app::Done;
    match (&ended, &app.last_done) {
        (Ended::Quit, Some(done)) if app.back_to_shell => Ended::Said(match done {
            Done::Practice(practice) => crate::copy::summary::practice(practice),
            Done::Entry => crate::copy::summary::saved_entry().to_string(),
            Done::LetGo => crate::copy::summary::LET_GO.to_string(),
        }),
        _ => ended,
    }
}
