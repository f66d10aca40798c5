//! The numbers trends need (practice sessions, check-ins and heart readings, without notes
//! or text), kept in a local index (see `service::index`) so all-time trends stay fast.

use super::index::{Meta, Slim};
use crate::store::model::{Body, Checkin, Heart, Record, Session};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Item {
    pub meta: Meta,
    pub body: Numbers,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Numbers {
    Session {
        practice: String,
        practice_id: String,
        actual_seconds: f64,
        completed: bool,
        before: Option<u8>,
        after: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        heart: Option<HeartNumbers>,
    },
    Checkin {
        scales: [Option<u8>; 6],
        sensations: Vec<String>,
    },
    Heart(HeartNumbers),
}

/// What the trends count of a heart reading.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HeartNumbers {
    context: String,
    mean_hr: f64,
    rmssd_ms: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    swing_bpm: Option<f64>,
}

impl HeartNumbers {
    fn of(h: &Heart) -> HeartNumbers {
        HeartNumbers {
            context: h.context.clone(),
            mean_hr: h.mean_hr,
            rmssd_ms: h.rmssd_ms,
            swing_bpm: h.swing_bpm,
        }
    }

    fn heart(&self) -> Heart {
        Heart {
            context: self.context.clone(),
            mean_hr: self.mean_hr,
            rmssd_ms: self.rmssd_ms,
            swing_bpm: self.swing_bpm,
            ..Heart::default()
        }
    }
}

impl Slim for Item {
    const NAME: &'static str = "trends";

    fn of(r: &Record) -> Option<Item> {
        let body = match &r.body {
            Body::Session(s) => Numbers::Session {
                practice: s.practice.clone(),
                practice_id: s.practice_id.clone(),
                actual_seconds: s.actual_seconds,
                completed: s.completed,
                before: s.distress_before,
                after: s.distress_after,
                heart: s.heart.as_deref().map(HeartNumbers::of),
            },
            Body::Checkin(c) => Numbers::Checkin {
                scales: [
                    Some(c.distress),
                    c.tension,
                    c.breath,
                    c.energy,
                    c.sleep,
                    c.pain,
                ],
                sensations: c.sensations.clone(),
            },
            Body::Heart(h) => Numbers::Heart(HeartNumbers::of(h)),
            Body::Journal(_) => return None,
        };
        Some(Item {
            meta: Meta::of(r),
            body,
        })
    }

    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn record(&self) -> Record {
        let body = match &self.body {
            Numbers::Session {
                practice,
                practice_id,
                actual_seconds,
                completed,
                before,
                after,
                heart,
            } => Body::Session(Session {
                practice: practice.clone(),
                practice_id: practice_id.clone(),
                actual_seconds: *actual_seconds,
                completed: *completed,
                distress_before: *before,
                distress_after: *after,
                heart: heart.as_ref().map(HeartNumbers::heart).map(Box::new),
                ..Session::default()
            }),
            Numbers::Checkin { scales, sensations } => {
                let [distress, tension, breath, energy, sleep, pain] = *scales;
                Body::Checkin(Checkin {
                    distress: distress.unwrap_or(0),
                    tension,
                    breath,
                    energy,
                    sleep,
                    pain,
                    sensations: sensations.clone(),
                    ..Checkin::default()
                })
            }
            Numbers::Heart(h) => Body::Heart(h.heart()),
        };
        Record {
            id: self.meta.id,
            created_at: self.meta.created_at,
            updated_at: self.meta.updated_at,
            deleted_at: self.meta.deleted.then_some(self.meta.updated_at),
            body,
        }
    }
}
