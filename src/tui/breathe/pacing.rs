//! The breathing screen while pacing: the pacer column in the middle, the phase word with
//! its seconds, the breath and time left, a short note after a key, and the reminder.
//! Everything here is drawn from the app's latest monotonic reading; nothing changes state.

use crate::copy::screens as s;
use crate::domain::breathing::schedule::Position;
use crate::tui::app::{App, Screen};
use crate::tui::breathe::run::{Run, RunNote, steady_seconds, whole_seconds};
use crate::tui::breathe::{Breathe, Stage};
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::pacer::{self, Pacer};
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH, roomy, title};
use crate::tui::ui::{hints, wrap};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::cell::RefCell;

/// Where each part of the pacing screen goes.
#[derive(Clone, Debug, PartialEq)]
struct Parts {
    title: Rect,
    /// The pacer with its frame (when framed).
    pacer: Rect,
    framed: bool,
    phase: Rect,
    info: Rect,
    /// A line of its own for notes, when there is room.
    note: Option<Rect>,
    /// With a heart source: its numbers and trace, and (when there is room) a plain line.
    heart: Option<(Rect, Option<Rect>)>,
    reminder: Rect,
    reminder_lines: Vec<String>,
}

fn parts(app: &App, area: Rect, heart: bool) -> Parts {
    let roomy = roomy(area);
    let footer =
        hints::height(&app.keymap.hints(app.screen_context()), area.width).min(area.height / 3);
    let body = Rect {
        height: area.height - footer,
        ..area
    };
    let text_width = body.width.saturating_sub(if roomy { 6 } else { 2 });
    let reminder_lines = if roomy {
        wrap(s::REMINDER, text_width, 0)
    } else {
        wrap(s::REMINDER_SHORT, text_width, 0)
    };
    let reminder_height = u16::try_from(reminder_lines.len()).unwrap_or(1);
    let row = |y: u16, height: u16| Rect { y, height, ..body }.intersection(body);
    let top = if roomy { 2 } else { 1 };
    // Below the pacer: a gap, the phase, the info, the note, the heart's two rows (or,
    // short, its one), a gap, the reminder.
    let hearts = match (heart, roomy) {
        (false, _) => 0,
        (true, true) => 2,
        (true, false) => 1,
    };
    let below = hearts
        + if roomy {
            5 + reminder_height
        } else {
            2 + reminder_height
        };
    let height = body.height.saturating_sub(top + below);
    let framed = roomy && height >= 5 && !app.reduced_motion;
    let width = if roomy { 16 } else { 8 }.min(body.width);
    let mut pacer = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + top,
        width,
        height,
    }
    .intersection(body);
    if app.reduced_motion {
        // No moving column: the words sit where its middle would be.
        pacer.y += pacer.height.saturating_sub(2) / 2;
        pacer.height = 0;
    }
    let mut y = pacer.bottom() + u16::from(roomy);
    let phase = row(y, 1);
    y += 1;
    let info = row(y, 1);
    y += 1;
    let note = roomy.then(|| row(y, 1));
    y += u16::from(roomy);
    let heart = heart.then(|| (row(y, 1), roomy.then(|| row(y + 1, 1))));
    y += hearts + u16::from(roomy);
    Parts {
        title: row(body.y, 1),
        pacer,
        framed,
        phase,
        info,
        note,
        heart,
        reminder: row(y, reminder_height),
        reminder_lines,
    }
}

/// The parts of the pacing screen that stay put while the pacer moves, laid out and styled
/// once per window size, not on every frame.
#[derive(Clone, Debug, PartialEq)]
struct Static {
    key: (Rect, Context, Theme, bool),
    what: String,
    heart: bool,
    parts: Parts,
    title: Line<'static>,
    footer: Vec<(Rect, Line<'static>)>,
    reminder: Vec<(Rect, Line<'static>)>,
}

/// The pacing screen's static parts, kept between frames (the pacer draws 25 a second).
#[derive(Clone, Debug, Default)]
pub struct Cache(RefCell<Option<Static>>);

/// A cache is not state: two apps are equal whatever they have drawn before.
impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

fn build(app: &App, area: Rect, what: &str, paused: bool, heart: bool) -> Static {
    let theme = app.theme;
    let parts = parts(app, area, heart);
    let hints = footer_hints(app, paused);
    let footer_height = hints::height(&hints, area.width).min(area.height / 3);
    let footer_top = area.bottom() - footer_height;
    let footer = hints::lines(&hints, area.width, theme)
        .into_iter()
        .zip(footer_top..area.bottom())
        .map(|(line, y)| {
            (
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                line,
            )
        })
        .collect();
    let reminder = parts
        .reminder_lines
        .iter()
        .zip(parts.reminder.top()..parts.reminder.bottom())
        .map(|(text, y)| {
            let line = Line::styled(text.clone(), theme.quiet()).centered();
            (
                Rect {
                    y,
                    height: 1,
                    ..parts.reminder
                },
                line,
            )
        })
        .collect();
    Static {
        key: (area, app.screen_context(), theme, paused),
        what: what.to_string(),
        heart,
        title: title(theme, Some(what)),
        parts,
        footer,
        reminder,
    }
}

/// The footer's keys; while paused, the pause key says it goes on ("Space go on").
fn footer_hints(app: &App, paused: bool) -> Vec<(String, &'static str)> {
    let mut hints = app.keymap.hints(app.screen_context());
    if paused {
        for (_, hint) in &mut hints {
            if *hint == s::HINT_PAUSE {
                *hint = s::HINT_GO_ON;
            }
        }
    }
    hints
}

/// Run `f` with the static parts for this window, laying them out again only if needed.
fn with_static<R>(app: &App, area: Rect, b: &Breathe, f: impl FnOnce(&Static) -> R) -> R {
    let what = what(b);
    let paused = matches!(&b.stage, Stage::Pacing(run) if run.paused());
    let key = (area, app.screen_context(), app.theme, paused);
    let heart = b.heart.is_some();
    let mut slot = app.pacing_cache.0.borrow_mut();
    if !matches!(&*slot, Some(st) if st.key == key && st.what == what && st.heart == heart) {
        *slot = None;
    }
    f(slot.get_or_insert_with(|| build(app, area, what, paused, heart)))
}

/// What the still parts of the pacing screen depend on (the window, the keys, the theme,
/// the title and whether paused): if it is unchanged, a new frame differs from the last
/// only in the moving rows.
pub type StillKey = (Rect, Context, Theme, String, bool);

/// While the pacer moves on its own: the still key and the rows that move (the pacer, the
/// phase, the breath and time left, the note). None on any other screen, or under help.
pub fn moving(app: &App, area: Rect) -> Option<(StillKey, Vec<Rect>)> {
    let Screen::Breathe(b) = &app.screen else {
        return None;
    };
    let context = app.context();
    let pacing = matches!(context, Context::BreathePacing | Context::BreatheFollow);
    if !pacing || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    with_static(app, area, b, |st| {
        let p = &st.parts;
        let (heart, about) = p.heart.unzip();
        let rows = [
            Some(p.pacer),
            Some(p.phase),
            Some(p.info),
            p.note,
            heart,
            about.flatten(),
        ];
        let (area, context, theme, paused) = st.key;
        let key = (area, context, theme, st.what.clone(), paused);
        Some((key, rows.into_iter().flatten().collect()))
    })
}

/// The title: the pattern's name, or follow my breath.
fn what(b: &Breathe) -> &str {
    match &b.stage {
        Stage::Pacing(run) if run.lead.is_some() => s::FOLLOW_TITLE,
        Stage::Pacing(run) if run.steps.is_some() => crate::copy::heart_screen::FIND_TITLE,
        _ => b.plan.pattern.name.as_str(),
    }
}

/// How many fill levels the pacer shows at this window size (0 when it is not drawn).
pub fn levels(app: &App, b: &Breathe, area: Rect) -> u32 {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return 0;
    }
    with_static(app, area, b, |st| {
        let p = &st.parts;
        let inner = if p.framed {
            p.pacer.height.saturating_sub(2)
        } else {
            p.pacer.height
        };
        pacer::levels(inner)
    })
}

pub fn render(app: &App, b: &Breathe, frame: &mut Frame, area: Rect) {
    let Stage::Pacing(run) = &b.stage else { return };
    with_static(app, area, b, |st| {
        frame.render_widget(&st.title, st.parts.title);
        for (rect, line) in st.footer.iter().chain(&st.reminder) {
            frame.render_widget(line, *rect);
        }
        draw_all_moving(app, b, run, &st.parts, frame.buffer_mut());
    });
}

/// Only the moving rows, into `buf` (whose other cells are left as they are): what a
/// frame after time passed needs, without laying out or drawing the still parts again.
pub fn render_moving(app: &App, area: Rect, buf: &mut Buffer) {
    let Screen::Breathe(b) = &app.screen else {
        return;
    };
    let Stage::Pacing(run) = &b.stage else { return };
    with_static(app, area, b, |st| draw_all_moving(app, b, run, &st.parts, buf));
}

fn draw_all_moving(app: &App, b: &Breathe, run: &Run, p: &Parts, buf: &mut Buffer) {
    draw_moving(app, run, p, buf);
    if let (Some(side), Some((row, about))) = (&b.heart, p.heart) {
        super::pacing_heart::draw(app, side, row, about, buf);
    }
}

/// What changes from frame to frame: the pacer, the phase, the breath and time left.
fn draw_moving(app: &App, run: &Run, p: &Parts, buf: &mut Buffer) {
    let theme = app.theme;
    let pos = run.position(app.mono);
    let paused = run.paused();
    if app.reduced_motion {
        draw_words(app, run, p, buf);
        return;
    }
    let mut column = p.pacer;
    if p.framed {
        column = Rect {
            x: p.pacer.x + 1,
            y: p.pacer.y + 1,
            width: p.pacer.width.saturating_sub(2),
            height: p.pacer.height.saturating_sub(2),
        };
        outline(buf, p.pacer, theme.frame());
    } else {
        rails(buf, p.pacer, theme.frame());
    }
    let fill = Pacer {
        fill: run.fill(&pos),
        style: theme.pacer(paused),
    };
    fill.render(column, buf);

    let phase = if paused {
        format!("{} · {}", s::PAUSED, app.say(s::PAUSED_HOW))
    } else {
        format!("{}  {}", s::phase_word(pos.phase), whole_seconds(pos.left_in_phase))
    };
    let centred = |text: String, style| Line::styled(text, style).centered();
    centred(phase, theme.focus()).render(p.phase, buf);
    draw_info(app, run, &pos, p, buf);
}

/// Reduced motion: a steady countdown in words ("Breathe out · 4"), nothing moving.
fn draw_words(app: &App, run: &Run, p: &Parts, buf: &mut Buffer) {
    let pos = run.position(app.mono);
    let phase = if run.paused() {
        format!("{} · {}", s::PAUSED, app.say(s::PAUSED_HOW))
    } else {
        format!("{} · {}", s::phase_word(pos.phase), steady_seconds(&pos))
    };
    let line = Line::styled(phase, app.theme.focus()).centered();
    line.render(p.phase, buf);
    draw_info(app, run, &pos, p, buf);
}

/// The breath and time left (and the pace when there is room), with a note after a key.
fn draw_info(app: &App, run: &Run, pos: &Position, p: &Parts, buf: &mut Buffer) {
    let theme = app.theme;
    let centred = |text: String, style| Line::styled(text, style).centered();
    let left = run.time_left(run.active(app.mono));
    let mut info = s::progress(pos.cycle + 1, left);
    let pace = s::per_minute(run.current.breaths_per_minute());
    if info.chars().count() + pace.chars().count() + 3 <= usize::from(p.info.width) {
        info = format!("{info} · {pace}");
    }
    let note = run.note.map(note_text);
    match (p.note, note) {
        (Some(row), Some(text)) => centred(text.into(), theme.notice()).render(row, buf),
        // No room for a line of its own: the note stands in for the info for a moment.
        (None, Some(text)) => centred(text.into(), theme.notice()).render(p.info, buf),
        _ => {}
    }
    if p.note.is_some() || run.note.is_none() {
        centred(info, theme.quiet()).render(p.info, buf);
    }
}

/// A rounded outline round the pacer (drawn by hand: a Block is costlier, 25 times a second).
fn outline(buf: &mut Buffer, r: Rect, style: Style) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let (right, bottom) = (r.right() - 1, r.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    for x in r.left() + 1..right {
        put(x, r.top(), "─");
        put(x, bottom, "─");
    }
    for y in r.top() + 1..bottom {
        put(r.left(), y, "│");
        put(right, y, "│");
    }
    put(r.left(), r.top(), "╭");
    put(right, r.top(), "╮");
    put(r.left(), bottom, "╰");
    put(right, bottom, "╯");
}

/// Thin lines either side of an unframed pacer, so its height shows when it is empty.
fn rails(buf: &mut Buffer, column: Rect, style: Style) {
    for y in column.top()..column.bottom() {
        for (x, symbol) in [
            (column.left().checked_sub(1), "▕"),
            (Some(column.right()), "▏"),
        ] {
            if let Some(cell) = x.and_then(|x| buf.cell_mut((x, y))) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}

fn note_text(note: RunNote) -> &'static str {
    match note {
        RunNote::Slower => s::NOTE_SLOWER,
        RunNote::Quicker => s::NOTE_QUICKER,
        RunNote::SlowestAlready => s::NOTE_SLOWEST,
        RunNote::QuickestAlready => s::NOTE_QUICKEST,
        RunNote::Holding => s::NOTE_HOLDING,
        RunNote::Leading => s::NOTE_LEADING,
        RunNote::SteppedBack => s::NOTE_STEPPED_BACK,
        RunNote::AtTheStart => s::NOTE_AT_START,
    }
}
