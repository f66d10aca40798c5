//! The breathing screens around the pacer: the preview (pattern, length, holds, eyes, how
//! to stop), the rating before, listening for follow my breath, and the calm closing
//! screen with its summary and the rating after.

use super::pacing;
use crate::copy::ground as g;
use crate::copy::heart_screen as hs;
use crate::copy::screens as s;
use crate::copy::sound as words;
use crate::domain::breathing::Schedule;
use crate::domain::checkin::Scale;
use crate::sound::Style as Sound;
use crate::tui::app::{App, HIGH_DISTRESS};
use crate::tui::breathe::{Breathe, Closing, Listen, PreviewNote, Rating, Stage};
use crate::tui::ui::{Page, roomy, title, with_footer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL_WIDTH: usize = 11;

pub fn render(app: &App, b: &Breathe, frame: &mut Frame, area: Rect) {
    if let Stage::Pacing(_) = b.stage {
        pacing::render(app, b, frame, area);
        return;
    }
    let body = with_footer(app, frame, area);
    // Roomy by the body here: the pacer takes the room a title line would.
    let roomy = roomy(body) || (body.width >= 60 && body.height >= 18);
    let page = Page::new(app.theme, roomy, body);
    let heading = if page.roomy { 2 } else { 1 };
    let lines = match &b.stage {
        Stage::Preview => preview(app, b, &page),
        Stage::Before(rating) => before(app, rating, &page),
        Stage::Listen(listen) => listen_lines(listen, &page),
        Stage::Closing(closing) => {
            let (facts, ask) = closing_lines(app, b, closing, &page);
            fit(facts, ask, usize::from(body.height).saturating_sub(heading))
        }
        Stage::Pacing(_) => Vec::new(),
    };
    let what = match b.stage {
        Stage::Listen(_) => s::FOLLOW_TITLE,
        _ => s::BREATHE_TITLE,
    };
    let mut all = vec![title(app.theme, Some(what))];
    if page.roomy {
        all.push(Line::default());
    }
    all.extend(lines);
    frame.render_widget(Paragraph::new(all), body);
}

fn preview(app: &App, b: &Breathe, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let p = b.pattern();
    let count = format!("{} of {}", b.index + 1, b.patterns.len());
    let room = usize::from(page.width).saturating_sub(count.chars().count() + 1);
    let mut lines = vec![Line::from(vec![
        Span::raw(page.pad),
        Span::styled(format!("{:<room$} ", p.name), theme.focus()),
        Span::styled(count, theme.quiet()),
    ])];
    if page.roomy {
        lines.extend(page.para(&p.about, theme.quiet()));
        lines.push(Line::default());
    }
    let schedule = Schedule::new(p, b.plan.planned);
    let breaths = match &b.plan.steps {
        Some(find) => crate::domain::heart::pace::Steps::new(p, find.step).breaths(),
        None => schedule.breaths_at(schedule.end()),
    };
    let length = s::length(b.plan.planned, breaths);
    lines.extend(page.para(&s::phases(p), theme.text()));
    if page.roomy {
        let on_off = |on: bool, text: &str| if on { text } else { s::OFF }.to_string();
        let pace = match b.plan.steps {
            Some(_) => hs::FIND_PACE.to_string(),
            None => s::per_minute(p.breaths_per_minute()),
        };
        lines.push(page.fact(s::PACE, pace, LABEL_WIDTH));
        lines.push(page.fact(s::HOLDS, s::holds(p), LABEL_WIDTH));
        lines.push(page.fact(s::EYES, eyes(b).into(), LABEL_WIDTH));
        lines.push(page.fact(s::LENGTH, length, LABEL_WIDTH));
        lines.push(page.fact(s::FOLLOW, on_off(b.plan.follow, s::FOLLOW_ON), LABEL_WIDTH));
        let sound = words::style_about(b.sound).to_string();
        lines.push(page.fact(s::SOUND, sound, LABEL_WIDTH));
        if let Some(link) = &app.heart {
            lines.push(page.fact(hs::HEART, link.label.clone(), LABEL_WIDTH));
            lines.push(page.fact(hs::FIND, find_words(b), LABEL_WIDTH));
        }
    } else {
        // Short: every fact still there, two to a line.
        let pace = s::rate(p.breaths_per_minute());
        lines.extend(page.para(&s::pace_and_length(&pace, &length), theme.text()));
        lines.push(page.fact(s::HOLDS, s::holds(p), LABEL_WIDTH));
        let toggles = s::toggles(b.plan.follow, b.sound.name());
        lines.extend(page.para(&toggles, theme.text()));
        if let Some(link) = &app.heart {
            // Short: in words that wrap, so a long source name is never cut.
            let facts = hs::short_facts(&link.label, b.plan.steps.is_some());
            lines.extend(page.para(&facts, theme.text()));
        }
    }
    page.gap(&mut lines);
    let how = match (b.sound == Sound::Off, page.roomy) {
        (true, _) => s::HOW_TO_STOP,
        (false, true) => words::EYES_CLOSED_KEYS,
        (false, false) => words::EYES_CLOSED_KEYS_SHORT,
    };
    lines.extend(page.para(&app.say(how), theme.text()));
    for (text, style) in preview_notes(app, b, page.roomy) {
        lines.extend(page.para(&text, style));
    }
    lines
}

/// Finding your pace, on (with its steps) or off.
fn find_words(b: &Breathe) -> String {
    match &b.plan.steps {
        Some(find) => hs::find_on(find.step.as_secs_f64() / 60.0),
        None => hs::FIND_OFF.to_string(),
    }
}

/// Eyes open or closed: closed is fine with a sound to follow.
fn eyes(b: &Breathe) -> &'static str {
    if b.sound == Sound::Off {
        s::EYES_OPEN
    } else {
        words::EYES_CLOSED
    }
}

/// The notes under the preview: what a key could not do, the health note, the cap.
fn preview_notes(app: &App, b: &Breathe, roomy: bool) -> Vec<(String, Style)> {
    let theme = app.theme;
    let mut notes = Vec::new();
    if b.plan.hold_note {
        let note = if roomy {
            s::HOLD_NOTE
        } else {
            s::HOLD_NOTE_SHORT
        };
        notes.push((note.to_string(), theme.notice()));
    }
    if b.plan.capped
        && let Some(cycles) = b.pattern().new_user_cycles
    {
        notes.push((s::capped(cycles), theme.notice()));
    }
    match &b.note {
        Some(PreviewNote::FollowNeedsNoHolds) => {
            notes.push((s::FOLLOW_NEEDS_NO_HOLDS.to_string(), theme.attention()));
        }
        Some(PreviewNote::FollowTurnedOff) => {
            notes.push((s::FOLLOW_TURNED_OFF.to_string(), theme.attention()));
        }
        Some(PreviewNote::FindNeedsNoHolds) => {
            notes.push((hs::FIND_NEEDS_NO_HOLDS.to_string(), theme.attention()));
        }
        Some(PreviewNote::FindTurnedOff) => {
            notes.push((hs::FIND_TURNED_OFF.to_string(), theme.attention()));
        }
        Some(PreviewNote::PlanFailed(why)) => notes.push((why.clone(), theme.attention())),
        None => {}
    }
    if app.sound_missing.contains(&b.sound) {
        notes.push((words::cannot_play_here(b.sound), theme.notice()));
    }
    if let Some(why) = &app.patterns_problem {
        notes.push((s::patterns_problem(why), theme.attention()));
    }
    notes
}

/// The 0-10 row with its anchors, and where help is when distress is high.
fn rating_lines(app: &App, rating: &Rating, page: &Page) -> Vec<Line<'static>> {
    let mut lines = page.rating(rating.value, &s::anchors(Scale::Distress));
    if rating.value.is_some_and(|v| v >= HIGH_DISTRESS) {
        page.gap(&mut lines);
        lines.extend(page.para(&app.say(s::HIGH_DISTRESS), page.theme.notice()));
    }
    lines
}

fn before(app: &App, rating: &Rating, page: &Page) -> Vec<Line<'static>> {
    let ask = if page.roomy {
        s::BEFORE_ASK
    } else {
        s::BEFORE_ASK_SHORT
    };
    let mut lines = page.para(ask, page.theme.text());
    page.gap(&mut lines);
    lines.extend(rating_lines(app, rating, page));
    page.gap(&mut lines);
    lines.extend(page.para(s::RATING_SKIP, page.theme.quiet()));
    lines
}

fn listen_lines(listen: &Listen, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let mut lines = page.para(s::LISTEN_ASK, theme.text());
    if page.roomy {
        lines.extend(page.para(s::LISTEN_HOW, theme.quiet()));
    }
    page.gap(&mut lines);
    let counted = s::counted(listen.taps.taps(), listen.taps.breaths());
    lines.extend(page.para(&counted, theme.focus()));
    if let Some(lead) = &listen.lead {
        page.gap(&mut lines);
        let found = s::measured(listen.heard, lead.start_rate());
        lines.extend(page.para(&found, theme.notice()));
        lines.extend(page.para(s::READY, theme.key()));
    }
    lines
}

/// The heart over the practice on the closing screen, and from when its data stopped.
fn heart_lines(heart: Option<&crate::store::model::Heart>, page: &Page) -> Vec<Line<'static>> {
    let theme = page.theme;
    let Some(h) = heart else {
        return page.para(crate::copy::heart_practice::TOO_FEW, theme.quiet());
    };
    if !page.roomy {
        return page.para(&hs::closing_short(h), theme.text());
    }
    let mut lines = page.para(&hs::closing(h), theme.text());
    if let Some(at) = h.ended_seconds {
        let at = s::clock(std::time::Duration::from_secs_f64(at.max(0.0)));
        lines.extend(page.para(&hs::stopped_at(&at), theme.quiet()));
    }
    lines
}

/// Finding your pace on the closing screen: what was found, and keeping it.
fn pace_lines(c: &Closing, page: &Page) -> Vec<Line<'static>> {
    use super::closing::KeepPace;
    use crate::copy::heart_practice as say;
    let theme = page.theme;
    let found = &c.session.pace_steps;
    let Some(best) = found.first() else {
        return page.para(say::NOT_FOUND, theme.quiet());
    };
    if !page.roomy {
        // Short: the footer offers k, and the question below must stay in view.
        let mut lines = page.para(&say::found_short(best, found.get(1)), theme.text());
        if let Some(KeepPace::Kept(_)) = &c.keep {
            lines.extend(page.para(say::KEPT_SHORT, theme.notice()));
        }
        return lines;
    }
    let mut lines = page.para(&say::found(best, found.get(1)), theme.text());
    let (text, style) = match &c.keep {
        Some(KeepPace::Offered(..)) => (hs::keep_offer(best.rate), theme.key()),
        Some(KeepPace::Kept(path)) => (say::kept(path), theme.notice()),
        Some(KeepPace::Failed(why)) => (say::not_kept_because(why), theme.attention()),
        Some(KeepPace::Keeping(_)) | None => return lines,
    };
    lines.extend(page.para(&text, style));
    lines
}

/// The facts above the question, cut from their end when the window is too short, so
/// the question (what needs an answer) is always whole.
fn fit(mut facts: Vec<Line<'static>>, ask: Vec<Line<'static>>, rows: usize) -> Vec<Line<'static>> {
    facts.truncate(rows.saturating_sub(ask.len()).max(1));
    facts.extend(ask);
    facts
}

/// The closing screen: what the practice was, then the question after it.
type Parts = (Vec<Line<'static>>, Vec<Line<'static>>);

fn closing_lines(app: &App, b: &Breathe, c: &Closing, page: &Page) -> Parts {
    let theme = page.theme;
    let words = [
        s::COMPLETED,
        s::COMPLETED_SHORT,
        s::STOPPED,
        s::STOPPED_SHORT,
    ];
    if c.unsaved {
        return (page.let_go(), Vec::new());
    }
    let mut lines = page.ended(c.session.completed, words);
    let actual = std::time::Duration::from_secs_f64(c.session.actual_seconds.max(0.0));
    let breaths = c.session.breaths.unwrap_or(0);
    let summary = s::session_summary(&c.pattern_name, actual, breaths);
    lines.extend(page.para(&summary, theme.text()));
    if let (Some(start), Some(reached)) = (c.session.start_rate, c.session.reached_rate) {
        lines.extend(page.para(&s::paces(start, reached), theme.text()));
    }
    // What finding your pace found comes first on a short window, where room is scarce.
    let heart = b
        .heart
        .is_some()
        .then(|| heart_lines(c.session.heart.as_deref(), page));
    let pace = b.finding.then(|| pace_lines(c, page));
    let (first, second) = if page.roomy {
        (heart, pace)
    } else {
        (pace, heart)
    };
    lines.extend(first.into_iter().chain(second).flatten());
    if b.sound_fell_back {
        lines.extend(page.para(words::FELL_BACK, theme.quiet()));
    }
    // A session not saved is said with the question, so it is never cut off.
    let mut ask = Vec::new();
    if let Some(why) = &c.error {
        page.gap(&mut ask);
        ask.extend(page.para(&s::session_save_failed(why), theme.attention()));
    }
    if b.checkin {
        page.gap(&mut ask);
        ask.extend(page.ask_after(c.after.value));
        if c.after.value.is_some_and(|v| v >= HIGH_DISTRESS) {
            page.gap(&mut ask);
            ask.extend(page.para(&app.say(s::HIGH_DISTRESS), theme.notice()));
        }
        let before = c.session.distress_before.map(s::before_was);
        let hint = [before.as_deref(), Some(s::AFTER_SKIP)];
        let hint: Vec<&str> = hint.into_iter().flatten().collect();
        ask.extend(page.para(&hint.join(" · "), theme.quiet()));
        // Gently, never blocking: g opens grounding, ? the help lines.
        let high = c.after.value.is_some_and(|a| a >= HIGH_DISTRESS);
        if c.higher() || high {
            let offer = if high { g::HOME_OFFER } else { g::OFFER };
            ask.extend(page.para(&app.say(offer), theme.notice()));
        }
    }
    (lines, ask)
}
