//! The weekly review in Markdown (`attune export --format markdown`): the summary, a
//! table per day, the sensations, and, only when asked, that week's journal entries.

use crate::copy::safe::line;
use crate::copy::trends::{change_mark, compared_days, figure, practice_rows, sentences};
use crate::domain::checkin::Scale;
use crate::service::trends::{Report, Span};
use crate::store::model::{Body, Record};
use std::fmt::Write as _;

fn num(v: Option<f64>) -> String {
    v.map_or("–".into(), figure)
}

/// A table cell of foreign text: safe to show, and no `|` to break the table.
fn cell(text: &str) -> String {
    line(text).replace('|', "\\|")
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
    for said in sentences(rep, span).iter().skip(1) {
        let _ = writeln!(md, "- {}", line(said));
    }
    practices(&mut md, rep);
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
            // Whole minutes as every output rounds them (half away from zero).
            n => format!("{} min ({n})", d.practice_minutes.round()),
        };
        let distress = match (d.distress_before_mean, d.distress_after_mean) {
            (None, None) => "–".to_string(),
            (Some(b), Some(a)) => {
                format!("{} → {} ({})", num(Some(b)), num(Some(a)), change_mark(b, a))
            }
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
    sensations(&mut md, rep, span);
    if let Some(entries) = journal {
        journal_section(&mut md, entries);
    }
    md
}

/// Every practice's effect, as the trends screen and `attune trends` show it.
fn practices(md: &mut String, rep: &Report) {
    let rows = practice_rows(&rep.trends);
    if rows.is_empty() {
        return;
    }
    md.push_str("\n## Each practice\n\n| Practice | Sessions | Rated before and after | Mean change in distress |\n|---|---|---|---|\n");
    for r in rows {
        let _ = writeln!(md, "| {} | {} | {} | {} |", cell(&r.name), r.sessions, r.rated, r.change);
    }
}

fn sensations(md: &mut String, rep: &Report, span: Span) {
    md.push_str("\n## Sensations\n\n");
    if rep.trends.sensations.is_empty() {
        md.push_str("None named this week.\n");
        return;
    }
    let against = rep
        .compared
        .as_ref()
        .filter(|_| rep.change_from_previous.is_some());
    if let Some(c) = against {
        let _ = writeln!(md, "Against {}.\n", compared_days(c, span));
    }
    let change = |w: &str| {
        rep.change_from_previous
            .as_ref()
            .and_then(|c| c.sensations.get(w))
            .copied()
            .unwrap_or(0)
    };
    for (w, n) in &rep.trends.sensations {
        let note = match (against, change(w)) {
            (None, _) => String::new(),
            (Some(_), 0) => " (the same)".to_string(),
            (Some(_), c) if c > 0 => format!(" ({c} more)"),
            (Some(_), c) => format!(" ({} fewer)", -c),
        };
        let _ = writeln!(md, "- {}: {n}{note}", line(w));
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
