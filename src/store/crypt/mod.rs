//! Encryption at rest, at the byte boundary. A month file's bytes are plain JSON or an age
//! file sealed to the folder's one public key (`marker`); its name stays `YYYY-MM.json`
//! either way, so a month never has two names while the folder is converted. Reading opens
//! sealed bytes with a key this process holds (`key`); writing seals whenever the folder
//! is encrypted, which needs only the public key.

pub mod convert;
pub mod export;
pub mod key;
pub mod marker;

use age::x25519;
use std::io::Read;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The first line of every age file: how sealed bytes are told from plain JSON.
const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Whether these bytes are an age file (rather than plain JSON).
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Whether the file at `path` is sealed; reads its first line only.
pub fn is_sealed_file(path: &std::path::Path) -> std::io::Result<bool> {
    let mut head = Vec::with_capacity(MAGIC.len());
    std::fs::File::open(path)?
        .take(MAGIC.len() as u64)
        .read_to_end(&mut head)?;
    Ok(is_sealed(&head))
}

/// Why sealed bytes could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// This process holds no key: the device has not joined (or keeps no key on disk).
    NoKey,
    /// Sealed to a key this device does not hold.
    OtherKey,
    /// Sealed, but cut short or changed since (a flipped byte, a partial download).
    Damaged(String),
}

/// The keys this process holds, unwrapped: in memory only, for as long as it runs.
static KEYRING: Mutex<Vec<x25519::Identity>> = Mutex::new(Vec::new());

fn keyring() -> MutexGuard<'static, Vec<x25519::Identity>> {
    KEYRING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Hold a key for the rest of this process (once, however often it is handed over).
pub fn hold(identity: x25519::Identity) {
    let mut keys = keyring();
    let public = identity.to_public();
    if !keys.iter().any(|k| k.to_public() == public) {
        keys.push(identity);
    }
}

/// Whether this process holds the key for `recipient`.
pub fn holds(recipient: &x25519::Recipient) -> bool {
    keyring().iter().any(|k| &k.to_public() == recipient)
}

/// The key this process holds for `recipient`, if any.
pub fn held_for(recipient: &x25519::Recipient) -> Option<x25519::Identity> {
    keyring()
        .iter()
        .find(|k| &k.to_public() == recipient)
        .cloned()
}

/// The public key this device's local state is sealed with (drafts), when it keeps no
/// key on disk (`encryption.remember = false`): then no word typed is on disk in plain.
static LOCAL_SEAL: Mutex<Option<x25519::Recipient>> = Mutex::new(None);

/// Seal local state from now on in this process (None: keep it plain, as before).
pub fn seal_local_state(recipient: Option<x25519::Recipient>) {
    *LOCAL_SEAL.lock().unwrap_or_else(PoisonError::into_inner) = recipient;
}

/// The key local state is sealed with, if it is.
pub fn local_seal() -> Option<x25519::Recipient> {
    LOCAL_SEAL
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// Local bytes as they should be written: sealed when local state is.
pub fn seal_local(plain: Vec<u8>) -> std::io::Result<Vec<u8>> {
    match local_seal() {
        Some(recipient) => seal(&recipient, &plain),
        None => Ok(plain),
    }
}

/// Remove the local indexes that hold words (journal text for search, and the like),
/// keeping the month placement cache, which holds none. Best effort: only caches.
pub fn drop_word_caches(layout: &crate::store::layout::Layout) {
    let Ok(entries) = std::fs::read_dir(layout.state_dir.join("cache")) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the folder is encrypted and this process holds no key for it: its records
/// cannot be read here (saving still works: it needs only the public key).
pub fn locked_out(layout: &crate::store::layout::Layout) -> bool {
    match marker::read(layout) {
        Ok(Some(marker)) => !holds(&marker.recipient),
        _ => false,
    }
}

/// Forget every key held in memory (after `encrypt off`, or before a test's next step).
pub fn forget_held() {
    keyring().clear();
}

/// Plain bytes as they are; sealed bytes opened with a key held.
pub fn open(bytes: Vec<u8>) -> Result<Vec<u8>, Why> {
    if !is_sealed(&bytes) {
        return Ok(bytes);
    }
    let keys = keyring().clone();
    if keys.is_empty() {
        return Err(Why::NoKey);
    }
    let damaged = |e: &dyn std::fmt::Display| Why::Damaged(e.to_string());
    let decryptor = age::Decryptor::new_buffered(&bytes[..]).map_err(|e| damaged(&e))?;
    let mut reader = decryptor
        .decrypt(keys.iter().map(|k| k as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => Why::OtherKey,
            e => damaged(&e),
        })?;
    let mut plain = Vec::with_capacity(bytes.len());
    reader.read_to_end(&mut plain).map_err(|e| damaged(&e))?;
    Ok(plain)
}

/// Seal plain bytes to the folder's public key.
pub fn seal(recipient: &x25519::Recipient, plain: &[u8]) -> std::io::Result<Vec<u8>> {
    age::encrypt(recipient, plain).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_bytes_open_only_with_the_key_and_name_what_went_wrong() {
        let key = x25519::Identity::generate();
        let other = x25519::Identity::generate();
        let plain = br#"{"format":"attune","records":[]}"#.to_vec();
        let sealed = seal(&key.to_public(), &plain).unwrap();
        assert!(is_sealed(&sealed) && !is_sealed(&plain));
        assert_eq!(open(plain.clone()), Ok(plain.clone()), "plain passes through");
        // The keyring is process-wide: this one test owns it (no other unit test holds keys).
        forget_held();
        assert_eq!(open(sealed.clone()), Err(Why::NoKey));
        hold(other.clone());
        assert_eq!(open(sealed.clone()), Err(Why::OtherKey));
        hold(key.clone());
        hold(key.clone());
        assert!(holds(&key.to_public()));
        assert_eq!(open(sealed.clone()), Ok(plain.clone()));
        let mut flipped = sealed.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 1;
        assert!(matches!(open(flipped), Err(Why::Damaged(_))));
        let cut = sealed[..sealed.len() - 10].to_vec();
        assert!(matches!(open(cut), Err(Why::Damaged(_))));
        forget_held();
    }
}
