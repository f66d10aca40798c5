//! Putting frames on the terminal. Most frames go through ratatui's full diff; but while
//! the pacer moves, a tick changes only a few known rows, so those frames compare just
//! those rows against a copy of what the screen shows and write the few changed cells.
//! That keeps a moving pacer's CPU use tiny. ratatui's own buffers are kept in step, so
//! the next full frame diffs against exactly what is on screen.

use super::app::App;
use super::breathe::pacing;
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
    /// Reused between frames, so a moving frame allocates nothing.
    changes: Vec<(u16, u16, Cell)>,
}

impl Painter {
    /// Draw the whole frame through ratatui's diff.
    pub fn full<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
    ) -> Result<(), B::Error> {
        let done = terminal.draw(|f| ui::render(app, f))?;
        self.shown.clone_from(done.buffer);
        self.still = pacing::moving(app, area(app)).map(|(key, _)| key);
        Ok(())
    }

    /// Draw a frame after time passed: only the moving rows if nothing else can have
    /// changed since the last full frame, else the whole frame.
    pub fn moving<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
    ) -> Result<(), B::Error> {
        let rows = match pacing::moving(app, area(app)) {
            Some((key, rows)) if self.still.as_ref() == Some(&key) => rows,
            _ => return self.full(terminal, app),
        };
        let mut frame = terminal.get_frame();
        ui::render(app, &mut frame);
        let drawn = terminal.current_buffer_mut();
        self.changes.clear();
        let screen = self.shown.area;
        for r in rows.iter().map(|r| r.intersection(screen)) {
            for (x, y) in r.positions().map(|p| (p.x, p.y)) {
                let (Some(new), Some(old)) = (drawn.cell((x, y)), self.shown.cell_mut((x, y)))
                else {
                    continue;
                };
                if new != old {
                    old.clone_from(new);
                    self.changes.push((x, y, new.clone()));
                }
            }
        }
        let backend = terminal.backend_mut();
        backend.draw(self.changes.iter().map(|(x, y, c)| (*x, *y, c)))?;
        backend.hide_cursor()?;
        Backend::flush(backend)?;
        // The drawn frame becomes ratatui's "previous", as after any draw.
        terminal.swap_buffers();
        Ok(())
    }
}

fn area(app: &App) -> Rect {
    Rect::from((Position::ORIGIN, app.size))
}
