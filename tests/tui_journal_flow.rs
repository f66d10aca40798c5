//! Keys in, entry out, for the journal: drive `App::update` with key presses through the
//! keymap and a fake clock, perform effects against a real store in a temp dir, and read
//! back the records and the draft file. No terminal, no real clock.

use attune::domain::today::TodaySummary;
use attune::service::journal::{NewEntry, entry};
use attune::store::Store;
use attune::store::layout::Layout;
use attune::store::model::{Body, Journal, Record, Stamp};
use attune::tui::action::Action;
use attune::tui::app::{App, Now, Screen};
use attune::tui::drafts::{self, Draft};
use attune::tui::effect::step;
use attune::tui::journal::editor::EditorNote;
use attune::tui::journal::{JournalState, Mode, Note};
use attune::tui::keymap::Context;
use attune::tui::{Options, Start};
use chrono::{FixedOffset, TimeDelta, TimeZone};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;
use tempfile::TempDir;

const ORIGIN: Duration = Duration::from_secs(1000);

struct Rig {
    tmp: TempDir,
    store: Store,
    app: App,
    mono: Duration,
}

fn morning() -> Stamp {
    FixedOffset::east_opt(3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).single())
        .expect("a valid fixed time")
}

impl Rig {
    fn new() -> Rig {
        let tmp = tempfile::tempdir().expect("temp dir");
        let store = Store::open(layout(&tmp)).expect("store opens");
        Rig {
            tmp,
            store,
            app: App::new(TodaySummary::default(), false, false),
            mono: ORIGIN,
        }
    }

    fn now(&self) -> Now {
        let since = TimeDelta::from_std(self.mono - ORIGIN).expect("small");
        Now {
            wall: morning() + since,
            mono: self.mono,
        }
    }

    fn act(&mut self, action: Action) -> &mut Rig {
        let now = self.now();
        step(&mut self.app, &self.store, action, now);
        self
    }

    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Rig {
        let key = KeyEvent::new(code, modifiers);
        if let Some(action) = self.app.action_for_key(&key) {
            self.act(action);
        }
        self
    }

    fn key(&mut self, code: KeyCode) -> &mut Rig {
        self.press(code, KeyModifiers::NONE)
    }

    fn ctrl(&mut self, c: char) -> &mut Rig {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn keys(&mut self, text: &str) -> &mut Rig {
        for c in text.chars() {
            match c {
                '\n' => self.key(KeyCode::Enter),
                c => self.key(KeyCode::Char(c)),
            };
        }
        self
    }

    /// Let time pass by `secs`, ticking at the deadline the app asks for, as the event
    /// loop does.
    fn wait(&mut self, secs: f64) -> &mut Rig {
        let target = self.mono + Duration::from_secs_f64(secs);
        while let Some(at) = self.app.deadline() {
            if at > target {
                break;
            }
            self.mono = at.max(self.mono);
            self.act(Action::Tick);
        }
        self.mono = target;
        self
    }

    fn journal(&self) -> &JournalState {
        match &self.app.screen {
            Screen::Journal(j) => j,
            other => panic!("not the journal: {other:?}"),
        }
    }

    fn text(&self) -> String {
        self.journal()
            .editor
            .as_ref()
            .expect("editing")
            .text
            .string()
    }

    fn entries(&self) -> Vec<Record> {
        let snap = self.store.load_all().expect("store reads");
        let mut live: Vec<Record> = snap.merged.live().into_iter().cloned().collect();
        live.sort_by_key(|r| r.created_at);
        live
    }

    fn body(r: &Record) -> &Journal {
        match &r.body {
            Body::Journal(j) => j,
            other => panic!("not a journal entry: {other:?}"),
        }
    }

    fn state_dir(&self) -> std::path::PathBuf {
        self.store.layout().state_dir.clone()
    }

    fn draft(&self) -> Option<Draft> {
        drafts::read(&self.state_dir()).expect("draft reads")
    }

    /// Save an entry as the CLI would, at `days` before the morning.
    fn seed(&self, text: &str, tags: &[&str], words: &[&str], days: i64) -> Record {
        let new = NewEntry {
            text: text.into(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            sensations: words.iter().map(|s| s.to_string()).collect(),
            ..NewEntry::default()
        };
        let at = morning() - TimeDelta::days(days);
        let r = entry(new, &attune::content::prompts(), at).expect("an entry");
        self.store.save(r.clone()).expect("saved");
        r
    }
}

fn layout(tmp: &TempDir) -> Layout {
    Layout::new(tmp.path().join("data"), tmp.path().join("state"))
}

#[test]
fn unicode_emoji_and_right_to_left_words_are_saved_exactly() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j'));
    assert_eq!(rig.app.context(), Context::JournalList);
    rig.key(KeyCode::Char('n'));
    assert_eq!(rig.app.context(), Context::JournalWrite);
    let words = "Café ünïcödé, 日本語 🌿🫶🏽 and שלום עולם, مرحبا\nq and ? are words here";
    rig.keys(words);
    assert_eq!(rig.text(), words);
    rig.ctrl('s');
    let saved = rig.entries();
    assert_eq!(saved.len(), 1);
    let j = Rig::body(&saved[0]);
    assert_eq!(j.text, words);
    assert!(j.prompt_id.is_some(), "the prompt of the day is kept");
    assert_eq!(rig.journal().mode, Mode::List);
    assert_eq!(rig.journal().note, Some(Note::Saved));
    assert_eq!(rig.journal().list.entries[0].id, saved[0].id);
    assert_eq!(rig.draft(), None, "no draft once saved");
}

#[test]
fn a_pasted_megabyte_is_saved_whole() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    let line = "A long steady line of words, with ünïcödé and 🌿, again and again. ";
    let mut big = String::new();
    while big.len() < 1_048_576 {
        big.push_str(line);
        if big.len().is_multiple_of(7) {
            big.push('\n');
        }
    }
    rig.act(Action::Paste(big.clone()));
    rig.ctrl('s');
    let saved = rig.entries();
    assert_eq!(saved.len(), 1);
    assert_eq!(Rig::body(&saved[0]).text, big);
}

#[test]
fn empty_text_is_not_saved_and_says_so_gently() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.ctrl('s');
    rig.keys("  \n \n").ctrl('s');
    assert!(rig.entries().is_empty());
    let e = rig.journal().editor.as_ref().expect("still writing");
    assert_eq!(e.note, Some(EditorNote::Empty));
}

#[test]
fn esc_with_changes_asks_first_and_without_changes_just_leaves() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.key(KeyCode::Esc);
    assert_eq!(
        rig.journal().mode,
        Mode::List,
        "nothing written: no question"
    );
    rig.key(KeyCode::Char('n')).keys("half a thought");
    rig.key(KeyCode::Esc);
    assert_eq!(rig.journal().mode, Mode::Discard);
    assert_eq!(rig.app.context(), Context::JournalAsk);
    assert_eq!(
        rig.draft().map(|d| d.text).as_deref(),
        Some("half a thought"),
        "the question is a screen change: the words are kept meanwhile"
    );
    rig.key(KeyCode::Char('n'));
    assert_eq!(rig.journal().mode, Mode::Write);
    assert_eq!(rig.text(), "half a thought");
    rig.key(KeyCode::Esc).key(KeyCode::Char('y'));
    assert_eq!(rig.journal().mode, Mode::List);
    assert!(rig.entries().is_empty());
    assert_eq!(rig.draft(), None, "discarding when asked removes the draft");
}

#[test]
fn undo_in_the_editor_takes_back_typing() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.keys("keep this");
    rig.wait(0.1).keys(" not this");
    rig.ctrl('z');
    assert!(rig.text().len() < "keep this not this".len());
    rig.ctrl('y');
    assert_eq!(rig.text(), "keep this not this");
}

#[test]
fn editing_keeps_the_id_and_saves_a_newer_version() {
    let mut rig = Rig::new();
    let first = rig.seed("first words", &["work"], &["warm"], 1);
    rig.key(KeyCode::Char('j'));
    assert_eq!(rig.journal().list.entries.len(), 1);
    rig.key(KeyCode::Char('e'));
    assert_eq!(rig.app.context(), Context::JournalWrite);
    rig.press(KeyCode::End, KeyModifiers::CONTROL)
        .keys(", and more");
    rig.ctrl('s');
    let saved = rig.entries();
    assert_eq!(saved.len(), 1, "the same entry, not a second one");
    assert_eq!(saved[0].id, first.id);
    assert!(saved[0].updated_at > first.updated_at);
    let j = Rig::body(&saved[0]);
    assert_eq!(j.text, "first words, and more");
    assert_eq!(j.tags, ["work"]);
    assert!(matches!(rig.journal().mode, Mode::View { .. }));
}

#[test]
fn delete_asks_can_be_undone_and_is_written_once_the_list_is_left() {
    let mut rig = Rig::new();
    let older = rig.seed("older", &[], &[], 2);
    let newer = rig.seed("newer", &[], &[], 1);
    rig.key(KeyCode::Char('j'));
    rig.key(KeyCode::Char('d'));
    assert_eq!(rig.app.context(), Context::JournalAsk);
    rig.key(KeyCode::Char('n'));
    assert_eq!(rig.journal().list.entries.len(), 2, "n keeps it");
    rig.key(KeyCode::Char('d')).key(KeyCode::Char('y'));
    assert_eq!(rig.journal().list.entries.len(), 1);
    assert_eq!(rig.journal().note, Some(Note::Deleted));
    assert_eq!(rig.app.context(), Context::JournalUndo);
    assert_eq!(rig.entries().len(), 2, "no tombstone while undo is offered");
    rig.key(KeyCode::Char('u'));
    assert_eq!(
        rig.journal().list.entries[0].id,
        newer.id,
        "back in its place"
    );
    assert_eq!(rig.entries().len(), 2);

    rig.key(KeyCode::Char('d')).key(KeyCode::Char('y'));
    rig.key(KeyCode::Esc);
    assert_eq!(rig.app.screen, Screen::Home);
    let left: Vec<_> = rig.entries().iter().map(|r| r.id).collect();
    assert_eq!(left, [older.id], "written on leaving the list");

    // Quitting (Ctrl+C, a signal) writes it too.
    rig.key(KeyCode::Char('j'))
        .key(KeyCode::Char('d'))
        .key(KeyCode::Char('y'));
    rig.ctrl('c');
    assert!(rig.entries().is_empty());
}

#[test]
fn search_and_filters_narrow_the_list() {
    let mut rig = Rig::new();
    rig.seed("the sea was calm", &["holiday"], &["warm"], 40);
    rig.seed("a long day at work", &["work"], &["tight chest"], 3);
    rig.seed("work again, then the sea", &["work"], &["warm"], 1);
    rig.key(KeyCode::Char('j'));
    let shown = |rig: &Rig| -> Vec<String> {
        rig.journal()
            .list
            .entries
            .iter()
            .map(|r| Rig::body(r).text.clone())
            .collect()
    };
    assert_eq!(shown(&rig).len(), 3);
    assert_eq!(shown(&rig)[0], "work again, then the sea", "newest first");
    rig.key(KeyCode::Char('/')).keys("sea").key(KeyCode::Enter);
    assert_eq!(
        shown(&rig),
        ["work again, then the sea", "the sea was calm"]
    );
    rig.key(KeyCode::Char('x'));
    rig.key(KeyCode::Char('f')).key(KeyCode::Char('t'));
    rig.keys("work").key(KeyCode::Enter);
    assert_eq!(shown(&rig).len(), 2);
    rig.key(KeyCode::Char('w'))
        .keys("tight chest")
        .key(KeyCode::Enter);
    assert_eq!(shown(&rig), ["a long day at work"]);
    rig.key(KeyCode::Char('x'));
    rig.key(KeyCode::Char('r')).keys("2026-10-01..2026-10-31");
    rig.key(KeyCode::Enter);
    assert_eq!(shown(&rig), ["the sea was calm"]);
    rig.key(KeyCode::Char('r'));
    for _ in 0..30 {
        rig.key(KeyCode::Backspace);
    }
    rig.keys("last month").key(KeyCode::Enter);
    assert_eq!(rig.journal().note, Some(Note::DatesHelp));
    rig.key(KeyCode::Esc).key(KeyCode::Char('x'));
    assert_eq!(shown(&rig).len(), 3);
    // Enter on a search hit reads it in full.
    rig.key(KeyCode::Char('/')).keys("calm").key(KeyCode::Enter);
    rig.key(KeyCode::Enter);
    match &rig.journal().mode {
        Mode::View { record, .. } => assert_eq!(Rig::body(record).tags, ["holiday"]),
        other => panic!("not reading: {other:?}"),
    }
}

#[test]
fn an_entry_written_right_after_a_practice_links_to_it() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('b')).key(KeyCode::Enter);
    rig.key(KeyCode::Tab);
    rig.wait(30.0).key(KeyCode::Esc);
    assert_eq!(rig.app.context(), Context::BreatheClosing);
    rig.keys("3");
    rig.key(KeyCode::Char('j'));
    assert_eq!(rig.app.context(), Context::JournalWrite);
    rig.keys("calmer now").ctrl('s');
    let all = rig.entries();
    let session = all
        .iter()
        .find(|r| matches!(r.body, Body::Session(_)))
        .expect("the practice");
    let Body::Session(s) = &session.body else {
        unreachable!()
    };
    assert_eq!(s.distress_after, Some(3), "the rating typed is kept");
    let written = all
        .iter()
        .find(|r| matches!(r.body, Body::Journal(_)))
        .expect("the entry");
    assert_eq!(Rig::body(written).session_id, Some(session.id));
}

#[cfg(unix)]
fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn the_draft_is_kept_after_a_pause_and_on_every_screen_change_then_removed() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    assert_eq!(
        rig.app.deadline(),
        None,
        "nothing typed: nothing to wait for"
    );
    rig.keys("first words");
    assert!(rig.app.deadline().is_some());
    rig.wait(1.0);
    assert_eq!(rig.draft(), None, "typing has not paused long enough");
    rig.wait(1.5);
    let draft = rig.draft().expect("kept after the pause");
    assert_eq!(draft.text, "first words");
    #[cfg(unix)]
    assert_eq!(mode_of(&drafts::path(&rig.state_dir())), 0o600);
    assert!(
        !drafts::path(&rig.state_dir()).starts_with(&rig.store.layout().data_dir),
        "drafts live outside the data folder"
    );
    assert_eq!(rig.app.deadline(), None, "idle again once kept");

    rig.keys(" and more");
    rig.key(KeyCode::Tab).key(KeyCode::Char(' '));
    assert_eq!(rig.app.context(), Context::Picker);
    assert_eq!(
        rig.draft().map(|d| d.text).as_deref(),
        Some("first words and more")
    );
    rig.key(KeyCode::Char(' ')).key(KeyCode::Enter);
    rig.wait(3.0);
    assert_eq!(
        rig.draft().map(|d| d.sensations),
        Some(vec!["tight chest".to_string()])
    );

    rig.key(KeyCode::BackTab);
    assert_eq!(rig.app.context(), Context::JournalWrite);
    rig.keys(" more").act(Action::OpenHelp);
    assert!(rig.draft().is_some_and(|d| d.text.ends_with("more")));
    rig.act(Action::CloseHelp);

    rig.ctrl('s');
    assert_eq!(rig.entries().len(), 1);
    assert_eq!(rig.draft(), None, "removed once the entry is saved");
}

#[test]
fn quitting_while_typing_keeps_the_words_as_a_draft() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j'))
        .key(KeyCode::Char('n'))
        .keys("not yet saved");
    rig.act(Action::Quit);
    assert_eq!(
        rig.draft().map(|d| d.text).as_deref(),
        Some("not yet saved")
    );
}

fn start(tmp: &TempDir, start: Start) -> (App, Store) {
    // Not a first run: the welcome has been seen.
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).expect("state folder");
    std::fs::write(state.join("welcome-seen"), b"").expect("marker");
    attune::tui::start(Options {
        layout: layout(tmp),
        color: false,
        config_dir: None,
        start,
    })
    .expect("starts")
}

#[test]
fn a_draft_left_behind_is_offered_back_at_start_and_can_be_set_aside() {
    let rig = Rig::new();
    let mut kept = Draft::new("words from before the crash 🌿".into(), morning());
    kept.tags = vec!["night".into()];
    drafts::write(&rig.state_dir(), &kept).expect("written");

    let (mut app, store) = start(&rig.tmp, Start::Home);
    assert_eq!(app.context(), Context::JournalDraft);
    let key = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let now = Now {
        wall: morning(),
        mono: ORIGIN,
    };
    let action = app.action_for_key(&key).expect("Enter restores");
    step(&mut app, &store, action, now);
    let Screen::Journal(j) = &app.screen else {
        panic!("not the journal")
    };
    let e = j.editor.as_ref().expect("writing again");
    assert_eq!(e.text.string(), "words from before the crash 🌿");
    assert_eq!(e.tag_list(), ["night"]);
    step(&mut app, &store, Action::Save, now);
    assert_eq!(
        drafts::read(&store.layout().state_dir).expect("reads"),
        None
    );

    // Set aside: kept in a file with its time, never deleted.
    drafts::write(&rig.state_dir(), &kept).expect("written");
    let (mut app, store) = start(&rig.tmp, Start::Journal { entry: None });
    assert_eq!(app.context(), Context::JournalDraft);
    let action = app
        .action_for_key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE))
        .expect("s sets aside");
    step(&mut app, &store, action, now);
    assert_eq!(app.context(), Context::JournalList);
    let aside: Vec<_> = std::fs::read_dir(drafts::dir(&rig.state_dir()))
        .expect("lists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("set-aside-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
}

#[test]
fn journal_new_in_a_terminal_opens_the_editor_prefilled() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let new = NewEntry {
        prompt_id: Some("body-03".into()),
        tags: vec!["morning".into()],
        sensations: vec!["warm".into()],
        ..NewEntry::default()
    };
    let (app, _store) = start(&tmp, Start::Journal { entry: Some(new) });
    assert_eq!(app.context(), Context::JournalWrite);
    let Screen::Journal(j) = &app.screen else {
        panic!("not the journal")
    };
    let e = j.editor.as_ref().expect("writing");
    assert_eq!(e.prompt.id().as_deref(), Some("body-03"));
    assert_eq!(e.sensations, ["warm"]);
    assert_eq!(e.tag_list(), ["morning"]);
}

#[test]
fn prompts_another_a_category_or_none_and_grounding_after_painful_writing() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    let first = rig.journal().editor.as_ref().and_then(|e| e.prompt.id());
    rig.key(KeyCode::BackTab);
    assert_eq!(rig.app.context(), Context::JournalPrompt);
    rig.key(KeyCode::Char('n'));
    let second = rig.journal().editor.as_ref().and_then(|e| e.prompt.id());
    assert_ne!(first, second, "another prompt");
    rig.key(KeyCode::Char('f'));
    assert_eq!(
        rig.journal().editor.as_ref().and_then(|e| e.prompt.id()),
        None
    );
    rig.key(KeyCode::Char('c'));
    assert_eq!(rig.app.context(), Context::JournalCategories);
    let n = rig.journal().prompts.categories.len();
    for _ in 0..n {
        rig.key(KeyCode::Down);
    }
    rig.key(KeyCode::Enter);
    let e = rig.journal().editor.as_ref().expect("writing");
    assert_eq!(e.prompt.category.as_deref(), Some("expressive"));
    assert!(e.prompt.expressive(&rig.journal().prompts));
    rig.keys("something hard").ctrl('s');
    assert_eq!(rig.journal().note, Some(Note::SavedExpressive));
}
