//! A timed grounding step says once, with the cue that is on, that its time is up: in
//! the full screen (keys and time in, cues out) and line by line.

use crate::common;

use crate::common::{line, run_plain_in_store};
use crate::flow_support::Rig;
use attune::cli::breathe_plain::{Input, PlainIo};
use attune::cli::ground::run_plain;
use attune::content::builtin_routines;
use attune::sound::{Cue, CueKind, Style};
use attune::tui::action::Action;
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;

/// Open tactile (its first two steps are timed: 20 s, then 15 s), skipping the rating.
fn tactile(rig: &mut Rig) {
    rig.key(KeyCode::Char('g'));
    let ids: Vec<String> = rig.app.routines.iter().map(|r| r.id.clone()).collect();
    let at = ids.iter().position(|id| id == "tactile").expect("tactile");
    for _ in 0..at {
        rig.key(KeyCode::Down);
    }
    rig.key(KeyCode::Enter).key(KeyCode::Tab);
}

fn step_cues(rig: &Rig) -> usize {
    rig.app
        .cues
        .since(0)
        .filter(|c| c.kind == CueKind::StepDone)
        .count()
}

#[test]
fn a_timed_step_cues_once_when_its_time_is_up() {
    let mut rig = Rig::new();
    rig.app.config.breathing.sound = Style::Pulses;
    tactile(&mut rig);
    rig.run_to(19.9);
    assert_eq!(step_cues(&rig), 0, "not before its time");
    rig.run_to(20.1);
    assert_eq!(step_cues(&rig), 1);
    assert_eq!(rig.app.cues.since(0).last().map(|c| c.style), Some(Style::Pulses));
    rig.run_to(30.0).act(Action::Tick);
    assert_eq!(step_cues(&rig), 1, "once");
    // The next timed step has its own cue, 15 s after it began.
    rig.key(KeyCode::Enter);
    rig.run_to(44.9);
    assert_eq!(step_cues(&rig), 1);
    rig.run_to(45.1);
    assert_eq!(step_cues(&rig), 2);
    // The practice's record keeps the sound it was cued in, as breathing's does.
    rig.key(KeyCode::Esc);
    let saved = rig.session();
    assert_eq!(saved.extra.get("sound"), Some(&serde_json::json!("pulses")));
}

#[test]
fn with_sound_off_a_timed_step_asks_for_no_cue() {
    let mut rig = Rig::new();
    tactile(&mut rig);
    rig.run_to(25.0);
    assert_eq!(rig.app.cues.total(), 0);
}

/// The fake time and input, noting each cue with the moment it was asked for.
struct Heard<'a> {
    io: &'a mut common::FakeIo,
    cues: Vec<(Duration, Cue)>,
}

impl PlainIo for Heard<'_> {
    fn now(&self) -> Duration {
        self.io.now()
    }
    fn wall(&self) -> attune::store::model::Stamp {
        self.io.wall()
    }
    fn wait(&mut self, deadline: Option<Duration>) -> Option<Input> {
        self.io.wait(deadline)
    }
    fn wait_for_stop(&mut self, deadline: Duration) -> bool {
        self.io.wait_for_stop(deadline)
    }
    fn cue(&mut self, cue: Cue) {
        self.cues.push((self.io.now(), cue));
    }
}

#[test]
fn line_by_line_a_timed_step_cues_once_and_not_when_left_before_its_time() {
    let routine = builtin_routines()
        .into_iter()
        .find(|r| r.id == "tactile")
        .expect("tactile");
    let mut config = attune::config::Config::default();
    config.breathing.sound = Style::Tones;
    let mut cues = Vec::new();
    // On after 25 s (its 20 s were up at 20 s), then on after 5 s of the next 15.
    let script = vec![(25.0, line("")), (30.0, line(""))];
    let r = run_plain_in_store(script, |store, io, out, say| {
        let mut heard = Heard {
            io,
            cues: Vec::new(),
        };
        run_plain(store, &config, &routine, false, &mut heard, out, say).expect("runs");
        cues = heard.cues;
    });
    assert_eq!(cues.len(), 1, "{cues:?}\n{}", r.out);
    assert_eq!(cues[0].0, Duration::from_secs(20));
    assert_eq!((cues[0].1.kind, cues[0].1.style), (CueKind::StepDone, Style::Tones));
}
