//! The check-in screen: each scale with its value, the focused one with its 0-10 row and
//! anchors, the chosen sensations, the note, and a gentle message when there is one;
//! the question before leaving a filled-in form.

use super::{CheckinForm, FormMessage, Item};
use crate::copy::screens as s;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::ui::{ask, scale, wrap};
use crate::tui::ui::{picker, roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Column widths: the focus marker, the label, the value.
struct Columns {
    marker: u16,
    label: u16,
    value: u16,
}

impl Columns {
    fn new(roomy: bool) -> Columns {
        if roomy {
            Columns {
                marker: 3,
                label: 20,
                value: 6,
            }
        } else {
            Columns {
                marker: 2,
                label: 11,
                value: 4,
            }
        }
    }

    fn value_x(&self) -> u16 {
        self.marker + self.label
    }
}

pub fn render(app: &App, form: &CheckinForm, frame: &mut Frame, area: Rect) {
    if form.picker.is_some() {
        picker::render(app, form, frame, area);
        return;
    }
    let theme = app.theme;
    let roomy = roomy(area);
    let body = with_footer(app, frame, area);
    let cols = Columns::new(roomy);
    let mut head = Vec::new();
    let message = form.message.as_ref().map(|m| message_text(m, roomy, theme));
    if roomy {
        head.push(title(theme, Some(form_title(form))));
        head.push(Line::default());
        head.push(Line::styled(format!("   {}", s::CHECKIN_INTRO), theme.quiet()));
        head.push(Line::default());
    } else {
        match &message {
            Some((text, style)) => {
                for line in wrap(text, body.width.saturating_sub(1), 0)
                    .into_iter()
                    .take(3)
                {
                    head.push(Line::styled(format!(" {line}"), *style));
                }
            }
            None => head.push(title(theme, Some(form_title(form)))),
        }
    }
    let (items, focus_line) = item_lines(form, &cols, body.width, roomy, theme);
    let mut tail = Vec::new();
    if let (true, Some((text, style))) = (roomy, &message) {
        tail.push(Line::default());
        for line in wrap(text, body.width.saturating_sub(6), 0) {
            tail.push(Line::styled(format!("   {line}"), *style));
        }
    }
    // Keep the focused item and its anchors in view when the window is short.
    let room = usize::from(body.height).saturating_sub(head.len() + tail.len());
    let skip = (focus_line + 2).saturating_sub(room);
    let top = head.len();
    let shown = items.len().saturating_sub(skip).min(room);
    let mut lines = head;
    lines.extend(items.into_iter().skip(skip).take(room));
    lines.extend(tail);
    frame.render_widget(Paragraph::new(lines), body);

    if form.asking {
        ask::render(theme, s::CHECKIN_LEAVE_Q, s::CHECKIN_LEAVE_MORE, frame, body);
    }
    // No cursor through help, the first-run notice or a question drawn over the form.
    let overlay = app.help.is_some() || app.welcome || form.asking;
    if let Some(x) = cursor_x(form, &cols, body.width).filter(|_| !overlay)
        && focus_line >= skip
        && focus_line - skip < shown
    {
        let y = body.y + u16::try_from(top + focus_line - skip).unwrap_or(u16::MAX);
        frame.set_cursor_position(Position::new(body.x + x, y));
    }
}

/// "Check in", or "Change a check-in" when correcting one.
fn form_title(form: &CheckinForm) -> &'static str {
    if form.editing.is_some() {
        crate::copy::record::EDIT_CHECKIN_TITLE
    } else {
        s::CHECKIN_TITLE
    }
}

fn message_text(message: &FormMessage, roomy: bool, theme: Theme) -> (String, Style) {
    match message {
        FormMessage::NeedDistress if roomy => (s::NEED_DISTRESS.to_string(), theme.notice()),
        FormMessage::NeedDistress => (s::NEED_DISTRESS_SHORT.to_string(), theme.notice()),
        FormMessage::SaveFailed(why) => (s::save_failed(why), theme.attention()),
    }
}

/// One line per item (two for the focused scale); returns them and the focused line.
fn item_lines(
    form: &CheckinForm,
    cols: &Columns,
    width: u16,
    roomy: bool,
    theme: Theme,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let mut focus_line = 0;
    let value_room = usize::from(width.saturating_sub(cols.value_x() + 1));
    for (i, item) in form.items.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        let marker = if focused { "›" } else { "" };
        let label = match item {
            Item::Scale(scale) => s::scale_label(*scale, !roomy),
            Item::Sensations => s::SENSATIONS,
            Item::Note => s::NOTE,
        };
        let label_style = if focused { theme.focus() } else { theme.text() };
        let mut spans = vec![
            Span::styled(format!("{marker:>w$} ", w = usize::from(cols.marker) - 1), label_style),
            Span::styled(format!("{label:<w$}", w = usize::from(cols.label)), label_style),
        ];
        match item {
            Item::Scale(scale) => {
                let value = form.value(*scale);
                let shown = value.map_or(s::NOT_SET.to_string(), |v| v.to_string());
                spans.push(Span::styled(
                    format!("{shown:>2}{:w$}", "", w = usize::from(cols.value) - 2),
                    if value.is_some() {
                        theme.text()
                    } else {
                        theme.quiet()
                    },
                ));
                if focused {
                    spans.extend(scale::row(value, theme));
                }
                lines.push(Line::from(spans));
                if focused {
                    let indent = if roomy {
                        cols.value_x() + cols.value
                    } else {
                        4
                    };
                    let anchors =
                        format!("{:w$}{}", "", s::anchors(*scale), w = usize::from(indent));
                    lines.push(Line::styled(anchors, theme.quiet()));
                }
            }
            Item::Sensations => {
                spans.push(words_span(form, focused, value_room, theme));
                lines.push(Line::from(spans));
            }
            Item::Note => {
                let span = if form.note.is_empty() {
                    Span::styled(s::NOTE_EMPTY, theme.quiet())
                } else {
                    let (shown, _) = form.note.view(value_room);
                    Span::styled(shown, theme.text())
                };
                spans.push(span);
                lines.push(Line::from(spans));
            }
        }
    }
    if !form.asks_sleep() && form.editing.is_none() {
        let said = if roomy {
            lines.push(Line::default());
            s::SLEEP_FIRST_ONLY
        } else {
            s::SLEEP_FIRST_ONLY_SHORT
        };
        let pad = " ".repeat(usize::from(cols.marker));
        for line in wrap(said, width.saturating_sub(cols.marker + 1), 0) {
            lines.push(Line::styled(format!("{pad}{line}"), theme.quiet()));
        }
    }
    (lines, focus_line)
}

fn words_span(form: &CheckinForm, focused: bool, room: usize, theme: Theme) -> Span<'static> {
    if form.sensations.is_empty() {
        let hint = if focused {
            s::SPACE_TO_CHOOSE
        } else {
            s::NONE_CHOSEN
        };
        return Span::styled(hint, theme.quiet());
    }
    let all = form.sensations.join(", ");
    if all.chars().count() <= room {
        return Span::styled(all, theme.text());
    }
    let cut: String = all.chars().take(room.saturating_sub(1)).collect();
    Span::styled(format!("{cut}…"), theme.text())
}

/// Where the terminal cursor goes while typing the note.
fn cursor_x(form: &CheckinForm, cols: &Columns, width: u16) -> Option<u16> {
    if form.focused() != Item::Note {
        return None;
    }
    let room = usize::from(width.saturating_sub(cols.value_x() + 1));
    // Screen columns, not characters: CJK and emoji take two each.
    let (_, typed) = form.note.view(room);
    let x = usize::from(cols.value_x()) + typed;
    u16::try_from(x).ok().filter(|x| *x < width)
}
