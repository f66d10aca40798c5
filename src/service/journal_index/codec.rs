//! The journal index's file format. Every word of a month's entries lies in one UTF-8
//! string at the front of the file, checked once as it is read and kept as it is, so a
//! search reads fields in place and copies only its hits; the fixed fields and each
//! field's length follow, then the string's length. Fields that are not ASCII carry their
//! folded form (`domain::journal::fold`) beside them, so a search never folds Unicode.
//! Any file that does not read back whole is treated as missing, so the month is indexed
//! again.

use super::{Block, Field, Stored};
use crate::service::index::{Indexed, Meta};
use crate::store::model::Stamp;
use chrono::{FixedOffset, TimeZone};
use std::sync::Arc;

/// Marks a file as this format. Version 1 began `AJI\x01`, a JSON index `{`; both read
/// as missing. ASCII, so the front of the file is text with the words.
const MAGIC: &[u8; 4] = b"AJI\x02";
/// A field's folded length when it keeps no folded form (it is ASCII).
const NO_FOLD: u32 = u32::MAX;

pub fn encode(file: &Indexed<Stored>) -> Vec<u8> {
    let text: usize = file.items.iter().map(Stored::words_len).sum();
    let mut out = Vec::with_capacity(64 + text + 64 * file.items.len());
    out.extend_from_slice(MAGIC);
    for s in &file.items {
        for f in s.fields() {
            out.extend_from_slice(s.block.get(f.at, f.end).as_bytes());
            if let Some((at, end)) = f.folded {
                out.extend_from_slice(s.block.get(at, end).as_bytes());
            }
        }
    }
    let text_len = out.len() - MAGIC.len();
    out.extend_from_slice(&file.version.to_le_bytes());
    out.extend_from_slice(&file.len.to_le_bytes());
    out.extend_from_slice(&file.modified_ns.to_le_bytes());
    put_len(&mut out, file.items.len());
    for s in &file.items {
        put_entry(&mut out, s);
    }
    put_len(&mut out, text_len);
    out
}

fn put_entry(out: &mut Vec<u8>, s: &Stored) {
    out.extend_from_slice(s.meta.id.as_bytes());
    put_stamp(out, &s.meta.created_at);
    put_stamp(out, &s.meta.updated_at);
    out.extend_from_slice(&[
        u8::from(s.meta.deleted),
        u8::from(s.starred),
        u8::from(s.has_prompt),
    ]);
    for n in s.lists {
        put_u32(out, n);
    }
    for f in s.fields() {
        put_len(out, f.end - f.at);
        match f.folded {
            Some((at, end)) => put_len(out, end - at),
            None => put_u32(out, NO_FOLD),
        }
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
    // Nothing attune writes comes near 4 GB; a longer file saturates and fails to read.
    put_u32(out, u32::try_from(n).unwrap_or(u32::MAX));
}

/// An index file read back, its words kept in the bytes read (only the small table after
/// them is copied out), or None when it is cut, damaged or in another format.
pub fn decode(mut bytes: Vec<u8>) -> Option<Indexed<Stored>> {
    if !bytes.starts_with(MAGIC) {
        return None;
    }
    let tail: [u8; 4] = bytes.get(bytes.len().checked_sub(4)?..)?.try_into().ok()?;
    let text_end = MAGIC
        .len()
        .checked_add(usize::try_from(u32::from_le_bytes(tail)).ok()?)?;
    if text_end > bytes.len() - 4 {
        return None;
    }
    let table = bytes.split_off(text_end);
    let text = String::from_utf8(bytes).ok()?;
    let mut r = Reader {
        rest: &table[..table.len() - 4],
    };
    let version = u32::from_le_bytes(r.array()?);
    let len = u64::from_le_bytes(r.array()?);
    let modified_ns = u128::from_le_bytes(r.array()?);
    let count = r.len()?;
    let mut fields = Fields {
        text: &text,
        at: MAGIC.len(),
        all: Vec::new(),
    };
    let mut heads = Vec::with_capacity(count.min(r.rest.len() / ENTRY_MIN));
    for _ in 0..count {
        heads.push(r.entry(&mut fields)?);
    }
    if !r.rest.is_empty() || fields.at != text.len() {
        return None;
    }
    let all = fields.all;
    let block = Arc::new(Block { text, fields: all });
    let items = heads
        .into_iter()
        .map(|h| h.stored(Arc::clone(&block)))
        .collect();
    Some(Indexed {
        version,
        len,
        modified_ns,
        items,
    })
}

/// The fewest bytes one entry takes in the table, to bound what a count may ask for.
const ENTRY_MIN: usize = 16 + 2 * 12 + 3 + 3 * 4 + 8;

/// One entry's fixed fields, before the block they point into is shared.
struct Head {
    meta: Meta,
    starred: bool,
    has_prompt: bool,
    lists: [u32; 3],
    fields: std::ops::Range<usize>,
}

impl Head {
    fn stored(self, block: Arc<Block>) -> Stored {
        Stored {
            meta: self.meta,
            starred: self.starred,
            has_prompt: self.has_prompt,
            lists: self.lists,
            block,
            fields: self.fields,
        }
    }
}

/// The fields read so far: where the next one starts in the text.
struct Fields<'t> {
    text: &'t str,
    at: usize,
    all: Vec<Field>,
}

impl Fields<'_> {
    /// The next `len` bytes of the text, which must end on a character's boundary.
    fn take(&mut self, len: u32) -> Option<(usize, usize)> {
        let at = self.at;
        let end = at.checked_add(usize::try_from(len).ok()?)?;
        if !self.text.is_char_boundary(end) {
            return None;
        }
        self.at = end;
        Some((at, end))
    }
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.rest.len() {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
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

    fn stamp(&mut self) -> Option<Stamp> {
        let millis = i64::from_le_bytes(self.array()?);
        let offset = i32::from_le_bytes(self.array()?);
        FixedOffset::east_opt(offset)?
            .timestamp_millis_opt(millis)
            .single()
    }

    fn entry(&mut self, fields: &mut Fields) -> Option<Head> {
        let id = uuid::Uuid::from_bytes(self.array()?);
        let created_at = self.stamp()?;
        let updated_at = self.stamp()?;
        let deleted = self.flag()?;
        let starred = self.flag()?;
        let has_prompt = self.flag()?;
        let lists = [self.u32()?, self.u32()?, self.u32()?];
        let mut n = 1 + u64::from(has_prompt);
        for l in lists {
            n += u64::from(l);
        }
        let first = fields.all.len();
        for _ in 0..n {
            let len = self.u32()?;
            let folded = match self.u32()? {
                NO_FOLD => None,
                f => Some(f),
            };
            let (at, end) = fields.take(len)?;
            let folded = match folded {
                Some(f) => Some(fields.take(f)?),
                None => None,
            };
            fields.all.push(Field { at, end, folded });
        }
        Some(Head {
            meta: Meta {
                id,
                created_at,
                updated_at,
                deleted,
            },
            starred,
            has_prompt,
            lists,
            fields: first..fields.all.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::journal_index::Entry;

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
            tags: vec!["work".into(), "café".into()],
            sensations: vec![],
            feelings: vec!["tired".into()],
            starred: true,
        }
    }

    fn file(items: Vec<Entry>) -> Indexed<Stored> {
        Indexed {
            version: 7,
            len: 12_345,
            modified_ns: 1_700_000_000_123_456_789,
            items: items.into_iter().map(Stored::from).collect(),
        }
    }

    fn entries(file: &Indexed<Stored>) -> String {
        let back: Vec<Entry> = file.items.iter().map(Entry::from).collect();
        format!("{back:?}")
    }

    #[test]
    fn entries_read_back_as_they_were_written() {
        let written = file(vec![
            entry("line one\nline \"two\" ✓ Ünïcode", Some("What helped?")),
            entry("", None),
            entry("plain ASCII", Some("")),
        ]);
        let bytes = encode(&written);
        let back = decode(bytes.clone()).unwrap();
        assert_eq!((back.version, back.len, back.modified_ns), (7, 12_345, written.modified_ns));
        assert_eq!(entries(&back), entries(&written));
        assert_eq!(back.items[0].meta.created_at.offset().local_minus_utc(), 19_800);
        assert_eq!(encode(&back), bytes, "written again, the same bytes");
    }

    #[test]
    fn a_cut_or_damaged_file_reads_as_missing() {
        let bytes = encode(&file(vec![entry("some words é", Some("a prompt"))]));
        for cut in 0..bytes.len() {
            assert!(decode(bytes[..cut].to_vec()).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(longer).is_none());
        assert!(
            decode(b"{\"version\":4,\"len\":0,\"modified_ns\":0,\"items\":[]}".to_vec()).is_none()
        );
        let mut old = bytes.clone();
        old[3] = 1;
        assert!(decode(old).is_none(), "the format before this one");
        let mut not_text = bytes.clone();
        let at = bytes.windows(4).position(|w| w == b"some").unwrap();
        not_text[at] = 0xff;
        assert!(decode(not_text).is_none());
        let tail: [u8; 4] = bytes[bytes.len() - 4..].try_into().unwrap();
        let table = 4 + u32::from_le_bytes(tail) as usize;
        let first_len = table + 32 + 16 + 24 + 3 + 12;
        let mut mid_char = bytes.clone();
        mid_char[first_len] -= 1;
        assert!(decode(mid_char).is_none(), "a length that ends inside a character");
        let mut huge_count = bytes.clone();
        huge_count[table + 28..table + 32].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(huge_count).is_none());
    }
}
