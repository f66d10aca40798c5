//! The event loop: one thread reads terminal events, one waits for signals, both into one
//! channel. The loop blocks on that channel (an idle attune uses no CPU), updates the app,
//! performs effects, and redraws only when something changed. The terminal is restored on
//! every way out: quit, error, panic (ratatui's hook), SIGTERM, SIGHUP and SIGINT.

use super::app::App;
use super::effect;
use super::screens;
use crate::store::Store;
use crate::store::model::local_now;
use anyhow::Context as _;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

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
pub fn run(mut app: App, store: &Store) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    // Signals first: they should be caught (not fatal) from the moment the screen changes.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("listening for signals")?;
    spawn_signals(signals, tx.clone())?;
    // try_init() also installs a panic hook that restores the terminal before the panic
    // prints; if setup fails halfway, undo whatever part of it happened.
    let mut terminal = match ratatui::try_init() {
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
    let outcome = run_loop(&mut terminal, &mut app, store, &rx);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(Exit::Quit) => Ok(()),
        // The usual exit status for "ended by a signal", after the terminal is back.
        Ok(Exit::Signal(sig)) => std::process::exit(128 + sig),
        Err(e) => Err(e),
    }
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
) -> anyhow::Result<Exit> {
    let size = terminal.size().context("reading the terminal size")?;
    effect::step(
        app,
        store,
        super::action::Action::Resize(size.width, size.height),
        local_now(),
    );
    terminal
        .draw(|f| screens::render(app, f))
        .context("drawing")?;
    loop {
        // Nothing animates yet, so block until input or a signal arrives.
        let Ok(msg) = rx.recv() else {
            return Ok(Exit::Quit);
        };
        let changed = match msg {
            Msg::Signal(sig) => return Ok(Exit::Signal(sig)),
            Msg::InputFailed(e) => {
                // A closing terminal (tmux kill-session, a closed window) also sends
                // SIGHUP; prefer it, so the exit says what happened.
                if let Ok(Msg::Signal(sig)) = rx.recv_timeout(Duration::from_millis(200)) {
                    return Ok(Exit::Signal(sig));
                }
                return Err(e).context("reading the keyboard");
            }
            Msg::Term(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                match app.action_for_key(&key) {
                    Some(action) => {
                        effect::step(app, store, action, local_now());
                        true
                    }
                    None => false,
                }
            }
            Msg::Term(Event::Paste(text)) => {
                effect::step(app, store, super::action::Action::Paste(text), local_now());
                true
            }
            Msg::Term(Event::Resize(width, height)) => {
                let action = super::action::Action::Resize(width, height);
                effect::step(app, store, action, local_now());
                true
            }
            Msg::Term(_) => false,
        };
        if app.quit {
            return Ok(Exit::Quit);
        }
        if changed {
            terminal
                .draw(|f| screens::render(app, f))
                .context("drawing")?;
        }
    }
}
