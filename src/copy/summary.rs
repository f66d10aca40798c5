//! The one line a command says on the terminal when its work is done.

/// After `attune checkin` on a terminal.
pub fn saved_checkin(distress: u8) -> String {
    format!("Saved your check-in (distress {distress}).")
}

/// After `attune journal new` on a terminal.
pub fn saved_entry() -> &'static str {
    "Saved your journal entry."
}

/// After `attune config --init`.
pub fn wrote_config(path: &str) -> String {
    format!("Wrote the default settings to {path}. Edit it to make attune yours.")
}
