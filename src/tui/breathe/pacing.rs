//! The breathing screen while pacing: the pacer column in the middle, the phase word with
//! its seconds, the breath and time left, a short note after a key, and the reminder.
//! Everything here is drawn from the app's latest monotonic reading; nothing changes state.

use super::pacing_look::{Look, look};
use crate::copy::screens as s;
use crate::tui::app::{App, Screen};
use crate::tui::breathe::run::Run;
use crate::tui::breathe::{Breathe, Stage};
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use crate::tui::ui::pacer;
use crate::tui::ui::{MIN_HEIGHT, MIN_WIDTH, roomy, title};
use crate::tui::ui::{hints, wrap};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::cell::RefCell;

/// Where each part of the pacing screen goes.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Parts {
    title: Rect,
    /// The pacer with its frame (when framed).
    pub(super) pacer: Rect,
    pub(super) framed: bool,
    pub(super) phase: Rect,
    pub(super) info: Rect,
    /// A line of its own for notes, when there is room.
    pub(super) note: Option<Rect>,
    /// With a heart source: its numbers and trace, and (when there is room) a plain line.
    pub(super) heart: Option<(Rect, Option<Rect>)>,
    reminder: Rect,
    reminder_lines: Vec<String>,
}

impl Parts {
    /// The pacer's column: inside its outline when framed.
    pub(super) fn column(&self) -> Rect {
        if !self.framed {
            return self.pacer;
        }
        let r = self.pacer;
        Rect {
            x: r.x + 1,
            y: r.y + 1,
            width: r.width.saturating_sub(2),
            height: r.height.saturating_sub(2),
        }
    }
}

fn parts(app: &App, area: Rect, heart: bool) -> Parts {
    let roomy = roomy(area);
    let footer =
        hints::height(&app.keymap.hints(app.screen_context()), area.width).min(area.height / 3);
    let body = Rect {
        height: area.height - footer,
        ..area
    };
    let text_width = body.width.saturating_sub(if roomy { 6 } else { 2 });
    let reminder_lines = if roomy {
        wrap(s::REMINDER, text_width, 0)
    } else {
        wrap(s::REMINDER_SHORT, text_width, 0)
    };
    let reminder_height = u16::try_from(reminder_lines.len()).unwrap_or(1);
    let row = |y: u16, height: u16| Rect { y, height, ..body }.intersection(body);
    let top = if roomy { 2 } else { 1 };
    // Below the pacer: a gap, the phase, the info, the note, the heart's two rows (or,
    // short, its one), a gap, the reminder.
    let hearts = match (heart, roomy) {
        (false, _) => 0,
        (true, true) => 2,
        (true, false) => 1,
    };
    let below = hearts
        + if roomy {
            5 + reminder_height
        } else {
            2 + reminder_height
        };
    let height = body.height.saturating_sub(top + below);
    let framed = roomy && height >= 5 && !app.reduced_motion;
    let width = if roomy { 16 } else { 8 }.min(body.width);
    let mut pacer = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + top,
        width,
        height,
    }
    .intersection(body);
    if app.reduced_motion {
        // No moving column: the words sit where its middle would be.
        pacer.y += pacer.height.saturating_sub(2) / 2;
        pacer.height = 0;
    }
    let mut y = pacer.bottom() + u16::from(roomy);
    let phase = row(y, 1);
    y += 1;
    let info = row(y, 1);
    y += 1;
    let note = roomy.then(|| row(y, 1));
    y += u16::from(roomy);
    let heart = heart.then(|| (row(y, 1), roomy.then(|| row(y + 1, 1))));
    y += hearts + u16::from(roomy);
    Parts {
        title: row(body.y, 1),
        pacer,
        framed,
        phase,
        info,
        note,
        heart,
        reminder: row(y, reminder_height),
        reminder_lines,
    }
}

/// The parts of the pacing screen that stay put while the pacer moves, laid out and styled
/// once per window size, not on every frame.
#[derive(Clone, Debug, PartialEq)]
struct Static {
    key: (Rect, Context, Theme, bool),
    what: String,
    heart: bool,
    parts: Parts,
    title: Line<'static>,
    footer: Vec<(Rect, Line<'static>)>,
    reminder: Vec<(Rect, Line<'static>)>,
}

/// The pacing screen's static parts, kept between frames (the pacer draws 25 a second).
#[derive(Clone, Debug, Default)]
pub struct Cache(RefCell<Option<Static>>);

/// A cache is not state: two apps are equal whatever they have drawn before.
impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

fn build(app: &App, area: Rect, what: &str, paused: bool, heart: bool) -> Static {
    let theme = app.theme;
    let parts = parts(app, area, heart);
    let hints = footer_hints(app, paused);
    let footer_height = hints::height(&hints, area.width).min(area.height / 3);
    let footer_top = area.bottom() - footer_height;
    let footer = hints::lines(&hints, area.width, theme)
        .into_iter()
        .zip(footer_top..area.bottom())
        .map(|(line, y)| {
            (
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                line,
            )
        })
        .collect();
    let reminder = parts
        .reminder_lines
        .iter()
        .zip(parts.reminder.top()..parts.reminder.bottom())
        .map(|(text, y)| {
            let line = Line::styled(text.clone(), theme.quiet()).centered();
            (
                Rect {
                    y,
                    height: 1,
                    ..parts.reminder
                },
                line,
            )
        })
        .collect();
    Static {
        key: (area, app.screen_context(), theme, paused),
        what: what.to_string(),
        heart,
        title: title(theme, Some(what)),
        parts,
        footer,
        reminder,
    }
}

/// The footer's keys; while paused, the pause key says it goes on ("Space go on").
fn footer_hints(app: &App, paused: bool) -> Vec<(String, &'static str)> {
    let mut hints = app.keymap.hints(app.screen_context());
    if paused {
        for (_, hint) in &mut hints {
            if *hint == s::HINT_PAUSE {
                *hint = s::HINT_GO_ON;
            }
        }
    }
    hints
}

/// Run `f` with the static parts for this window, laying them out again only if needed.
fn with_static<R>(app: &App, area: Rect, b: &Breathe, f: impl FnOnce(&Static) -> R) -> R {
    let what = what(b);
    let paused = matches!(&b.stage, Stage::Pacing(run) if run.paused());
    let key = (area, app.screen_context(), app.theme, paused);
    let heart = b.heart.is_some();
    let mut slot = app.pacing_cache.0.borrow_mut();
    if !matches!(&*slot, Some(st) if st.key == key && st.what == what && st.heart == heart) {
        *slot = None;
    }
    f(slot.get_or_insert_with(|| build(app, area, what, paused, heart)))
}

/// What the still parts of the pacing screen depend on (the window, the keys, the theme,
/// the title and whether paused): if it is unchanged, a new frame differs from the last
/// only in the moving rows.
pub type StillKey = (Rect, Context, Theme, String, bool);

/// While the pacer moves on its own: the still key and the look of the moving parts (the
/// pacer, the phase, the breath and time left, the note, the heart). None on any other
/// screen, or under help.
pub fn moving(app: &App, area: Rect) -> Option<(StillKey, Look)> {
    let Screen::Breathe(b) = &app.screen else {
        return None;
    };
    let Stage::Pacing(run) = &b.stage else {
        return None;
    };
    let context = app.context();
    let pacing = matches!(context, Context::BreathePacing | Context::BreatheFollow);
    if !pacing || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    with_static(app, area, b, |st| {
        let (area, context, theme, paused) = st.key;
        let key = (area, context, theme, st.what.clone(), paused);
        Some((key, look(app, b, run, &st.parts)))
    })
}

/// The title: the pattern's name, or follow my breath.
fn what(b: &Breathe) -> &str {
    match &b.stage {
        Stage::Pacing(run) if run.lead.is_some() => s::FOLLOW_TITLE,
        Stage::Pacing(run) if run.steps.is_some() => crate::copy::heart_screen::FIND_TITLE,
        _ => b.plan.pattern.name.as_str(),
    }
}

/// How many fill levels the pacer shows at this window size (0 when it is not drawn).
pub fn levels(app: &App, b: &Breathe, area: Rect) -> u32 {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return 0;
    }
    with_static(app, area, b, |st| pacer::levels(st.parts.column().height))
}

pub fn render(app: &App, b: &Breathe, frame: &mut Frame, area: Rect) {
    let Stage::Pacing(run) = &b.stage else { return };
    with_static(app, area, b, |st| {
        frame.render_widget(&st.title, st.parts.title);
        for (rect, line) in st.footer.iter().chain(&st.reminder) {
            frame.render_widget(line, *rect);
        }
        draw_all_moving(app, b, run, &st.parts, frame.buffer_mut());
    });
}

fn draw_all_moving(app: &App, b: &Breathe, run: &Run, p: &Parts, buf: &mut Buffer) {
    for (rect, part) in look(app, b, run, p) {
        part.draw(rect, buf);
    }
}
