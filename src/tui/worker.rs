//! The effect worker: one thread that owns a store handle, performs the app's effects in
//! the order they were asked for, and sends each result back to the event loop, so the
//! screen keeps drawing and answering keys while a report loads or a save is written.

use super::action::{Action, Effect};
use super::effect;
use crate::store::Store;
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

/// Whatever performs effects: the real store, or a test's stand-in.
pub trait Perform: Send + 'static {
    fn perform(&self, effect: Effect) -> Action;
}

impl Perform for Store {
    fn perform(&self, effect: Effect) -> Action {
        effect::perform(self, effect)
    }
}

pub struct Worker<P: Perform> {
    jobs: Option<Sender<Effect>>,
    thread: Option<JoinHandle<P>>,
}

impl<P: Perform> Worker<P> {
    /// Start the worker; `answer` takes each result (false once nobody listens).
    pub fn spawn(
        performer: P,
        answer: impl Fn(Action) -> bool + Send + 'static,
    ) -> std::io::Result<Worker<P>> {
        let (jobs, inbox) = mpsc::channel::<Effect>();
        let thread = std::thread::Builder::new()
            .name("attune-effects".into())
            .spawn(move || {
                for effect in inbox {
                    if !answer(performer.perform(effect)) {
                        break;
                    }
                }
                performer
            })?;
        Ok(Worker {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// Queue effects, in order.
    pub fn send(&self, effects: Vec<Effect>) {
        let Some(jobs) = &self.jobs else { return };
        for effect in effects {
            // The worker ends only after `finish`, so a send cannot fail before it.
            let _ = jobs.send(effect);
        }
    }

    /// Let the worker finish every effect already queued, and take its performer back
    /// (None if the worker panicked).
    pub fn finish(mut self) -> Option<P> {
        self.jobs = None;
        self.thread.take()?.join().ok()
    }
}
