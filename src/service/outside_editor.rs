//! Writing in the person's own editor ($VISUAL, $EDITOR, else vi): the words go to a
//! private temp file in local state, the editor runs on the terminal, and the words come
//! back, whatever the editor did. Used by `attune journal` and by the full-screen editor.

use std::path::{Path, PathBuf};

/// What came back from the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    /// The editor exited cleanly.
    pub clean: bool,
    /// The command run, to name it in a message.
    pub editor: String,
}

/// The command to run: $VISUAL, then $EDITOR, then vi.
pub fn command() -> String {
    std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into())
}

/// Where the editor's file lives: local drafts, or, when this device keeps no key and
/// seals its local state (`encryption.remember = false`), a private folder under
/// `$XDG_RUNTIME_DIR` (memory, gone at log-out) when there is one. True for the latter.
pub fn folder(state_dir: &Path) -> (PathBuf, bool) {
    let drafts = state_dir.join("drafts");
    if crate::store::crypt::local_seal().is_none() {
        return (drafts, false);
    }
    match std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute() && d.is_dir())
    {
        Some(run) => (run.join("attune"), true),
        None => (drafts, false),
    }
}

/// Edit `start` in the person's editor, in a 0600 temp file in `dir` (see `folder`) that
/// is removed afterwards; `announce` hears the file's path before the editor starts. The
/// words are read back before the file goes, even when the editor failed. Err only when
/// the editor could not be started or the file not written or read.
pub fn edit(dir: &Path, start: &str, announce: &dyn Fn(&Path)) -> Result<Edited, String> {
    crate::store::atomic::create_private_dir(dir).map_err(|e| e.to_string())?;
    let file = tempfile::Builder::new()
        .prefix("entry-")
        .suffix(".md")
        .tempfile_in(dir)
        .map_err(|e| e.to_string())?;
    crate::store::atomic::set_mode(file.path(), 0o600).map_err(|e| e.to_string())?;
    std::fs::write(file.path(), start).map_err(|e| e.to_string())?;
    announce(file.path());
    let editor = command();
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()
        .map_err(|e| format!("could not start the editor \"{editor}\": {e}"))?;
    // Dropping `file` removes it, so the words are read out first whatever happened.
    let text = std::fs::read_to_string(file.path()).map_err(|e| e.to_string())?;
    Ok(Edited {
        text,
        clean: status.success(),
        editor,
    })
}
