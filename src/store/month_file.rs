//! One month file: `{"format":"attune","version":1,"device":…,"month":…,"records":[…]}`,
//! how it is read (with a precise reason when it cannot be) and how it is written.

use super::bounds;
use super::model::{Extra, Record, TOMBSTONE_FIELDS};
use super::record_de::Records;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "attune";
pub const VERSION: u64 = 1;

/// A month file. Records this version cannot read (a kind from a newer attune, a value
/// edited out of range, see `bounds`) are kept verbatim in `unknown` and written back
/// unchanged, so one odd record never hides the rest of its month.
#[derive(Clone, Debug)]
pub struct MonthFile {
    pub format: String,
    pub version: u64,
    pub device: String,
    pub month: String,
    pub records: Vec<Record>,
    pub unknown: Vec<Box<RawValue>>,
    pub extra: Extra,
    /// Tombstones read that still held what was deleted (written by an older attune);
    /// they are held slim in memory, and the next write of this file slims them.
    pub fat_tombstones: usize,
}

impl MonthFile {
    pub fn new(device: &str, month: &str) -> MonthFile {
        MonthFile {
            format: FORMAT.to_string(),
            version: VERSION,
            device: device.to_string(),
            month: month.to_string(),
            records: Vec::new(),
            unknown: Vec::new(),
            extra: Extra::new(),
            fat_tombstones: 0,
        }
    }

    /// Pretty JSON with a trailing newline, so the files read well with `jq` and diff well.
    pub fn to_bytes(&self) -> serde_json::Result<Vec<u8>> {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Entry<'a> {
            Known(&'a Record),
            Unknown(&'a RawValue),
        }
        #[derive(Serialize)]
        struct Out<'a> {
            format: &'a str,
            version: u64,
            device: &'a str,
            month: &'a str,
            records: Vec<Entry<'a>>,
            #[serde(flatten)]
            extra: &'a Extra,
        }
        let records = self.records.iter().map(Entry::Known);
        let out = Out {
            format: &self.format,
            version: self.version,
            device: &self.device,
            month: &self.month,
            records: records
                .chain(self.unknown.iter().map(|r| Entry::Unknown(r)))
                .collect(),
            extra: &self.extra,
        };
        let mut bytes = serde_json::to_vec_pretty(&out)?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

impl<'de> Deserialize<'de> for MonthFile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MonthFile, D::Error> {
        d.deserialize_map(FileVisitor { one_pass: false })
    }
}

/// A month file read in one pass, records and all (see `record_de::Records`).
struct OnePass(MonthFile);

impl<'de> Deserialize<'de> for OnePass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OnePass, D::Error> {
        d.deserialize_map(FileVisitor { one_pass: true })
            .map(OnePass)
    }
}

/// Reads the header fields directly, with no buffering of the whole file (which
/// `#[serde(flatten)]` here would cost), and the records either in the same pass
/// (`one_pass`: it fails at the first record that cannot be read there) or each on its own
/// from its text, which is kept for a record that cannot be read.
struct FileVisitor {
    one_pass: bool,
}

impl<'de> Visitor<'de> for FileVisitor {
    type Value = MonthFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attune month file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MonthFile, A::Error> {
        let mut file = MonthFile::new("", "");
        let (mut format, mut version, mut device, mut month) = (None, None, None, None);
        let mut raw: Option<Vec<&'de RawValue>> = None;
        let mut read = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "records" if self.one_pass => read = Some(map.next_value_seed(Records)?),
                "format" => format = Some(map.next_value()?),
                "version" => version = Some(map.next_value()?),
                "device" => device = Some(map.next_value()?),
                "month" => month = Some(map.next_value()?),
                "records" => raw = Some(map.next_value()?),
                _ => {
                    file.extra.insert(key, map.next_value()?);
                }
            }
        }
        file.format = format.ok_or_else(|| de::Error::missing_field("format"))?;
        file.version = version.ok_or_else(|| de::Error::missing_field("version"))?;
        file.device = device.ok_or_else(|| de::Error::missing_field("device"))?;
        file.month = month.ok_or_else(|| de::Error::missing_field("month"))?;
        if self.one_pass {
            file.records = read.ok_or_else(|| de::Error::missing_field("records"))?;
            // One out of bounds is kept verbatim, from its text: read the file record by record.
            if file.records.iter().any(|r| bounds::check(r).is_err()) {
                return Err(de::Error::custom("a record out of bounds"));
            }
            return Ok(file);
        }
        for r in raw.ok_or_else(|| de::Error::missing_field("records"))? {
            // A record out of bounds is kept like one this version cannot read: verbatim,
            // written back unchanged, and never counted.
            match Record::from_json(r.get()) {
                Ok(record) if bounds::check(&record).is_ok() => {
                    file.fat_tombstones += usize::from(!record.is_live() && is_fat(r.get()));
                    file.records.push(record);
                }
                _ => file.unknown.push(r.to_owned()),
            }
        }
        Ok(file)
    }
}

/// Whether a tombstone's text holds more than the fields a tombstone keeps.
fn is_fat(text: &str) -> bool {
    serde_json::from_str::<std::collections::BTreeMap<String, de::IgnoredAny>>(text)
        .is_ok_and(|fields| fields.len() > TOMBSTONE_FIELDS)
}

/// Why a file cannot be used. attune never writes over such a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not valid JSON, or not the shape of a month file.
    Broken {
        line: usize,
        column: usize,
        reason: String,
    },
    /// Written by a newer attune.
    Newer { version: u64 },
    /// Valid JSON, but not an attune month file.
    Foreign,
    /// The file system would not give us its bytes (permissions, a dangling link, a folder).
    Unopenable { reason: String },
    /// Nothing in it at all (0 bytes, or only blank space): a copy cut off before it began.
    Empty,
    /// Encrypted, and it could not be opened here (see `crypt::Why`).
    Sealed(super::crypt::Why),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Broken {
                line,
                column,
                reason,
            } => {
                write!(f, "cannot be read at line {line}, column {column}: {reason}")
            }
            Problem::Newer { version } => write!(
                f,
                "was written by a newer attune (format version {version}; this one reads {VERSION})"
            ),
            Problem::Foreign => write!(f, "is not an attune records file"),
            Problem::Unopenable { reason } => write!(f, "cannot be opened: {reason}"),
            Problem::Empty => write!(f, "is empty"),
            Problem::Sealed(why) => {
                use crate::copy::crypt;
                match why {
                    super::crypt::Why::NoKey => f.write_str(crypt::NO_KEY),
                    super::crypt::Why::OtherKey => f.write_str(crypt::OTHER_KEY),
                    super::crypt::Why::Damaged(reason) => f.write_str(&crypt::damaged(reason)),
                }
            }
        }
    }
}

/// A file that could not be used, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub problem: Problem,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path.display(), self.problem)
    }
}

/// Parse a month file, telling a newer version apart from a broken file.
pub fn parse(bytes: &[u8]) -> Result<MonthFile, Problem> {
    // An editor on another system may start the file with a byte-order mark: read past it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::Empty);
    }
    match read_in_one_pass(bytes) {
        Some(file) => check_header(file.format.as_str(), file.version).map(|()| file),
        None => read_record_by_record(bytes),
    }
}

/// The file read in one pass, when every record in it can be read so (nearly every file);
/// `None` when it cannot, and the file is read record by record.
pub(super) fn read_in_one_pass(bytes: &[u8]) -> Option<MonthFile> {
    serde_json::from_slice::<OnePass>(bytes).ok().map(|f| f.0)
}

/// The file read as it always was: each record from its own text, which is kept verbatim
/// for one this version cannot read.
pub(super) fn read_record_by_record(bytes: &[u8]) -> Result<MonthFile, Problem> {
    match serde_json::from_slice::<MonthFile>(bytes) {
        Ok(file) => check_header(file.format.as_str(), file.version).map(|()| file),
        Err(err) => Err(explain(bytes, &err)),
    }
}

fn check_header(format: &str, version: u64) -> Result<(), Problem> {
    if format != FORMAT {
        Err(Problem::Foreign)
    } else if version > VERSION {
        Err(Problem::Newer { version })
    } else {
        Ok(())
    }
}

/// When the full parse failed, a newer or foreign header is the better explanation.
fn explain(bytes: &[u8], err: &serde_json::Error) -> Problem {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u64>,
    }
    if let Ok(h) = serde_json::from_slice::<Header>(bytes) {
        match (h.format.as_deref(), h.version) {
            (Some(FORMAT), Some(v)) if v > VERSION => return Problem::Newer { version: v },
            (Some(FORMAT), _) => {}
            _ => return Problem::Foreign,
        }
    }
    Problem::Broken {
        line: err.line(),
        column: err.column(),
        reason: short_reason(err),
    }
}

/// serde_json appends " at line L column C"; we report those separately.
fn short_reason(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Read and parse one month file. `Ok(None)` when it is gone (a sync tool may remove a
/// file between listing the folder and reading it).
pub fn read_existing(path: &Path) -> Result<Option<MonthFile>, Problem> {
    match std::fs::read(path) {
        Ok(bytes) => parse_stored(bytes).map(Some),
        // A link to nothing also reads as NotFound, but it is there and needs the user.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_err() => {
            Ok(None)
        }
        Err(e) => Err(Problem::Unopenable {
            reason: e.to_string(),
        }),
    }
}

/// Read and parse one month file, keeping I/O errors apart from content problems.
pub fn read(path: &Path) -> std::io::Result<Result<MonthFile, Problem>> {
    let bytes = std::fs::read(path)?;
    Ok(parse_stored(bytes))
}

/// Parse a month file's bytes as stored: plain JSON, or sealed (opened first, in memory).
pub fn parse_stored(bytes: Vec<u8>) -> Result<MonthFile, Problem> {
    parse(&super::crypt::open(bytes).map_err(Problem::Sealed)?)
}
