//! The journal index's file format: length-prefixed fields in a fixed order, read back
//! with a copy and a UTF-8 check per string instead of a JSON parse. Any file that does
//! not read back whole is treated as missing, so the month is indexed again.

use super::Entry;
use crate::service::index::{Indexed, Meta};
use crate::store::model::Stamp;
use chrono::{FixedOffset, TimeZone};

/// Marks a file as this format (a JSON index from before starts with `{`).
const MAGIC: &[u8; 4] = b"AJI\x01";
/// The fewest bytes one entry takes, to bound what a count may ask for.
const ENTRY_MIN: usize = 16 + 2 * 12 + 2 + 4 + 1 + 3 * 4;

pub fn encode(file: &Indexed<Entry>) -> Vec<u8> {
    let text: usize = file.items.iter().map(|e| e.text.len() + 128).sum();
    let mut out = Vec::with_capacity(64 + text);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&file.version.to_le_bytes());
    out.extend_from_slice(&file.len.to_le_bytes());
    out.extend_from_slice(&file.modified_ns.to_le_bytes());
    put_len(&mut out, file.items.len());
    for e in &file.items {
        put_entry(&mut out, e);
    }
    out
}

fn put_entry(out: &mut Vec<u8>, e: &Entry) {
    out.extend_from_slice(e.meta.id.as_bytes());
    put_stamp(out, &e.meta.created_at);
    put_stamp(out, &e.meta.updated_at);
    out.push(u8::from(e.meta.deleted));
    out.push(u8::from(e.starred));
    put_str(out, &e.text);
    match &e.prompt {
        Some(p) => {
            out.push(1);
            put_str(out, p);
        }
        None => out.push(0),
    }
    for list in [&e.tags, &e.sensations, &e.feelings] {
        put_len(out, list.len());
        for s in list {
            put_str(out, s);
        }
    }
}

fn put_stamp(out: &mut Vec<u8>, t: &Stamp) {
    out.extend_from_slice(&t.timestamp_millis().to_le_bytes());
    out.extend_from_slice(&t.offset().local_minus_utc().to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    // Nothing attune writes comes near 4 GB; a longer field saturates and fails to read.
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

pub fn decode(bytes: &[u8]) -> Option<Indexed<Entry>> {
    let mut r = Reader { rest: bytes };
    if r.take(4)? != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(r.array()?);
    let len = u64::from_le_bytes(r.array()?);
    let modified_ns = u128::from_le_bytes(r.array()?);
    let count = r.len()?;
    let mut items = Vec::with_capacity(count.min(r.rest.len() / ENTRY_MIN));
    for _ in 0..count {
        items.push(r.entry()?);
    }
    r.rest.is_empty().then_some(Indexed {
        version,
        len,
        modified_ns,
        items,
    })
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

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u32::from_le_bytes(self.array()?)).ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.array::<1>()? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn list(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n.min(self.rest.len() / 4));
        for _ in 0..n {
            out.push(self.string()?);
        }
        Some(out)
    }

    fn stamp(&mut self) -> Option<Stamp> {
        let millis = i64::from_le_bytes(self.array()?);
        let offset = i32::from_le_bytes(self.array()?);
        FixedOffset::east_opt(offset)?
            .timestamp_millis_opt(millis)
            .single()
    }

    fn entry(&mut self) -> Option<Entry> {
        let id = uuid::Uuid::from_bytes(self.array()?);
        let created_at = self.stamp()?;
        let updated_at = self.stamp()?;
        let deleted = self.flag()?;
        let starred = self.flag()?;
        let text = self.string()?;
        let prompt = if self.flag()? {
            Some(self.string()?)
        } else {
            None
        };
        Some(Entry {
            meta: Meta {
                id,
                created_at,
                updated_at,
                deleted,
            },
            text,
            prompt,
            tags: self.list()?,
            sensations: self.list()?,
            feelings: self.list()?,
            starred,
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
            tags: vec!["work".into(), "café".into()],
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
            entry("line one\nline \"two\" ✓", Some("What helped?")),
            entry("", None),
        ]);
        let back = decode(&encode(&written)).unwrap();
        assert_eq!((back.version, back.len, back.modified_ns), (7, 12_345, written.modified_ns));
        assert_eq!(format!("{:?}", back.items), format!("{:?}", written.items));
        assert_eq!(back.items[0].meta.created_at.offset().local_minus_utc(), 19_800);
    }

    #[test]
    fn a_cut_or_damaged_file_reads_as_missing() {
        let bytes = encode(&file(vec![entry("some words", Some("a prompt"))]));
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        assert!(decode(b"{\"version\":4,\"len\":0,\"modified_ns\":0,\"items\":[]}").is_none());
        let mut huge_count = bytes[..32].to_vec();
        huge_count.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&huge_count).is_none());
        let mut not_text = bytes.clone();
        let at = bytes.windows(4).position(|w| w == b"some").unwrap();
        not_text[at] = 0xff;
        assert!(decode(&not_text).is_none());
    }
}
