//! The numbers trends need (practice sessions and check-ins, without notes or text), kept
//! in a local index (see `service::index`) so all-time trends stay fast.

use super::index::{Meta, Slim};
use crate::store::model::{Body, Checkin, Record, Session};
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
    },
    Checkin {
        scales: [Option<u8>; 6],
        sensations: Vec<String>,
    },
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
            Body::Journal(_) | Body::Heart(_) => return None,
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
            } => Body::Session(Session {
                practice: practice.clone(),
                practice_id: practice_id.clone(),
                actual_seconds: *actual_seconds,
                completed: *completed,
                distress_before: *before,
                distress_after: *after,
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
