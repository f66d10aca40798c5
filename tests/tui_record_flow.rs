//! Your record in the app, keys in and record out: a day of check-ins and practices from
//! home's `r`, a mistyped check-in corrected in its own form, a practice re-rated and
//! given a note, deletes with an undo (and gone from every file after), and days stepped.

use crate::flow_support::{Rig, stamp};
use attune::store::model::{Body, Checkin, Record, Session};
use attune::tui::app::Screen;
use attune::tui::keymap::Context;

fn checkin(distress: u8, note: &str, at: &str, hour: u32) -> Record {
    Record::new(
        Body::Checkin(Checkin {
            distress,
            tension: Some(7),
            note: Some(note.into()),
            ..Checkin::default()
        }),
        stamp(at, hour),
    )
}

fn practice(at: &str, hour: u32) -> Record {
    Record::new(
        Body::Session(Session {
            practice: "breathe".into(),
            practice_id: "exhale-4-6".into(),
            actual_seconds: 300.0,
            completed: true,
            distress_before: Some(8),
            ..Session::default()
        }),
        stamp(at, hour),
    )
}

/// A rig on 2 Dec 2026 at noon, with these records stored.
fn rig_with(records: &[&Record]) -> Rig {
    let rig = Rig::from_wall(stamp("2026-12-02", 12));
    for r in records {
        rig.store.save((*r).clone()).expect("saved");
    }
    rig
}

fn stored(rig: &Rig, id: uuid::Uuid) -> Option<Record> {
    rig.records().into_iter().find(|r| r.id == id)
}

/// Every byte under the data folder, as text.
fn all_files(rig: &Rig) -> String {
    let mut out = String::new();
    let mut dirs = vec![rig.tmp.path().to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                out.push_str(&String::from_utf8_lossy(&std::fs::read(&path).expect("reads")));
            }
        }
    }
    out
}

#[test]
fn home_r_shows_the_day_newest_first_with_names_values_and_notes() {
    let c = checkin(4, "after the call", "2026-12-02", 9);
    let p = practice("2026-12-02", 10);
    let mut rig = rig_with(&[&c, &p]);
    assert!(rig.screen(80, 24).contains("r  record"));
    rig.press("r");
    let screen = rig.screen(80, 24);
    assert!(screen.contains("Your record · Wed 2 Dec 2026"), "{screen}");
    let practice_at = screen
        .find("Long exhale 4-6")
        .expect("the practice by its name");
    let checkin_at = screen.find("Check-in").expect("the check-in");
    assert!(practice_at < checkin_at, "newest first: {screen}");
    assert!(screen.contains("5 min · distress before 8"), "{screen}");
    assert!(screen.contains("distress 4 · muscle tension 7"), "{screen}");
    assert!(screen.contains("after the call"), "{screen}");
    let small = rig.screen(40, 12);
    assert!(small.contains("Long exhale 4-6") && small.contains("e edit"), "{small}");
}

#[test]
fn a_mistyped_check_in_is_corrected_in_its_own_form_and_the_new_version_wins() {
    let c = checkin(10, "meant one", "2026-12-02", 9);
    let mut rig = rig_with(&[&c]);
    rig.press("re");
    let form = rig.screen(80, 24);
    assert!(form.contains("Change a check-in"), "{form}");
    assert!(form.contains("meant one"), "prefilled: {form}");
    assert!(!form.contains("Sleep is asked"), "{form}");
    rig.press("1<Enter>");
    let back = rig.screen(80, 24);
    assert!(back.contains("Your record") && back.contains("Changed."), "{back}");
    assert!(back.contains("distress 1 · muscle tension 7"), "{back}");
    let now = stored(&rig, c.id).expect("still there");
    let Body::Checkin(saved) = &now.body else {
        panic!("a check-in")
    };
    assert_eq!((saved.distress, saved.tension), (1, Some(7)));
    assert_eq!(saved.note.as_deref(), Some("meant one"));
    assert!(now.updated_at > c.updated_at);
}

#[test]
fn a_check_in_form_left_unchanged_goes_back_without_asking_or_saving() {
    let c = checkin(3, "fine", "2026-12-02", 9);
    let mut rig = rig_with(&[&c]);
    rig.press("re<Esc>");
    assert_eq!(rig.app.context(), Context::Record);
    assert_eq!(stored(&rig, c.id), Some(c.clone()));
    // Saved as it was: nothing new is written, and the screen says so.
    rig.press("e<Enter>");
    assert!(rig.screen(80, 24).contains("Nothing changed."));
    assert_eq!(stored(&rig, c.id), Some(c));
}

#[test]
fn a_practice_is_re_rated_and_given_a_note() {
    let p = practice("2026-12-02", 10);
    let mut rig = rig_with(&[&p]);
    rig.press("re");
    assert_eq!(rig.app.context(), Context::RecordRating);
    let form = rig.screen(80, 24);
    assert!(form.contains("Distress before") && form.contains("Distress after"), "{form}");
    rig.press("6<Down>3<Down>");
    assert_eq!(rig.app.context(), Context::RecordNote);
    rig.keys("calmer after");
    rig.press("<Enter>");
    let back = rig.screen(80, 24);
    assert!(back.contains("distress 6 → 3") && back.contains("calmer after"), "{back}");
    let Body::Session(s) = stored(&rig, p.id).expect("kept").body else {
        panic!("a practice")
    };
    assert_eq!((s.distress_before, s.distress_after), (Some(6), Some(3)));
    assert_eq!(s.note.as_deref(), Some("calmer after"));
}

#[test]
fn a_change_to_a_practice_is_asked_about_before_it_is_let_go() {
    let p = practice("2026-12-02", 10);
    let mut rig = rig_with(&[&p]);
    rig.press("re2<Esc>");
    assert_eq!(rig.app.context(), Context::RecordAsk);
    assert!(
        rig.screen(80, 24)
            .contains("Leave without saving the change?")
    );
    rig.press("n");
    assert_eq!(rig.app.context(), Context::RecordRating);
    rig.press("<Esc>y");
    assert_eq!(rig.app.context(), Context::Record);
    assert_eq!(stored(&rig, p.id), Some(p));
}

#[test]
fn a_delete_asks_can_be_undone_and_once_left_its_words_are_in_no_file() {
    let c = checkin(5, "private words here", "2026-12-02", 9);
    let mut rig = rig_with(&[&c]);
    rig.press("rd");
    assert!(
        rig.screen(80, 24)
            .contains("Delete the check-in from 09:00?")
    );
    rig.press("n");
    assert!(stored(&rig, c.id).is_some());
    rig.press("dy");
    let deleted = rig.screen(80, 24);
    assert!(deleted.contains("Deleted. Press u to bring it back."), "{deleted}");
    assert!(!deleted.contains("private words here"), "{deleted}");
    rig.press("u");
    assert!(rig.screen(80, 24).contains("private words here"));
    rig.press("dy<Esc>");
    assert_eq!(rig.app.screen, Screen::Home);
    assert!(stored(&rig, c.id).is_none());
    assert!(!all_files(&rig).contains("private words here"));
}

#[test]
fn quitting_with_a_delete_waiting_for_its_undo_still_deletes() {
    let c = checkin(5, "gone", "2026-12-02", 9);
    let mut rig = rig_with(&[&c]);
    rig.press("rdy<C-c>");
    assert!(rig.app.quit);
    assert!(stored(&rig, c.id).is_none());
}

#[test]
fn days_step_back_and_on_and_say_when_there_is_nothing_more() {
    let older = checkin(6, "older", "2026-11-28", 9);
    let newer = checkin(2, "newer", "2026-12-02", 9);
    let mut rig = rig_with(&[&older, &newer]);
    rig.press("r");
    assert!(rig.screen(80, 24).contains("Wed 2 Dec 2026"));
    rig.press("<Left>");
    let earlier = rig.screen(80, 24);
    assert!(earlier.contains("Sat 28 Nov 2026") && earlier.contains("older"), "{earlier}");
    rig.press("<Left>");
    assert!(
        rig.screen(80, 24)
            .contains("Nothing earlier than this day.")
    );
    rig.press("<Right>");
    assert!(rig.screen(80, 24).contains("Wed 2 Dec 2026"));
    rig.press("<Right>");
    assert!(rig.screen(80, 24).contains("Nothing later than this day."));
}

#[test]
fn an_empty_record_says_what_will_show_there() {
    let mut rig = rig_with(&[]);
    rig.press("r");
    let screen = rig.screen(80, 24);
    assert!(screen.contains("Nothing recorded yet."), "{screen}");
    rig.press("ed<Esc>");
    assert_eq!(rig.app.screen, Screen::Home);
}

#[test]
fn a_practice_deleted_in_the_app_is_undone_once_then_gone_from_every_file() {
    let mut p = practice("2026-12-02", 10);
    if let Body::Session(s) = &mut p.body {
        s.note = Some("a private practice note".into());
    }
    let mut rig = rig_with(&[&p]);
    rig.press("rdyu");
    assert!(stored(&rig, p.id).is_some(), "undone");
    assert!(rig.screen(80, 24).contains("a private practice note"));
    rig.press("dy<Left>");
    assert!(stored(&rig, p.id).is_none(), "moving to another day lets the undo go");
    assert!(!all_files(&rig).contains("a private practice note"));
}
