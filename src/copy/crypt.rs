//! What is said about encryption at rest: sealed files that cannot be opened, joining,
//! and the `attune encrypt` commands.

/// Why a sealed file cannot be read here (after its path).
pub const NO_KEY: &str = "is encrypted, and this device has not joined yet (`attune encrypt join`)";
pub const OTHER_KEY: &str =
    "is encrypted with a key this device does not hold (or its first lines are damaged)";
pub fn damaged(reason: &str) -> String {
    format!("is encrypted but damaged ({reason}); attune has not changed it")
}

/// What doctor suggests for each.
pub const NO_KEY_TODO: &str = "run `attune encrypt join` on this device and enter your passphrase; until then attune can still save here, and nothing is lost";
pub const OTHER_KEY_TODO: &str = "it may come from another attune folder; move it out of the records folder, or join the folder it came from";
pub const DAMAGED_TODO: &str = "restore it from a backup or a synced copy; until then its records are left out and the file is never overwritten";

/// A file turned while it was being converted.
pub const CHANGED_MEANWHILE: &str =
    "changed while it was being converted; run the command again to finish it";
/// A sealed file that would not open again (never written).
pub const WOULD_NOT_OPEN: &str = "its encrypted form would not open again";
/// The marker could not be read, so no save goes out unsealed.
pub const MARKER_UNUSABLE: &str =
    "encryption.json cannot be read, so attune saves nothing rather than save it unencrypted";

/// Said by a read command on a device that holds no key.
pub const NOT_JOINED: &str = "Your records here are encrypted, and this device has not joined yet. \
To read them, run `attune encrypt join` (it asks your passphrase once). You can still \
check in and write in your journal here meanwhile.";
/// Said by a read command with `encryption.remember = false` and no terminal to ask on.
pub const NEEDS_PASSPHRASE: &str = "Your records are encrypted and this device keeps no key \
(encryption.remember = false). Run this in a terminal to type your passphrase, or set \
ATTUNE_PASSPHRASE_FILE to a file that holds it.";

/// Passphrase prompts.
pub const ASK_NEW: &str = "Choose a passphrase: ";
pub const ASK_AGAIN: &str = "The same passphrase again: ";
pub const ASK: &str = "Your passphrase: ";
pub const NOT_THE_SAME: &str = "The two passphrases were not the same; nothing was changed.";
pub const EMPTY: &str = "An empty passphrase would protect nothing; nothing was changed.";
pub const NO_TERMINAL: &str = "attune needs your passphrase: run this in a terminal, or give \
--passphrase-file FILE (or set ATTUNE_PASSPHRASE_FILE).";
pub const WRONG: &str = "That passphrase does not open this folder's key. Nothing was changed; \
try again (there is no way to read the records without it).";

/// `encrypt on` and friends.
pub const NOT_ENCRYPTED: &str = "This folder is not encrypted; `attune encrypt on` encrypts it.";
pub const ALREADY_JOINED: &str = "This device has joined already; nothing to do.";
pub const NEEDS_JOIN: &str = "This device has not joined yet; run `attune encrypt join` first.";
pub const REMEMBER_OFF: &str = "encryption.remember = false: no key is kept on this device, \
so attune asks your passphrase when it reads.";
pub const RECOVERY: &str = "There is no way back to your records without this passphrase: \
keep it somewhere safe.";
pub const OFF_NEEDS_YES: &str = "`attune encrypt off` writes every record back as plain \
JSON. Without a terminal to ask on, add --yes to do it.";
pub const OFF_ASK: &str =
    "This writes every record back as plain, readable JSON. Type yes to go on: ";
pub const OFF_ASK_AGAIN: &str = "Sure? Type yes once more: ";
pub const OFF_KEPT: &str = "Nothing was changed; your records stay encrypted.";

pub fn on_done(turned: usize, left: usize) -> String {
    let mut said = format!(
        "Your records are encrypted, every save from now on too ({turned} {} encrypted just now).",
        files(turned)
    );
    if left > 0 {
        said.push_str(&format!(
            " {left} {} left as they were; see above, then run `attune encrypt on` again.",
            files(left)
        ));
    }
    said
}

pub fn off_done(turned: usize, left: usize) -> String {
    let mut said = format!(
        "Your records are plain JSON again ({turned} {} opened just now).",
        files(turned)
    );
    if left > 0 {
        said.push_str(&format!(" {left} {} are still encrypted; see above.", files(left)));
    }
    said
}

pub const JOINED: &str = "This device has joined: it reads your encrypted records from now on.";
pub const PASSPHRASE_CHANGED: &str =
    "Your passphrase is changed. No record needed rewriting; other devices keep working.";

fn files(n: usize) -> &'static str {
    if n == 1 { "file" } else { "files" }
}

/// What doctor suggests for a sealed file that cannot be opened here.
pub fn todo(why: &crate::store::crypt::Why) -> &'static str {
    use crate::store::crypt::Why;
    match why {
        Why::NoKey => NO_KEY_TODO,
        Why::OtherKey => OTHER_KEY_TODO,
        Why::Damaged(_) => DAMAGED_TODO,
    }
}

/// The user chose not to type a passphrase.
pub const GAVE_UP: &str = "No passphrase given; nothing was changed.";

/// `attune encrypt status`.
pub fn status_on(recipient: &str) -> String {
    format!("Encryption is on: every save is encrypted to the public key {recipient}.")
}
pub const STATUS_OFF: &str = "Encryption is off: your records are plain JSON.";
pub fn status_key(held: bool, kept: bool, remember: bool) -> &'static str {
    match (held, kept) {
        (_, true) if !remember => {
            "This device keeps the key on disk although encryption.remember = false; `attune encrypt join` removes it."
        }
        (_, true) => "This device holds the key (kept in its local state, never synced).",
        (false, false) if !remember => {
            "This device keeps no key (encryption.remember = false): attune asks your passphrase when it reads."
        }
        (true, false) => "This device holds the key in memory only (encryption.remember = false).",
        (false, false) => {
            "This device has not joined: it can save, and `attune encrypt join` lets it read."
        }
    }
}
pub fn status_device(device: &str, this: bool, sealed: usize, plain: usize) -> String {
    let who = if this { " (this device)" } else { "" };
    format!("  {device}{who}: {sealed} encrypted, {plain} plain")
}
pub fn status_plain_left(n: usize) -> String {
    format!(
        "{n} {} still plain; `attune encrypt on` encrypts them.",
        if n == 1 { "file is" } else { "files are" }
    )
}
pub const DEVICES: &str = "Devices that have written here:";

/// A draft sealed on this device, waiting for the passphrase.
pub const DRAFT_SEALED: &str =
    "a draft is encrypted and waits, untouched, until attune has your passphrase";

/// `attune doctor` on an encrypted folder.
pub const MARKER_TODO: &str = "restore encryption.json from a synced copy or a backup; until then attune saves nothing here rather than save it unencrypted";
pub const DOCTOR_NO_KEY: &str =
    "says the records are encrypted, and this device does not hold the key";
pub const DOCTOR_PLAIN: &str = "is not encrypted yet, in a folder that is";
pub const DOCTOR_PLAIN_TODO: &str =
    "run `attune encrypt on` (it carries on where it stopped, with the same passphrase)";

/// `attune encrypt recovery-key` and `join --recovery-key`.
pub const RECOVERY_KEY_NOTE: &str = "This key opens your records without the passphrase. \
Keep it on paper somewhere safe, and never in the synced folder.";
pub const NOT_A_RECOVERY_KEY: &str = "That file does not hold a recovery key (one line starting AGE-SECRET-KEY-1); nothing was changed.";
pub const NOT_THIS_FOLDERS_KEY: &str =
    "That recovery key is not this folder's; nothing was changed.";

/// Said once before $EDITOR opens, when this device keeps no key.
pub fn editing_in(path: &str, in_memory: bool) -> String {
    let where_ = if in_memory { " (in memory)" } else { "" };
    format!(
        "attune: while you write, the entry is in a private file{where_}, {path}; it is removed when the editor closes."
    )
}

/// `attune export` on a terminal, when the folder is encrypted and the export is not.
pub const EXPORT_PLAIN: &str = "attune: note, this export is plain readable text, though your records are encrypted; `--encrypt` keeps it encrypted.";
pub const REVIEW_PLAIN: &str =
    "attune: note, this review is plain readable text, though your records are encrypted.";
/// `attune export --encrypt` where it cannot be.
pub const EXPORT_ENCRYPT_JSON: &str =
    "--encrypt goes with --format json (the format attune import reads)";
pub const EXPORT_NOT_ENCRYPTED: &str = "--encrypt seals the export to this folder's key, and this \
folder is not encrypted; run `attune encrypt on` first, or export without --encrypt.";
/// `attune import` of an encrypted export.
pub const IMPORT_WRONG: &str =
    "That passphrase does not open this export. Nothing was imported; try again.";
pub const NOT_THIS_EXPORTS_KEY: &str =
    "That recovery key is not the one this export was encrypted to; nothing was imported.";
pub fn import_damaged(file: &str, reason: &str) -> String {
    format!("{file} is an encrypted export, but damaged ({reason}); nothing was imported.")
}

/// What the full-screen app's reading screens say instead of records, in one line, when
/// the folder is encrypted and this device holds no key (writing still works).
pub const SEALED_HERE: &str =
    "Your records are encrypted. To read them here, run `attune encrypt join`.";
/// The same with `encryption.remember = false`, when no passphrase was typed at start.
pub const SEALED_ASK: &str =
    "Your records are encrypted. To read them, restart attune and type your passphrase.";
pub fn sealed_line(remember: bool) -> &'static str {
    if remember { SEALED_HERE } else { SEALED_ASK }
}
