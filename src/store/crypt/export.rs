//! An encrypted export (`attune export --encrypt`): the export sealed to the folder's own
//! public key, beside that key wrapped by the passphrase exactly as in `encryption.json`,
//! so the same passphrase opens it on any machine (a fresh store too), and a device that
//! holds the key opens it without one. The file is text (armored), safe to pipe.

use super::marker::{Marker, MarkerError};
use age::secrecy::SecretString;
use age::x25519;
use serde::{Deserialize, Serialize};

const FORMAT: &str = "attune-export-encrypted";
const VERSION: u32 = 1;
/// How far into a file its format name is looked for: it is the first field written.
const HEAD: usize = 64;

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    recipient: String,
    /// The private key, wrapped by the passphrase (as in `encryption.json`).
    identity: String,
    /// The export itself, age-encrypted to `recipient` and armored.
    export: String,
}

/// An encrypted export as read, not yet opened.
pub struct Sealed {
    marker: Marker,
    export: String,
}

/// Why an encrypted export could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("{0}")]
    Damaged(String),
}

/// The export `plain`, sealed to the folder of `marker`.
pub fn seal(marker: &Marker, plain: &[u8]) -> std::io::Result<Vec<u8>> {
    let export = age::encrypt_and_armor(&marker.recipient, plain).map_err(std::io::Error::other)?;
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        recipient: marker.recipient.to_string(),
        identity: marker.wrapped().to_string(),
        export,
    };
    let mut bytes = serde_json::to_vec_pretty(&envelope).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Whether these bytes claim to be an encrypted export (whole or damaged).
pub fn is_one(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEAD)];
    head.windows(FORMAT.len()).any(|w| w == FORMAT.as_bytes())
}

/// Read an encrypted export's envelope; a reason when it cannot be.
pub fn read(bytes: &[u8]) -> Result<Sealed, OpenError> {
    let damaged = |why: String| OpenError::Damaged(why);
    let envelope: Envelope = serde_json::from_slice(bytes).map_err(|e| damaged(e.to_string()))?;
    if envelope.format != FORMAT {
        return Err(damaged("it is not attune's".into()));
    }
    if envelope.version > VERSION {
        return Err(damaged(format!(
            "a newer attune wrote it (version {}); update attune",
            envelope.version
        )));
    }
    let recipient = envelope
        .recipient
        .parse::<x25519::Recipient>()
        .map_err(|e| damaged(format!("its public key cannot be read: {e}")))?;
    Ok(Sealed {
        marker: Marker::from_parts(recipient, envelope.identity),
        export: envelope.export,
    })
}

impl Sealed {
    /// The public key it is sealed to.
    pub fn recipient(&self) -> &x25519::Recipient {
        &self.marker.recipient
    }

    /// Its key, unwrapped with the passphrase (scrypt's work is done here).
    pub fn unwrap(&self, passphrase: &SecretString) -> Result<x25519::Identity, OpenError> {
        self.marker.unwrap(passphrase).map_err(|e| match e {
            MarkerError::WrongPassphrase => OpenError::WrongPassphrase,
            e => OpenError::Damaged(e.to_string()),
        })
    }

    /// The export's plain bytes, opened with its key.
    pub fn open(&self, identity: &x25519::Identity) -> Result<Vec<u8>, OpenError> {
        age::decrypt(identity, self.export.as_bytes())
            .map_err(|e| OpenError::Damaged(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(pass: &SecretString) -> (x25519::Identity, Marker) {
        let key = x25519::Identity::generate();
        let mut rec = age::scrypt::Recipient::new(pass.clone());
        rec.set_work_factor(4);
        use age::secrecy::ExposeSecret;
        let wrapped =
            age::encrypt_and_armor(&rec, key.to_string().expose_secret().as_bytes()).unwrap();
        let marker = Marker::from_parts(key.to_public(), wrapped);
        (key, marker)
    }

    #[test]
    fn an_export_opens_with_its_passphrase_or_key_and_names_damage() {
        let pass = SecretString::from("quiet words".to_string());
        let (key, marker) = marker(&pass);
        let plain = br#"{"format":"attune-export","records":["lighthouse"]}"#;
        let sealed = seal(&marker, plain).unwrap();
        assert!(is_one(&sealed) && !is_one(plain));
        assert!(!sealed.windows(10).any(|w| w == b"lighthouse"));
        let read_back = read(&sealed).unwrap();
        assert_eq!(read_back.recipient(), &key.to_public());
        assert_eq!(read_back.open(&key).unwrap(), plain);
        let unwrapped = read_back.unwrap(&pass).unwrap();
        assert_eq!(read_back.open(&unwrapped).unwrap(), plain);
        let wrong = SecretString::from("loud words".to_string());
        assert!(matches!(read_back.unwrap(&wrong), Err(OpenError::WrongPassphrase)));
        assert!(matches!(
            read_back.open(&x25519::Identity::generate()),
            Err(OpenError::Damaged(_))
        ));
        // A byte changed inside the sealed export, and a file cut short.
        let text = String::from_utf8(sealed.clone()).unwrap();
        let at = text.rfind("-----END").unwrap() - 10;
        let mut flipped = sealed.clone();
        flipped[at] = if flipped[at] == b'A' { b'B' } else { b'A' };
        assert!(matches!(read(&flipped).unwrap().open(&key), Err(OpenError::Damaged(_))));
        let cut = &sealed[..sealed.len() / 2];
        assert!(is_one(cut));
        assert!(matches!(read(cut), Err(OpenError::Damaged(_))));
    }
}
