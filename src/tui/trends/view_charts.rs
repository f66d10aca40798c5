//! The trends charts, lined up: practice minutes as bars over an axis of days (or
//! months), then distress before and after and the check-in scales as sparklines, each
//! row named on the left with its mean for the range on the right.

use super::view::{Plan, Room, Row, WEEK_CHARTS};
use super::view_side as side;
use crate::service::trends::Span;
use crate::tui::trends::Shown;
use crate::tui::trends::columns::{self, Column, Cut, SCALES};
use crate::tui::trends::words as w;
use crate::tui::ui::week_chart::{self, Pitch};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The sparklines' names, and the means after them.
pub(super) const LABEL: u16 = 9;
pub(super) const VALUE: u16 = 4;
/// Room for "min" when the full names do not fit.
const SHORT_LABEL: u16 = 4;

/// The chart columns and how they are drawn at this width.
struct Layout {
    columns: Vec<Column>,
    labels: Vec<Option<String>>,
    pitch: Pitch,
    label_width: u16,
}

fn chart_layout(shown: &Shown, width: u16, roomy: bool) -> Option<Layout> {
    let all = shown.span == Span::All;
    let cut = if all { Cut::Months } else { Cut::Days };
    let mut cols = columns::columns(&shown.report.trends, cut);
    let value_width = if roomy { VALUE } else { 0 };
    for label_width in [LABEL, SHORT_LABEL, 0] {
        let room = width.saturating_sub(label_width + value_width);
        if all && cols.len() > usize::from(room.div_ceil(2)) {
            cols.drain(..cols.len() - usize::from(room.div_ceil(2)));
        }
        if let Some(pitch) = week_chart::pitch(cols.len(), room, if roomy { 5 } else { 3 }) {
            let labels = cols.iter().map(|c| label(shown, c, pitch)).collect();
            return Some(Layout {
                columns: cols,
                labels,
                pitch,
                label_width,
            });
        }
    }
    None
}

/// A column's name on the axis: the weekday, the day of the month on the first and on
/// each week's first day, or the year at each January.
fn label(shown: &Shown, c: &Column, pitch: Pitch) -> Option<String> {
    let d = c.date;
    match shown.span {
        Span::Week(_) => {
            let name = d.format("%a").to_string();
            Some(name.chars().take(pitch.bar.into()).collect())
        }
        Span::Month(_) => {
            (d.day() == 1 || d.weekday() == shown.first_weekday).then(|| d.day().to_string())
        }
        Span::All if pitch.bar >= 3 && d.month() != 1 => Some(d.format("%b").to_string()),
        Span::All => (d.month() == 1).then(|| d.format("%Y").to_string()),
    }
}

pub(super) fn draw(frame: &mut Frame, room: &Room, shown: &Shown, plan: &Plan, area: Rect) {
    let pad = room.pad;
    let left = Rect {
        x: area.x + pad,
        width: if room.side { WEEK_CHARTS } else { room.width },
        ..area
    };
    if room.side {
        let x = left.right() + 2;
        let panel = Rect {
            x,
            width: (area.x + pad + room.width).saturating_sub(x),
            ..area
        };
        side::render(frame, room, shown, panel);
    }
    let Some(layout) = chart_layout(shown, left.width, room.roomy) else {
        return;
    };
    let theme = room.theme;
    let x = left.x + layout.label_width;
    let chart_width = layout.pitch.width(layout.columns.len()) as u16;
    let bars = Rect::new(x, left.y, chart_width, plan.bars.min(left.height));
    let minutes: Vec<f64> = layout.columns.iter().map(|c| c.minutes).collect();
    week_chart::bars(frame, bars, &minutes, layout.pitch, theme);
    let mut y = bars.bottom();
    if layout.label_width > 0 {
        let name = match (shown.span, layout.label_width) {
            (_, SHORT_LABEL) => w::MIN,
            (Span::All, _) => w::BY_MONTH,
            _ => w::MINUTES,
        };
        put(
            frame,
            Rect::new(left.x, left.y, layout.label_width, 1),
            name,
            theme.quiet(),
        );
    }
    let axis = week_chart::axis(&layout.labels, layout.pitch, left.right().saturating_sub(x));
    put(
        frame,
        Rect::new(x, y, left.right().saturating_sub(x), 1),
        &axis,
        theme.quiet(),
    );
    y += 1 + u16::from(room.roomy);
    for row in &plan.sparks {
        if y >= left.bottom() {
            break;
        }
        spark_row(
            frame,
            room,
            shown,
            &layout,
            *row,
            Rect::new(left.x, y, left.width, 1),
        );
        y += 1;
    }
}

/// One sparkline row: its name, the line, and the range's mean at the end.
fn spark_row(frame: &mut Frame, room: &Room, shown: &Shown, layout: &Layout, row: Row, area: Rect) {
    let theme = room.theme;
    let t = &shown.report.trends;
    let (name, values, mean, style): (&str, Vec<Option<f64>>, Option<f64>, Style) = match row {
        Row::Before => {
            let v = layout.columns.iter().map(|c| c.before).collect();
            (w::BEFORE, v, t.distress_before_mean, theme.quiet())
        }
        Row::After => {
            let v = layout.columns.iter().map(|c| c.after).collect();
            (w::AFTER, v, t.distress_after_mean, theme.notice())
        }
        Row::Scale(i) => {
            let v = layout.columns.iter().map(|c| c.scales[i]).collect();
            let mean = columns::scale_mean(t, SCALES[i]);
            (w::scale_name(SCALES[i]), v, mean, theme.pacer(false))
        }
    };
    if layout.label_width == LABEL {
        put(
            frame,
            Rect {
                width: layout.label_width,
                ..area
            },
            name,
            theme.quiet(),
        );
    }
    let x = area.x + layout.label_width;
    let width = layout.pitch.width(layout.columns.len()) as u16;
    week_chart::spark(
        frame,
        Rect { x, width, ..area },
        &values,
        layout.pitch,
        style,
    );
    if let Some(mean) = mean {
        let at = Rect {
            x: x + width + 1,
            width: VALUE - 1,
            ..area
        }
        .intersection(area);
        put(frame, at, &w::level(mean), theme.text());
    }
}

/// A short string in one row, clipped to it.
fn put(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    frame.render_widget(Paragraph::new(Line::styled(text.to_string(), style)), area);
}
