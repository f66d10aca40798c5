//! What the store found, in words: records kept but not readable by this version.

/// "attune: 1 record could not be read; `attune doctor` explains.", or nothing for none.
pub fn unreadable(count: usize) -> Option<String> {
    let what = match count {
        0 => return None,
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    };
    Some(format!(
        "attune: {what} could not be read; `attune doctor` explains."
    ))
}

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
