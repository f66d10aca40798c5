//! Heart-rhythm readings in words: every number with a one-line meaning, why a file
//! cannot be read, and the resting weeks. Norms are context, never a verdict.

use crate::domain::heart::parse::{LineError, MAX_LINE, Why};
use crate::domain::heart::weeks::RestWeek;
use crate::domain::trends::round::round1;
use crate::store::model::Heart;

/// A number as a person reads it: one decimal, none when it is whole.
pub(super) fn num(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Why line `e.line` of `file` cannot be read. `file` is the user's own path, shown safely.
pub fn line_error(file: &str, e: &LineError) -> String {
    let why = match &e.why {
        Why::UnknownFormat => "this is not a heart-beat file attune knows (one interval in ms a \
                               line, `time_ms interval_ms`, Polar Sensor Logger's RR file or \
                               HRV Logger's CSV)"
            .to_string(),
        Why::NotANumber(text) => {
            format!("\"{}\" should be a number of milliseconds", super::safe::line(text))
        }
        Why::OutOfRange(v) => {
            format!("{} ms cannot be the time between two beats", num(*v))
        }
        Why::Fields { expected, found } => {
            format!("this line has {found} fields where {expected} were expected")
        }
        Why::TooLong => format!("this line is longer than {MAX_LINE} characters"),
        Why::Empty => "the file holds no heart-beat intervals".to_string(),
    };
    format!("{} line {}: {why}. Nothing was stored.", super::safe::line(file), e.line)
}

pub fn unreadable_file(file: &str, why: &str) -> String {
    format!(
        "cannot read {}: {}. Nothing was stored.",
        super::safe::line(file),
        super::safe::line(why)
    )
}

pub fn not_text(file: &str, line: usize) -> String {
    format!(
        "{} line {line}: this is not text (it is not UTF-8). Nothing was stored.",
        super::safe::line(file)
    )
}

pub fn too_big(file: &str, limit_mb: u64) -> String {
    format!(
        "{} is larger than {limit_mb} MB, more than any heart-beat file; nothing was stored.",
        super::safe::line(file)
    )
}

pub fn too_many_beats(file: &str, most: usize) -> String {
    format!(
        "{} holds more than {most} beats (about two days), more than one reading; split it \
         into readings of a few minutes each. Nothing was stored.",
        super::safe::line(file)
    )
}

pub fn too_short(file: &str) -> String {
    format!(
        "{} holds too few usable beats to say anything (at least 10 are needed). Nothing was \
         stored.",
        super::safe::line(file)
    )
}

fn context_name(h: &Heart) -> &'static str {
    if h.context == "rest" {
        "resting reading"
    } else {
        "reading outside practice"
    }
}

/// Minutes and seconds, e.g. "5 min 2 s".
fn length(seconds: f64) -> String {
    let s = seconds.round() as u64;
    match (s / 60, s % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// The first line after a reading is saved.
pub fn saved(h: &Heart) -> String {
    format!("Saved a {}: {}, {} beats.", context_name(h), length(h.seconds), h.beats)
}

/// Each number of a reading, with what it means.
pub fn numbers(h: &Heart) -> Vec<String> {
    let mut lines = vec![
        format!(
            "Heart rate {} a minute: the average pace of your heart over the reading.",
            num(h.mean_hr)
        ),
        format!(
            "RMSSD {} ms: how much one beat's timing differs from the next; it rises as the \
             resting, calming side of the nervous system works. Many adults read about 42 ± 15 \
             ms at rest (Nunan 2010), and it varies a lot with age and fitness: compare with \
             your own readings.",
            num(h.rmssd_ms)
        ),
        format!(
            "SDNN {} ms: how much the time between beats varies over the whole reading.",
            num(h.sdnn_ms)
        ),
    ];
    if let (Some(s), Some(b)) = (h.swing_bpm, h.breath_seconds) {
        lines.push(format!(
            "Swing {} beats a minute: how far your heart rate rose and fell within a breath (over \
             breaths of {} s).",
            num(s),
            num(b)
        ));
    }
    if let Some(lf) = h.lf_power_ms2 {
        lines.push(format!(
            "Low-frequency power {} ms²: the slow waves in your heart rate, where slow breathing \
             shows.",
            num(lf)
        ));
    }
    if let (Some(c), Some(p)) = (h.coherence, h.peak_hz) {
        lines.push(format!(
            "Coherence {}: the tallest wave ({} breaths a minute) holds {} times the power of \
             all the rest; higher means a steadier, single rhythm.",
            num(c),
            num(p * 60.0),
            num(c)
        ));
    }
    lines.push(corrected(h));
    lines
}

fn corrected(h: &Heart) -> String {
    let pct = num(h.corrected_share * 100.0);
    if h.corrected_share > crate::domain::heart::clean::UNRELIABLE_SHARE {
        format!(
            "{pct}% of the beats needed correcting, more than 5%: the strap may have slipped, \
             so take these numbers lightly."
        )
    } else {
        format!("{pct}% of the beats needed correcting (missed, extra or early beats).")
    }
}

/// One line for `attune history` and the recent list.
pub fn brief(h: &Heart) -> String {
    format!(
        "{} · heart {} a minute · RMSSD {} ms · SDNN {} ms · {}",
        context_name(h),
        num(h.mean_hr),
        num(h.rmssd_ms),
        num(h.sdnn_ms),
        length(h.seconds)
    )
}

/// A reading on one line with when it was taken, as `heart show` lists it.
pub fn dated(at: &crate::store::model::Stamp, h: &Heart) -> String {
    format!("{}  {}", at.format("%Y-%m-%d %H:%M"), brief(h))
}

pub const NONE_YET: &str = "No heart readings yet. `attune heart rest` reads one live, and \
     `attune heart import FILE --rest` brings one in. Your heart during practice shows in \
     `attune trends`.";
pub const RECENT: &str = "Recent readings, newest last:";
pub const NO_REST: &str = "No resting readings yet: a few minutes sitting quietly, imported with --rest, make a \
     baseline to compare with.";
pub const REST_WEEKS: &str = "Resting readings, week by week:";
pub const REST_NOTE: &str = "Only resting readings are compared here: readings during or near \
                             practice are not baselines. A rising RMSSD over weeks, at rest, \
                             usually means more ease.";

pub fn rest_week(w: &RestWeek) -> String {
    let n = if w.readings == 1 {
        "1 reading".to_string()
    } else {
        format!("{} readings", w.readings)
    };
    format!(
        "  week of {}: {n} · RMSSD {} ms · heart rate {} a minute",
        w.week_start.format("%Y-%m-%d"),
        num(w.rmssd_ms_mean),
        num(w.mean_hr_mean)
    )
}

pub const REST_MINUTES: &str = "a resting reading lasts 1 to 5 minutes (--minutes M)";
pub const REST_SOURCE: &str = "a live reading needs --heart PATH or --heart-cmd \"COMMAND\"";
pub const BEATS_SEALED: &str =
    "the kept beats are sealed with a key this device does not hold (attune encrypt unlock)";
pub const BEATS_NOT_TEXT: &str = "the file of kept beats is damaged (it is not text)";
pub const BEATS_BAD_ID: &str = "that is not a session id attune makes";
/// `heart export` for a session whose beats were not kept here.
pub const BEATS_NONE: &str = "no beats were kept on this device for that session. Keep them next time with attune breathe --heart PATH --keep-beats";
pub const KEEP_BEATS_NEEDS_HEART: &str =
    "--keep-beats keeps a heart source's beats: add --heart PATH or --heart-cmd \"COMMAND\"";

/// The beats could not be kept beside the practice (which is saved), and why.
pub fn beats_not_kept(why: &str) -> String {
    format!(
        "The practice is saved, but its heart beats could not be kept ({}).",
        super::safe::line(why)
    )
}

pub const NO_BLE: &str = "this attune was built without Bluetooth. Build it with \
`cargo install attune --features ble` (it needs libdbus-1-dev and pkg-config on Linux), or \
feed it a strap's beats through --heart PATH or --heart-cmd \"COMMAND\"";
pub const REST_TOO_FEW: &str =
    "too few usable beats came to make a reading (at least 10 are needed). Nothing was stored.";

pub fn rest_intro(minutes: f64) -> String {
    format!(
        "Sit comfortably and breathe as you usually do. Reading for {} min; Ctrl-C stops.",
        num(minutes)
    )
}

pub fn source_failed(why: &str) -> String {
    format!("the heart source cannot be read: {}", super::safe::line(why))
}

pub fn source_ended(seconds: f64) -> String {
    format!(
        "The heart data stopped at {}; the reading keeps what came before.",
        clock(seconds)
    )
}

/// Elapsed time as `[mm:ss]`.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    format!("[{:02}:{:02}]", s / 60, s % 60)
}

/// One line as a live reading goes.
pub fn heard(h: &crate::service::heart::Heard) -> String {
    use crate::service::heart::{Heard, QUIET_AFTER};
    match h {
        Heard::Mark { seconds, bpm } => {
            format!("{} heart {} a minute", clock(*seconds), num(*bpm))
        }
        Heard::Bad(e) => format!(
            "{}; this and any other line like it is skipped.",
            line_error("the heart source", e)
                .trim_end_matches(" Nothing was stored.")
                .trim_end_matches('.')
        ),
        Heard::Quiet => format!(
            "No beats for {} s: the strap may need a little moisture or a snugger fit.",
            QUIET_AFTER.as_secs()
        ),
    }
}

// Bluetooth straps (the `ble` feature): `attune heart scan`, and a strap as a heart source.

pub const NO_ADAPTER: &str = "no Bluetooth adapter was found. Is Bluetooth switched on?";

/// Bluetooth could not be reached at all (on Linux, BlueZ over D-Bus); `why` is the system's.
pub fn no_bluetooth(why: &str) -> String {
    format!("Bluetooth cannot be reached ({}). Is it switched on?", super::safe::line(why))
}

pub const SCAN_SECONDS: &str = "a scan lasts 1 to 60 seconds (--seconds N)";

pub fn scanning(seconds: u64) -> String {
    format!("Looking for heart-rate straps nearby for {seconds} s. Wear yours so it wakes up.")
}

/// One strap heard, as `heart scan` lists it.
pub fn strap(name: Option<&str>, address: &str) -> String {
    let name = name.map_or("(no name)".into(), super::safe::line);
    format!("  {name}  {}", super::safe::line(address))
}

pub const SCAN_NONE: &str = "No straps were heard. A strap wakes when it touches damp skin; \
                             check that no phone app holds it, then try again.";

/// How to use a strap heard, by its name (quoted when it holds a space), or NAME if it has none.
pub fn scan_use(name: Option<&str>) -> String {
    let name = super::safe::line(name.unwrap_or("NAME"));
    let spec = if name.contains(' ') {
        format!("\"ble:{name}\"")
    } else {
        format!("ble:{name}")
    };
    format!("To practise with one: attune breathe --heart {spec} (part of the name is enough).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_line_cannot_act_on_the_terminal() {
        let e = LineError {
            line: 4,
            why: Why::NotANumber("\u{1b}]0;x\u{7}".into()),
        };
        let said = line_error("rr.txt", &e);
        assert!(!said.contains('\u{1b}'));
        assert!(said.starts_with("rr.txt line 4: "));
    }

    #[test]
    fn lengths_read_as_minutes_and_seconds() {
        assert_eq!(length(302.4), "5 min 2 s");
        assert_eq!(length(120.0), "2 min");
        assert_eq!(length(42.0), "42 s");
    }

    #[test]
    fn a_strap_name_with_a_space_is_quoted_for_the_shell() {
        let said = scan_use(Some("Polar H10 1A2B3C4D"));
        assert!(said.contains("--heart \"ble:Polar H10 1A2B3C4D\""), "{said}");
        assert!(scan_use(Some("TICKR")).contains("--heart ble:TICKR "));
        assert!(scan_use(None).contains("--heart ble:NAME "));
    }
}
