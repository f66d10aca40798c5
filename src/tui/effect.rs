//! Performing effects: the app's only I/O (saving a check-in or a practice, reloading
//! today, counting recent practice, remembering the first-run notice was seen). Each result
//! comes back to `App::update` as an Action.

use super::action::{Action, Effect};
use super::app::{App, Now};
use super::worker::Perform;
use crate::service::checkin::{save_checkin_record, today};
use crate::service::practice::{recent_uses_of, save_session};
use crate::service::trends::report;
use crate::store::Store;

/// Do one effect against the store and report how it went.
pub fn perform(store: &Store, effect: Effect) -> Action {
    let action = perform_one(store, effect);
    match store.notes().take().into_iter().next() {
        Some(b) => Action::KeptBeside {
            file: b
                .kept_in
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            then: Box::new(action),
        },
        None => action,
    }
}

fn perform_one(store: &Store, effect: Effect) -> Action {
    match effect {
        Effect::SaveCheckin { record } => Action::Saved(
            save_checkin_record(store, record)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::LoadToday { day, first_weekday } => Action::TodayLoaded(
            today(store, day, first_weekday)
                .map(|(summary, _)| summary)
                .map_err(|e| e.to_string()),
        ),
        Effect::RememberWelcome => {
            let written = crate::store::marks::remember_welcome(store.layout());
            Action::WelcomeRemembered(written.map_err(|e| e.to_string()))
        }
        Effect::LoadRecentUses { ids, day } => {
            Action::RecentUses(recent_uses_of(store, &ids, day).map_err(|e| e.to_string()))
        }
        Effect::SaveSession {
            session,
            started,
            at,
            beats,
        } => {
            let saved = save_session(store, session, started, at)
                .map(Box::new)
                .map_err(|e| e.to_string());
            let kept = match (&saved, beats) {
                (Ok(record), Some(csv)) => {
                    let state = &store.layout().state_dir;
                    crate::store::beats::write(state, &record.id.to_string(), &csv).err()
                }
                _ => None,
            };
            match kept {
                Some(e) => Action::BeatsNotKept {
                    why: e.to_string(),
                    then: Box::new(Action::SessionSaved(saved)),
                },
                None => Action::SessionSaved(saved),
            }
        }
        Effect::UpdateRecord(record) => Action::SessionUpdated(
            store
                .save(record.clone())
                .map(|_| Box::new(record))
                .map_err(|e| e.to_string()),
        ),
        Effect::RememberChoices(choices) => Action::ChoicesRemembered(
            crate::service::practice::remember_choices(store.layout(), &choices)
                .map_err(|e| e.to_string()),
        ),
        Effect::KeepMyPace { dir, pattern } => Action::PaceKept(
            crate::content::my_pace::keep(&dir, &pattern).map(|p| p.display().to_string()),
        ),
        Effect::Journal(e) => super::journal::effect::perform(store, e),
        Effect::Record(e) => super::record::effect::perform(store, e),
        // Only the runner has a terminal to lend; anywhere else there is none.
        Effect::EditOutside { .. } => {
            Action::Journal(super::journal::JournalAction::EditedOutside(Err(
                crate::copy::journal::NO_TERMINAL.into(),
            )))
        }
        Effect::LoadTrends { span, today, opts } => {
            // Unreadable files are left out here; the home screen already says so.
            let result = report(store, span, today, opts)
                .map(|(rep, _)| Box::new(rep))
                .map_err(|e| e.to_string());
            Action::TrendsLoaded { span, result }
        }
    }
}

/// Hand an action to the app and perform whatever effects follow, until it settles.
pub fn step(app: &mut App, store: &Store, action: Action, now: Now) {
    let effects = app.update(action, now);
    settle(app, store, effects, now);
}

/// Perform effects in order, and whatever follows from their results, until the app
/// settles.
pub fn settle(app: &mut App, store: &Store, effects: Vec<Effect>, now: Now) {
    settle_with(app, store, effects, now);
}

/// The same, with any performer: at exit, the worker's own, on this thread.
pub fn settle_with(app: &mut App, performer: &dyn Perform, effects: Vec<Effect>, now: Now) {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(e) = queue.pop_front() {
        queue.extend(app.update(performer.perform(e), now));
    }
}
