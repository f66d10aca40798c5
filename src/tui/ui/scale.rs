//! The 0-10 scale row: every number from 0 to 10, the chosen one marked.

use crate::domain::checkin::MAX;
use crate::tui::theme::Theme;
use ratatui::text::Span;

/// Columns the row takes: "0 1 2 3 4 5 6 7 8 9 10".
pub const WIDTH: u16 = 22;

pub fn row(value: Option<u8>, theme: Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for n in 0..=MAX {
        if n > 0 {
            spans.push(Span::raw(" "));
        }
        let style = if value == Some(n) {
            theme.chosen()
        } else {
            theme.quiet()
        };
        spans.push(Span::styled(n.to_string(), style));
    }
    spans
}
