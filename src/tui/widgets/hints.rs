//! The key-hints footer: "Enter save  Esc leave  ? help", wrapped onto more lines when
//! the window is narrow.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

const GAP: usize = 2;

/// The footer's lines for these hints at this width.
pub fn lines(hints: &[(String, &'static str)], width: u16, theme: Theme) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (keys, what) in hints {
        let len = keys.chars().count() + 1 + what.chars().count();
        let gap = if used == 0 { 1 } else { GAP };
        if used > 0 && used + gap + len > width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        let gap = if used == 0 { 1 } else { GAP };
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.quiet()));
        used += gap + len;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// How many lines the footer needs at this width.
pub fn height(hints: &[(String, &'static str)], width: u16) -> u16 {
    u16::try_from(lines(hints, width, Theme::new(false)).len()).unwrap_or(u16::MAX)
}
