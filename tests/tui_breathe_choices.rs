//! The breathing preview's choices (pattern, length, sound, follow) are kept: for the
//! rest of the run, and with `breathing.remember_last` (the default) for the next one,
//! in local state only. Keys in, preview out.

use crate::flow_support;

use crate::flow_support::Rig;
use attune::config::Config;
use attune::sound::Style;
use attune::store::layout::Layout;
use attune::tui::app::{App, Screen};
use attune::tui::breathe::Breathe;
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

fn breathe(app: &App) -> &Breathe {
    match &app.screen {
        Screen::Breathe(b) => b,
        other => panic!("not breathing: {other:?}"),
    }
}

/// What the preview starts from: pattern, minutes, sound, follow.
fn shown(app: &App) -> (String, u32, Style, bool) {
    let b = breathe(app);
    (b.pattern().id.clone(), b.minutes, b.sound, b.plan.follow)
}

fn choices_file(state: &Path) -> std::path::PathBuf {
    state.join("breathing-last.json")
}

/// A fresh app over `tmp`'s folders, as a new run of attune opens it.
fn next_run(tmp: &Path, config: Config) -> App {
    let (mut app, _store) = attune::tui::start(attune::tui::Options {
        layout: Layout::new(tmp.join("data"), tmp.join("state")),
        color: false,
        config_dir: None,
        config,
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(flow_support::morning()),
        start: attune::tui::Start::Home,
    })
    .expect("starts");
    app.welcome = false;
    app
}

/// Exhale 4-8, 7 minutes, follow on, tones: then Enter begins.
fn choose(rig: &mut Rig) {
    rig.key(KeyCode::Char('b'))
        .key(KeyCode::Down)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .keys("fs");
}

#[test]
fn choices_are_kept_for_the_rest_of_the_run() {
    let mut rig = Rig::new();
    choose(&mut rig);
    let want = ("exhale-4-8".to_string(), 7, Style::Tones, true);
    assert_eq!(shown(&rig.app), want);
    // Left with Esc, the preview opens again as it was left.
    rig.key(KeyCode::Esc).key(KeyCode::Char('b'));
    assert_eq!(shown(&rig.app), want);
    // And after a practice too.
    rig.key(KeyCode::Enter)
        .key(KeyCode::Tab)
        .key(KeyCode::Enter);
    rig.run_to(3.0).key(KeyCode::Esc).key(KeyCode::Esc);
    rig.key(KeyCode::Char('b'));
    assert_eq!(shown(&rig.app), want);
    let screen = rig.screen(80, 24);
    assert!(screen.contains("Longer exhale 4-8"), "{screen}");
    assert!(screen.contains("soft tones"), "{screen}");
}

#[test]
fn choices_a_practice_began_with_are_where_the_next_run_starts() {
    let mut rig = Rig::new();
    choose(&mut rig);
    rig.key(KeyCode::Enter);
    let state = rig.tmp.path().join("state");
    let file = choices_file(&state);
    assert!(file.exists(), "kept in local state");
    let data = rig.tmp.path().join("data");
    let in_data = walkdir(&data);
    assert!(
        in_data.iter().all(|p| !p.ends_with("breathing-last.json")),
        "never in the synced folder: {in_data:?}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let mut app = next_run(rig.tmp.path(), Config::default());
    let key = |app: &mut App, code| {
        let action = app
            .action_for_key(&ratatui::crossterm::event::KeyEvent::from(code))
            .expect("a key that does something");
        app.update(action, rig.now());
    };
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(shown(&app), ("exhale-4-8".to_string(), 7, Style::Tones, true));

    // Not with remember_last = false: attune's defaults, and nothing read.
    let mut config = Config::default();
    config.breathing.remember_last = false;
    let mut app = next_run(rig.tmp.path(), config);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(shown(&app), ("exhale-4-6".to_string(), 5, Style::Off, false));
}

#[test]
fn remember_last_off_writes_nothing_and_an_odd_file_is_left_aside() {
    let mut rig = Rig::new();
    rig.app.config.breathing.remember_last = false;
    choose(&mut rig);
    rig.key(KeyCode::Enter);
    let state = rig.tmp.path().join("state");
    assert!(!choices_file(&state).exists());

    // Whatever bytes are in the file, the preview opens calmly at the defaults.
    for odd in [
        "not json at all",
        r#"{"pattern":"exhale-4-8","minutes":999,"sound":"tones","follow":false}"#,
        r#"{"pattern":"\u001b[2J","minutes":5,"sound":"tones","follow":true}"#,
    ] {
        std::fs::write(choices_file(&state), odd).expect("write");
        let mut app = next_run(rig.tmp.path(), Config::default());
        let action = app
            .action_for_key(&ratatui::crossterm::event::KeyEvent::from(KeyCode::Char('b')))
            .expect("b");
        app.update(action, rig.now());
        let (id, minutes, _, follow) = shown(&app);
        assert_eq!((id.as_str(), follow), ("exhale-4-6", false), "{odd}");
        assert!(minutes == 5, "{odd}");
        let screen = rig_screen(&app);
        assert!(!screen.contains('\u{1b}'), "{screen}");
    }
}

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn rig_screen(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| attune::tui::ui::render(app, frame))
        .expect("draws");
    let buf = terminal.backend().buffer().clone();
    buf.content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn choices_left_at_the_defaults_write_nothing() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter);
    assert!(!choices_file(&rig.tmp.path().join("state")).exists());
}
