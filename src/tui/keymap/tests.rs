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
    assert_eq!(
        map.action_for(Context::CheckinScale, &seven),
        Some(Action::Digit(7))
    );
    assert_eq!(
        map.action_for(Context::CheckinNote, &seven),
        Some(Action::Type('7'))
    );
    let ask = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(
        map.action_for(Context::CheckinNote, &ask),
        Some(Action::Type('?'))
    );
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
