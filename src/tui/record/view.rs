//! The record screen drawn: the day's check-ins and practices with their values, notes
//! and sensations, the selected one marked; the ratings form; the question before a delete.

use super::practice::{Field, PracticeForm};
use super::{Mode, Note, RecordState};
use crate::copy::record as w;
use crate::copy::safe;
use crate::copy::screens as s;
use crate::store::model::{Body, Record};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::ui::{Page, ask, roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(app: &App, state: &RecordState, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let body = with_footer(app, frame, area);
    let page = Page::new(theme, roomy(area), body);
    let day = state
        .date()
        .map(|d| format!("{} · {}", w::TITLE, d.format("%a %-d %b %Y")));
    let mut lines = vec![title(theme, Some(day.as_deref().unwrap_or(w::TITLE)))];
    page.gap(&mut lines);
    if let Mode::Practice(form) = &state.mode {
        let cursor = practice_form(app, &page, form, &mut lines);
        note_lines(&page, state, &mut lines);
        frame.render_widget(Paragraph::new(lines), body);
        if let Some((line, x)) = cursor.filter(|_| app.help.is_none() && !form.asking) {
            let y = body.y + u16::try_from(line).unwrap_or(u16::MAX);
            frame.set_cursor_position(Position::new(body.x + x, y));
        }
        if form.asking {
            ask::render(theme, w::LEAVE_EDIT, w::LEAVE_EDIT_MORE, frame, body);
        }
        return;
    }
    if state.mode == Mode::Loading {
        lines.extend(page.para(w::LOADING, theme.quiet()));
    } else if let Some(sealed) = app.sealed {
        lines.extend(page.para(sealed, theme.quiet()));
    } else if state.day.is_none() {
        lines.extend(page.para(w::EMPTY, theme.quiet()));
    }
    let mut selected_line = 0;
    for (i, record) in state.shown().into_iter().enumerate() {
        if i == state.cursor {
            selected_line = lines.len();
        }
        lines.extend(record_lines(app, &page, record, i == state.cursor));
    }
    let mut tail = Vec::new();
    note_lines(&page, state, &mut tail);
    // Keep the selected record in view when the day holds more than fits.
    let room = usize::from(body.height).saturating_sub(tail.len());
    let skip = (selected_line + 3).saturating_sub(room);
    let mut shown: Vec<Line> = lines.into_iter().skip(skip).take(room).collect();
    shown.extend(tail);
    frame.render_widget(Paragraph::new(shown), body);
    if state.mode == Mode::AskDelete
        && let Some(r) = state.selected()
    {
        ask::render(theme, &w::ask_delete(r), w::DELETE_MORE, frame, body);
    }
}

/// A record in two or three lines: the time and what it was, its values, its words.
fn record_lines(app: &App, page: &Page, r: &Record, selected: bool) -> Vec<Line<'static>> {
    let theme = app.theme;
    let (what, values, words) = match &r.body {
        Body::Checkin(c) => {
            let mut words: Vec<String> = Vec::new();
            if !c.sensations.is_empty() {
                words.push(c.sensations.join(", "));
            }
            words.extend(c.note.clone());
            (w::CHECKIN.to_string(), w::checkin_values(c), words)
        }
        Body::Session(sess) => (
            practice_name(app, &sess.practice_id),
            w::practice_values(sess),
            sess.note.clone().into_iter().collect(),
        ),
        Body::Journal(_) | Body::Heart(_) => return Vec::new(),
    };
    let (marker, style) = if selected {
        ("› ", theme.focus())
    } else {
        ("  ", theme.text())
    };
    let when = r.created_at.format("%H:%M").to_string();
    let mut out = vec![Line::from(vec![
        Span::raw(page.pad),
        Span::styled(marker, theme.focus()),
        Span::styled(format!("{when}  "), theme.quiet()),
        Span::styled(safe::line(&what).into_owned(), style),
    ])];
    let indent = "         ";
    let room = page.width.saturating_sub(9);
    for text in std::iter::once(values).chain(words) {
        for line in crate::tui::ui::wrap(&safe::line(&text), room, 0) {
            out.push(Line::from(vec![
                Span::raw(page.pad),
                Span::raw(indent),
                Span::styled(line, theme.quiet()),
            ]));
        }
    }
    out
}

/// A practice by its name (a pattern's or a routine's), its id when neither is known.
fn practice_name(app: &App, id: &str) -> String {
    crate::service::trends::practice_names(&app.patterns, &app.routines)
        .remove(id)
        .unwrap_or_else(|| id.to_string())
}

/// The ratings form; where the note's cursor goes (line, column), when the note has focus.
fn practice_form(
    app: &App,
    page: &Page,
    form: &PracticeForm,
    lines: &mut Vec<Line<'static>>,
) -> Option<(usize, u16)> {
    let theme = app.theme;
    lines.extend(
        record_lines(app, page, &form.record, false)
            .into_iter()
            .take(1),
    );
    lines.extend(page.para(w::EDIT_PRACTICE_HEAD, theme.quiet()));
    page.gap(lines);
    let label_width = 17;
    let rating = |v: Option<u8>| v.map_or(w::NOT_RATED.to_string(), |v| v.to_string());
    let rows = [
        (Field::Before, w::BEFORE, rating(form.before)),
        (Field::After, w::AFTER, rating(form.after)),
    ];
    for (field, label, value) in rows {
        // The focused rating's own row below carries the marker and the value.
        let focus = form.field() == field;
        let value = if focus { String::new() } else { value };
        lines.push(form_row(theme, page, false, label, value));
        if focus {
            lines.extend(page.rating(
                if field == Field::Before {
                    form.before
                } else {
                    form.after
                },
                &s::anchors(crate::domain::checkin::Scale::Distress),
            ));
        }
    }
    let room = usize::from(page.width).saturating_sub(label_width + 3);
    let (shown, at) = form.note.view(room);
    let note_focus = form.field() == Field::Note;
    let value = if shown.is_empty() && !note_focus {
        w::NOTE_EMPTY.to_string()
    } else {
        safe::line(&shown).into_owned()
    };
    let line = lines.len();
    lines.push(form_row(theme, page, note_focus, w::NOTE, value));
    let x = page.pad.len() + 2 + label_width + at;
    note_focus.then(|| (line, u16::try_from(x).unwrap_or(u16::MAX)))
}

fn form_row(theme: Theme, page: &Page, focus: bool, label: &str, value: String) -> Line<'static> {
    let marker = if focus { "› " } else { "  " };
    let style = if focus { theme.focus() } else { theme.text() };
    Line::from(vec![
        Span::raw(page.pad),
        Span::styled(marker, theme.focus()),
        Span::styled(format!("{label:<17}"), theme.quiet()),
        Span::styled(value, style),
    ])
}

fn note_lines(page: &Page, state: &RecordState, lines: &mut Vec<Line<'static>>) {
    let theme = page.theme;
    let unreadable = state.day.as_ref().map_or(0, |d| d.unreadable);
    let said = match &state.note {
        Some(Note::Deleted) => Some((w::DELETED.to_string(), theme.notice())),
        Some(Note::Undone) => Some((w::UNDONE.to_string(), theme.notice())),
        Some(Note::Changed) => Some((w::CHANGED.to_string(), theme.notice())),
        Some(Note::NothingChanged) => Some((w::NOTHING_CHANGED.to_string(), theme.quiet())),
        Some(Note::NoEarlier) => Some((w::NO_EARLIER.to_string(), theme.quiet())),
        Some(Note::NoLater) => Some((w::NO_LATER.to_string(), theme.quiet())),
        Some(Note::Failed(why)) => Some((s::save_failed(why), theme.attention())),
        None if unreadable > 0 => Some((w::unreadable(unreadable), theme.quiet())),
        None => None,
    };
    if let Some((text, style)) = said {
        page.gap(lines);
        lines.extend(page.para(&text, style));
    }
}
