//! The history generator shared by `examples/gen_history` and `benches/store.rs`: a
//! deterministic, plausible attune history built in memory, then written through the real
//! store with `Store::save_all`, each month file once.

use attune::store::model::{Body, Checkin, Journal, Record, Session, Stamp};
use attune::store::{SaveReport, Store, StoreError};
use chrono::{Datelike, Days, Local, LocalResult, Months, NaiveDate, NaiveDateTime, TimeZone};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Yearly targets from DESIGN.md "Budgets" (a 10-year history holds about ten times these).
const SESSIONS_PER_YEAR: f64 = 2000.0;
const CHECKINS_PER_YEAR: f64 = 1500.0;
const JOURNALS_PER_YEAR: f64 = 500.0;

/// How many months go into one `save_all` call: whole years, so memory stays modest and
/// no month file is written twice.
const MONTHS_PER_SAVE: usize = 12;

/// What to generate: `years` of history ending at `end` (local wall time, normally now).
#[derive(Clone, Debug)]
pub struct Plan {
    pub years: u32,
    pub seed: u64,
    pub end: NaiveDateTime,
}

impl Plan {
    /// `years` of history ending now, in local time.
    pub fn ending_now(years: u32, seed: u64) -> Plan {
        Plan {
            years,
            seed,
            end: Local::now().naive_local(),
        }
    }
}

/// A generated history, oldest record first.
#[derive(Debug, Default)]
pub struct History {
    pub records: Vec<Record>,
    pub sessions: usize,
    pub checkins: usize,
    pub journals: usize,
    /// Records saved with a later `updated_at` (edited journal entries).
    pub edited: usize,
    /// Records saved as tombstones (deleted check-ins).
    pub deleted: usize,
    /// Days with no record at all (days off and missed weeks).
    pub quiet_days: usize,
    /// Days inside a bad week.
    pub bad_days: usize,
}

impl History {
    /// One line for humans: what is in it.
    pub fn summary(&self) -> String {
        format!(
            "{} records: {} sessions, {} check-ins, {} journal entries \
             ({} edited, {} deleted); {} quiet days, {} days in bad weeks",
            self.records.len(),
            self.sessions,
            self.checkins,
            self.journals,
            self.edited,
            self.deleted,
            self.quiet_days,
            self.bad_days,
        )
    }
}

/// What `write` did.
#[derive(Debug, Default, Clone)]
pub struct Written {
    pub months: usize,
    pub save_calls: usize,
    pub report: SaveReport,
}

/// Write `records` (oldest first) through the store, a year of months per `save_all`.
pub fn write(store: &Store, records: Vec<Record>) -> Result<Written, StoreError> {
    let mut written = Written::default();
    let mut chunk: Vec<Record> = Vec::new();
    let mut months_in_chunk = 0;
    let mut last_month = String::new();
    for record in records {
        let month = record.month();
        if month != last_month {
            written.months += 1;
            if months_in_chunk == MONTHS_PER_SAVE {
                flush(store, &mut chunk, &mut written)?;
                months_in_chunk = 0;
            }
            months_in_chunk += 1;
            last_month = month;
        }
        chunk.push(record);
    }
    flush(store, &mut chunk, &mut written)?;
    Ok(written)
}

fn flush(store: &Store, chunk: &mut Vec<Record>, written: &mut Written) -> Result<(), StoreError> {
    if chunk.is_empty() {
        return Ok(());
    }
    let report = store.save_all(std::mem::take(chunk))?;
    written.save_calls += 1;
    written.report.changed += report.changed;
    written.report.unchanged += report.unchanged;
    Ok(())
}

/// Build the whole history in memory. The same plan (seed, years, end) always gives the
/// same records, ids included.
pub fn generate(plan: &Plan) -> History {
    let mut g = Generator {
        rng: Rng::new(plan.seed),
        words: SensationPools::new(attune::content::sensation_words().to_vec()),
        history: History::default(),
        end: plan.end,
    };
    let last = plan.end.date();
    let first = last
        .checked_sub_months(Months::new(12 * plan.years))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .unwrap_or(last);
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    let (quiet, bad) = g.shape_days(&days);
    let span_years = days.len() as f64 / 365.25;

    // Each active day gets a weight; each kind's yearly total is spread by weight.
    let weights: Vec<f64> = days
        .iter()
        .map(|d| {
            if quiet.contains(d) {
                0.0
            } else {
                let weekend = matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
                let base = g.rng.range_f64(0.4, 1.6) * if weekend { 0.85 } else { 1.0 };
                base * if bad.contains(d) { 1.5 } else { 1.0 }
            }
        })
        .collect();
    let total: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let per_weight = |per_year: f64| per_year * span_years / total;
    let (s_rate, c_rate, j_rate) = (
        per_weight(SESSIONS_PER_YEAR),
        per_weight(CHECKINS_PER_YEAR),
        per_weight(JOURNALS_PER_YEAR),
    );

    let mut mood = 0.0; // slow drift, so weeks differ even outside bad ones
    for (day, w) in days.iter().zip(&weights) {
        mood = (mood * 0.9 + g.rng.range_f64(-0.6, 0.6)).clamp(-1.5, 1.5);
        if *w == 0.0 {
            g.history.quiet_days += 1;
            continue;
        }
        let is_bad = bad.contains(day);
        if is_bad {
            g.history.bad_days += 1;
        }
        // Winter is a little harder for many people.
        let season = (f64::from(day.ordinal()) / 365.25 * std::f64::consts::TAU).cos();
        let distress = 2.8 + 0.6 * season + mood + if is_bad { 3.2 } else { 0.0 };
        let day = Day {
            date: *day,
            distress,
            bad: is_bad,
        };
        let sessions = g.rng.count(s_rate * w);
        let checkins = g.rng.count(c_rate * w);
        let journals = g.rng.count(j_rate * w);
        g.day(&day, sessions, checkins, journals);
    }
    let mut history = g.history;
    history
        .records
        .sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    history
}

struct Day {
    date: NaiveDate,
    /// The day's underlying distress, before per-record noise.
    distress: f64,
    bad: bool,
}

struct Generator {
    rng: Rng,
    words: SensationPools,
    history: History,
    end: NaiveDateTime,
}

impl Generator {
    /// Pick the quiet days (a few missed weeks a year, and single days off) and the bad
    /// weeks.
    fn shape_days(&mut self, days: &[NaiveDate]) -> (BTreeSet<NaiveDate>, BTreeSet<NaiveDate>) {
        let mut quiet = BTreeSet::new();
        let mut bad = BTreeSet::new();
        let n = days.len();
        if n == 0 {
            return (quiet, bad);
        }
        let years = (n / 365).max(1);
        // The last two weeks are never quiet, so "today" and "this week" have something.
        let open = n.saturating_sub(14).max(1);
        for _ in 0..years * 2 + self.rng.below(years + 1) {
            let start = self.rng.below(open);
            let len = self.rng.range(7, 22);
            quiet.extend(days.iter().skip(start).take(len.min(open - start)));
        }
        for _ in 0..years * 5 {
            let start = self.rng.below(n);
            let len = self.rng.range(5, 11);
            bad.extend(days.iter().skip(start).take(len));
        }
        for d in &days[..open] {
            if self.rng.chance(0.08) {
                quiet.insert(*d);
            }
        }
        (quiet, bad)
    }

    fn day(&mut self, day: &Day, sessions: usize, checkins: usize, journals: usize) {
        let mut todays_sessions: Vec<(Stamp, Uuid)> = Vec::new();
        for _ in 0..sessions {
            if let Some(at) = self.moment(day.date) {
                let body = self.session(day);
                let r = self.record(body, at);
                todays_sessions.push((at, r.id));
                self.history.sessions += 1;
                self.history.records.push(r);
            }
        }
        for _ in 0..checkins {
            if let Some(at) = self.moment(day.date) {
                let body = self.checkin(day, at);
                let mut r = self.record(body, at);
                if self.rng.chance(0.01) {
                    let later = self.later(at, 1, 90);
                    r = r.tombstone(later);
                    self.history.deleted += 1;
                }
                self.history.checkins += 1;
                self.history.records.push(r);
            }
        }
        for _ in 0..journals {
            if let Some(at) = self.moment(day.date) {
                let earlier: Vec<Uuid> = todays_sessions
                    .iter()
                    .filter(|(t, _)| *t < at)
                    .map(|(_, id)| *id)
                    .collect();
                let body = self.journal(day, &earlier);
                let mut r = self.record(body, at);
                if self.rng.chance(0.03) {
                    let addition = format!("\n\nLater: {}", self.rng.pick(LATER));
                    if let Body::Journal(j) = &mut r.body
                        && j.text.len() + addition.len() <= 2000
                    {
                        j.text.push_str(&addition);
                        r.updated_at = self.later(at, 10, 60 * 72);
                        self.history.edited += 1;
                    }
                }
                self.history.journals += 1;
                self.history.records.push(r);
            }
        }
    }

    /// A record with a deterministic UUID v7 for its creation time.
    fn record(&mut self, body: Body, at: Stamp) -> Record {
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.rng.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next().to_le_bytes()[..2]);
        Record {
            id: uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid(),
            created_at: at,
            updated_at: at,
            deleted_at: None,
            body,
        }
    }

    /// A moment on `date`: mornings and evenings more likely; never in the future, never a
    /// wall time the local clock skips (DST); the earlier of two when the clock repeats.
    fn moment(&mut self, date: NaiveDate) -> Option<Stamp> {
        let hour = self.rng.weighted(&HOUR_WEIGHTS) as u32;
        let naive = date.and_hms_milli_opt(
            hour,
            self.rng.below(60) as u32,
            self.rng.below(60) as u32,
            self.rng.below(1000) as u32,
        )?;
        if naive > self.end {
            return None;
        }
        match Local.from_local_datetime(&naive) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.fixed_offset()),
            LocalResult::None => None,
        }
    }

    /// A time `min..max` minutes after `at`, but not after the end of the history.
    fn later(&mut self, at: Stamp, min: usize, max: usize) -> Stamp {
        let minutes = self.rng.range(min, max) as i64;
        let end = Local
            .from_local_datetime(&self.end)
            .earliest()
            .map(|t| t.fixed_offset())
            .unwrap_or(at);
        (at + chrono::TimeDelta::minutes(minutes)).min(end).max(at)
    }

    fn scale(&mut self, centre: f64, spread: f64) -> u8 {
        let v = centre + self.rng.bell() * spread;
        v.round().clamp(0.0, 10.0) as u8
    }

    fn session(&mut self, day: &Day) -> Body {
        let breathe = self.rng.chance(0.65);
        let (practice, practice_id, planned) = if breathe {
            let id = BREATHE[self.rng.weighted(&BREATHE_WEIGHTS)];
            let planned = if id == "sigh" {
                *self.rng.pick(&[60.0, 90.0, 120.0])
            } else {
                *self
                    .rng
                    .pick(&[120.0, 180.0, 300.0, 300.0, 300.0, 600.0, 900.0])
            };
            ("breathe", id, Some(planned))
        } else {
            let id = GROUND[self.rng.weighted(&GROUND_WEIGHTS)];
            let planned =
                (!self.rng.chance(0.3)).then(|| *self.rng.pick(&[120.0, 180.0, 240.0, 300.0]));
            ("ground", id, planned)
        };
        let completed = !self.rng.chance(if day.bad { 0.22 } else { 0.14 });
        let actual = match (planned, completed) {
            (Some(p), true) => p + self.rng.range_f64(-1.5, 3.0),
            (Some(p), false) => p * self.rng.range_f64(0.08, 0.9),
            (None, _) => self.rng.range_f64(45.0, 420.0),
        };
        let actual = ((actual * 10.0).round() / 10.0).max(1.0);
        let (before, after) = if self.rng.chance(0.75) {
            let before = self.scale(day.distress + 1.0, 1.6);
            let drop = match self.rng.below(20) {
                0 => -1,
                1..=4 => 0,
                5..=11 => 1,
                12..=17 => 2,
                _ => 3,
            };
            let drop = if completed { drop } else { drop.min(1) };
            let after = (i32::from(before) - drop).clamp(0, 10) as u8;
            (Some(before), (!self.rng.chance(0.06)).then_some(after))
        } else {
            (None, None)
        };
        Body::Session(Session {
            practice: practice.to_string(),
            practice_id: practice_id.to_string(),
            planned_seconds: planned,
            actual_seconds: actual,
            completed,
            distress_before: before,
            distress_after: after,
            ..Session::default()
        })
    }

    fn checkin(&mut self, day: &Day, at: Stamp) -> Body {
        let distress = self.scale(day.distress, 1.5);
        let d = f64::from(distress);
        let morning = at.hour_of_day() < 11;
        let tension = self.rng.chance(0.7).then(|| self.scale(d * 0.8 + 1.0, 1.5));
        let breath = self.rng.chance(0.5).then(|| self.scale(9.0 - d * 0.6, 1.4));
        let energy = self
            .rng
            .chance(0.55)
            .then(|| self.scale(6.5 - d * 0.4, 1.8));
        let sleep = self
            .rng
            .chance(if morning { 0.8 } else { 0.2 })
            .then(|| self.scale(7.0 - d * 0.4, 1.8));
        let pain = self
            .rng
            .chance(if day.bad { 0.5 } else { 0.25 })
            .then(|| self.scale(if day.bad { 4.0 } else { 1.5 }, 1.5));
        let count = self.rng.weighted(&[35.0, 30.0, 25.0, 10.0]);
        let sensations = self.words.pick(&mut self.rng, count, distress >= 6);
        let note = self
            .rng
            .chance(0.12)
            .then(|| self.rng.pick(NOTES).to_string());
        Body::Checkin(Checkin {
            distress,
            tension,
            breath,
            energy,
            sleep,
            pain,
            sensations,
            note,
            ..Checkin::default()
        })
    }

    fn journal(&mut self, day: &Day, earlier_sessions: &[Uuid]) -> Body {
        let (prompt_id, prompt) = if self.rng.chance(0.4) {
            let (id, text) = *self.rng.pick(PROMPTS);
            (Some(id.to_string()), Some(text.to_string()))
        } else {
            (None, None)
        };
        let tags = if self.rng.chance(0.3) {
            let mut t: Vec<String> = Vec::new();
            for _ in 0..self.rng.range(1, 3) {
                let tag = self.rng.pick(TAGS).to_string();
                if !t.contains(&tag) {
                    t.push(tag);
                }
            }
            t
        } else {
            Vec::new()
        };
        let sensations = if self.rng.chance(0.3) {
            let n = self.rng.range(1, 3);
            self.words.pick(&mut self.rng, n, day.bad)
        } else {
            Vec::new()
        };
        let session_id = if self.rng.chance(0.5) {
            earlier_sessions.last().copied()
        } else {
            None
        };
        Body::Journal(Journal {
            text: self.text(day.bad),
            prompt_id,
            prompt,
            tags,
            sensations,
            session_id,
            ..Journal::default()
        })
    }

    /// 200 to 2,000 characters of reflective text in short paragraphs, longer entries
    /// rarer than short ones.
    fn text(&mut self, hard: bool) -> String {
        let target = 200 + (1800.0 * self.rng.unit().powf(1.6)) as usize;
        let mut text = String::new();
        let mut in_paragraph = 0;
        let mut used: Vec<&'static str> = Vec::new();
        loop {
            let sentence = self.sentence(hard, text.is_empty(), &mut used);
            let sep = match (text.is_empty(), in_paragraph >= self.rng.range(3, 6)) {
                (true, _) => "",
                (false, true) => "\n\n",
                (false, false) => " ",
            };
            if text.len() + sep.len() + sentence.len() > 2000 {
                if text.len() >= 200 {
                    break;
                }
                continue; // too long to fit; another, shorter one will
            }
            in_paragraph = if sep == "\n\n" { 1 } else { in_paragraph + 1 };
            text.push_str(sep);
            text.push_str(&sentence);
            if text.len() >= target {
                break;
            }
        }
        text
    }

    /// One sentence from the templates, avoiding ones already in this entry (`used`) for
    /// a few tries, so long entries repeat themselves only rarely.
    fn sentence(&mut self, hard: bool, first: bool, used: &mut Vec<&'static str>) -> String {
        let mut template = "";
        for _ in 0..4 {
            template = if first {
                *self.rng.pick(OPENERS)
            } else if hard && self.rng.chance(0.4) {
                *self.rng.pick(HARD)
            } else if self.rng.chance(0.15) {
                *self.rng.pick(KIND)
            } else {
                *self.rng.pick(MIDDLE)
            };
            if !used.contains(&template) {
                break;
            }
        }
        used.push(template);
        let mut out = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            out.push_str(self.fill(slot, hard));
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        // A slot may open the sentence ("{person} and I ..."): start with a capital.
        if let Some(first) = out.get(..1)
            && first != first.to_uppercase()
        {
            let upper = first.to_uppercase();
            out.replace_range(..1, &upper);
        }
        out
    }

    fn fill(&mut self, slot: &str, hard: bool) -> &'static str {
        let pool: &[&'static str] = match slot {
            "time" => TIMES,
            "feeling" if hard && self.rng.chance(0.6) => HARD_FEELINGS,
            "feeling" => FEELINGS,
            "hard-feeling" => HARD_FEELINGS,
            "good-feeling" => GOOD_FEELINGS,
            "place" => PLACES,
            "situation" => SITUATIONS,
            "body" => BODY,
            "helper" => HELPERS,
            "person" => PEOPLE,
            "small" => SMALL_GOOD,
            _ => &["something"],
        };
        pool[self.rng.below(pool.len())]
    }
}

trait HourOfDay {
    fn hour_of_day(&self) -> u32;
}

impl HourOfDay for Stamp {
    fn hour_of_day(&self) -> u32 {
        chrono::Timelike::hour(self)
    }
}

/// The offered sensation words, sorted into tense, calm and the rest. Only words the app
/// offers are used.
struct SensationPools {
    tense: Vec<String>,
    calm: Vec<String>,
    other: Vec<String>,
}

impl SensationPools {
    fn new(words: Vec<String>) -> SensationPools {
        const TENSE: &[&str] = &[
            "tight chest",
            "headache",
            "jaw clench",
            "stomach churn",
            "shaky",
            "racing heart",
            "shallow breath",
            "tight shoulders",
            "lump in throat",
            "restless",
        ];
        const CALM: &[&str] = &["settled", "warm", "light", "open", "grounded"];
        let mut pools = SensationPools {
            tense: Vec::new(),
            calm: Vec::new(),
            other: Vec::new(),
        };
        for w in words {
            if TENSE.contains(&w.as_str()) {
                pools.tense.push(w);
            } else if CALM.contains(&w.as_str()) {
                pools.calm.push(w);
            } else {
                pools.other.push(w);
            }
        }
        pools
    }

    /// Up to `n` different words; tense ones far more likely when `tense`.
    fn pick(&self, rng: &mut Rng, n: usize, tense: bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for _ in 0..n {
            let roll = rng.unit();
            let pool = match (tense, roll) {
                (true, r) if r < 0.75 => &self.tense,
                (false, r) if r < 0.45 => &self.calm,
                (false, r) if r < 0.6 => &self.tense,
                _ => &self.other,
            };
            let pool = if pool.is_empty() { &self.other } else { pool };
            if pool.is_empty() {
                break;
            }
            let word = rng.pick(pool).clone();
            if !out.contains(&word) {
                out.push(word);
            }
        }
        out
    }
}

/// splitmix64: small, fast, and good enough for plausible test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range_f64(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// Uniform in lo..hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo))
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly normal, mean 0, standard deviation about 1 (sum of three uniforms).
    fn bell(&mut self) -> f64 {
        (self.unit() + self.unit() + self.unit() - 1.5) * 2.0
    }

    /// A whole count with expectation `x`: floor, plus one with the fractional chance.
    fn count(&mut self, x: f64) -> usize {
        let whole = x.floor();
        whole as usize + usize::from(self.chance(x - whole))
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index chosen with the given (non-negative, not all zero) weights.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// Relative likelihood of each hour of the day: mornings and evenings.
const HOUR_WEIGHTS: [f64; 24] = [
    0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 1.5, 3.0, 3.0, 2.0, 1.0, 0.8, 1.2, 1.0, 0.8, 0.8, 1.0, 1.2,
    1.5, 2.0, 2.6, 3.0, 2.2, 0.8,
];

const BREATHE: [&str; 7] = [
    "exhale-4-6",
    "exhale-4-8",
    "coherent-5.5",
    "sigh",
    "box-4",
    "box-3",
    "4-7-8",
];
const BREATHE_WEIGHTS: [f64; 7] = [30.0, 12.0, 20.0, 15.0, 10.0, 6.0, 7.0];

const GROUND: [&str; 7] = [
    "5-4-3-2-1",
    "exhale-count",
    "orienting",
    "tactile",
    "name-it",
    "kind-pause",
    "butterfly-hug",
];
const GROUND_WEIGHTS: [f64; 7] = [25.0, 15.0, 15.0, 10.0, 15.0, 12.0, 8.0];

const NOTES: &[&str] = &[
    "after a long meeting",
    "slept badly",
    "walked in the park first",
    "before the dentist",
    "coffee with a friend",
    "rain all day",
    "hard phone call",
    "good run this morning",
    "deadline tomorrow",
    "quiet evening at home",
    "headache since lunch",
    "felt better after eating",
    "train was late again",
    "long day, nearly done",
    "woke up early",
    "after the school run",
    "busy shift",
    "sunny, went outside",
];

const PROMPTS: &[(&str, &str)] = &[
    ("noticed", "What did you notice in your body today?"),
    ("helped", "What helped, even a little?"),
    ("kind-word", "What would you say to a friend who had your day?"),
    ("enough", "What was enough today?"),
    ("small-good", "One small good thing from today:"),
    ("carry", "What are you ready to put down for tonight?"),
];

const TAGS: &[&str] = &[
    "work", "family", "sleep", "health", "friends", "walk", "therapy", "weekend", "rest", "home",
];

const OPENERS: &[&str] = &[
    "I felt {feeling} for most of the {time}.",
    "Today I noticed I was {feeling} after {situation}.",
    "Writing this {place}, feeling {feeling}.",
    "I want to remember how this {time} went.",
    "Checking in with myself after {situation}.",
    "Not much to say, but I am here and that counts.",
    "My {body} told me something today before my head did.",
    "Took a few minutes for myself this {time}.",
];

const MIDDLE: &[&str] = &[
    "I noticed my {body} and let it be there without fixing it.",
    "After {situation} I felt {feeling}, and that made sense.",
    "What helped was {helper}.",
    "I tried {helper} and it took the edge off.",
    "{person} and I talked for a while, which helped more than I expected.",
    "I spent some time {place} and the day slowed down a little.",
    "One small good thing: {small}.",
    "I caught myself rushing and chose to slow down.",
    "The breathing felt awkward at first, then easier after a minute or two.",
    "I did not do everything on the list, and that is all right.",
    "My {body} loosened a bit once I stopped holding my breath.",
    "I am learning that a short practice still counts.",
    "It was an ordinary {time}, and ordinary is fine.",
    "I noticed the urge to check my phone and let it pass.",
    "By the end of the {time} I felt {good-feeling}, which was a nice surprise.",
    "I want to try {helper} again tomorrow.",
    "I sat {place} for ten minutes and just let my breathing be slow.",
    "A message from {person} made me smile.",
    "I noticed the tension in my {body} easing when I made the out-breath longer.",
    "Grounding with my feet on the floor brought me back into the room.",
    "I paused before answering, and it changed how the conversation went.",
    "I am not sure why today was easier, but I will take it.",
    "Some of the worry is still there, and I can carry it more lightly.",
    "I made tea and drank it slowly, without doing anything else.",
    "It helps to write this down instead of carrying it around in my head.",
    "I noticed I was hungry and tired rather than upset, which is useful to know.",
    "When I slowed my breathing, the thoughts slowed a little too.",
    "I let myself stop working on time today.",
    "Part of me wanted to skip the practice, and I did a short one anyway.",
    "There was a moment {place} when everything felt quiet.",
];

const HARD: &[&str] = &[
    "My {body} has been tight most of the day and I am tired of it.",
    "It was hard after {situation}, and I felt {hard-feeling} for a long time.",
    "I stopped the practice early today; some days that is what I can manage.",
    "Sleep has been thin this week and everything feels louder.",
    "I felt a wave of worry and counted five things I could see until it passed.",
    "The headache came back in the afternoon.",
    "I kept going over the same conversation with {person}.",
    "My chest felt tight on the way home, so I breathed out slowly for a while.",
    "I felt {hard-feeling} and did not know why, and I am trying not to judge that.",
    "Everything took more effort than usual today.",
    "I snapped at {person} and felt bad about it afterwards; I will say sorry.",
    "I could not settle, so I walked instead of sitting still.",
    "It is hard to remember that this feeling passes, but it has before.",
    "Be gentle: this is a hard week, not a hard life.",
];

const KIND: &[&str] = &[
    "I am doing better than I think I am.",
    "If a friend told me this, I would tell them to rest, so I will.",
    "Enough for today.",
    "Tomorrow can start again, one breath at a time.",
    "I showed up, and that is the practice.",
    "Small steps still go somewhere.",
];

const LATER: &[&str] = &[
    "I slept better than I expected.",
    "Reading this back, I was kinder to myself than I remember.",
    "It turned out fine.",
    "I talked it through and it feels lighter now.",
];

const TIMES: &[&str] = &["morning", "afternoon", "evening", "week", "day"];

const FEELINGS: &[&str] = &[
    "calm",
    "settled",
    "a little tired",
    "steady",
    "lighter",
    "hopeful",
    "restless",
    "content",
    "quiet inside",
    "a bit flat",
    "grateful",
    "distracted",
];

const GOOD_FEELINGS: &[&str] = &["lighter", "calmer", "steady", "more like myself", "settled"];

const HARD_FEELINGS: &[&str] = &[
    "on edge",
    "overwhelmed",
    "low",
    "anxious",
    "worn out",
    "tearful",
    "irritable",
    "heavy",
    "shaky",
];

const PLACES: &[&str] = &[
    "at the kitchen table",
    "on the bus",
    "in bed",
    "by the window",
    "on the balcony",
    "in the park",
    "at my desk",
    "on the sofa",
];

const SITUATIONS: &[&str] = &[
    "the team meeting",
    "a long call with my sister",
    "the commute",
    "a difficult email",
    "cooking dinner",
    "a walk around the block",
    "the school run",
    "a doctor's appointment",
    "a busy shift",
    "lunch with a friend",
    "tidying the flat",
    "the news",
];

const BODY: &[&str] = &[
    "shoulders",
    "jaw",
    "chest",
    "stomach",
    "hands",
    "neck",
    "back",
];

const HELPERS: &[&str] = &[
    "a longer out-breath",
    "a walk outside",
    "naming five things I could see",
    "a glass of water",
    "putting my feet flat on the floor",
    "stepping away from the screen",
    "a warm shower",
    "the butterfly hug",
    "box breathing on the stairs",
    "texting a friend",
    "writing it down",
];

const PEOPLE: &[&str] = &[
    "my sister",
    "a colleague",
    "my partner",
    "an old friend",
    "my mum",
    "my neighbour",
];

const SMALL_GOOD: &[&str] = &[
    "the light through the window",
    "a good cup of tea",
    "a song I had forgotten about",
    "the cat asleep on my lap",
    "finishing a small task",
    "fresh bread",
    "a kind message",
    "the smell of rain",
];
