//! The journal editor's text: a ratatui-textarea with word wrap, compared by its lines
//! and cursor, with its snapshots for undo, the window of lines a long text is drawn
//! from, and how a key changes it (for undo's steps).

use super::history::{Kind, Snapshot};
use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{TextArea, WrapMode};

/// The multi-line text, compared by its lines and cursor.
#[derive(Clone)]
pub struct Text(pub TextArea<'static>);

impl Text {
    pub fn new(text: &str) -> Text {
        let mut area = TextArea::from(text.split('\n'));
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::default());
        // Undo is the editor's own, a word at a time (see `history`).
        area.set_max_histories(0);
        area.set_placeholder_text(crate::copy::journal::PLACEHOLDER);
        let dim = ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::DIM);
        area.set_placeholder_style(dim);
        let reversed =
            ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
        area.set_selection_style(reversed);
        Text(area)
    }

    /// Show the text's cursor only while keys go to the text.
    pub fn focus(&mut self, on: bool) {
        let style = ratatui::style::Style::default();
        let cursor = if on {
            style.add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            style
        };
        self.0.set_cursor_style(cursor);
    }

    pub fn string(&self) -> String {
        self.0.lines().join("\n")
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            lines: self.0.lines().to_vec(),
            cursor: {
                let at = self.0.cursor();
                (at.0, at.1)
            },
        }
    }

    /// For a long text, the lines around the cursor as a text of their own (the cursor
    /// in the middle of it), so a frame wraps a screenful rather than the whole entry;
    /// None when the text is short enough to draw whole.
    pub fn window(&self, rows: usize) -> Option<Text> {
        const WHOLE_BYTES: usize = 64 * 1024;
        let lines = self.0.lines();
        let bytes: usize = lines.iter().map(String::len).sum();
        let (row, col) = {
            let at = self.0.cursor();
            (at.0, at.1)
        };
        if bytes <= WHOLE_BYTES || lines.len() <= 2 * rows {
            return None;
        }
        let from = row.saturating_sub(rows / 2);
        let to = (row + rows).min(lines.len());
        let mut window = Text::new(&lines[from..to].join("\n"));
        let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        window
            .0
            .move_cursor(ratatui_textarea::CursorMove::Jump(jump(row - from), jump(col)));
        window.0.set_cursor_style(self.0.cursor_style());
        Some(window)
    }

    /// Show `snap` in place of the text, keeping how the text looks and its focus.
    pub fn restore(&mut self, snap: Snapshot, focused: bool) {
        let mut fresh = Text::new(&snap.lines.join("\n"));
        let (row, col) = snap.cursor;
        let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        fresh
            .0
            .move_cursor(ratatui_textarea::CursorMove::Jump(jump(row), jump(col)));
        fresh.focus(focused);
        *self = fresh;
    }
}

/// How a key changes the text, for undo's steps.
pub(super) fn kind_of(key: &KeyEvent) -> Kind {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain && c.is_whitespace() => Kind::Boundary,
        KeyCode::Char(_) if plain => Kind::Letter,
        KeyCode::Enter | KeyCode::Tab => Kind::Boundary,
        KeyCode::Backspace | KeyCode::Delete => Kind::Erase,
        _ => Kind::Other,
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.0.lines() == other.0.lines() && self.0.cursor() == other.0.cursor()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let chars: usize = self.0.lines().iter().map(|l| l.chars().count()).sum();
        write!(f, "Text({} lines, {chars} chars)", self.0.lines().len())
    }
}

#[cfg(test)]
mod window_tests {
    use super::Text;
    use ratatui_textarea::CursorMove;

    #[test]
    fn a_long_text_is_drawn_from_the_lines_around_its_cursor() {
        let long: Vec<String> = (0..3000)
            .map(|i| format!("line {i} of steady words about the day"))
            .collect();
        let mut text = Text::new(&long.join("\n"));
        text.0.move_cursor(CursorMove::Jump(1500, 4));
        let window = text.window(20).expect("a window");
        assert_eq!(window.0.lines().len(), 30);
        let at = window.0.cursor();
        assert_eq!(window.0.lines()[at.0], long[1500]);
        assert_eq!(at.1, 4);
        assert!(Text::new("short").window(20).is_none());
    }
}
