//! One line of typed text with a cursor that moves and edits in place (←/→, Home/End,
//! Backspace, Delete), and the part of it that fits a given width around the cursor.

use unicode_width::UnicodeWidthStr;

/// Where a cursor key moves the cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    Left,
    Right,
    Home,
    End,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// A byte offset into `text`, always on a character boundary.
    at: usize,
}

impl LineInput {
    /// The text, with the cursor at its end (where a hand expects to go on typing).
    pub fn new(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            at: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.at, c);
        self.at += c.len_utf8();
    }

    /// Backspace: the character before the cursor goes.
    pub fn erase_back(&mut self) {
        if let Some(c) = self.text[..self.at].chars().next_back() {
            self.at -= c.len_utf8();
            self.text.remove(self.at);
        }
    }

    /// Delete: the character under the cursor goes.
    pub fn erase_ahead(&mut self) {
        if self.at < self.text.len() {
            self.text.remove(self.at);
        }
    }

    pub fn move_cursor(&mut self, to: Cursor) {
        self.at = match to {
            Cursor::Home => 0,
            Cursor::End => self.text.len(),
            Cursor::Left => self.text[..self.at]
                .chars()
                .next_back()
                .map_or(0, |c| self.at - c.len_utf8()),
            Cursor::Right => self.text[self.at..]
                .chars()
                .next()
                .map_or(self.at, |c| self.at + c.len_utf8()),
        };
    }

    /// What to show in `room` columns: the text just before the cursor that fits (one
    /// column kept for the cursor itself), then as much after it as fits; and the
    /// cursor's column within what is shown. Columns, not characters: CJK and emoji
    /// take two each.
    pub fn view(&self, room: usize) -> (String, usize) {
        let before = &self.text[..self.at];
        let (shown, used) = super::tail_fit(before, room.saturating_sub(1));
        let mut out = shown;
        let mut width = used;
        for c in self.text[self.at..].chars() {
            let w = c.to_string().width();
            if width + w > room {
                break;
            }
            out.push(c);
            width += w;
        }
        (out, used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_and_edits_in_place() {
        let mut line = LineInput::new("slept bady");
        line.move_cursor(Cursor::Left);
        line.insert('l');
        assert_eq!(line.text(), "slept badly");
        line.move_cursor(Cursor::Home);
        line.erase_ahead();
        line.insert('S');
        line.move_cursor(Cursor::End);
        line.erase_back();
        line.erase_back();
        assert_eq!(line.text(), "Slept bad");
        line.move_cursor(Cursor::Right);
        line.insert('!');
        assert_eq!(line.text(), "Slept bad!");
    }

    #[test]
    fn wide_and_accented_letters_are_never_split() {
        let mut line = LineInput::new("café 睡");
        line.move_cursor(Cursor::Left);
        line.move_cursor(Cursor::Left);
        line.erase_back();
        assert_eq!(line.text(), "caf 睡");
        line.move_cursor(Cursor::End);
        line.move_cursor(Cursor::Right);
        line.erase_ahead();
        assert_eq!(line.text(), "caf 睡");
    }

    #[test]
    fn the_view_keeps_the_cursor_in_sight() {
        let mut line = LineInput::new("abcdefghij");
        assert_eq!(line.view(5), ("ghij".to_string(), 4));
        line.move_cursor(Cursor::Home);
        assert_eq!(line.view(5), ("abcde".to_string(), 0));
        line.move_cursor(Cursor::Right);
        line.move_cursor(Cursor::Right);
        assert_eq!(line.view(5), ("abcde".to_string(), 2));
    }
}
