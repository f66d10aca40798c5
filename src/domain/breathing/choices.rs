//! The breathing preview's choices (pattern, length, sound, follow), as remembered for
//! the next time: written by attune, but read as untrusted bytes, since anything may sit
//! in a file; whatever does not fit is left out and its default used.

use crate::sound::Style;
use serde::{Deserialize, Serialize};

/// What the user chose in the preview last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub pattern: String,
    pub minutes: u32,
    pub sound: String,
    pub follow: bool,
}

impl Choices {
    pub fn new(pattern: &str, minutes: u32, sound: Style, follow: bool) -> Choices {
        Choices {
            pattern: pattern.to_string(),
            minutes,
            sound: sound.name().to_string(),
            follow,
        }
    }

    /// The remembered choices in `bytes`, if they are choices at all: a length within
    /// 1-60 minutes, a sound attune knows, a pattern id of sane size. None otherwise.
    pub fn read(bytes: &[u8]) -> Option<Choices> {
        let c: Choices = serde_json::from_slice(bytes).ok()?;
        let sane_id = !c.pattern.is_empty() && c.pattern.len() <= 64;
        let minutes = f64::from(c.minutes);
        let fits = (1.0..=super::MAX_MINUTES).contains(&minutes);
        (sane_id && fits && Style::from_name(&c.sound).is_some()).then_some(c)
    }

    pub fn sound(&self) -> Style {
        Style::from_name(&self.sound).unwrap_or_default()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_and_odd_bytes_are_left_aside() {
        let c = Choices::new("box-4", 7, Style::Pulses, false);
        assert_eq!(Choices::read(&c.to_bytes()), Some(c.clone()));
        assert_eq!(c.sound(), Style::Pulses);
        for odd in [
            &b"not json"[..],
            br#"{"pattern":"box-4","minutes":0,"sound":"off","follow":false}"#,
            br#"{"pattern":"box-4","minutes":61,"sound":"off","follow":false}"#,
            br#"{"pattern":"box-4","minutes":5,"sound":"loud","follow":false}"#,
            br#"{"pattern":"","minutes":5,"sound":"off","follow":false}"#,
            br#"{"pattern":"box-4"}"#,
        ] {
            assert_eq!(Choices::read(odd), None, "{}", String::from_utf8_lossy(odd));
        }
    }
}
