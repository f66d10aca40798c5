//! The page: the whole frame (the screen, then the first-run notice, then help on top, or
//! a kind request for room when the window is too small), its title line, its footer of
//! key hints, and margins.

use super::hints;
use crate::tui::app::App;
use crate::tui::strings as s;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The smallest window everything still works in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Draw the whole app into the frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.is_empty() {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = Paragraph::new(s::TOO_SMALL).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
        return;
    }
    crate::tui::screen::render(app, frame, area);
    if app.welcome {
        crate::tui::home::welcome::render(app, frame, area);
    }
    if let Some(scroll) = app.help {
        crate::tui::help::view::render(app, scroll, frame, area);
    }
}

/// Room for decoration: margins, a title line, blank lines between parts.
pub fn roomy(area: Rect) -> bool {
    area.width >= 60 && area.height >= 20
}

/// " attune · Check in" on the first line.
pub fn title(theme: Theme, what: Option<&str>) -> Line<'static> {
    let mut spans = vec![Span::styled(format!(" {}", s::APP), theme.title())];
    if let Some(what) = what {
        spans.push(Span::styled(" · ", theme.quiet()));
        spans.push(Span::styled(what.to_string(), theme.title()));
    }
    Line::from(spans)
}

/// Split off a footer of key hints at the bottom; returns (body, footer).
pub fn with_footer(app: &App, frame: &mut Frame, area: Rect) -> Rect {
    let hints = app.keymap.hints(app.screen_context());
    let height = hints::height(&hints, area.width).min(area.height / 3);
    let [body, footer] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(height)]).areas(area);
    // Line by line: cheaper than a paragraph, and the pacer draws this 25 times a second.
    let lines = hints::lines(&hints, area.width, app.theme);
    for (line, y) in lines.into_iter().zip(footer.top()..footer.bottom()) {
        frame.render_widget(
            line,
            Rect {
                y,
                height: 1,
                ..footer
            },
        );
    }
    body
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
