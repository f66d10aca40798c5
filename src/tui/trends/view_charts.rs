//! The trends charts, lined up: practice as bars over an axis of days (or, for all time,
//! months, quarters or years, whichever fits every one of them), then distress before
//! and after and the check-in scales as sparklines, each row named on the left with the
//! way that is easier, and its mean (and range, for distress) for the range on the right.

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

/// The sparklines' names, and the mean and range after them.
pub(super) const LABEL: u16 = 10;
pub(super) const VALUE: u16 = 8;
/// Room for "min" when the full names do not fit.
const SHORT_LABEL: u16 = 4;
/// Above this many minutes in one column, bars count hours.
const HOURS_FROM: f64 = 600.0;

/// The chart columns and how they are drawn at this width.
pub(super) struct Layout {
    pub(super) cut: Cut,
    columns: Vec<Column>,
    labels: Vec<Option<String>>,
    pitch: Pitch,
    label_width: u16,
}

/// The columns at this width: all time takes the finest cut that shows every month of
/// it with a gap between columns, so nothing is ever cut off.
pub(super) fn chart_layout(shown: &Shown, width: u16, roomy: bool) -> Option<Layout> {
    let t = &shown.report.trends;
    let cuts: &[Cut] = if shown.span == Span::All {
        &[Cut::Months, Cut::Quarters, Cut::Years, Cut::Decades]
    } else {
        &[Cut::Days]
    };
    let value_width = if roomy { VALUE } else { 0 };
    let widest = if roomy { 5 } else { 3 };
    for label_width in [LABEL, SHORT_LABEL, 0] {
        let room = width.saturating_sub(label_width + value_width);
        let last = cuts.len() - 1;
        for (i, cut) in cuts.iter().enumerate() {
            let n = columns::count(t.from, t.to, *cut);
            let Some(pitch) = week_chart::pitch(n, room, widest) else {
                continue;
            };
            // A coarser cut is kinder than columns squeezed together.
            if pitch.gap == 0 && i < last {
                continue;
            }
            let cols = columns::columns(t, *cut);
            let labels = cols.iter().map(|c| label(shown, *cut, c, pitch)).collect();
            return Some(Layout {
                cut: *cut,
                columns: cols,
                labels,
                pitch,
                label_width,
            });
        }
    }
    None
}

/// A column's name on the axis: the weekday; the day of the month on the first and on
/// each week's first day; or, for all time, the month, quarter or year.
fn label(shown: &Shown, cut: Cut, c: &Column, pitch: Pitch) -> Option<String> {
    let d = c.date;
    let year = || d.format("%Y").to_string();
    match (shown.span, cut) {
        (Span::Week(_), _) => {
            let name = d.format("%a").to_string();
            Some(name.chars().take(pitch.bar.into()).collect())
        }
        (Span::Month(_), _) => {
            (d.day() == 1 || d.weekday() == shown.first_weekday).then(|| d.day().to_string())
        }
        (_, Cut::Months) if pitch.bar >= 3 && d.month() != 1 => Some(d.format("%b").to_string()),
        (_, Cut::Months) => (d.month() == 1).then(year),
        (_, Cut::Quarters) if pitch.bar >= 2 && d.month() != 1 => {
            Some(format!("Q{}", d.month0() / 3 + 1))
        }
        (_, Cut::Quarters) => (d.month() == 1).then(year),
        (_, Cut::Decades) => Some(format!("{}s", d.year())),
        (_, _) if pitch.bar >= 4 => Some(year()),
        // Narrow years: every other one, so the labels do not run together.
        (_, _) => (d.year() % 2 == 0).then(year),
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
    let hours = minutes.iter().any(|m| *m > HOURS_FROM);
    let values: Vec<f64> = if hours {
        minutes.iter().map(|m| m / 60.0).collect()
    } else {
        minutes.clone()
    };
    week_chart::bars(frame, bars, &values, layout.pitch, theme);
    let mut y = bars.bottom();
    if layout.label_width > 0 {
        let tallest = values.iter().copied().fold(0.0, f64::max);
        let names = bar_names(shown, &layout, hours, tallest);
        for (i, name) in names.iter().enumerate().take(usize::from(bars.height)) {
            let at = Rect::new(left.x, left.y + i as u16, layout.label_width, 1);
            put(frame, at, name, theme.quiet());
        }
    }
    let axis = week_chart::axis(&layout.labels, layout.pitch, left.right().saturating_sub(x));
    put(frame, Rect::new(x, y, left.right().saturating_sub(x), 1), &axis, theme.quiet());
    y += 1;
    if room.roomy && !plan.sparks.is_empty() && y < left.bottom() {
        put(frame, Rect::new(left.x, y, left.width, 1), w::LEGEND, theme.quiet());
    }
    y += u16::from(room.roomy);
    for row in &plan.sparks {
        if y >= left.bottom() {
            break;
        }
        let at = Rect::new(left.x, y, left.width, 1);
        match row {
            Row::Range => range_row(frame, room, &layout, at),
            _ => spark_row(frame, room, shown, &layout, *row, at),
        }
        y += 1;
    }
    if plan.table > 0 && y < left.bottom() {
        let at = Rect::new(left.x, y + 1, left.width, plan.table - 1);
        let lines = super::view_table::lines(room, shown, left.width, plan.table - 1);
        frame.render_widget(Paragraph::new(lines), at.intersection(area));
    }
}

/// The bars' names on the left: the unit, and the scale (the tallest bar) under it.
fn bar_names(shown: &Shown, layout: &Layout, hours: bool, tallest: f64) -> Vec<String> {
    if layout.label_width == SHORT_LABEL {
        return vec![if hours { w::HRS } else { w::MIN }.to_string()];
    }
    let unit = if hours { w::HOURS } else { w::MINUTES };
    let mut names = vec![unit.to_string()];
    if shown.span == Span::All {
        names.push(w::by_cut(layout.cut).to_string());
    }
    names.push(w::tallest(tallest));
    names
}

/// One sparkline row: its name, the line, and the range's mean at the end.
fn spark_row(frame: &mut Frame, room: &Room, shown: &Shown, layout: &Layout, row: Row, area: Rect) {
    let theme = room.theme;
    let t = &shown.report.trends;
    let (name, values, value, style): (String, Vec<Option<f64>>, Option<String>, Style) = match row
    {
        Row::Before => {
            let v = layout.columns.iter().map(|c| c.before).collect();
            let mean = t.distress_before_mean.map(w::level);
            (w::BEFORE.to_string(), v, mean, theme.quiet())
        }
        Row::After => {
            let v = layout.columns.iter().map(|c| c.after).collect();
            let mean = t.distress_after_mean.map(w::level);
            (w::AFTER.to_string(), v, mean, theme.notice())
        }
        Row::Scale(i) => {
            let v = layout.columns.iter().map(|c| c.scales[i]).collect();
            let stats = t.scales.get(SCALES[i].key());
            (
                w::spark_name(SCALES[i]),
                v,
                stats.and_then(w::mean_and_range),
                theme.pacer(false),
            )
        }
        Row::Range => return,
    };
    if layout.label_width == LABEL {
        let at = Rect {
            width: layout.label_width,
            ..area
        };
        put(frame, at, &name, theme.quiet());
    }
    let x = area.x + layout.label_width;
    let width = layout.pitch.width(layout.columns.len()) as u16;
    week_chart::spark(frame, Rect { x, width, ..area }, &values, layout.pitch, style);
    if let Some(value) = value {
        let at = Rect {
            x: x + width + 1,
            width: VALUE - 1,
            ..area
        }
        .intersection(area);
        put(frame, at, &value, theme.text());
    }
}

/// Under the distress line, each column's lowest and highest check-in ("2-6").
fn range_row(frame: &mut Frame, room: &Room, layout: &Layout, area: Rect) {
    if layout.label_width == LABEL {
        let at = Rect {
            width: layout.label_width,
            ..area
        };
        put(frame, at, w::RANGE, room.theme.quiet());
    }
    let bar = usize::from(layout.pitch.bar);
    let labels: Vec<Option<String>> = layout
        .columns
        .iter()
        .map(|c| c.distress_range.map(|r| w::range_in(r, bar)))
        .collect();
    let x = area.x + layout.label_width;
    let width = area.right().saturating_sub(x);
    let row = week_chart::axis(&labels, layout.pitch, width);
    put(frame, Rect { x, width, ..area }, &row, room.theme.text());
}

/// Whether the range row has room: three cells a column hold "2-6".
pub(super) fn has_range_room(layout: &Layout) -> bool {
    layout.pitch.bar >= 3 && layout.columns.iter().any(|c| c.distress_range.is_some())
}

/// A short string in one row, clipped to it.
fn put(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    frame.render_widget(Paragraph::new(Line::styled(text.to_string(), style)), area);
}
