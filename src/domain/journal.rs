//! Journal rules: prompts and the prompt of the day, tidying an entry's words and tags,
//! and what a search or a filter matches.

use crate::store::model::{Journal, Record};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    /// Offered only when the user asks for it (expressive writing about painful events).
    #[serde(default)]
    pub opt_in: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub category: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Prompts {
    pub categories: Vec<Category>,
    pub prompts: Vec<Prompt>,
}

impl Prompts {
    pub fn get(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    /// Prompts offered without asking: every category that is not opt-in.
    pub fn everyday(&self) -> Vec<&Prompt> {
        let opt_in: Vec<&str> = self
            .categories
            .iter()
            .filter(|c| c.opt_in)
            .map(|c| c.id.as_str())
            .collect();
        self.prompts
            .iter()
            .filter(|p| !opt_in.contains(&p.category.as_str()))
            .collect()
    }

    /// The prompt of the day, or the `skip`-th one after it ("take another"). Days step
    /// through the everyday prompts by a stride that shares no factor with their number,
    /// so no prompt comes back within a week (or until all have been offered).
    pub fn of_the_day(&self, day: NaiveDate, skip: usize) -> Option<&Prompt> {
        let all = self.everyday();
        let n = all.len();
        if n == 0 {
            return None;
        }
        let stride = [7usize, 11, 13, 17, 19, 23, 29]
            .into_iter()
            .find(|k| gcd(*k, n) == 1)
            .unwrap_or(1);
        let days = usize::try_from(day.to_epoch_days().rem_euclid(n as i32)).unwrap_or(0);
        Some(all[(days * stride + skip) % n])
    }

    /// A prompt of `category` for `day`, or the `skip`-th one after it; any category,
    /// opt-in ones too, since the user chose it.
    pub fn in_category(&self, category: &str, day: NaiveDate, skip: usize) -> Option<&Prompt> {
        let all: Vec<&Prompt> = self
            .prompts
            .iter()
            .filter(|p| p.category == category)
            .collect();
        let n = all.len();
        if n == 0 {
            return None;
        }
        let days = usize::try_from(day.to_epoch_days().rem_euclid(n as i32)).unwrap_or(0);
        Some(all[(days + skip) % n])
    }

    /// Whether prompts of this category are offered only when asked for.
    pub fn is_opt_in(&self, category: &str) -> bool {
        self.categories.iter().any(|c| c.id == category && c.opt_in)
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Trim, lower-case and de-duplicate words or tags, keeping their order.
pub fn tidy_words(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let w = w.trim().trim_start_matches('#').to_lowercase();
        if !w.is_empty() && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// The most text one journal entry holds, in bytes (1 MiB): `journal new` refuses more.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The longest line the TUI's own editor takes on, in bytes; longer lines go to $EDITOR.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// Whether text is within what one entry may hold.
pub fn within_limit(text: &str) -> bool {
    text.len() <= MAX_TEXT_BYTES
}

/// Whether the TUI's own editor can take this text on: within the limit, no huge line.
pub fn fits_tui_editor(text: &str) -> bool {
    within_limit(text) && text.split('\n').all(|l| l.len() <= MAX_LINE_BYTES)
}

/// Whether an entry holds something worth saving (text that is not only whitespace).
pub fn has_text(text: &str) -> bool {
    !text.trim().is_empty()
}

/// The first line with words in it, for lists.
pub fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// At most `n` characters of `s`, with "…" when some were cut, so a cut never looks whole.
pub fn cut(s: &str, n: usize) -> String {
    let mut c = String::new();
    cut_into(&mut c, s, n);
    c
}

/// `cut`, added to the end of `out`.
pub fn cut_into(out: &mut String, s: &str, n: usize) {
    match s.char_indices().nth(n) {
        Some((end, _)) => {
            out.push_str(&s[..end]);
            out.push('…');
        }
        None => out.push_str(s),
    }
}

/// Which entries a list or search shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub tag: Option<String>,
    pub sensation: Option<String>,
    /// Words that must all appear (in the text, prompt, tags or words), any case.
    pub query: Option<String>,
    /// Only entries marked with a star.
    pub starred: bool,
}

impl Filter {
    pub fn matches(&self, r: &Record, j: &Journal) -> bool {
        self.matches_view(&View {
            day: r.local_date(),
            text: &j.text,
            prompt: j.prompt.as_deref(),
            tags: &j.tags,
            sensations: &j.sensations,
            feelings: &j.feelings,
            starred: j.starred,
        })
    }

    /// The same test on borrowed fields, so a search over thousands of entries copies
    /// nothing.
    pub fn matches_view(&self, v: &View) -> bool {
        let has = |list: &[String], want: &Option<String>| {
            want.as_ref().is_none_or(|w| {
                list.iter()
                    .any(|x| x.eq_ignore_ascii_case(w.trim_start_matches('#')))
            })
        };
        (!self.starred || v.starred)
            && self.since.is_none_or(|s| v.day >= s)
            && self.until.is_none_or(|u| v.day <= u)
            && has(v.tags, &self.tag)
            && has(v.sensations, &self.sensation)
            && self.query.as_ref().is_none_or(|q| contains_all(v, q))
    }
}

/// The searchable fields of one entry, borrowed.
pub struct View<'a> {
    pub day: NaiveDate,
    pub text: &'a str,
    pub prompt: Option<&'a str>,
    pub tags: &'a [String],
    pub sensations: &'a [String],
    pub feelings: &'a [String],
    pub starred: bool,
}

/// Text as search compares it: lower case, accents let go ("Café" reads "cafe"), so a
/// word typed without its accents still finds it.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect()
}

/// Where the words of `query` are in `text`, as byte ranges of `text`, found as search
/// finds them (case and accents folded), in order and never overlapping.
pub fn match_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    // The folded text, and for each of its bytes the range of the character it came from.
    let mut folded = String::new();
    let mut origin: Vec<std::ops::Range<usize>> = Vec::new();
    for (at, c) in text.char_indices() {
        let piece = fold(c.encode_utf8(&mut [0; 4]));
        let from = at..at + c.len_utf8();
        origin.extend(std::iter::repeat_n(from, piece.len()));
        folded.push_str(&piece);
    }
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for word in query.split_whitespace().map(fold) {
        for (start, hit) in folded.match_indices(&word) {
            let (Some(first), Some(last)) = (origin.get(start), origin.get(start + hit.len() - 1))
            else {
                continue;
            };
            found.push(first.start..last.end);
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for r in found {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Every word of `query` appears somewhere in the entry, in any case, with or without
/// its accents.
fn contains_all(v: &View, query: &str) -> bool {
    let fields = [v.text, v.prompt.unwrap_or("")].into_iter().chain(
        v.tags
            .iter()
            .chain(v.sensations)
            .chain(v.feelings)
            .map(String::as_str),
    );
    Words::new(query).found_in(fields)
}

/// `fold(text)` into `buf` (cleared first) when `text` is ASCII, where folding is only
/// lower-casing, so a search over thousands of fields reuses one buffer; false, with `buf`
/// left empty, when `text` needs the full fold.
pub fn fold_ascii_into(text: &str, buf: &mut String) -> bool {
    buf.clear();
    if !text.is_ascii() {
        return false;
    }
    buf.push_str(text);
    buf.make_ascii_lowercase();
    true
}

/// The words of a search, folded once, to look for in fields folded once each.
#[derive(Clone, Debug)]
pub struct Words {
    words: Vec<String>,
}

impl Words {
    pub fn new(query: &str) -> Words {
        Words {
            words: query.split_whitespace().map(fold).collect(),
        }
    }

    /// Whether every word is in one of `fields`, each folded as `fold` folds it.
    pub fn found_in<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        let mut seeker = self.seeker();
        let mut buf = String::new();
        fields.into_iter().any(|f| seeker.unfolded(f, &mut buf)) || seeker.done()
    }

    /// A search fed one entry's fields at a time (`reset` before each further entry).
    pub fn seeker(&self) -> Seeker<'_> {
        let mut seeker = Seeker {
            words: &self.words,
            found: vec![false; self.words.len()],
            left: 0,
        };
        seeker.reset();
        seeker
    }
}

/// The words not yet found in the fields seen so far of one entry.
pub struct Seeker<'w> {
    words: &'w [String],
    found: Vec<bool>,
    left: usize,
}

impl Seeker<'_> {
    /// Start again on another entry: no word found yet.
    pub fn reset(&mut self) {
        self.found.fill(false);
        self.left = self.words.len();
    }

    /// Look in one more folded field; true once every word has been found.
    pub fn field(&mut self, folded: &str) -> bool {
        for (word, found) in self.words.iter().zip(&mut self.found) {
            if !*found && folded.contains(word.as_str()) {
                *found = true;
                self.left -= 1;
            }
        }
        self.done()
    }

    /// `field` for a field not yet folded: ASCII is folded into `buf`, kept between
    /// fields so that folding takes no allocation.
    pub fn unfolded(&mut self, text: &str, buf: &mut String) -> bool {
        if fold_ascii_into(text, buf) {
            self.field(buf)
        } else {
            self.field(&fold(text))
        }
    }

    /// `field` for a field known to be ASCII, which folding only lower-cases: lower-cased
    /// into `buf` without checking it again (anything else in it stays as it is).
    pub fn ascii(&mut self, text: &str, buf: &mut String) -> bool {
        buf.clear();
        buf.push_str(text);
        buf.make_ascii_lowercase();
        self.field(buf)
    }

    pub fn done(&self) -> bool {
        self.left == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompts(n: usize) -> Prompts {
        Prompts {
            categories: vec![
                Category {
                    id: "a".into(),
                    title: "A".into(),
                    opt_in: false,
                },
                Category {
                    id: "x".into(),
                    title: "X".into(),
                    opt_in: true,
                },
            ],
            prompts: (0..n)
                .map(|i| Prompt {
                    id: format!("p{i}"),
                    category: "a".into(),
                    text: format!("prompt {i}"),
                })
                .chain([Prompt {
                    id: "hard".into(),
                    category: "x".into(),
                    text: "painful".into(),
                }])
                .collect(),
        }
    }

    #[test]
    fn the_prompt_of_the_day_never_repeats_within_a_week_and_skips_opt_in() {
        for n in [7, 14, 21, 42, 44] {
            let p = prompts(n);
            let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            for offset in 0..400 {
                let week: Vec<&str> = (0..7)
                    .map(|d| {
                        p.of_the_day(start + chrono::Days::new(offset + d), 0)
                            .unwrap()
                            .id
                            .as_str()
                    })
                    .collect();
                let mut unique = week.clone();
                unique.sort();
                unique.dedup();
                assert_eq!(unique.len(), 7, "n={n}: {week:?}");
                assert!(!week.contains(&"hard"));
            }
        }
        let p = prompts(10);
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_ne!(p.of_the_day(day, 0), p.of_the_day(day, 1), "another prompt is another");
    }

    #[test]
    fn search_folds_case_and_accents_both_ways() {
        assert_eq!(fold("Café crème"), "cafe creme");
        assert_eq!(fold("ÅNGEST Über"), "angest uber");
        let text = "A calm morning at the Café.";
        let v = View {
            day: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            text,
            prompt: None,
            tags: &[],
            sensations: &[],
            feelings: &[],
            starred: false,
        };
        assert!(contains_all(&v, "cafe"));
        assert!(contains_all(&v, "CAFÉ calm"));
        assert!(!contains_all(&v, "cafe tea"));
    }

    #[test]
    fn matches_are_found_where_search_finds_them_accents_and_all() {
        let text = "Café, then the CAFE again";
        let hits: Vec<&str> = match_ranges(text, "cafe")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(hits, ["Café", "CAFE"]);
        assert!(match_ranges(text, "tea").is_empty());
        assert_eq!(match_ranges("aaa", "aa a"), vec![std::ops::Range { start: 0, end: 3 }]);
    }

    #[test]
    fn words_and_tags_are_tidied() {
        let w = tidy_words(&[" Work".into(), "#work".into(), "".into(), "Sleep ".into()]);
        assert_eq!(w, ["work", "sleep"]);
        assert_eq!(first_line("\n  \n  hello there \nmore"), "hello there");
        assert!(!has_text(" \n\t "));
    }
}
