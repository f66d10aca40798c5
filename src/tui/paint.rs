//! Putting frames on the terminal. Most frames go through ratatui's full diff; but while
//! the pacer moves, a tick changes only a few known parts, so those frames draw just the
//! parts that look different from the last frame (most often one row of the pacer),
//! compare their rows with a copy of what the screen shows and write the few changed
//! cells. That keeps a moving pacer's CPU use tiny. Before the next full frame, ratatui's
//! buffers are brought up to what is on screen, so it diffs against exactly that.

use super::app::App;
use super::breathe::pacing;
use super::breathe::pacing_look::Look;
use super::paint_cells::DrawCells;
use super::ui;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};

#[derive(Default)]
pub struct Painter {
    /// What the screen shows, as last drawn.
    shown: Buffer,
    /// What the still parts of the pacing screen depended on at the last full frame.
    still: Option<pacing::StillKey>,
    /// How the moving parts looked in the last frame drawn.
    last: Look,
    /// Each changed moving part is drawn here, the buffer sized to it.
    scratch: Buffer,
    /// The changed cells of a moving frame, reused between frames.
    changes: Vec<(u16, u16, Cell)>,
    /// Moving frames reached the screen past ratatui's buffers since its last draw.
    behind: bool,
}

impl Painter {
    /// Draw the whole frame through ratatui's diff.
    pub fn full<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
    ) -> Result<(), B::Error> {
        // ratatui diffs against its previous buffer: make that what the screen shows
        // (unless a resize has since cleared the screen and both buffers).
        if std::mem::take(&mut self.behind) && terminal.current_buffer_mut().area == self.shown.area
        {
            let current = terminal.current_buffer_mut();
            current.content.clone_from(&self.shown.content);
            terminal.swap_buffers();
        }
        let done = terminal.draw(|f| ui::render(app, f))?;
        // Field by field, so the copy reuses the cells already held (Buffer's own
        // clone_from would allocate a whole screen each full frame).
        self.shown.area = done.buffer.area;
        self.shown.content.clone_from(&done.buffer.content);
        let (still, last) = pacing::moving(app, area(app)).unzip();
        self.still = still;
        self.last = last.unwrap_or_default();
        Ok(())
    }

    /// The terminal was cleared or resized, its buffers with it: the next full frame
    /// draws everything, and needs nothing brought up to date.
    pub fn cleared(&mut self) {
        self.behind = false;
    }

    /// Draw a frame after time passed: only the moving parts that changed if nothing else
    /// can have changed since the last full frame, else the whole frame.
    pub fn moving<B: DrawCells>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
    ) -> Result<(), B::Error> {
        let look = match pacing::moving(app, area(app)) {
            Some((key, look)) if self.still.as_ref() == Some(&key) => look,
            _ => return self.full(terminal, app),
        };
        let screen = self.shown.area;
        // A part reaching past the screen would be clipped differently from a full frame.
        if look.iter().any(|(r, _)| r.intersection(screen) != *r) {
            return self.full(terminal, app);
        }
        self.changes.clear();
        for (i, (rect, part)) in look.iter().enumerate() {
            if matches!(self.last.get(i), Some((r, p)) if r == rect && p == part) {
                continue;
            }
            // The scratch buffer is only as big as the part: a few cells, not a screen.
            self.scratch.resize(*rect);
            self.scratch.reset();
            part.draw(*rect, &mut self.scratch);
            for (row, span) in row_spans(screen, *rect).enumerate() {
                self.diff(row, span);
            }
        }
        self.last = look;
        if self.changes.is_empty() {
            return Ok(());
        }
        terminal.backend_mut().draw_cells(&self.changes)?;
        self.behind = true;
        Ok(())
    }

    /// Note the cells of the part's `row` that differ from the screen, and take them as
    /// shown.
    fn diff(&mut self, row: usize, span: RowSpan) {
        let width = span.cells.len();
        let new = &self.scratch.content[row * width..][..width];
        let old = &mut self.shown.content[span.cells];
        if new == old {
            return;
        }
        for (x, (n, o)) in (span.x..).zip(new.iter().zip(old.iter_mut())) {
            if n != o {
                o.clone_from(n);
                self.changes.push((x, span.y, n.clone()));
            }
        }
    }
}

/// One row of a rectangle inside a buffer of `screen`'s size: where it starts on screen
/// and its cells' place in that buffer's content.
struct RowSpan {
    x: u16,
    y: u16,
    cells: std::ops::Range<usize>,
}

/// The rows of `r` (already inside `screen`), each as a range of the buffer's cells.
fn row_spans(screen: Rect, r: Rect) -> impl Iterator<Item = RowSpan> {
    let width = usize::from(screen.width);
    (r.top()..r.bottom()).map(move |y| {
        let start = usize::from(y - screen.y) * width + usize::from(r.x - screen.x);
        RowSpan {
            x: r.x,
            y,
            cells: start..start + usize::from(r.width),
        }
    })
}

fn area(app: &App) -> Rect {
    Rect::from((Position::ORIGIN, app.size))
}
