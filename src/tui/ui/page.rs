//! The page: the whole frame (the screen, then the first-run notice, then help on top, or
//! a kind request for room when the window is too small), its title line, its footer of
//! key hints, and margins.

use super::hints;
use crate::copy::screens as s;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// The largest picture attune draws: more than a 4K screen shows in a small font, so a
/// window that says it is 9999x9999 costs megabytes, never gigabytes. Beyond, it is blank.
pub const MAX_WIDTH: u16 = 500;
pub const MAX_HEIGHT: u16 = 250;

/// The part of a window of `width` x `height` that attune draws in.
pub fn drawn_size(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

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
    let hints = app.hints(app.screen_context());
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

/// Indentation and width for the lines of one screen, and the lines every practice's
/// screens share: paragraphs, gaps that give way when room is short, facts, a 0-10 rating.
pub struct Page {
    pub theme: Theme,
    pub roomy: bool,
    pub pad: &'static str,
    pub width: u16,
}

impl Page {
    /// Lines for `body`; `roomy` says whether there is room for margins and gaps.
    pub fn new(theme: Theme, roomy: bool, body: Rect) -> Page {
        let pad = if roomy { "   " } else { " " };
        let indent = u16::try_from(2 * pad.len()).unwrap_or(u16::MAX);
        Page {
            theme,
            roomy,
            pad,
            width: body.width.saturating_sub(indent),
        }
    }

    /// Text wrapped to the page, each line indented.
    pub fn para(&self, text: &str, style: Style) -> Vec<Line<'static>> {
        super::wrap(text, self.width, 0)
            .into_iter()
            .map(|l| Line::from(vec![Span::raw(self.pad), Span::styled(l, style)]))
            .collect()
    }

    /// A blank line, when there is room for one.
    pub fn gap(&self, lines: &mut Vec<Line<'static>>) {
        if self.roomy {
            lines.push(Line::default());
        }
    }

    /// A label in a column `label_width` wide, then its value.
    pub fn fact(&self, label: &str, value: String, label_width: usize) -> Line<'static> {
        Line::from(vec![
            Span::raw(self.pad),
            Span::styled(format!("{label:<label_width$}"), self.theme.quiet()),
            Span::styled(value, self.theme.text()),
        ])
    }

    /// A closing screen's first words, how the practice ended, and a gap: `words` holds
    /// [completed, completed in a small window, stopped, stopped in a small window].
    pub fn ended(&self, completed: bool, words: [&str; 4]) -> Vec<Line<'static>> {
        let said = match (completed, self.roomy) {
            (true, true) => words[0],
            (true, false) => words[1],
            (false, true) => words[2],
            (false, false) => words[3],
        };
        let mut lines = self.para(said, self.theme.notice());
        self.gap(&mut lines);
        lines
    }

    /// A practice's closing when it was let go in its first seconds: nothing was saved,
    /// said kindly, and nothing to rate.
    pub fn let_go(&self) -> Vec<Line<'static>> {
        let mut lines = self.para(crate::copy::summary::LET_GO, self.theme.notice());
        self.gap(&mut lines);
        lines.extend(self.para(crate::copy::summary::LET_GO_MORE, self.theme.quiet()));
        lines
    }

    /// The question after a practice (shorter in a small window) and its 0-10 row.
    pub fn ask_after(&self, value: Option<u8>) -> Vec<Line<'static>> {
        let ask = if self.roomy {
            s::AFTER_ASK
        } else {
            s::AFTER_ASK_SHORT
        };
        let mut lines = self.para(ask, self.theme.text());
        let anchors = s::anchors(crate::domain::checkin::Scale::Distress);
        lines.extend(self.rating(value, &anchors));
        lines
    }

    /// The 0-10 row with its anchors, as on the check-in.
    pub fn rating(&self, value: Option<u8>, anchors: &str) -> Vec<Line<'static>> {
        let theme = self.theme;
        let shown = value.map_or(s::NOT_SET.into(), |v| v.to_string());
        let mut row = vec![
            Span::raw(self.pad),
            Span::styled("› ", theme.focus()),
            Span::styled(format!("{shown:>2}  "), theme.focus()),
        ];
        row.extend(super::scale::row(value, theme));
        let anchors = format!("{}      {anchors}", self.pad);
        vec![Line::from(row), Line::styled(anchors, theme.quiet())]
    }
}
