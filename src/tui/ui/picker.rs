//! The word picker, drawn in place of the check-in form or the journal editor: the offered
//! words and the user's own, in columns when there is room, with a last row to add a word
//! of one's own.

use super::{roomy, title, with_footer};
use crate::copy::screens as s;
use crate::tui::app::App;
use crate::tui::checkin::{CheckinForm, Picker};
use crate::tui::ui::{hints, tail_fit};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of one column of words: "› [x] lump in throat".
const COLUMN: u16 = 25;

/// Where the words go: the list's rectangle and how many rows and columns it shows.
pub struct Grid {
    pub area: Rect,
    pub rows: usize,
    pub cols: usize,
}

/// Left and Right in a word picker of `count` rows move by a whole column, as drawn now.
pub fn column_step(app: &App, count: usize, by: i8) -> i8 {
    let area = Rect::from((ratatui::layout::Position::ORIGIN, app.size));
    let rows = grid(app, count, area).rows;
    let step = i64::from(by) * i64::try_from(rows).unwrap_or(1);
    i8::try_from(step.clamp(-127, 127)).unwrap_or(by)
}

/// The grid for `count` rows (words plus the own-word row) in a window of `area`. Update
/// uses it too, so Left and Right can move by a whole column.
pub fn grid(app: &App, count: usize, area: Rect) -> Grid {
    let roomy = roomy(area);
    let hint_list = app.hints(app.screen_context());
    let footer = hints::height(&hint_list, area.width).min(area.height / 3);
    let (head, indent) = if roomy { (4, 2) } else { (1, 0) };
    let list = Rect {
        x: area.x + indent,
        y: area.y + head,
        width: area.width.saturating_sub(indent),
        height: area.height.saturating_sub(head + footer),
    };
    let max_rows = usize::from(list.height.max(1));
    let cols = usize::from((list.width / COLUMN).max(1)).min(count.div_ceil(max_rows));
    // Balance the columns when everything fits on one page.
    let rows = count.div_ceil(cols.max(1)).clamp(1, max_rows);
    Grid {
        area: list,
        rows,
        cols: cols.max(1),
    }
}

pub fn render(app: &App, form: &CheckinForm, frame: &mut Frame, area: Rect) {
    let Some(picker) = &form.picker else { return };
    let heads = Heads {
        title: s::SENSATIONS,
        long: s::PICKER_TITLE,
        short: s::PICKER_TITLE_SHORT,
    };
    render_words(app, picker, &form.sensations, &heads, frame, area);
}

/// The words a picker is headed with: a title, and a line asking, long and short.
pub struct Heads<'a> {
    pub title: &'a str,
    pub long: &'a str,
    pub short: &'a str,
}

/// A picker over `chosen` words (the check-in's sensations, a journal entry's words).
pub fn render_words(
    app: &App,
    picker: &Picker,
    chosen: &[String],
    heads: &Heads,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = app.theme;
    let roomy = roomy(area);
    with_footer(app, frame, area);
    let head = if roomy {
        vec![
            title(theme, Some(heads.title)),
            Line::default(),
            Line::styled(format!("   {}", heads.long), theme.quiet()),
        ]
    } else {
        vec![Line::styled(format!(" {}", heads.short), theme.title())]
    };
    let g = grid(app, picker.words.len() + 1, area);
    let head_area = Rect {
        height: g.area.y - area.y,
        ..area
    };
    frame.render_widget(Paragraph::new(head), head_area);
    render_list(app, chosen, picker, frame, &g);
}

fn render_list(app: &App, chosen: &[String], picker: &Picker, frame: &mut Frame, g: &Grid) {
    let theme = app.theme;
    let (area, rows, cols) = (g.area, g.rows, g.cols);
    let count = picker.words.len() + 1;
    // Whole pages of rows x columns; the page holding the cursor shows.
    let page = rows * cols;
    let first = (picker.cursor / page) * page;
    for slot in 0..page.min(count - first) {
        let i = first + slot;
        let (col, row) = (slot / rows, slot % rows);
        let cell = Rect {
            x: area.x + (col as u16) * COLUMN,
            y: area.y + row as u16,
            width: COLUMN.min(area.width.saturating_sub((col as u16) * COLUMN)),
            height: 1,
        };
        let here = i == picker.cursor;
        let marker = Span::styled(if here { "› " } else { "  " }, theme.focus());
        let line = match picker.words.get(i) {
            Some(word) => {
                let chosen = chosen.contains(word);
                let style = if here { theme.focus() } else { theme.text() };
                Line::from(vec![
                    marker,
                    Span::styled(
                        if chosen { "[x]" } else { "[ ]" },
                        if chosen {
                            theme.chosen()
                        } else {
                            theme.quiet()
                        },
                    ),
                    Span::styled(format!(" {word}"), style),
                ])
            }
            None => match &picker.own {
                Some(typed) => {
                    let cell_x = cell.x + 2 + s::OWN_WORD_PROMPT.len() as u16;
                    // The end of the word in view, measured in screen columns.
                    let room = usize::from(area.right().saturating_sub(cell_x + 1));
                    let (end, used) = tail_fit(typed, room);
                    let x = cell_x + u16::try_from(used).unwrap_or(u16::MAX);
                    let overlay = app.help.is_some() || app.welcome;
                    if x < area.right() && !overlay {
                        frame.set_cursor_position(Position::new(x, cell.y));
                    }
                    Line::from(vec![
                        marker,
                        Span::styled(s::OWN_WORD_PROMPT, theme.focus()),
                        Span::styled(end, theme.text()),
                    ])
                }
                None => Line::from(vec![
                    marker,
                    Span::styled(s::OWN_WORD_ROW, if here { theme.focus() } else { theme.quiet() }),
                ]),
            },
        };
        // The own-word row may use the whole width: a typed word can be longer than a column.
        let cell = if i == picker.words.len() {
            Rect {
                width: area.right() - cell.x,
                ..cell
            }
        } else {
            cell
        };
        frame.render_widget(Paragraph::new(line), cell);
    }
}
