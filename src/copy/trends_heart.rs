//! The trends' heart figures in words: resting and practice figures with what each means,
//! their change against the days before, and the trends screen's heart block. Norms are
//! context, never a verdict.

use super::trends::{compared_days, figure, plural, within};
use crate::domain::trends::Trends;
use crate::domain::trends::round::round1;
use crate::service::trends::{Report, Span};

/// The heart figures, each with what it means; none when the range holds no reading.
/// Norms are context, never a verdict.
pub(super) fn heart_lines(rep: &Report, span: Span) -> Vec<String> {
    let Some(h) = &rep.trends.heart else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(r) = &h.rest {
        let n = plural(r.readings, "resting reading");
        lines.push(format!(
            "Resting RMSSD {} ms, the mean of {n} {}: the beat-to-beat variation that rises \
             as the body settles. Many adults read about 42 ± 15 ms at rest (Nunan 2010); it \
             varies with age and fitness, so your own readings are the ones to compare with.",
            figure(r.rmssd_ms_mean),
            within(span)
        ));
        lines.push(format!(
            "Resting heart rate {} a minute, from the same {n}: the average pace of your \
             heart sitting quietly.",
            figure(r.mean_hr_mean)
        ));
    }
    if let Some(s) = &h.swing {
        lines.push(format!(
            "Swing {} beats a minute, the mean over {} with a heart reading: how far your heart \
             rate rose and fell within each breath.",
            figure(s.swing_bpm_mean),
            plural(s.practices, "breathing practice")
        ));
        lines.extend(swing_distress(s).map(|d| format!("Distress around those practices: {d}.")));
    }
    lines.extend(heart_change_line(rep, span));
    lines
}

/// "5.5 → 3, over the 4 rated before and after"; None when none was rated.
fn swing_distress(s: &crate::domain::trends::heart::Swing) -> Option<String> {
    let (b, a) = s.distress_before_mean.zip(s.distress_after_mean)?;
    Some(format!(
        "{} → {}, over the {} rated before and after",
        figure(b),
        figure(a),
        s.rated
    ))
}

/// "4.5 ms higher", "2 a minute lower", "about the same": a heart figure's change.
fn heart_change(d: f64, unit: &str) -> String {
    match round1(d) {
        d if d > 0.0 => format!("{} {unit} higher", figure(d)),
        d if d < 0.0 => format!("{} {unit} lower", figure(-d)),
        _ => "about the same".to_string(),
    }
}

/// The heart figures against the same days before, with how many readings they had then.
fn heart_change_line(rep: &Report, span: Span) -> Option<String> {
    let c = rep.compared.as_ref()?;
    let hc = rep.change_from_previous.as_ref()?.heart.as_ref()?;
    let h = rep.trends.heart.as_ref()?;
    let mut parts = Vec::new();
    if let (Some(r), Some(rm), Some(hr)) = (&h.rest, hc.rest_rmssd_ms, hc.rest_mean_hr) {
        let then = usize::try_from(r.readings as i64 - hc.rest_readings).unwrap_or(0);
        parts.push(format!(
            "resting RMSSD {}, resting heart rate {} (from {} then)",
            heart_change(rm, "ms"),
            heart_change(hr, "a minute"),
            plural(then, "resting reading")
        ));
    }
    if let (Some(s), Some(sw)) = (&h.swing, hc.swing_bpm) {
        let then = usize::try_from(s.practices as i64 - hc.swing_practices).unwrap_or(0);
        parts.push(format!(
            "swing {} (from {} then)",
            heart_change(sw, "a minute"),
            plural(then, "practice")
        ));
    }
    if parts.is_empty() {
        return None;
    }
    Some(format!("Against {}: {}.", compared_days(c, span), parts.join("; ")))
}

/// The trends screen's heart block, line by line, each a long and a short form (the
/// short one for a narrow column): a heading, then resting and practice figures.
pub fn heart_block(t: &Trends) -> Vec<(bool, [String; 2])> {
    let Some(h) = &t.heart else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(r) = &h.rest {
        let n = plural(r.readings, "reading");
        lines.push((true, [format!("Heart at rest · {n}"), format!("At rest · {n}")]));
        let (rm, hr) = (figure(r.rmssd_ms_mean), figure(r.mean_hr_mean));
        lines.push((
            false,
            [
                format!("RMSSD {rm} ms · {hr} a minute"),
                format!("RMSSD {rm} · {hr} a min"),
            ],
        ));
    }
    if let Some(s) = &h.swing {
        let n = plural(s.practices, "practice");
        let heads = [
            format!("Heart in practice · {n}"),
            format!("Heart in practice · {}", s.practices),
        ];
        lines.push((true, heads));
        let sw = figure(s.swing_bpm_mean);
        let lines_of = |d: String| [format!("swing {sw} a minute{d}"), format!("swing {sw}{d}")];
        let d = s
            .distress_before_mean
            .zip(s.distress_after_mean)
            .map(|(b, a)| format!(" · distress {} → {}", figure(b), figure(a)));
        lines.push((false, lines_of(d.unwrap_or_default())));
    }
    lines
}

/// The heart figures in short sentences, for a trends screen with no side column.
pub fn heart_brief(t: &Trends) -> Vec<String> {
    let Some(h) = &t.heart else {
        return Vec::new();
    };
    let rest = h.rest.as_ref().map(|r| {
        format!(
            "Heart at rest: RMSSD {} ms, {} a minute, {}.",
            figure(r.rmssd_ms_mean),
            figure(r.mean_hr_mean),
            plural(r.readings, "reading")
        )
    });
    let swing = h.swing.as_ref().map(|s| {
        let d = s
            .distress_before_mean
            .zip(s.distress_after_mean)
            .map(|(b, a)| {
                format!(", distress {} → {} over {} rated", figure(b), figure(a), s.rated)
            });
        format!(
            "In practice: swing {} a minute over {}{}.",
            figure(s.swing_bpm_mean),
            plural(s.practices, "practice"),
            d.unwrap_or_default()
        )
    });
    rest.into_iter().chain(swing).collect()
}
