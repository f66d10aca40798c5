//! Keys in, entry out, for the journal: drive `App::update` with key presses through the
//! keymap and a fake clock, perform effects against a real store in a temp dir, and read
//! back the records. No terminal, no real clock. Drafts: tui_journal_drafts.rs.

use crate::journal_support::Rig;
use attune::store::model::Body;
use attune::tui::action::Action;
use attune::tui::app::Screen;
use attune::tui::journal::editor::EditorNote;
use attune::tui::journal::{Mode, Note};
use attune::tui::keymap::Context;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
    assert_eq!(rig.journal().mode, Mode::List, "nothing written: no question");
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
    assert_eq!(rig.journal().list.entries[0].id, newer.id, "back in its place");
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
    assert_eq!(shown(&rig), ["work again, then the sea", "the sea was calm"]);
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
    assert_eq!(rig.journal().editor.as_ref().and_then(|e| e.prompt.id()), None);
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

#[test]
fn words_saved_over_an_entry_deleted_elsewhere_are_kept_as_a_new_entry() {
    let mut rig = Rig::new();
    let first = rig.seed("first words", &["work"], &[], 1);
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('e'));
    rig.press(KeyCode::End, KeyModifiers::CONTROL)
        .keys(", written while it was deleted");
    // Meanwhile the entry is deleted from the command line (or another device).
    let later = first.updated_at + chrono::TimeDelta::seconds(5);
    attune::service::journal::delete(&rig.store, &first, later).expect("deleted");
    rig.ctrl('s');
    let saved = rig.entries();
    assert_eq!(saved.len(), 1, "the words live on, once: {saved:?}");
    assert_ne!(saved[0].id, first.id, "as a new entry; the delete stands");
    assert_eq!(Rig::body(&saved[0]).text, "first words, written while it was deleted");
    assert_eq!(rig.journal().note, Some(Note::SavedAsNew));
}

#[test]
fn an_entry_over_the_limit_is_shown_not_opened_and_says_how_to_edit_it() {
    let big = "A paragraph of steady words, written on a long evening.\n".repeat(20_000);
    assert!(big.len() > attune::domain::journal::MAX_TEXT_BYTES);
    let long_line = "x".repeat(attune::domain::journal::MAX_LINE_BYTES + 1);
    for text in [big, long_line] {
        let mut rig = Rig::new();
        let seeded = rig.seed(&text, &[], &[], 1);
        rig.key(KeyCode::Char('j')).key(KeyCode::Char('e'));
        assert!(rig.journal().editor.is_none(), "not opened in the editor here");
        assert!(matches!(rig.journal().mode, Mode::View { .. }));
        let short = attune::service::journal::short_id(&seeded.id);
        assert_eq!(rig.journal().note, Some(Note::TooBig(short.clone())));
        let said = attune::copy::journal::too_big(&short);
        assert!(said.contains(&format!("attune journal edit {short}")), "{said}");
        assert_eq!(Rig::body(&rig.entries()[0]).text, text, "unchanged");
    }
}

#[test]
fn search_opens_empty_folds_accents_counts_and_marks_its_matches() {
    let mut rig = Rig::new();
    let long = "A slow morning at the Café, then a walk that went on past the river, the old \
                mill and the hills beyond the town";
    rig.seed(long, &[], &[], 2);
    rig.seed("Tea with Ana at the cafe", &[], &[], 1);
    rig.seed("Nothing to find here", &[], &[], 0);
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('/'));
    rig.keys("cafe").key(KeyCode::Enter);
    let app = &rig.app;
    let screen = tui_support_text(app);
    assert!(screen.contains("Showing 2 entries: “cafe”"), "{screen}");
    // A first line cut to the row ends with "…".
    let cut = screen
        .lines()
        .find(|l| l.contains("A slow morning"))
        .expect("the long entry");
    assert!(cut.trim_end().ends_with('…'), "{cut}");
    assert!(!screen.contains("Nothing to find"), "{screen}");
    // "Café" is marked where it was found, in the chosen style, as "cafe" is.
    let buf = attune_buffer(app);
    let (x, y) = find_cell(&buf, "Café").expect("on screen");
    let chosen = attune::tui::theme::Theme::new(false).chosen();
    assert_eq!(buf[(x, y)].modifier, chosen.add_modifier, "marked");
    assert_ne!(buf[(x - 2, y)].modifier, chosen.add_modifier, "the rest is not");

    // A new search starts empty; Ctrl+U clears what was typed.
    rig.key(KeyCode::Char('/'));
    assert_eq!(
        rig.journal().mode,
        Mode::Input(attune::tui::journal::InputKind::Search, String::new())
    );
    rig.keys("tea");
    rig.ctrl('u');
    assert_eq!(
        rig.journal().mode,
        Mode::Input(attune::tui::journal::InputKind::Search, String::new())
    );
}

fn tui_support_text(app: &attune::tui::app::App) -> String {
    let buf = attune_buffer(app);
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn attune_buffer(app: &attune::tui::app::App) -> ratatui::buffer::Buffer {
    buffer_at(app, 80, 24)
}

fn buffer_at(app: &attune::tui::app::App, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    terminal
        .draw(|f| attune::tui::ui::render(app, f))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// Where `word` starts on screen.
fn find_cell(buf: &ratatui::buffer::Buffer, word: &str) -> Option<(u16, u16)> {
    let first = word.chars().next()?.to_string();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let rest: String = (x..buf.area.width)
                .take(word.chars().count())
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            if buf[(x, y)].symbol() == first && rest == word {
                return Some((x, y));
            }
        }
    }
    None
}

#[test]
fn undo_takes_back_a_word_or_what_came_before_a_pause_and_redo_is_offered() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.keys("calm now");
    rig.ctrl('z');
    assert_eq!(rig.text(), "calm ");
    rig.ctrl('z');
    assert_eq!(rig.text(), "");
    rig.ctrl('y');
    assert_eq!(rig.text(), "calm ");
    // Typing after a pause is a step of its own, however short.
    rig.ctrl('y');
    assert_eq!(rig.text(), "calm now");
    rig.wait(2.0);
    rig.keys("er");
    rig.ctrl('z');
    assert_eq!(rig.text(), "calm now");
    let screen = tui_support_text(&rig.app);
    let footer: String = screen.lines().skip(21).collect();
    assert!(footer.contains("Ctrl+Z undo") && footer.contains("Ctrl+Y redo"), "{screen}");
}

#[test]
fn every_prompt_keeps_every_letter_in_the_smallest_window_and_its_words_row_is_labelled() {
    for prompt in attune::content::prompts().prompts {
        let mut rig = Rig::new();
        let new = attune::service::journal::NewEntry {
            prompt_id: Some(prompt.id.clone()),
            ..Default::default()
        };
        let first = rig
            .app
            .open_journal(attune::tui::journal::Intent::Write(new));
        let now = rig.now();
        attune::tui::effect::settle(&mut rig.app, &rig.store, first.into_iter().collect(), now);
        rig.act(Action::Resize(40, 12));
        let buf = buffer_at(&rig.app, 40, 12);
        let screen = (0..12)
            .map(|y| {
                (0..40)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n");
        let shown: Vec<&str> = screen.split_whitespace().collect();
        for word in prompt.text.split_whitespace() {
            assert!(shown.contains(&word), "{:?} lost {word:?}:\n{screen}", prompt.id);
        }
        assert!(screen.contains("Words"), "{screen}");
    }
}

#[test]
fn s_on_an_entry_being_read_stars_it_and_again_takes_the_star_off() {
    let mut rig = Rig::new();
    rig.seed("A good talk with Sam", &[], &[], 0);
    rig.key(KeyCode::Char('j')).key(KeyCode::Enter);
    assert_eq!(rig.app.context(), Context::JournalView);
    assert!(tui_support_text(&rig.app).contains("s star"));
    rig.key(KeyCode::Char('s'));
    assert!(Rig::body(&rig.entries()[0]).starred);
    assert!(tui_support_text(&rig.app).contains("★"));
    rig.key(KeyCode::Esc);
    assert!(tui_support_text(&rig.app).contains("★"), "the list shows it too");
    rig.key(KeyCode::Enter).key(KeyCode::Char('s'));
    assert!(!Rig::body(&rig.entries()[0]).starred);
}

#[test]
fn editing_an_entry_puts_the_cursor_after_its_last_word() {
    let mut rig = Rig::new();
    rig.seed("first line\nsecond line", &[], &[], 1);
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('e'));
    rig.keys(" and more");
    assert_eq!(rig.text(), "first line\nsecond line and more");
}

#[test]
fn ctrl_o_without_a_terminal_to_lend_says_so_and_keeps_every_word() {
    let mut rig = Rig::new();
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.keys("still here");
    rig.ctrl('o');
    assert_eq!(rig.text(), "still here");
    let screen = tui_support_text(&rig.app);
    assert!(screen.contains("there is no terminal here to open your editor on"), "{screen}");
}
