//! The trends in words: the summary sentences the command line prints, the weekly
//! review repeats and the trends screen shows beside its charts, so all three say the
//! same thing the same way.

use crate::domain::trends::Trends;
use crate::service::trends::{Report, Span};
use chrono::NaiveDate;

/// The plain-language summary: what was practised, what changed, what seems to help.
pub fn sentences(rep: &Report, span: Span) -> Vec<String> {
    said(rep, span).into_iter().map(|(_, line)| line).collect()
}

/// What a summary sentence is about, so the full-screen app can leave out what its
/// charts already show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    Heading,
    /// Nothing recorded in the range: the kind line.
    Nothing,
    Practice,
    Distress,
    Helpful,
    Scales,
    Sensations,
    Run,
}

/// The summary sentences, each with what it is about, in reading order.
pub fn said(rep: &Report, span: Span) -> Vec<(Said, String)> {
    let t = &rep.trends;
    let mut lines = vec![(Said::Heading, heading(t, span))];
    if t.sessions == 0 && t.checkins == 0 {
        lines.push((
            Said::Nothing,
            "Nothing recorded here yet. Any small practice counts when you're ready.".into(),
        ));
        return lines;
    }
    if t.sessions > 0 {
        lines.push((
            Said::Practice,
            format!(
                "You practised on {}: {} in {}.",
                plural(t.days_practised, "day"),
                minutes(t.practice_minutes),
                plural(t.sessions, "session")
            ),
        ));
    }
    if let Some(c) = t.distress_change_mean {
        let n = plural(t.rated_sessions, "session");
        lines.push((Said::Distress, match c {
            c if c < -0.05 => format!("After practice, distress was {:.1} lower on average ({n} rated before and after).", -c),
            c if c > 0.05 => format!("After practice, distress was {c:.1} higher on average ({n} rated). That happens; gentler practices may suit you better for now."),
            _ => format!("After practice, distress stayed about the same on average ({n} rated)."),
        }));
    }
    if let Some(id) = &t.most_helpful
        && let Some(c) = t.by_practice.get(id).and_then(|p| p.mean_change)
    {
        lines.push((
            Said::Helpful,
            format!(
                "What seems to help you most: {id} ({:.1} lower on average).",
                -c
            ),
        ));
    }
    lines.extend(scale_line(t).map(|l| (Said::Scales, l)));
    lines.extend(sensation_line(rep).map(|l| (Said::Sensations, l)));
    if let Some(run) = t.longest_run.filter(|r| *r >= 2) {
        lines.push((Said::Run, format!("Your longest run: {run} days in a row.")));
    }
    lines
}

fn heading(t: &Trends, span: Span) -> String {
    let d = |x: NaiveDate| x.format("%a %-d %b %Y").to_string();
    match span {
        Span::Week(_) => format!("Week of {} to {}", d(t.from), d(t.to)),
        Span::Month(_) => format!("{}", t.from.format("%B %Y")),
        Span::All => format!("All time, {} to {}", d(t.from), d(t.to)),
    }
}

fn scale_line(t: &Trends) -> Option<String> {
    if t.checkins == 0 {
        return None;
    }
    let parts: Vec<String> = crate::domain::checkin::Scale::ALL
        .into_iter()
        .filter_map(|s| {
            let st = t.scales.get(s.key())?;
            Some(format!(
                "{} {:.1} ({}-{})",
                s.label().to_lowercase(),
                st.mean?,
                st.min?,
                st.max?
            ))
        })
        .collect();
    Some(format!(
        "{}: {}.",
        plural(t.checkins, "check-in"),
        parts.join(", ")
    ))
}

fn sensation_line(rep: &Report) -> Option<String> {
    let t = &rep.trends;
    if t.sensations.is_empty() {
        return None;
    }
    let mut words: Vec<(&String, &usize)> = t.sensations.iter().collect();
    words.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = words
        .iter()
        .take(6)
        .map(|(w, n)| {
            let change = rep
                .change_from_previous
                .as_ref()
                .and_then(|c| c.sensations.get(*w))
                .copied()
                .unwrap_or(0);
            match change {
                0 => format!("{w} {n}"),
                c if c < 0 => format!("{w} {n} ({} fewer)", -c),
                c => format!("{w} {n} ({c} more)"),
            }
        })
        .collect();
    Some(format!("Sensations: {}.", parts.join(", ")))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn minutes(m: f64) -> String {
    match m.round() as u64 {
        0 => "under a minute".into(),
        1 => "1 minute".into(),
        n => format!("{n} minutes"),
    }
}
