//! A yes-or-no question drawn in a small box over the screen it is about, so the words
//! it asks about stay in sight around it.

use crate::tui::theme::Theme;
use crate::tui::ui::{centered, para};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph};

/// The question, then a line saying what each answer does.
pub fn render(theme: Theme, question: &str, answers: &str, frame: &mut Frame, area: Rect) {
    let width = 46.min(area.width.saturating_sub(2));
    let inner = width.saturating_sub(4);
    let mut lines = para(question, inner, " ", theme.attention());
    lines.extend(para(answers, inner, " ", theme.text()));
    let height = (lines.len() as u16 + 2).min(area.height);
    let at = centered(area, width, height);
    frame.render_widget(Clear, at);
    let block = Block::bordered().border_style(theme.frame());
    frame.render_widget(Paragraph::new(lines).block(block), at);
}
