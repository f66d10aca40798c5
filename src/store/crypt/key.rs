//! This device's copy of the folder's private key, in local state (`keys/<public key>`,
//! 0600 in a 0700 folder, never in the synced folder), so day to day no passphrase is
//! typed. Named by the public key, so one state folder can serve more than one data
//! folder, and a key is found again after the marker is gone (`encrypt off`).

use super::hold;
use crate::store::atomic::{create_private_dir, write_atomic};
use crate::store::layout::Layout;
use age::secrecy::ExposeSecret;
use age::x25519;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A key file is one line; anything longer is not one of attune's.
const MAX_BYTES: u64 = 256;

pub fn dir(layout: &Layout) -> PathBuf {
    layout.state_dir.join("keys")
}

pub fn path(layout: &Layout, recipient: &x25519::Recipient) -> PathBuf {
    dir(layout).join(recipient.to_string())
}

/// Keep the key on this device, private from its first byte.
pub fn keep(layout: &Layout, identity: &x25519::Identity) -> io::Result<()> {
    create_private_dir(&dir(layout))?;
    let line = format!("{}\n", identity.to_string().expose_secret());
    write_atomic(&path(layout, &identity.to_public()), line.as_bytes())
}

/// Whether this device keeps the key for `recipient` on disk.
pub fn kept(layout: &Layout, recipient: &x25519::Recipient) -> bool {
    path(layout, recipient).is_file()
}

/// Remove this device's copy of a key (the key itself stays wrapped in the folder).
pub fn forget(layout: &Layout, recipient: &x25519::Recipient) -> io::Result<()> {
    match std::fs::remove_file(path(layout, recipient)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Hold every key this device keeps, for reads in this process. A file that is not a key
/// (or whose name is not its own public key) is left alone and not used.
pub fn load(layout: &Layout) {
    let Ok(entries) = std::fs::read_dir(dir(layout)) else {
        return;
    };
    for entry in entries.flatten() {
        if let Some(identity) = read_one(&entry.path()) {
            hold(identity);
        }
    }
}

fn read_one(path: &Path) -> Option<x25519::Identity> {
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    let identity: x25519::Identity = text.trim().parse().ok()?;
    let named = path.file_name()?.to_str()? == identity.to_public().to_string();
    named.then_some(identity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_key_is_private_and_named_by_its_public_key() {
        let tmp = tempfile::tempdir().unwrap();
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        let key = x25519::Identity::generate();
        keep(&layout, &key).unwrap();
        assert!(kept(&layout, &key.to_public()));
        let found = read_one(&path(&layout, &key.to_public())).unwrap();
        assert_eq!(found.to_public(), key.to_public());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path(&layout, &key.to_public())), 0o600);
            assert_eq!(mode(&dir(&layout)), 0o700);
        }
        // A key under another key's name is not used.
        let other = x25519::Identity::generate();
        std::fs::copy(path(&layout, &key.to_public()), path(&layout, &other.to_public())).unwrap();
        assert!(read_one(&path(&layout, &other.to_public())).is_none());
        forget(&layout, &key.to_public()).unwrap();
        assert!(!kept(&layout, &key.to_public()));
    }
}
