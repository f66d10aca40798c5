//! One CSV row per record (`attune export --format csv`), quoted as RFC 4180 says, for a
//! spreadsheet. A cell that a spreadsheet would run as a formula is written as text.

use crate::domain::checkin::Scale;
use crate::store::model::{Body, Record};

const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "created_at",
    "updated_at",
    "day",
    "practice",
    "practice_id",
    "planned_seconds",
    "actual_seconds",
    "completed",
    "distress_before",
    "distress_after",
    "breaths",
    "distress",
    "tension",
    "breath",
    "energy",
    "sleep",
    "pain",
    "sensations",
    "note",
    "tags",
    "text",
];

/// Quote a field when it holds a comma, a quote or a line break. A note that starts like
/// a formula (`=HYPERLINK(…)`) would run when the file is opened, so it gets a leading `'`
/// and reads as text (OWASP's rule for CSV injection).
fn field(s: &str) -> String {
    let s = match s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => format!("'{s}"),
        false => s.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A time exactly as the month files and every `--json` write it (RFC 3339, "Z" for a
/// zero offset, a fraction of a second only when there is one).
pub fn stamp(t: &crate::store::model::Stamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn row(r: &Record) -> Vec<String> {
    let mut cells = vec![String::new(); COLUMNS.len()];
    let mut set = |name: &str, value: String| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == name) {
            cells[i] = value;
        }
    };
    set("id", r.id.to_string());
    set("kind", r.kind().as_str().into());
    set("created_at", stamp(&r.created_at));
    set("updated_at", stamp(&r.updated_at));
    set("day", r.local_date().to_string());
    match &r.body {
        Body::Session(s) => {
            set("practice", s.practice.clone());
            set("practice_id", s.practice_id.clone());
            set("planned_seconds", opt(s.planned_seconds));
            set("actual_seconds", s.actual_seconds.to_string());
            set("completed", s.completed.to_string());
            set("distress_before", opt(s.distress_before));
            set("distress_after", opt(s.distress_after));
            set("breaths", opt(s.breaths));
        }
        Body::Checkin(c) => {
            for s in Scale::ALL {
                set(s.key(), opt(s.get(c)));
            }
            set("sensations", c.sensations.join("; "));
            set("note", c.note.clone().unwrap_or_default());
        }
        Body::Journal(j) => {
            set("sensations", j.sensations.join("; "));
            set("tags", j.tags.join("; "));
            set("text", j.text.clone());
        }
    }
    cells
}

/// The header line and one line per record.
pub fn csv(records: &[Record]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for r in records {
        let cells: Vec<String> = row(r).iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn awkward_text_is_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\"\nnext"), "\"say \"\"hi\"\"\nnext\"");
    }

    #[test]
    fn a_cell_that_would_run_as_a_formula_is_written_as_text() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for (cell, want) in [
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("a=b", "a=b"),
            ("2027-01-20T10:00:00+01:00", "2027-01-20T10:00:00+01:00"),
        ] {
            assert_eq!(field(cell), want, "{cell:?}");
        }
    }
}
