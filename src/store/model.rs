//! Records as they sit on disk: the common header, the three kinds, and any fields this
//! version does not know, which are kept through every save.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};
use uuid::Uuid;

/// Fields a newer attune (or a human with `jq`) added; carried along untouched.
pub type Extra = Map<String, Value>;

/// A moment as attune stores it: local wall time with its offset, to the millisecond.
pub type Stamp = DateTime<FixedOffset>;

/// One record. A live record is written whole; a tombstone (`deleted_at` set) is written
/// as only its id, kind and times, so nothing the person deleted is kept or synced.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Record {
    pub id: Uuid,
    #[serde(deserialize_with = "super::stamp::deserialize")]
    pub created_at: Stamp,
    #[serde(deserialize_with = "super::stamp::deserialize")]
    pub updated_at: Stamp,
    #[serde(default, deserialize_with = "super::stamp::deserialize_option")]
    pub deleted_at: Option<Stamp>,
    #[serde(flatten)]
    pub body: Body,
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Live<'a> {
            id: &'a Uuid,
            #[serde(serialize_with = "super::stamp::serialize")]
            created_at: &'a Stamp,
            #[serde(serialize_with = "super::stamp::serialize")]
            updated_at: &'a Stamp,
            #[serde(flatten)]
            body: &'a Body,
        }
        match &self.deleted_at {
            None => Live {
                id: &self.id,
                created_at: &self.created_at,
                updated_at: &self.updated_at,
                body: &self.body,
            }
            .serialize(s),
            Some(deleted_at) => Gone {
                id: self.id,
                kind: self.kind().as_str().to_string(),
                created_at: self.created_at,
                updated_at: self.updated_at,
                deleted_at: *deleted_at,
            }
            .serialize(s),
        }
    }
}

/// A tombstone as it is written: the only fields it keeps.
#[derive(Serialize, Deserialize)]
struct Gone {
    id: Uuid,
    kind: String,
    #[serde(with = "super::stamp")]
    created_at: Stamp,
    #[serde(with = "super::stamp")]
    updated_at: Stamp,
    #[serde(with = "super::stamp")]
    deleted_at: Stamp,
}

/// The fields a tombstone keeps, counting `kind`.
pub const TOMBSTONE_FIELDS: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Body {
    Session(Session),
    Checkin(Checkin),
    Journal(Journal),
    Heart(Heart),
}

/// The record kinds, for filters and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Session,
    Checkin,
    Journal,
    Heart,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Session, Kind::Checkin, Kind::Journal, Kind::Heart];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Checkin => "checkin",
            Kind::Journal => "journal",
            Kind::Heart => "heart",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One practice: a breathing pattern or a grounding routine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// "breathe" or "ground".
    pub practice: String,
    /// The pattern or routine id, e.g. "exhale-4-6" or "5-4-3-2-1".
    pub practice_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_seconds: Option<f64>,
    pub actual_seconds: f64,
    pub completed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distress_before: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distress_after: Option<u8>,
    /// Whole breaths taken (breathing practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breaths: Option<u64>,
    /// Follow my breath: the user's own pace measured at the start, breaths a minute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_rate: Option<f64>,
    /// Follow my breath: the pace reached by the end, breaths a minute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_rate: Option<f64>,
    /// Grounding: how many steps the routine has, and how many were done (not skipped).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_total: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_completed: Option<u32>,
    /// Grounding: what the user typed or chose, only when they chose to keep it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noticed: Vec<String>,
    /// Grounding (name it): how strong the feeling was, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<u8>,
    /// Exhale counting: out-breaths counted, and the breathing rate they give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhale_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exhale_rate: Option<f64>,
    /// A one-line note added afterwards, from the record list or `attune history edit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Breathing with a heart source: the reading over the practice (context "practice").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heart: Option<Box<Heart>>,
    /// Find my pace: each rate breathed and what the heart did at it, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pace_steps: Vec<PaceStep>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One step of finding your pace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PaceStep {
    /// Breaths a minute.
    pub rate: f64,
    /// Heart-rate peak minus trough per breath, averaged (bpm).
    pub swing_bpm: f64,
    /// Low-frequency power (ms²), from steps of two minutes or more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lf_power_ms2: Option<f64>,
    /// The heart's main wave sat at the paced rate.
    pub in_step: bool,
    /// Its score: ranks by swing and power, two more when in step.
    pub points: u32,
}

/// A quick check-in: distress is required, every other scale is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkin {
    pub distress: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tension: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breath: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A journal entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensations: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feelings: Vec<String>,
    /// The practice this entry was written right after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<Uuid>,
    /// Marked as special (kept from jrnl's "starred").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A heart-rhythm reading: a compact summary of the beats, never the beats themselves.
/// Every number is computed after artefact correction (docs/json.md says each in words).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Heart {
    /// "rest" (a resting baseline), "outside" (taken outside a practice), or "practice"
    /// (held in the session it was read during).
    pub context: String,
    /// Where the beats came from: "rr", "t-rr", "polar" or "hrv-logger" (a file's format).
    pub source: String,
    pub seconds: f64,
    /// Intervals after correction, and the share of those read that were corrected.
    pub beats: u64,
    pub corrected_share: f64,
    pub mean_hr: f64,
    pub rmssd_ms: f64,
    pub sdnn_ms: f64,
    /// Heart-rate peak minus trough within a breath (bpm), averaged, and the breath
    /// length (s) it was measured over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swing_bpm: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breath_seconds: Option<f64>,
    /// From two minutes on: low-frequency power (ms²), the spectral peak, and coherence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lf_power_ms2: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_hz: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coherence: Option<f64>,
    /// Each whole minute from the start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub minutes: Vec<HeartMinute>,
    /// A live source that stopped early (a strap off, a pipe closed): seconds from the
    /// start of the reading (or practice) to its last beat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_seconds: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One minute of a heart reading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HeartMinute {
    pub beats: u64,
    pub mean_hr: f64,
    pub rmssd_ms: f64,
    pub sdnn_ms: f64,
}

impl Body {
    /// A body holding nothing: what a tombstone of this kind carries in memory.
    pub fn empty(kind: Kind) -> Body {
        match kind {
            Kind::Session => Body::Session(Session::default()),
            Kind::Checkin => Body::Checkin(Checkin::default()),
            Kind::Journal => Body::Journal(Journal::default()),
            Kind::Heart => Body::Heart(Heart::default()),
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Body::Session(_) => Kind::Session,
            Body::Checkin(_) => Kind::Checkin,
            Body::Journal(_) => Kind::Journal,
            Body::Heart(_) => Kind::Heart,
        }
    }
}

impl Record {
    /// A new record created at `now`, with a time-ordered UUID v7 id.
    pub fn new(body: Body, now: Stamp) -> Record {
        let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        let ts = uuid::Timestamp::from_unix(
            uuid::NoContext,
            millis / 1000,
            (millis % 1000) as u32 * 1_000_000,
        );
        Record {
            id: Uuid::new_v7(ts),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            body,
        }
    }

    pub fn kind(&self) -> Kind {
        self.body.kind()
    }

    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none()
    }

    /// The day the record belongs to, as the user lived it (in its own offset).
    pub fn local_date(&self) -> NaiveDate {
        self.created_at.date_naive()
    }

    /// The month file this record lives in, e.g. "2026-11".
    pub fn month(&self) -> String {
        self.created_at.format("%Y-%m").to_string()
    }

    /// The `updated_at` of a new version of this record made at `now`: `now`, unless the
    /// stored version is not in its past (a clock that runs behind, or another device's
    /// that ran ahead); then a millisecond after it. Always strictly newer than this
    /// version, so an edit wins every merge against what it replaces, whatever the clocks.
    /// Every edit path takes its stamp from here.
    pub fn next_version(&self, now: Stamp) -> Stamp {
        let floor = self.updated_at + TimeDelta::milliseconds(1);
        if now >= floor {
            now
        } else {
            floor.with_timezone(now.offset())
        }
    }

    /// This record as a tombstone made at `now` (stamped by `next_version`): only its id,
    /// kind and times, none of what it held.
    pub fn tombstone(&self, now: Stamp) -> Record {
        let at = self.next_version(now);
        Record {
            id: self.id,
            created_at: self.created_at,
            updated_at: at,
            deleted_at: Some(at),
            body: Body::empty(self.kind()),
        }
    }

    /// Read one record from its JSON text, as a month file holds it. A tombstone comes
    /// back holding nothing, whatever was written (an older attune kept the whole record
    /// in it); one written with only its id, kind and times reads too.
    pub fn from_json(text: &str) -> serde_json::Result<Record> {
        // The one-pass reader first; whatever it gives up on, the derived readers decide.
        super::record_de::record(text)
            .map(Record::slim)
            .or_else(|_| Record::from_json_derived(text))
    }

    /// This record, holding nothing if it is a tombstone.
    pub(super) fn slim(self) -> Record {
        match self.deleted_at {
            Some(_) => Record {
                body: Body::empty(self.kind()),
                ..self
            },
            None => self,
        }
    }

    /// `from_json` by the derived readers alone: the whole record, else a tombstone's fields.
    pub(super) fn from_json_derived(text: &str) -> serde_json::Result<Record> {
        match serde_json::from_str::<Record>(text) {
            Ok(r) if r.deleted_at.is_some() => Ok(Record {
                body: Body::empty(r.kind()),
                ..r
            }),
            Ok(r) => Ok(r),
            Err(e) => {
                let gone: Gone = serde_json::from_str(text).map_err(|_| e)?;
                let kind = Kind::parse(&gone.kind).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown kind \"{}\"", gone.kind))
                })?;
                Ok(Record {
                    id: gone.id,
                    created_at: gone.created_at,
                    updated_at: gone.updated_at,
                    deleted_at: Some(gone.deleted_at),
                    body: Body::empty(kind),
                })
            }
        }
    }
}
