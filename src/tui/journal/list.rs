//! The list of entries: what is loaded (newest first, a page at a time), the cursor, the
//! filter, and an entry deleted on screen whose undo is still offered.

use super::effect::{JournalEffect, Page};
use crate::domain::journal::Filter;
use crate::store::model::Record;
use chrono::NaiveDate;

/// Entries loaded at a time; more come as the cursor nears the end.
pub const PAGE: usize = 50;

/// What a line typed under the list sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Search,
    Tag,
    Word,
    Dates,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub entries: Vec<Record>,
    /// The entries hold every field (search hits are opened to be read in full).
    pub full: bool,
    pub more: bool,
    pub cursor: usize,
    pub filter: Filter,
    pub limit: usize,
    /// Files that could not be read at the last load.
    pub problems: usize,
    /// Deleted on screen; its tombstone is written once undo is no longer offered.
    pub pending: Option<Record>,
}

impl Default for List {
    fn default() -> List {
        List {
            entries: Vec::new(),
            full: true,
            more: false,
            cursor: 0,
            filter: Filter::default(),
            limit: PAGE,
            problems: 0,
            pending: None,
        }
    }
}

impl List {
    /// Load the list as filtered now.
    pub fn load(&self) -> JournalEffect {
        JournalEffect::Load {
            filter: self.filter.clone(),
            limit: self.limit,
        }
    }

    /// A load arrived; an entry waiting to be deleted stays hidden.
    pub fn loaded(&mut self, page: Page) {
        let pending = self.pending.as_ref().map(|r| r.id);
        self.entries = page
            .entries
            .into_iter()
            .filter(|r| Some(r.id) != pending)
            .collect();
        self.full = page.full;
        self.more = page.more;
        self.problems = page.problems;
        self.cursor = self.cursor.min(self.entries.len().saturating_sub(1));
    }

    /// Show a newer version of an entry in its place.
    pub fn replace(&mut self, record: &Record) {
        if let Some(slot) = self.entries.iter_mut().find(|r| r.id == record.id) {
            *slot = record.clone();
        }
    }

    pub fn selected(&self) -> Option<&Record> {
        self.entries.get(self.cursor)
    }

    /// Put the cursor on this entry, if it is listed.
    pub fn select(&mut self, id: uuid::Uuid) {
        if let Some(i) = self.entries.iter().position(|r| r.id == id) {
            self.cursor = i;
        }
    }

    /// Move the cursor; near the end of what is loaded, ask for more.
    pub fn move_by(&mut self, by: i16) -> Option<JournalEffect> {
        let last = self.entries.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(isize::from(by)).min(last);
        if self.more && self.cursor + 10 >= self.entries.len() {
            self.more = false;
            self.limit += PAGE;
            return Some(self.load());
        }
        None
    }

    /// Take the selected entry off the list; its tombstone waits for `commit`.
    pub fn delete_selected(&mut self) -> Option<Record> {
        if self.cursor >= self.entries.len() {
            return None;
        }
        let gone = self.entries.remove(self.cursor);
        self.cursor = self.cursor.min(self.entries.len().saturating_sub(1));
        self.pending.replace(gone)
    }

    /// Whether any filter is set.
    pub fn filtered(&self) -> bool {
        self.filter != Filter::default()
    }

    /// Apply a typed line; an empty line clears that part of the filter.
    pub fn apply(&mut self, kind: InputKind, typed: &str) -> Result<(), BadDates> {
        let typed = typed.trim();
        let value = (!typed.is_empty()).then(|| typed.to_string());
        match kind {
            InputKind::Search => self.filter.query = value,
            InputKind::Tag => self.filter.tag = value.map(|t| t.trim_start_matches('#').into()),
            InputKind::Word => self.filter.sensation = value,
            InputKind::Dates => (self.filter.since, self.filter.until) = dates(typed)?,
        }
        self.cursor = 0;
        self.limit = PAGE;
        Ok(())
    }

    /// What a typed line starts from: the filter's current value.
    pub fn current(&self, kind: InputKind) -> String {
        let f = &self.filter;
        match kind {
            InputKind::Search => f.query.clone().unwrap_or_default(),
            InputKind::Tag => f.tag.clone().unwrap_or_default(),
            InputKind::Word => f.sensation.clone().unwrap_or_default(),
            InputKind::Dates => match (f.since, f.until) {
                (None, None) => String::new(),
                (a, b) => format!("{}..{}", day(a), day(b)),
            },
        }
    }
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

type Range = (Option<NaiveDate>, Option<NaiveDate>);

/// Typed dates that could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDates;

/// "2026-11-01..2026-11-30", either end open ("2026-11-01.."), or one day.
pub fn dates(typed: &str) -> Result<Range, BadDates> {
    let parse = |s: &str| -> Result<Option<NaiveDate>, BadDates> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| BadDates)
    };
    let (since, until) = match typed.split_once("..") {
        Some((a, b)) => (parse(a)?, parse(b)?),
        None => {
            let d = parse(typed)?;
            (d, d)
        }
    };
    match (since, until) {
        (Some(a), Some(b)) if a > b => Ok((Some(b), Some(a))),
        range => Ok(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_are_read_kindly() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(dates("2026-11-01..2026-11-30"), Ok((d("2026-11-01"), d("2026-11-30"))));
        assert_eq!(dates("2026-11-30..2026-11-01").unwrap().0, d("2026-11-01"));
        assert_eq!(dates("2026-11-01.."), Ok((d("2026-11-01"), None)));
        assert_eq!(dates(" 2026-11-05 "), Ok((d("2026-11-05"), d("2026-11-05"))));
        assert_eq!(dates(""), Ok((None, None)));
        assert!(dates("last week").is_err());
    }
}
