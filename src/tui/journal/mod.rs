//! The journal screen as a small state machine: the list (search, filters, a delete that
//! can be undone), one entry read in full, and the editor with its prompt, word picker,
//! tags, questions and a draft that is autosaved while writing. Every step is pure: time
//! comes in as an argument, and I/O is asked for as an Effect.
pub mod keys;
pub mod view;
pub mod view_editor;

pub mod editor;
pub mod effect;
mod glue;
pub mod history;
pub mod list;
pub mod prompt;
pub mod text;
mod update;
mod write;

use crate::domain::journal::Prompts;
use crate::service::journal::NewEntry;
use crate::store::drafts::Draft;
use crate::store::model::Record;
use crate::tui::keymap::Context;
use crate::tui::screen::Transition;
pub use editor::{Editor, Field};
pub use effect::{JournalAction, JournalEffect};
pub use list::{InputKind, List};
use std::path::PathBuf;
use std::time::Duration;

/// Where the journal was opened to go once any draft has been offered.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    List,
    Write(NewEntry),
}

/// What the journal shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// Looking for a draft left by an earlier run.
    Opening(Intent),
    List,
    /// A line typed under the list: a search or one part of the filter.
    Input(InputKind, String),
    /// The filter keys, shown on the list.
    Filters,
    View {
        record: Box<Record>,
        scroll: u16,
    },
    /// The editor (with the word picker over it when open).
    Write,
    /// Choosing a prompt category, the cursor on one.
    Categories(usize),
    /// Esc with changes: discard them?
    Discard,
    /// Delete this entry? Asked from the list, or from the entry itself (`from_view`).
    ConfirmDelete {
        record: Box<Record>,
        from_view: bool,
    },
    /// Words kept from an earlier run: carry on, or set them aside.
    DraftOffer(Box<Draft>, Intent),
}

/// A gentle line on the list or the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    Saved,
    /// Saved as a new entry, because the one being edited was deleted elsewhere.
    SavedAsNew,
    /// Saved after writing about something painful: grounding and help are offered.
    SavedExpressive,
    /// Deleted on screen; u brings it back.
    Deleted,
    Undone,
    /// A draft was set aside in this file.
    SetAside(PathBuf),
    /// The editor was left and its changes let go.
    Discarded,
    /// Typed dates could not be read.
    DatesHelp,
    /// This entry is too big for the editor here: `attune journal edit ID` opens $EDITOR.
    TooBig(String),
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct JournalState {
    pub mode: Mode,
    pub list: List,
    pub editor: Option<Editor>,
    pub prompts: Prompts,
    pub note: Option<Note>,
    /// Waiting for a tombstone to be written, then this.
    after_delete: Option<Transition>,
    /// An entry being read from the store is to be edited, not only shown.
    edit_opened: bool,
    /// Opened from the shell for one new entry (`attune journal new`): saving it, or
    /// leaving it, ends the run instead of showing the list.
    pub(crate) once: bool,
}

impl JournalState {
    /// The journal, opening towards `intent`; the first effect checks for a draft.
    pub fn open(intent: Intent) -> (JournalState, JournalEffect) {
        let state = JournalState {
            mode: Mode::Opening(intent),
            list: List::default(),
            editor: None,
            prompts: crate::content::prompts(),
            note: None,
            after_delete: None,
            edit_opened: false,
            once: false,
        };
        (state, JournalEffect::CheckDraft)
    }

    /// Which key table applies.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Opening(_) => Context::JournalList,
            Mode::List if self.list.pending.is_some() => Context::JournalUndo,
            Mode::List => Context::JournalList,
            Mode::Input(..) => Context::JournalInput,
            Mode::Filters => Context::JournalFilters,
            Mode::View { .. } => Context::JournalView,
            Mode::Write => self.editor_context(),
            Mode::Categories(_) => Context::JournalCategories,
            Mode::Discard | Mode::ConfirmDelete { .. } => Context::JournalAsk,
            Mode::DraftOffer(..) => Context::JournalDraft,
        }
    }

    fn editor_context(&self) -> Context {
        let Some(e) = &self.editor else {
            return Context::JournalList;
        };
        match (&e.picker, e.field) {
            (Some((p, _)), _) if p.own.is_some() => Context::PickerOwnWord,
            (Some(_), _) => Context::Picker,
            (None, Field::Prompt) => Context::JournalPrompt,
            (None, Field::Text) => Context::JournalWrite,
            (None, Field::Body | Field::Feelings) => Context::JournalWords,
            (None, Field::Tags) => Context::JournalTags,
        }
    }

    /// When the draft is due (monotonic), while there are unsaved words: the event loop
    /// waits only then; otherwise it blocks on input.
    pub fn deadline(&self) -> Option<Duration> {
        self.editor.as_ref().and_then(|e| e.draft_due)
    }

    /// The editor's draft, now, if it has changes not yet kept.
    pub fn draft_now(&mut self, at: crate::store::model::Stamp) -> Option<JournalEffect> {
        let e = self.editor.as_mut()?;
        e.draft_due.take()?;
        Some(JournalEffect::SaveDraft(Box::new(e.draft(at))))
    }

    /// A broad kind of mode, to tell when the screen changes.
    fn page(&self) -> u8 {
        let picker = self.editor.as_ref().is_some_and(|e| e.picker.is_some());
        match &self.mode {
            Mode::Write if picker => 1,
            Mode::Write => 2,
            Mode::Categories(_) => 3,
            Mode::Discard => 4,
            _ => 0,
        }
    }
}
