//! Text that did not come from attune's own code (notes, words, journal text, names from
//! the user's files, paths, error reasons), made safe for a terminal. Control characters
//! and bidirectional overrides could retitle or clear the window, write the clipboard, or
//! make a line read differently than it is stored; each one is shown as a visible
//! stand-in instead. Data formats (`--json`, `export`) keep the exact text and never
//! come through here.

use std::borrow::Cow;

/// Shown for a C1 control or a direction mark, which have no picture of their own.
const STAND_IN: char = '\u{FFFD}';

/// `text` made safe to print, keeping line breaks and tabs for multi-line text (a
/// journal entry, a message of several lines). Everything else that a terminal would
/// act on, rather than show, becomes a visible stand-in.
pub fn text(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

/// `text` made safe to print on one line: a line break in it is shown, not followed, so
/// a note can never pass for a line attune wrote.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// The one rule both forms share.
fn clean(text: &str, keep_breaks: bool) -> Cow<'_, str> {
    let kept = |c: char| c == '\t' || (keep_breaks && c == '\n');
    // ASCII is checked a byte at a time; only the rest is decoded into characters.
    let ascii_unsafe = |b: u8| (b < 0x20 || b == 0x7F) && !kept(char::from(b));
    let wide_unsafe = || text.chars().any(|c| !c.is_ascii() && unsafe_char(c));
    if !text.bytes().any(ascii_unsafe) && (text.is_ascii() || !wide_unsafe()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if kept(c) || !unsafe_char(c) => c,
                c => stand_in(c),
            })
            .collect(),
    )
}

/// C0 and C1 controls, DEL, and the marks and overrides that change text direction.
pub fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// The picture of a C0 control or DEL (␛ for ESC, ␊ for a line feed), or the
/// replacement character for the rest.
fn stand_in(c: char) -> char {
    match u32::from(c) {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or(STAND_IN),
        0x7F => '\u{2421}',
        _ => STAND_IN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone_and_borrowed() {
        let s = "tight chest · 3 → 2, #work\tdone\nnext";
        assert!(matches!(text(s), Cow::Borrowed(_)));
        assert_eq!(line("café — ünïcode 日本"), "café — ünïcode 日本");
    }

    #[test]
    fn escapes_become_pictures_and_nothing_unsafe_is_left() {
        assert_eq!(text("\u{1b}]0;title\u{7}"), "␛]0;title␇");
        assert_eq!(text("\u{1b}[2J"), "␛[2J");
        assert_eq!(text("a\u{9b}2Jb"), "a\u{FFFD}2Jb");
        assert_eq!(text("\u{202E}evil"), "\u{FFFD}evil");
        assert_eq!(text("one\ntwo\r"), "one\ntwo␍");
        assert_eq!(line("one\ntwo\tthree"), "one␊two\tthree");
        let every: String = (0u32..=0x10FFFF).filter_map(char::from_u32).collect();
        for shown in [text(&every), line(&every)] {
            assert!(
                !shown
                    .chars()
                    .any(|c| unsafe_char(c) && c != '\n' && c != '\t'),
                "nothing unsafe is left"
            );
        }
        assert!(!line(&every).contains('\n'));
    }
}
