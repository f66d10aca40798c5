//! Sound cues for breathing with eyes closed: the styles a user can choose, the cue a
//! practice asks for at a phase boundary, the audio made for it (pure, in `wave`), the
//! system program that plays it (chosen in `player`), and the thread that plays cues off
//! the drawing path and reaps every child (`sounder`).

pub mod player;
pub mod sounder;
pub mod wave;

use crate::domain::breathing::PhaseKind;
use serde::Deserialize;
use std::time::Duration;

/// How phase changes sound. Off unless chosen: no surprise sounds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    #[default]
    Off,
    /// A soft glide rising with the in-breath and falling with the out-breath.
    Tones,
    /// One soft pulse for in, two for out.
    Pulses,
    /// "in", "out", "hold", spoken slowly by the system's speech program.
    Voice,
    /// The terminal bell, once for in, twice for out.
    Bell,
}

impl Style {
    /// The order `s` goes through in the preview.
    pub const ALL: [Style; 5] = [
        Style::Off,
        Style::Tones,
        Style::Pulses,
        Style::Voice,
        Style::Bell,
    ];

    /// The next style for `s`, round to off again.
    pub fn next(self) -> Style {
        let i = Style::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Style::ALL[(i + 1) % Style::ALL.len()]
    }

    /// The name used in config.toml, on the command line and in records.
    pub fn name(self) -> &'static str {
        match self {
            Style::Off => "off",
            Style::Tones => "tones",
            Style::Pulses => "pulses",
            Style::Voice => "voice",
            Style::Bell => "bell",
        }
    }

    pub fn from_name(name: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether a cue in this style is audio made by attune and played by a player.
    pub fn needs_player(self) -> bool {
        matches!(self, Style::Tones | Style::Pulses)
    }
}

/// What a cue marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    In,
    Out,
    Hold,
    /// The practice ended as planned.
    End,
    /// A timed grounding step's time is up.
    StepDone,
}

impl CueKind {
    /// The cue for the start of a breathing phase (the sigh's top-up is a short in).
    pub fn for_phase(phase: PhaseKind) -> CueKind {
        match phase {
            PhaseKind::In | PhaseKind::TopUp => CueKind::In,
            PhaseKind::HoldIn | PhaseKind::HoldOut => CueKind::Hold,
            PhaseKind::Out => CueKind::Out,
        }
    }
}

/// One cue to sound now: its style, what it marks, and how long that phase lasts (a
/// glide lasts most of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cue {
    pub style: Style,
    pub kind: CueKind,
    pub length: Duration,
}

impl Cue {
    /// Terminal bells for this cue in the bell style (and when a player fails).
    pub fn bells(&self) -> usize {
        match self.kind {
            CueKind::In | CueKind::StepDone => 1,
            CueKind::Out => 2,
            CueKind::Hold | CueKind::End => 0,
        }
    }

    /// The word spoken for this cue in the voice style, if any.
    pub fn word(&self) -> Option<&'static str> {
        match self.kind {
            CueKind::In => Some("in"),
            CueKind::Out => Some("out"),
            CueKind::Hold => Some("hold"),
            CueKind::StepDone => Some("done"),
            CueKind::End => None,
        }
    }
}

/// The default volume, 0-100: low, as nothing should startle.
pub const DEFAULT_VOLUME: u8 = 30;
