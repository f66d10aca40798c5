//! One record read from its JSON text in a single pass, for the month files. The derived
//! `Deserialize` of `Record` buffers every field of a record twice before reading it (once
//! for the flattened body, once more to find its `kind` tag), a large part of the work of
//! reading all of history. Here the header fields are read as they come and, once `kind`
//! is seen, the rest goes straight to that kind's own derived reader.
//!
//! It only ever agrees with `Record::from_json_derived` or gives up: anything it does not
//! expect (a body field before `kind`, a field twice, a value of the wrong type) is an
//! error, and the derived readers then decide as they always have. attune writes `kind`
//! before the body, so its own files take this way. `Records` reads a whole file's records
//! in the file's own pass the same way, giving up on the whole file at the first record
//! it cannot read.

use super::model::{Body, Checkin, Heart, Journal, Kind, Record, Session};
use super::stamp::Read;
use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;
use uuid::Uuid;

/// `text` as one record, or an error when the derived readers must decide.
pub fn record(text: &str) -> serde_json::Result<Record> {
    let mut de = serde_json::Deserializer::from_str(text);
    let record = (&mut de).deserialize_map(RecordVisitor { in_file: false })?;
    de.end()?;
    Ok(record)
}

/// A month file's `records`, read in the file's own pass. Any record that would not be
/// read whole here (see `record`), and any tombstone still holding its body (counted as
/// such only from its text), fails the pass.
pub struct Records;

impl<'de> DeserializeSeed<'de> for Records {
    type Value = Vec<Record>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Record>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Records {
    type Value = Vec<Record>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<Record>, S::Error> {
        let mut records = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(record) = seq.next_element_seed(InFile)? {
            records.push(record);
        }
        Ok(records)
    }
}

struct InFile;

impl<'de> DeserializeSeed<'de> for InFile {
    type Value = Record;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Record, D::Error> {
        d.deserialize_map(RecordVisitor { in_file: true })
    }
}

/// The fields of the common header, as read so far.
#[derive(Default)]
struct Head {
    id: Option<Uuid>,
    created_at: Option<Read>,
    updated_at: Option<Read>,
    deleted_at: Option<Option<Read>>,
}

/// A field of the header, or the tag.
enum Field {
    Id,
    CreatedAt,
    UpdatedAt,
    DeletedAt,
    Kind,
}

impl Field {
    fn of(key: &str) -> Option<Field> {
        Some(match key {
            "id" => Field::Id,
            "created_at" => Field::CreatedAt,
            "updated_at" => Field::UpdatedAt,
            "deleted_at" => Field::DeletedAt,
            "kind" => Field::Kind,
            _ => return None,
        })
    }
}

impl Head {
    /// Read the value of a header field (never the tag), refusing one seen before.
    fn read<'de, A: MapAccess<'de>>(&mut self, field: Field, map: &mut A) -> Result<(), A::Error> {
        fn once<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
            slot: &mut Option<T>,
            map: &mut A,
        ) -> Result<(), A::Error> {
            if slot.is_some() {
                return Err(de::Error::custom("a header field twice"));
            }
            *slot = Some(map.next_value()?);
            Ok(())
        }
        match field {
            Field::Id => once(&mut self.id, map),
            Field::CreatedAt => once(&mut self.created_at, map),
            Field::UpdatedAt => once(&mut self.updated_at, map),
            Field::DeletedAt => once(&mut self.deleted_at, map),
            Field::Kind => Err(de::Error::custom("kind twice")),
        }
    }
}

/// A key as the text holds it: borrowed unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// `in_file`: reading in a month file's own pass, where a tombstone holding its body is
/// refused (the file's reader counts those from their text).
struct RecordVisitor {
    in_file: bool,
}

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut head = Head::default();
        let kind = loop {
            let Some(Key(key)) = map.next_key()? else {
                return Err(de::Error::missing_field("kind"));
            };
            match Field::of(&key) {
                Some(Field::Kind) => break map.next_value::<Key<'de>>()?,
                Some(field) => head.read(field, &mut map)?,
                None => return Err(de::Error::custom("a body field before kind")),
            }
        };
        let kind = Kind::parse(&kind.0).ok_or_else(|| de::Error::custom("an unknown kind"))?;
        let mut rest = Rest::new(map, &mut head);
        let read = body(kind, &mut rest);
        let (ended, body_fields) = (rest.ended, rest.passed);
        let gone = matches!(head.deleted_at, Some(Some(_)));
        let body = match read {
            // A tombstone as attune writes it (its id, kind and times only) has nothing for
            // its kind's reader; read to its end, it is what the tombstone reader makes of it.
            Err(_) if ended && body_fields == 0 && gone => Body::empty(kind),
            Err(e) => return Err(e),
            Ok(_) if gone && self.in_file => return Err(de::Error::custom("a fat tombstone")),
            Ok(body) => body,
        };
        let missing = <A::Error as de::Error>::missing_field;
        Ok(Record {
            id: head.id.ok_or_else(|| missing("id"))?,
            created_at: head.created_at.ok_or_else(|| missing("created_at"))?.0,
            updated_at: head.updated_at.ok_or_else(|| missing("updated_at"))?.0,
            deleted_at: head.deleted_at.flatten().map(|r| r.0),
            body,
        })
    }
}

/// The body of `kind` from the rest of the record, by that kind's derived reader.
fn body<'de, A: MapAccess<'de>>(kind: Kind, rest: &mut Rest<'_, A>) -> Result<Body, A::Error> {
    let de = MapAccessDeserializer::new(rest);
    Ok(match kind {
        Kind::Session => Body::Session(Session::deserialize(de)?),
        Kind::Checkin => Body::Checkin(Checkin::deserialize(de)?),
        Kind::Journal => Body::Journal(Journal::deserialize(de)?),
        Kind::Heart => Body::Heart(Heart::deserialize(de)?),
    })
}

/// The record's fields after `kind`, as the body's reader sees them: header fields that
/// come later are read into the header on the way, so the body sees only its own.
struct Rest<'h, A> {
    map: A,
    head: &'h mut Head,
    /// Fields handed to the body's reader, and whether the record was read to its end.
    passed: usize,
    ended: bool,
}

impl<'h, A> Rest<'h, A> {
    fn new(map: A, head: &'h mut Head) -> Rest<'h, A> {
        Rest {
            map,
            head,
            passed: 0,
            ended: false,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(Key(key)) = self.map.next_key()? {
            match Field::of(&key) {
                Some(field) => self.head.read(field, &mut self.map)?,
                None => {
                    self.passed += 1;
                    let key: de::value::CowStrDeserializer<'_, A::Error> = key.into_deserializer();
                    return seed.deserialize(key).map(Some);
                }
            }
        }
        self.ended = true;
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ID: &str = r#""0192c2a0-1c2d-7000-8000-000000000001""#;
    const AT: &str = r#""2026-11-30T09:05:00.123+01:00""#;

    /// Records as attune writes them (`kind` before the body), one of each kind, a
    /// tombstone that still holds its body (as an older attune wrote them) and one as
    /// attune writes them now, as (key, JSON text) pairs.
    fn bases() -> Vec<Vec<(&'static str, &'static str)>> {
        let head = [("id", ID), ("created_at", AT), ("updated_at", AT)];
        let with = |kind: &'static str, body: &[(&'static str, &'static str)]| {
            let mut fields = head.to_vec();
            fields.push(("kind", kind));
            fields.extend_from_slice(body);
            fields
        };
        let heart = r#"{"context":"practice","source":"rr","seconds":60,"beats":70,"corrected_share":0.0,"mean_hr":61.5,"rmssd_ms":40,"sdnn_ms":50,"minutes":[{"beats":70,"mean_hr":61.5,"rmssd_ms":40,"sdnn_ms":50}]}"#;
        let session = [
            ("practice", r#""breathe""#),
            ("practice_id", r#""exhale-4-6""#),
            ("actual_seconds", "300.5"),
            ("completed", "true"),
            ("distress_before", "5"),
            ("heart", heart),
            ("pace_steps", r#"[{"rate":6.0,"swing_bpm":1.5,"in_step":true,"points":3}]"#),
        ];
        vec![
            with(r#""session""#, &session),
            with(
                r#""checkin""#,
                &[
                    ("distress", "4"),
                    ("sensations", r#"["tight"]"#),
                    ("note", r#""n""#),
                ],
            ),
            with(
                r#""journal""#,
                &[
                    ("text", r#""a\nb \u00e9""#),
                    ("tags", r#"["x"]"#),
                    ("session_id", ID),
                    ("starred", "true"),
                ],
            ),
            with(
                r#""heart""#,
                &[
                    ("context", r#""rest""#),
                    ("source", r#""polar""#),
                    ("seconds", "120"),
                    ("beats", "140"),
                    ("corrected_share", "0.01"),
                    ("mean_hr", "70.2"),
                    ("rmssd_ms", "35.5"),
                    ("sdnn_ms", "48"),
                    ("coherence", "0.5"),
                ],
            ),
            {
                let mut gone = with(r#""session""#, &session);
                gone.insert(3, ("deleted_at", AT));
                gone
            },
            // A tombstone as attune writes it now: its id, kind and times only.
            vec![
                ("id", ID),
                ("kind", r#""checkin""#),
                ("created_at", AT),
                ("updated_at", AT),
                ("deleted_at", AT),
            ],
        ]
    }

    const KEYS: &[&str] = &[
        "id",
        "created_at",
        "updated_at",
        "deleted_at",
        "kind",
        "k\\u0069nd",
        "practice",
        "practice_id",
        "actual_seconds",
        "completed",
        "planned_seconds",
        "note",
        "n\\u006fte",
        "distress",
        "sensations",
        "text",
        "tags",
        "session_id",
        "context",
        "beats",
        "heart",
        "minutes",
        "pace_steps",
        "noticed",
        "from_a_newer_attune",
    ];
    const VALUES: &[&str] = &[
        "null",
        "0",
        "1",
        "-1",
        "2.5",
        "300",
        "1e2",
        "true",
        "\"s\"",
        "\"se\\u0073sion\"",
        "\"session\"",
        "\"checkin\"",
        "\"journal\"",
        "\"heart\"",
        AT,
        ID,
        "[]",
        "[\"a\"]",
        "{}",
        "{\"a\":1,\"a\":2}",
        "2026",
    ];

    #[derive(Clone, Debug)]
    enum Edit {
        Insert(usize, usize, usize),
        Repeat(usize, usize),
        Remove(usize),
        Swap(usize, usize),
        Value(usize, usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let (k, v, at) = (0..KEYS.len(), 0..VALUES.len(), 0usize..20);
        prop_oneof![
            (at.clone(), k, v.clone()).prop_map(|(a, k, v)| Edit::Insert(a, k, v)),
            (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Repeat(a, b)),
            at.clone().prop_map(Edit::Remove),
            (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Swap(a, b)),
            (at, v).prop_map(|(a, v)| Edit::Value(a, v)),
        ]
    }

    fn apply(fields: &mut Vec<(&'static str, &'static str)>, edit: &Edit) {
        let n = fields.len().max(1);
        match *edit {
            Edit::Insert(at, k, v) => fields.insert(at % (fields.len() + 1), (KEYS[k], VALUES[v])),
            Edit::Repeat(from, to) if !fields.is_empty() => {
                let field = fields[from % n];
                fields.insert(to % (fields.len() + 1), field);
            }
            Edit::Remove(at) if !fields.is_empty() => {
                fields.remove(at % n);
            }
            Edit::Swap(a, b) if !fields.is_empty() => fields.swap(a % n, b % n),
            Edit::Value(at, v) if !fields.is_empty() => fields[at % n].1 = VALUES[v],
            _ => {}
        }
    }

    fn text(fields: &[(&str, &str)]) -> String {
        let parts: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
        format!("{{{}}}", parts.join(","))
    }

    /// A file read in one pass is the file read record by record.
    fn in_a_file_as_record_by_record(record: &str) -> Result<(), TestCaseError> {
        use crate::store::month_file::{read_in_one_pass, read_record_by_record};
        let text = format!(
            r#"{{"format":"attune","version":1,"device":"d","month":"2026-11","records":[{record},{record}]}}"#
        );
        if let Some(fast) = read_in_one_pass(text.as_bytes()) {
            let careful = read_record_by_record(text.as_bytes()).unwrap();
            prop_assert_eq!(&fast.records, &careful.records, "{}", text);
            prop_assert!(careful.unknown.is_empty() && careful.fat_tombstones == 0, "{}", text);
            prop_assert_eq!(fast.fat_tombstones, 0);
        }
        Ok(())
    }

    #[test]
    fn records_as_attune_writes_them_take_this_way() {
        for base in bases() {
            let text = text(&base);
            let derived = Record::from_json_derived(&text).unwrap();
            assert_eq!(record(&text).unwrap().slim(), derived, "{text}");
            let written = serde_json::to_string(&derived).unwrap();
            assert_eq!(record(&written).unwrap().slim(), derived, "{written}");
            let file = format!(
                r#"{{"format":"attune","version":1,"device":"d","month":"2026-11","records":[{written}]}}"#
            );
            let read = crate::store::month_file::read_in_one_pass(file.as_bytes()).unwrap();
            assert_eq!(read.records, [derived], "{file}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Whatever the text, a record read here is the one the derived readers read, and a
        /// file read in one pass is the file read record by record.
        #[test]
        fn it_agrees_with_the_derived_reader_or_gives_up(
            base in 0usize..6,
            edits in proptest::collection::vec(edit(), 0..5),
        ) {
            let mut fields = bases().swap_remove(base);
            for e in &edits {
                apply(&mut fields, e);
            }
            let text = text(&fields);
            if let Ok(fast) = record(&text) {
                let derived = Record::from_json_derived(&text);
                prop_assert_eq!(Some(fast.slim()), derived.ok(), "{}", text);
            }
            in_a_file_as_record_by_record(&text)?;
        }
    }
}
