//! One step of a grounding routine: "Step n of N", the step's words, and what the step
//! asks for: a line to type with the lines so far, the out-breath count drawn large, a
//! gentle line filling over the seconds, words to choose from, or a 0-10 rating.

use crate::domain::grounding::Step;
use crate::tui::app::App;
use crate::tui::ground::Steps;
use crate::tui::strings::ground as g;
use crate::tui::ui::Page;
use crate::tui::ui::roomy;
use crate::tui::ui::{digits, hints, tail_fit};
use ratatui::Frame;
use ratatui::layout::{Position, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of one column of words.
const COLUMN: u16 = 22;
/// The timed line never grows wider than this, however wide the window.
const BAR_MAX: u16 = 60;

/// Cells in a timed step's progress line at this window size (the App's deadline uses
/// it too, so time is asked for only when the line would visibly grow).
pub fn bar_cells(size: Size) -> u16 {
    let pad = if roomy(Rect::from((Position::ORIGIN, size))) {
        3
    } else {
        1
    };
    size.width.saturating_sub(2 * pad).min(BAR_MAX)
}

pub fn render(
    app: &App,
    steps: &Steps,
    mut lines: Vec<Line<'static>>,
    page: &Page,
    frame: &mut Frame,
    body: Rect,
) {
    lines.extend(head(steps, page));
    let room = usize::from(body.height).saturating_sub(lines.len());
    let theme = page.theme;
    let mut cursor = None;
    match steps.step() {
        Some(Step::Typed { items, .. }) => {
            let (typed, x) = typed_lines(steps, *items, page, room);
            cursor = Some((x, lines.len() + typed.len() - 1));
            lines.extend(typed);
        }
        Some(Step::Count { .. }) => lines.extend(count(steps, page, room)),
        Some(Step::Timed { .. }) => lines.extend(timed(app, steps, page)),
        Some(Step::Choose { .. }) => match &steps.own {
            Some(word) => {
                let (shown, x) = input_line(g::OWN_WORD_PROMPT, word, page);
                cursor = Some((x, lines.len()));
                lines.push(shown);
            }
            None => lines.extend(words(steps, page, room)),
        },
        Some(Step::Rate { .. }) => {
            lines.extend(page.rating(steps.rating.value, g::RATE_ANCHORS));
            lines.extend(page.para(g::RATE_HOW, theme.quiet()));
        }
        Some(Step::Read { .. }) | None => lines.extend(page.para(g::READ_ON, theme.quiet())),
    }
    frame.render_widget(Paragraph::new(lines), body);
    let overlay = app.help.is_some() || app.welcome;
    if let Some((x, y)) = cursor.filter(|_| !overlay)
        && let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
        && x < body.width
        && y < body.height
    {
        frame.set_cursor_position(Position::new(body.x + x, body.y + y));
    }
}

/// "Step 2 of 7" and the step's words.
fn head(steps: &Steps, page: &Page) -> Vec<Line<'static>> {
    let total = steps.run.routine().steps.len();
    let n = (steps.run.index() + 1).min(total);
    let mut lines = page.para(&g::step_of(n, total), page.theme.quiet());
    let text = steps.step().map_or("", Step::text);
    lines.extend(page.para(text, page.theme.text()));
    page.gap(&mut lines);
    lines
}

/// "› typed" with the end of the text in view; returns the line and the cursor column.
fn input_line(prompt: &str, text: &str, page: &Page) -> (Line<'static>, usize) {
    let theme = page.theme;
    let start = page.pad.len() + 2 + prompt.chars().count();
    let room = usize::from(page.width).saturating_sub(2 + prompt.chars().count() + 1);
    let (shown, used) = tail_fit(text, room);
    let line = Line::from(vec![
        Span::raw(page.pad),
        Span::styled("› ", theme.focus()),
        Span::styled(prompt.to_string(), theme.focus()),
        Span::styled(shown, theme.text()),
    ]);
    (line, start + used)
}

/// The lines so far (the latest that fit), the count, and the input; the cursor column.
fn typed_lines(steps: &Steps, items: u32, page: &Page, room: usize) -> (Vec<Line<'static>>, usize) {
    let theme = page.theme;
    let done = steps.run.state().map_or(&[][..], |s| &s.lines[..]);
    let complete = done.len() >= items as usize;
    let how = match (complete, page.roomy) {
        (true, _) => g::TYPED_DONE,
        (false, true) => g::TYPED_HOW,
        (false, false) => g::TYPED_HOW_SHORT,
    };
    let counter = format!("{}  ", g::items_of(done.len(), items));
    let status = Line::from(vec![
        Span::raw(page.pad),
        Span::styled(counter, theme.focus()),
        Span::styled(how, theme.quiet()),
    ]);
    let (input, x) = input_line("", &steps.input, page);
    let shown = room.saturating_sub(2).min(done.len());
    let mut lines: Vec<Line<'static>> = done[done.len() - shown..]
        .iter()
        .map(|l| {
            let (end, _) = tail_fit(l, usize::from(page.width).saturating_sub(2));
            Line::from(vec![
                Span::raw(page.pad),
                Span::styled("· ", theme.quiet()),
                Span::styled(end, theme.text()),
            ])
        })
        .collect();
    lines.push(status);
    lines.push(input);
    (lines, x)
}

/// The count drawn large, centred; tall blocks when there is room, half blocks if not.
fn count(steps: &Steps, page: &Page, room: usize) -> Vec<Line<'static>> {
    let theme = page.theme;
    let n = steps.run.count_shown();
    if n == 0 {
        return page.para(g::COUNT_ZERO, theme.text());
    }
    let big = if room >= 7 && page.roomy {
        digits::tall(n)
    } else {
        digits::short(n)
    };
    let wide = big.first().map_or(0, |r| r.chars().count());
    let left = (usize::from(page.width) + 2 * page.pad.len()).saturating_sub(wide) / 2;
    let mut lines: Vec<Line<'static>> = big
        .into_iter()
        .map(|row| Line::styled(format!("{:left$}{row}", ""), theme.focus()))
        .collect();
    lines.extend(page.para(g::COUNT_HOW, theme.quiet()));
    lines
}

/// A calm line filling cell by cell over the step's seconds; it never moves on by itself.
fn timed(app: &App, steps: &Steps, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let progress = steps.run.timed_progress(app.mono).unwrap_or(0.0);
    let cells = usize::from(bar_cells(app.size));
    let filled = ((progress * cells as f64).floor() as usize).min(cells);
    let mut lines = vec![Line::from(vec![
        Span::raw(page.pad),
        Span::styled("━".repeat(filled), theme.pacer(false)),
        Span::styled("─".repeat(cells - filled), theme.quiet()),
    ])];
    let how = if progress >= 1.0 {
        g::TIMED_DONE
    } else {
        g::TIMED_HOW
    };
    lines.extend(page.para(how, theme.quiet()));
    lines
}

/// Rows and columns for a choosing step's words in `room` lines.
fn grid(count: usize, page: &Page, room: usize) -> (usize, usize) {
    let cols = usize::from((page.width / COLUMN).max(1));
    let rows = count.div_ceil(cols).clamp(1, room.max(1));
    (rows, cols)
}

/// Rows in a column of words as drawn now (Left and Right move by this much).
pub fn word_rows(app: &App) -> usize {
    let crate::tui::app::Screen::Ground(ground) = &app.screen else {
        return 1;
    };
    let crate::tui::ground::Stage::Steps(steps) = &ground.stage else {
        return 1;
    };
    let area = Rect::from((Position::ORIGIN, app.size));
    let hint_list = app.hints(app.screen_context());
    let footer = hints::height(&hint_list, area.width).min(area.height / 3);
    let body = Rect {
        height: area.height.saturating_sub(footer),
        ..area
    };
    let page = Page::new(app.theme, roomy(area), body);
    let used = 1 + usize::from(page.roomy) + head(steps, &page).len();
    let room = usize::from(body.height).saturating_sub(used);
    grid(steps.words.len() + 1, &page, room).0
}

/// The words in columns, the page holding the cursor, the own-word row last.
fn words(steps: &Steps, page: &Page, room: usize) -> Vec<Line<'static>> {
    let theme = page.theme;
    let count = steps.words.len() + 1;
    let (rows, cols) = grid(count, page, room);
    let per_page = rows * cols;
    let first = (steps.word_cursor / per_page) * per_page;
    let chosen = steps.run.state().and_then(|s| s.word.clone());
    let mut lines = Vec::new();
    for row in 0..rows {
        let mut spans = vec![Span::raw(page.pad)];
        for col in 0..cols {
            let i = first + col * rows + row;
            if i >= count {
                break;
            }
            let here = i == steps.word_cursor;
            let marker = if here { "› " } else { "  " };
            let (word, style) = match steps.words.get(i) {
                Some(w) if chosen.as_ref() == Some(w) => (format!("{w} ✓"), theme.focus()),
                Some(w) => (w.clone(), if here { theme.focus() } else { theme.text() }),
                None => (g::OWN_WORD_ROW.to_string(), theme.quiet()),
            };
            let style = if here { theme.focus() } else { style };
            let width = usize::from(COLUMN) - 2;
            let word: String = word.chars().take(width).collect();
            spans.push(Span::styled(marker, theme.focus()));
            spans.push(Span::styled(format!("{word:<width$}"), style));
        }
        lines.push(Line::from(spans));
    }
    lines
}
