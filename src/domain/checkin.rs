//! Check-in scales: what each 0-10 item asks, its anchors, and validation of a check-in.

use crate::store::model::Checkin;

pub const MAX: u8 = 10;
/// Distress at or above this is high: attune gently offers grounding and the help lines.
pub const HIGH_DISTRESS: u8 = 9;

/// The 0-10 items of a check-in, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    Distress,
    Tension,
    Breath,
    Energy,
    Sleep,
    Pain,
}

impl Scale {
    pub const ALL: [Scale; 6] = [
        Scale::Distress,
        Scale::Tension,
        Scale::Breath,
        Scale::Energy,
        Scale::Sleep,
        Scale::Pain,
    ];

    /// The field name in records and the CLI flag name.
    pub fn key(self) -> &'static str {
        match self {
            Scale::Distress => "distress",
            Scale::Tension => "tension",
            Scale::Breath => "breath",
            Scale::Energy => "energy",
            Scale::Sleep => "sleep",
            Scale::Pain => "pain",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scale::Distress => "Distress",
            Scale::Tension => "Muscle tension",
            Scale::Breath => "Breathing ease",
            Scale::Energy => "Energy",
            Scale::Sleep => "Sleep restfulness",
            Scale::Pain => "Pain",
        }
    }

    /// What 0 and 10 mean, in plain words.
    pub fn anchors(self) -> (&'static str, &'static str) {
        match self {
            Scale::Distress => ("calm", "the most upset"),
            Scale::Tension => ("loose", "very tight"),
            Scale::Breath => ("hard to breathe", "easy and free"),
            Scale::Energy => ("empty", "full of energy"),
            Scale::Sleep => ("not rested", "well rested"),
            Scale::Pain => ("no pain", "worst pain"),
        }
    }

    pub fn required(self) -> bool {
        self == Scale::Distress
    }

    pub fn get(self, c: &Checkin) -> Option<u8> {
        match self {
            Scale::Distress => Some(c.distress),
            Scale::Tension => c.tension,
            Scale::Breath => c.breath,
            Scale::Energy => c.energy,
            Scale::Sleep => c.sleep,
            Scale::Pain => c.pain,
        }
    }

    /// Set an optional scale; distress is set only when `value` is Some.
    pub fn set(self, c: &mut Checkin, value: Option<u8>) {
        match self {
            Scale::Distress => {
                if let Some(v) = value {
                    c.distress = v;
                }
            }
            Scale::Tension => c.tension = value,
            Scale::Breath => c.breath = value,
            Scale::Energy => c.energy = value,
            Scale::Sleep => c.sleep = value,
            Scale::Pain => c.pain = value,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckinError {
    #[error("{label} must be a whole number from 0 to 10 (got {value})")]
    OutOfRange { label: &'static str, value: i64 },
    #[error("a sensation word cannot be empty")]
    EmptySensation,
    #[error("the note is one line; it cannot hold a line break")]
    MultilineNote,
}

/// Check one scale value.
pub fn check_value(scale: Scale, value: i64) -> Result<u8, CheckinError> {
    check_rating(scale.label(), value)
}

/// Check a 0-10 rating that `label` names (a scale, or a practice's before and after).
pub fn check_rating(label: &'static str, value: i64) -> Result<u8, CheckinError> {
    u8::try_from(value)
        .ok()
        .filter(|v| *v <= MAX)
        .ok_or(CheckinError::OutOfRange { label, value })
}

/// Tidy and check the free-text parts: sensation words trimmed, lower-cased and without
/// repeats (in the order given), the note trimmed and dropped when empty.
pub fn tidy(mut c: Checkin) -> Result<Checkin, CheckinError> {
    for scale in Scale::ALL {
        if let Some(v) = scale.get(&c) {
            check_value(scale, i64::from(v))?;
        }
    }
    let mut words: Vec<String> = Vec::new();
    for w in &c.sensations {
        let w = w.trim().to_lowercase();
        if w.is_empty() {
            return Err(CheckinError::EmptySensation);
        }
        if !words.contains(&w) {
            words.push(w);
        }
    }
    c.sensations = words;
    c.note = tidy_note(c.note.as_deref())?;
    Ok(c)
}

/// A one-line note, trimmed; an empty one is no note.
pub fn tidy_note(note: Option<&str>) -> Result<Option<String>, CheckinError> {
    match note.map(str::trim) {
        Some(n) if n.contains(['\n', '\r']) => Err(CheckinError::MultilineNote),
        Some(n) if !n.is_empty() => Ok(Some(n.to_string())),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_outside_0_to_10_are_refused_with_the_scale_named() {
        assert_eq!(check_value(Scale::Pain, 10), Ok(10));
        assert_eq!(check_value(Scale::Pain, 0), Ok(0));
        let err = check_value(Scale::Tension, 11).unwrap_err();
        assert_eq!(err.to_string(), "Muscle tension must be a whole number from 0 to 10 (got 11)");
        assert!(check_value(Scale::Distress, -1).is_err());
    }

    #[test]
    fn tidy_cleans_words_and_note() {
        let c = Checkin {
            distress: 4,
            sensations: vec![" Tight chest".into(), "tight chest".into(), "jaw".into()],
            note: Some("  ".into()),
            ..Checkin::default()
        };
        let c = tidy(c).unwrap();
        assert_eq!(c.sensations, vec!["tight chest", "jaw"]);
        assert_eq!(c.note, None);
        let bad = Checkin {
            sensations: vec![" ".into()],
            ..Checkin::default()
        };
        assert_eq!(tidy(bad), Err(CheckinError::EmptySensation));
        let two_lines = Checkin {
            note: Some("a\nb".into()),
            ..Checkin::default()
        };
        assert_eq!(tidy(two_lines), Err(CheckinError::MultilineNote));
    }

    #[test]
    fn distress_is_the_only_required_scale() {
        let required: Vec<_> = Scale::ALL.into_iter().filter(|s| s.required()).collect();
        assert_eq!(required, vec![Scale::Distress]);
    }
}
