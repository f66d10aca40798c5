//! The trends screen: the plain-language summary at the top, then practice minutes as
//! bars with distress before and after and the check-in scales as sparklines lined up
//! under them, and (when wide) the distress numbers and sensations beside. In a small
//! window, the summary and the minutes only. The last good picture stays while the next
//! one loads.

use crate::copy::trends::{Said, said};
use crate::copy::trends_heart::heart_brief;
use crate::service::trends::Span;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::trends::columns::{self, SCALES};
use crate::tui::trends::words as w;
use crate::tui::trends::{Shown, TrendsView, Unit};
use crate::tui::ui::wrap;
use crate::tui::ui::{roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

/// The narrowest window with a side panel beside a week's charts, and the width the
/// week's charts keep for themselves: names, seven bars of three, and the means.
const SIDE_FROM: u16 = 76;
pub(super) const WEEK_CHARTS: u16 = super::view_charts::LABEL + 27 + super::view_charts::VALUE;
/// Bars need at least this many rows to say anything.
const MIN_BARS: u16 = 3;
const MAX_BARS: u16 = 8;

pub fn render(app: &App, view: &TrendsView, frame: &mut Frame, area: Rect) {
    let body = with_footer(app, frame, area);
    let week = matches!(view.shown.as_ref().map(|s| s.span), Some(Span::Week(_)));
    let room = Room::new(app.theme, body, week);
    let mut top = vec![title_line(app.theme, view, body.width)];
    if let Some(typed) = &view.jump {
        top.extend(jump_lines(&room, typed, view.jump_problem));
    } else if room.roomy {
        top.push(Line::default());
    }
    if let Some(why) = &view.failed {
        top.extend(room.para(&w::load_failed(why), app.theme.attention()));
    }
    if let Some(sealed) = app.sealed.filter(|_| view.failed.is_none()) {
        top.extend(room.para(sealed, app.theme.quiet()));
        return frame.render_widget(Paragraph::new(top), body);
    }
    let Some(shown) = &view.shown else {
        if view.failed.is_none() {
            top.extend(room.para(w::LOADING, app.theme.quiet()));
        }
        frame.render_widget(Paragraph::new(top), body);
        return;
    };
    let t = &shown.report.trends;
    if t.sessions == 0 && t.checkins == 0 {
        top.extend(empty(&room, shown));
        frame.render_widget(Paragraph::new(top), body);
        return;
    }
    let rest = body.height.saturating_sub(top.len() as u16);
    let plan = Plan::new(&room, shown, rest);
    top.extend(summary(&room, shown, &plan));
    let used = top.len() as u16;
    frame.render_widget(Paragraph::new(top), body);
    let below = Rect {
        y: body.y + used + u16::from(room.roomy),
        height: body.height.saturating_sub(used + u16::from(room.roomy)),
        ..body
    };
    super::view_charts::draw(frame, &room, shown, &plan, below);
}

/// " attune · Trends · Week of … to …", shorter when narrow, noting a load under way.
fn title_line(theme: Theme, view: &TrendsView, width: u16) -> Line<'static> {
    let mut line = title(theme, Some(w::TITLE));
    let (span, from, to) = match &view.shown {
        Some(s) => (s.span, s.report.trends.from, s.report.trends.to),
        None => {
            let (from, to) =
                crate::tui::trends::range(view.span, view.today, view.opts.first_weekday);
            (view.span, from, to)
        }
    };
    let long = match (&view.shown, span) {
        (Some(s), _) => said(&s.report, s.span).swap_remove(0).1,
        (None, _) => w::short_range(span, from, to),
    };
    let short = w::short_range(span, from, to);
    let loading = if view.loading { w::STILL_LOADING } else { "" };
    let room = usize::from(width).saturating_sub(line.width() + 3);
    let needs = |text: &str| {
        text.chars().count()
            + if view.loading {
                loading.chars().count() + 3
            } else {
                0
            }
    };
    // While loading in a narrow window, saying so matters more than the range.
    let range = [long, short].into_iter().find(|r| needs(r) <= room);
    if let Some(range) = &range {
        line.push_span(TextSpan::styled(" · ", theme.quiet()));
        line.push_span(TextSpan::styled(range.clone(), theme.text()));
    }
    if view.loading {
        line.push_span(TextSpan::styled(format!(" · {loading}"), theme.quiet()));
    } else if range.is_none() {
        line.push_span(TextSpan::styled(" · ", theme.quiet()));
        line.push_span(TextSpan::styled(w::short_range(span, from, to), theme.text()));
    }
    line
}

/// The date being typed after `g`, with what to type or why it cannot be used.
fn jump_lines(room: &Room, typed: &str, problem: Option<&str>) -> Vec<Line<'static>> {
    let pad = " ".repeat(room.pad.into());
    let theme = room.theme;
    let mut lines = vec![Line::from(vec![
        TextSpan::raw(pad),
        TextSpan::styled(w::GO_TO, theme.quiet()),
        TextSpan::styled(format!("{typed}▏"), theme.text()),
    ])];
    // What to type, until something typed cannot be used: then why, in its place.
    match problem {
        Some(problem) => lines.extend(room.para(problem, theme.attention())),
        None => lines.extend(room.para(w::GO_TO_HOW, theme.quiet())),
    }
    lines
}

/// Indentation and width for the screen's lines.
pub(super) struct Room {
    pub theme: Theme,
    pub roomy: bool,
    pub pad: u16,
    pub width: u16,
    /// A week, wide enough for the side panel.
    pub side: bool,
}

impl Room {
    fn new(theme: Theme, body: Rect, week: bool) -> Room {
        let roomy = roomy(body);
        let pad = if roomy { 2 } else { 1 };
        Room {
            theme,
            roomy,
            pad,
            width: body.width.saturating_sub(2 * pad),
            side: roomy && week && body.width >= SIDE_FROM,
        }
    }

    /// Text wrapped to the page, each line indented.
    pub fn para(&self, text: &str, style: Style) -> Vec<Line<'static>> {
        let pad = " ".repeat(self.pad.into());
        wrap(text, self.width, 0)
            .into_iter()
            .map(|l| Line::from(vec![TextSpan::raw(pad.clone()), TextSpan::styled(l, style)]))
            .collect()
    }
}

/// Nothing recorded in the range: the kind line, and where to look instead.
fn empty(room: &Room, shown: &Shown) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (kind, text) in said(&shown.report, shown.span) {
        if kind == Said::Nothing {
            lines.extend(room.para(&text, room.theme.text()));
        }
    }
    // Heart readings alone, with no practice or check-in to chart.
    for heart in heart_brief(&shown.report.trends) {
        lines.extend(room.para(&heart, room.theme.text()));
    }
    if matches!(shown.span, Span::Week(_)) {
        lines.extend(room.para(w::EARLIER, room.theme.quiet()));
    }
    lines
}

/// Where everything goes: the rows the summary may take and what the charts show.
pub(super) struct Plan {
    summary_rows: u16,
    pub(super) bars: u16,
    /// Rows of sparklines under the bars: distress before and after, then the scales.
    pub(super) sparks: Vec<Row>,
    /// Rows for the table of practices under the sparklines (a blank, the heading and a
    /// row a practice), or 0.
    pub(super) table: u16,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Row {
    Before,
    After,
    Scale(usize),
    /// Each day's lowest and highest check-in distress, under the distress line.
    Range,
}

impl Plan {
    fn new(room: &Room, shown: &Shown, rows: u16) -> Plan {
        let mut sparks = spark_rows(room, shown);
        let mut table = if room.roomy {
            let n = shown.report.trends.by_practice.len() as u16;
            if n > 0 { n + 2 } else { 0 }
        } else {
            0
        };
        // The axis; when roomy, a blank row under the summary and a legend over sparklines.
        let fixed = |sparks: &[Row], table: u16| {
            let gaps = u16::from(room.roomy) * (1 + u16::from(!sparks.is_empty()));
            1 + gaps + sparks.len() as u16 + table
        };
        let first = first_sentence_rows(room, shown);
        // Bars and the first sentence stay; then sparklines; the table gives way first.
        while fixed(&sparks, table) + MIN_BARS + first > rows {
            if table > 3 {
                table -= 1;
            } else if table > 0 {
                table = 0;
            } else if sparks.pop().is_none() {
                break;
            }
        }
        let wanted = summary_rows(room, shown);
        let summary_rows = wanted.min(rows.saturating_sub(fixed(&sparks, table) + MIN_BARS));
        let bars = rows
            .saturating_sub(summary_rows + fixed(&sparks, table))
            .min(MAX_BARS);
        Plan {
            summary_rows,
            bars,
            sparks,
            table,
        }
    }
}

/// The sparkline rows a roomy window offers, most important first.
fn spark_rows(room: &Room, shown: &Shown) -> Vec<Row> {
    let t = &shown.report.trends;
    let mut sparks = Vec::new();
    if !room.roomy {
        return sparks;
    }
    if !room.side && shown.span != Span::All && t.rated_sessions > 0 {
        sparks.extend([Row::Before, Row::After]);
    }
    let width = if room.side { WEEK_CHARTS } else { room.width };
    let layout = super::view_charts::chart_layout(shown, width, room.roomy);
    for (i, scale) in SCALES.iter().enumerate() {
        if columns::scale_mean(t, *scale).is_none() {
            continue;
        }
        sparks.push(Row::Scale(i));
        if i == 0
            && layout
                .as_ref()
                .is_some_and(super::view_charts::has_range_room)
        {
            sparks.push(Row::Range);
        }
    }
    sparks
}

/// The summary sentences this layout shows: what the charts and the table do not
/// already say; the heart figures in brief, after distress, when no side column shows them.
fn sentences(room: &Room, shown: &Shown) -> Vec<String> {
    let mut lines: Vec<(Said, String)> = said(&shown.report, shown.span)
        .into_iter()
        .filter(|(kind, _)| match kind {
            Said::Heading | Said::Scales | Said::Heart => false,
            Said::Helpful => !room.roomy,
            Said::Sensations | Said::Compared => !room.side,
            Said::Run => room.roomy,
            _ => true,
        })
        .collect();
    if !room.side {
        let at = lines
            .iter()
            .rposition(|(k, _)| matches!(k, Said::Practice | Said::Distress))
            .map_or(0, |i| i + 1);
        let heart = heart_brief(&shown.report.trends);
        lines.splice(at..at, heart.into_iter().map(|l| (Said::Heart, l)));
    }
    // Names and words come from synced files: shown, never acted on.
    lines
        .into_iter()
        .map(|(_, text)| crate::copy::safe::line(&text).into_owned())
        .collect()
}

fn first_sentence_rows(room: &Room, shown: &Shown) -> u16 {
    sentences(room, shown)
        .first()
        .map_or(0, |s| wrap(s, room.width, 0).len() as u16)
}

fn summary_rows(room: &Room, shown: &Shown) -> u16 {
    sentences(room, shown)
        .iter()
        .map(|s| wrap(s, room.width, 0).len() as u16)
        .sum()
}

/// Whole sentences, in order, as many as fit; one that does not fit makes way for the
/// shorter ones after it.
fn summary(room: &Room, shown: &Shown, plan: &Plan) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for text in sentences(room, shown) {
        let para = room.para(&text, room.theme.text());
        if lines.len() + para.len() <= usize::from(plan.summary_rows) {
            lines.extend(para);
        }
    }
    lines
}

/// The unit a shown range is in.
pub(super) fn unit(shown: &Shown) -> Unit {
    match shown.span {
        Span::Week(_) => Unit::Week,
        Span::Month(_) => Unit::Month,
        Span::All => Unit::All,
    }
}
