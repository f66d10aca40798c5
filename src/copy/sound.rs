//! Every sentence about sound cues: what each style sounds like, the eyes-closed words of
//! the breathing preview, the calm line when the bell stood in, and `attune sound test`.

use crate::sound::Style;

/// The preview's "Sound" line: what the style does, in a few words.
pub fn style_about(style: Style) -> &'static str {
    match style {
        Style::Off => "off",
        Style::Tones => "soft tones, rising in and falling out",
        Style::Pulses => "soft pulses, one in and two out",
        Style::Voice => "a quiet voice: in, out, hold",
        Style::Bell => "the terminal bell, once in and twice out",
    }
}

/// The preview's "Eyes" line with a sound on.
pub const EYES_CLOSED: &str = "closed is fine: follow the sound";

/// Said under the preview with a sound on: pause and stop without looking.
pub const EYES_CLOSED_KEYS: &str =
    "With eyes closed, {pause} pauses and {stop} stops: the two easiest keys to find.";

/// The same, for small windows.
pub const EYES_CLOSED_KEYS_SHORT: &str = "Eyes closed: {pause} pauses, {stop} stops.";

/// The closing screen's one line when a cue could not play and the bell stood in.
pub const FELL_BACK: &str = "The sound could not play here, so the terminal bell stood in.";

/// Under the preview when the chosen style has nothing to play it here.
pub fn cannot_play_here(style: Style) -> String {
    let what = match style {
        Style::Voice => "No speech program was found",
        _ => "No sound player was found",
    };
    format!("{what}, so the terminal bell will stand in. `attune sound test` says more.")
}

/// Said once in a plain run when the chosen sound cannot play.
pub fn fell_back_plain(style: Style) -> String {
    match style {
        Style::Voice => {
            "No speech program found (espeak-ng, spd-say or say), so the terminal bell stands in."
                .to_string()
        }
        _ => "No sound player found (pw-play, paplay, aplay, afplay or ffplay), so the terminal \
              bell stands in."
            .to_string(),
    }
}

/// `attune sound test`: what played, through what.
pub fn tested(style: Style, program: &str) -> String {
    format!("Played the in, out and hold cues as {} through {program}.", style.name())
}

/// `attune sound test` when sound is off in the settings.
pub const OFF_SO_TONES: &str = "Sound is off in your settings, so this plays tones; breathing.sound in config.toml turns cues on.";

/// `attune sound test` when the player did not play a cue.
pub fn could_not_play(program: &str, why: &str) -> String {
    format!(
        "{program} did not play the cue ({why}). `[sound] player` in config.toml can name another."
    )
}

/// `attune sound test` with the bell or off.
pub fn tested_without_player(style: Style) -> String {
    match style {
        Style::Off => "Sound is off; `attune sound test --sound tones` tries a style.".to_string(),
        _ => "Rang the terminal bell: once for in, twice for out.".to_string(),
    }
}

/// `attune sound test` when nothing can play: what to install, plainly.
pub fn nothing_to_play(style: Style) -> String {
    let (what, debian, fedora, mac) = match style {
        Style::Voice => (
            "No speech program found (espeak-ng, spd-say or say).",
            "sudo apt install espeak-ng",
            "sudo dnf install espeak-ng",
            "nothing to install, say is built in",
        ),
        _ => (
            "No sound player found (pw-play, paplay, aplay, afplay or ffplay).",
            "sudo apt install pulseaudio-utils   (or alsa-utils for aplay)",
            "sudo dnf install pipewire-utils   (or alsa-utils for aplay)",
            "nothing to install, afplay is built in",
        ),
    };
    format!(
        "{what}\nTo hear sound cues, install one:\n  Debian or Ubuntu: {debian}\n  Fedora: {fedora}\n  macOS: {mac}\nOr name your own in config.toml: [sound] player = \"...\".\nMeanwhile the bell style works everywhere, over ssh too."
    )
}
