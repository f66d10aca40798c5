//! What the moving parts of the pacing screen show in one frame (the pacer's level, the
//! phase, the breath and time left, a note, the heart's lines), worked out before anything
//! is drawn. A frame after time passed compares each part with the last frame's and draws
//! only those that changed: most frames, only the pacer. Reads state; changes nothing.

use super::pacing::Parts;
use super::pacing_heart;
use crate::copy::screens as s;
use crate::domain::breathing::schedule::Position;
use crate::tui::app::App;
use crate::tui::breathe::Breathe;
use crate::tui::breathe::run::{Run, RunNote, steady_seconds, whole_seconds};
use crate::tui::ui::pacer::{self, Pacer};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// How one moving part looks.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// The pacer column at one fill level; outlined when framed, else with rails beside.
    Pacer {
        framed: bool,
        level: u32,
        style: Style,
        frame: Style,
    },
    /// A centred line (empty while its row has nothing to say).
    Line(Line<'static>),
}

/// The moving parts of one frame, each with the rows it owns, always in the same order
/// for the same layout.
pub type Look = Vec<(Rect, Part)>;

impl Part {
    /// Draw into `area` of `buf`. The rails of an unframed pacer lie just outside it.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        match self {
            Part::Line(line) => line.render(area, buf),
            Part::Pacer {
                framed,
                level,
                style,
                frame,
            } => {
                let column = if *framed {
                    outline(buf, area, *frame);
                    inner(area)
                } else {
                    rails(buf, area, *frame);
                    area
                };
                Pacer {
                    level: *level,
                    style: *style,
                }
                .render(column, buf);
            }
        }
    }
}

/// The pacer's column inside its outline.
fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// The look of every moving part at the app's latest reading.
pub(super) fn look(app: &App, b: &Breathe, run: &Run, p: &Parts) -> Look {
    let pos = run.position(app.mono);
    let mut look = Look::with_capacity(6);
    if !app.reduced_motion {
        look.push((p.pacer, pacer_part(app, run, &pos, p)));
    }
    look.push((p.phase, Part::Line(phase_line(app, run, &pos))));
    info_parts(app, run, &pos, p, &mut look);
    if let (Some(side), Some((row, about))) = (&b.heart, p.heart) {
        let (numbers, plain) = pacing_heart::lines(app, side, row.width, about.is_some());
        look.push((row, Part::Line(numbers)));
        if let (Some(about), Some(plain)) = (about, plain) {
            look.push((about, Part::Line(plain)));
        }
    }
    look
}

fn pacer_part(app: &App, run: &Run, pos: &Position, p: &Parts) -> Part {
    let column = if p.framed { inner(p.pacer) } else { p.pacer };
    Part::Pacer {
        framed: p.framed,
        level: pacer::level(run.fill(pos), pacer::levels(column.height)),
        style: app.theme.pacer(run.paused()),
        frame: app.theme.frame(),
    }
}

/// The phase and its seconds; with reduced motion, a steady countdown in words
/// ("Breathe out · 4"); while paused, how to go on.
fn phase_line(app: &App, run: &Run, pos: &Position) -> Line<'static> {
    let text = if run.paused() {
        format!("{} · {}", s::PAUSED, app.say(s::PAUSED_HOW))
    } else if app.reduced_motion {
        format!("{} · {}", s::phase_word(pos.phase), steady_seconds(pos))
    } else {
        format!("{}  {}", s::phase_word(pos.phase), whole_seconds(pos.left_in_phase))
    };
    Line::styled(text, app.theme.focus()).centered()
}

/// The breath and time left (and the pace when there is room), with a note after a key:
/// on a line of its own when there is room, else standing in for the info for a moment.
fn info_parts(app: &App, run: &Run, pos: &Position, p: &Parts, look: &mut Look) {
    let theme = app.theme;
    let left = run.time_left(run.active(app.mono));
    let mut info = s::progress(pos.cycle + 1, left);
    let pace = s::per_minute(run.current.breaths_per_minute());
    if info.chars().count() + pace.chars().count() + 3 <= usize::from(p.info.width) {
        info = format!("{info} · {pace}");
    }
    let note = run
        .note
        .map(|n| Line::styled(note_text(n), theme.notice()).centered());
    let info = Line::styled(info, theme.quiet()).centered();
    match (p.note, note) {
        (Some(row), note) => {
            look.push((p.info, Part::Line(info)));
            look.push((row, Part::Line(note.unwrap_or_default())));
        }
        (None, Some(note)) => look.push((p.info, Part::Line(note))),
        (None, None) => look.push((p.info, Part::Line(info))),
    }
}

/// A rounded outline round the pacer (drawn by hand: a Block is costlier, 30 times a second).
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
