//! The heart beside the full-screen pacer: beats in as the event loop would hand them
//! over (each at its own moment on the fake clock), the heart rows on the screen, and the
//! reading kept with the session. No terminal, no real clock.

use crate::flow_support::Rig;
use attune::service::heart_source::Event;
use attune::tui::action::Action;
use attune::tui::app::Screen;
use attune::tui::breathe::Stage;
use attune::tui::breathe::heart::Link;
use ratatui::crossterm::event::KeyCode;

/// A rig with a heart source, on a one-minute 4-6 practice begun without a rating.
fn begun() -> Rig {
    let mut rig = Rig::new();
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.key(KeyCode::Char('b'));
    for _ in 0..4 {
        rig.key(KeyCode::Left);
    }
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    assert!(matches!(
        rig.app.screen,
        Screen::Breathe(ref b) if matches!(b.stage, Stage::Pacing(_))
    ));
    rig
}

/// Beats of a heart swinging ±50 ms with the 10 s breath, each handed over at the moment
/// it arrives, from `from` to `to` seconds after the rig's origin.
fn beat(rig: &mut Rig, from: f64, to: f64) {
    let begun = from;
    let mut t = from;
    while t < to {
        let rr = 1000.0 + 50.0 * (std::f64::consts::TAU * 0.1 * (t - begun)).sin();
        t += rr / 1000.0;
        rig.run_to(t);
        let when = rig.mono;
        rig.act(Action::Heart(when, Event::Line(format!("{rr:.0}\n"))));
    }
}

#[test]
fn the_preview_names_the_heart_and_the_pacer_shows_its_rate_swing_and_trace() {
    let mut rig = Rig::new();
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.key(KeyCode::Char('b'));
    let preview = rig.screen(80, 24);
    assert!(preview.contains("Heart"), "{preview}");
    assert!(preview.contains("read from beats.txt"), "{preview}");
    let mut rig = begun();
    let start = rig.mono - rig.origin;
    let first = rig.screen(80, 24);
    assert!(first.contains("heart: waiting for beats"), "{first}");
    beat(&mut rig, start.as_secs_f64(), start.as_secs_f64() + 3.0);
    let arriving = rig.screen(80, 24);
    assert!(arriving.contains("heart: beats coming in"), "{arriving}");
    beat(&mut rig, start.as_secs_f64() + 3.0, start.as_secs_f64() + 31.0);
    let screen = rig.screen(80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("swing"))
        .unwrap_or_else(|| panic!("a heart row: {screen}"));
    assert!(row.contains("heart 6") && row.contains("bpm"), "{row}");
    assert!(row.chars().any(|c| ('▁'..='█').contains(&c)), "a trace: {row}");
    assert!(
        screen.contains("Your heart rate is rising and falling with your breath."),
        "{screen}"
    );
    let narrow = rig.screen(40, 12);
    assert!(narrow.contains("bpm · swing"), "{narrow}");
}

#[test]
fn a_source_that_closes_lets_the_practice_finish_and_the_record_says_from_when() {
    let mut rig = begun();
    let start = (rig.mono - rig.origin).as_secs_f64();
    beat(&mut rig, start, start + 30.0);
    let last = (rig.mono - rig.origin).as_secs_f64() - start;
    rig.run_to(start + 31.0);
    let when = rig.mono;
    rig.act(Action::Heart(when, Event::Closed));
    let screen = rig.screen(80, 24);
    assert!(screen.contains("Heart data stopped at 0:31. The practice goes on."), "{screen}");
    assert!(rig.screen(40, 12).contains("heart data stopped"));
    let row = screen
        .lines()
        .find(|l| l.contains("swing"))
        .expect("the last numbers stay");
    assert!(!row.chars().any(|c| ('▁'..='█').contains(&c)), "no live trace: {row}");
    rig.run_to(start + 60.0);
    let session = rig.session();
    assert!(session.completed, "the practice went on to its end");
    let heart = session.heart.expect("a heart reading kept");
    assert_eq!(heart.context, "practice");
    let ended = heart.ended_seconds.expect("stopped early");
    assert!((ended - last).abs() < 0.01, "{ended} against {last}");
    assert!((55.0..70.0).contains(&heart.mean_hr), "{}", heart.mean_hr);
    let closing = rig.screen(80, 24);
    assert!(closing.contains("Heart 6"), "{closing}");
    assert!(closing.contains("Heart data stopped at 0:"), "{closing}");
}

#[test]
fn a_strap_gone_quiet_is_said_and_too_few_beats_keep_nothing() {
    let mut rig = begun();
    let start = (rig.mono - rig.origin).as_secs_f64();
    beat(&mut rig, start, start + 5.0);
    rig.run_to(start + 16.0);
    let screen = rig.screen(80, 24);
    assert!(screen.contains("No heart beats for 10 s."), "{screen}");
    assert!(rig.screen(40, 12).contains("no heart beats"));
    rig.run_to(start + 60.0);
    assert_eq!(rig.session().heart, None);
    let closing = rig.screen(80, 24);
    assert!(closing.contains("Too few heart beats"), "{closing}");
}

#[test]
fn beats_during_the_preview_and_the_rating_are_not_the_practice_s() {
    let mut rig = Rig::new();
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter);
    beat(&mut rig, 0.0, 40.0);
    rig.key(KeyCode::Enter);
    let screen = rig.screen(80, 24);
    assert!(screen.contains("heart: waiting for beats"), "{screen}");
}

#[test]
fn the_heart_rows_draw_at_every_size() {
    let mut rig = begun();
    let start = (rig.mono - rig.origin).as_secs_f64();
    beat(&mut rig, start, start + 25.0);
    for w in [1, 20, 39, 40, 60, 80, 120, 200] {
        for h in [1, 5, 11, 12, 18, 24, 30, 60] {
            let screen = rig.screen(w, h);
            assert!(screen.lines().count() <= usize::from(h));
        }
    }
}

#[test]
fn finding_your_pace_on_the_screen_picks_5_5_and_k_keeps_it_as_my_pace() {
    let mut rig = Rig::new();
    let config = rig.tmp.path().join("config");
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.app.config_dir = Some(config.clone());
    rig.key(KeyCode::Char('b'));
    assert!(rig.screen(80, 24).contains("p find my pace"), "the key is offered");
    rig.key(KeyCode::Char('p'));
    let preview = rig.screen(80, 24);
    assert!(preview.contains("on · 5 steps of 2 min"), "{preview}");
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    let start = (rig.mono - rig.origin).as_secs_f64();
    assert!(rig.screen(80, 24).contains("6.5 breaths a minute"));
    // ← and → would change the rate being scored: finding your pace offers neither.
    rig.key(KeyCode::Left);
    assert!(rig.screen(80, 24).contains("6.5 breaths a minute"));
    for (t, event) in crate::common::resonant_steps(120.0, 0.0) {
        rig.run_to(start + t);
        let when = rig.mono;
        rig.act(Action::Heart(when, event));
    }
    let closing = rig.screen(80, 24);
    assert!(closing.contains("Your pace: 5.5 breaths a minute."), "{closing}");
    assert!(closing.contains("Press k to keep 5.5 a minute"), "{closing}");
    // A short window keeps the question whole and says the pace in one line.
    let short = rig.screen(40, 12);
    assert!(short.contains("Your pace: 5.5 a minute (next"), "{short}");
    assert!(short.contains("0 1 2 3 4 5 6 7 8 9 10"), "{short}");
    assert!(short.contains("Enter alone skips it"), "{short}");
    let session = rig.session();
    assert_eq!(session.pace_steps.len(), 5, "{:?}", session.pace_steps);
    assert_eq!(session.pace_steps[0].rate, 5.5);
    rig.key(KeyCode::Char('k'));
    let kept = rig.screen(80, 24);
    assert!(kept.contains("Kept in"), "{kept}");
    assert!(rig.screen(40, 12).contains("Kept as my-pace."));
    let file = std::fs::read_to_string(config.join("patterns.json")).expect("kept");
    assert!(file.contains("my-pace"), "{file}");
    assert!(rig.app.patterns.iter().any(|p| p.id == "my-pace"), "offered from now on");
}

#[test]
fn finding_your_pace_is_offered_only_with_a_heart_and_never_with_holds() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Char('p'));
    assert!(!rig.screen(80, 24).contains("find my pace"));
    assert!(!rig.screen(80, 24).contains("Find pace"));
    let mut rig = Rig::new();
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.key(KeyCode::Char('b')).key(KeyCode::Char('p'));
    // A pattern with holds: finding turns off, said once.
    let with_holds = rig
        .app
        .patterns
        .iter()
        .position(attune::domain::breathing::Pattern::has_holds)
        .expect("a built-in pattern with holds");
    for _ in 0..with_holds {
        rig.key(KeyCode::Down);
    }
    let screen = rig.screen(80, 24);
    assert!(screen.contains("finding your pace is off"), "{screen}");
    rig.key(KeyCode::Char('p'));
    assert!(rig.screen(80, 24).contains("breathes without holds"));
}

#[test]
fn a_pause_while_finding_your_pace_keeps_each_step_with_its_own_beats() {
    let mut rig = Rig::new();
    rig.app.heart = Some(Link::new("read from beats.txt".into()));
    rig.key(KeyCode::Char('b')).key(KeyCode::Char('p'));
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    let start = (rig.mono - rig.origin).as_secs_f64();
    // Paused 30 s in, for longer than a step: a steady heart beats on meanwhile.
    let (pause_at, pause) = (30.0, 130.0);
    let mut resumed = false;
    for (t, event) in crate::common::resonant_steps(120.0, 0.0) {
        if !resumed && t >= pause_at {
            rig.run_to(start + pause_at);
            rig.act(Action::Pause);
            let mut u = pause_at;
            while u < pause_at + pause {
                u += 1.0;
                rig.run_to(start + u);
                let when = rig.mono;
                rig.act(Action::Heart(when, Event::Line("1000\n".into())));
            }
            rig.act(Action::Pause);
            resumed = true;
        }
        rig.run_to(start + t + if resumed { pause } else { 0.0 });
        let when = rig.mono;
        rig.act(Action::Heart(when, event));
    }
    let session = rig.session();
    assert_eq!(session.pace_steps.len(), 5, "{:?}", session.pace_steps);
    assert_eq!(session.pace_steps[0].rate, 5.5, "{:?}", session.pace_steps);
    let heart = session.heart.expect("a reading");
    assert!(heart.mean_hr > 62.0, "the steady beats in the pause are not kept: {heart:?}");
}

/// Frames after time passed draw only the parts that look different; with a heart, what
/// they leave on the terminal is what a full frame draws: as beats come in (each one
/// drawn in full, as the event loop does for a message), and after they stop, when only
/// the passing of time turns the heart's line into "no heart beats".
#[test]
fn drawing_only_what_moved_shows_the_heart_rows_as_a_full_frame_does() {
    use attune::tui::paint::Painter;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    for (w, h) in [(100, 30), (80, 24), (40, 12)] {
        let mut rig = begun();
        rig.act(Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
        let mut painter = Painter::default();
        painter.full(&mut terminal, &rig.app).expect("draws");
        let start = (rig.mono - rig.origin).as_secs_f64();
        let (mut t, mut next_beat) = (start, start);
        while t < start + 30.0 {
            t += 0.13;
            if t >= next_beat && t < start + 12.0 {
                next_beat += 0.95 + 0.05 * (t - start).sin();
                rig.run_to(t);
                let when = rig.mono;
                rig.act(Action::Heart(when, Event::Line("950\n".into())));
                painter.full(&mut terminal, &rig.app).expect("draws");
            } else {
                rig.run_to(t);
                painter.moving(&mut terminal, &rig.app).expect("draws");
            }
            let mut full = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
            full.draw(|f| attune::tui::ui::render(&rig.app, f))
                .expect("draws");
            assert_eq!(terminal.backend().buffer(), full.backend().buffer(), "{w}x{h} at {t:.2} s");
        }
        let shown = format!("{}", terminal.backend());
        assert!(shown.to_lowercase().contains("no heart beats"), "{w}x{h}:\n{shown}");
    }
}
