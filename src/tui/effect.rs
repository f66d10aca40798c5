//! Performing effects: the app's only I/O (saving a check-in, reloading today, remembering
//! the first-run notice was seen). Each result comes back to `App::update` as an Action.

use super::action::{Action, Effect};
use super::app::App;
use crate::service::checkin::{save_checkin, today};
use crate::store::Store;
use crate::store::model::Stamp;
use chrono::Weekday;
use std::path::{Path, PathBuf};

/// Weeks start on Monday until the config file can choose.
pub const FIRST_WEEKDAY: Weekday = Weekday::Mon;

/// The small file whose presence means the first-run notice was seen.
pub fn welcome_marker(state_dir: &Path) -> PathBuf {
    state_dir.join("welcome-seen")
}

/// Do one effect against the store and report how it went.
pub fn perform(store: &Store, effect: Effect) -> Action {
    match effect {
        Effect::SaveCheckin { checkin, at } => {
            Action::Saved(save_checkin(store, checkin, at).map_err(|e| e.to_string()))
        }
        Effect::LoadToday { day } => Action::TodayLoaded(
            today(store, day, FIRST_WEEKDAY)
                .map(|(summary, _)| summary)
                .map_err(|e| e.to_string()),
        ),
        Effect::RememberWelcome => {
            let path = welcome_marker(&store.layout().state_dir);
            let written = crate::store::atomic::write_atomic(&path, b"");
            Action::WelcomeRemembered(written.map_err(|e| e.to_string()))
        }
    }
}

/// Hand an action to the app and perform whatever effects follow, until it settles.
pub fn step(app: &mut App, store: &Store, action: Action, now: Stamp) {
    let mut effect = app.update(action, now);
    while let Some(e) = effect {
        effect = app.update(perform(store, e), now);
    }
}
