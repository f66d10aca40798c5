//! The keymap's own checks: digits and text carry their key, Ctrl letters never type,
//! and hints merge neighbours.

use super::*;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn digits_and_text_carry_the_key() {
    let map = Keymap::default();
    let seven = key(KeyCode::Char('7'), KeyModifiers::NONE);
    assert_eq!(map.action_for(Context::CheckinScale, &seven), Some(Action::Digit(7)));
    assert_eq!(map.action_for(Context::CheckinNote, &seven), Some(Action::Type('7')));
    let ask = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(map.action_for(Context::CheckinNote, &ask), Some(Action::Type('?')));
    assert_eq!(map.action_for(Context::Home, &ask), Some(Action::OpenHelp));
}

#[test]
fn ctrl_c_quits_everywhere_but_ctrl_letters_never_type() {
    let map = Keymap::default();
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let ctrl_x = key(KeyCode::Char('x'), KeyModifiers::CONTROL);
    for ctx in [
        Context::Home,
        Context::CheckinNote,
        Context::Picker,
        Context::Help,
    ] {
        assert_eq!(map.action_for(ctx, &ctrl_c), Some(Action::Quit), "{ctx:?}");
        assert_eq!(map.action_for(ctx, &ctrl_x), None, "{ctx:?}");
    }
}

#[test]
fn hints_merge_neighbours_with_the_same_words() {
    let hints = Keymap::default().hints(Context::CheckinScale);
    let shown: Vec<String> = hints.iter().map(|(k, h)| format!("{k} {h}")).collect();
    assert_eq!(
        shown,
        [
            "0-9 set",
            "←→ nudge",
            "Backspace clear",
            "↑↓ move",
            "Enter save",
            "Esc leave",
            "? help"
        ]
    );
}

#[test]
fn a_sentence_names_the_key_bound_here_and_leaves_other_braces_alone() {
    let map = Keymap::default();
    assert_eq!(
        map.say(Context::Home, "Press {help}; {quit} quits; {nothing} {"),
        "Press ?; q quits; {nothing} {"
    );
    // Where letters type, help is F1's, yet save keeps its Ctrl key.
    assert_eq!(map.say(Context::JournalWrite, "{save}"), "Ctrl+S");
    assert_eq!(map.say(Context::CheckinScale, "{save}"), "Enter");
}

#[test]
fn every_key_a_sentence_names_is_one_config_can_rebind() {
    use crate::copy::screens as s;
    let named = [
        s::HIGH_DISTRESS,
        s::HIGHER_AFTER,
        s::HOW_TO_STOP,
        s::PAUSED_HOW,
        crate::copy::ground::KEEP_HOW,
        crate::copy::ground::CHECKIN_OFFER,
        crate::copy::ground::OFFER,
        crate::copy::ground::HOME_OFFER,
        crate::copy::ground::OFFER_SHORT,
        crate::copy::journal::EMPTY,
        crate::copy::journal::SAVED_EXPRESSIVE,
    ];
    let failed = [
        crate::copy::journal::save_failed("x"),
        crate::copy::journal::draft_failed("x"),
    ];
    let all = named.iter().chain(s::WELCOME).chain(s::HELP_STOP).copied();
    for text in all.chain(failed.iter().map(String::as_str)) {
        let said = Keymap::default().say(Context::Home, text);
        assert!(!said.contains('{'), "{text} names a key attune does not know");
    }
}
