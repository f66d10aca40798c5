//! The event loop: one thread reads terminal events, one waits for signals, both into one
//! channel. When nothing animates the loop blocks on that channel (an idle attune uses no
//! CPU); while the pacer moves, it waits only until the next moment the picture would
//! change (at most ~30 frames a second), then hands the app a Tick with the time. It
//! updates the app, performs effects, rings the bell if asked, and redraws only when
//! something changed. The terminal is restored on every way out: quit, error, panic
//! (ratatui's hook), SIGTERM, SIGHUP and SIGINT, and a practice in progress is saved first.

use super::action::Action;
use super::app::App;
use super::effect;
use super::paint::Painter;
use crate::clock::Clock;
use crate::store::Store;
use anyhow::Context as _;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io::Write as _;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// The shortest time between two animation frames: 22 a second, enough for smooth motion
/// (the pacer's picture changes 20+ times a second) while keeping its CPU use tiny.
const FRAME: Duration = Duration::from_millis(45);

enum Msg {
    Term(Event),
    InputFailed(std::io::Error),
    Signal(i32),
}

/// How the loop ended.
enum Exit {
    Quit,
    Signal(i32),
}

/// Set up the terminal, run until the user quits, and restore the terminal on the way out.
pub fn run(mut app: App, store: &Store, clock: Clock) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    // Signals first: they should be caught (not fatal) from the moment the screen changes.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("listening for signals")?;
    spawn_signals(signals, tx.clone())?;
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
    spawn_input(tx)?;
    let outcome = run_loop(&mut terminal, &mut app, store, &rx, clock);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(Exit::Quit) => Ok(()),
        // The usual exit status for "ended by a signal", after the terminal is back.
        Ok(Exit::Signal(sig)) => std::process::exit(128 + sig),
        Err(e) => Err(e),
    }
}

/// Raw mode and the alternate screen (ratatui's panic hook restores both), with a fixed
/// viewport that follows resize events: a full-screen viewport would ask the terminal its
/// size (open, ioctl, close) on every frame of the pacer.
fn init_terminal() -> std::io::Result<DefaultTerminal> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
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

fn spawn_input(tx: Sender<Msg>) -> anyhow::Result<()> {
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
                if tx.send(msg).is_err() || failed {
                    break;
                }
            }
        })
        .context("starting the input thread")?;
    Ok(())
}

fn run_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &Store,
    rx: &Receiver<Msg>,
    clock: Clock,
) -> anyhow::Result<Exit> {
    let now = || clock.now();
    let mono = || clock.mono();
    let size = terminal.size().context("reading the terminal size")?;
    effect::step(app, store, Action::Resize(size.width, size.height), now());
    let mut painter = Painter::default();
    painter.full(terminal, app).context("drawing")?;
    let mut last_frame = mono();
    let mut bells = app.bells;
    loop {
        let msg = match next(app, rx, last_frame, clock) {
            Next::Msg(msg) => Some(msg),
            Next::Tick => None,
            Next::Closed => return Ok(Exit::Quit),
        };
        let ticked = msg.is_none();
        let changed = match msg {
            None => {
                effect::step(app, store, Action::Tick, now());
                true
            }
            Some(Msg::Signal(sig)) => {
                // Save a practice in progress, then let the terminal be restored.
                effect::step(app, store, Action::Quit, now());
                return Ok(Exit::Signal(sig));
            }
            Some(Msg::InputFailed(e)) => {
                effect::step(app, store, Action::Quit, now());
                // A closing terminal (tmux kill-session, a closed window) also sends
                // SIGHUP; prefer it, so the exit says what happened.
                if let Ok(Msg::Signal(sig)) = rx.recv_timeout(Duration::from_millis(200)) {
                    return Ok(Exit::Signal(sig));
                }
                return Err(e).context("reading the keyboard");
            }
            Some(Msg::Term(Event::Resize(width, height))) => {
                terminal
                    .resize(Rect::new(0, 0, width, height))
                    .context("resizing")?;
                effect::step(app, store, Action::Resize(width, height), now());
                true
            }
            Some(Msg::Term(ev)) => handle(app, store, ev, clock),
        };
        if app.bells != bells {
            bells = app.bells;
            ring();
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        if changed {
            let drawn = if ticked {
                painter.moving(terminal, app)
            } else {
                painter.full(terminal, app)
            };
            drawn.context("drawing")?;
            last_frame = mono();
        }
    }
}

enum Next {
    Msg(Msg),
    Tick,
    Closed,
}

/// Wait for input or a signal; while something animates, only until its next change.
fn next(app: &App, rx: &Receiver<Msg>, last_frame: Duration, clock: Clock) -> Next {
    let Some(at) = app.deadline() else {
        return rx.recv().map_or(Next::Closed, Next::Msg);
    };
    let wait = at.max(last_frame + FRAME).saturating_sub(clock.mono());
    match rx.recv_timeout(wait) {
        Ok(msg) => Next::Msg(msg),
        Err(RecvTimeoutError::Timeout) => Next::Tick,
        Err(RecvTimeoutError::Disconnected) => Next::Closed,
    }
}

/// A terminal event: keys through the keymap, and pastes. True if it changed anything
/// worth redrawing.
fn handle(app: &mut App, store: &Store, ev: Event, clock: Clock) -> bool {
    let action = match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(&key),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    };
    match action {
        Some(action) => {
            effect::step(app, store, action, clock.now());
            true
        }
        None => false,
    }
}

/// The terminal's bell, for the optional sound at each change of phase.
fn ring() {
    let mut out = std::io::stdout();
    let _ = out.write_all(b"\x07");
    let _ = out.flush();
}
