//! Journal editor benchmark (`cargo bench --bench editor`, harness = false): the cost of one
//! key (the update and a 100x30 frame) in the TUI's own editor, for a 1 KB entry and for a
//! 1 MB entry of paragraphs, measured in the same run. Prints a markdown table.

use attune::clock::Clock;
use attune::service::journal::NewEntry;
use attune::store::layout::Layout;
use attune::tui::app::{App, Now};
use attune::tui::effect::step;
use attune::tui::{Options, Start};
use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

/// Keys typed per measurement (at least), and the most time one measurement takes.
const MIN_KEYS: usize = 5;
const TIME_PER_MEASURE: Duration = Duration::from_secs(4);

fn main() {
    println!("# attune journal editor benchmark\n");
    println!("| entry | keys | ms per key (update + frame) |");
    println!("| --- | --- | --- |");
    let paragraph = "A paragraph of steady words about the day, the walk, the tea and the rain. \
                     It goes on a little longer, as paragraphs do, and then it ends.\n\n";
    for (label, bytes) in [("1 KB", 1024), ("1 MB of paragraphs", 1024 * 1024 - 200)] {
        let mut text = String::new();
        while text.len() + paragraph.len() <= bytes {
            text.push_str(paragraph);
        }
        let (keys, per_key) = measure(text);
        println!("| {label} | {keys} | {:.2} |", per_key.as_secs_f64() * 1e3);
    }
}

/// Open the editor on `text` and type into it, drawing a frame after each key.
fn measure(text: String) -> (usize, Duration) {
    let tmp = tempfile::tempdir().expect("a temp folder");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).expect("state folder");
    std::fs::write(state.join("welcome-seen"), b"").expect("marker");
    let at = DateTime::parse_from_rfc3339("2026-11-27T09:30:00+01:00").expect("a time");
    let entry = NewEntry {
        text,
        ..NewEntry::default()
    };
    let (mut app, store) = attune::tui::start(Options {
        layout: Layout::new(tmp.path().join("data"), state),
        color: false,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: Clock::pinned(at),
        start: Start::Journal { entry: Some(entry) },
    })
    .expect("starts");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    let origin = Instant::now();
    let started = Instant::now();
    let mut keys = 0;
    while keys < MIN_KEYS || started.elapsed() < TIME_PER_MEASURE && keys < 200 {
        press(&mut app, &store, at, origin.elapsed());
        terminal
            .draw(|frame| attune::tui::ui::render(&app, frame))
            .expect("draws");
        keys += 1;
    }
    (keys, started.elapsed() / keys as u32)
}

fn press(
    app: &mut App,
    store: &attune::store::Store,
    at: attune::store::model::Stamp,
    mono: Duration,
) {
    let key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    if let Some(action) = app.action_for_key(&key) {
        step(app, store, action, Now { wall: at, mono });
    }
}
