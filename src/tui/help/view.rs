//! The help overlay, from every screen: how to stop, the crisis lines, what attune is and
//! is not, and the keys of the screen underneath. Scrolls when the window is short.

use crate::copy::screens as s;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH, roomy};
use crate::tui::ui::{hints, wrap};
use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Where help draws: the whole box, its text, and its footer.
struct Geometry {
    outer: Rect,
    text: Rect,
    footer: Rect,
    boxed: bool,
}

fn geometry(app: &App, area: Rect) -> Geometry {
    // Help covers the whole window, so no other screen's keys show around it.
    let boxed = roomy(area);
    let outer = area;
    let inner = if boxed {
        // Inside the border, with a column of breathing room each side.
        Rect {
            x: outer.x + 2,
            y: outer.y + 1,
            width: outer.width.saturating_sub(4),
            height: outer.height.saturating_sub(2),
        }
    } else {
        Rect {
            y: outer.y + 1,
            height: outer.height.saturating_sub(1),
            ..outer
        }
    };
    let hint_list = app.keymap.hints(Context::Help);
    let footer_height = hints::height(&hint_list, inner.width).min(inner.height);
    let text = Rect {
        height: inner.height - footer_height,
        ..inner
    };
    let footer = Rect {
        y: text.bottom(),
        height: footer_height,
        ..inner
    };
    Geometry {
        outer,
        text,
        footer,
        boxed,
    }
}

/// The furthest help can scroll at this terminal size.
pub fn max_scroll(app: &App, size: Size) -> u16 {
    let area = Rect::new(0, 0, size.width.max(MIN_WIDTH), size.height.max(MIN_HEIGHT));
    let g = geometry(app, area);
    let total = lines(app, g.text.width).len();
    u16::try_from(total.saturating_sub(usize::from(g.text.height))).unwrap_or(u16::MAX)
}

pub fn render(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let g = geometry(app, area);
    frame.render_widget(Clear, g.outer);
    if g.boxed {
        let block = Block::bordered()
            .border_style(theme.frame())
            .title(Span::styled(format!(" {} ", s::HELP_TITLE), theme.title()));
        frame.render_widget(block, g.outer);
    } else {
        let head = Line::styled(format!(" {}", s::HELP_TITLE), theme.title());
        frame.render_widget(
            Paragraph::new(head),
            Rect {
                height: 1,
                ..g.outer
            },
        );
    }
    let all = lines(app, g.text.width);
    let max = max_scroll(app, area.as_size());
    let top = usize::from(scroll.min(max));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(top)
        .take(usize::from(g.text.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), g.text);
    let hint_list = app.keymap.hints(Context::Help);
    frame.render_widget(Paragraph::new(hints::lines(&hint_list, g.footer.width, theme)), g.footer);
    if top < usize::from(max) {
        let more = Line::styled(format!("{} ", s::MORE_BELOW), theme.quiet()).right_aligned();
        let row = Rect {
            height: 1,
            ..g.footer
        };
        frame.render_widget(Paragraph::new(more), row);
    }
}

/// Help's text, wrapped to `width`.
fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, text: &str| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(format!(" {text}"), theme.title()));
    };
    // Prose wraps flush; a crisis line wraps with a hanging indent so each stands apart.
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style, hang: u16| {
        for line in wrap(text, width.saturating_sub(3), hang) {
            out.push(Line::styled(format!("   {line}"), style));
        }
    };
    // The help lines first: in the smallest window they show without scrolling.
    heading(&mut out, s::HELP_LINES_HEAD);
    let crisis = app.config.crisis_lines();
    for l in &crisis.lines {
        let line = format!("{}: {} ({})", l.region, l.contact, l.name);
        para(&mut out, &line, theme.text(), 2);
    }
    if !crisis.last_checked.is_empty() {
        let checked = s::lines_checked(&crisis.last_checked);
        para(&mut out, &checked, theme.quiet(), 0);
    }
    heading(&mut out, s::HELP_STOP_HEAD);
    for text in s::HELP_STOP {
        para(&mut out, &app.say(text), theme.text(), 0);
    }
    heading(&mut out, s::HELP_ABOUT_HEAD);
    for text in s::HELP_ABOUT {
        para(&mut out, text, theme.text(), 0);
    }
    heading(&mut out, s::HELP_KEYS_HEAD);
    let mut keys = app.hints(app.context_under_help());
    // F1 always opens help, also where '?' is typed into text.
    match keys.iter_mut().find(|(_, what)| *what == s::HINT_HELP) {
        Some((k, _)) if !k.contains("F1") => k.push_str("/F1"),
        Some(_) => {}
        None => keys.push(("F1".into(), s::HINT_HELP)),
    }
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, what) in keys {
        out.push(Line::from(vec![
            Span::styled(format!("   {k:<key_width$}  "), theme.key()),
            Span::styled(what, theme.text()),
        ]));
    }
    out
}
