//! The trends screen's side panel, when the window is wide: distress before and after
//! practice (day by day for a week, on average otherwise), the heart figures when there
//! are readings, then the sensations noticed, each with its change from the same days of
//! the week or month before.

use super::view::{Room, unit};
use crate::tui::trends::Shown;
use crate::tui::trends::words as w;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

pub fn render(frame: &mut Frame, room: &Room, shown: &Shown, area: Rect) {
    let mut lines = distress(room, shown);
    let rows = usize::from(area.height);
    if !lines.is_empty() && lines.len() + 2 < rows {
        lines.push(Line::default());
    }
    // The heart figures, leaving the sensations a heading, its note and one word.
    let keep = if shown.report.trends.sensations.is_empty() {
        0
    } else {
        3
    };
    let heart = heart(room, shown, area.width, rows.saturating_sub(lines.len() + keep));
    if !heart.is_empty() {
        lines.extend(heart);
        // A blank before the sensations when they keep their rows with it.
        if rows.saturating_sub(lines.len()) > keep.max(2) {
            lines.push(Line::default());
        }
    }
    let room_left = rows.saturating_sub(lines.len());
    lines.extend(sensations(room, shown, room_left));
    frame.render_widget(Paragraph::new(lines), area);
}

/// The heart block, in pairs (a heading and its figures) as many as fit in `rows`, each
/// line in its long form when it fits the column's `width`.
fn heart(room: &Room, shown: &Shown, width: u16, rows: usize) -> Vec<Line<'static>> {
    let block = crate::copy::trends_heart::heart_block(&shown.report.trends);
    let fits = |text: &String| text.chars().count() <= usize::from(width);
    block
        .into_iter()
        .map(|(head, [long, short])| {
            let style = if head {
                room.theme.quiet()
            } else {
                room.theme.text()
            };
            let text = if fits(&long) { long } else { short };
            Line::styled(text, style)
        })
        .take(rows - rows % 2)
        .collect()
}

/// Day by day for a week ("Mon  6 → 4  ▼2"), else the range's means.
fn distress(room: &Room, shown: &Shown) -> Vec<Line<'static>> {
    let theme = room.theme;
    let t = &shown.report.trends;
    if t.sessions == 0 || (t.distress_before_mean.is_none() && t.distress_after_mean.is_none()) {
        return Vec::new();
    }
    if unit(shown) != crate::tui::trends::Unit::Week {
        let said = w::before_after(t.distress_before_mean, t.distress_after_mean);
        return vec![
            Line::styled(w::DISTRESS_MEANS, theme.quiet()),
            Line::styled(said, theme.text()),
        ];
    }
    let mut lines = vec![Line::styled(w::DISTRESS_HEAD, theme.quiet())];
    let pair = |d: &crate::domain::trends::Day| {
        w::before_after(d.distress_before_mean, d.distress_after_mean)
    };
    let widest = t
        .days
        .iter()
        .map(|d| pair(d).chars().count())
        .max()
        .unwrap_or(0);
    for day in &t.days {
        let name = day.date.format("%a").to_string();
        let mut spans = vec![TextSpan::styled(format!("{name:<5}"), theme.quiet())];
        match (day.distress_before_mean, day.distress_after_mean) {
            (None, None) => spans.push(TextSpan::styled(w::NOT_RATED, theme.quiet())),
            (before, after) => {
                let pair = w::before_after(before, after);
                let pair = format!("{pair:<widest$}  ");
                spans.push(TextSpan::styled(pair, theme.text()));
                if let (Some(b), Some(a)) = (before, after) {
                    let style = if a < b { theme.notice() } else { theme.quiet() };
                    spans.push(TextSpan::styled(w::change_mark(b, a), style));
                }
            }
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// The most noticed words first, as many as fit, each with its change from the days
/// compared (said once, under the heading).
fn sensations(room: &Room, shown: &Shown, rows: usize) -> Vec<Line<'static>> {
    let theme = room.theme;
    let rep = &shown.report;
    let against = rep
        .compared
        .as_ref()
        .filter(|_| rep.change_from_previous.is_some())
        .map(|c| w::against(c.partial, unit(shown)));
    let heads = 1 + usize::from(against.is_some());
    if rep.trends.sensations.is_empty() || rows <= heads {
        return Vec::new();
    }
    let mut words: Vec<(&String, &usize)> = rep.trends.sensations.iter().collect();
    words.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    words.truncate(rows - heads);
    let change = |word: &String| {
        rep.change_from_previous
            .as_ref()
            .and_then(|c| c.sensations.get(word))
            .copied()
            .unwrap_or(0)
    };
    let mut lines = vec![Line::styled(w::SENSATIONS_HEAD, theme.quiet())];
    if let Some(against) = against {
        lines.push(Line::styled(against, theme.quiet()));
    }
    for (word, count) in words {
        let head = format!("{} {count}", crate::copy::safe::line(word));
        let mut spans = vec![TextSpan::styled(head, theme.text())];
        if against.is_some()
            && let Some(said) = w::sensation_change(change(word))
        {
            spans.push(TextSpan::styled(format!(" · {said}"), theme.quiet()));
        }
        lines.push(Line::from(spans));
    }
    lines
}
