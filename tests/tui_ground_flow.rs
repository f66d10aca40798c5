//! Keys in, record out, for the grounding screen: drive `App::update` with key presses
//! through the keymap and a fake monotonic clock, perform effects against a real store
//! in a temp dir, and read back the session records. One routine per kind of step
//! (typed, counted, timed, chosen and rated), keeping words or not, skipping and going
//! back, stopping with Esc, the ratings around a routine, and --no-checkin.

use crate::flow_support::{ORIGIN, Rig};
use attune::tui::action::Action;
use attune::tui::app::{Notice, Screen};
use attune::tui::ground::{Ground, Stage, Steps};
use attune::tui::keymap::Context;
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;

impl Rig {
    fn wait(&mut self, secs: f64) -> &mut Rig {
        self.mono += Duration::from_secs_f64(secs);
        self
    }

    /// From home to the first step of the routine `n` down the list, rating `before`.
    fn start(&mut self, n: usize, before: Option<&str>) -> &mut Rig {
        self.key(KeyCode::Char('g'));
        assert_eq!(self.app.context(), Context::GroundList);
        for _ in 0..n {
            self.key(KeyCode::Down);
        }
        self.key(KeyCode::Enter);
        assert_eq!(self.app.context(), Context::GroundBefore);
        match before {
            Some(digits) => self.keys(digits).key(KeyCode::Enter),
            None => self.key(KeyCode::Tab),
        }
    }

    fn ground(&self) -> &Ground {
        match &self.app.screen {
            Screen::Ground(g) => g,
            other => panic!("not grounding: {other:?}"),
        }
    }

    fn steps(&self) -> &Steps {
        match &self.ground().stage {
            Stage::Steps(s) => s,
            other => panic!("not in a routine: {other:?}"),
        }
    }

    fn step_no(&self) -> usize {
        self.steps().run.index() + 1
    }

    /// Type a line and press Enter.
    fn line(&mut self, text: &str) -> &mut Rig {
        self.keys(text).key(KeyCode::Enter)
    }
}

/// Through 5-4-3-2-1 by keys: five, four, three, two and one things typed.
fn five_four_three_two_one(rig: &mut Rig) {
    rig.start(0, Some("6"));
    assert_eq!(rig.app.context(), Context::GroundRead);
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::GroundTyped);
    for (n, words) in [
        (5, "lamp mug window cat sky"),
        (4, "chair floor air sleeve"),
        (3, "birds fridge traffic"),
        (2, "coffee soap"),
        (1, "mint"),
    ] {
        for w in words.split(' ') {
            rig.wait(2.0).line(w);
        }
        assert_ne!(rig.step_no(), 7 - n, "the step moved on once all were typed");
    }
    assert_eq!(rig.step_no(), 7);
    assert!(rig.records().is_empty(), "nothing saved mid-routine");
    rig.key(KeyCode::Enter);
}

#[test]
fn typed_steps_are_saved_at_once_and_the_words_kept_only_when_chosen() {
    let mut rig = Rig::new();
    five_four_three_two_one(&mut rig);
    // Something was typed, so k (keep it) is offered with the rating.
    assert_eq!(rig.app.context(), Context::GroundClosingKeep);
    assert!(rig.screen(80, 24).contains("k keep words"));
    // Saved the moment it ended: the words are not in it.
    let saved = rig.session();
    assert_eq!(saved.practice, "ground");
    assert_eq!(saved.practice_id, "5-4-3-2-1");
    assert!(saved.completed);
    assert_eq!((saved.steps_total, saved.steps_completed), (Some(7), Some(7)));
    assert!(saved.noticed.is_empty());
    assert_eq!(saved.distress_before, Some(6));
    assert_eq!(saved.actual_seconds, 30.0);
    let first = rig.records()[0].clone();

    rig.key(KeyCode::Char('k')).keys("3").key(KeyCode::Enter);
    let records = rig.records();
    assert_eq!(records.len(), 1, "the same record, updated");
    assert_eq!(records[0].id, first.id);
    let kept = rig.session();
    assert_eq!(kept.noticed.len(), 15);
    assert_eq!(kept.noticed[..2], ["lamp", "mug"]);
    assert_eq!(kept.noticed.last().map(String::as_str), Some("mint"));
    assert_eq!(kept.distress_after, Some(3));
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.notices, vec![Notice::Practised]);
    assert_eq!(rig.app.today.sessions_today, 1);
}

#[test]
fn words_are_not_kept_by_default_and_k_twice_is_not_keeping() {
    for presses in ["", "kk"] {
        let mut rig = Rig::new();
        five_four_three_two_one(&mut rig);
        rig.keys(presses).key(KeyCode::Enter);
        let saved = rig.session();
        assert!(saved.noticed.is_empty(), "{presses:?}: {saved:?}");
        assert_eq!(saved.distress_after, None, "Enter alone skips the rating");
        assert_eq!(rig.app.screen, Screen::Home);
    }
}

#[test]
fn on_a_typed_step_letters_type_backspace_erases_then_goes_back_and_tab_skips() {
    let mut rig = Rig::new();
    rig.start(0, None).key(KeyCode::Enter);
    // s and q are text here; they neither skip nor stop.
    rig.keys("sq").key(KeyCode::Backspace);
    assert_eq!(rig.steps().input, "s");
    rig.key(KeyCode::Enter);
    assert_eq!(rig.steps().run.state().expect("a step").lines, ["s"]);
    // ↑ takes the last line back to change it.
    rig.key(KeyCode::Up).keys("un").key(KeyCode::Enter);
    assert_eq!(rig.steps().run.state().expect("a step").lines, ["sun"]);
    assert_eq!(rig.step_no(), 2);
    rig.key(KeyCode::Tab);
    assert_eq!(rig.step_no(), 3, "Tab skips");
    rig.line("x").key(KeyCode::Backspace); // empty input: back a step
    assert_eq!(rig.step_no(), 2);
    assert_eq!(rig.steps().run.state().expect("a step").lines, ["sun"]);
    rig.key(KeyCode::Backspace).key(KeyCode::Backspace);
    assert_eq!(rig.app.context(), Context::GroundRead, "back to step 1");
    rig.key(KeyCode::Char('s')); // a read step: s skips
    assert_eq!(rig.step_no(), 2);
    // A pasted line break does not add or go on.
    rig.act(Action::Paste("two\nwords".into()));
    assert_eq!(rig.steps().input, "two words");
}

#[test]
fn esc_stops_at_once_and_the_run_is_saved_as_stopped() {
    let mut rig = Rig::new();
    rig.start(0, Some("4")).key(KeyCode::Enter);
    rig.wait(11.0).line("lamp").wait(1.5).key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::GroundClosingKeep);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!(saved.steps_completed, Some(1));
    assert_eq!(saved.actual_seconds, 12.5);
    assert!(saved.noticed.is_empty());
    // Esc again: home, nothing more asked.
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.session().distress_after, None);
}

#[test]
fn out_breaths_are_counted_and_their_rate_kept() {
    let mut rig = Rig::new();
    rig.start(1, None).key(KeyCode::Char(' '));
    assert_eq!(rig.app.context(), Context::GroundCount);
    for _ in 0..12 {
        rig.wait(5.0).key(KeyCode::Char(' '));
    }
    assert_eq!(rig.steps().run.count_shown(), 3, "9, then round again");
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    let saved = rig.session();
    assert_eq!(saved.exhale_count, Some(12));
    let rate = saved.exhale_rate.expect("a rate");
    assert!((rate - 12.0).abs() < 0.01, "{rate}");
    assert!(saved.completed);
    assert_eq!(rig.app.deadline(), None, "counting asks for no wake-ups");
}

#[test]
fn a_timed_step_asks_for_time_only_while_its_line_grows_and_never_moves_on() {
    let mut rig = Rig::new();
    rig.act(Action::Resize(80, 24));
    rig.start(2, None);
    assert_eq!(rig.app.deadline(), None, "a read step is still");
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::GroundTimed);
    // 40 seconds over a 60-cell line: a change every 2/3 s, never more than 4 a second.
    let mut wakes = 0;
    while let Some(at) = rig.app.deadline() {
        assert!(at >= rig.mono + Duration::from_millis(250), "{at:?}");
        rig.mono = at;
        rig.act(Action::Tick);
        wakes += 1;
        assert!(wakes < 100, "too many wake-ups");
    }
    assert!((55..=65).contains(&wakes), "{wakes} wake-ups in 40 s");
    assert!(rig.mono >= ORIGIN + Duration::from_secs(40));
    assert_eq!(rig.app.context(), Context::GroundTimed, "it waits for the user");
    rig.wait(60.0).act(Action::Tick);
    assert_eq!(rig.step_no(), 2);
    // Help over the line: no wake-ups while it covers it.
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(rig.app.deadline().is_some());
    rig.key(KeyCode::Char('?'));
    assert_eq!(rig.app.deadline(), None);
    rig.key(KeyCode::Esc)
        .key(KeyCode::Char('s'))
        .key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::GroundClosing);
    let saved = rig.session();
    assert_eq!((saved.steps_completed, saved.steps_total), (Some(4), Some(5)));
}

#[test]
fn words_chosen_in_name_it_are_kept_unless_let_go_and_the_closing_names_them() {
    for keep in [false, true] {
        let mut rig = Rig::new();
        rig.start(4, Some("5"));
        assert_eq!(rig.app.context(), Context::GroundChoose);
        rig.key(KeyCode::Down).key(KeyCode::Enter); // the second sensation word
        assert_eq!(rig.app.context(), Context::GroundChoose);
        // Up from the first word stays there; the last row adds a word of one's own.
        for _ in 0..60 {
            rig.key(KeyCode::Down);
        }
        rig.key(KeyCode::Enter);
        assert_eq!(rig.app.context(), Context::GroundOwnWord);
        rig.keys("Wobbly s")
            .key(KeyCode::Backspace)
            .key(KeyCode::Enter);
        assert_eq!(rig.app.context(), Context::GroundRate);
        rig.keys("10").key(KeyCode::Enter).key(KeyCode::Enter);
        assert_eq!(rig.app.context(), Context::GroundClosingKeep);
        // Named, not typed: the names are the point of the routine, kept unless let go.
        let closing = rig.screen(80, 24);
        assert!(
            closing.contains("You named:") && closing.contains("wobbly (10 of 10)."),
            "{closing}"
        );
        assert!(closing.contains("[x]"), "{closing}");
        if !keep {
            rig.key(KeyCode::Char('k'));
        }
        rig.keys("2").key(KeyCode::Enter);
        let saved = rig.session();
        let want_words = attune::content::sensation_words()[1].clone();
        match keep {
            true => {
                assert_eq!(saved.noticed, [want_words, "wobbly".to_string()]);
                assert_eq!(saved.intensity, Some(10));
            }
            false => assert!(saved.noticed.is_empty() && saved.intensity.is_none()),
        }
        assert_eq!((saved.distress_before, saved.distress_after), (Some(5), Some(2)));
    }
}

#[test]
fn no_checkin_skips_both_ratings() {
    let mut rig = Rig::new();
    let now = rig.now();
    rig.app.open_ground(Some("exhale-count"), false, now);
    assert_eq!(rig.app.context(), Context::GroundRead, "straight to the routine");
    rig.key(KeyCode::Enter)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Enter);
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::GroundDone);
    rig.keys("5");
    rig.key(KeyCode::Enter);
    let saved = rig.session();
    assert_eq!((saved.distress_before, saved.distress_after), (None, None));
    assert_eq!(saved.exhale_count, Some(1));
    assert_eq!(saved.exhale_rate, None, "one press gives no rate");
}

#[test]
fn the_closing_screen_opens_a_check_in_or_another_routine_after_saving() {
    let mut rig = Rig::new();
    rig.start(4, Some("3"));
    rig.key(KeyCode::Char('s'))
        .key(KeyCode::Char('s'))
        .key(KeyCode::Char('s'));
    rig.key(KeyCode::Enter);
    rig.keys("6").key(KeyCode::Char('c'));
    assert_eq!(rig.app.context(), Context::CheckinScale);
    let saved = rig.session();
    assert_eq!(saved.distress_after, Some(6));
    assert_eq!(saved.steps_completed, Some(1));

    let mut rig = Rig::new();
    rig.start(4, Some("3"))
        .wait(12.0)
        .key(KeyCode::Esc)
        .keys("9");
    assert!(matches!(&rig.ground().stage, Stage::Closing(c) if c.offer()));
    rig.key(KeyCode::Char('g'));
    assert_eq!(rig.app.context(), Context::GroundList);
    assert_eq!(rig.session().distress_after, Some(9));
}

#[test]
fn quitting_mid_routine_saves_it_as_stopped() {
    let mut rig = Rig::new();
    rig.start(0, None).wait(12.0);
    rig.act(Action::Quit);
    assert!(rig.app.quit);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!(saved.actual_seconds, 12.0);
}

#[test]
fn a_routine_stopped_in_its_first_seconds_is_not_a_practice_and_says_so() {
    let mut rig = Rig::new();
    rig.start(0, Some("6")).wait(4.0).key(KeyCode::Esc);
    // Nothing to rate or keep: nothing was saved.
    assert_eq!(rig.app.context(), Context::GroundDone);
    let closing = rig.screen(80, 24);
    assert!(
        closing.contains("Stopped in its first few seconds, so nothing was saved."),
        "{closing}"
    );
    assert!(!closing.contains("Distress now?"), "{closing}");
    assert!(rig.records().is_empty());
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
    assert!(rig.records().is_empty());
    // Quitting that soon keeps nothing either.
    rig.start(0, None).wait(2.0);
    rig.act(Action::Quit);
    assert!(rig.app.quit && rig.records().is_empty());
}

#[test]
fn j_on_a_grounding_closing_screen_writes_about_it_linked_to_the_practice() {
    let mut rig = Rig::new();
    rig.start(0, Some("6")).wait(30.0).key(KeyCode::Esc);
    assert!(rig.screen(80, 24).contains("j write about it"));
    rig.keys("3j");
    assert_eq!(rig.app.context(), Context::JournalWrite);
    rig.keys("steadier");
    rig.key_with(KeyCode::Char('s'), ratatui::crossterm::event::KeyModifiers::CONTROL);
    let records = rig.records();
    let session = records
        .iter()
        .find(|r| matches!(&r.body, attune::store::model::Body::Session(_)))
        .expect("the practice");
    let attune::store::model::Body::Session(s) = &session.body else {
        unreachable!()
    };
    assert_eq!(s.distress_after, Some(3), "the rating given first is kept");
    let entry = records
        .iter()
        .find_map(|r| match &r.body {
            attune::store::model::Body::Journal(j) => Some(j),
            _ => None,
        })
        .expect("the entry");
    assert_eq!(entry.session_id, Some(session.id));
}

#[test]
fn g_on_a_breathing_closing_screen_opens_grounding_after_saving_the_rating() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter).keys("2");
    rig.key(KeyCode::Enter).wait(10.0).key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    rig.keys("6").key(KeyCode::Char('g'));
    assert_eq!(rig.app.context(), Context::GroundList);
    assert_eq!(rig.session().distress_after, Some(6));
}

#[test]
fn home_offers_grounding_after_a_hard_check_in() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('c')).keys("9").key(KeyCode::Enter);
    assert_eq!(rig.app.notices, vec![Notice::Thanks, Notice::HelpIsNear]);
    rig.key(KeyCode::Char('g'));
    assert_eq!(rig.app.context(), Context::GroundList);
}
