//! The weekly review in Markdown (`attune export --format markdown`): the summary, a
//! table per day, the sensations, and, only when asked, that week's journal entries.

use crate::copy::trends::sentences;
use crate::domain::checkin::Scale;
use crate::service::trends::{Report, Span};
use crate::store::model::{Body, Record};
use std::fmt::Write as _;

fn num(v: Option<f64>) -> String {
    v.map_or("–".into(), |x| format!("{x:.1}"))
}

/// The whole review as Markdown text.
pub fn markdown(rep: &Report, span: Span, journal: Option<&[Record]>) -> String {
    let t = &rep.trends;
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# Weekly review: {} to {}\n",
        t.from.format("%a %-d %b"),
        t.to.format("%a %-d %b %Y")
    );
    md.push_str("_Written by attune, a self-care practice companion. It is not a medical record._\n\n## Summary\n\n");
    for line in sentences(rep, span).iter().skip(1) {
        let _ = writeln!(md, "- {line}");
    }
    md.push_str("\n## Day by day\n\n| Day | Practice | Distress before → after | Check-ins |");
    for s in Scale::ALL {
        let _ = write!(md, " {} |", s.label());
    }
    md.push_str("\n|---|---|---|---|");
    md.push_str(&"---|".repeat(Scale::ALL.len()));
    md.push('\n');
    for d in &t.days {
        let practice = match d.sessions {
            0 => "–".to_string(),
            n => format!("{:.0} min ({n})", d.practice_minutes),
        };
        let distress = match (d.distress_before_mean, d.distress_after_mean) {
            (None, None) => "–".to_string(),
            (b, a) => format!("{} → {}", num(b), num(a)),
        };
        let _ = write!(
            md,
            "| {} | {practice} | {distress} | {} |",
            d.date.format("%a %-d"),
            d.checkins
        );
        for s in Scale::ALL {
            let _ = write!(md, " {} |", num(d.scales.get(s.key()).and_then(|x| x.mean)));
        }
        md.push('\n');
    }
    sensations(&mut md, rep);
    if let Some(entries) = journal {
        journal_section(&mut md, entries);
    }
    md
}

fn sensations(md: &mut String, rep: &Report) {
    md.push_str("\n## Sensations\n\n");
    if rep.trends.sensations.is_empty() {
        md.push_str("None named this week.\n");
        return;
    }
    let change = |w: &str| {
        rep.change_from_previous
            .as_ref()
            .and_then(|c| c.sensations.get(w))
            .copied()
            .unwrap_or(0)
    };
    for (w, n) in &rep.trends.sensations {
        let note = match change(w) {
            0 => "same as the week before".to_string(),
            c if c > 0 => format!("{c} more than the week before"),
            c => format!("{} fewer than the week before", -c),
        };
        let _ = writeln!(md, "- {w}: {n} ({note})");
    }
}

fn journal_section(md: &mut String, entries: &[Record]) {
    md.push_str("\n## Journal\n");
    if entries.is_empty() {
        md.push_str("\nNo entries this week.\n");
    }
    for r in entries {
        let Body::Journal(j) = &r.body else { continue };
        let _ = writeln!(md, "\n### {}\n", r.created_at.format("%a %-d %b, %H:%M"));
        if let Some(p) = &j.prompt {
            let _ = writeln!(md, "> {p}\n");
        }
        let _ = writeln!(md, "{}", j.text.trim_end());
    }
}
