//! The journal's list (newest first: date, prompt, first line, body words), its filter and
//! search lines, one entry read in full, the delete question and the draft offer. The
//! editor is drawn by `journal_editor`.

use super::view_editor as journal_editor;
use crate::copy::journal as w;
use crate::domain::journal::first_line;
use crate::store::model::{Body, Journal, Record};
use crate::tui::app::App;
use crate::tui::journal::{InputKind, JournalState, Mode, Note};
use crate::tui::theme::Theme;
use crate::tui::ui::para;
use crate::tui::ui::{roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, j: &JournalState, frame: &mut Frame, area: Rect) {
    match &j.mode {
        Mode::Write | Mode::Categories(_) | Mode::Discard => {
            journal_editor::render(app, j, frame, area);
        }
        Mode::View { record, scroll } => view(app, j, record, *scroll, frame, area),
        Mode::ConfirmDelete {
            record,
            from_view: true,
        } => view(app, j, record, 0, frame, area),
        Mode::DraftOffer(draft, _) => {
            let body = with_footer(app, frame, area);
            let pad = pad(body);
            let width = body.width.saturating_sub(2 * pad.len() as u16);
            let theme = app.theme;
            let roomy = roomy(body);
            let mut lines = vec![title(theme, Some(w::TITLE))];
            let saved = draft.saved_at.format("%H:%M on %a %-d %b").to_string();
            let first = format!("“{}”", cut(first_line(&draft.text), if roomy { 200 } else { 30 }));
            for (text, style) in [
                (w::draft_offer(&saved), theme.text()),
                (first, theme.quiet()),
                (w::DRAFT_CHOICE.to_string(), theme.text()),
            ] {
                if roomy {
                    lines.push(Line::default());
                }
                lines.extend(para(&text, width, pad, style));
            }
            frame.render_widget(Paragraph::new(lines), body);
        }
        _ => list(app, j, frame, area),
    }
}

fn pad(body: Rect) -> &'static str {
    if roomy(body) { "   " } else { " " }
}

/// Where an entry's text goes: indented by `pad`, between `head` lines above and `tail`
/// lines below.
pub(super) fn between(body: Rect, pad: &str, width: u16, head: usize, tail: usize) -> Rect {
    let (pad, head, tail) = (pad.len() as u16, head as u16, tail as u16);
    Rect {
        x: body.x + pad,
        y: body.y + head,
        width,
        height: body.height.saturating_sub(head.saturating_add(tail)),
    }
}

pub(super) use crate::domain::journal::cut;

fn journal(r: &Record) -> Option<&Journal> {
    match &r.body {
        Body::Journal(j) => Some(j),
        _ => None,
    }
}

fn list(app: &App, j: &JournalState, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let body = with_footer(app, frame, area);
    let pad = pad(body);
    let width = body.width.saturating_sub(2 * pad.len() as u16);
    let mut head = vec![title(theme, Some(w::TITLE))];
    if let Some(f) = filter_line(j) {
        head.push(Line::styled(format!("{pad}{}", cut(&f, 200)), theme.quiet()));
    }
    let tail = bottom(app, j, width, pad);
    let rows = body.height.saturating_sub((head.len() + tail.len()) as u16);
    let list_area = Rect {
        y: body.y + head.len() as u16,
        height: rows,
        ..body
    };
    frame.render_widget(Paragraph::new(head), body);
    entries(app, j, frame, list_area, pad);
    let tail_area = Rect {
        y: list_area.bottom(),
        height: tail.len() as u16,
        ..body
    };
    if let Mode::Input(kind, typed) = &j.mode {
        let x = pad.len() + input_label(*kind).chars().count() + typed.chars().count();
        let x = body.x + (x as u16).min(body.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, tail_area.y));
    }
    frame.render_widget(Paragraph::new(tail), tail_area);
}

fn filter_line(j: &JournalState) -> Option<String> {
    let f = &j.list.filter;
    let mut parts = Vec::new();
    if let Some(q) = &f.query {
        parts.push(format!("“{q}”"));
    }
    if let Some(t) = &f.tag {
        parts.push(format!("#{t}"));
    }
    if let Some(s) = &f.sensation {
        parts.push(s.clone());
    }
    if f.since.is_some() || f.until.is_some() {
        parts.push(j.list.current(InputKind::Dates));
    }
    (!parts.is_empty()).then(|| w::showing(j.list.entries.len(), j.list.more, &parts.join(" · ")))
}

/// The lines under the list: a typed line, a question, or a note.
fn bottom(app: &App, j: &JournalState, width: u16, pad: &'static str) -> Vec<Line<'static>> {
    let theme = app.theme;
    match &j.mode {
        Mode::Input(kind, typed) => {
            let mut lines = note_lines(app, j, width, pad);
            lines.push(Line::from(vec![
                Span::raw(pad),
                Span::styled(input_label(*kind), theme.focus()),
                Span::styled(typed.clone(), theme.text()),
            ]));
            lines
        }
        Mode::ConfirmDelete { record, .. } => {
            let day = record.created_at.format("%a %-d %b %Y").to_string();
            para(&w::delete_q(&day), width, pad, theme.attention())
        }
        _ => note_lines(app, j, width, pad),
    }
}

pub(super) fn note_lines(
    app: &App,
    j: &JournalState,
    width: u16,
    pad: &'static str,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let (text, style) = match &j.note {
        // Sealed files are said as sealed, where the entries would be.
        None if app.sealed.is_some() && j.list.entries.is_empty() => return Vec::new(),
        None if app.sealed.is_some() => (app.sealed.unwrap_or_default().into(), theme.quiet()),
        None if j.list.problems > 0 => (w::unreadable(j.list.problems), theme.attention()),
        None => return Vec::new(),
        Some(Note::Saved) => (w::SAVED.to_string(), theme.notice()),
        Some(Note::SavedAsNew) => (w::SAVED_AS_NEW.to_string(), theme.notice()),
        Some(Note::SavedExpressive) => (app.say(w::SAVED_EXPRESSIVE), theme.notice()),
        Some(Note::Deleted) => (w::DELETED.to_string(), theme.notice()),
        Some(Note::Undone) => (w::UNDONE.to_string(), theme.notice()),
        Some(Note::Discarded) => (w::DISCARDED.to_string(), theme.notice()),
        Some(Note::SetAside(path)) => (w::set_aside(path), theme.notice()),
        Some(Note::TooBig(id)) => (w::too_big(id), theme.attention()),
        Some(Note::DatesHelp) => (w::DATES_HELP.to_string(), theme.attention()),
        Some(Note::Failed(why)) => (w::failed(why), theme.attention()),
    };
    para(&text, width, pad, style)
}

fn entries(app: &App, j: &JournalState, frame: &mut Frame, area: Rect, pad: &'static str) {
    let theme = app.theme;
    let list = &j.list;
    if list.entries.is_empty() {
        let text = match &j.mode {
            Mode::Opening(_) => w::OPENING,
            _ if app.sealed.is_some() => app.sealed.unwrap_or_default(),
            _ if list.filtered() => w::NOTHING_MATCHES,
            _ => w::EMPTY,
        };
        let text = app.say(text);
        let width = area.width.saturating_sub(2 * pad.len() as u16);
        let lines = para(&text, width, pad, theme.quiet());
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let two = area.width >= 60;
    let per = if two { 2 } else { 1 };
    let fits = usize::from(area.height / per).max(1);
    let first = (list.cursor / fits) * fits;
    let mut lines = Vec::new();
    let query = list.filter.query.as_deref().unwrap_or("");
    for (i, r) in list.entries.iter().enumerate().skip(first).take(fits) {
        let row = Row {
            here: i == list.cursor,
            two,
            width: usize::from(area.width),
            query,
        };
        lines.extend(entry_lines(r, &row, theme));
    }
    let more = first + fits < list.entries.len() || list.more;
    if more && let Some(last) = lines.last_mut() {
        *last = Line::styled(format!("{pad}{}", w::MORE), theme.quiet());
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// How one entry of the list is drawn.
struct Row<'a> {
    here: bool,
    /// Two lines an entry (date and prompt, then its first line), when there is room.
    two: bool,
    width: usize,
    /// The search, whose words are marked where they are.
    query: &'a str,
}

fn entry_lines(r: &Record, row: &Row, theme: Theme) -> Vec<Line<'static>> {
    let Some(jn) = journal(r) else {
        return Vec::new();
    };
    let marker = Span::styled(if row.here { " › " } else { "   " }, theme.focus());
    let style = if row.here {
        theme.focus()
    } else {
        theme.text()
    };
    let words = if jn.sensations.is_empty() {
        String::new()
    } else {
        format!("  ({})", jn.sensations.join(", "))
    };
    // The first line gets what the row leaves; a cut line ends with "…".
    let indent = if row.two { 5 } else { 11 };
    let room = row
        .width
        .saturating_sub(indent + words.chars().count())
        .max(8);
    let first = cut(first_line(&jn.text), room.saturating_sub(1));
    let text_style = if row.two { theme.text() } else { style };
    let mut snippet = marked(&first, row.query, text_style, theme.chosen());
    snippet.push(Span::styled(words, theme.quiet()));
    if !row.two {
        let date = r.created_at.format("%-d %b").to_string();
        let star = if jn.starred { "★" } else { " " };
        let mut spans = vec![
            marker,
            Span::styled(format!("{date:<7}"), theme.quiet()),
            Span::styled(star, theme.notice()),
        ];
        spans.extend(snippet);
        return vec![Line::from(spans)];
    }
    let mut date = r.created_at.format("%a %-d %b %Y %H:%M").to_string();
    if jn.starred {
        date.push_str(" ★");
    }
    let prompt = jn.prompt.as_deref().map(|p| cut(p, 50)).unwrap_or_default();
    vec![
        Line::from(vec![
            marker,
            Span::styled(date, style),
            Span::styled(format!("  {prompt}"), theme.quiet()),
        ]),
        Line::from([vec![Span::raw("     ")], snippet].concat()),
    ]
}

/// `text` in `style`, with the words of `query` in `mark` where search found them.
fn marked(text: &str, query: &str, style: Style, mark: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for hit in crate::domain::journal::match_ranges(text, query) {
        spans.push(Span::styled(text[at..hit.start].to_string(), style));
        spans.push(Span::styled(text[hit.clone()].to_string(), mark));
        at = hit.end;
    }
    spans.push(Span::styled(text[at..].to_string(), style));
    spans
}

fn view(app: &App, j: &JournalState, r: &Record, scroll: u16, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let body = with_footer(app, frame, area);
    let pad = pad(body);
    let width = body.width.saturating_sub(2 * pad.len() as u16);
    let mut when = r.created_at.format("%a %-d %b %Y, %H:%M").to_string();
    if journal(r).is_some_and(|j| j.starred) {
        when.push_str(" ★");
    }
    let mut head = vec![title(theme, Some(&when))];
    let Some(jn) = journal(r) else { return };
    if let Some(p) = &jn.prompt {
        head.extend(para(p, width, pad, theme.quiet()));
    }
    for (label, words) in [
        (w::BODY, &jn.sensations),
        (w::FEELINGS, &jn.feelings),
        (w::TAGS, &jn.tags),
    ] {
        if !words.is_empty() {
            head.push(Line::from(vec![
                Span::raw(pad),
                Span::styled(format!("{label:<10}"), theme.quiet()),
                Span::styled(words.join(", "), theme.text()),
            ]));
        }
    }
    if jn.session_id.is_some() {
        head.extend(para(w::AFTER_PRACTICE, width, pad, theme.quiet()));
    }
    head.push(Line::default());
    let tail = match &j.mode {
        Mode::ConfirmDelete { .. } => {
            let day = r.created_at.format("%a %-d %b %Y").to_string();
            para(&w::delete_q(&day), width, pad, theme.attention())
        }
        _ => note_lines(app, j, width, pad),
    };
    let text_area = between(body, pad, width, head.len(), tail.len());
    frame.render_widget(Paragraph::new(head), body);
    // Scroll by the text's own lines, so a very long entry is never wrapped whole.
    let total = jn.text.lines().count();
    let skip = usize::from(scroll).min(total.saturating_sub(1));
    let shown: Vec<Line> = jn
        .text
        .lines()
        .skip(skip)
        .take(usize::from(text_area.height))
        .map(|l| Line::styled(l.to_string(), theme.text()))
        .collect();
    let text = Paragraph::new(shown).wrap(Wrap { trim: false });
    frame.render_widget(text, text_area);
    let tail_area = Rect {
        y: text_area.bottom(),
        height: tail.len() as u16,
        ..body
    };
    frame.render_widget(Paragraph::new(tail), tail_area);
}

/// The label of a line typed under the list.
fn input_label(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Search => w::SEARCH_LABEL,
        InputKind::Tag => w::TAG_LABEL,
        InputKind::Word => w::WORD_LABEL,
        InputKind::Dates => w::DATES_LABEL,
    }
}
