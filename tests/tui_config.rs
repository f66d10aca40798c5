//! The TUI follows config.toml: the week's first day (today and trends), hidden streaks,
//! the breathing preview's pattern, length and bell, the user's own patterns and
//! routines, and their crisis lines in help.

use crate::tui_support;

use crate::flow_support::{Rig, date, stamp};
use attune::config::Config;
use attune::service::practice::save_session;
use attune::service::trends::Span;
use attune::store::layout::Layout;
use attune::store::model::Session;
use attune::tui::app::{Now, Screen};
use attune::tui::effect::step;
use chrono::Weekday;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Friday 27 November 2026.
fn now() -> Now {
    Now {
        wall: stamp("2026-11-27", 21),
        mono: std::time::Duration::ZERO,
    }
}

fn config(text: &str) -> Config {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).expect("write");
    Config::load(&path, true).expect("a good config")
}

/// Practice on three days in a row (Tue-Thu), with these settings.
fn configured(settings: &str) -> Rig {
    let mut rig = Rig::from_wall(now().wall);
    for day in ["2026-11-24", "2026-11-25", "2026-11-26"] {
        let s = Session {
            practice: "breathe".into(),
            practice_id: "exhale-4-6".into(),
            actual_seconds: 300.0,
            completed: true,
            ..Session::default()
        };
        save_session(&rig.store, s, stamp(day, 8), stamp(day, 9)).expect("saves");
    }
    rig.app.config = config(settings);
    rig
}

impl Rig {
    fn page_text(&self, height: u16) -> String {
        tui_support::text(&self.app, 80, height)
    }
}

#[test]
fn the_week_starts_where_the_user_says_on_trends_and_today() {
    let mut rig = configured("[week]\nstarts_on = \"sunday\"\n");
    rig.key(KeyCode::Char('t'));
    let Screen::Trends(view) = &rig.app.screen else {
        panic!("not on trends");
    };
    assert_eq!(view.span, Span::Week(date("2026-11-22")), "Sunday 22 November");
    let shown = view.shown.as_ref().expect("a picture");
    assert_eq!(shown.report.trends.from, date("2026-11-22"));
    assert_eq!(shown.first_weekday, Weekday::Sun);
    assert!(rig.page_text(24).contains("Sun 22 Nov"), "{}", rig.page_text(24));
    // Back home, today's summary is reloaded with the same week.
    let load = rig.app.load_today(date("2026-11-27"));
    assert!(matches!(
        load,
        attune::tui::action::Effect::LoadToday {
            first_weekday: Weekday::Sun,
            ..
        }
    ));
}

#[test]
fn streaks_show_unless_hidden() {
    let mut shown = configured("");
    shown.key(KeyCode::Char('t'));
    assert!(shown.page_text(24).contains("days in a row"), "{}", shown.page_text(24));
    let mut hidden = configured("[trends]\nhide_streaks = true\n");
    hidden.key(KeyCode::Char('t'));
    assert!(!hidden.page_text(24).contains("in a row"), "{}", hidden.page_text(24));
}

#[test]
fn the_breathing_preview_starts_from_the_users_pattern_length_and_bell() {
    let mut rig = configured("[breathing]\npattern = \"coherent-5.5\"\nminutes = 3\nbell = true\n");
    rig.key(KeyCode::Char('b'));
    let Screen::Breathe(b) = &rig.app.screen else {
        panic!("not breathing");
    };
    assert_eq!(b.pattern().id, "coherent-5.5");
    assert_eq!(b.minutes, 3);
    assert_eq!(b.sound, attune::sound::Style::Bell, "the older bell = true");
    let mut rig = configured("[breathing]\nsound = \"pulses\"\n");
    rig.key(KeyCode::Char('b'));
    let Screen::Breathe(b) = &rig.app.screen else {
        panic!("not breathing");
    };
    assert_eq!(b.sound, attune::sound::Style::Pulses);
    // A pattern that is not offered falls back to attune's default, calmly.
    let mut rig = configured("[breathing]\npattern = \"no-such\"\n");
    rig.key(KeyCode::Char('b'));
    let Screen::Breathe(b) = &rig.app.screen else {
        panic!("not breathing");
    };
    assert_eq!(
        (b.pattern().id.as_str(), b.minutes, b.sound),
        ("exhale-4-6", 5, attune::sound::Style::Off)
    );
}

#[test]
fn help_shows_the_users_crisis_lines() {
    let mut rig = configured(
        "[[crisis_lines]]\nregion = \"Here\"\nname = \"Local line\"\ncontact = \"call 123\"\n",
    );
    rig.key(KeyCode::Char('?'));
    let help = rig.page_text(60);
    assert!(help.contains("Here: call 123 (Local line)"), "{help}");
    assert!(!help.contains("988"), "the built-in regional lines give way:\n{help}");
    // The emergency line stays after the user's own, unless they say it should not.
    let here = help.find("Here: call 123").expect("theirs");
    let emergency = help
        .find("Emergencies: call 112 or 911")
        .expect("the emergency line");
    assert!(here < emergency, "{help}");

    let mut only = configured(
        "[[crisis_lines]]\nregion = \"Here\"\nname = \"Local line\"\ncontact = \"call 123\"\n\
         [crisis]\nreplace_builtin = true\n",
    );
    only.key(KeyCode::Char('?'));
    let help = only.page_text(60);
    assert!(help.contains("Here: call 123") && !help.contains("911"), "{help}");
}

#[test]
fn help_shows_the_crisis_lines_first_in_the_smallest_window_and_home_end_scroll() {
    let mut rig = configured("");
    rig.act(attune::tui::action::Action::Resize(40, 12));
    rig.key(KeyCode::Char('?'));
    let small = rig.screen(40, 12);
    for line in ["988", "116 123", "112 or 911", "findahelpline.com"] {
        assert!(small.contains(line), "{line} without scrolling:\n{small}");
    }
    rig.key(KeyCode::End);
    let end = rig.screen(40, 12);
    assert!(!end.contains("988") && !end.contains("more ↓"), "{end}");
    rig.key(KeyCode::Home);
    assert_eq!(rig.screen(40, 12), small);
}

#[test]
fn the_users_own_patterns_and_routines_are_offered() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let settings = config(
        "[[patterns]]\nid = \"slow-3-7\"\nname = \"Slow 3-7\"\nabout = \"In 3, out 7.\"\nin = 3\nout = 7\n\
         [breathing]\npattern = \"slow-3-7\"\n",
    );
    let opts = attune::tui::Options {
        layout: Layout::new(tmp.path().join("data"), tmp.path().join("state")),
        color: false,
        config_dir: None,
        config: settings,
        config_notice: false,
        reduced_motion: true,
        clock: attune::clock::Clock::pinned(now().wall),
        start: attune::tui::Start::Home,
    };
    let (mut app, store) = attune::tui::start(opts).expect("starts");
    assert!(app.reduced_motion);
    app.welcome = false;
    assert!(app.patterns.iter().any(|p| p.id == "slow-3-7"));
    assert_eq!(app.routines.len(), attune::content::builtin_routines().len());
    let key = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::NONE);
    let action = app.action_for_key(&key).expect("b opens breathing");
    step(&mut app, &store, action, now());
    let Screen::Breathe(b) = &app.screen else {
        panic!("not breathing");
    };
    assert_eq!(b.pattern().id, "slow-3-7");
}

fn keymap(keys: &[(&str, &str)]) -> Result<attune::tui::keymap::Keymap, String> {
    let keys = keys
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    attune::tui::keymap::Keymap::with_overrides(&keys)
}

#[test]
fn an_overridden_key_changes_handling_the_footer_and_help() {
    let mut rig = configured("");
    rig.app.keymap = keymap(&[("breathe", "B"), ("pause", "p"), ("help", "h")]).expect("fine");
    let home = rig.page_text(24);
    assert!(home.contains("B  breathe") && !home.contains("b  breathe"), "{home}");
    rig.key(KeyCode::Char('b'));
    assert!(matches!(rig.app.screen, Screen::Home), "b no longer breathes");
    rig.app
        .update(attune::tui::action::Action::Resize(80, 60), now());
    rig.key(KeyCode::Char('h'));
    let help = rig.page_text(60);
    assert!(help.contains("B     breathe") && help.contains("h/F1  help"), "{help}");
    rig.key(KeyCode::Char('h')).key(KeyCode::Char('B'));
    assert!(matches!(rig.app.screen, Screen::Breathe(_)), "B breathes");
    rig.key(KeyCode::Enter).key(KeyCode::Tab);
    assert!(rig.app.context() == attune::tui::keymap::Context::BreathePacing);
    let footer = rig.page_text(24);
    assert!(footer.contains("p pause") && !footer.contains("Space pause"), "{footer}");
}

#[test]
fn sentences_that_name_a_key_name_the_users_key() {
    let mut rig = configured("");
    rig.app.keymap =
        keymap(&[("help", "h"), ("quit", "x"), ("stop", "z"), ("pause", "p")]).expect("fine");
    rig.app.welcome = true;
    let welcome = rig.page_text(24);
    assert!(welcome.contains("Press h any time") && welcome.contains("x quits"), "{welcome}");
    assert!(!welcome.contains("Press ?"), "{welcome}");
    rig.key(KeyCode::Enter).key(KeyCode::Esc);
    rig.key(KeyCode::Char('b'));
    let preview = rig.page_text(24);
    assert!(preview.contains("z or q stops"), "{preview}");
    rig.key(KeyCode::Enter)
        .key(KeyCode::Tab)
        .key(KeyCode::Char('p'));
    let paused = rig.page_text(24);
    assert!(paused.contains("p goes on"), "{paused}");
}

#[test]
fn an_unknown_name_or_a_clash_is_refused_naming_the_key() {
    let unknown = keymap(&[("breath", "x")]).expect_err("unknown");
    assert!(unknown.contains("keys.breath") && unknown.contains("breathe"), "{unknown}");
    let clash = keymap(&[("breathe", "q")]).expect_err("q quits on home");
    assert!(clash.contains("keys.breathe") && clash.contains("home"), "{clash}");
    let digit = keymap(&[("skip", "5")]).expect_err("5 rates");
    assert!(digit.contains("keys.skip"), "{digit}");
    let stop = keymap(&[("stop", "s")]).expect_err("s skips a grounding step");
    assert!(stop.contains("keys.stop") && stop.contains("grounding"), "{stop}");
    // Moving both keys together is fine, and a letter never leaves the text it types in.
    keymap(&[("breathe", "q"), ("quit", "x")]).expect("a swap");
    let map = keymap(&[("save", "s")]).expect("s saves where it does not type");
    let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
    use attune::tui::action::Action;
    use attune::tui::keymap::Context;
    assert_eq!(map.action_for(Context::CheckinScale, &s), Some(Action::Save));
    assert_eq!(map.action_for(Context::CheckinNote, &s), Some(Action::Type('s')));
}

#[test]
fn settings_that_could_not_be_used_are_a_calm_line_on_home_never_a_refusal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("config");
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("config.toml");
    std::fs::write(&path, "[keys]\nbreathe = \"q\"\n[breathing]\nminutes = 90\n").expect("write");
    let loaded = Config::read(&path, true);
    assert_eq!(loaded.problems.len(), 1, "minutes");
    for (config, notice) in [(loaded.config.clone(), true), (loaded.config, false)] {
        let opts = attune::tui::Options {
            layout: Layout::new(tmp.path().join("data"), tmp.path().join("state")),
            color: false,
            config_dir: None,
            config,
            config_notice: notice,
            reduced_motion: false,
            clock: attune::clock::Clock::pinned(now().wall),
            start: attune::tui::Start::Home,
        };
        // The clashing key is refused by the keymap, yet the app opens with its own keys.
        let (mut app, _store) = attune::tui::start(opts).expect("starts");
        app.welcome = false;
        let home = tui_support::text(&app, 80, 24);
        assert!(
            home.contains("Some settings could not be used") && home.contains("b  breathe"),
            "{home}"
        );
    }
}
