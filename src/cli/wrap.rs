//! Long lines folded at word boundaries for a terminal of a known width, so a sentence
//! never breaks inside a word. Only on a terminal: piped or saved, each message stays one
//! line, which is what logs, `grep` and screen readers that read line by line expect.

use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// A writer that folds each whole line it is given at `width` columns. A line not yet
/// ended (a question waiting for its answer) goes out as it is on flush.
pub struct Wrap<'a> {
    inner: &'a mut dyn Write,
    width: Option<usize>,
    pending: Vec<u8>,
}

impl<'a> Wrap<'a> {
    /// `width` None: pass everything through unchanged.
    pub fn new(inner: &'a mut dyn Write, width: Option<usize>) -> Wrap<'a> {
        Wrap {
            inner,
            width: width.filter(|w| *w >= 20),
            pending: Vec::new(),
        }
    }

    fn line_out(&mut self) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.pending).into_owned();
        self.pending.clear();
        match self.width {
            Some(width) => self.inner.write_all(fold(&text, width).as_bytes()),
            None => self.inner.write_all(text.as_bytes()),
        }
    }
}

impl Write for Wrap<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.width.is_none() {
            return self.inner.write(buf);
        }
        for part in buf.split_inclusive(|b| *b == b'\n') {
            self.pending.extend_from_slice(part);
            if part.ends_with(b"\n") {
                self.line_out()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.line_out()?;
        }
        self.inner.flush()
    }
}

/// A plain practice's lines (stdout) and words (stderr), each folded for its own terminal.
pub fn both<'a>(out: &'a mut dyn Write, err: &'a mut dyn Write) -> (Wrap<'a>, Wrap<'a>) {
    use std::io::IsTerminal;
    (
        Wrap::new(out, width(io::stdout().is_terminal())),
        Wrap::new(err, width(io::stderr().is_terminal())),
    )
}

/// The width to fold at for a stream, when it is a terminal whose size can be read.
pub fn width(is_terminal: bool) -> Option<usize> {
    if !is_terminal {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(cols, _)| usize::from(cols))
}

/// Fold `text` (one line, perhaps ending in a newline) so no row is wider than `width`,
/// breaking only at spaces; a single word wider than a row keeps its own row. Rows after
/// the first line up under the first word after a leading `[mm:ss.s] ` stamp or indent.
pub fn fold(text: &str, width: usize) -> String {
    let (body, end) = match text.strip_suffix('\n') {
        Some(body) => (body, "\n"),
        None => (text, ""),
    };
    if body.width() <= width {
        return text.to_string();
    }
    let hang = " ".repeat(hang_of(body).min(width / 2));
    let mut out = String::with_capacity(body.len() + 8);
    let mut row = 0;
    for word in body.split(' ') {
        let w = word.width();
        if row > 0 && row + 1 + w > width {
            out.push('\n');
            out.push_str(&hang);
            row = hang.len();
        } else if !out.is_empty() {
            out.push(' ');
            row += 1;
        }
        out.push_str(word);
        row += w;
    }
    out.push_str(end);
    out
}

/// How far rows after the first are indented: past a leading stamp or indent.
fn hang_of(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if line.starts_with('[')
        && let Some(close) = line.find("] ")
    {
        return close + 2;
    }
    indent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_left_alone_and_a_long_one_breaks_at_spaces() {
        assert_eq!(fold("a short line\n", 40), "a short line\n");
        let folded = fold("one two three four five six seven\n", 14);
        assert_eq!(folded, "one two three\nfour five six\nseven\n");
        assert!(folded.lines().all(|l| l.width() <= 14));
    }

    #[test]
    fn rows_after_a_stamp_line_up_under_its_words() {
        let folded = fold("[00:10.0] Stopped after 3 breaths. Saved as stopped early.", 30);
        assert_eq!(
            folded,
            "[00:10.0] Stopped after 3\n          breaths. Saved as\n          stopped early."
        );
    }

    #[test]
    fn a_word_wider_than_a_row_keeps_a_row_of_its_own() {
        let long = "x".repeat(30);
        assert_eq!(fold(&format!("a {long} b"), 20), format!("a\n{long}\nb"));
    }

    #[test]
    fn the_writer_folds_whole_lines_and_lets_a_question_through_on_flush() {
        let mut sink = Vec::new();
        {
            let mut w = Wrap::new(&mut sink, Some(20));
            write!(w, "one two three four five six\nDistress now? ").unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(sink).unwrap(),
            "one two three four\nfive six\nDistress now? "
        );
    }

    #[test]
    fn without_a_width_nothing_changes() {
        let mut sink = Vec::new();
        let long = "word ".repeat(40);
        Wrap::new(&mut sink, None)
            .write_all(long.as_bytes())
            .unwrap();
        assert_eq!(sink, long.as_bytes());
    }
}
