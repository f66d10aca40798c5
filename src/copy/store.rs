//! What the store found, in words: records kept but not readable by this version.

/// "attune: 1 record could not be read; `attune doctor` explains.", or nothing for none.
pub fn unreadable(count: usize) -> Option<String> {
    let what = match count {
        0 => return None,
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    Some(format!("attune: {what} could not be read; `attune doctor` explains."))
}

/// Why the records folder, or something in it, is not what attune keeps there.
pub const RECORDS_IS_A_FILE: &str =
    "is a file, not a folder, so attune cannot read or save records there";
pub const RECORDS_IS_A_FILE_TODO: &str = "move the file aside (attune makes a fresh records folder on the next save), then run attune doctor again";
pub const STRAY_IN_RECORDS: &str =
    "is a file among the device folders; attune keeps only folders here and leaves it alone";
pub const STRAY_IN_RECORDS_TODO: &str = "if it is a device's records, put it back in its folder; otherwise move it out of the records folder";

/// A month file that starts with a UTF-8 byte-order mark (some editors add one).
pub const STARTS_WITH_BOM: &str =
    "starts with a byte-order mark (an editor may have added it); attune reads past it";
pub const STARTS_WITH_BOM_TODO: &str =
    "nothing is lost; to remove the mark, save the file again without it (UTF-8, no BOM)";

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_said_in_words_that_agree() {
        assert_eq!(super::unreadable(0), None);
        assert_eq!(
            super::unreadable(1).as_deref(),
            Some("attune: 1 record could not be read; `attune doctor` explains.")
        );
        assert_eq!(
            super::unreadable(3).as_deref(),
            Some("attune: 3 records could not be read; `attune doctor` explains.")
        );
    }
}
