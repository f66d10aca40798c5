//! The heart rows under the pacer: the rate and swing with a short trace of the last beats
//! that rises and falls with the breath, and one plain line under them. Worked out from
//! the screen's state at the app's latest reading; nothing changes here.

use super::heart::{HeartSide, Shown, Status, TRACE_SECONDS};
use crate::copy::heart_screen as say;
use crate::tui::app::App;
use ratatui::text::{Line, Span};

/// The trace's steps, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// A trace spans at least this many beats a minute, so a steady heart draws a calm line,
/// not its smallest wobbles blown up to full height.
const LEAST_SPAN: f64 = 6.0;
/// The most beats the trace shows, one a cell.
const TRACE_CELLS: usize = 24;

/// The numbers (and trace) for a row `width` wide, and the plain line under them when
/// there is a row for it (empty while there is nothing to say), each centred.
pub fn lines(
    app: &App,
    side: &HeartSide,
    width: u16,
    with_about: bool,
) -> (Line<'static>, Option<Line<'static>>) {
    let theme = app.theme;
    let status = side.status(app.mono);
    let narrow = !with_about;
    let warning = match &status {
        Some(Status::Quiet) => Some(say::QUIET_SHORT),
        Some(Status::Ended(..)) => Some(say::ENDED_SHORT),
        _ => None,
    };
    let numbers = match warning.filter(|_| narrow) {
        Some(text) => Line::styled(text, theme.notice()),
        // A stopped source leaves its last numbers, but no trace as if it were live.
        None => numbers_and_trace(app, side, width, narrow, warning.is_none()),
    };
    let about = with_about.then(|| match status {
        None => Line::default(),
        Some(status) => {
            let (text, style) = match status {
                Status::InStep => (say::IN_STEP.to_string(), theme.quiet()),
                Status::Quiet => (say::QUIET.to_string(), theme.notice()),
                Status::Ended(at, why) => {
                    let at = crate::copy::screens::clock(at);
                    (say::ended(&at, why.as_deref()), theme.notice())
                }
                Status::Bad(n) => (say::bad_line(n), theme.notice()),
            };
            Line::styled(text, style).centered()
        }
    });
    (numbers.centered(), about)
}

fn numbers_and_trace(
    app: &App,
    side: &HeartSide,
    width: u16,
    narrow: bool,
    live: bool,
) -> Line<'static> {
    let theme = app.theme;
    let rates = side.trace(TRACE_SECONDS);
    let words = match (side.shown(), narrow) {
        // The numbers come at a breath's end; until then, say the beats are arriving.
        (Shown::Waiting, _) if !rates.is_empty() => say::ARRIVING.to_string(),
        (Shown::Waiting, _) => say::WAITING.to_string(),
        (Shown::Rate(bpm), false) => say::numbers(bpm, None),
        (Shown::Rate(bpm), true) => say::numbers_short(bpm, None),
        (Shown::Reading(r), false) => say::numbers(r.bpm, Some(r.swing)),
        (Shown::Reading(r), true) => say::numbers_short(r.bpm, Some(r.swing)),
    };
    let room = usize::from(width).saturating_sub(words.chars().count() + 2);
    let mut spans = vec![Span::styled(words, theme.quiet())];
    // With reduced motion the numbers stay (they change once a breath); the trace goes.
    if live && !app.reduced_motion && room >= 4 {
        let trace = bars(&rates, room.min(TRACE_CELLS));
        if !trace.is_empty() {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(trace, theme.pacer(false)));
        }
    }
    Line::from(spans)
}

/// The last `cells` heart rates as bars from the lowest to the highest of them.
pub fn bars(rates: &[f64], cells: usize) -> String {
    let shown = &rates[rates.len().saturating_sub(cells)..];
    let (low, high) = shown
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), r| (l.min(*r), h.max(*r)));
    let span = (high - low).max(LEAST_SPAN);
    let mid = (high + low) / 2.0;
    let last = (BARS.len() - 1) as f64;
    shown
        .iter()
        .map(|r| {
            let share = ((r - mid) / span + 0.5).clamp(0.0, 1.0);
            BARS[(share * last).round() as usize]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_rise_and_fall_with_the_rate_and_a_steady_heart_draws_a_calm_line() {
        let rates = [60.0, 63.0, 66.0, 69.0, 66.0, 63.0, 60.0];
        assert_eq!(bars(&rates, 24), "▁▃▆█▆▃▁");
        assert_eq!(bars(&rates, 3), "█▅▁", "the latest beats, on the right, scaled anew");
        assert_eq!(bars(&[60.0, 60.5, 60.0], 24), "▄▅▄");
        assert_eq!(bars(&[], 24), "");
    }
}
