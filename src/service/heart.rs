//! Heart readings: a file read into intervals and summarised as a `heart` record, saved
//! like any record; and the readings read back, with resting weeks, for `attune heart show`.

use crate::domain::heart::parse::{Format, LineError, parse_lines};
use crate::domain::heart::summarise;
use crate::service::records::{Filter, history};
use crate::store::model::{Body, Heart, HeartMinute, Kind, Record, Stamp};
use crate::store::month_file::FileProblem;
use crate::store::{Store, StoreError};
use std::io::Read;
use std::path::Path;

/// No heart-beat file is this large (a day of beats is under 1 MB); a larger one is refused
/// before it is read, so a wrong path cannot fill memory.
pub const MAX_FILE_MB: u64 = 64;

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooBig,
    /// The bytes are not UTF-8 from this line on.
    NotText(usize),
    Line(LineError),
}

/// The intervals in the file at `path`, with its format.
pub fn read_intervals(path: &Path) -> Result<(Format, Vec<f64>), ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    let limit = MAX_FILE_MB << 20;
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig);
    }
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ReadError::NotText(line)
    })?;
    parse_lines(text).map_err(ReadError::Line)
}

/// The summary of `rr` as a record body: None when too few beats are usable. `breath` is
/// the paced breath length (s) when the reading was taken with a pacer.
pub fn reading(source: &str, rr: &[f64], rest: bool, breath: Option<f64>) -> Option<Heart> {
    let s = summarise(rr, breath)?;
    let minutes = s
        .minutes
        .iter()
        .map(|m| HeartMinute {
            beats: m.beats as u64,
            mean_hr: m.mean_hr,
            rmssd_ms: m.rmssd_ms,
            sdnn_ms: m.sdnn_ms,
        })
        .collect();
    Some(Heart {
        context: if rest { "rest" } else { "outside" }.to_string(),
        source: source.to_string(),
        seconds: s.seconds,
        beats: s.basic.beats as u64,
        corrected_share: s.cleaned.corrected_share(),
        mean_hr: s.basic.mean_hr,
        rmssd_ms: s.basic.rmssd_ms,
        sdnn_ms: s.basic.sdnn_ms,
        swing_bpm: s.swing.map(|(v, _)| v),
        breath_seconds: s.swing.map(|(_, p)| p),
        lf_power_ms2: s.spectrum.map(|x| x.lf_power),
        peak_hz: s.spectrum.map(|x| x.peak_hz),
        coherence: s.spectrum.map(|x| x.coherence),
        minutes,
        extra: Default::default(),
    })
}

/// Durably save a reading made at `now`; returns the stored record.
pub fn save(store: &Store, heart: Heart, now: Stamp) -> Result<Record, StoreError> {
    let record = Record::new(Body::Heart(heart), now);
    store.save(record.clone())?;
    Ok(record)
}

/// Every live heart reading, oldest first, with the files that could not be read and how
/// many records were kept unread.
pub fn readings(store: &Store) -> Result<(Vec<Record>, Vec<FileProblem>, usize), StoreError> {
    let filter = Filter {
        kind: Some(Kind::Heart),
        ..Filter::default()
    };
    history(store, &filter)
}
