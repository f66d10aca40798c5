//! Going straight to a date on the trends screen: `g`, a month or a day typed
//! ("2019-03", "2019-03-14"), Enter to go to its week (or, from a month or all time, its
//! month), Esc to put it away. A date that cannot be read, or is after today, is said and
//! kept to correct.

use super::{TrendsView, Unit, words};
use crate::service::trends::Span;
use crate::tui::action::{Action, Effect};
use chrono::NaiveDate;

impl TrendsView {
    /// The keys of going to a date: Some (with any load to ask for) when `action` was
    /// one of them, None when it is for the screen itself.
    pub(super) fn jump_key(&mut self, action: &Action) -> Option<Option<Effect>> {
        let typing = self.jump.is_some();
        match action {
            Action::TrendsGoTo => self.start_jump(),
            Action::Digit(n) if typing => self.type_jump(char::from(b'0' + (*n).min(9))),
            Action::Type('-') if typing => self.type_jump('-'),
            Action::Erase if typing => self.erase_jump(),
            Action::Begin if typing => return Some(self.go()),
            // Esc while typing a date puts the date away and stays.
            Action::Leave if typing => self.jump = None,
            // Moving by the arrows or the units puts a half-typed date away.
            Action::TrendsMove(_) | Action::TrendsShow(_) => {
                self.jump = None;
                return None;
            }
            _ => return None,
        }
        Some(None)
    }

    /// Start typing a date to go to.
    fn start_jump(&mut self) {
        self.jump = Some(String::new());
        self.jump_problem = None;
    }

    /// A digit or '-' typed into the date; "2019-03-14" is the longest it needs.
    fn type_jump(&mut self, c: char) {
        if let Some(typed) = &mut self.jump
            && typed.len() < 10
        {
            typed.push(c);
            self.jump_problem = None;
        }
    }

    fn erase_jump(&mut self) {
        if let Some(typed) = &mut self.jump {
            typed.pop();
            self.jump_problem = None;
        }
    }

    /// Go to the date typed: its week (or, from a month or all time, its month).
    fn go(&mut self) -> Option<Effect> {
        let day = match parse_jump(self.jump.as_deref()?) {
            None => {
                self.jump_problem = Some(words::GO_TO_BAD);
                return None;
            }
            Some(day) if day > self.today => {
                self.jump_problem = Some(words::GO_TO_LATER);
                return None;
            }
            Some(day) => day,
        };
        self.jump = None;
        let span = match self.unit() {
            Unit::Week => Span::Week(day),
            Unit::Month | Unit::All => Span::Month(day),
        };
        self.ask(span)
    }
}

/// "2019-03" as its first day, "2019-03-14" as that day; anything else is None.
pub fn parse_jump(typed: &str) -> Option<NaiveDate> {
    match typed.len() {
        7 => NaiveDate::parse_from_str(&format!("{typed}-01"), "%Y-%m-%d").ok(),
        10 => NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_or_a_day_is_read_and_nothing_else() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(parse_jump("2019-03"), d("2019-03-01"));
        assert_eq!(parse_jump("2019-03-14"), d("2019-03-14"));
        for bad in ["", "2019", "2019-13", "2019-02-30", "19-03-14", "2019-3-1"] {
            assert_eq!(parse_jump(bad), None, "{bad}");
        }
    }
}
