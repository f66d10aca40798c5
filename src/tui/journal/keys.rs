//! The journal's key tables: the list (and its undo), search and filter lines, one entry,
//! the editor's text, prompt, words and tags, the category list, questions and the draft
//! offer. The word picker uses the check-in's picker tables (Context::Picker).

use crate::copy::{journal as w, screens as s};
use crate::tui::action::Action;
use crate::tui::journal::JournalAction as J;
use crate::tui::keymap::Name;
use crate::tui::keymap::{ANYWHERE, Binding, Context, F1_HINTED, HELP_KEY, KeySpec, TYPING};
use crate::tui::keymap::{bind, code, k};
use ratatui::crossterm::event::KeyCode;

pub(crate) const OPEN: Action = Action::Journal(J::Open);

/// On a practice's closing screen: write about it, linked to the session.
pub(crate) const WRITE_ABOUT_IT: Binding =
    bind(k('j'), Action::Journal(J::WriteAfterPractice), Some(w::HINT_WRITE_ABOUT));

const fn j(key: KeySpec, action: J, hint: Option<&'static str>) -> Binding {
    bind(key, Action::Journal(action), hint)
}

const UNDO: &[Binding] = &[j(k('u'), J::Undo, Some(w::HINT_UNDO))];

const LIST: &[Binding] = &[
    j(code(KeyCode::Up), J::Move(-1), Some(s::HINT_MOVE)),
    j(code(KeyCode::Down), J::Move(1), Some(s::HINT_MOVE)),
    j(code(KeyCode::PageUp), J::Move(-10), None),
    j(code(KeyCode::PageDown), J::Move(10), None),
    j(k('k'), J::Move(-1), None),
    j(k('j'), J::Move(1), None),
    j(code(KeyCode::Enter), J::Read, Some(w::HINT_READ)),
    j(k('n'), J::New, Some(w::HINT_NEW)).named(Name::New),
    // Said on the entry once read (Enter), so the list's footer fits 80 columns.
    j(k('e'), J::Edit, None),
    j(k('d'), J::Delete, Some(w::HINT_DELETE)),
    j(k('/'), J::Search, Some(w::HINT_SEARCH)).named(Name::Search),
    j(k('f'), J::Filters, Some(w::HINT_FILTER)),
    j(k('t'), J::FilterTag, None),
    j(k('w'), J::FilterWord, None),
    j(k('r'), J::FilterDates, None),
    j(k('x'), J::ClearFilters, None),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_HOME)),
    bind(k('q'), Action::Leave, None),
];

const FILTERS: &[Binding] = &[
    j(k('t'), J::FilterTag, Some(w::HINT_TAG)),
    j(k('w'), J::FilterWord, Some(w::HINT_WORD)),
    j(k('r'), J::FilterDates, Some(w::HINT_DATES)),
    j(k('/'), J::Search, Some(w::HINT_SEARCH)).named(Name::Search),
    j(k('x'), J::ClearFilters, Some(w::HINT_CLEAR_ALL)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
];

const INPUT: &[Binding] = &[
    bind(code(KeyCode::Enter), Action::Begin, Some(w::HINT_APPLY)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_CANCEL)),
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(KeySpec::Ctrl('u'), Action::Clear, None),
];

const VIEW: &[Binding] = &[
    j(code(KeyCode::Up), J::Move(-1), Some(s::HINT_SCROLL)),
    j(code(KeyCode::Down), J::Move(1), Some(s::HINT_SCROLL)),
    j(code(KeyCode::PageUp), J::Move(-10), None),
    j(code(KeyCode::PageDown), J::Move(10), None),
    j(k('e'), J::Edit, Some(w::HINT_EDIT)),
    j(k('s'), J::Star, Some(w::HINT_STAR)),
    j(k('d'), J::Delete, Some(w::HINT_DELETE)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
    bind(k('q'), Action::Leave, None),
];

/// Saving, moving between the editor's parts and leaving, wherever the editor's focus is.
const EDITOR: &[Binding] = &[
    bind(KeySpec::Ctrl('s'), Action::Save, Some(s::HINT_SAVE)).named(Name::Save),
    bind(code(KeyCode::Tab), Action::Next, Some(w::HINT_NEXT_PART)),
    bind(code(KeyCode::BackTab), Action::Prev, None),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_LEAVE)),
];

const WRITE: &[Binding] = &[
    j(KeySpec::Ctrl('z'), J::UndoText, Some(w::HINT_UNDO)),
    j(KeySpec::Ctrl('y'), J::RedoText, Some(w::HINT_REDO)),
    j(KeySpec::Ctrl('o'), J::OutsideEditor, Some(w::HINT_OUTSIDE)),
];

const EDITING: &[Binding] = &[bind(KeySpec::Editing, Action::Type(' '), None)];

const PROMPT: &[Binding] = &[
    j(k('n'), J::Another, Some(w::HINT_ANOTHER)),
    j(k('c'), J::Categories, Some(w::HINT_CATEGORY)),
    j(k('f'), J::Freely, Some(w::HINT_FREELY)),
    bind(code(KeyCode::Down), Action::Next, None),
    bind(code(KeyCode::Enter), Action::Next, None),
];

const WORDS: &[Binding] = &[
    bind(k(' '), Action::OpenPicker, Some(s::HINT_CHOOSE)),
    bind(code(KeyCode::Enter), Action::OpenPicker, None),
    bind(code(KeyCode::Down), Action::Next, None),
    bind(code(KeyCode::Up), Action::Prev, None),
];

const TAGS: &[Binding] = &[
    bind(code(KeyCode::Backspace), Action::Erase, None),
    bind(code(KeyCode::Up), Action::Prev, None),
];

const CATEGORIES: &[Binding] = &[
    j(code(KeyCode::Up), J::Move(-1), Some(s::HINT_MOVE)),
    j(code(KeyCode::Down), J::Move(1), Some(s::HINT_MOVE)),
    bind(code(KeyCode::Enter), Action::Begin, Some(s::HINT_CHOOSE)),
    bind(code(KeyCode::Esc), Action::Leave, Some(s::HINT_BACK)).named(Name::Back),
];

const ASK: &[Binding] = &[
    j(k('y'), J::Yes, Some(w::HINT_YES)),
    j(k('n'), J::No, Some(w::HINT_NO)),
    bind(code(KeyCode::Esc), Action::Leave, None),
];

const DRAFT: &[Binding] = &[
    j(code(KeyCode::Enter), J::Restore, Some(w::HINT_RESTORE)),
    j(k('s'), J::SetAside, Some(w::HINT_SET_ASIDE)),
];

type Table = (Context, &'static [&'static [Binding]]);

/// Every journal context's table, in parts.
pub(crate) const JOURNAL_TABLES: &[Table] = &[
    (Context::JournalList, &[LIST, HELP_KEY, ANYWHERE]),
    (Context::JournalUndo, &[UNDO, LIST, HELP_KEY, ANYWHERE]),
    (Context::JournalFilters, &[FILTERS, HELP_KEY, ANYWHERE]),
    (Context::JournalInput, &[INPUT, F1_HINTED, ANYWHERE, TYPING]),
    (Context::JournalView, &[VIEW, HELP_KEY, ANYWHERE]),
    // Every key edits the text, so F1 opens help there.
    (Context::JournalWrite, &[EDITOR, WRITE, F1_HINTED, ANYWHERE, EDITING]),
    (Context::JournalPrompt, &[PROMPT, EDITOR, HELP_KEY, ANYWHERE]),
    (Context::JournalWords, &[WORDS, EDITOR, HELP_KEY, ANYWHERE]),
    (Context::JournalTags, &[TAGS, EDITOR, F1_HINTED, ANYWHERE, TYPING]),
    (Context::JournalCategories, &[CATEGORIES, HELP_KEY, ANYWHERE]),
    (Context::JournalAsk, &[ASK, HELP_KEY, ANYWHERE]),
    (Context::JournalDraft, &[DRAFT, HELP_KEY, ANYWHERE]),
];

#[cfg(test)]
mod tests {
    use crate::tui::action::Action;
    use crate::tui::keymap::{Context, Keymap};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn in_the_text_every_key_writes_but_save_leave_and_quit_still_work() {
        let map = Keymap::default();
        let key = |c, m| KeyEvent::new(c, m);
        let none = KeyModifiers::NONE;
        for c in [KeyCode::Char('q'), KeyCode::Char('?'), KeyCode::Enter] {
            let k = key(c, none);
            assert_eq!(map.action_for(Context::JournalWrite, &k), Some(Action::Edit(k)));
        }
        let ctrl = KeyModifiers::CONTROL;
        let save = key(KeyCode::Char('s'), ctrl);
        assert_eq!(map.action_for(Context::JournalWrite, &save), Some(Action::Save));
        let quit = key(KeyCode::Char('c'), ctrl);
        assert_eq!(map.action_for(Context::JournalWrite, &quit), Some(Action::Quit));
        let esc = key(KeyCode::Esc, none);
        assert_eq!(map.action_for(Context::JournalWrite, &esc), Some(Action::Leave));
    }
}
