//! How the journal screen answers each action, mode by mode. A change of screen while
//! words are unsaved writes the draft first; so does time passing once typing pauses.

use super::editor::EditorNote;
use super::prompt::PromptChoice;
use super::{Editor, Intent, JournalAction as J, JournalEffect, JournalState};
use super::{Mode, Note};
use crate::domain::journal::fits_tui_editor;
use crate::service::journal::JournalError;
use crate::service::journal::short_id;
use crate::store::model::{Body, Record};
use crate::tui::action::{Action, Effect};
use crate::tui::app::Now;
use crate::tui::screen::Transition;

pub(super) fn go(e: JournalEffect) -> Transition {
    Transition::Do(Effect::Journal(e))
}

impl JournalState {
    /// Answer one action; the App performs what comes out (an effect, or going home).
    pub fn update(&mut self, action: Action, now: Now) -> Transition {
        let before = self.page();
        let out = self.step(action, now);
        if matches!(out, Transition::Stay)
            && self.page() != before
            && let Some(e) = self.draft_now(now.wall)
        {
            return go(e);
        }
        out
    }

    fn step(&mut self, action: Action, now: Now) -> Transition {
        match action {
            Action::Tick => return self.tick(now),
            Action::Journal(a) if a.is_result() => return self.result(a, now),
            Action::SessionSaved(r) | Action::SessionUpdated(r) => return self.session_saved(r),
            _ => self.note = None,
        }
        match &self.mode {
            Mode::Opening(_) if action == Action::Leave => Transition::Home(Vec::new()),
            Mode::Opening(_) => Transition::Stay,
            Mode::List | Mode::Filters => self.on_list(action, now),
            Mode::Input(..) => self.on_input(action),
            Mode::View { .. } => self.on_view(action, now),
            Mode::Write => self.on_editor(action, now),
            Mode::Categories(_) => self.on_categories(action, now),
            Mode::Discard => self.on_discard(action),
            Mode::ConfirmDelete { .. } => self.on_confirm_delete(action, now),
            Mode::DraftOffer(..) => self.on_draft_offer(action, now),
        }
    }

    /// The practice written about was saved (its rating after, or a retry): link to it,
    /// then look for a draft as the journal does when it opens.
    fn session_saved(&mut self, result: Result<Box<Record>, String>) -> Transition {
        let id = result.ok().map(|r| r.id);
        if let Mode::Opening(Intent::Write(new)) = &mut self.mode {
            new.session_id = new.session_id.or(id);
            return go(JournalEffect::CheckDraft);
        }
        if let Some(e) = &mut self.editor {
            e.session_id = e.session_id.or(id);
        }
        Transition::Stay
    }

    fn tick(&mut self, now: Now) -> Transition {
        match self.deadline() {
            Some(due) if now.mono >= due => self.draft_now(now.wall).map_or(Transition::Stay, go),
            _ => Transition::Stay,
        }
    }

    /// Quitting (Ctrl+C, a signal, a closed terminal): keep the words, or write the
    /// tombstone of an entry deleted on screen.
    pub fn stop_for_exit(&mut self, now: Now) -> Option<Effect> {
        if let Some(e) = &mut self.editor
            && (e.draft_due.is_some() || e.changed())
        {
            e.draft_due = Some(now.mono);
            return self.draft_now(now.wall).map(Effect::Journal);
        }
        let record = self.list.pending.take()?;
        Some(Effect::Journal(JournalEffect::Delete {
            record: Box::new(record),
            at: now.wall,
        }))
    }

    /// Once the draft is offered (or there was none), go where the journal was opened to.
    pub(super) fn follow(&mut self, intent: Intent, now: Now) -> Transition {
        match intent {
            Intent::List => self.show_list(),
            Intent::Write(new) => {
                let day = now.wall.date_naive();
                let prompt = PromptChoice::of_the_day(&self.prompts, day, new.prompt_id.as_deref());
                self.editor = Some(Editor::new(&new, prompt));
                self.mode = Mode::Write;
                Transition::Stay
            }
        }
    }

    pub(super) fn show_list(&mut self) -> Transition {
        self.mode = Mode::List;
        go(self.list.load())
    }

    /// Write the tombstone waiting for its undo, then go on to `after`.
    fn commit_then(&mut self, after: Transition, now: Now) -> Transition {
        match self.list.pending.take() {
            Some(record) => {
                self.after_delete = Some(after);
                go(JournalEffect::Delete {
                    record: Box::new(record),
                    at: now.wall,
                })
            }
            None => after,
        }
    }

    fn on_list(&mut self, action: Action, now: Now) -> Transition {
        let ja = match action {
            Action::Journal(a) => a,
            Action::Leave if self.mode == Mode::Filters => {
                self.mode = Mode::List;
                return Transition::Stay;
            }
            Action::Leave => return self.commit_then(Transition::Home(Vec::new()), now),
            _ => return Transition::Stay,
        };
        let kind = match ja {
            J::Search => Some(super::InputKind::Search),
            J::FilterTag => Some(super::InputKind::Tag),
            J::FilterWord => Some(super::InputKind::Word),
            J::FilterDates => Some(super::InputKind::Dates),
            _ => None,
        };
        if let Some(kind) = kind {
            // A new search starts empty; a filter opens as it is, to change.
            let current = match kind {
                super::InputKind::Search => String::new(),
                _ => self.list.current(kind),
            };
            self.mode = Mode::Input(kind, current);
            return Transition::Stay;
        }
        self.mode = Mode::List;
        match ja {
            J::Move(by) => self.list.move_by(by).map_or(Transition::Stay, go),
            J::Read | J::Edit => self.open_selected(ja == J::Edit, now),
            J::New => {
                self.follow(Intent::Write(Default::default()), now);
                self.commit_then(Transition::Stay, now)
            }
            J::Delete => {
                if let Some(record) = self.list.selected().cloned() {
                    self.mode = Mode::ConfirmDelete {
                        record: Box::new(record),
                        from_view: false,
                    };
                }
                Transition::Stay
            }
            J::Undo => self.undo_delete(),
            J::Filters => {
                self.mode = Mode::Filters;
                Transition::Stay
            }
            J::ClearFilters => {
                self.list.filter = Default::default();
                self.list.cursor = 0;
                self.show_list()
            }
            _ => Transition::Stay,
        }
    }

    /// Enter or e on the list: the entry in full (read from the store when the list holds
    /// search hits only), or straight into editing it.
    fn open_selected(&mut self, edit: bool, now: Now) -> Transition {
        let Some(r) = self.list.selected().cloned() else {
            return Transition::Stay;
        };
        if !self.list.full {
            self.edit_opened = edit;
            let open = JournalEffect::Open {
                id: r.id,
                created_at: r.created_at,
            };
            return self.commit_then(go(open), now);
        }
        self.show(r, edit);
        self.commit_then(Transition::Stay, now)
    }

    /// Show an entry, or begin editing it.
    pub(super) fn show(&mut self, record: Record, edit: bool) {
        let too_big = match &record.body {
            Body::Journal(j) => !fits_tui_editor(&j.text),
            _ => false,
        };
        if edit && too_big {
            self.note = Some(Note::TooBig(short_id(&record.id)));
            self.mode = Mode::View {
                record: Box::new(record),
                scroll: 0,
            };
        } else if edit {
            self.editor = Some(Editor::edit(&record, &self.prompts));
            self.mode = Mode::Write;
        } else {
            self.mode = Mode::View {
                record: Box::new(record),
                scroll: 0,
            };
        }
    }

    fn undo_delete(&mut self) -> Transition {
        if let Some(r) = self.list.pending.take() {
            let id = r.id;
            self.list.entries.push(r);
            self.list
                .entries
                .sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
            self.list.select(id);
            self.note = Some(Note::Undone);
        }
        Transition::Stay
    }

    fn on_input(&mut self, action: Action) -> Transition {
        let Mode::Input(kind, typed) = &mut self.mode else {
            return Transition::Stay;
        };
        match action {
            Action::Type(c) => typed.push(c),
            Action::Paste(text) => typed.extend(text.chars().filter(|c| !c.is_control())),
            Action::Erase => {
                typed.pop();
            }
            Action::Clear => typed.clear(),
            Action::Leave => self.mode = Mode::List,
            Action::Begin => {
                let (kind, typed) = (*kind, typed.clone());
                if self.list.apply(kind, &typed).is_err() {
                    self.note = Some(Note::DatesHelp);
                    return Transition::Stay;
                }
                return self.show_list();
            }
            _ => {}
        }
        Transition::Stay
    }

    fn on_view(&mut self, action: Action, now: Now) -> Transition {
        let Mode::View { record, scroll } = &mut self.mode else {
            return Transition::Stay;
        };
        match action {
            Action::Journal(J::Star) => {
                let on = !matches!(&record.body, Body::Journal(j) if j.starred);
                return go(JournalEffect::Star {
                    record: record.clone(),
                    on,
                    at: now.wall,
                });
            }
            Action::Journal(J::Move(by)) => *scroll = scroll.saturating_add_signed(by),
            Action::Journal(J::Edit) => {
                let r = (**record).clone();
                self.show(r, true);
            }
            Action::Journal(J::Delete) => {
                self.mode = Mode::ConfirmDelete {
                    record: record.clone(),
                    from_view: true,
                };
            }
            Action::Leave => self.mode = Mode::List,
            _ => {}
        }
        Transition::Stay
    }

    fn on_confirm_delete(&mut self, action: Action, now: Now) -> Transition {
        let Mode::ConfirmDelete { record, from_view } = &self.mode else {
            return Transition::Stay;
        };
        let (record, from_view) = ((**record).clone(), *from_view);
        match action {
            Action::Journal(J::Yes) => {
                // An earlier delete's undo is no longer offered: write its tombstone now.
                let earlier = self.list.pending.take();
                self.list.entries.retain(|r| r.id != record.id);
                self.list.cursor = self
                    .list
                    .cursor
                    .min(self.list.entries.len().saturating_sub(1));
                self.list.pending = Some(record);
                self.mode = Mode::List;
                self.note = Some(Note::Deleted);
                match earlier {
                    Some(r) => go(JournalEffect::Delete {
                        record: Box::new(r),
                        at: now.wall,
                    }),
                    None => Transition::Stay,
                }
            }
            Action::Journal(J::No) | Action::Leave => {
                self.mode = if from_view {
                    Mode::View {
                        record: Box::new(record),
                        scroll: 0,
                    }
                } else {
                    Mode::List
                };
                Transition::Stay
            }
            _ => Transition::Stay,
        }
    }

    fn on_draft_offer(&mut self, action: Action, now: Now) -> Transition {
        let Mode::DraftOffer(draft, _) = &self.mode else {
            return Transition::Stay;
        };
        match action {
            Action::Journal(J::Restore) | Action::Begin => {
                self.editor = Some(Editor::restore(draft, &self.prompts));
                self.mode = Mode::Write;
                Transition::Stay
            }
            Action::Journal(J::SetAside) | Action::Leave => {
                go(JournalEffect::SetAside { at: now.wall })
            }
            _ => Transition::Stay,
        }
    }

    fn on_discard(&mut self, action: Action) -> Transition {
        match action {
            Action::Journal(J::Yes) => {
                self.note = Some(Note::Discarded);
                self.close_editor()
            }
            Action::Journal(J::No) | Action::Leave => {
                self.mode = Mode::Write;
                Transition::Stay
            }
            _ => Transition::Stay,
        }
    }

    /// Leave the editor for where it was opened from; a draft of it is no longer wanted.
    pub(super) fn close_editor(&mut self) -> Transition {
        let editing = self.editor.take().and_then(|e| e.editing);
        self.mode = match editing {
            Some(record) => Mode::View {
                record: Box::new(record),
                scroll: 0,
            },
            None => Mode::List,
        };
        go(JournalEffect::RemoveDraft)
    }

    /// Ctrl+S: save, unless there are no words (then say so gently and stay).
    pub(super) fn save(&mut self, now: Now) -> Transition {
        let Some(e) = &mut self.editor else {
            return Transition::Stay;
        };
        if e.saving {
            return Transition::Stay;
        }
        match e.record(&self.prompts, now.wall) {
            Ok(record) => {
                e.saving = true;
                go(JournalEffect::Save(Box::new(record)))
            }
            Err(JournalError::Empty) => {
                e.note = Some(EditorNote::Empty);
                Transition::Stay
            }
            Err(other) => {
                e.note = Some(EditorNote::SaveFailed(other.to_string()));
                Transition::Stay
            }
        }
    }
}
