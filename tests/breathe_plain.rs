//! `attune breathe --plain`: the line-by-line run, in-process with instant fake time (exact
//! lines, stops, follow my breath), and the real binary for Ctrl-C and bad input.

use crate::common;

use crate::common::{PlainRun, line, run_plain_in_store};
use attune::cli::breathe::run_plain;
use attune::cli::breathe_plain::{Input, PlainIo};
use attune::content::builtin_patterns;
use attune::service::practice::{Plan, plan};
use attune::sound::{Cue, CueKind, Style};

fn run(id: &str, minutes: f64, follow: bool, checkin: bool, script: Vec<(f64, Input)>) -> PlainRun {
    let plan: Plan = plan(&builtin_patterns(), id, minutes, follow, 5).expect("a plan");
    run_plain_in_store(script, |store, io, out, say| {
        run_plain(store, &Default::default(), &plan, checkin, io, out, say).expect("runs");
    })
}

#[test]
fn one_minute_of_4_6_prints_every_phase_on_its_exact_second() {
    let r = run("exhale-4-6", 1.0, false, true, vec![(0.0, line("6")), (0.0, line("4"))]);
    let mut want = String::new();
    for b in 0..6 {
        want += &format!("[00:{:02}.0] Breathe in 4.0s\n", b * 10);
        want += &format!("[00:{:02}.0] Breathe out 6.0s\n", b * 10 + 4);
    }
    want += "[01:00.0] Done: 6 breaths. Well done.\n";
    assert_eq!(r.out, want);
    let s = &r.sessions[0];
    assert_eq!((s.practice.as_str(), s.practice_id.as_str()), ("breathe", "exhale-4-6"));
    assert_eq!((s.planned_seconds, s.actual_seconds), (Some(60.0), 60.0));
    assert!(s.completed);
    assert_eq!(s.breaths, Some(6));
    assert_eq!((s.distress_before, s.distress_after), (Some(6), Some(4)));
    assert!(r.say.contains("Slow, not big"), "{}", r.say);
}

#[test]
fn the_sigh_and_the_even_pattern_name_their_phases_exactly() {
    let sigh = run("sigh", 0.3, false, false, vec![]);
    assert!(sigh.out.starts_with(
        "[00:00.0] Breathe in 2.0s\n[00:02.0] A little more in 1.0s\n[00:03.0] Breathe out 6.0s\n[00:09.0] Breathe in 2.0s\n"
    ), "{}", sigh.out);
    let even = run("coherent-5.5", 0.4, false, false, vec![]);
    assert!(
        even.out.starts_with(
            "[00:00.0] Breathe in 5.45s\n[00:05.4] Breathe out 5.45s\n[00:10.9] Breathe in"
        ),
        "{}",
        even.out
    );
    let boxed = run("box-4", 0.3, false, false, vec![]);
    assert!(
        boxed
            .out
            .contains("[00:04.0] Hold 4.0s\n[00:08.0] Breathe out 4.0s\n[00:12.0] Hold 4.0s\n"),
        "{}",
        boxed.out
    );
}

#[test]
fn a_stop_records_the_session_as_stopped_early_and_skips_the_after_question() {
    let r = run("exhale-4-6", 1.0, false, true, vec![(0.0, line("7")), (13.5, Input::Stop)]);
    assert!(
        r.out
            .ends_with("[00:13.5] Stopped after 1 breath. Saved as stopped early.\n"),
        "{}",
        r.out
    );
    let s = &r.sessions[0];
    assert!(!s.completed);
    assert_eq!((s.actual_seconds, s.breaths), (13.5, Some(1)));
    assert_eq!((s.distress_before, s.distress_after), (Some(7), None));
    assert!(!r.say.contains("And now?"));
}

#[test]
fn a_stop_before_starting_records_nothing() {
    let r = run("exhale-4-6", 1.0, false, true, vec![(2.0, Input::Stop)]);
    assert!(r.sessions.is_empty());
    assert!(r.say.contains("nothing was recorded"), "{}", r.say);
}

#[test]
fn no_checkin_asks_nothing_and_lines_typed_meanwhile_wait_for_the_question() {
    let r = run("exhale-4-6", 0.5, false, false, vec![]);
    assert!(!r.say.contains("0-10"));
    assert_eq!(r.sessions[0].distress_before, None);
    // Typed during the practice, the answer is kept for the question after it.
    let typed = run("exhale-4-6", 0.5, false, true, vec![(0.0, line("")), (12.0, line("2"))]);
    assert_eq!(typed.sessions[0].distress_after, Some(2));
}

#[test]
fn follow_starts_at_the_measured_pace_and_leads_gently() {
    // Taps every 7 s: 8.6 breaths a minute. Target exhale-4-8 (5 a minute).
    let taps: Vec<(f64, Input)> = (0..6).map(|i| (f64::from(i) * 7.0, line(""))).collect();
    let r = run("exhale-4-8", 3.0, true, false, taps);
    assert!(
        r.say
            .contains("You breathe about 8.6 a minute; we'll start there."),
        "{}",
        r.say
    );
    let s = &r.sessions[0];
    assert!((s.start_rate.expect("start rate") - 60.0 / 7.0).abs() < 1e-9);
    let reached = s.reached_rate.expect("reached rate");
    assert!((5.0..8.0).contains(&reached), "{reached}");
    // Each breath's length (in + out) changes by at most half a second.
    let lens: Vec<f64> = r
        .out
        .lines()
        .filter_map(|l| l.split_once("] ").map(|(_, rest)| rest))
        .filter_map(|rest| {
            rest.strip_suffix('s')
                .and_then(|x| x.rsplit(' ').next())
                .and_then(|x| x.parse::<f64>().ok())
        })
        .collect::<Vec<_>>()
        .chunks(2)
        .filter(|c| c.len() == 2)
        .map(|c| c[0] + c[1])
        .collect();
    assert!(lens.len() > 10);
    assert!((lens[0] - 7.0).abs() < 1e-9, "{lens:?}");
    for w in lens.windows(2) {
        assert!((w[1] - w[0]).abs() <= 0.5 + 1e-9, "{lens:?}");
        assert!(w[1] >= w[0] - 1e-9, "it only lengthens: {lens:?}");
    }
}

#[test]
fn follow_counts_the_first_tap_and_an_empty_line_after_three_breaths_ends_listening() {
    // Taps every 4 s (15 a minute), then Enter again at once: listening ends there.
    let mut script: Vec<(f64, Input)> = (0..4).map(|i| (f64::from(i) * 4.0, line(""))).collect();
    script.push((12.5, line("")));
    let r = run("exhale-4-6", 1.0, true, false, script);
    let heard: Vec<&str> = r.say.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(
        heard,
        [
            "  1 tap · breathe out again and press Enter",
            "  1 breath",
            "  2 breaths",
            "  3 breaths · Enter twice begins now",
        ],
        "{}",
        r.say
    );
    // Said as heard, and where it starts: never quicker than 10 a minute.
    assert!(
        r.say
            .contains("You breathe about 15 a minute; we'll start at 10."),
        "{}",
        r.say
    );
    let s = &r.sessions[0];
    assert!((s.start_rate.expect("start rate") - 10.0).abs() < 1e-9);
    // Pacing began at the quick second Enter, 12.5 s in, not after a minute.
    assert!(r.out.starts_with("[00:00.0] Breathe in"), "{}", r.out);
}

#[test]
fn a_quick_second_enter_before_three_breaths_is_only_a_double_tap() {
    let script = vec![
        (0.0, line("")),
        (0.5, line("")),
        (4.0, line("")),
        (8.0, line("")),
        (12.0, line("")),
        (16.0, line("")),
    ];
    let r = run("exhale-4-6", 1.0, true, false, script);
    assert!(r.say.contains("  1 breath\n"), "{}", r.say);
    assert!(r.say.contains("  4 breaths"), "went on listening: {}", r.say);
}

/// The fake time and input, noting each cue with the moment it was asked for.
struct Heard<'a> {
    io: &'a mut common::FakeIo,
    cues: Vec<(std::time::Duration, Cue)>,
}

impl PlainIo for Heard<'_> {
    fn now(&self) -> std::time::Duration {
        self.io.now()
    }
    fn wall(&self) -> attune::store::model::Stamp {
        self.io.wall()
    }
    fn wait(&mut self, deadline: Option<std::time::Duration>) -> Option<Input> {
        self.io.wait(deadline)
    }
    fn wait_for_stop(&mut self, deadline: std::time::Duration) -> bool {
        self.io.wait_for_stop(deadline)
    }
    fn cue(&mut self, cue: Cue) {
        self.cues.push((self.io.now(), cue));
    }
}

fn run_with_sound(
    style: Style,
    minutes: f64,
    script: Vec<(f64, Input)>,
) -> (PlainRun, Vec<(std::time::Duration, Cue)>) {
    let plan: Plan = plan(&builtin_patterns(), "exhale-4-6", minutes, false, 5).expect("a plan");
    let mut config = attune::config::Config::default();
    config.breathing.sound = style;
    let mut cues = Vec::new();
    let r = run_plain_in_store(script, |store, io, out, say| {
        let mut heard = Heard {
            io,
            cues: Vec::new(),
        };
        run_plain(store, &config, &plan, false, &mut heard, out, say).expect("runs");
        cues = heard.cues;
    });
    (r, cues)
}

#[test]
fn each_phase_line_comes_with_one_cue_at_its_stamp_and_the_end_with_a_chime() {
    let (r, cues) = run_with_sound(Style::Tones, 1.0, vec![]);
    let lines: Vec<&str> = r.out.lines().filter(|l| l.contains("Breathe")).collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(cues.len(), 13, "{cues:?}");
    for ((at, cue), line) in cues.iter().zip(&lines) {
        let stamp = attune::cli::breathe_plain::stamp(*at);
        assert!(line.starts_with(&format!("[{stamp}]")), "{line} at {stamp}");
        let kind = if line.contains("in") && !line.contains("out") {
            CueKind::In
        } else {
            CueKind::Out
        };
        assert_eq!(cue.kind, kind, "{line}");
        assert_eq!(cue.style, Style::Tones);
    }
    assert_eq!(cues[0].1.length, std::time::Duration::from_secs(4));
    assert_eq!(cues[1].1.length, std::time::Duration::from_secs(6));
    assert_eq!(cues[12].1.kind, CueKind::End);
    assert_eq!(cues[12].0, std::time::Duration::from_secs(60));
    // The record keeps which sound was used.
    assert_eq!(r.sessions[0].extra.get("sound"), Some(&"tones".into()));
}

#[test]
fn sound_off_asks_for_no_cue_and_keeps_nothing_about_sound() {
    let (r, cues) = run_with_sound(Style::Off, 0.5, vec![]);
    assert!(cues.is_empty());
    assert_eq!(r.sessions[0].extra.get("sound"), None);
    // Stopped: the cues so far, and no chime.
    let (_, cues) = run_with_sound(Style::Pulses, 1.0, vec![(12.0, Input::Stop)]);
    let kinds: Vec<CueKind> = cues.iter().map(|(_, c)| c.kind).collect();
    assert_eq!(kinds, [CueKind::In, CueKind::Out, CueKind::In]);
}
