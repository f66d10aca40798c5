//! Fixes from a review of the TUI, each pinned by a test: a paste never types into a note
//! hidden by help, and the cursor never shows through help; wide characters are measured
//! in screen columns; a check-in save retried after a failure keeps its id; today
//! reloads after midnight; the unreadable-files note stays while the files are unreadable.

use crate::flow_support::Rig;
use attune::domain::today::TodaySummary;
use attune::store::model::{Body, Stamp};
use attune::tui::action::Action;
use attune::tui::app::{App, Now, Screen};
use attune::tui::effect::{perform, settle, step};
use attune::tui::ui::render;
use chrono::{FixedOffset, TimeZone};
use ratatui::Terminal;
use ratatui::backend::{Backend as _, TestBackend};
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;

fn at(day: u32, hour: u32, minute: u32) -> Now {
    let wall: Stamp = FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, day, hour, minute, 0).single())
        .expect("a valid fixed time");
    Now {
        wall,
        mono: Duration::ZERO,
    }
}

fn morning() -> Now {
    at(27, 9, 30)
}

impl Rig {
    /// On the check-in's note.
    fn focus_note(&mut self) -> &mut Rig {
        self.key(KeyCode::Char('c'));
        for _ in 0..10 {
            self.key(KeyCode::Down);
        }
        self
    }

    fn note(&self) -> String {
        match &self.app.screen {
            Screen::Checkin(form) => form.note.text().to_string(),
            other => panic!("not on the check-in: {other:?}"),
        }
    }

    fn checkins(&self) -> usize {
        let snap = self.store.load_all().expect("store reads");
        let live = snap.merged.live();
        live.iter()
            .filter(|r| matches!(r.body, Body::Checkin(_)))
            .count()
    }
}

fn terminal(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| render(app, f)).expect("draws");
    t
}

#[test]
fn a_paste_under_help_or_the_welcome_types_nothing() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.focus_note().key(KeyCode::F(1));
    step(&mut rig.app, &rig.store, Action::Paste("hidden".into()), morning());
    rig.key(KeyCode::Esc);
    assert_eq!(rig.note(), "", "help covered the note");
    step(&mut rig.app, &rig.store, Action::Paste("seen".into()), morning());
    assert_eq!(rig.note(), "seen");
    rig.app.welcome = true;
    step(&mut rig.app, &rig.store, Action::Paste("x".into()), morning());
    assert_eq!(rig.note(), "seen", "the welcome covered it");
}

#[test]
fn the_note_cursor_never_shows_through_help() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.focus_note();
    assert!(terminal(&rig.app, 80, 24).backend().cursor_visible());
    rig.key(KeyCode::F(1));
    assert!(!terminal(&rig.app, 80, 24).backend().cursor_visible());
    rig.key(KeyCode::Esc).key(KeyCode::Up).key(KeyCode::Up);
    rig.key(KeyCode::Char(' ')); // the picker
    for _ in 0..60 {
        rig.key(KeyCode::Down); // to its last row: a word of one's own
    }
    rig.key(KeyCode::Char(' '));
    assert!(terminal(&rig.app, 80, 24).backend().cursor_visible());
    rig.key(KeyCode::F(1));
    assert!(!terminal(&rig.app, 80, 24).backend().cursor_visible());
}

#[test]
fn wide_characters_are_measured_in_columns() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.focus_note();
    step(&mut rig.app, &rig.store, Action::Paste("日本".into()), morning());
    let mut t = terminal(&rig.app, 80, 24);
    let bare = {
        let mut rig = Rig::at_zero(TodaySummary::default());
        rig.focus_note();
        let mut t = terminal(&rig.app, 80, 24);
        t.backend_mut().get_cursor_position().expect("a cursor").x
    };
    let x = t.backend_mut().get_cursor_position().expect("a cursor").x;
    assert_eq!(x, bare + 4, "two wide characters take four columns");
    // A long wide note: the end shows, and nothing spills past the window.
    let long = "語".repeat(60);
    step(&mut rig.app, &rig.store, Action::Paste(long), morning());
    let mut t = terminal(&rig.app, 40, 12);
    let x = t.backend_mut().get_cursor_position().expect("a cursor").x;
    assert!(x < 40, "{x}");
    let shown = t.backend().to_string();
    assert!(shown.contains("語語語"), "{shown}");
}

#[test]
fn a_check_in_retried_after_a_failed_save_keeps_its_id() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('c')).key(KeyCode::Char('4'));
    // The save reaches the disk, but then fails (a folder fsync error, say).
    let [effect] = &rig.app.update(Action::Save, morning())[..] else {
        panic!("a save")
    };
    let effect = effect.clone();
    let stored = perform(&rig.store, effect);
    assert!(matches!(stored, Action::Saved(Ok(_))));
    rig.app
        .update(Action::Saved(Err("fsync failed".into())), morning());
    assert_eq!(rig.checkins(), 1);
    // Enter tries again: the same record, not a second one.
    rig.key(KeyCode::Enter);
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.checkins(), 1);
    assert_eq!(rig.app.today.checkins_today, 1);
}

#[test]
fn today_reloads_when_a_new_day_begins_while_attune_is_open() {
    let yesterday = TodaySummary {
        checkins_today: 3,
        latest_distress: Some(4),
        ..TodaySummary::default()
    };
    let mut rig = Rig::at_zero(yesterday);
    rig.key_at(KeyCode::Char('?'), at(27, 23, 59));
    rig.key_at(KeyCode::Esc, at(27, 23, 59));
    assert_eq!(rig.app.today.checkins_today, 3, "still the same day");
    rig.key_at(KeyCode::Char('?'), at(28, 0, 1));
    assert_eq!(rig.app.today.checkins_today, 0, "a new day");
    assert_eq!(rig.app.today.latest_distress, None);
}

#[test]
fn the_unreadable_files_note_stays_while_they_are_unreadable() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    let broken = rig.tmp.path().join("data/records/other-device");
    std::fs::create_dir_all(&broken).expect("a folder");
    std::fs::write(broken.join("2026-11.json"), "{ not json").expect("a broken file");
    let load = rig.app.load_today(morning().wall.date_naive());
    settle(&mut rig.app, &rig.store, vec![load], morning());
    assert!(rig.app.today.unreadable_files);
    let says = |app: &App| {
        terminal(app, 80, 24)
            .backend()
            .to_string()
            .contains("could not be read")
    };
    assert!(says(&rig.app));
    // Other notices come and go; this one stays.
    rig.key(KeyCode::Char('c')).key(KeyCode::Esc);
    assert!(rig.app.notices.is_empty());
    assert!(says(&rig.app));
    std::fs::remove_file(broken.join("2026-11.json")).expect("fixed");
    rig.key_at(KeyCode::Char('?'), at(28, 8, 0)); // a new day reloads today
    rig.key(KeyCode::Esc);
    assert!(!rig.app.today.unreadable_files);
    assert!(!says(&rig.app));
}

/// Text from anywhere (a note, an entry, another device's words) never puts a direction
/// override or a control on screen: ratatui leaves zero-width format characters out of
/// its cells, and the editor draws through it too. This holds that in place.
#[test]
fn a_direction_override_in_any_text_never_reaches_the_screen() {
    let hostile = "calm \u{202E}txet desrever\u{202C} \u{2066}iso\u{2069} \u{200F}end";
    let shown = |rig: &Rig| -> String {
        let term = terminal(&rig.app, 80, 24);
        let cells = &term.backend().buffer().content;
        cells.iter().map(ratatui::buffer::Cell::symbol).collect()
    };
    let mut note = Rig::at_zero(TodaySummary::default());
    note.key(KeyCode::Char('c'));
    for _ in 0..8 {
        note.key(KeyCode::Down);
    }
    note.act(Action::Paste(hostile.into()));
    let mut entry = Rig::at_zero(TodaySummary::default());
    entry.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    entry.act(Action::Paste(hostile.into()));
    for (what, rig) in [("a check-in note", &note), ("a journal entry", &entry)] {
        let screen = shown(rig);
        assert!(screen.contains("txet desrever"), "{what}: the words stay: {screen}");
        assert!(
            !screen.chars().any(attune::copy::safe::unsafe_char),
            "{what}: no override on screen: {screen:?}"
        );
    }
}

/// A window that says it is 9999x9999 (it once took 12.8 GB): attune draws at most
/// 500x250 cells of it, so its buffers stay a few megabytes.
#[test]
fn a_huge_window_is_drawn_at_a_size_a_person_could_see() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.act(Action::Resize(9999, 9999));
    assert_eq!(
        (rig.app.size.width, rig.app.size.height),
        (attune::tui::ui::MAX_WIDTH, attune::tui::ui::MAX_HEIGHT)
    );
    assert_eq!(attune::tui::ui::drawn_size(80, 24), (80, 24));
    let term = terminal(&rig.app, rig.app.size.width, rig.app.size.height);
    assert_eq!(term.backend().buffer().area.width, 500);
}
