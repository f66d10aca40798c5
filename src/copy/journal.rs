//! The journal's words: kind, plain and short. Prompts are invitations; nothing here
//! judges what was written, or not written.

use std::path::Path;

pub const HINT_JOURNAL: &str = "journal";
pub const HINT_WRITE_ABOUT: &str = "write about it";
pub const HINT_READ: &str = "read";
pub const HINT_NEW: &str = "new";
pub const HINT_EDIT: &str = "edit";
pub const HINT_DELETE: &str = "delete";
pub const HINT_UNDO: &str = "undo";
pub const HINT_REDO: &str = "redo";
pub const HINT_STAR: &str = "star";
pub const HINT_OUTSIDE: &str = "your editor";
/// Asked for the person's own editor where no terminal can be lent to it.
pub const NO_TERMINAL: &str = "there is no terminal here to open your editor on";
/// The person's editor did not finish cleanly; what it held is back in the editor here.
pub fn outside_unclean(editor: &str) -> String {
    format!("{editor} did not finish cleanly; the words it held are here, unsaved.")
}
pub const HINT_SEARCH: &str = "search";
pub const HINT_FILTER: &str = "filter";
pub const HINT_TAG: &str = "tag";
pub const HINT_WORD: &str = "body word";
pub const HINT_DATES: &str = "dates";
pub const HINT_CLEAR_ALL: &str = "clear all";
pub const HINT_APPLY: &str = "apply";
pub const HINT_NEXT_PART: &str = "next part";
pub const HINT_ANOTHER: &str = "another";
pub const HINT_CATEGORY: &str = "category";
pub const HINT_FREELY: &str = "write freely";
pub const HINT_YES: &str = "yes";
pub const HINT_NO: &str = "no";
pub const HINT_RESTORE: &str = "carry on writing";
pub const HINT_SET_ASIDE: &str = "set aside";

pub const TITLE: &str = "Journal";
pub const NEW_TITLE: &str = "New entry";
pub const EDIT_TITLE: &str = "Editing";
pub const OPENING: &str = "Opening your journal…";
pub const EMPTY: &str = "No entries yet. Press {new} to write the first one.";
pub const NOTHING_MATCHES: &str = "No entries match this filter. x clears it.";
pub const MORE: &str = "more below…";
pub const NO_PROMPT: &str = "Writing freely.";
/// Short enough for the smallest window: the text area does not wrap it.
pub const PLACEHOLDER: &str = "As much or as little as you like.";
pub const BODY: &str = "Body";
pub const FEELINGS: &str = "Feelings";
pub const TAGS: &str = "Tags";
pub const NONE_CHOSEN: &str = "none";
/// The one line for body words, feelings and tags in a small window.
pub const WORDS: &str = "Words";
pub const TAGS_EMPTY: &str = "type words, spaces between";
pub const BODY_PICKER: &str = "Which body sensations are with you? Space chooses.";
pub const FEELINGS_PICKER: &str = "Which feelings are with you? Space chooses.";
pub const PICKER_SHORT: &str = "Words (Space)";
pub const CATEGORIES_TITLE: &str = "Choose a kind of prompt";
pub const OPT_IN: &str = "only when you choose it";
pub const EXPRESSIVE_NOTE: &str = "Writing about something painful can stir things up. Go at your own pace, stop whenever you like, and come back to your breath or the room around you.";
pub const AFTER_PRACTICE: &str = "Written after a practice.";

pub const SAVED: &str = "Saved. Thank you for writing.";
/// An entry too big for the editor here is shown, and this says how to edit it.
pub fn too_big(id: &str) -> String {
    format!("This entry is too big to edit here. To edit it, run: attune journal edit {id}")
}

pub const SAVED_AS_NEW: &str = "This entry was deleted elsewhere, so your words are saved as a new entry. Nothing you wrote is lost.";
pub const SAVED_EXPRESSIVE: &str = "Saved. Thank you for writing about something hard. If it stirred things up, a grounding routine can help you settle (`attune ground`); help lines are one key away: press {help}.";
pub const DELETED: &str = "Deleted. Press u to bring it back.";
pub const UNDONE: &str = "It is back.";
pub const DISCARDED: &str = "Changes let go.";
pub const DATES_HELP: &str =
    "Dates look like 2026-11-01..2026-11-30 (either end may be left open).";
pub const EMPTY_NOT_SAVED: &str = "There are no words yet, so nothing was saved.";
pub const DISCARD_Q: &str = "Leave without saving these changes?";
pub const DISCARD_MORE: &str = "y lets them go · n goes back to writing";

pub fn delete_q(day: &str) -> String {
    format!("Delete the entry from {day}? You can undo it on the list.")
}

pub fn set_aside(path: &Path) -> String {
    format!("Your earlier words are set aside, safe, in {}", path.display())
}

pub fn failed(why: &str) -> String {
    format!("That did not work: {why}. Nothing you wrote is lost.")
}

pub fn save_failed(why: &str) -> String {
    format!("Could not save ({why}). Your words are still here; {{save}} tries again.")
}

pub fn draft_failed(why: &str) -> String {
    format!("The draft could not be kept ({why}). Saving with {{save}} still works.")
}

pub fn unreadable(n: usize) -> String {
    format!("{n} saved file(s) could not be read; `attune doctor` explains.")
}

pub fn draft_offer(saved_at: &str) -> String {
    format!("Welcome back. Some words you were writing were kept safe (last kept at {saved_at}).")
}

pub const DRAFT_CHOICE: &str =
    "Carry on writing them, or set them aside in a file for later. Nothing is deleted.";

/// The labels of the lines typed under the list.
pub const SEARCH_LABEL: &str = "Search: ";
pub const TAG_LABEL: &str = "Tag: ";
pub const WORD_LABEL: &str = "Body word: ";
pub const DATES_LABEL: &str = "Dates (from..to): ";

/// Over a filtered list: how many entries it shows, and of what.
pub fn showing(n: usize, more: bool, what: &str) -> String {
    match (n, more) {
        (0, _) => format!("Showing {what}"),
        (1, false) => format!("Showing 1 entry: {what}"),
        (n, false) => format!("Showing {n} entries: {what}"),
        (n, true) => format!("Showing the first {n} entries: {what}"),
    }
}
