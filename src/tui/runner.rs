//! The running app on a terminal: each message goes through `App::update`, its effects go
//! to the worker, and a frame is drawn only when something changed. When nothing animates
//! the runner blocks on the channel (an idle attune uses no CPU); while the pacer moves,
//! it waits only until the next moment the picture would change.

use super::action::Action;
use super::action::Effect;
use super::app::App;
use super::effect;
use super::journal::JournalAction;
use super::paint::Painter;
use super::paint_cells::DrawCells;
use super::ui::drawn_size;
use super::worker::{Perform, Worker};
use crate::clock::Clock;
use crate::service::outside_editor::Edited;
use crate::sound::sounder::Sounder;
use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::layout::Rect;
use std::io::Write as _;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender};
use std::time::Duration;

/// The shortest time between two animation frames: 30 a second. The pacer's fill has
/// enough levels to change on most of them, which reads as smooth motion, and a moving
/// frame redraws only a few rows, so its CPU use stays tiny.
pub const FRAME: Duration = Duration::from_millis(33);

/// What the runner waits for: the terminal, a signal, or an effect's result.
pub enum Msg {
    Term(Event),
    InputFailed(std::io::Error),
    Signal(i32),
    /// The worker performed an effect: its result, for `App::update`.
    Done(Box<Action>),
    /// The heart source sent something (when it arrived, monotonic).
    Heart(Duration, crate::service::heart_source::Event),
}

/// How the app ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// Done, with one line to say in the shell once the terminal is back.
    Said(String),
    /// By this signal (SIGTERM, SIGHUP, SIGINT, or a closed terminal).
    Signal(i32),
}

pub struct Runner<'t, B: DrawCells, P: Perform> {
    terminal: &'t mut Terminal<B>,
    pub app: App,
    worker: Option<Worker<P>>,
    painter: Painter,
    clock: Clock,
    last_frame: Duration,
    /// Sounds cues off this thread; None plays only the bell.
    sounder: Option<Sounder>,
    /// How many of the app's cues have been sounded.
    cues_seen: u64,
    /// Lends the terminal to the person's own editor; None where there is no terminal.
    outside: Option<OutsideEditor>,
    /// Told after each terminal event is handled, so the input thread reads the next one
    /// only then (and never while the person's own editor has the terminal).
    input_gate: Option<SyncSender<()>>,
    /// The terminal was lent out: the next frame is drawn whole.
    repaint: bool,
}

/// Runs the person's own editor on `text` with the terminal handed over, and takes it back.
pub type OutsideEditor = Box<dyn FnMut(&str) -> Result<Edited, String>>;

impl<'t, B: DrawCells, P: Perform> Runner<'t, B, P> {
    /// Size the app to the terminal and draw the first frame.
    pub fn new(
        terminal: &'t mut Terminal<B>,
        app: App,
        worker: Worker<P>,
        clock: Clock,
    ) -> anyhow::Result<Self> {
        let size = terminal
            .size()
            .map_err(|e| anyhow::anyhow!("reading the terminal size: {e}"))?;
        let cues_seen = app.cues.total();
        let mut runner = Runner {
            terminal,
            app,
            worker: Some(worker),
            painter: Painter::default(),
            clock,
            last_frame: Duration::ZERO,
            sounder: None,
            cues_seen,
            outside: None,
            input_gate: None,
            repaint: false,
        };
        let (width, height) = drawn_size(size.width, size.height);
        runner.act(Action::Resize(width, height));
        runner.draw(false)?;
        Ok(runner)
    }

    /// Sound cues through this sounder (without one, only the bell sounds).
    pub fn with_sounder(mut self, sounder: Sounder) -> Self {
        self.sounder = Some(sounder);
        self
    }

    /// Lend the terminal to the person's own editor through `outside`.
    pub fn with_outside_editor(mut self, outside: OutsideEditor) -> Self {
        self.outside = Some(outside);
        self
    }

    /// Tell `gate` after each terminal event is handled.
    pub fn with_input_gate(mut self, gate: SyncSender<()>) -> Self {
        self.input_gate = Some(gate);
        self
    }

    /// What is on the terminal now, as the last frame left it.
    pub fn terminal(&self) -> &Terminal<B> {
        self.terminal
    }

    /// Wait and handle, until the app quits or a signal ends it.
    pub fn run(&mut self, rx: &Receiver<Msg>) -> anyhow::Result<Ended> {
        loop {
            let msg = match self.wait(rx) {
                Wait::Msg(msg) => Some(msg),
                Wait::Tick => None,
                Wait::Closed => return Ok(Ended::Quit),
            };
            if let Some(ended) = self.handle(msg, rx)? {
                return Ok(ended);
            }
        }
    }

    /// One message (None: the deadline came), then a frame if it asked for anything; a
    /// terminal event, once handled, lets the input thread read the next.
    pub fn handle(
        &mut self,
        msg: Option<Msg>,
        rx: &Receiver<Msg>,
    ) -> anyhow::Result<Option<Ended>> {
        let from_terminal = matches!(msg, Some(Msg::Term(_)));
        let handled = self.handle_one(msg, rx);
        if from_terminal && let Some(gate) = &self.input_gate {
            let _ = gate.send(());
        }
        handled
    }

    fn handle_one(
        &mut self,
        msg: Option<Msg>,
        rx: &Receiver<Msg>,
    ) -> anyhow::Result<Option<Ended>> {
        // A beat changes only the pacer's moving rows, as time does.
        let ticked = matches!(msg, None | Some(Msg::Heart(..)));
        let action = match msg {
            None => Action::Tick,
            Some(Msg::Heart(when, event)) => Action::Heart(when, event),
            Some(Msg::Done(result)) => *result,
            Some(Msg::Signal(sig)) => {
                // Save a practice in progress, then let the terminal be restored.
                self.act(Action::Quit);
                return Ok(Some(Ended::Signal(sig)));
            }
            Some(Msg::InputFailed(e)) => {
                self.act(Action::Quit);
                // A closing terminal (tmux kill-session, a closed window) also sends
                // SIGHUP; prefer it, so the exit says what happened.
                if let Ok(Msg::Signal(sig)) = rx.recv_timeout(Duration::from_millis(200)) {
                    return Ok(Some(Ended::Signal(sig)));
                }
                return Err(e).context("reading the keyboard");
            }
            Some(Msg::Term(Event::Resize(width, height))) => {
                let (width, height) = drawn_size(width, height);
                self.terminal
                    .resize(Rect::new(0, 0, width, height))
                    .map_err(|e| anyhow::anyhow!("resizing: {e}"))?;
                self.painter.cleared();
                Action::Resize(width, height)
            }
            Some(Msg::Term(ev)) => match action_for(&self.app, ev) {
                Some(action) => action,
                None => return Ok(None),
            },
        };
        self.act(action);
        self.sound_cues();
        if self.app.quit {
            return Ok(Some(Ended::Quit));
        }
        self.draw(ticked)?;
        Ok(None)
    }

    /// Leaving: the worker performs what is queued, then the results still waiting (and
    /// whatever they lead to) are handled here, in order, before the process may end.
    pub fn finish(&mut self, rx: &Receiver<Msg>) {
        let Some(performer) = self.worker.take().and_then(Worker::finish) else {
            return;
        };
        while let Ok(msg) = rx.try_recv() {
            if let Msg::Done(result) = msg {
                let now = self.clock.now();
                let effects = self.app.update(*result, now);
                effect::settle_with(&mut self.app, &performer, effects, now);
            }
        }
    }

    /// Update the app and queue its effects.
    fn act(&mut self, action: Action) {
        let effects = self.app.update(action, self.clock.now());
        let (outside, effects): (Vec<Effect>, Vec<Effect>) = effects
            .into_iter()
            .partition(|e| matches!(e, Effect::EditOutside { .. }));
        if let Some(worker) = &self.worker {
            worker.send(effects);
        }
        for effect in outside {
            if let Effect::EditOutside { text } = effect {
                let result = self.edit_outside(&text);
                self.act(Action::Journal(JournalAction::EditedOutside(result)));
            }
        }
    }

    /// The terminal lent to the person's own editor, and back; drawn whole after.
    fn edit_outside(&mut self, text: &str) -> Result<Edited, String> {
        let Some(outside) = &mut self.outside else {
            return Err(crate::copy::journal::NO_TERMINAL.to_string());
        };
        self.repaint = true;
        outside(text)
    }

    /// Sound the cues the app asked for since last time: through the sounder (which
    /// never waits), or as bells for the bell style and whenever a cue cannot play, which
    /// the app is told, so the practice's closing screen can say so.
    fn sound_cues(&mut self) {
        use crate::sound::Style;
        let mut bells = 0;
        let mut fell_back = false;
        for cue in self.app.cues.since(self.cues_seen) {
            if cue.kind == crate::sound::CueKind::Hush {
                self.sounder.as_ref().map(Sounder::hush);
                continue;
            }
            let played = match cue.style {
                Style::Off => continue,
                Style::Bell => false,
                _ => self.sounder.as_ref().is_some_and(|s| s.play(*cue)),
            };
            if !played {
                bells += cue.bells();
                fell_back |= cue.style != Style::Bell;
            }
        }
        self.cues_seen = self.app.cues.total();
        ring(bells);
        if fell_back {
            self.act(Action::SoundFellBack);
        }
    }

    fn draw(&mut self, ticked: bool) -> anyhow::Result<()> {
        if std::mem::take(&mut self.repaint) {
            self.terminal
                .clear()
                .map_err(|e| anyhow::anyhow!("drawing: {e}"))?;
            self.painter.cleared();
        }
        let drawn = if ticked {
            self.painter.moving(self.terminal, &self.app)
        } else {
            self.painter.full(self.terminal, &self.app)
        };
        drawn.map_err(|e| anyhow::anyhow!("drawing: {e}"))?;
        self.last_frame = self.clock.mono();
        Ok(())
    }

    /// Wait for a message; while something animates, only until its next change.
    fn wait(&self, rx: &Receiver<Msg>) -> Wait {
        let Some(at) = self.app.deadline() else {
            return rx.recv().map_or(Wait::Closed, Wait::Msg);
        };
        // A due cue comes before the frame rate: it is heard, not seen.
        let mut at = at.max(self.last_frame + FRAME);
        if let Some(cue) = self.app.cue_deadline() {
            at = at.min(cue);
        }
        let wait = at.saturating_sub(self.clock.mono());
        match rx.recv_timeout(wait) {
            Ok(msg) => Wait::Msg(msg),
            Err(RecvTimeoutError::Timeout) => Wait::Tick,
            Err(RecvTimeoutError::Disconnected) => Wait::Closed,
        }
    }
}

enum Wait {
    Msg(Msg),
    Tick,
    Closed,
}

/// A terminal event as an action: keys through the keymap, and pastes.
fn action_for(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(&key),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

/// The terminal's bell, `times` times (the bell style: once for in, twice for out).
fn ring(times: usize) {
    if times == 0 {
        return;
    }
    let mut out = std::io::stdout();
    let _ = out.write_all(&b"\x07".repeat(times));
    let _ = out.flush();
}
