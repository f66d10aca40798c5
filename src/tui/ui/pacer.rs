//! The pacer: a column that fills as you breathe in, stays full or empty through a hold,
//! and empties as you breathe out. The eighth blocks give eight steps in every row, so the
//! rise and fall look smooth even in a small window.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The top row's partial fill, in eighths.
const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// How many distinct fill levels a column this tall shows.
pub fn levels(height: u16) -> u32 {
    u32::from(height) * 8
}

/// The level shown for a fill of 0 to 1 in a column of `levels`.
pub fn level(fill: f64, levels: u32) -> u32 {
    let level = (fill.clamp(0.0, 1.0) * f64::from(levels)).floor();
    (level as u32).min(levels)
}

pub struct Pacer {
    /// How full, in levels of a column this tall (see `level`).
    pub level: u32,
    pub style: Style,
}

impl Widget for Pacer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        for y in 0..area.height {
            // Rows above the fill stay as the frame began: blank.
            let Some(symbol) = row(self.level, area.height, y) else {
                continue;
            };
            for x in area.left()..area.right() {
                if let Some(cell) = buf.cell_mut((x, area.y + y)) {
                    cell.set_symbol(symbol).set_style(self.style);
                }
            }
        }
    }
}

/// What row `y` (0 at the top) of a column `height` tall shows at `level`: a full block
/// below the fill's top, its partial block at the top, nothing (None) above.
pub fn row(level: u32, height: u16, y: u16) -> Option<&'static str> {
    let level = level.min(levels(height));
    let (full, part) = (level / 8, (level % 8) as usize);
    let from_bottom = u32::from(height.saturating_sub(y + 1));
    if from_bottom < full {
        Some(EIGHTHS[8])
    } else if from_bottom == full && part > 0 {
        Some(EIGHTHS[part])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(fill: f64, height: u16) -> Vec<String> {
        let area = Rect::new(0, 0, 1, height);
        let mut buf = Buffer::empty(area);
        Pacer {
            level: level(fill, levels(height)),
            style: Style::default(),
        }
        .render(area, &mut buf);
        (0..height)
            .map(|y| buf[(0, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn fills_from_the_bottom_in_eighths() {
        assert_eq!(column(0.0, 3), [" ", " ", " "]);
        assert_eq!(column(1.0 / 3.0, 3), [" ", " ", "█"]);
        assert_eq!(column(1.0, 3), ["█", "█", "█"]);
        // 13 of 24 eighths: one full row, then five eighths.
        assert_eq!(column(13.0 / 24.0, 3), [" ", "▅", "█"]);
        assert_eq!(level(0.999_999, 24), 23);
        assert_eq!(level(2.0, 24), 24);
    }
}
