//! The journal index's file format. Every word of a month's entries lies in one UTF-8
//! run at the front of the file, and each field that is not ASCII has its folded form
//! (`domain::journal::fold`) beside it, so a search matches words where they lie, never
//! folds Unicode, and copies out only its hits. The fixed fields and each field's length
//! follow, then the length of the words. Any file that does not read back whole is
//! treated as missing, so the month is indexed again.

use super::Entry;
use crate::domain::journal::fold;
use crate::service::index::{Indexed, Meta};
use crate::store::model::Stamp;
use chrono::{FixedOffset, TimeZone};

/// Marks a file as this format. Version 1 began `AJI\x01`, a JSON index `{`; both read
/// as missing.
const MAGIC: &[u8; 4] = b"AJI\x02";
/// A field's folded length when it keeps no folded form (it is ASCII).
const NO_FOLD: u32 = u32::MAX;

pub fn encode(file: &Indexed<Entry>) -> Vec<u8> {
    let text: usize = file.items.iter().map(|e| e.text.len() + 128).sum();
    let mut out = Vec::with_capacity(64 + 2 * text);
    out.extend_from_slice(MAGIC);
    let mut lens = Vec::with_capacity(64 * file.items.len());
    for e in &file.items {
        put_head(&mut lens, e);
        for field in fields(e) {
            out.extend_from_slice(field.as_bytes());
            put_len(&mut lens, field.len());
            if field.is_ascii() {
                put_u32(&mut lens, NO_FOLD);
            } else {
                let folded = fold(field);
                out.extend_from_slice(folded.as_bytes());
                put_len(&mut lens, folded.len());
            }
        }
    }
    let words = out.len() - MAGIC.len();
    out.extend_from_slice(&file.version.to_le_bytes());
    out.extend_from_slice(&file.len.to_le_bytes());
    out.extend_from_slice(&file.modified_ns.to_le_bytes());
    put_len(&mut out, file.items.len());
    out.extend_from_slice(&lens);
    put_len(&mut out, words);
    out
}

/// An entry's fields in the order the file keeps them: text, prompt, tags, sensations,
/// feelings. They are also the fields a search looks in (no prompt: nothing to find).
pub(super) fn fields(e: &Entry) -> impl Iterator<Item = &str> {
    [e.text.as_str()]
        .into_iter()
        .chain(e.prompt.as_deref())
        .chain(
            e.tags
                .iter()
                .chain(&e.sensations)
                .chain(&e.feelings)
                .map(String::as_str),
        )
}

fn put_head(out: &mut Vec<u8>, e: &Entry) {
    out.extend_from_slice(e.meta.id.as_bytes());
    put_stamp(out, &e.meta.created_at);
    put_stamp(out, &e.meta.updated_at);
    out.extend_from_slice(&[
        u8::from(e.meta.deleted),
        u8::from(e.starred),
        u8::from(e.prompt.is_some()),
    ]);
    for list in [&e.tags, &e.sensations, &e.feelings] {
        put_len(out, list.len());
    }
}

fn put_stamp(out: &mut Vec<u8>, t: &Stamp) {
    out.extend_from_slice(&t.timestamp_millis().to_le_bytes());
    out.extend_from_slice(&t.offset().local_minus_utc().to_le_bytes());
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    // Nothing attune writes comes near 4 GB; a longer field saturates and fails to read.
    put_u32(out, u32::try_from(n).unwrap_or(u32::MAX));
}

/// An index file read back into owned entries, or None when it is cut, damaged or in
/// another format.
pub fn decode(bytes: &[u8]) -> Option<Indexed<Entry>> {
    let file = scan(bytes)?;
    Some(Indexed {
        version: file.version,
        len: file.len,
        modified_ns: file.modified_ns,
        items: file.entries.iter().map(Seen::entry).collect(),
    })
}

/// A stamp as an index file keeps it, checked to stand for a moment chrono can hold.
#[derive(Clone, Copy)]
struct RawStamp {
    millis: i64,
    offset: FixedOffset,
}

impl RawStamp {
    fn stamp(self) -> Stamp {
        // The moment was checked in `Reader::stamp`: the default is never taken.
        self.offset
            .timestamp_millis_opt(self.millis)
            .single()
            .unwrap_or_default()
    }
}

/// One index file read in place.
pub struct Scanned<'a> {
    pub version: u32,
    pub len: u64,
    pub modified_ns: u128,
    pub entries: Vec<Seen<'a>>,
}

/// One version of an entry, its words borrowed from the index file's bytes. Its stamps
/// stay as the file has them (checked to stand for a moment) until an entry is built:
/// most versions hold no hit, and the merge needs only their order.
pub struct Seen<'a> {
    pub id: uuid::Uuid,
    pub deleted: bool,
    created_at: RawStamp,
    updated_at: RawStamp,
    pub starred: bool,
    has_prompt: bool,
    lists: [u32; 3],
    /// A (length, folded length) pair for each field, as the file has them.
    lens: &'a [u8],
    /// Its fields, each followed by its folded form if it has one.
    words: &'a str,
}

impl<'a> Seen<'a> {
    /// Each field with its folded form, if it keeps one, in the order of `fields`.
    pub fn fields(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> {
        let (mut lens, mut words) = (self.lens, self.words);
        std::iter::from_fn(move || {
            let mut r = Reader { rest: lens };
            let (len, folded) = (r.len()?, r.u32()?);
            lens = r.rest;
            let (field, rest) = words.split_at_checked(len)?;
            let (folded, rest) = match folded {
                NO_FOLD => (None, rest),
                n => {
                    let (f, rest) = rest.split_at_checked(usize::try_from(n).ok()?)?;
                    (Some(f), rest)
                }
            };
            words = rest;
            Some((field, folded))
        })
    }

    /// When this version was saved, in milliseconds since 1970: the order of two versions.
    pub fn updated_millis(&self) -> i64 {
        self.updated_at.millis
    }

    pub fn meta(&self) -> Meta {
        Meta {
            id: self.id,
            created_at: self.created_at.stamp(),
            updated_at: self.updated_at.stamp(),
            deleted: self.deleted,
        }
    }

    /// The entry, its words copied out.
    pub fn entry(&self) -> Entry {
        let mut fields = self.fields().map(|(f, _)| f.to_owned());
        let text = fields.next().unwrap_or_default();
        let prompt = if self.has_prompt { fields.next() } else { None };
        let [tags, sensations, feelings] = self
            .lists
            .map(|n| fields.by_ref().take(n as usize).collect());
        Entry {
            meta: self.meta(),
            text,
            prompt,
            tags,
            sensations,
            feelings,
            starred: self.starred,
        }
    }

    pub fn has_prompt(&self) -> bool {
        self.has_prompt
    }
}

/// Read an index file in place: every length checked against the words, which are
/// checked as UTF-8 once; None when it is cut, damaged or in another format.
pub fn scan(bytes: &[u8]) -> Option<Scanned<'_>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (rest, tail) = rest.split_last_chunk::<4>()?;
    let (words, table) = rest.split_at_checked(usize::try_from(u32::from_le_bytes(*tail)).ok()?)?;
    let words = std::str::from_utf8(words).ok()?;
    let mut r = Reader { rest: table };
    let version = u32::from_le_bytes(r.array()?);
    let len = u64::from_le_bytes(r.array()?);
    let modified_ns = u128::from_le_bytes(r.array()?);
    let count = r.len()?;
    let mut entries = Vec::with_capacity(count.min(r.rest.len() / ENTRY_MIN));
    let mut at = 0;
    for _ in 0..count {
        let seen = r.entry(words, &mut at)?;
        entries.push(seen);
    }
    (r.rest.is_empty() && at == words.len()).then_some(Scanned {
        version,
        len,
        modified_ns,
        entries,
    })
}

/// The fewest bytes one entry takes in the table, to bound what a count may ask for.
const ENTRY_MIN: usize = 16 + 2 * 12 + 3 + 3 * 4 + 8;

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.rest.split_at_checked(n)?;
        self.rest = tail;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.u32()?).ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.array::<1>()? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }

    fn stamp(&mut self) -> Option<RawStamp> {
        let millis = i64::from_le_bytes(self.array()?);
        let offset = i32::from_le_bytes(self.array()?);
        let inside = (Stamp::MIN_UTC.timestamp_millis()..=Stamp::MAX_UTC.timestamp_millis())
            .contains(&millis);
        let offset = FixedOffset::east_opt(offset).filter(|_| inside)?;
        Some(RawStamp { millis, offset })
    }

    /// One entry of the table, its fields checked to lie whole in `words` from `at` on.
    fn entry(&mut self, words: &'a str, at: &mut usize) -> Option<Seen<'a>> {
        let id = uuid::Uuid::from_bytes(self.array()?);
        let created_at = self.stamp()?;
        let updated_at = self.stamp()?;
        let (deleted, starred, has_prompt) = (self.flag()?, self.flag()?, self.flag()?);
        let lists = [self.u32()?, self.u32()?, self.u32()?];
        let count = lists.iter().map(|&n| u64::from(n)).sum::<u64>() + 1 + u64::from(has_prompt);
        let lens = self.take(usize::try_from(count.checked_mul(8)?).ok()?)?;
        let from = *at;
        let mut r = Reader { rest: lens };
        while !r.rest.is_empty() {
            *at = at.checked_add(r.len()?)?;
            let whole = words.is_char_boundary(*at);
            match r.u32()? {
                NO_FOLD => {}
                n => *at = at.checked_add(usize::try_from(n).ok()?)?,
            }
            if !whole || !words.is_char_boundary(*at) {
                return None;
            }
        }
        Some(Seen {
            id,
            deleted,
            created_at,
            updated_at,
            starred,
            has_prompt,
            lists,
            lens,
            words: words.get(from..*at)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, prompt: Option<&str>) -> Entry {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-04T21:15:09.123+05:30").unwrap();
        Entry {
            meta: Meta {
                id: uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef),
                created_at: at,
                updated_at: at + chrono::Duration::minutes(3),
                deleted: false,
            },
            text: text.to_owned(),
            prompt: prompt.map(str::to_owned),
            tags: vec!["work".into(), "Café".into()],
            sensations: vec![],
            feelings: vec!["tired".into()],
            starred: true,
        }
    }

    fn file(items: Vec<Entry>) -> Indexed<Entry> {
        Indexed {
            version: 7,
            len: 12_345,
            modified_ns: 1_700_000_000_123_456_789,
            items,
        }
    }

    #[test]
    fn entries_read_back_as_they_were_written() {
        let written = file(vec![
            entry("line one\nline \"two\" ✓ Ünïcode", Some("What helped?")),
            entry("", None),
            entry("plain ASCII", Some("")),
        ]);
        let back = decode(&encode(&written)).unwrap();
        assert_eq!((back.version, back.len, back.modified_ns), (7, 12_345, written.modified_ns));
        assert_eq!(format!("{:?}", back.items), format!("{:?}", written.items));
        assert_eq!(back.items[0].meta.created_at.offset().local_minus_utc(), 19_800);
    }

    #[test]
    fn fields_not_ascii_keep_their_folded_form() {
        let bytes = encode(&file(vec![entry("Ünïcode ✓", None)]));
        let scanned = scan(&bytes).unwrap();
        let fields: Vec<_> = scanned.entries[0].fields().collect();
        assert_eq!(
            fields,
            [
                ("Ünïcode ✓", Some("unicode ✓")),
                ("work", None),
                ("Café", Some("cafe")),
                ("tired", None)
            ]
        );
    }

    #[test]
    fn a_cut_or_damaged_file_reads_as_missing() {
        let bytes = encode(&file(vec![entry("some words é", Some("a prompt"))]));
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        assert!(decode(b"{\"version\":4,\"len\":0,\"modified_ns\":0,\"items\":[]}").is_none());
        let mut old = bytes.clone();
        old[3] = 1;
        assert!(decode(&old).is_none(), "the format before this one");
        let mut not_text = bytes.clone();
        let at = bytes.windows(4).position(|w| w == b"some").unwrap();
        not_text[at] = 0xff;
        assert!(decode(&not_text).is_none());
        let tail: [u8; 4] = bytes[bytes.len() - 4..].try_into().unwrap();
        let table = 4 + u32::from_le_bytes(tail) as usize;
        let first_len = table + 32 + 16 + 24 + 3 + 12;
        assert_eq!(bytes[first_len], 13, "the text's length");
        let mut mid_char = bytes.clone();
        mid_char[first_len] -= 1;
        mid_char[first_len + 4] += 1;
        assert!(decode(&mid_char).is_none(), "a length that ends inside a character");
        let mut huge_count = bytes.clone();
        huge_count[table + 28..table + 32].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&huge_count).is_none());
    }

    #[test]
    fn a_stamp_no_moment_can_stand_for_reads_as_missing() {
        let bytes = encode(&file(vec![entry("words", None)]));
        let words = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().unwrap()) as usize;
        // The table: version, length, modified time, count, then the entry's id and stamps.
        let created = MAGIC.len() + words + 4 + 8 + 16 + 4 + 16;
        let kept = i64::from_le_bytes(bytes[created..created + 8].try_into().unwrap());
        assert_eq!(kept, entry("words", None).meta.created_at.timestamp_millis());
        let mut far = bytes.clone();
        far[created..created + 8].copy_from_slice(&i64::MAX.to_le_bytes());
        assert!(scan(&far).is_none() && decode(&far).is_none(), "a moment out of range");
        let mut offset = bytes.clone();
        offset[created + 8..created + 12].copy_from_slice(&100_000i32.to_le_bytes());
        assert!(scan(&offset).is_none(), "an offset of more than a day");
        let scanned = scan(&bytes).unwrap();
        let seen = &scanned.entries[0];
        assert_eq!(seen.meta(), entry("words", None).meta);
        assert_eq!(seen.updated_millis(), seen.meta().updated_at.timestamp_millis());
    }
}
