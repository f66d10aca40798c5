//! Which folders attune uses: flags first, then ATTUNE_DATA_DIR / ATTUNE_STATE_DIR, then
//! the platform's usual places.

use crate::store::layout::Layout;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[error("could not find a home folder for attune's {what}; set {var} to choose one")]
pub struct NoHome {
    what: &'static str,
    var: &'static str,
}

/// Resolve the layout from an optional `--data-dir` flag and the environment.
/// The settings file's name, in the config folder.
pub const CONFIG_FILE: &str = "config.toml";

pub fn resolve(data_dir_flag: Option<PathBuf>) -> Result<Layout, NoHome> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let dirs = directories::ProjectDirs::from("", "", "attune");
    let data_dir = data_dir_flag
        .or_else(|| env("ATTUNE_DATA_DIR"))
        .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
        .ok_or(NoHome {
            what: "data",
            var: "ATTUNE_DATA_DIR",
        })?;
    // Platforms without a state folder (macOS, Windows) get a separate local folder, so
    // the state never sits inside a data folder that may be synced.
    let state_dir = env("ATTUNE_STATE_DIR")
        .or_else(|| dirs.as_ref().and_then(|d| d.state_dir().map(PathBuf::from)))
        .or_else(|| {
            directories::ProjectDirs::from("", "", "attune-state")
                .map(|d| d.data_local_dir().to_path_buf())
        })
        .ok_or(NoHome {
            what: "local state",
            var: "ATTUNE_STATE_DIR",
        })?;
    Ok(Layout::new(data_dir, state_dir))
}

/// The folder for the user's own settings and content (custom patterns):
/// ATTUNE_CONFIG_DIR, else the platform's config folder. None when neither exists.
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("ATTUNE_CONFIG_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            directories::ProjectDirs::from("", "", "attune").map(|d| d.config_dir().to_path_buf())
        })
}
