//! Fitting attune's words to the room there is: wrapping to a width (as plain lines or as
//! styled paragraph lines), and keeping the end of a line that is too long.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `text` wrapped to `width`, each line after `pad` and in `style`.
pub fn para(text: &str, width: u16, pad: &'static str, style: Style) -> Vec<Line<'static>> {
    wrap(text, width, 0)
        .into_iter()
        .map(|l| Line::from(vec![Span::raw(pad), Span::styled(l, style)]))
        .collect()
}

/// Word-wrap `text` to `width` columns; lines after the first start with `indent` spaces.
/// Counts characters, which is right for attune's own words; a word longer than a line is
/// split rather than lost.
pub fn wrap(text: &str, width: u16, indent: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let indent = usize::from(indent).min(width - 1);
    let mut lines = Vec::new();
    let (mut line, mut len, mut has_words) = (String::new(), 0, false);
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let sep = usize::from(has_words);
            if len + sep + word.len() <= width {
                if has_words {
                    line.push(' ');
                }
                line.extend(word.drain(..));
                len = line.chars().count();
                has_words = true;
                continue;
            }
            if !has_words {
                // Nothing on this line yet: split the word where the line ends.
                let rest = word.split_off(width - len);
                line.extend(word.drain(..));
                word = rest;
            }
            lines.push(std::mem::replace(&mut line, " ".repeat(indent)));
            (len, has_words) = (indent, false);
        }
    }
    if has_words || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The end of `text` that fits in `cols` screen columns (wide characters such as CJK or
/// emoji take two), and how many columns it takes: where a cursor after it goes.
pub fn tail_fit(text: &str, cols: usize) -> (String, usize) {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > cols {
            break;
        }
        used += w;
        start = i;
    }
    (text[start..].to_string(), used)
}

#[cfg(test)]
mod tests {
    use super::{tail_fit, wrap};

    #[test]
    fn the_tail_counts_screen_columns() {
        assert_eq!(tail_fit("hello", 3), ("llo".to_string(), 3));
        assert_eq!(tail_fit("日本語", 5), ("本語".to_string(), 4));
        assert_eq!(tail_fit("a🙂", 10), ("a🙂".to_string(), 3));
        assert_eq!(tail_fit("", 4), (String::new(), 0));
    }

    #[test]
    fn wraps_on_spaces_with_a_hanging_indent() {
        assert_eq!(wrap("one two three", 8, 2), ["one two", "  three"]);
        assert_eq!(wrap("", 8, 0), [""]);
        assert_eq!(wrap("abcdefghij", 4, 0), ["abcd", "efgh", "ij"]);
        for w in 1..12 {
            for line in wrap("call or text 988 (988 Suicide & Crisis Lifeline)", w, 2) {
                assert!(line.chars().count() <= usize::from(w), "{w}: {line:?}");
            }
        }
    }
}
