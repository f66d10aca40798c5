//! The runner with its effect worker, on a test terminal: effects are performed off the
//! drawing thread, so a slow report shows its loading state and keys pressed meanwhile are
//! answered before the report arrives; leaving waits for every save still queued.

use crate::flow_support::{Rig, stamp};
use attune::clock::Clock;
use attune::service::practice::save_session;
use attune::service::trends::Span;
use attune::store::Store;
use attune::store::model::Session;
use attune::tui::action::{Action, Effect};
use attune::tui::app::{App, Screen};
use attune::tui::runner::{Ended, Msg, Runner};
use attune::tui::worker::{Perform, Worker};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// The real store, except that an all-time report waits for the test to let it go.
struct Slow {
    store: Store,
    started: Sender<()>,
    go: Receiver<()>,
}

impl Perform for Slow {
    fn perform(&self, effect: Effect) -> Action {
        if matches!(
            effect,
            Effect::LoadTrends {
                span: Span::All,
                ..
            }
        ) {
            self.started.send(()).expect("the test listens");
            self.go.recv().expect("the test lets it go");
        }
        attune::tui::effect::perform(&self.store, effect)
    }
}

fn key(c: char) -> Option<Msg> {
    let code = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    Some(Msg::Term(Event::Key(code)))
}

fn screen_text<P: Perform>(runner: &Runner<'_, TestBackend, P>) -> String {
    let buf = runner.terminal().backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Hand the next result the worker sends back to the runner.
fn answer<P: Perform>(runner: &mut Runner<'_, TestBackend, P>, rx: &Receiver<Msg>) {
    let msg = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the worker answers");
    assert!(matches!(msg, Msg::Done(_)), "only results come back here");
    assert_eq!(runner.handle(Some(msg), rx).expect("handles"), None);
}

fn session() -> Session {
    Session {
        practice: "breathe".into(),
        practice_id: "exhale-4-6".into(),
        actual_seconds: 300.0,
        completed: true,
        distress_before: Some(6),
        distress_after: Some(4),
        ..Session::default()
    }
}

#[test]
fn a_slow_report_shows_its_loading_state_and_keys_are_answered_meanwhile() {
    let rig = Rig::from_wall(stamp("2026-11-27", 21));
    for day in ["2026-10-15", "2026-11-24"] {
        save_session(&rig.store, session(), stamp(day, 8), stamp(day, 9)).expect("saves");
    }
    let (started_tx, started) = mpsc::channel();
    let (go, go_rx) = mpsc::channel();
    let slow = Slow {
        store: rig.store.clone(),
        started: started_tx,
        go: go_rx,
    };
    let (tx, rx) = mpsc::channel();
    let worker =
        Worker::spawn(slow, move |a| tx.send(Msg::Done(Box::new(a))).is_ok()).expect("worker");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let app = App::new(Default::default(), false, false);
    let clock = Clock::pinned(stamp("2026-11-27", 21));
    let mut runner = Runner::new(&mut terminal, app, worker, clock).expect("first frame");

    runner.handle(key('t'), &rx).expect("t");
    answer(&mut runner, &rx); // this week's report
    assert!(screen_text(&runner).contains("Nov 2026"));
    runner.handle(key('a'), &rx).expect("a");
    started
        .recv_timeout(Duration::from_secs(30))
        .expect("the all-time report is being read");
    // While it is read, the screen says so, and help opens at once.
    let loading = screen_text(&runner);
    assert!(loading.contains("updating"), "{loading}");
    runner.handle(key('?'), &rx).expect("?");
    assert!(runner.app.help.is_some());
    assert!(screen_text(&runner).contains("Help"), "{}", screen_text(&runner));
    assert!(rx.try_recv().is_err(), "nothing has come back from the report yet");
    go.send(()).expect("let it go");
    answer(&mut runner, &rx);
    let Screen::Trends(view) = &runner.app.screen else {
        panic!("still on trends")
    };
    assert_eq!(view.shown.as_ref().map(|s| s.span), Some(Span::All));
    assert!(!view.loading);
}

#[test]
fn leaving_waits_for_the_saves_still_queued() {
    let rig = Rig::from_wall(stamp("2026-11-27", 21));
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(rig.store.clone(), move |a| tx.send(Msg::Done(Box::new(a))).is_ok())
        .expect("worker");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let app = App::new(Default::default(), false, false);
    let clock = Clock::pinned(stamp("2026-11-27", 21));
    let mut runner = Runner::new(&mut terminal, app, worker, clock).expect("first frame");
    for msg in [
        key('c'),
        key('3'),
        Some(Msg::Term(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)))),
    ] {
        runner.handle(msg, &rx).expect("keys");
    }
    // A signal before the save's answer is read: the runner ends, then finishes.
    let ended = runner.handle(Some(Msg::Signal(15)), &rx).expect("signal");
    assert_eq!(ended, Some(Ended::Signal(15)));
    runner.finish(&rx);
    let live = rig.store.load_all().expect("reads").merged.into_live();
    assert_eq!(live.len(), 1, "the check-in was saved before leaving");
    assert_eq!(runner.app.today.checkins_today, 1, "and its answer was heard");
}

/// With effects answered later, Enter on the closing screen can come before the practice's
/// first save has answered: it waits for that save, then adds the rating to the same
/// record. It never saves the practice twice.
#[test]
fn enter_before_the_first_save_answers_waits_for_it_and_saves_once() {
    let mut rig = Rig::from_wall(stamp("2026-11-27", 21));
    rig.act(Action::OpenBreathe);
    for action in [Action::Begin, Action::Skip] {
        assert_eq!(rig.app.update(action, rig.now()), []);
    }
    // Past the first seconds, so the stopped practice is kept.
    rig.run_to(12.0);
    let save = rig.app.update(Action::Leave, rig.now());
    assert!(matches!(save[..], [Effect::SaveSession { .. }]), "{save:?}");
    assert_eq!(rig.app.update(Action::Digit(3), rig.now()), []);
    assert_eq!(
        rig.app.update(Action::Begin, rig.now()),
        [],
        "Enter waits for the save on its way"
    );
    let saved = attune::tui::effect::perform(&rig.store, save[0].clone());
    let update = rig.app.update(saved, rig.now());
    assert!(matches!(update[..], [Effect::UpdateRecord(_)]), "{update:?}");
    let updated = attune::tui::effect::perform(&rig.store, update[0].clone());
    rig.act(updated);
    assert!(matches!(rig.app.screen, Screen::Home));
    let sessions = rig.store.load_all().expect("reads").merged.into_live();
    assert_eq!(sessions.len(), 1, "one practice, saved once");
    let attune::store::model::Body::Session(s) = &sessions[0].body else {
        panic!("a session")
    };
    assert_eq!(s.distress_after, Some(3));
}

/// Ctrl+S twice before the first save answers: one entry, not two.
#[test]
fn saving_an_entry_twice_quickly_keeps_one_entry() {
    let mut rig = Rig::from_wall(stamp("2026-11-27", 21));
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.keys("a quiet evening");
    let first = rig.app.update(Action::Save, rig.now());
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(
        rig.app.update(Action::Save, rig.now()),
        [],
        "the second Ctrl+S waits for the first"
    );
    let answer = attune::tui::effect::perform(&rig.store, first[0].clone());
    rig.act(answer);
    let live = rig.store.load_all().expect("reads").merged.into_live();
    assert_eq!(live.len(), 1);
}
