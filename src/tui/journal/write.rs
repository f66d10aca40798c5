//! The editor's actions (text, prompt, words, tags, the picker, saving and leaving), the
//! category list, and the results of the journal's effects.

use super::editor::EditorNote;
use super::update::go;
use super::{Field, JournalAction as J, JournalState, Mode, Note};
use crate::tui::action::Action;
use crate::tui::app::Now;
use crate::tui::screen::Transition;

impl JournalState {
    pub(super) fn on_editor(&mut self, action: Action, now: Now) -> Transition {
        let mono = now.mono;
        let day = now.wall.date_naive();
        let Some(e) = &mut self.editor else {
            return Transition::Stay;
        };
        if e.picker.is_some() {
            self.on_picker(action, mono);
            return Transition::Stay;
        }
        match action {
            Action::Save => return self.save(now),
            Action::Leave if e.changed() => self.mode = Mode::Discard,
            Action::Leave => return self.close_editor(),
            Action::Edit(key) => {
                e.key(key, mono);
            }
            Action::Paste(text) => e.paste(&text, mono),
            Action::Journal(J::UndoText) => e.undo(false, mono),
            Action::Journal(J::RedoText) => e.undo(true, mono),
            Action::Next => e.step(1),
            Action::Prev => e.step(-1),
            Action::Type(c) => e.type_char(c, mono),
            Action::Erase => e.erase(mono),
            Action::OpenPicker => {
                let body = e.field == Field::Body;
                e.open_picker(body);
            }
            Action::Journal(J::Another) => {
                e.prompt.another(&self.prompts, day);
                e.touched(mono);
            }
            Action::Journal(J::Freely) => {
                e.prompt.freely();
                e.touched(mono);
            }
            Action::Journal(J::Categories) => {
                let at = e
                    .prompt
                    .category
                    .as_ref()
                    .and_then(|c| self.prompts.categories.iter().position(|x| &x.id == c));
                self.mode = Mode::Categories(at.unwrap_or(0));
            }
            _ => {}
        }
        Transition::Stay
    }

    fn on_picker(&mut self, action: Action, mono: std::time::Duration) {
        let Some(e) = &mut self.editor else { return };
        match action {
            Action::PickerClose => e.picker = None,
            Action::PickerMove(by) => {
                if let Some((p, _)) = e.picking() {
                    p.move_by(isize::from(by));
                }
            }
            Action::PickerToggle => {
                if let Some((p, chosen)) = e.picking() {
                    p.toggle(chosen);
                }
                e.touched(mono);
            }
            Action::OwnWordAdd => {
                if let Some((p, chosen)) = e.picking() {
                    p.add_own(chosen);
                }
                e.touched(mono);
            }
            Action::OwnWordCancel => {
                if let Some((p, _)) = e.picking() {
                    p.own = None;
                }
            }
            Action::Type(c) => {
                if let Some((p, _)) = e.picking()
                    && let Some(own) = &mut p.own
                {
                    own.push(c);
                }
            }
            Action::Erase => {
                if let Some((p, _)) = e.picking()
                    && let Some(own) = &mut p.own
                {
                    own.pop();
                }
            }
            _ => {}
        }
    }

    pub(super) fn on_categories(&mut self, action: Action, now: Now) -> Transition {
        let Mode::Categories(at) = &mut self.mode else {
            return Transition::Stay;
        };
        let last = self.prompts.categories.len().saturating_sub(1);
        match action {
            Action::Journal(J::Move(by)) => {
                *at = at.saturating_add_signed(isize::from(by)).min(last);
            }
            Action::Begin => {
                let chosen = self.prompts.categories.get(*at).map(|c| c.id.clone());
                if let (Some(e), Some(c)) = (&mut self.editor, chosen) {
                    e.prompt.choose(&self.prompts, &c, now.wall.date_naive());
                    e.set_field(Field::Text);
                    e.touched(now.mono);
                }
                self.mode = Mode::Write;
            }
            Action::Leave => self.mode = Mode::Write,
            _ => {}
        }
        Transition::Stay
    }

    /// The result of one of the journal's effects.
    pub(super) fn result(&mut self, action: J, now: Now) -> Transition {
        match action {
            J::DraftChecked(found) => {
                let Mode::Opening(intent) = &self.mode else {
                    return Transition::Stay;
                };
                let intent = intent.clone();
                match found {
                    Ok(Some(d)) if d.has_words() => {
                        self.mode = Mode::DraftOffer(d, intent);
                        Transition::Stay
                    }
                    Ok(_) => self.follow(intent, now),
                    Err(why) => {
                        let out = self.follow(intent, now);
                        self.note = Some(Note::Failed(why));
                        out
                    }
                }
            }
            J::Loaded(Ok(page)) => {
                self.list.loaded(page);
                Transition::Stay
            }
            J::Opened(Ok(record)) => {
                let edit = std::mem::take(&mut self.edit_opened);
                self.show(*record, edit);
                Transition::Stay
            }
            J::Saved(result) => self.saved(result),
            J::SavedAsNew(record) => {
                let out = self.saved(Ok(record));
                self.note = Some(Note::SavedAsNew);
                out
            }
            J::DraftSaved(Err(why)) => {
                if let Some(e) = &mut self.editor {
                    e.note = Some(EditorNote::DraftFailed(why));
                }
                Transition::Stay
            }
            J::DraftRemoved(_) if self.once && self.mode == Mode::List => {
                Transition::Home(Vec::new())
            }
            J::DraftRemoved(_) if self.mode == Mode::List => go(self.list.load()),
            J::SetAsideDone(result) => self.set_aside_done(result, now),
            J::Deleted(result) => self.deleted(result),
            J::Loaded(Err(why)) | J::Opened(Err(why)) => {
                self.note = Some(Note::Failed(why));
                Transition::Stay
            }
            _ => Transition::Stay,
        }
    }

    fn saved(&mut self, result: Result<Box<crate::store::model::Record>, String>) -> Transition {
        let Some(e) = &mut self.editor else {
            return Transition::Stay;
        };
        match result {
            Ok(record) => {
                let expressive = e.prompt.expressive(&self.prompts);
                let edited = e.editing.is_some();
                self.editor = None;
                self.note = Some(if expressive {
                    Note::SavedExpressive
                } else {
                    Note::Saved
                });
                if edited {
                    self.show(*record, false);
                    return Transition::Stay;
                }
                if self.once {
                    return Transition::Home(Vec::new());
                }
                self.list.cursor = 0;
                self.show_list()
            }
            Err(why) => {
                // Stay with the words; keep them as a draft in case saving keeps failing.
                e.saving = false;
                e.note = Some(EditorNote::SaveFailed(why));
                e.draft_due = Some(std::time::Duration::ZERO);
                Transition::Stay
            }
        }
    }

    fn set_aside_done(
        &mut self,
        result: Result<std::path::PathBuf, String>,
        now: Now,
    ) -> Transition {
        let Mode::DraftOffer(_, intent) = &self.mode else {
            return Transition::Stay;
        };
        match result {
            Ok(path) => {
                let out = self.follow(intent.clone(), now);
                self.note = Some(Note::SetAside(path));
                out
            }
            Err(why) => {
                // The draft is still in its place: do not write over it with new words.
                self.note = Some(Note::Failed(why));
                self.show_list()
            }
        }
    }

    fn deleted(&mut self, result: Result<Box<crate::store::model::Record>, String>) -> Transition {
        let after = self.after_delete.take();
        if let Err(why) = result {
            self.note = Some(Note::Failed(why));
        }
        after.unwrap_or(Transition::Stay)
    }
}
