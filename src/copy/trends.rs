//! The trends in words: the summary sentences the command line prints, the weekly
//! review repeats and the trends screen shows beside its charts (heart figures too, each
//! with its meaning), and the one way every figure is written, so all of them say the
//! same thing the same way.

use crate::domain::trends::round::round1;
use crate::domain::trends::{MIN_SESSIONS_TO_SAY, Practice, Trends};
use crate::service::trends::{Compared, Report, Span};
use chrono::NaiveDate;

/// A figure as every output writes it: rounded once (one decimal, half away from zero),
/// "6" for a whole number, "5.5" otherwise.
pub fn figure(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

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
    /// Which days the changes are against.
    Compared,
    Scales,
    Sensations,
    Run,
    /// A heart figure and what it means (only when the range holds heart readings).
    Heart,
}

/// The summary sentences, each with what it is about, in reading order.
pub fn said(rep: &Report, span: Span) -> Vec<(Said, String)> {
    let t = &rep.trends;
    let mut lines = vec![(Said::Heading, heading(t, span))];
    if t.sessions == 0 && t.checkins == 0 && t.heart.is_none() {
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
    lines.extend(distress_line(t).map(|l| (Said::Distress, l)));
    if let Some(p) = t.most_helpful.as_ref().and_then(|id| t.by_practice.get(id))
        && let Some(c) = p.mean_change
    {
        lines.push((
            Said::Helpful,
            format!(
                "What seems to help you most: {} ({} lower on average, {} rated).",
                p.name,
                figure(-c),
                plural(p.rated, "session")
            ),
        ));
    }
    lines.extend(scale_line(t).map(|l| (Said::Scales, l)));
    lines.extend(compared_line(rep, span).map(|l| (Said::Compared, l)));
    lines.extend(sensation_line(rep).map(|l| (Said::Sensations, l)));
    if let Some(run) = t.longest_run.filter(|r| *r >= 2) {
        lines.push((Said::Run, format!("Your longest run: {run} days in a row.")));
    }
    lines.extend(
        super::trends_heart::heart_lines(rep, span)
            .into_iter()
            .map(|l| (Said::Heart, l)),
    );
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
                "{} {} ({}-{})",
                s.label().to_lowercase(),
                figure(st.mean?),
                st.min?,
                st.max?
            ))
        })
        .collect();
    Some(format!("{}: {}.", plural(t.checkins, "check-in"), parts.join(", ")))
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

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Whole minutes, or hours once there are two or more of them.
pub fn minutes(m: f64) -> String {
    if m >= 119.5 {
        return format!("{} hours", figure(m / 60.0));
    }
    match m.round() as u64 {
        0 => "under a minute".into(),
        1 => "1 minute".into(),
        n => format!("{n} minutes"),
    }
}

/// The mean change per session, said for what it is, with its count; too few to say
/// below `MIN_SESSIONS_TO_SAY`.
fn distress_line(t: &Trends) -> Option<String> {
    let c = t.distress_change_mean?;
    let n = plural(t.rated_sessions, "session");
    if t.rated_sessions < MIN_SESSIONS_TO_SAY {
        return Some(format!(
            "Distress before and after practice: {n} rated both, too few to say yet."
        ));
    }
    let said = match round1(c) {
        c if c < 0.0 => format!("{} lower after practice", figure(-c)),
        c if c > 0.0 => format!("{} higher after practice", figure(c)),
        _ => "about the same after practice".to_string(),
    };
    let gentle = if round1(c) > 0.0 {
        " That happens; gentler practices may suit you better for now."
    } else {
        ""
    };
    Some(format!(
        "Mean change per session, over {n} rated before and after: distress {said}.{gentle}"
    ))
}

/// Which days the changes in brackets are against.
fn compared_line(rep: &Report, span: Span) -> Option<String> {
    let c = rep.compared.as_ref()?;
    rep.change_from_previous.as_ref()?;
    Some(format!("Changes are against {}.", compared_days(c, span)))
}

/// "Mon 16 Nov to Wed 18 Nov, the same days of the week before" or "Mon 16 Nov to Sun 22
/// Nov, the week before".
pub fn compared_days(c: &Compared, span: Span) -> String {
    let d = |x: NaiveDate| x.format("%a %-d %b").to_string();
    let days = format!("{} to {}", d(c.previous_from), d(c.previous_to));
    let before = match span {
        Span::Month(_) => "the month before",
        _ => "the week before",
    };
    if c.partial {
        format!("{days}, the same days of {before}")
    } else {
        format!("{days}, {before}")
    }
}

/// The change between two shown figures: "▼2" lower, "▲0.5" higher, "=" the same.
pub fn change_mark(before: f64, after: f64) -> String {
    let d = crate::domain::trends::round::shown_change(before, after);
    match d {
        d if d < 0.0 => format!("▼{}", figure(-d)),
        d if d > 0.0 => format!("▲{}", figure(d)),
        _ => "=".to_string(),
    }
}

/// One practice's row: its name, sessions, rated sessions and mean change in words.
pub struct PracticeRow {
    pub name: String,
    pub sessions: usize,
    pub rated: usize,
    /// "1.7 lower", "0.5 higher", "the same", or "too few to say".
    pub change: String,
}

/// Every practice of the range, most sessions first, then by name.
pub fn practice_rows(t: &Trends) -> Vec<PracticeRow> {
    let mut all: Vec<&Practice> = t.by_practice.values().collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    all.into_iter()
        .map(|p| PracticeRow {
            name: p.name.clone(),
            sessions: p.count,
            rated: p.rated,
            change: change_words(p),
        })
        .collect()
}

fn change_words(p: &Practice) -> String {
    match p.mean_change.map(round1) {
        None => "not rated".to_string(),
        Some(_) if p.rated < MIN_SESSIONS_TO_SAY => "too few to say".to_string(),
        Some(c) if c < 0.0 => format!("{} lower", figure(-c)),
        Some(c) if c > 0.0 => format!("{} higher", figure(c)),
        Some(_) => "the same".to_string(),
    }
}

/// "Touch and weight: 4 sessions, 3 rated, 1.7 lower": one line of the text output.
pub fn practice_line(row: &PracticeRow) -> String {
    format!(
        "{}: {}, {} rated, {}",
        row.name,
        plural(row.sessions, "session"),
        row.rated,
        row.change
    )
}

/// The heading over the practice lines.
pub const BY_PRACTICE: &str = "Each practice, with the mean change in distress per rated session:";

/// "this week", "this month", "in all": where a count was made.
pub(super) fn within(span: Span) -> &'static str {
    match span {
        Span::Week(_) => "this week",
        Span::Month(_) => "this month",
        Span::All => "in all",
    }
}
