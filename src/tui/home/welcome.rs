//! The first-run notice: what attune is and is not, how to get help and how to quit.
//! Enter dismisses it, and it is not shown again.

use crate::copy::screens as s;
use crate::tui::app::App;
use crate::tui::ui::wrap;
use crate::tui::ui::{centered, roomy};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let boxed = roomy(area);
    let width = if boxed {
        area.width.min(64)
    } else {
        area.width
    };
    let text_width = width.saturating_sub(if boxed { 6 } else { 2 });
    let wrapped: Vec<Vec<String>> = s::WELCOME
        .iter()
        .map(|p| wrap(&app.say(p), text_width, 0))
        .collect();
    // Blank lines between paragraphs when they fit: title, gap, text, gap, Enter.
    let text_lines: usize = wrapped.iter().map(Vec::len).sum();
    let spaced = boxed || text_lines + wrapped.len() - 1 + 4 <= usize::from(area.height);
    let mut body: Vec<Line> = Vec::new();
    for (i, para) in wrapped.into_iter().enumerate() {
        if spaced && i > 0 {
            body.push(Line::default());
        }
        body.extend(para.into_iter().map(|l| Line::styled(l, theme.text())));
    }
    let enter = Line::styled(s::WELCOME_ENTER, theme.key());
    if boxed {
        let height = (body.len() as u16 + 6).min(area.height);
        let outer = centered(area, width, height);
        // The first thing anyone sees: on a clear screen, nothing half-hidden behind it.
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .border_style(theme.frame())
            .title(Line::styled(format!(" {} ", s::WELCOME_TITLE), theme.title()));
        frame.render_widget(block, outer);
        let inner = Rect::new(outer.x + 3, outer.y + 2, text_width, outer.height.saturating_sub(3));
        body.push(Line::default());
        body.push(enter);
        frame.render_widget(Paragraph::new(body), inner);
    } else {
        frame.render_widget(Clear, area);
        let mut lines = vec![Line::styled(
            format!(" {}", s::WELCOME_TITLE),
            theme.title(),
        )];
        lines.push(Line::default());
        lines.extend(body.into_iter().map(|l| indent(l, " ")));
        let text = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        frame.render_widget(Paragraph::new(lines), text);
        // Pinned to the last line, so the way on is always in view.
        let last = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        frame.render_widget(Paragraph::new(indent(enter, " ")), last);
    }
}

fn indent<'a>(mut line: Line<'a>, pad: &'static str) -> Line<'a> {
    line.spans.insert(0, pad.into());
    line
}
