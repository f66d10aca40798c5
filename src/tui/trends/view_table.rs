//! The trends screen's table of practices: every practice of the range by name, with its
//! sessions, how many were rated before and after, and the mean change in distress per
//! rated session, in the same words `attune trends` and the review use.

use super::view::Room;
use crate::copy::trends::practice_rows;
use crate::tui::trends::Shown;
use crate::tui::trends::words as w;
use ratatui::text::{Line, Span};

/// The numbers' columns: sessions, rated, and the change.
const N: usize = 6;
const RATED: usize = 6;

/// The heading and as many practices as `rows` allows, most practised first.
pub(super) fn lines(room: &Room, shown: &Shown, width: u16, rows: u16) -> Vec<Line<'static>> {
    let all = practice_rows(&shown.report.trends);
    if all.is_empty() || rows < 2 {
        return Vec::new();
    }
    let change = all
        .iter()
        .map(|r| r.change.chars().count())
        .chain([w::CHANGE_HEAD.chars().count()])
        .max()
        .unwrap_or(0);
    let name = usize::from(width)
        .saturating_sub(N + RATED + change + 2)
        .max(4);
    let row = |a: &str, b: &str, c: &str, d: &str| {
        let a = clip(&crate::copy::safe::line(a), name);
        format!("{a:<name$}{b:>N$}{c:>RATED$}  {d}")
    };
    let theme = room.theme;
    let head = row(w::PRACTICE_HEAD, w::SESSIONS_HEAD, w::RATED_HEAD, w::CHANGE_HEAD);
    let mut lines = vec![Line::styled(head, theme.quiet())];
    for r in all.iter().take(usize::from(rows) - 1) {
        let text = row(&r.name, &r.sessions.to_string(), &r.rated.to_string(), &r.change);
        lines.push(Line::from(Span::styled(text, theme.text())));
    }
    lines
}

/// `text` in at most `width` cells, ending in "…" when it had to be cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
