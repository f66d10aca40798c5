//! The grounding screens around the steps: the routine list with the chosen one's
//! preview, the rating before, and the calm closing screen with its summary, the choice
//! to keep what was typed, the rating after and the offers.

use super::view_step as ground_step;
use crate::copy::ground as g;
use crate::copy::screens as s;
use crate::domain::checkin::Scale;
use crate::tui::app::{App, HIGH_DISTRESS};
use crate::tui::breathe::Rating;
use crate::tui::ground::{Closing, Ground, Stage};
use crate::tui::ui::{Page, roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::time::Duration;

/// The routine list is no wider than this, however wide the window.
const LIST_WIDTH: u16 = 76;

pub fn render(app: &App, ground: &Ground, frame: &mut Frame, area: Rect) {
    let body = with_footer(app, frame, area);
    let page = Page::new(app.theme, roomy(area), body);
    let what = match &ground.stage {
        Stage::Steps(steps) => steps.run.routine().title.clone(),
        _ => g::TITLE.to_string(),
    };
    let mut lines = vec![title(app.theme, Some(&what))];
    page.gap(&mut lines);
    match &ground.stage {
        Stage::List => lines.extend(list(app, ground, &page, body.height)),
        Stage::Before(rating) => lines.extend(before(app, ground, rating, &page)),
        Stage::Steps(steps) => {
            return ground_step::render(app, steps, lines, &page, frame, body);
        }
        Stage::Closing(c) => lines.extend(closing(app, ground, c, &page)),
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// The routines, scrolled to keep the chosen one in view. With room, each shows its
/// preview under it; otherwise the chosen one's preview shows below the list.
fn list(app: &App, ground: &Ground, page: &Page, height: u16) -> Vec<Line<'static>> {
    let theme = page.theme;
    let mut head = Vec::new();
    if page.roomy {
        head.extend(page.para(g::LIST_ASK, theme.quiet()));
        head.push(Line::default());
    }
    let mut tail = Vec::new();
    if let Some(why) = &app.routines_problem {
        page.gap(&mut tail);
        tail.extend(page.para(&g::problem(why), theme.attention()));
    }
    let fixed = head.len() + tail.len() + 1 + usize::from(page.roomy);
    let room = usize::from(height).saturating_sub(fixed);
    let count = ground.routines.len();
    let two_lines = page.roomy && room >= 2 * count;
    if !two_lines && let Some(r) = ground.routine() {
        let mut about = Vec::new();
        page.gap(&mut about);
        about.extend(page.para(&r.preview, theme.text()));
        about.extend(page.para(&g::about(r.minutes, r.eyes), theme.quiet()));
        tail.splice(0..0, about);
    }
    let room = usize::from(height)
        .saturating_sub(fixed + tail.len())
        .max(1);
    let first = (ground.cursor + 1).saturating_sub(room);
    let width = usize::from(page.width.min(LIST_WIDTH));
    for (i, r) in ground.routines.iter().enumerate().skip(first).take(room) {
        let here = i == ground.cursor;
        let style = if here { theme.focus() } else { theme.text() };
        let marker = if here { "› " } else { "  " };
        let facts = match two_lines {
            true => g::about(r.minutes, r.eyes),
            false => format!("{} min", r.minutes),
        };
        let name_room = width.saturating_sub(facts.chars().count() + 3);
        let name: String = r.title.chars().take(name_room).collect();
        head.push(Line::from(vec![
            Span::raw(page.pad),
            Span::styled(format!("{marker}{name:<name_room$} "), style),
            Span::styled(facts, theme.quiet()),
        ]));
        if two_lines {
            let preview = clip(&r.preview, width.saturating_sub(2));
            head.push(Line::styled(format!("{}  {preview}", page.pad), theme.quiet()));
        }
    }
    head.extend(tail);
    head
}

/// At most `width` characters, with an ellipsis when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn before(app: &App, ground: &Ground, rating: &Rating, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let mut lines = Vec::new();
    if let Some(r) = ground.routine() {
        lines.extend(page.para(&r.title, theme.focus()));
        if page.roomy {
            lines.extend(page.para(&r.preview, theme.quiet()));
        }
        page.gap(&mut lines);
    }
    let ask = if page.roomy {
        g::BEFORE_ASK
    } else {
        s::BEFORE_ASK_SHORT
    };
    lines.extend(page.para(ask, theme.text()));
    lines.extend(page.rating(rating.value, &s::anchors(Scale::Distress)));
    if rating.value.is_some_and(|v| v >= HIGH_DISTRESS) {
        lines.extend(page.para(&app.say(s::HIGH_DISTRESS), theme.notice()));
    }
    page.gap(&mut lines);
    lines.extend(page.para(s::RATING_SKIP, theme.quiet()));
    lines
}

fn closing(app: &App, ground: &Ground, c: &Closing, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let roomy = page.roomy;
    let words = [
        g::COMPLETED,
        g::COMPLETED_SHORT,
        g::STOPPED,
        g::STOPPED_SHORT,
    ];
    if c.unsaved {
        return page.let_go();
    }
    let mut lines = page.ended(c.outcome.completed, words);
    let sum = &c.outcome.summary;
    let took = Duration::from_secs(c.outcome.took.as_secs());
    let mut facts = g::summary(sum.steps_completed, sum.steps_total, took);
    if roomy {
        facts = format!("{} · {facts}", c.routine.title);
    }
    lines.extend(page.para(&facts, theme.text()));
    if let Some(n) = sum.exhale_count {
        lines.extend(page.para(&g::exhales(n, sum.exhale_rate), theme.text()));
    }
    if let Some(why) = &c.error {
        lines.extend(page.para(&s::session_save_failed(why), theme.attention()));
    }
    if c.has_words() && c.routine.names_only() {
        lines.extend(page.para(&g::named(&sum.noticed, sum.rating), theme.text()));
    }
    if c.has_words() {
        page.gap(&mut lines);
        lines.push(keep_line(app, c, page));
        if roomy {
            lines.extend(page.para(&app.say(g::KEEP_HOW), theme.quiet()));
        }
    }
    if ground.checkin {
        page.gap(&mut lines);
        lines.extend(page.ask_after(c.after.value));
        if roomy {
            let before = c.outcome.distress_before.map(s::before_was);
            let hint: Vec<&str> = [before.as_deref(), Some(s::AFTER_SKIP)]
                .into_iter()
                .flatten()
                .collect();
            lines.extend(page.para(&hint.join(" · "), theme.quiet()));
        }
    }
    page.gap(&mut lines);
    lines.extend(offers(app, c, page));
    lines
}

fn keep_line(app: &App, c: &Closing, page: &Page) -> Line<'static> {
    let theme = page.theme;
    let (mark, style) = if c.keep {
        ("[x]", theme.chosen())
    } else {
        ("[ ]", theme.quiet())
    };
    let words = match (c.routine.names_only(), page.roomy) {
        (true, true) => g::KEEP_NAMED,
        (true, false) => g::KEEP_NAMED_SHORT,
        (false, true) => g::KEEP,
        (false, false) => g::KEEP_SHORT,
    };
    Line::from(vec![
        Span::raw(page.pad),
        Span::styled(mark, style),
        Span::styled(format!(" {words} "), theme.text()),
        Span::styled(app.say("({keep})"), theme.key()),
    ])
}

/// A journal entry later; a check-in now; and, when distress is high or rose, grounding
/// and the help lines, gently.
fn offers(app: &App, c: &Closing, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let mut lines = Vec::new();
    if c.offer() {
        let offer = if page.roomy { g::OFFER } else { g::OFFER_SHORT };
        lines.extend(page.para(&app.say(offer), theme.notice()));
    }
    let later = if page.roomy {
        format!("{} {}", app.say(g::JOURNAL_LATER), app.say(g::CHECKIN_OFFER))
    } else {
        app.say(g::CHECKIN_OFFER)
    };
    lines.extend(page.para(&later, theme.quiet()));
    lines
}
