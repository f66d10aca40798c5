//! The pacer: a column that fills as you breathe in, stays full or empty through a hold,
//! and empties as you breathe out. The eighth blocks give eight steps in every row, so the
//! rise and fall look smooth even in a small window. Each row is drawn as its own part
//! (`breathe::pacing_look`), so only the rows that change are drawn again.

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
        let level = level(fill, levels(height));
        (0..height)
            .map(|y| row(level, height, y).unwrap_or(" ").to_string())
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
