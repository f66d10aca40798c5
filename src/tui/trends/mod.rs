//! The trends screen's state: which week, month or all time is asked for, the last good
//! picture (kept on screen while the next one loads), and the steps between them. Pure:
//! loading is asked for as an Effect and its result comes back as an Action.
pub mod keys;
pub mod view;
mod view_charts;
mod view_side;
mod view_table;

mod jump;
pub use jump::parse_jump;

pub mod columns;
pub mod words;

use crate::domain::today::week_start;
use crate::domain::trends::Options;
use crate::domain::trends::month_of;
use crate::service::trends::{Report, Span};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Screen};
use crate::tui::screen::Transition;
use chrono::{Days, Months, NaiveDate, Weekday};

/// The stretch a picture covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Week,
    Month,
    All,
}

/// A report with the range it was asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub span: Span,
    pub report: Report,
    /// The first day of the user's week, marked on a month's axis.
    pub first_weekday: Weekday,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrendsView {
    /// What is asked for: the week's first day, the month's first day, or all time.
    pub span: Span,
    /// The day the screen was opened on: nothing later is offered.
    pub today: NaiveDate,
    /// The last picture that loaded; it stays while the next one loads.
    pub shown: Option<Shown>,
    pub loading: bool,
    /// Why the last load failed, if it did.
    pub failed: Option<String>,
    /// The user's week start and whether streaks are hidden.
    pub opts: Options,
    /// A date being typed after `g`, to go straight to its week or month.
    pub jump: Option<String>,
    /// Why the date typed cannot be gone to, until it is changed.
    pub jump_problem: Option<&'static str>,
}

impl TrendsView {
    pub fn new(span: Span, today: NaiveDate, opts: Options) -> TrendsView {
        TrendsView {
            span: normal(span, opts.first_weekday),
            today,
            shown: None,
            loading: false,
            failed: None,
            opts,
            jump: None,
            jump_problem: None,
        }
    }

    pub fn unit(&self) -> Unit {
        unit_of(self.span)
    }

    /// Ask for the picture of `span` (unless it is the one shown already).
    fn ask(&mut self, span: Span) -> Option<Effect> {
        self.span = normal(span, self.opts.first_weekday);
        if self.shown.as_ref().is_some_and(|s| s.span == self.span) {
            self.loading = false;
            return None;
        }
        self.loading = true;
        Some(Effect::LoadTrends {
            span: self.span,
            today: self.today,
            opts: self.opts,
        })
    }

    /// An earlier (−1) or later (+1) week or month; never past the one holding today.
    pub fn step(&mut self, by: i8) -> Option<Effect> {
        let next = match self.span {
            Span::Week(d) => Span::Week(shift_days(d, 7 * i64::from(by))?),
            Span::Month(d) => Span::Month(shift_months(d, by)?),
            Span::All => return None,
        };
        if range(next, self.today, self.opts.first_weekday).0 > self.today {
            return None;
        }
        self.ask(next)
    }

    /// Show a week, a month or all time; the unit already shown goes back to the week.
    pub fn show(&mut self, unit: Unit) -> Option<Effect> {
        let unit = if unit == self.unit() {
            Unit::Week
        } else {
            unit
        };
        let day = self.focus_day();
        let span = match unit {
            Unit::Week => Span::Week(day),
            Unit::Month => Span::Month(day),
            Unit::All => Span::All,
        };
        self.ask(span)
    }

    /// The day a switch keeps in view: today if the range holds it, else its first day.
    fn focus_day(&self) -> NaiveDate {
        let (from, to) = range(self.span, self.today, self.opts.first_weekday);
        if (from..=to).contains(&self.today) {
            self.today
        } else {
            from
        }
    }

    /// A report arrived; one for a range no longer asked for is left aside.
    pub fn loaded(&mut self, span: Span, result: Result<Box<Report>, String>) {
        if span != self.span {
            return;
        }
        self.loading = false;
        match result {
            Ok(report) => {
                self.failed = None;
                self.shown = Some(Shown {
                    span,
                    report: *report,
                    first_weekday: self.opts.first_weekday,
                });
            }
            Err(why) => self.failed = Some(why),
        }
    }
}

fn unit_of(span: Span) -> Unit {
    match span {
        Span::Week(_) => Unit::Week,
        Span::Month(_) => Unit::Month,
        Span::All => Unit::All,
    }
}

/// A week as its first day, a month as its first day.
fn normal(span: Span, first: Weekday) -> Span {
    match span {
        Span::Week(d) => Span::Week(week_start(d, first)),
        Span::Month(d) => Span::Month(month_of(d).0),
        Span::All => Span::All,
    }
}

/// The first and last day of a span (all time ends today).
pub fn range(span: Span, today: NaiveDate, first: Weekday) -> (NaiveDate, NaiveDate) {
    match span {
        Span::Week(d) => {
            let from = week_start(d, first);
            (from, from + Days::new(6))
        }
        Span::Month(d) => month_of(d),
        Span::All => (NaiveDate::MIN, today),
    }
}

fn shift_days(d: NaiveDate, by: i64) -> Option<NaiveDate> {
    let days = Days::new(by.unsigned_abs());
    if by < 0 {
        d.checked_sub_days(days)
    } else {
        d.checked_add_days(days)
    }
}

fn shift_months(d: NaiveDate, by: i8) -> Option<NaiveDate> {
    let months = Months::new(u32::from(by.unsigned_abs()));
    if by < 0 {
        d.checked_sub_months(months)
    } else {
        d.checked_add_months(months)
    }
}

impl App {
    /// Open the trends screen on `span`; loading it follows as an Effect.
    pub fn open_trends(&mut self, span: Span, today: NaiveDate) -> Option<Effect> {
        self.notices.clear();
        let mut view = TrendsView::new(span, today, self.trend_options());
        let first = view.ask(view.span);
        self.screen = Screen::Trends(Box::new(view));
        first
    }

    /// The trends screen's own actions.
    pub(crate) fn trends(&mut self, action: Action) -> Transition {
        let names = match &action {
            Action::TrendsLoaded { result: Ok(_), .. } => {
                Some(crate::service::trends::practice_names(&self.patterns, &self.routines))
            }
            _ => None,
        };
        let Screen::Trends(view) = &mut self.screen else {
            return Transition::Stay;
        };
        if let Some(effect) = view.jump_key(&action) {
            return effect.map_or(Transition::Stay, Transition::Do);
        }
        let effect = match action {
            Action::TrendsMove(by) => view.step(by),
            Action::TrendsShow(unit) => view.show(unit),
            Action::TrendsLoaded { span, mut result } => {
                // People read practices by name; the report knows only their ids.
                if let (Ok(report), Some(names)) = (&mut result, &names) {
                    crate::service::trends::name_report(report, names);
                }
                view.loaded(span, result);
                None
            }
            Action::Leave => return Transition::Home(Vec::new()),
            _ => None,
        };
        effect.map_or(Transition::Stay, Transition::Do)
    }
}
