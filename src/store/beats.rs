//! Heart beats kept beside a practice, by choice (`--keep-beats`), on this device only:
//! one small file per session in local state (`heart-beats/<session id>.csv`, never in
//! the data folder that may be synced), private (0600), sealed like the rest of local state
//! when the folder is encrypted, and removed with its session.

use super::atomic::{create_private_dir, write_atomic};
use super::crypt;
use std::io;
use std::path::{Path, PathBuf};

const DIR: &str = "heart-beats";

/// The file for session `id`; None for an id that is not one attune makes (a hostile id
/// from a synced file never names a path outside the folder).
fn path(state_dir: &Path, id: &str) -> Option<PathBuf> {
    let fits = !id.is_empty() && id.len() <= 64;
    let plain = id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    (fits && plain).then(|| state_dir.join(DIR).join(format!("{id}.csv")))
}

/// Keep `csv` as session `id`'s beats, replacing any before.
pub fn write(state_dir: &Path, id: &str, csv: &str) -> io::Result<()> {
    let path =
        path(state_dir, id).ok_or_else(|| io::Error::other(crate::copy::heart::BEATS_BAD_ID))?;
    create_private_dir(&state_dir.join(DIR))?;
    write_atomic(&path, &crypt::seal_local(csv.as_bytes().to_vec())?)
}

/// Session `id`'s beats, if they were kept on this device.
pub fn read(state_dir: &Path, id: &str) -> io::Result<Option<String>> {
    let Some(path) = path(state_dir, id) else {
        return Ok(None);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let plain =
        crypt::open(bytes).map_err(|_| io::Error::other(crate::copy::heart::BEATS_SEALED))?;
    String::from_utf8(plain)
        .map(Some)
        .map_err(|_| io::Error::other(crate::copy::heart::BEATS_NOT_TEXT))
}

/// Session `id`'s beats go with it.
pub fn remove(state_dir: &Path, id: &str) -> io::Result<()> {
    match path(state_dir, id).map(std::fs::remove_file) {
        Some(Err(e)) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beats_are_kept_read_back_and_removed_and_odd_ids_name_no_file() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        assert_eq!(read(tmp.path(), id).expect("reads"), None);
        write(tmp.path(), id, "beat,arrived_s,rr_ms\n1,0.812,812\n").expect("kept");
        let back = read(tmp.path(), id).expect("reads").expect("there");
        assert!(back.ends_with("1,0.812,812\n"));
        remove(tmp.path(), id).expect("removed");
        assert_eq!(read(tmp.path(), id).expect("reads"), None);
        remove(tmp.path(), id).expect("removing twice is fine");
        for odd in ["../../etc/passwd", "", "a/b", "x.csv"] {
            assert!(path(tmp.path(), odd).is_none(), "{odd}");
            assert!(write(tmp.path(), odd, "1").is_err());
        }
    }
}
