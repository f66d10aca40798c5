//! The journal editor: the prompt above, the text (wrapped, with its own cursor), then the
//! body words, feelings and tags; the word picker over it; the prompt categories; and the
//! question asked before letting changes go.

use super::view::{between, cut, note_lines};
use crate::copy::journal as w;
use crate::tui::app::App;
use crate::tui::journal::editor::EditorNote;
use crate::tui::journal::{Editor, Field, JournalState, Mode};
use crate::tui::theme::Theme;
use crate::tui::ui::para;
use crate::tui::ui::picker::{Heads, render_words};
use crate::tui::ui::{ask, roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL: usize = 10;

pub fn render(app: &App, j: &JournalState, frame: &mut Frame, area: Rect) {
    let Some(e) = &j.editor else { return };
    if let Mode::Categories(at) = j.mode {
        categories(app, j, at, frame, area);
        return;
    }
    if let Some((picker, body)) = &e.picker {
        let (chosen, heads) = if *body {
            (&e.sensations, (w::BODY, w::BODY_PICKER))
        } else {
            (&e.feelings, (w::FEELINGS, w::FEELINGS_PICKER))
        };
        let heads = Heads {
            title: heads.0,
            long: heads.1,
            short: w::PICKER_SHORT,
        };
        render_words(app, picker, chosen, &heads, frame, area);
        return;
    }
    editor(app, j, e, frame, area);
    if j.mode == Mode::Discard {
        ask::render(app.theme, w::DISCARD_Q, w::DISCARD_MORE, frame, area);
    }
}

fn editor(app: &App, j: &JournalState, e: &Editor, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let body = with_footer(app, frame, area);
    let roomy = roomy(body) || body.height >= 16;
    let pad = if roomy { "   " } else { " " };
    let width = body.width.saturating_sub(2 * pad.len() as u16);
    let what = if e.editing.is_some() {
        w::EDIT_TITLE
    } else {
        w::NEW_TITLE
    };
    let mut tail = field_lines(e, theme, roomy);
    tail.extend(editor_note(app, j, e, width, pad));
    // The whole prompt, however small the window, as long as three rows stay to write in.
    let room = usize::from(body.height).saturating_sub(1 + tail.len() + 3);
    let mut head = vec![title(theme, Some(what))];
    head.extend(prompt_lines(j, e, theme, width, roomy, room.max(1)));
    let text_area = between(body, pad, width, head.len(), tail.len());
    frame.render_widget(Paragraph::new(head), body);
    match e.text.window(usize::from(text_area.height)) {
        Some(window) => frame.render_widget(&window.0, text_area),
        None => frame.render_widget(&e.text.0, text_area),
    }
    let tail_area = Rect {
        y: text_area.bottom(),
        height: tail.len() as u16,
        ..body
    };
    frame.render_widget(Paragraph::new(tail), tail_area);
    if e.field == Field::Tags {
        let x = pad.len() + LABEL + 2 + e.tags.chars().count();
        let x = body.x + (x as u16).min(body.width.saturating_sub(1));
        let y = tail_area.y + if roomy { 2 } else { 0 };
        frame.set_cursor_position(Position::new(x, y));
    }
}

fn marker(on: bool, theme: Theme) -> Span<'static> {
    Span::styled(if on { " › " } else { "   " }, theme.focus())
}

/// The prompt (or "writing freely"), at most a few lines, and the expressive note.
fn prompt_lines(
    j: &JournalState,
    e: &Editor,
    theme: Theme,
    width: u16,
    roomy: bool,
    most: usize,
) -> Vec<Line<'static>> {
    let focused = e.field == Field::Prompt;
    let style = if focused {
        theme.focus()
    } else {
        theme.quiet()
    };
    let text = e.prompt.text().unwrap_or_else(|| w::NO_PROMPT.to_string());
    // The marker's three columns stand where the left margin would: one column in a small
    // window, so the words get two fewer, or their last letters would fall off the edge.
    let room = if roomy {
        width
    } else {
        width.saturating_sub(2)
    };
    let mut lines: Vec<Line> = para(&text, room, "", style)
        .into_iter()
        .take(most)
        .enumerate()
        .map(|(i, l)| {
            let mut spans = vec![marker(focused && i == 0, theme)];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    if e.prompt.expressive(&j.prompts) && roomy {
        lines.extend(para(w::EXPRESSIVE_NOTE, width, "   ", theme.notice()));
    }
    if roomy {
        lines.push(Line::default());
    }
    lines
}

fn words_or_none(words: &[String]) -> String {
    if words.is_empty() {
        w::NONE_CHOSEN.to_string()
    } else {
        words.join(", ")
    }
}

/// Body, feelings and tags: a line each when there is room, else the focused one (or all
/// of them, short, while the text has focus).
fn field_lines(e: &Editor, theme: Theme, roomy: bool) -> Vec<Line<'static>> {
    let tags = if e.tags.is_empty() && e.field != Field::Tags {
        w::TAGS_EMPTY.to_string()
    } else {
        e.tags.clone()
    };
    let rows = [
        (Field::Body, w::BODY, words_or_none(&e.sensations)),
        (Field::Feelings, w::FEELINGS, words_or_none(&e.feelings)),
        (Field::Tags, w::TAGS, tags),
    ];
    let line = |(field, label, value): &(Field, &str, String)| {
        let on = e.field == *field;
        Line::from(vec![
            marker(on, theme),
            Span::styled(format!("{label:<LABEL$}"), theme.quiet()),
            Span::styled(value.clone(), if on { theme.focus() } else { theme.text() }),
        ])
    };
    if roomy {
        return rows.iter().map(line).collect();
    }
    match rows.iter().find(|r| r.0 == e.field) {
        Some(row) => vec![line(row)],
        None => {
            let mut all: Vec<String> = e.sensations.clone();
            all.extend(e.feelings.iter().cloned());
            all.extend(e.tag_list().iter().map(|t| format!("#{t}")));
            let summary = if all.is_empty() {
                w::NONE_CHOSEN.to_string()
            } else {
                cut(&all.join(" · "), 200)
            };
            vec![Line::from(vec![
                marker(false, theme),
                Span::styled(format!("{:<LABEL$}", w::WORDS), theme.quiet()),
                Span::styled(summary, theme.text()),
            ])]
        }
    }
}

fn editor_note(
    app: &App,
    j: &JournalState,
    e: &Editor,
    width: u16,
    pad: &'static str,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let (text, style): (String, Style) = match &e.note {
        None => return note_lines(app, j, width, pad),
        Some(EditorNote::Empty) => (w::EMPTY_NOT_SAVED.into(), theme.notice()),
        Some(EditorNote::SaveFailed(why)) => (app.say(&w::save_failed(why)), theme.attention()),
        Some(EditorNote::DraftFailed(why)) => (app.say(&w::draft_failed(why)), theme.attention()),
        Some(EditorNote::Outside(said)) => {
            (crate::copy::safe::line(said).into_owned(), theme.notice())
        }
    };
    para(&text, width, pad, style)
}

fn categories(app: &App, j: &JournalState, at: usize, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let body = with_footer(app, frame, area);
    let mut lines = vec![title(theme, Some(w::CATEGORIES_TITLE))];
    if roomy(body) {
        lines.push(Line::default());
    }
    let room = usize::from(body.height).saturating_sub(lines.len()).max(1);
    let first = (at / room) * room;
    for (i, c) in j
        .prompts
        .categories
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
    {
        let here = i == at;
        let mut spans = vec![
            marker(here, theme),
            Span::styled(c.title.clone(), if here { theme.focus() } else { theme.text() }),
        ];
        if c.opt_in {
            spans.push(Span::styled(format!("  ({})", w::OPT_IN), theme.quiet()));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
