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

    /// The style as kept with a practice's record (nothing when off), so trends can
    /// later compare.
    pub fn kept(self) -> crate::store::model::Extra {
        let mut extra = crate::store::model::Extra::new();
        if self != Style::Off {
            extra.insert("sound".into(), self.name().into());
        }
        extra
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
    /// The practice was stopped: quiet whatever is still sounding.
    Hush,
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
            CueKind::Hold | CueKind::End | CueKind::Hush => 0,
        }
    }

    /// The word spoken for this cue in the voice style, if any.
    pub fn word(&self) -> Option<&'static str> {
        match self.kind {
            CueKind::In => Some("in"),
            CueKind::Out => Some("out"),
            CueKind::Hold => Some("hold"),
            CueKind::StepDone => Some("done"),
            CueKind::End | CueKind::Hush => None,
        }
    }
}

/// The default volume, 0-100: low, as nothing should startle.
pub const DEFAULT_VOLUME: u8 = 30;

/// How many recent cues a log keeps: far more than a frame can bring.
const RECENT: usize = 16;

/// The cues a screen asked for, for the event loop to sound: how many there have been in
/// all, and the few most recent. The loop remembers how many it has sounded, so the log
/// only grows by what is new, and never beyond RECENT.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CueLog {
    total: u64,
    recent: std::collections::VecDeque<Cue>,
}

impl CueLog {
    pub fn push(&mut self, cue: Cue) {
        self.total += 1;
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(cue);
    }

    /// Every cue asked for so far.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The cues asked for after the first `seen` (as many as are still kept).
    pub fn since(&self, seen: u64) -> impl Iterator<Item = &Cue> {
        let new = usize::try_from(self.total.saturating_sub(seen)).unwrap_or(usize::MAX);
        let skip = self.recent.len().saturating_sub(new);
        self.recent.iter().skip(skip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_cycle_round_and_names_go_both_ways() {
        let mut s = Style::Off;
        let mut seen = Vec::new();
        for _ in 0..5 {
            s = s.next();
            seen.push(s.name());
        }
        assert_eq!(seen, ["tones", "pulses", "voice", "bell", "off"]);
        for s in Style::ALL {
            assert_eq!(Style::from_name(s.name()), Some(s));
        }
        assert_eq!(Style::from_name("loud"), None);
    }

    #[test]
    fn the_log_gives_only_what_is_new_and_stays_small() {
        let cue = |secs| Cue {
            style: Style::Tones,
            kind: CueKind::In,
            length: Duration::from_secs(secs),
        };
        let mut log = CueLog::default();
        log.push(cue(1));
        log.push(cue(2));
        assert_eq!(log.since(1).map(|c| c.length.as_secs()).collect::<Vec<_>>(), [2]);
        assert_eq!(log.since(2).count(), 0);
        for i in 0..100 {
            log.push(cue(i));
        }
        assert_eq!(log.total(), 102);
        assert_eq!(log.since(0).count(), RECENT);
        assert_eq!(
            log.since(101)
                .map(|c| c.length.as_secs())
                .collect::<Vec<_>>(),
            [99]
        );
    }
}
