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
use crate::tui::ui::pacer;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// How one moving part looks. Each part draws only inside its own rows, so a part that
/// changed can be redrawn alone.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    /// Every cell shows this symbol in this style (None: left blank): a row of the pacer's
    /// fill, a side of its outline, a rail.
    Cells(Option<&'static str>, Style),
    /// Centred words.
    Line(Line<'static>),
    /// An edge of the pacer's outline: its corners with a run of lines between them.
    Edge(&'static str, &'static str, Style),
}

/// The moving parts of one frame, each with the rows it owns, always in the same order
/// for the same layout.
pub type Look = Vec<(Rect, Part)>;

impl Part {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) {
        match self {
            Part::Line(line) => line.render(area, buf),
            Part::Edge(left, right, style) => {
                let area = area.intersection(buf.area);
                for p in area.positions() {
                    let symbol = match p.x {
                        x if x == area.left() => left,
                        x if x + 1 == area.right() => right,
                        _ => "─",
                    };
                    if let Some(cell) = buf.cell_mut(p) {
                        cell.set_symbol(symbol).set_style(*style);
                    }
                }
            }
            Part::Cells(None, _) => {}
            Part::Cells(Some(symbol), style) => {
                for p in area.intersection(buf.area).positions() {
                    if let Some(cell) = buf.cell_mut(p) {
                        cell.set_symbol(symbol).set_style(*style);
                    }
                }
            }
        }
    }
}

/// The look of every moving part at the app's latest reading.
pub(super) fn look(app: &App, b: &Breathe, run: &Run, p: &Parts) -> Look {
    let pos = run.position(app.mono);
    let mut look = Look::with_capacity(32);
    if !app.reduced_motion {
        pacer_parts(app, run, &pos, p, &mut look);
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

/// The pacer: its outline (or rails), then each row of its fill, one part a row, so a
/// frame redraws only the rows the fill's top has crossed.
fn pacer_parts(app: &App, run: &Run, pos: &Position, p: &Parts, look: &mut Look) {
    let frame = app.theme.frame();
    if p.framed {
        outline(p.pacer, frame, look);
    } else {
        rails(p.pacer, frame, look);
    }
    let column = p.column();
    let level = pacer::level(run.fill(pos), pacer::levels(column.height));
    let style = app.theme.pacer(run.paused());
    for y in 0..column.height {
        let row = Rect {
            y: column.y + y,
            height: 1,
            ..column
        };
        look.push((row, Part::Cells(pacer::row(level, column.height, y), style)));
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

/// A rounded outline round the pacer: its top and bottom edges, its sides as columns
/// (drawn by hand: a Block is costlier, and this is worked out 30 times a second).
fn outline(r: Rect, style: Style, look: &mut Look) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let row = |y| Rect { y, height: 1, ..r };
    let side = |x| Rect {
        x,
        y: r.y + 1,
        width: 1,
        height: r.height - 2,
    };
    look.push((row(r.top()), Part::Edge("╭", "╮", style)));
    look.push((row(r.bottom() - 1), Part::Edge("╰", "╯", style)));
    look.push((side(r.left()), Part::Cells(Some("│"), style)));
    look.push((side(r.right() - 1), Part::Cells(Some("│"), style)));
}

/// Thin lines either side of an unframed pacer, so its height shows when it is empty.
fn rails(column: Rect, style: Style, look: &mut Look) {
    let rail = |x| Rect {
        x,
        width: 1,
        ..column
    };
    if let Some(x) = column.left().checked_sub(1) {
        look.push((rail(x), Part::Cells(Some("▕"), style)));
    }
    look.push((rail(column.right()), Part::Cells(Some("▏"), style)));
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
