//! This machine's device id: the name of the only records folder it ever writes.

use super::atomic;
use super::layout::Layout;
use super::{Result, StoreError, io_at};
use std::io;
use std::path::Path;

/// Read this machine's device id, making one on first use. Two processes starting at
/// once agree on one id: the file is published with a hard link, which never replaces.
pub fn get_or_create(layout: &Layout) -> Result<String> {
    if let Some(id) = existing(layout)? {
        return Ok(id);
    }
    let path = layout.device_id_path();
    let id = uuid::Uuid::now_v7().simple().to_string();
    let tmp = layout
        .state_dir
        .join(format!("{}device-{id}", atomic::TEMP_PREFIX));
    atomic::write_private_new(&tmp, format!("{id}\n").as_bytes()).map_err(io_at(&tmp))?;
    let linked = std::fs::hard_link(&tmp, &path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            atomic::sync_dir(&layout.state_dir).map_err(io_at(&layout.state_dir))?;
            Ok(id)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            existing(layout)?.ok_or_else(|| io_at(&path)(e))
        }
        Err(e) => Err(io_at(&path)(e)),
    }
}

/// The device id if this machine has one already; never creates anything.
pub fn existing(layout: &Layout) -> Result<Option<String>> {
    let path = layout.device_id_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => valid(text.trim(), &path).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_at(&path)(e)),
    }
}

fn valid(id: &str, path: &Path) -> Result<String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(id.to_string())
    } else {
        Err(StoreError::BadDeviceId {
            path: path.to_path_buf(),
        })
    }
}
