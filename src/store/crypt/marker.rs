//! `encryption.json` in the data folder: that the folder is encrypted, the public key
//! every device seals with, and the private key wrapped by the passphrase (scrypt), so a
//! device that joins unwraps it with the passphrase alone. One file, written atomically:
//! the public key and its wrapped private key appear together or not at all. It syncs
//! like any file, so it is read as hostile bytes.

use crate::store::atomic::write_atomic;
use crate::store::layout::Layout;
use age::secrecy::{ExposeSecret, SecretString};
use age::{scrypt, x25519};
use serde::{Deserialize, Serialize};
use std::io::{self, Read};
use std::path::PathBuf;

const FORMAT: &str = "attune-encryption";
const VERSION: u32 = 1;
/// Far more than a marker ever holds; a larger file is not attune's.
const MAX_BYTES: u64 = 64 * 1024;

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u32,
    recipient: String,
    /// The private key, age-encrypted with the passphrase and armored.
    identity: String,
}

/// The folder's encryption, as read.
#[derive(Clone, Debug)]
pub struct Marker {
    pub recipient: x25519::Recipient,
    wrapped: String,
}

/// Why the marker (or the passphrase for it) could not be used.
#[derive(Debug, thiserror::Error)]
pub enum MarkerError {
    #[error("{path}: {cause}")]
    Io { path: PathBuf, cause: io::Error },
    #[error("{path} is not a usable encryption file ({reason}); nothing was changed")]
    Unusable { path: PathBuf, reason: String },
    #[error("that passphrase does not open this folder's key")]
    WrongPassphrase,
}

pub fn path(layout: &Layout) -> PathBuf {
    layout.data_dir.join("encryption.json")
}

/// Whether the folder is encrypted (its marker is there, usable or not).
pub fn exists(layout: &Layout) -> bool {
    path(layout).symlink_metadata().is_ok()
}

/// The folder's marker: None when the folder is not encrypted.
pub fn read(layout: &Layout) -> Result<Option<Marker>, MarkerError> {
    let path = path(layout);
    let io_err = |cause| MarkerError::Io {
        path: path.clone(),
        cause,
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    parse(&bytes)
        .map(Some)
        .map_err(|reason| MarkerError::Unusable {
            path: path.clone(),
            reason,
        })
}

fn parse(bytes: &[u8]) -> Result<Marker, String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err("it is far too large".into());
    }
    let stored: Stored = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if stored.format != FORMAT {
        return Err("it is not attune's".into());
    }
    if stored.version > VERSION {
        return Err(format!("a newer attune wrote it (version {}); update attune", stored.version));
    }
    let recipient = stored
        .recipient
        .parse::<x25519::Recipient>()
        .map_err(|e| format!("its public key cannot be read: {e}"))?;
    Ok(Marker {
        recipient,
        wrapped: stored.identity,
    })
}

impl Marker {
    /// A marker for a new key, wrapped by `passphrase`.
    pub fn new(identity: &x25519::Identity, passphrase: &SecretString) -> io::Result<Marker> {
        Ok(Marker {
            recipient: identity.to_public(),
            wrapped: wrap(identity, passphrase)?,
        })
    }

    /// A marker from parts read elsewhere (an encrypted export carries one).
    pub(super) fn from_parts(recipient: x25519::Recipient, wrapped: String) -> Marker {
        Marker { recipient, wrapped }
    }

    /// The private key as wrapped by the passphrase (armored text, no secret in it).
    pub(super) fn wrapped(&self) -> &str {
        &self.wrapped
    }

    /// Unwrap the private key with the passphrase (this is where scrypt's work is done).
    pub fn unwrap(&self, passphrase: &SecretString) -> Result<x25519::Identity, MarkerError> {
        let unusable = |reason: String| MarkerError::Unusable {
            path: PathBuf::from("encryption.json"),
            reason,
        };
        // A hostile marker could ask for hours of work and gigabytes: age's own bound
        // (about 16 times the work it would choose on this machine) is kept.
        let id = scrypt::Identity::new(passphrase.clone());
        let plain = match age::decrypt(&id, self.wrapped.as_bytes()) {
            Ok(plain) => plain,
            Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
                return Err(MarkerError::WrongPassphrase);
            }
            Err(e) => return Err(unusable(format!("its wrapped key cannot be read: {e}"))),
        };
        let text = String::from_utf8(plain).map_err(|_| unusable("its key is not text".into()))?;
        let identity = text
            .trim()
            .parse::<x25519::Identity>()
            .map_err(|e| unusable(format!("its key cannot be read: {e}")))?;
        if identity.to_public() != self.recipient {
            return Err(unusable("its key and its public key do not match".into()));
        }
        Ok(identity)
    }

    /// Write the marker atomically (private, like every file attune keeps).
    pub fn write(&self, layout: &Layout) -> io::Result<()> {
        let stored = Stored {
            format: FORMAT.into(),
            version: VERSION,
            recipient: self.recipient.to_string(),
            identity: self.wrapped.clone(),
        };
        let mut bytes = serde_json::to_vec_pretty(&stored).map_err(io::Error::other)?;
        bytes.push(b'\n');
        write_atomic(&path(layout), &bytes)
    }
}

/// Remove the marker: the folder is plain again.
pub fn remove(layout: &Layout) -> io::Result<()> {
    match std::fs::remove_file(path(layout)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => crate::store::atomic::sync_dir(&layout.data_dir),
    }
}

fn wrap(identity: &x25519::Identity, passphrase: &SecretString) -> io::Result<String> {
    let mut recipient = scrypt::Recipient::new(passphrase.clone());
    if let Some(log_n) = test_work_factor() {
        recipient.set_work_factor(log_n);
    }
    let secret = identity.to_string();
    let armored = age::encrypt_and_armor(&recipient, secret.expose_secret().as_bytes())
        .map_err(io::Error::other)?;
    Ok(armored)
}

/// Debug builds only: tests ask for a light scrypt work factor so they run quickly on a
/// busy machine; a release build always uses age's own (about a second of work).
fn test_work_factor() -> Option<u8> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let n: u8 = std::env::var("ATTUNE_TEST_SCRYPT_LOG_N")
        .ok()?
        .parse()
        .ok()?;
    (1..=20).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_round_trips_and_only_its_passphrase_unwraps_it() {
        let tmp = tempfile::tempdir().unwrap();
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        std::fs::create_dir_all(&layout.data_dir).unwrap();
        assert!(read(&layout).unwrap().is_none());
        let key = x25519::Identity::generate();
        let pass = SecretString::from("a long quiet walk".to_string());
        let mut rec = scrypt::Recipient::new(pass.clone());
        rec.set_work_factor(4);
        let wrapped =
            age::encrypt_and_armor(&rec, key.to_string().expose_secret().as_bytes()).unwrap();
        let marker = Marker {
            recipient: key.to_public(),
            wrapped,
        };
        marker.write(&layout).unwrap();
        let back = read(&layout).unwrap().unwrap();
        assert_eq!(back.recipient, key.to_public());
        assert_eq!(back.unwrap(&pass).unwrap().to_public(), key.to_public());
        let wrong = SecretString::from("not it".to_string());
        assert!(matches!(back.unwrap(&wrong), Err(MarkerError::WrongPassphrase)));
        std::fs::write(path(&layout), b"{\"format\":\"attune-encryption\"").unwrap();
        assert!(matches!(read(&layout), Err(MarkerError::Unusable { .. })));
    }
}
