//! The journal editor's state: the prompt, the text (a ratatui-textarea with word wrap and
//! undo), the body and feeling words, and the tags, with what makes an entry or a draft of
//! them. Pure: no I/O, no clock.

use super::history::{History, Kind, Snapshot};
use super::prompt::PromptChoice;
pub use super::text::Text;
use super::text::kind_of;
use crate::domain::journal::{Prompts, has_text, tidy_words};
use crate::service::journal::{JournalError, NewEntry, entry};
use crate::store::drafts::Draft;
use crate::store::model::{Body, Record, Stamp};
use crate::tui::checkin::Picker;
use ratatui::crossterm::event::KeyEvent;
use std::time::Duration;
use uuid::Uuid;

/// How long typing must pause before the draft is written.
pub const DRAFT_PAUSE: Duration = Duration::from_secs(2);

/// Which part of the editor keys go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Prompt,
    Text,
    Body,
    Feelings,
    Tags,
}

impl Field {
    const ORDER: [Field; 5] = [
        Field::Prompt,
        Field::Text,
        Field::Body,
        Field::Feelings,
        Field::Tags,
    ];

    /// The next (+1) or previous (−1) field, round the ends.
    fn step(self, by: isize) -> Field {
        let i = Field::ORDER.iter().position(|f| *f == self).unwrap_or(1);
        let n = Field::ORDER.len() as isize;
        Field::ORDER[(i as isize + by).rem_euclid(n) as usize]
    }
}

/// A gentle line under the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditorNote {
    /// Ctrl+S with no words: nothing was saved.
    Empty,
    SaveFailed(String),
    DraftFailed(String),
    /// About the person's own editor: it could not open, or did not finish cleanly.
    Outside(String),
}

/// What the user can change, to tell whether anything was.
#[derive(Clone, Debug, PartialEq)]
struct Content {
    text: String,
    prompt_id: Option<String>,
    tags: Vec<String>,
    sensations: Vec<String>,
    feelings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    pub text: Text,
    pub field: Field,
    pub prompt: PromptChoice,
    /// The tags as typed, separated by spaces or commas.
    pub tags: String,
    pub sensations: Vec<String>,
    pub feelings: Vec<String>,
    pub session_id: Option<Uuid>,
    /// The entry being edited, as it was.
    pub editing: Option<Record>,
    /// The word picker, over the editor, for the body (true) or feeling words.
    pub picker: Option<(Picker, bool)>,
    pub note: Option<EditorNote>,
    /// When the draft is next due (monotonic); None while the draft on disk is current.
    pub draft_due: Option<Duration>,
    /// A save is on its way: another Ctrl+S waits for its answer (never a second entry).
    pub saving: bool,
    /// Undo and redo of the text, a word or a pause at a time.
    pub history: History,
    original: Content,
}

impl Editor {
    /// A new entry, prefilled from `new` (prompt, tags, words, the practice it follows).
    pub fn new(new: &NewEntry, prompt: PromptChoice) -> Editor {
        let mut e = Editor {
            text: Text::new(&new.text),
            field: Field::Text,
            prompt,
            tags: new.tags.join(" "),
            sensations: tidy_words(&new.sensations),
            feelings: tidy_words(&new.feelings),
            session_id: new.session_id,
            editing: None,
            picker: None,
            note: None,
            draft_due: None,
            saving: false,
            history: History::default(),
            original: blank(),
        };
        e.original = e.content();
        e
    }

    /// Editing a saved entry; unchanged until the user changes something.
    pub fn edit(record: &Record, prompts: &Prompts) -> Editor {
        let j = match &record.body {
            Body::Journal(j) => j.clone(),
            _ => Default::default(),
        };
        let new = NewEntry {
            text: j.text.clone(),
            tags: j.tags.clone(),
            sensations: j.sensations.clone(),
            feelings: j.feelings.clone(),
            session_id: j.session_id,
            prompt_id: None,
        };
        let prompt = PromptChoice::kept(j.prompt_id.as_deref(), j.prompt.as_deref(), prompts);
        let mut e = Editor::new(&new, prompt);
        // Where more words usually go: after the last ones.
        e.text.0.move_cursor(ratatui_textarea::CursorMove::Bottom);
        e.text.0.move_cursor(ratatui_textarea::CursorMove::End);
        e.editing = Some(record.clone());
        e.original = e.content();
        e
    }

    /// A draft offered back: its words are unsaved changes.
    pub fn restore(d: &Draft, prompts: &Prompts) -> Editor {
        let mut e = match &d.editing {
            Some(record) => Editor::edit(record, prompts),
            None => Editor::new(&NewEntry::default(), PromptChoice::free()),
        };
        e.text = Text::new(&d.text);
        e.text.0.move_cursor(ratatui_textarea::CursorMove::Bottom);
        e.text.0.move_cursor(ratatui_textarea::CursorMove::End);
        e.prompt = PromptChoice::restored(d.prompt_id.as_deref(), d.category.clone(), prompts);
        e.tags = d.tags.join(" ");
        e.sensations = d.sensations.clone();
        e.feelings = d.feelings.clone();
        e.session_id = d.session_id.or(e.session_id);
        e
    }

    fn content(&self) -> Content {
        Content {
            text: self.text.string(),
            prompt_id: self.prompt.id(),
            tags: self.tag_list(),
            sensations: self.sensations.clone(),
            feelings: self.feelings.clone(),
        }
    }

    /// Whether anything differs from where editing began.
    pub fn changed(&self) -> bool {
        self.content() != self.original
    }

    pub fn tag_list(&self) -> Vec<String> {
        let split: Vec<String> = self
            .tags
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(str::to_string)
            .collect();
        tidy_words(&split)
    }

    /// Something changed at `mono`: the draft is due once typing pauses.
    pub fn touched(&mut self, mono: Duration) {
        self.draft_due = Some(mono + DRAFT_PAUSE);
        if self.note == Some(EditorNote::Empty) {
            self.note = None;
        }
    }

    /// A key for the text area; true if it changed the text.
    pub fn key(&mut self, key: KeyEvent, mono: Duration) -> bool {
        let kind = kind_of(&key);
        let before = self
            .history
            .starts_step(kind, mono)
            .then(|| self.text.snapshot());
        let changed = self.text.0.input(key);
        if changed {
            self.history.changed(kind, mono, before);
            self.touched(mono);
        }
        changed
    }

    pub fn paste(&mut self, text: &str, mono: Duration) {
        let changed = match self.field {
            Field::Tags => {
                self.tags.extend(text.chars().filter(|c| !c.is_control()));
                true
            }
            Field::Text => {
                // Terminals send pasted line breaks as \r; keep them as line breaks.
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let before = self.text.snapshot();
                let changed = self.text.0.insert_str(text);
                if changed {
                    self.history.changed(Kind::Other, mono, Some(before));
                }
                changed
            }
            _ => false,
        };
        if changed {
            self.touched(mono);
        }
    }

    /// The words as they came back from the person's own editor: one step to undo. An
    /// editor's habit of ending the file with a line break is not taken as a new line.
    pub fn replace_text(&mut self, text: &str, mono: Duration) {
        let now = self.text.string();
        let text = match text.strip_suffix('\n') {
            Some(cut) if !now.ends_with('\n') => cut,
            _ => text,
        };
        if text == now {
            return;
        }
        let before = self.text.snapshot();
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let last = lines.len().saturating_sub(1);
        let cursor = (last, lines.last().map_or(0, |l| l.chars().count()));
        self.text
            .restore(Snapshot { lines, cursor }, self.field == Field::Text);
        self.history.changed(Kind::Other, mono, Some(before));
        self.touched(mono);
    }

    pub fn undo(&mut self, redo: bool, mono: Duration) {
        let now = self.text.snapshot();
        let step = if redo {
            self.history.redo(now)
        } else {
            self.history.undo(now)
        };
        if let Some(snap) = step {
            self.text.restore(snap, self.field == Field::Text);
            self.touched(mono);
        }
    }

    pub fn step(&mut self, by: isize) {
        self.set_field(self.field.step(by));
    }

    pub fn set_field(&mut self, field: Field) {
        self.field = field;
        self.text.focus(field == Field::Text);
    }

    pub fn type_char(&mut self, c: char, mono: Duration) {
        if self.field == Field::Tags {
            self.tags.push(c);
            self.touched(mono);
        }
    }

    pub fn erase(&mut self, mono: Duration) {
        if self.field == Field::Tags && self.tags.pop().is_some() {
            self.touched(mono);
        }
    }

    /// The draft of what is written now, saved at `at`.
    pub fn draft(&self, at: Stamp) -> Draft {
        let mut d = Draft::new(self.text.string(), at);
        d.prompt_id = self.prompt.id();
        d.category = self.prompt.category.clone();
        d.tags = self.tag_list();
        d.sensations = self.sensations.clone();
        d.feelings = self.feelings.clone();
        d.session_id = self.session_id;
        d.editing = self.editing.clone();
        d
    }

    /// The record to save: a new entry, or a newer version of the one being edited.
    pub fn record(&self, prompts: &Prompts, now: Stamp) -> Result<Record, JournalError> {
        let text = self.text.string();
        let Some(old) = &self.editing else {
            let new = NewEntry {
                text,
                prompt_id: self.prompt.id(),
                tags: self.tag_list(),
                sensations: self.sensations.clone(),
                feelings: self.feelings.clone(),
                session_id: self.session_id,
            };
            return entry(new, prompts, now);
        };
        if !has_text(&text) {
            return Err(JournalError::Empty);
        }
        let mut newer = old.clone();
        if let Body::Journal(j) = &mut newer.body {
            j.text = text;
            j.tags = self.tag_list();
            j.sensations = tidy_words(&self.sensations);
            j.feelings = tidy_words(&self.feelings);
            j.prompt_id = self.prompt.id();
            j.prompt = self.prompt.text();
        }
        // Strictly newer, so this version wins wherever the records are merged.
        newer.updated_at = old.next_version(now);
        Ok(newer)
    }

    /// Open the picker for the body (true) or feeling words.
    pub fn open_picker(&mut self, body: bool) {
        let (offered, chosen) = if body {
            (crate::content::sensation_words(), &self.sensations)
        } else {
            (crate::content::feeling_words(), &self.feelings)
        };
        self.picker = Some((Picker::offering(offered.to_vec(), chosen), body));
    }

    /// The words the open picker chooses among, mutably, with the picker.
    pub fn picking(&mut self) -> Option<(&mut Picker, &mut Vec<String>)> {
        let (picker, body) = self.picker.as_mut()?;
        let chosen = if *body {
            &mut self.sensations
        } else {
            &mut self.feelings
        };
        Some((picker, chosen))
    }
}

fn blank() -> Content {
    Content {
        text: String::new(),
        prompt_id: None,
        tags: Vec::new(),
        sensations: Vec::new(),
        feelings: Vec::new(),
    }
}
