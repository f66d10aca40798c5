//! A yes-or-no question drawn in a small box over the screen it is about, so the words
//! it asks about stay in sight around it.

use crate::tui::theme::Theme;
use crate::tui::ui::{centered, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// The question, then a line saying what each answer does.
pub fn render(theme: Theme, question: &str, answers: &str, frame: &mut Frame, area: Rect) {
    let width = 46.min(area.width.saturating_sub(2));
    let inner = width.saturating_sub(4);
    let mut lines = lines(question, inner, theme.attention());
    lines.extend(self::lines(answers, inner, theme.text()));
    let height = (lines.len() as u16 + 2).min(area.height);
    let at = centered(area, width, height);
    frame.render_widget(Clear, at);
    let block = Block::bordered().border_style(theme.frame());
    frame.render_widget(Paragraph::new(lines).block(block), at);
}

fn lines(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width, 0)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), style))
        .collect()
}
