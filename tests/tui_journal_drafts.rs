//! Not one keystroke lost: the journal draft is kept after typing pauses, on every
//! screen change and on quitting, privately outside the data folder, removed once the
//! entry is saved, and offered back (or set aside) at the next start.

use crate::journal_support::{ORIGIN, Rig, layout, morning};
use attune::service::journal::NewEntry;
use attune::store::Store;
use attune::store::drafts::{self, Draft};
use attune::tui::action::Action;
use attune::tui::app::{App, Now, Screen};
use attune::tui::effect::step;
use attune::tui::keymap::Context;
use attune::tui::{Options, Start};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

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
    assert_eq!(rig.app.deadline(), None, "nothing typed: nothing to wait for");
    rig.keys("first words");
    assert!(rig.app.deadline().is_some());
    rig.wait(1.0);
    assert_eq!(rig.draft(), None, "typing has not paused long enough");
    rig.wait(1.5);
    let draft = rig.draft().expect("kept after the pause");
    assert_eq!(draft.text, "first words");
    #[cfg(unix)]
    assert_eq!(mode_of(&drafts::own_path(&rig.state_dir()).expect("a slot")), 0o600);
    assert!(
        !drafts::own_path(&rig.state_dir())
            .expect("a slot")
            .starts_with(&rig.store.layout().data_dir),
        "drafts live outside the data folder"
    );
    assert_eq!(rig.app.deadline(), None, "idle again once kept");

    rig.keys(" and more");
    rig.key(KeyCode::Tab).key(KeyCode::Char(' '));
    assert_eq!(rig.app.context(), Context::Picker);
    assert_eq!(rig.draft().map(|d| d.text).as_deref(), Some("first words and more"));
    rig.key(KeyCode::Char(' ')).key(KeyCode::Enter);
    rig.wait(3.0);
    assert_eq!(rig.draft().map(|d| d.sensations), Some(vec!["tight chest".to_string()]));

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
    assert_eq!(rig.draft().map(|d| d.text).as_deref(), Some("not yet saved"));
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
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(morning()),
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
    assert_eq!(drafts::read(&store.layout().state_dir).expect("reads"), None);

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
        .filter_map(std::result::Result::ok)
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
