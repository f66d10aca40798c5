//! The home screen: today at a glance, the actions with their keys, and any notice.

use crate::copy::screens as s;
use crate::tui::app::{App, Notice};
use crate::tui::keymap::Context;
use crate::tui::ui::wrap;
use crate::tui::ui::{roomy, title};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL_WIDTH: usize = 11;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let roomy = roomy(area);
    let pad = if roomy { "   " } else { " " };
    let mut lines = vec![title(theme, (!roomy).then_some(s::TODAY))];
    if roomy {
        lines.push(Line::default());
        lines.push(Line::from(vec![Span::raw(pad), Span::styled(s::TODAY, theme.title())]));
    }
    let t = &app.today;
    let facts = [
        (s::CHECKINS, s::checkins_today(t.checkins_today, t.latest_distress)),
        (s::PRACTICE, s::practice_today(t.practice_minutes_today(), t.sessions_today)),
        (s::THIS_WEEK, s::days_this_week(t.days_practised_this_week)),
    ];
    let inner = if roomy {
        format!("{pad}  ")
    } else {
        pad.to_string()
    };
    if let Some(sealed) = app.sealed {
        let width = area.width.saturating_sub(inner.len() as u16 + 1);
        for line in wrap(sealed, width, 0) {
            lines.push(Line::styled(format!("{inner}{line}"), theme.quiet()));
        }
    }
    for (label, value) in facts.into_iter().filter(|_| app.sealed.is_none()) {
        lines.push(Line::from(vec![
            Span::raw(inner.clone()),
            Span::styled(format!("{label:<LABEL_WIDTH$}"), theme.quiet()),
            Span::styled(value, theme.text()),
        ]));
    }
    let gap = lines.len();
    lines.push(Line::default());
    lines.extend(key_lines(app, pad, roomy, area.width));
    let shown = notices(app);
    if roomy && !shown.is_empty() {
        lines.push(Line::default());
    }
    let width = area.width.saturating_sub(2 * pad.len() as u16);
    for (text, style) in shown {
        for line in wrap(&text, width, 0) {
            lines.push(Line::from(vec![Span::raw(pad), Span::styled(line, style)]));
        }
    }
    // Short of room, the blank line above the keys goes before any words do.
    if lines.len() > usize::from(area.height) {
        lines.remove(gap);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The actions with their keys: one a line, or as many a line as fit in a small window.
fn key_lines(app: &App, pad: &'static str, roomy: bool, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme;
    let hints = app.keymap.hints(Context::Home);
    let key_width = hints
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let key_width = key_width.max(2);
    let what_width = hints
        .iter()
        .map(|(_, w)| w.chars().count())
        .max()
        .unwrap_or(0);
    let column = key_width + 1 + what_width + 2;
    let fits = |n: usize| pad.len() + n * column - 2 <= usize::from(width);
    let per_line = match roomy {
        true => 1,
        false => [3, 2].into_iter().find(|n| fits(*n)).unwrap_or(1),
    };
    hints
        .chunks(per_line)
        .map(|row| {
            let mut spans = vec![Span::raw(pad)];
            for (i, (keys, what)) in row.iter().enumerate() {
                let what = if i + 1 < row.len() {
                    format!("{what:<w$}", w = what_width + 2)
                } else {
                    what.to_string()
                };
                spans.push(Span::styled(format!("{keys:<key_width$} "), theme.key()));
                spans.push(Span::styled(what, theme.text()));
            }
            Line::from(spans)
        })
        .collect()
}

/// What to say under the actions, the most needed first: where help is and a gentle
/// offer of grounding after a hard moment, then thanks, then anything about the files.
fn notices(app: &App) -> Vec<(String, Style)> {
    let theme = app.theme;
    let hard = |n: &&Notice| matches!(n, Notice::HelpIsNear | Notice::HigherAfter);
    let mut shown: Vec<(String, Style)> = Vec::new();
    shown.extend(app.notices.iter().filter(hard).map(|n| notice_text(app, n)));
    if !shown.is_empty() {
        shown.push((app.say(crate::copy::ground::HOME_OFFER), theme.notice()));
    }
    let rest = app.notices.iter().filter(|n| !hard(n));
    shown.extend(rest.map(|n| notice_text(app, n)));
    // A state, not a passing message: it stays while the files are still unreadable.
    // Sealed files are said once, as sealed, above: not again as unreadable.
    let unreadable = app.today.unreadable_files && app.sealed.is_none();
    if unreadable && !app.notices.contains(&Notice::UnreadableFiles) {
        shown.push(notice_text(app, &Notice::UnreadableFiles));
    }
    shown
}

fn notice_text(app: &App, notice: &Notice) -> (String, Style) {
    let theme = app.theme;
    match notice {
        Notice::Thanks => (s::THANKS.to_string(), theme.notice()),
        Notice::HelpIsNear => (app.say(s::HIGH_DISTRESS), theme.notice()),
        Notice::RefreshFailed(why) => (s::refresh_failed(why), theme.attention()),
        Notice::UnreadableFiles => (s::UNREADABLE.to_string(), theme.attention()),
        Notice::Practised => (s::PRACTISED.to_string(), theme.notice()),
        Notice::LetGo => (crate::copy::summary::LET_GO.to_string(), theme.quiet()),
        Notice::HigherAfter => (app.say(s::HIGHER_AFTER), theme.notice()),
        Notice::Settings => (s::SETTINGS_PROBLEM.to_string(), theme.notice()),
        Notice::KeptBeside(file) => (s::kept_beside(file), theme.notice()),
        Notice::BeatsNotKept(why) => (crate::copy::heart::beats_not_kept(why), theme.notice()),
    }
}
