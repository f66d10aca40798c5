//! Charts whose columns line up: practice minutes as ratatui bars, and 0-10 values as
//! one-row ratatui sparklines underneath, each column (a day, or a month) at the same
//! place in every row, with its label on an axis row. Blank means nothing was recorded;
//! a low line means a low number, never an empty one.

use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Bar, BarChart, BarGroup, Sparkline, SparklineBar};

/// The width of each column's bar and the gap after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pitch {
    pub bar: u16,
    pub gap: u16,
}

impl Pitch {
    /// The columns' total width.
    pub fn width(self, columns: usize) -> usize {
        let n = columns.max(1);
        n * usize::from(self.bar + self.gap) - usize::from(self.gap)
    }
}

const PITCHES: [Pitch; 6] = [
    Pitch { bar: 5, gap: 1 },
    Pitch { bar: 4, gap: 1 },
    Pitch { bar: 3, gap: 1 },
    Pitch { bar: 2, gap: 1 },
    Pitch { bar: 1, gap: 1 },
    Pitch { bar: 1, gap: 0 },
];

/// The widest pitch that fits `columns` into `width`; bars wider than `widest` look
/// heavy, so they stop there. None if even one cell a column does not fit.
pub fn pitch(columns: usize, width: u16, widest: u16) -> Option<Pitch> {
    PITCHES
        .into_iter()
        .filter(|p| p.bar <= widest)
        .find(|p| p.width(columns) <= usize::from(width))
}

/// Minutes as bars, with the minutes written on bars wide enough to hold them.
pub fn bars(frame: &mut Frame, area: Rect, minutes: &[f64], pitch: Pitch, theme: Theme) {
    let bars: Vec<Bar> = minutes
        .iter()
        .map(|m| {
            // Tenths, so a short practice still shows as a sliver.
            let value = (m.max(0.0) * 10.0).round() as u64;
            let shown = m.round() as u64;
            let text = match (pitch.bar, shown) {
                (1, _) => String::new(),
                (_, 0) if value > 0 => "<1".to_string(),
                (_, n) => n.to_string(),
            };
            Bar::default().value(value).text_value(text)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(pitch.bar)
        .bar_gap(pitch.gap)
        .bar_style(theme.pacer(false))
        .value_style(theme.chosen());
    frame.render_widget(chart, area);
}

/// One row of 0-10 values, each column `pitch.bar` cells wide.
pub fn spark(frame: &mut Frame, area: Rect, values: &[Option<f64>], pitch: Pitch, style: Style) {
    let mut data: Vec<SparklineBar> = Vec::new();
    for v in values {
        // 0 draws the lowest line and 10 a full cell: a rating of 0 is still a rating.
        let level = v.map(|v| 1 + (v.clamp(0.0, 10.0) * 0.7).round() as u64);
        data.extend(std::iter::repeat_n(SparklineBar::from(level), pitch.bar.into()));
        data.extend(std::iter::repeat_n(SparklineBar::from(Some(0)), pitch.gap.into()));
    }
    let line = Sparkline::default().data(data).max(8).style(style);
    frame.render_widget(line, Rect { height: 1, ..area });
}

/// The axis row: each column's label (if any) under its bar, centred when it fits the
/// bar, and left out where it would run into the label before it.
pub fn axis(labels: &[Option<String>], pitch: Pitch, width: u16) -> String {
    let width = usize::from(width);
    let mut row: Vec<char> = vec![' '; width];
    let mut free = 0;
    let step = usize::from(pitch.bar + pitch.gap);
    for (i, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        let len = label.chars().count();
        let start = i * step + usize::from(pitch.bar).saturating_sub(len) / 2;
        if start < free || start + len > width {
            continue;
        }
        for (cell, c) in row[start..start + len].iter_mut().zip(label.chars()) {
            *cell = c;
        }
        free = start + len + 1;
    }
    row.into_iter().collect::<String>().trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pitches_fit_the_width() {
        assert_eq!(pitch(7, 40, 4), Some(Pitch { bar: 4, gap: 1 }));
        assert_eq!(pitch(31, 62, 5), Some(Pitch { bar: 1, gap: 1 }));
        assert_eq!(pitch(31, 31, 5), Some(Pitch { bar: 1, gap: 0 }));
        assert_eq!(pitch(31, 30, 5), None);
    }

    #[test]
    fn labels_never_collide() {
        let p = Pitch { bar: 1, gap: 1 };
        let labels: Vec<Option<String>> = (1..=10).map(|d| Some(d.to_string())).collect();
        assert_eq!(axis(&labels, p, 20), "1 2 3 4 5 6 7 8 9 10");
        let p = Pitch { bar: 3, gap: 1 };
        let days = ["Mon", "Tue"].map(|d| Some(d.to_string()));
        assert_eq!(axis(&days, p, 8), "Mon Tue");
    }
}
