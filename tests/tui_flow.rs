//! Keys in, record out: drive the TUI's `App::update` with key presses mapped through the
//! keymap, perform the effects against a real store in a temp dir, and read back what was
//! saved. No terminal; the clock is fixed.

use crate::flow_support::{Rig, morning};
use attune::domain::today::TodaySummary;
use attune::store::model::{Body, Checkin};
use attune::tui::app::{Notice, Now, Screen};
use attune::tui::checkin::{FormMessage, Item};
use attune::tui::effect::step;
use attune::tui::keymap::Context;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn now() -> Now {
    Now {
        wall: morning(),
        mono: std::time::Duration::ZERO,
    }
}

impl Rig {
    fn saved(&self) -> Vec<Checkin> {
        let snap = self.store.load_all().expect("store reads");
        snap.merged
            .live()
            .into_iter()
            .filter_map(|r| match &r.body {
                Body::Checkin(c) => Some(c.clone()),
                _ => None,
            })
            .collect()
    }

    fn form_message(&self) -> Option<FormMessage> {
        match &self.app.screen {
            Screen::Checkin(form) => form.message.clone(),
            _ => None,
        }
    }

    fn focused(&self) -> Option<Item> {
        match &self.app.screen {
            Screen::Checkin(form) => Some(form.focused()),
            _ => None,
        }
    }
}

#[test]
fn a_full_check_in_from_keys_to_record() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c");
    assert_eq!(rig.app.context(), Context::CheckinScale);
    rig.press("6"); // distress
    rig.press("<Down>3"); // tension
    rig.press("<Tab>7<Right>"); // breathing ease 8
    rig.press("<Down>5<BS>"); // energy set, then cleared
    rig.press("<Down>4"); // sleep: first check-in of the day
    rig.press("<Down>10"); // pain 10
    rig.press("<Down>"); // sensations
    assert_eq!(rig.focused(), Some(Item::Sensations));
    rig.press("<Space>"); // open the picker
    assert_eq!(rig.app.context(), Context::Picker);
    rig.press("<Space><Enter>"); // the first word, tight chest; close the picker
    rig.press("<Down>slept badly? q 2"); // the note takes ?, q and digits
    rig.press("<Enter>");

    let saved = rig.saved();
    assert_eq!(saved.len(), 1);
    let c = &saved[0];
    assert_eq!(c.distress, 6);
    assert_eq!(c.tension, Some(3));
    assert_eq!(c.breath, Some(8));
    assert_eq!(c.energy, None);
    assert_eq!(c.sleep, Some(4));
    assert_eq!(c.pain, Some(10));
    assert_eq!(c.sensations, vec!["tight chest"]);
    assert_eq!(c.note.as_deref(), Some("slept badly? q 2"));

    // Back home, thanked, and today's numbers refreshed from the store.
    assert_eq!(rig.app.screen, Screen::Home);
    assert_eq!(rig.app.notices, vec![Notice::Thanks]);
    assert_eq!(rig.app.today.checkins_today, 1);
    assert_eq!(rig.app.today.latest_distress, Some(6));
}

#[test]
fn the_rigs_key_notation_names_every_key_it_presses() {
    use crate::flow_support::parse_keys;
    use ratatui::crossterm::event::KeyModifiers as M;
    let none = M::NONE;
    assert_eq!(
        parse_keys("b<Enter>5<lt><C-s><S-Tab><F1>é"),
        [
            (KeyCode::Char('b'), none),
            (KeyCode::Enter, none),
            (KeyCode::Char('5'), none),
            (KeyCode::Char('<'), none),
            (KeyCode::Char('s'), M::CONTROL),
            (KeyCode::BackTab, M::SHIFT),
            (KeyCode::F(1), none),
            (KeyCode::Char('é'), none),
        ]
    );
    // A lone '<' is itself.
    assert_eq!(
        parse_keys("a<b"),
        [
            (KeyCode::Char('a'), none),
            (KeyCode::Char('<'), none),
            (KeyCode::Char('b'), none)
        ]
    );
}

#[test]
fn keys_in_picture_out() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c7");
    let form = rig.screen(80, 24);
    assert!(form.contains("Distress") && form.contains('7'), "{form}");
    rig.press("<Enter>");
    assert!(rig.screen(80, 24).contains("Thank you for checking in."));
}

#[test]
fn esc_on_an_empty_check_in_leaves_at_once() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c<Esc>");
    assert_eq!(rig.app.screen, Screen::Home);
    assert!(rig.saved().is_empty());
}

#[test]
fn esc_on_a_filled_check_in_asks_before_letting_it_go() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c4<Esc>");
    assert_eq!(rig.app.context(), Context::CheckinAsk);
    let asked = rig.screen(80, 24);
    assert!(asked.contains("Leave without saving this check-in?"), "{asked}");
    assert!(rig.screen(40, 12).contains("Leave without saving"));

    // n, or Esc again, goes back to the form with the 4 still there.
    rig.press("n");
    assert_eq!(rig.app.context(), Context::CheckinScale);
    rig.press("<Esc><Esc>");
    assert_eq!(rig.app.context(), Context::CheckinScale);
    let back = rig.screen(80, 24);
    assert!(back.contains('4') && !back.contains("Leave without"), "{back}");

    rig.press("<Esc>y");
    assert_eq!(rig.app.screen, Screen::Home);
    assert!(rig.saved().is_empty());
}

#[test]
fn a_note_alone_is_asked_about_too() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c<End>");
    for _ in 0..10 {
        rig.press("<Down>");
    }
    rig.press("tight jaw<Esc>");
    assert_eq!(rig.app.context(), Context::CheckinAsk);
}

#[test]
fn the_note_edits_in_place_with_the_cursor_keys() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c5");
    for _ in 0..10 {
        rig.press("<Down>");
    }
    rig.press("slept bady<Left>l<Home><Del>S<End>!<Left><Left><Right><BS>Y");
    let form = rig.screen(80, 24);
    assert!(form.contains("Slept badlY!"), "{form}");
    rig.press("<Enter>");
    let saved = rig.saved();
    assert_eq!(saved[0].note.as_deref(), Some("Slept badlY!"));
}

#[test]
fn a_check_in_without_sleep_says_when_sleep_is_asked() {
    let later = TodaySummary {
        checkins_today: 1,
        ..TodaySummary::default()
    };
    let mut rig = Rig::at_zero(later);
    rig.press("c");
    for (w, h) in [(80, 24), (40, 12)] {
        let form = rig.screen(w, h);
        assert!(!form.contains("Sleep  "), "{form}");
        assert!(form.contains("first check-in"), "{w}x{h}:\n{form}");
    }
    let mut first = Rig::at_zero(TodaySummary::default());
    first.press("c");
    assert!(!first.screen(80, 24).contains("first check-in"));
}

#[test]
fn enter_without_distress_saves_nothing_and_says_why() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c<Down>2<Enter>");
    assert!(rig.saved().is_empty());
    assert_eq!(rig.form_message(), Some(FormMessage::NeedDistress));
    assert_eq!(rig.focused(), Some(Item::Scale(attune::domain::checkin::Scale::Distress)));
    // Choosing a distress clears the message, and then Enter saves, keeping the tension.
    rig.keys("3");
    assert_eq!(rig.form_message(), None);
    rig.key(KeyCode::Enter);
    let saved = rig.saved();
    assert_eq!((saved[0].distress, saved[0].tension), (3, Some(2)));
}

#[test]
fn one_then_zero_makes_ten() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c10<Enter>");
    assert_eq!(rig.saved()[0].distress, 10);
    // Distress this high points to help, without blocking anything.
    assert_eq!(rig.app.notices, vec![Notice::Thanks, Notice::HelpIsNear]);
    assert_eq!(rig.app.context(), Context::Home);
}

#[test]
fn the_picker_toggles_words_and_adds_an_own_word() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('c')).keys("2");
    while rig.focused() != Some(Item::Sensations) {
        rig.key(KeyCode::Down);
    }
    rig.key(KeyCode::Char(' '));
    rig.key(KeyCode::Char(' ')); // choose "tight chest"
    rig.key(KeyCode::Down).key(KeyCode::Char(' ')); // choose "headache"
    rig.key(KeyCode::Up).key(KeyCode::Char(' ')); // and unchoose "tight chest"
    // The last row adds a word of one's own; '?' and digits type there too.
    for _ in 0..40 {
        rig.key(KeyCode::Down);
    }
    rig.key(KeyCode::Char(' '));
    assert_eq!(rig.app.context(), Context::PickerOwnWord);
    rig.keys("Fizzy Feet").key(KeyCode::Backspace).keys("t");
    rig.key(KeyCode::Enter); // adds the word and stays in the picker
    assert_eq!(rig.app.context(), Context::Picker);
    rig.key(KeyCode::Esc); // closes the picker, keeping the choices
    assert_eq!(rig.app.context(), Context::CheckinWords);
    rig.key(KeyCode::Enter);
    assert_eq!(rig.saved()[0].sensations, vec!["headache", "fizzy feet"]);
}

#[test]
fn sleep_is_asked_only_in_the_first_check_in_of_the_day() {
    let later = TodaySummary {
        checkins_today: 1,
        latest_distress: Some(3),
        ..Default::default()
    };
    let mut rig = Rig::at_zero(later);
    rig.key(KeyCode::Char('c'));
    let Screen::Checkin(form) = &rig.app.screen else {
        panic!("on the check-in")
    };
    assert!(
        !form
            .items
            .contains(&Item::Scale(attune::domain::checkin::Scale::Sleep))
    );
}

#[test]
fn help_opens_from_every_screen_and_closes_back_to_it() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('?'));
    assert_eq!(rig.app.context(), Context::Help);
    rig.key(KeyCode::Esc).key(KeyCode::Char('c'));
    rig.key(KeyCode::Char('?'));
    assert_eq!(rig.app.context(), Context::Help);
    rig.key(KeyCode::Char('q')); // closes help; never quits from inside it
    assert_eq!(rig.app.context(), Context::CheckinScale);
    assert!(!rig.app.quit);
    while rig.focused() != Some(Item::Note) {
        rig.key(KeyCode::Down);
    }
    rig.key(KeyCode::F(1));
    assert_eq!(rig.app.context(), Context::Help);
    rig.key(KeyCode::Esc)
        .key_with(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(rig.app.quit);
}

#[test]
fn the_welcome_is_remembered_once_dismissed() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.app.welcome = true;
    let marker = attune::store::marks::welcome_path(rig.store.layout());
    rig.key(KeyCode::Char('c')); // not yet: the notice is showing
    assert_eq!(rig.app.screen, Screen::Home);
    assert!(!marker.exists());
    rig.key(KeyCode::Enter);
    assert!(!rig.app.welcome);
    assert!(marker.exists());
    let restarted = attune::tui::start(attune::tui::Options {
        layout: rig.store.layout().clone(),
        color: false,
        config_dir: None,
        config: Default::default(),
        config_notice: false,
        reduced_motion: false,
        clock: attune::clock::Clock::pinned(now().wall),
        start: attune::tui::Start::Home,
    })
    .expect("starts");
    assert!(!restarted.0.welcome);
}

#[test]
fn a_failed_save_keeps_everything_and_says_so_calmly() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('c'))
        .keys("5")
        .key(KeyCode::Down)
        .keys("2");
    // A file where this device's records folder should be: the save cannot be made.
    // (A month file attune cannot read no longer stops a save: it goes beside it.)
    let dir = rig.store.layout().device_dir(rig.store.device());
    std::fs::create_dir_all(dir.parent().expect("records folder")).expect("records folder");
    if dir.is_dir() {
        std::fs::remove_dir_all(&dir).expect("clear the device folder");
    }
    std::fs::write(&dir, "not a folder").expect("write");
    rig.key(KeyCode::Enter);
    let Screen::Checkin(form) = &rig.app.screen else {
        panic!("still on the check-in")
    };
    assert!(matches!(form.message, Some(FormMessage::SaveFailed(_))));
    let kept = form.to_checkin().expect("still filled in");
    assert_eq!((kept.distress, kept.tension), (5, Some(2)));
}

#[test]
fn left_and_right_move_by_a_whole_column_of_the_picker() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('c')).keys("1");
    while rig.focused() != Some(Item::Sensations) {
        rig.key(KeyCode::Down);
    }
    // At 80x24 the 21 rows stand in two columns of 11: Right lands on the 12th word.
    rig.key(KeyCode::Char(' '))
        .key(KeyCode::Right)
        .key(KeyCode::Char(' '));
    rig.key(KeyCode::Left)
        .key(KeyCode::Left)
        .key(KeyCode::Char(' '));
    rig.key(KeyCode::Enter).key(KeyCode::Enter);
    assert_eq!(rig.saved()[0].sensations, vec!["lump in throat", "tight chest"]);
}

#[test]
fn a_pasted_line_break_does_not_save_the_check_in() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('c')).keys("4");
    let paste = |rig: &mut Rig, text: &str| {
        step(&mut rig.app, &rig.store, attune::tui::action::Action::Paste(text.into()), now());
    };
    paste(&mut rig, "ignored on a scale");
    while rig.focused() != Some(Item::Note) {
        rig.key(KeyCode::Down);
    }
    paste(&mut rig, "two\nlines\tpasted");
    assert!(rig.saved().is_empty(), "pasting never saves");
    rig.key(KeyCode::Enter);
    let saved = rig.saved();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].distress, 4);
    assert_eq!(saved[0].note.as_deref(), Some("two lines pasted"));
}

#[test]
fn an_answer_meant_for_another_screen_is_left_aside() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.key(KeyCode::Char('t'));
    assert!(matches!(rig.app.screen, Screen::Trends(_)));
    let late = attune::store::model::Record::new(
        Body::Checkin(Checkin {
            distress: 9,
            ..Checkin::default()
        }),
        morning(),
    );
    // A check-in's save answering after its form was left: no thanks, no move home.
    let effects = rig
        .app
        .update(attune::tui::action::Action::Saved(Ok(Box::new(late))), rig.now());
    assert_eq!(effects, []);
    assert!(matches!(rig.app.screen, Screen::Trends(_)));
    assert!(rig.app.notices.is_empty());
    // Form edits typed nowhere near a form change nothing either.
    let before = rig.app.clone();
    for action in [
        attune::tui::action::Action::Digit(4),
        attune::tui::action::Action::Save,
        attune::tui::action::Action::PickerToggle,
    ] {
        assert_eq!(rig.app.update(action, rig.now()), []);
    }
    assert_eq!(rig.app.screen, before.screen);
}

#[test]
fn a_save_beside_a_damaged_month_file_is_said_once_in_one_calm_line() {
    let mut rig = Rig::at_zero(TodaySummary::default());
    rig.press("c2<Enter>");
    assert_eq!(rig.saved().len(), 1);
    let device = rig.store.device().to_string();
    let month = rig.now().wall.format("%Y-%m").to_string();
    let main = rig.store.layout().month_path(&device, &month);
    let good = std::fs::read(&main).expect("the month file");
    let broken = good[..good.len() / 2].to_vec();
    std::fs::write(&main, &broken).expect("damage it");

    for distress in ["3", "4"] {
        rig.press(&format!("c{distress}<Enter>"));
        assert_eq!(rig.app.screen, Screen::Home);
    }
    let file = format!("{month}.2.json");
    let beside: Vec<_> = rig
        .app
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::KeptBeside(_)))
        .collect();
    assert_eq!(beside, [&Notice::KeptBeside(file.clone())], "said once");
    let said = format!("Saved in {file}, beside a month file that could not be read.");
    let screen = rig.screen(100, 30);
    assert_eq!(screen.matches(&said[..30]).count(), 1, "{screen}");
    assert_eq!(std::fs::read(&main).expect("still there"), broken, "never written over");
    assert!(rig.store.layout().beside_path(&device, &month, 2).exists());
}
