//! The key-hints footer: "Enter save  Esc leave  ? help", wrapped onto more lines when
//! the window is narrow.

use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

const GAP: usize = 2;

/// The footer's lines for these hints at this width.
pub fn lines(hints: &[(String, &'static str)], width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    for ((keys, what), new_line) in hints.iter().zip(breaks(hints, width)) {
        if new_line && !spans.is_empty() {
            lines.push(Line::from(std::mem::take(&mut spans)));
        }
        let gap = if spans.is_empty() { " " } else { "  " };
        spans.push(Span::raw(gap));
        spans.push(Span::styled(keys.clone(), theme.key()));
        spans.push(Span::styled(format!(" {what}"), theme.quiet()));
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// For each hint, whether it starts a new line at this width.
fn breaks<'a>(hints: &'a [(String, &'static str)], width: u16) -> impl Iterator<Item = bool> + 'a {
    let width = usize::from(width);
    let mut used = 0;
    hints.iter().map(move |(keys, what)| {
        let len = keys.chars().count() + 1 + what.chars().count();
        let gap = if used == 0 { 1 } else { GAP };
        let new_line = used > 0 && used + gap + len > width;
        if new_line {
            used = 0;
        }
        used += if used == 0 { 1 } else { GAP } + len;
        new_line || used == 1 + len
    })
}

/// How many lines the footer needs at this width (counted without building them).
pub fn height(hints: &[(String, &'static str)], width: u16) -> u16 {
    let count = breaks(hints, width).filter(|&new_line| new_line).count();
    u16::try_from(count).unwrap_or(u16::MAX)
}
