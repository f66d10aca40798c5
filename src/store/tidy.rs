//! Tidying this device's own month files, for `doctor --fix`: under the device lock and
//! with the same checked writes as a save, every copy and file beside is folded into the
//! month's file, old tombstones are slimmed, records filed under another month move to
//! their own, and then each copy whose every record is in a month file is removed.

use super::layout::Layout;
use super::merge::Merged;
use super::model::Record;
use super::month_set::{MonthSet, holds_raw, missing_from};
use super::write::{lock, sealing, write_file};
use super::{Result, atomic, io_at};
use age::x25519;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Records (and records kept verbatim) found in another month's file, by their own month.
type Strays = BTreeMap<String, (Vec<Record>, Vec<Box<RawValue>>)>;

/// Tidy this device's files of each of `months`.
pub fn tidy(layout: &Layout, device: &str, months: &[String]) -> Result<()> {
    let _lock = lock(layout, device)?;
    let seal = sealing(layout)?;
    for month in months {
        tidy_month(layout, device, month, seal.as_ref())?;
    }
    // Removals are made durable too.
    let dir = layout.device_dir(device);
    atomic::sync_dir(&dir).map_err(io_at(&dir))
}

fn tidy_month(
    layout: &Layout,
    device: &str,
    month: &str,
    seal: Option<&x25519::Recipient>,
) -> Result<()> {
    let dir = layout.device_dir(device);
    let mut set = MonthSet::read(layout, device, month).map_err(io_at(&dir))?;
    let mut changed = set.fold() + set.file.fat_tombstones;
    // What the month files now hold, for deciding which copies may go.
    let mut held = Merged::new();
    let mut held_raw = Vec::new();
    // Each stray's own month is written first: a stop between the two writes leaves a
    // record in two files (read as one), never in none.
    let strays = take_strays(&mut set.file.records, &mut set.file.unknown, month);
    for (own_month, (records, raw)) in strays {
        changed += records.len() + raw.len();
        let home = take_home(layout, device, &own_month, (records, raw), seal)?;
        if home.damaged.is_none() {
            held.extend(home.file.records);
            held_raw.extend(home.file.unknown);
        }
    }
    // A month whose records all went to their own months needs no new, empty file.
    let empty = set.file.records.is_empty() && set.file.unknown.is_empty();
    if changed > 0 && (!empty || set.target.exists()) {
        write_file(&set.target, &set.file, seal)?;
    }
    // Until the month's own file reads again, every other file of the month is kept.
    if set.damaged.is_some() {
        return Ok(());
    }
    held.extend(set.file.records);
    held_raw.extend(set.file.unknown);
    for other in set.others {
        if missing_from(&other.file, &held, &held_raw) == 0
            && let Err(e) = std::fs::remove_file(&other.path)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            return Err(io_at(&other.path)(e));
        }
    }
    Ok(())
}

/// Write records found elsewhere into the file of their own month (folding its copies in
/// too), and give back that month's files as written.
fn take_home(
    layout: &Layout,
    device: &str,
    month: &str,
    (records, raw): (Vec<Record>, Vec<Box<RawValue>>),
    seal: Option<&x25519::Recipient>,
) -> Result<MonthSet> {
    let dir = layout.device_dir(device);
    let mut home = MonthSet::read(layout, device, month).map_err(io_at(&dir))?;
    home.fold();
    let mut merged = Merged::new();
    merged.extend(std::mem::take(&mut home.file.records));
    merged.extend(records);
    home.file.records = merged.into_all();
    for r in raw {
        if !holds_raw(&home.file.unknown, &r) {
            home.file.unknown.push(r);
        }
    }
    write_file(&home.target, &home.file, seal)?;
    Ok(home)
}

/// Take out the records whose own month is not `month`, grouped by their month.
fn take_strays(records: &mut Vec<Record>, raw: &mut Vec<Box<RawValue>>, month: &str) -> Strays {
    let mut strays = Strays::new();
    records.retain(|r| {
        let own = r.month();
        let stays = own == month;
        if !stays {
            strays.entry(own).or_default().0.push(r.clone());
        }
        stays
    });
    raw.retain(|r| match raw_month(r) {
        Some(own) if own != month => {
            strays.entry(own).or_default().1.push(r.clone());
            false
        }
        _ => true,
    });
    strays
}

/// The month a record kept verbatim belongs to, when its `created_at` can be read and filed.
pub fn raw_month(raw: &RawValue) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Created {
        created_at: String,
    }
    let created: Created = serde_json::from_str(raw.get()).ok()?;
    let at = chrono::DateTime::parse_from_rfc3339(&created.created_at).ok()?;
    let month = at.format("%Y-%m").to_string();
    super::layout::is_month(&month).then_some(month)
}
