//! Keys in, record out, for the breathing practice: drive `App::update` with key presses
//! through the keymap and a fake monotonic clock that moves from deadline to deadline as
//! the event loop would, perform effects against a real store in a temp dir, and read back
//! the session records. No terminal, no real clock.

use crate::flow_support;

use crate::flow_support::{ORIGIN, Rig, secs};
use attune::content::builtin_patterns;
use attune::domain::breathing::{PhaseKind, Schedule};
use attune::service::practice::{plan, save_session};
use attune::sound::{Cue, CueKind, Style};
use attune::store::layout::Layout;
use attune::store::model::Session;
use attune::tui::action::Action;
use attune::tui::app::{Notice, Screen};
use attune::tui::breathe::run::{Run, RunNote};
use attune::tui::breathe::{Breathe, PreviewNote, Stage};
use attune::tui::keymap::Context;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl Rig {
    fn breathe(&self) -> &Breathe {
        match &self.app.screen {
            Screen::Breathe(b) => b,
            other => panic!("not breathing: {other:?}"),
        }
    }

    fn run(&self) -> &Run {
        match &self.breathe().stage {
            Stage::Pacing(run) => run,
            other => panic!("not pacing: {other:?}"),
        }
    }
}

#[test]
fn a_whole_session_from_keys_to_record() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'));
    assert_eq!(rig.app.context(), Context::BreathePreview);
    assert_eq!(rig.breathe().plan.pattern.id, "exhale-4-6");
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::BreatheBefore);
    rig.keys("6").key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::BreathePacing);
    let schedule = Schedule::new(&rig.breathe().plan.pattern, secs(300.0));

    rig.run_to(299.9);
    assert_eq!(rig.app.context(), Context::BreathePacing, "not over yet");
    assert!(rig.records().is_empty(), "nothing saved before the end");
    rig.run_to(300.0);
    // Saved the moment it ended, before any rating after.
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    let saved = rig.session();
    assert_eq!(saved.practice, "breathe");
    assert_eq!(saved.practice_id, "exhale-4-6");
    assert_eq!(saved.planned_seconds, Some(300.0));
    assert_eq!(saved.actual_seconds, 300.0);
    assert!(saved.completed);
    assert_eq!(saved.breaths, Some(schedule.breaths_at(schedule.end())));
    assert_eq!(saved.breaths, Some(30));
    assert_eq!((saved.distress_before, saved.distress_after), (Some(6), None));
    let first = rig.records()[0].clone();

    rig.run_to(320.0).keys("3").key(KeyCode::Enter);
    let records = rig.records();
    assert_eq!(records.len(), 1, "the same record, not a second one");
    assert_eq!(records[0].id, first.id);
    assert!(records[0].updated_at > first.updated_at);
    assert_eq!(rig.session().distress_after, Some(3));
    assert_eq!(rig.session().distress_before, Some(6));

    // Home, thanked, and the practice counts in today.
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.notices, vec![Notice::Practised]);
    assert_eq!(rig.app.today.sessions_today, 1);
    assert_eq!(rig.app.today.practice_minutes_today(), 5);
    assert_eq!(rig.app.deadline(), None, "nothing animates at home");
}

#[test]
fn esc_mid_session_stops_at_once_and_saves_what_was_done() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter);
    rig.key(KeyCode::Tab); // skip the rating before
    rig.run_to(23.5).key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!(saved.actual_seconds, 23.5);
    assert_eq!(saved.breaths, Some(2));
    assert_eq!(saved.distress_before, None);
    // Esc again: home without a rating after; today counts the 23.5 s.
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.today.sessions_today, 1);
    assert_eq!(rig.app.today.practice_seconds_today, 23.5);
    assert_eq!(rig.session().distress_after, None);
}

#[test]
fn q_stops_too_and_distress_clearly_higher_after_is_named_gently() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter);
    rig.keys("3").key(KeyCode::Enter);
    rig.run_to(12.0).keys("q");
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    rig.keys("5").key(KeyCode::Enter);
    assert_eq!(rig.app.notices, vec![Notice::HigherAfter]);
    assert_eq!(rig.session().distress_after, Some(5));
}

#[test]
fn pause_shifts_the_end_by_exactly_the_paused_time() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(12.0);
    let before = rig.run().position(rig.mono);
    rig.key(KeyCode::Char(' '));
    assert!(rig.run().paused());
    assert_eq!(rig.app.deadline(), None, "a paused pacer asks for no wake-ups");
    rig.mono = ORIGIN + secs(19.25);
    assert_eq!(rig.run().position(rig.mono), before, "nothing moves while paused");
    rig.key(KeyCode::Char(' '));
    assert!(!rig.run().paused());
    rig.run_to(300.0 + 7.25 - 0.001);
    assert_eq!(rig.app.context(), Context::BreathePacing);
    rig.run_to(307.25);
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    let saved = rig.session();
    assert!(saved.completed);
    assert_eq!(saved.actual_seconds, 300.0, "paused time is not practice time");
}

#[test]
fn left_and_right_change_the_pace_at_the_next_breath_within_the_bounds() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(2.0).key(KeyCode::Left);
    assert_eq!(rig.run().note, Some(RunNote::Slower));
    // This breath goes on as it was: out for 6 s from 4 s to 10 s.
    rig.run_to(5.0);
    let pos = rig.run().position(rig.mono);
    assert_eq!((pos.phase, pos.phase_len), (PhaseKind::Out, secs(6.0)));
    // The next breath is 10% slower.
    rig.run_to(10.5);
    let pos = rig.run().position(rig.mono);
    assert_eq!((pos.phase, pos.phase_len), (PhaseKind::In, secs(4.4)));
    assert_eq!(rig.run().current.exhale, 6.6);

    // 4 s in may grow to at most 7 s: four more steps slower, and the fifth is refused.
    for _ in 0..4 {
        rig.key(KeyCode::Left);
        assert_eq!(rig.run().note, Some(RunNote::Slower));
    }
    rig.key(KeyCode::Left);
    assert_eq!(rig.run().note, Some(RunNote::SlowestAlready));
    assert_eq!(rig.run().slower, 5);
    // Quicker: at most 10 breaths a minute, 5 steps quicker than the pattern.
    for _ in 0..10 {
        rig.key(KeyCode::Right);
        assert_eq!(rig.run().note, Some(RunNote::Quicker));
    }
    rig.key(KeyCode::Right);
    assert_eq!(rig.run().note, Some(RunNote::QuickestAlready));
    assert_eq!(rig.run().slower, -5);
    rig.run_to(40.0);
    assert!(rig.run().current.check().is_ok());
    assert!(rig.run().current.breaths_per_minute() <= 10.0);
    rig.key(KeyCode::Esc);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!(saved.actual_seconds, 40.0);
}

/// Follow my breath from the preview, tapping every 7 seconds.
fn following(rig: &mut Rig) {
    rig.key(KeyCode::Char('b')).keys("f");
    assert!(rig.breathe().plan.follow);
    rig.key(KeyCode::Enter).key(KeyCode::Tab);
    assert_eq!(rig.app.context(), Context::BreatheListen);
    for i in 0..6 {
        rig.run_to(f64::from(i) * 7.0).key(KeyCode::Char(' '));
    }
    let Stage::Listen(listen) = &rig.breathe().stage else {
        panic!("still on the listening screen, showing the pace")
    };
    assert!(listen.heard.is_some());
    let lead = listen
        .lead
        .as_ref()
        .expect("listening is over after 5 breaths");
    assert!((lead.start_rate() - 60.0 / 7.0).abs() < 1e-9);
}

#[test]
fn follow_my_breath_starts_at_the_measured_pace_and_leads_on() {
    let mut rig = Rig::new();
    following(&mut rig);
    // Pacing begins at 100 s; breaths are then timed from there.
    rig.run_to(100.0).key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::BreatheFollow);
    let at = |rig: &mut Rig, t: f64| {
        rig.run_to(100.0 + t);
        let p = &rig.run().current;
        (p.inhale, p.exhale)
    };
    // Measured 7 s breaths: in 3.15, out 3.85.
    assert_eq!(at(&mut rig, 1.0), (3.15, 3.85));
    // Two breaths (to 14 s), then the out-breath grows by 0.5 s from the next one (21 s).
    assert_eq!(at(&mut rig, 20.9), (3.15, 3.85));
    assert_eq!(at(&mut rig, 21.5), (3.15, 4.35));
    // Two more (21 s and 28.5 s), and the next step begins at 36 s.
    assert_eq!(at(&mut rig, 35.9), (3.15, 4.35));
    assert_eq!(at(&mut rig, 36.5), (3.15, 4.85));

    // ↑ holds this pace through the breaths at 44 s and 52 s.
    rig.key(KeyCode::Up);
    assert_eq!(rig.run().note, Some(RunNote::Holding));
    assert_eq!(at(&mut rig, 61.0), (3.15, 4.85));
    // ↓ steps back one step, from the next breath (68 s).
    rig.key(KeyCode::Down);
    assert_eq!(rig.run().note, Some(RunNote::SteppedBack));
    assert_eq!(at(&mut rig, 67.9), (3.15, 4.85));
    assert_eq!(at(&mut rig, 68.5), (3.15, 4.35));
    // ←→ belong to plain pacing; here they change nothing.
    rig.key(KeyCode::Left);
    assert_eq!(rig.run().slower, 0);

    rig.run_to(170.0).key(KeyCode::Esc);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!(saved.actual_seconds, 70.0);
    // Breaths ended at 7, 14, 21, 28.5, 36, 44, 52, 60 and 68 s.
    assert_eq!(saved.breaths, Some(9));
    let start = saved.start_rate.expect("start rate recorded");
    let reached = saved.reached_rate.expect("reached rate recorded");
    assert!((start - 60.0 / 7.0).abs() < 1e-9, "{start}");
    assert!((reached - 60.0 / 7.5).abs() < 1e-9, "{reached}");
}

#[test]
fn listening_ends_after_a_minute_and_starts_at_an_easy_pace() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .keys("f")
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(1.0).key(KeyCode::Char(' '));
    rig.run_to(5.0).key(KeyCode::Char(' '));
    assert_eq!(rig.app.deadline(), Some(ORIGIN + secs(60.0)));
    rig.run_to(59.9);
    assert!(matches!(&rig.breathe().stage, Stage::Listen(l) if l.lead.is_none()));
    rig.run_to(60.0);
    let Stage::Listen(listen) = &rig.breathe().stage else {
        panic!("listening")
    };
    assert!(listen.heard.is_none());
    assert_eq!(
        listen
            .lead
            .as_ref()
            .map(attune::domain::breathing::follow::Lead::start_rate),
        Some(10.0)
    );
    assert_eq!(rig.app.deadline(), None, "waiting for Enter uses no timer");
    // Esc goes back to the preview; nothing was practised, so nothing is saved.
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::BreathePreview);
    assert!(rig.records().is_empty());
}

#[test]
fn no_checkin_skips_both_ratings() {
    let mut rig = Rig::new();
    let all = builtin_patterns();
    let plan = plan(&all, "sigh", 1.0, false, 0).expect("plan");
    let now = rig.now();
    let first = rig
        .app
        .open_breathe(Some(plan), false, now.wall.date_naive());
    attune::tui::effect::settle(&mut rig.app, &rig.store, first.into_iter().collect(), now);
    assert_eq!(rig.breathe().plan.pattern.id, "sigh");
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::BreathePacing, "no rating before");
    rig.run_to(2.5);
    assert_eq!(rig.run().position(rig.mono).phase, PhaseKind::TopUp);
    // Seven 9 s sighs make the minute: 63 s.
    rig.run_to(62.9);
    assert_eq!(rig.app.context(), Context::BreathePacing);
    rig.run_to(63.0);
    assert_eq!(rig.app.context(), Context::BreatheDone, "no rating after");
    rig.keys("5").key(KeyCode::Enter);
    let saved = rig.session();
    assert!(saved.completed);
    assert_eq!(saved.breaths, Some(7));
    assert_eq!((saved.distress_before, saved.distress_after), (None, None));
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.today.sessions_today, 1);
}

#[test]
fn ctrl_c_mid_session_saves_it_as_stopped_early_and_quits() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(31.0);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = rig.app.action_for_key(&ctrl_c).expect("Ctrl+C quits");
    rig.act(action);
    assert!(rig.app.quit);
    let saved = rig.session();
    assert!(!saved.completed);
    assert_eq!((saved.actual_seconds, saved.breaths), (31.0, Some(3)));
}

/// Let time pass to `t` as the event loop does, noting each cue as it is asked for:
/// (seconds after the origin, kind, phase length in seconds).
fn cues_until(rig: &mut Rig, t: f64, heard: &mut Vec<(f64, Cue)>) {
    let target = rig.origin + secs(t);
    loop {
        let seen = rig.app.cues.total();
        let next = rig
            .app
            .deadline()
            .map(|at| at.max(rig.last_frame + flow_support::FRAME));
        match next {
            Some(at) if at <= target => {
                (rig.mono, rig.last_frame) = (at, at);
                rig.act(Action::Tick);
            }
            _ => {
                rig.mono = target;
                rig.act(Action::Tick);
            }
        }
        let at = (rig.mono - rig.origin).as_secs_f64();
        heard.extend(rig.app.cues.since(seen).map(|c| (at, *c)));
        if rig.mono >= target {
            return;
        }
    }
}

fn kinds(heard: &[(f64, Cue)]) -> Vec<(CueKind, f64)> {
    heard
        .iter()
        .map(|(_, c)| (c.kind, (c.length.as_secs_f64() * 100.0).round() / 100.0))
        .collect()
}

#[test]
fn each_phase_boundary_asks_for_one_cue_in_the_chosen_style_lasting_its_phase() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).keys("s");
    assert_eq!(rig.breathe().sound, Style::Tones);
    let mut heard = Vec::new();
    rig.key(KeyCode::Enter).key(KeyCode::Tab);
    heard.extend(rig.app.cues.since(0).map(|c| (0.0, *c)));
    cues_until(&mut rig, 20.5, &mut heard);
    assert_eq!(
        kinds(&heard),
        [
            (CueKind::In, 4.0),
            (CueKind::Out, 6.0),
            (CueKind::In, 4.0),
            (CueKind::Out, 6.0),
            (CueKind::In, 4.0)
        ]
    );
    assert!(heard.iter().all(|(_, c)| c.style == Style::Tones));
    // Asked for at the boundary itself (the event loop wakes for it), never before.
    for ((at, _), want) in heard.iter().zip([0.0, 4.0, 10.0, 14.0, 20.0]) {
        assert!(*at >= want && *at - want < 0.05, "{at} for {want}");
    }
    // A slower pace: the next breath's cues last its longer phases, same notes.
    rig.key(KeyCode::Left);
    heard.clear();
    cues_until(&mut rig, 40.9, &mut heard);
    assert_eq!(kinds(&heard), [(CueKind::Out, 6.0), (CueKind::In, 4.4), (CueKind::Out, 6.6)]);
}

#[test]
fn holds_have_their_cue_the_end_its_chime_and_a_stop_only_quiet() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'));
    while rig.breathe().plan.pattern.id != "box-4" {
        rig.key(KeyCode::Down);
    }
    rig.keys("ss");
    for _ in 0..10 {
        rig.key(KeyCode::Left);
    }
    assert_eq!(rig.breathe().sound, Style::Pulses);
    // A minute of 16 s breaths: four of them, 64 s.
    assert_eq!(rig.breathe().plan.planned, secs(64.0));
    rig.key(KeyCode::Enter).key(KeyCode::Tab);
    let mut heard: Vec<(f64, Cue)> = rig.app.cues.since(0).map(|c| (0.0, *c)).collect();
    cues_until(&mut rig, 64.5, &mut heard);
    let got = kinds(&heard);
    assert_eq!(
        got[..5],
        [
            (CueKind::In, 4.0),
            (CueKind::Hold, 4.0),
            (CueKind::Out, 4.0),
            (CueKind::Hold, 4.0),
            (CueKind::In, 4.0)
        ]
    );
    assert_eq!(got.last(), Some(&(CueKind::End, 0.0)), "{got:?}");
    assert_eq!(got.iter().filter(|(k, _)| *k == CueKind::End).count(), 1);
    assert_eq!(rig.app.context(), Context::BreatheClosing);

    // Stopped with Esc: no chime, only quiet for whatever is still sounding.
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .keys("s")
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    let mut heard = Vec::new();
    cues_until(&mut rig, 5.0, &mut heard);
    let before = rig.app.cues.total();
    rig.key(KeyCode::Esc);
    let after: Vec<CueKind> = rig.app.cues.since(before).map(|c| c.kind).collect();
    assert_eq!(after, [CueKind::Hush]);
}

#[test]
fn sound_off_asks_for_nothing_and_the_bell_style_is_a_cue_like_the_others() {
    for presses in [0, 4] {
        let mut rig = Rig::new();
        rig.key(KeyCode::Char('b'));
        for _ in 0..presses {
            rig.keys("s");
        }
        rig.key(KeyCode::Enter).key(KeyCode::Tab);
        rig.run_to(10.5);
        if presses == 0 {
            assert_eq!(rig.app.cues.total(), 0);
        } else {
            assert_eq!(rig.breathe().sound, Style::Bell);
            // In at 0 s, out at 4 s, in at 10 s: one bell, two, one.
            let bells: Vec<usize> = rig.app.cues.since(0).map(Cue::bells).collect();
            assert_eq!(bells, [1, 2, 1]);
        }
    }
}

#[test]
fn with_a_sound_the_preview_says_eyes_closed_is_fine_and_how_to_stop_by_touch() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'));
    let off = rig.screen(80, 24);
    assert!(off.contains("open or closed, as you like"), "{off}");
    rig.keys("s");
    let on = rig.screen(80, 24);
    assert!(on.contains("soft tones, rising in and falling out"), "{on}");
    assert!(on.contains("closed is fine: follow the sound"), "{on}");
    assert!(on.contains("Space pauses and Esc stops"), "{on}");
    let small = rig.screen(40, 12);
    assert!(small.contains("sound tones"), "{small}");
}

#[test]
fn when_the_bell_stood_in_the_closing_screen_says_so_once() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .keys("s")
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(12.0).act(Action::SoundFellBack);
    rig.key(KeyCode::Esc);
    let screen = rig.screen(80, 24);
    assert_eq!(screen.matches("the terminal bell stood in").count(), 1, "{screen}");
}

#[test]
fn help_over_the_pacer_pauses_it() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(3.0).keys("?");
    assert_eq!(rig.app.context(), Context::Help);
    assert_eq!(rig.app.deadline(), None);
    rig.key(KeyCode::Esc);
    assert!(rig.run().paused(), "still paused: Space goes on");
    assert_eq!(rig.app.context(), Context::BreathePacing);
}

#[test]
fn the_preview_chooses_pattern_length_follow_and_sound() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'));
    rig.key(KeyCode::Right).key(KeyCode::Right).keys("-");
    assert_eq!(rig.breathe().minutes, 6);
    assert_eq!(rig.breathe().plan.planned, secs(360.0));
    for _ in 0..4 {
        rig.key(KeyCode::Down);
    }
    assert_eq!(rig.breathe().plan.pattern.id, "box-4");
    assert!(rig.breathe().plan.hold_note, "first use of holds");
    rig.keys("f");
    assert_eq!(rig.breathe().note, Some(PreviewNote::FollowNeedsNoHolds));
    assert!(!rig.breathe().plan.follow);
    rig.key(KeyCode::Up).keys("f").key(KeyCode::Down);
    assert_eq!(rig.breathe().note, Some(PreviewNote::FollowTurnedOff));
    rig.keys("s");
    assert_eq!(rig.breathe().sound, Style::Tones);
    for _ in 0..100 {
        rig.key(KeyCode::Left);
    }
    assert_eq!(rig.breathe().minutes, 1);
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
}

#[test]
fn four_seven_eight_is_capped_until_practised() {
    let mut rig = Rig::new();
    let open = |rig: &mut Rig| {
        rig.key(KeyCode::Char('b'));
        while rig.breathe().plan.pattern.id != "4-7-8" {
            rig.key(KeyCode::Down);
        }
        let plan = rig.breathe().plan.clone();
        rig.key(KeyCode::Esc);
        plan
    };
    let new = open(&mut rig);
    assert!(new.capped && new.hold_note);
    assert_eq!(new.planned, secs(4.0 * 19.0));
    // Three recent sessions of 4-7-8, read from the store when the preview opens.
    let session = Session {
        practice: "breathe".into(),
        practice_id: "4-7-8".into(),
        actual_seconds: 76.0,
        completed: true,
        ..Session::default()
    };
    for _ in 0..3 {
        save_session(&rig.store, session.clone(), rig.now().wall, rig.now().wall).expect("save");
    }
    let practised = open(&mut rig);
    assert!(!practised.capped && !practised.hold_note);
}

#[test]
fn opening_with_a_plan_from_the_command_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let all = builtin_patterns();
    let plan = plan(&all, "box-4", 2.0, false, 0).expect("plan");
    let (app, _store) = attune::tui::start(attune::tui::Options {
        layout: Layout::new(tmp.path().join("data"), tmp.path().join("state")),
        color: false,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(flow_support::morning()),
        start: attune::tui::Start::Breathe {
            plan: plan.clone(),
            checkin: false,
            sound: None,
            heart: None,
        },
    })
    .expect("starts");
    let Screen::Breathe(b) = &app.screen else {
        panic!("opens on breathing")
    };
    assert_eq!(b.plan, plan);
    assert_eq!(b.minutes, 2);
    assert!(!b.checkin);
}

#[test]
fn a_failed_save_is_said_calmly_and_enter_tries_again() {
    let mut rig = Rig::new();
    // A file where this device's records folder should be: the save cannot be made.
    // (A month file attune cannot read no longer stops a save: it goes beside it.)
    let dir = rig.store.layout().device_dir(rig.store.device());
    std::fs::create_dir_all(dir.parent().expect("records folder")).expect("records folder");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).expect("clear the device folder");
    }
    std::fs::write(&dir, "not a folder").expect("write");
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(15.0).key(KeyCode::Esc);
    let Stage::Closing(closing) = &rig.breathe().stage else {
        panic!("on the closing screen")
    };
    assert!(closing.error.is_some() && closing.record.is_none());
    // Once the folder can be made again, Enter saves it, with the rating after.
    std::fs::remove_file(&dir).expect("remove");
    rig.keys("2").key(KeyCode::Enter);
    let saved = rig.session();
    assert_eq!((saved.actual_seconds, saved.distress_after), (15.0, Some(2)));
    assert_eq!(rig.app.screen, Screen::Home);
}

/// The "N:NN left" on the pacing screen, as seconds.
fn shown_left(rig: &Rig) -> Option<u64> {
    let screen = rig.screen(80, 24);
    let at = screen.find(" left")?;
    let clock = screen[..at].rsplit(' ').next()?;
    let (m, s) = clock.split_once(':')?;
    Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
}

#[test]
fn time_left_never_jumps_while_paused_or_when_the_pace_changes() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    rig.run_to(2.0);
    assert_eq!(shown_left(&rig), Some(298));
    assert!(rig.screen(80, 24).contains("Space pause"));
    // Paused, a pace change waits for the next breath, and the time left stays put.
    rig.key(KeyCode::Char(' '))
        .key(KeyCode::Left)
        .key(KeyCode::Left);
    rig.run_to(9.0);
    assert_eq!(shown_left(&rig), Some(298));
    let screen = rig.screen(80, 24);
    assert!(screen.contains("Space go on"), "{screen}");
    assert!(!screen.contains("Space pause"), "{screen}");
    rig.key(KeyCode::Char(' '));
    assert!(rig.screen(80, 24).contains("Space pause"));
    // From here it falls one second a second, through pace changes either way.
    let mut last = shown_left(&rig).expect("time left shown");
    for step in 1..=700 {
        if step % 50 == 0 {
            rig.key(if step % 100 == 0 {
                KeyCode::Right
            } else {
                KeyCode::Left
            });
        }
        rig.run_to(9.0 + f64::from(step) * 0.5);
        let Some(left) = shown_left(&rig) else {
            break;
        };
        let fell = last - left;
        assert!(fell <= 1, "from {last} to {left} at step {step}");
        last = left;
    }
    assert_eq!(last, 1, "down to the last second");
}

#[test]
fn the_last_breath_is_named_once_the_planned_time_is_up() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    // Slower from 2 s: the planned 5 minutes end inside a breath, which finishes.
    rig.run_to(2.0).key(KeyCode::Left);
    rig.run_to(300.0);
    assert_eq!(rig.app.context(), Context::BreathePacing);
    let screen = rig.screen(80, 24);
    assert!(screen.contains("the last one"), "{screen}");
}

#[test]
fn listening_counts_the_first_tap_and_says_the_pace_as_heard() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b'))
        .keys("f")
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    assert!(rig.screen(80, 24).contains("No taps yet."));
    rig.key(KeyCode::Char(' '));
    let screen = rig.screen(80, 24);
    assert!(screen.contains("1 tap · breathe out again and tap"), "{screen}");
    // Every 4 s: 15 a minute, and pacing starts at the quickest safe pace, 10.
    for i in 1..6 {
        rig.run_to(f64::from(i) * 4.0).key(KeyCode::Char(' '));
    }
    let screen = rig.screen(80, 24);
    assert!(screen.contains("You breathe about 15 a minute; we'll start at 10."), "{screen}");
}

#[test]
fn the_preview_says_when_the_chosen_sound_cannot_play_here() {
    let mut rig = Rig::new();
    rig.app.sound_missing = vec![Style::Voice];
    rig.key(KeyCode::Char('b')).keys("ss");
    assert!(!rig.screen(80, 24).contains("will stand in"), "pulses can play");
    rig.keys("s");
    let screen = rig.screen(80, 24);
    assert!(
        screen.contains("No speech program was found, so the terminal bell will stand in."),
        "{screen}"
    );
}

#[test]
fn with_a_sound_the_small_preview_keeps_how_to_pause_and_stop() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).keys("s");
    let small = rig.screen(40, 12);
    assert!(small.contains("Eyes closed: Space pauses, Esc stops."), "{small}");
}

#[test]
fn a_practice_stopped_in_its_first_seconds_is_not_saved_and_says_so_kindly() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter).keys("5");
    rig.key(KeyCode::Enter).run_to(4.0).key(KeyCode::Esc);
    // Nothing to rate: the closing says what happened, and nothing is stored.
    assert_eq!(rig.app.context(), Context::BreatheDone);
    let closing = rig.screen(80, 24);
    assert!(
        closing.contains("Stopped in its first few seconds, so nothing was saved."),
        "{closing}"
    );
    assert!(closing.contains("It is here whenever you want it."), "{closing}");
    assert!(!closing.contains("And now?"), "{closing}");
    assert!(rig.records().is_empty());
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.notices, vec![Notice::LetGo]);
    assert!(rig.screen(80, 24).contains("nothing was saved"));
    assert!(rig.records().is_empty());
}

#[test]
fn past_its_first_ten_seconds_a_stopped_practice_is_kept_as_stopped_early() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter).keys("5");
    rig.key(KeyCode::Enter).run_to(10.5).key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    let kept = rig.session();
    assert!(!kept.completed);
    assert!(kept.actual_seconds >= 10.0, "{}", kept.actual_seconds);
    assert_eq!(kept.distress_before, Some(5));
}
