//! The audio of each cue, made in attune: soft sines with raised-cosine fades, as 16-bit
//! mono PCM in a WAV file of our own 44-byte header. Pure: the same cue always gives the
//! same bytes, so a generated file can be cached by its content.

use super::{Cue, CueKind, Style};
use crate::domain::turns;
use std::time::Duration;

/// Samples a second: plenty for tones under 500 Hz, and small files.
pub const RATE: u32 = 22_050;
/// Fade in and out over this long, so nothing clicks (CONTENT.md: 30-80 ms).
pub const FADE: f64 = 0.05;
/// The loudest a cue gets at full volume, as a share of full scale: soft even then.
const PEAK: f64 = 0.5;
/// A glide lasts this share of its phase, leaving a breath of quiet before the next cue.
const GLIDE_SHARE: f64 = 0.85;
/// The shortest and longest glide.
const GLIDE_SECS: (f64, f64) = (0.3, 10.0);
/// The glide's low and high notes (A3 to E4): the in-breath rises, the out-breath falls.
const LOW_HZ: f64 = 220.0;
const HIGH_HZ: f64 = 330.0;
/// A pulse: its note, length, and the quiet between two.
const PULSE_HZ: f64 = 294.0;
const PULSE_SECS: f64 = 0.14;
const PULSE_GAP_SECS: f64 = 0.2;

/// One stretch of sound: a note gliding from one pitch to another, or quiet.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Note {
    from_hz: f64,
    to_hz: f64,
    secs: f64,
    /// Loudness relative to the cue's volume, 0 for quiet.
    level: f64,
}

fn note(from_hz: f64, to_hz: f64, secs: f64, level: f64) -> Note {
    Note {
        from_hz,
        to_hz,
        secs,
        level,
    }
}

fn quiet(secs: f64) -> Note {
    note(0.0, 0.0, secs, 0.0)
}

/// The notes of a cue; empty when the style has nothing to say for it.
fn notes(cue: &Cue) -> Vec<Note> {
    let glide = (cue.length.as_secs_f64() * GLIDE_SHARE).clamp(GLIDE_SECS.0, GLIDE_SECS.1);
    let pulse = note(PULSE_HZ, PULSE_HZ, PULSE_SECS, 1.0);
    match (cue.style, cue.kind) {
        (Style::Tones, CueKind::In) => vec![note(LOW_HZ, HIGH_HZ, glide, 1.0)],
        (Style::Tones, CueKind::Out) => vec![note(HIGH_HZ, LOW_HZ, glide, 1.0)],
        (Style::Tones, CueKind::Hold) => vec![note(LOW_HZ * 0.9, LOW_HZ * 0.9, 0.6, 0.6)],
        (Style::Tones, CueKind::End) => vec![
            note(HIGH_HZ, HIGH_HZ, 0.5, 0.8),
            note(440.0, 440.0, 0.8, 0.7),
        ],
        (Style::Tones | Style::Pulses, CueKind::StepDone) => {
            vec![note(HIGH_HZ, HIGH_HZ, 0.7, 0.8)]
        }
        (Style::Pulses, CueKind::In) => vec![pulse],
        (Style::Pulses, CueKind::Out) => vec![pulse, quiet(PULSE_GAP_SECS), pulse],
        _ => Vec::new(),
    }
}

/// The cue's samples at `volume` (0-100), or none when there is nothing to play. Each
/// note fades in and out on its own, so pulses are separate and no edge clicks.
pub fn samples(cue: &Cue, volume: u8) -> Vec<i16> {
    let gain = f64::from(volume.min(100)) / 100.0 * PEAK * f64::from(i16::MAX);
    let mut out = Vec::new();
    for n in notes(cue) {
        let count = (n.secs * f64::from(RATE)).round() as usize;
        let mut phase = 0.0_f64; // in turns
        for i in 0..count {
            let t = i as f64 / f64::from(RATE);
            // The pitch glides evenly; the phase is its running sum, so the glide is smooth.
            let hz = n.from_hz + (n.to_hz - n.from_hz) * (t / n.secs);
            let value = turns::sin_cos(phase).0 * envelope(t, n.secs) * n.level * gain;
            phase += hz / f64::from(RATE);
            out.push(value.round() as i16);
        }
    }
    out
}

/// A raised-cosine fade in over FADE and out over the last FADE (shorter for a very
/// short note), 1 between: 0 at both ends, with no corner to click.
pub fn envelope(t: f64, secs: f64) -> f64 {
    let fade = FADE.min(secs / 2.0);
    let edge = t.min(secs - t).max(0.0);
    if edge >= fade {
        1.0
    } else {
        (1.0 - turns::sin_cos(edge / fade / 2.0).1) / 2.0
    }
}

/// The samples as a WAV file: RIFF header, 16-bit mono PCM at RATE.
pub fn wav(samples: &[i16]) -> Vec<u8> {
    let data_len = u32::try_from(samples.len() * 2).unwrap_or(u32::MAX - 36);
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&RATE.to_le_bytes());
    out.extend_from_slice(&(RATE * 2).to_le_bytes()); // bytes a second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes a frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits a sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

/// How long the cue's audio lasts.
pub fn length(samples: &[i16]) -> Duration {
    Duration::from_secs_f64(samples.len() as f64 / f64::from(RATE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(style: Style, kind: CueKind, secs: f64) -> Cue {
        Cue {
            style,
            kind,
            length: Duration::from_secs_f64(secs),
        }
    }

    /// Sign changes in a stretch of samples: twice the pitch, near enough.
    fn crossings(s: &[i16]) -> usize {
        s.windows(2)
            .filter(|w| (w[0] < 0) != (w[1] < 0) && w[0] != 0 && w[1] != 0)
            .count()
    }

    /// Stretches of sound apart from quiet: the pulses a listener counts.
    fn bursts(s: &[i16]) -> usize {
        let loud: Vec<bool> = s
            .chunks(RATE as usize / 100)
            .map(|c| c.iter().any(|v| v.unsigned_abs() > 50))
            .collect();
        loud.windows(2).filter(|w| !w[0] && w[1]).count() + usize::from(loud[0])
    }

    #[test]
    fn a_glide_lasts_most_of_its_phase_and_fades_at_both_ends() {
        let s = samples(&cue(Style::Tones, CueKind::In, 4.0), 100);
        assert_eq!(s.len(), (4.0 * 0.85 * f64::from(RATE)).round() as usize);
        assert_eq!(s[0], 0);
        assert!(s[s.len() - 1].unsigned_abs() < 100, "{}", s[s.len() - 1]);
        let ten_ms = RATE as usize / 100;
        let max = |w: &[i16]| w.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0);
        assert!(max(&s[..ten_ms]) < 2000, "fading in, not jumping");
        assert!(max(&s[s.len() - ten_ms..]) < 2000, "fading out");
        let full = max(&s[RATE as usize..2 * RATE as usize]);
        assert!(full > 15_000 && full <= (0.5 * f64::from(i16::MAX)) as u16 + 1, "{full}");
    }

    #[test]
    fn the_in_glide_rises_and_the_out_glide_falls() {
        let half = RATE as usize / 2;
        let rise = samples(&cue(Style::Tones, CueKind::In, 4.0), 50);
        assert!(crossings(&rise[..half]) < crossings(&rise[rise.len() - half..]));
        let fall = samples(&cue(Style::Tones, CueKind::Out, 6.0), 50);
        assert!(crossings(&fall[..half]) > crossings(&fall[fall.len() - half..]));
        assert_ne!(rise, fall);
    }

    #[test]
    fn cues_stay_in_tune_when_the_pace_changes() {
        let quarter = RATE as usize / 4;
        let a = samples(&cue(Style::Tones, CueKind::In, 4.0), 50);
        let b = samples(&cue(Style::Tones, CueKind::In, 4.4), 50);
        assert!(b.len() > a.len(), "a slower phase, a longer glide");
        // Same starting note, and the same top note at the end.
        assert!(crossings(&a[..quarter]).abs_diff(crossings(&b[..quarter])) <= 2);
        let end = |s: &[i16]| crossings(&s[s.len() - quarter..]);
        assert!(end(&a).abs_diff(end(&b)) <= 2);
    }

    #[test]
    fn pulses_are_one_for_in_and_two_for_out() {
        let one = samples(&cue(Style::Pulses, CueKind::In, 4.0), 50);
        let two = samples(&cue(Style::Pulses, CueKind::Out, 6.0), 50);
        assert_eq!(bursts(&one), 1);
        assert_eq!(bursts(&two), 2);
        assert_eq!(one[0], 0);
        assert!(two[two.len() - 1].unsigned_abs() < 100);
    }

    #[test]
    fn volume_scales_and_off_styles_make_no_audio() {
        let loud = samples(&cue(Style::Tones, CueKind::Out, 4.0), 100);
        let soft = samples(&cue(Style::Tones, CueKind::Out, 4.0), 25);
        let peak = |s: &[i16]| s.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0);
        let ratio = f64::from(peak(&loud)) / f64::from(peak(&soft));
        assert!((ratio - 4.0).abs() < 0.01, "{ratio}");
        assert!(
            samples(&cue(Style::Tones, CueKind::Out, 4.0), 0)
                .iter()
                .all(|v| *v == 0)
        );
        for style in [Style::Off, Style::Bell, Style::Voice] {
            assert!(samples(&cue(style, CueKind::In, 4.0), 50).is_empty());
        }
        assert!(samples(&cue(Style::Pulses, CueKind::Hold, 4.0), 50).is_empty());
    }

    #[test]
    fn the_wav_header_says_what_follows() {
        let s = samples(&cue(Style::Tones, CueKind::Hold, 4.0), 50);
        let w = wav(&s);
        let u32_at = |i: usize| u32::from_le_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]);
        let u16_at = |i: usize| u16::from_le_bytes([w[i], w[i + 1]]);
        assert_eq!(&w[..4], b"RIFF");
        assert_eq!(&w[8..16], b"WAVEfmt ");
        assert_eq!(u32_at(4) as usize, w.len() - 8);
        assert_eq!((u16_at(20), u16_at(22)), (1, 1), "PCM, mono");
        assert_eq!(u32_at(24), RATE);
        assert_eq!(u16_at(34), 16);
        assert_eq!(&w[36..40], b"data");
        assert_eq!(u32_at(40) as usize, s.len() * 2);
        assert_eq!(w.len(), 44 + s.len() * 2);
        assert_eq!(length(&s), Duration::from_secs_f64(0.6));
    }
}
