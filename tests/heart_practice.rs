//! Breathing with a heart source: a line each breath in `--plain`, the summary the session
//! keeps, a source that closes or goes quiet, and finding your pace. In-process with fake
//! time (exact), then the real binary fed through a FIFO and a command in real time.

use crate::common::{Env, FakeIo, line, resonant_steps, run_plain_with};
use attune::cli::breathe::run_plain;
use attune::content::builtin_patterns;
use attune::service::heart_source::Event;
use attune::service::practice::{Plan, plan};
use std::f64::consts::TAU;
use std::time::Duration;

fn four_six(minutes: f64) -> Plan {
    plan(&builtin_patterns(), "exhale-4-6", minutes, false, 5).expect("a plan")
}

/// Beats from `from` to `to` s of a heart at about 63 a minute whose intervals swing ±50
/// ms with `period`-second breaths.
fn beats(from: f64, to: f64, period: f64) -> Vec<(f64, Event)> {
    let (mut t, mut out) = (from, Vec::new());
    while t < to {
        let rr = 950.0 + 50.0 * (TAU * t / period).sin();
        t += rr / 1000.0;
        out.push((t, Event::Line(format!("{rr:.0}\n"))));
    }
    out
}

fn run_with_heart(
    plan: &Plan,
    heart: Vec<(f64, Event)>,
    script: Vec<(f64, attune::cli::breathe_plain::Input)>,
) -> crate::common::PlainRun {
    run_plain_with(FakeIo::new(script).with_heart(heart), |store, io, out, say| {
        run_plain(store, &Default::default(), plan, false, io, out, say).expect("runs");
    })
}

#[test]
fn each_breath_says_the_heart_rate_and_swing_and_the_session_keeps_a_summary() {
    let r = run_with_heart(&four_six(1.0), beats(0.0, 61.0, 10.0), vec![]);
    let lines: Vec<&str> = r.out.lines().collect();
    assert_eq!(lines[2], "[00:10.0] heart 63 bpm", "{}", r.out);
    let at_30 = lines
        .iter()
        .find(|l| l.starts_with("[00:30.0] heart"))
        .expect("a line at 30 s");
    assert!(at_30.contains("swing 7 bpm"), "{at_30}");
    assert!(
        at_30.ends_with("your heart rate is rising and falling with your breath"),
        "{at_30}"
    );
    // The phase lines are exactly as without a heart.
    assert_eq!(lines.iter().filter(|l| l.contains("Breathe")).count(), 12);
    assert!(
        r.out
            .contains("[01:00.0] Done: 6 breaths. Well done.\nYour heart over the practice: 63")
    );
    let h = r.sessions[0].heart.as_ref().expect("a heart summary");
    assert_eq!((h.context.as_str(), h.ended_seconds), ("practice", None));
    assert_eq!(h.breath_seconds, Some(10.0));
    assert!((h.swing_bpm.expect("as made") - 6.7).abs() < 0.5, "{h:?}");
    assert!(h.beats > 55, "{h:?}");
}

#[test]
fn a_source_that_closes_lets_the_practice_finish_and_the_record_says_from_when() {
    let mut heart = beats(0.0, 24.0, 10.0);
    let last = heart.last().map(|(t, _)| *t).expect("as made");
    assert!(last < 25.4);
    heart.push((25.5, Event::Closed));
    let r = run_with_heart(&four_six(1.0), heart, vec![]);
    assert!(
        r.out
            .contains("[00:30.0] the heart source closed at 00:25.5; the practice goes on"),
        "{}",
        r.out
    );
    assert_eq!(r.out.matches("closed").count(), 1);
    assert!(!r.out.contains("[00:40.0] heart"), "no heart line after it closed");
    let s = &r.sessions[0];
    assert!(s.completed);
    let h = s.heart.as_ref().expect("what came is kept");
    assert!((h.ended_seconds.expect("as made") - last).abs() < 0.01, "{h:?} {last}");
    assert!(
        r.out
            .contains(&format!("Heart data stopped at 00:{last:04.1}")),
        "{}",
        r.out
    );
}

#[test]
fn a_strap_gone_quiet_is_said_once_a_spell_and_the_practice_goes_on() {
    let mut heart = beats(0.0, 15.0, 10.0);
    heart.push((17.0, Event::Line("oops\n".into())));
    heart.extend(beats(35.0, 61.0, 10.0));
    let r = run_with_heart(&four_six(1.0), heart, vec![]);
    assert!(r.out.contains("[00:20.0] heart line 17 could not be read"), "{}", r.out);
    assert!(r.out.contains("[00:30.0] no heart beats for 10 s"), "{}", r.out);
    assert_eq!(r.out.matches("no heart beats").count(), 1, "{}", r.out);
    assert!(r.out.contains("[00:50.0] heart"), "beats came back: {}", r.out);
    let h = r.sessions[0].heart.as_ref().expect("a summary");
    assert_eq!(h.ended_seconds, None, "beats came to the end");
}

#[test]
fn too_few_beats_keep_no_heart_and_say_so() {
    let r = run_with_heart(&four_six(0.5), beats(0.0, 5.0, 10.0), vec![]);
    assert!(r.out.contains("Too few heart beats came to keep a reading"), "{}", r.out);
    assert_eq!(r.sessions[0].heart, None);
    assert!(r.sessions[0].completed);
}

#[test]
fn finding_your_pace_on_a_heart_resonating_at_5_5_picks_5_5_and_keeps_it_when_asked() {
    let config = tempfile::tempdir().expect("as made");
    let plan = four_six(5.0)
        .finding_pace(2.0, Some(config.path().to_path_buf()))
        .expect("as made");
    assert!(plan.planned >= Duration::from_secs(600), "{:?}", plan.planned);
    let r = run_with_heart(&plan, resonant_steps(120.0, 0.0), vec![(900.0, line("y"))]);
    for (k, rate) in ["6", "5.5", "5", "4.5"].iter().enumerate() {
        let said = format!("Next, {rate} breaths a minute ({} of 5)", k + 2);
        assert!(r.out.contains(&said), "{said}: {}", r.out);
    }
    assert!(r.out.contains("Your pace: 5.5 breaths a minute."), "{}", r.out);
    assert!(
        r.out.contains("Next closest: 5 a minute") || r.out.contains("Next closest: 6 a minute"),
        "{}",
        r.out
    );
    let s = &r.sessions[0];
    let rates: Vec<f64> = s.pace_steps.iter().map(|p| p.rate).collect();
    assert_eq!((rates.len(), rates[0]), (5, 5.5), "{:?}", s.pace_steps);
    assert!(
        s.pace_steps[0].in_step && s.pace_steps[0].lf_power_ms2.is_some(),
        "{:?}",
        s.pace_steps
    );
    assert!(r.out.contains("Kept in"), "{}", r.out);
    let mine = attune::content::all_patterns(Some(config.path()))
        .expect("as made")
        .into_iter()
        .find(|p| p.id == "my-pace")
        .expect("my-pace is a pattern now");
    assert!((mine.breaths_per_minute() - 5.5).abs() < 0.01);
    assert!((mine.exhale / mine.inhale - 1.5).abs() < 0.01, "the shape of 4-6 is kept");
}

#[test]
fn finding_your_pace_without_beats_names_none_and_keeps_nothing_in_the_config() {
    let config = tempfile::tempdir().expect("as made");
    let plan = four_six(5.0)
        .finding_pace(0.25, Some(config.path().to_path_buf()))
        .expect("as made");
    let r = run_with_heart(&plan, vec![], vec![(200.0, line("y"))]);
    assert!(r.out.contains("Too few heart beats came during the steps"), "{}", r.out);
    assert!(r.sessions[0].pace_steps.is_empty());
    assert!(!config.path().join("patterns.json").exists());
}

#[test]
fn bad_heart_requests_exit_2_and_store_nothing() {
    let env = Env::new();
    let cases: [(&[&str], &str); 5] = [
        (&["breathe", "--plain", "--find-my-pace"], "--heart PATH"),
        (&["breathe", "--plain", "--heart", "/no/such/file"], "no such file"),
        (
            &[
                "breathe",
                "--plain",
                "--heart",
                "/dev/null",
                "--find-my-pace",
                "--step-minutes",
                "9",
            ],
            "0.25 to 5",
        ),
        (&["breathe", "--plain", "--heart", "ble"], "--features ble"),
        (&["breathe", "--plain", "--step-minutes", "1"], "--find-my-pace"),
    ];
    for (args, says) in cases {
        let out = env.cmd().args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(env.snapshot().is_empty(), "nothing stored");
}

/// A FIFO in the sandbox, and a writer that sends `events` at their times (s from when
/// attune opens its end), then closes it.
#[cfg(unix)]
fn fifo_writer(
    env: &Env,
    events: Vec<(f64, Event)>,
) -> (std::path::PathBuf, std::thread::JoinHandle<()>) {
    let fifo = env.tmp.path().join("strap");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // Opening waits for attune to open its end; closing it pulls the plug.
        let mut w = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("opens");
        let began = std::time::Instant::now();
        for (at, event) in events {
            let Event::Line(text) = event else { continue };
            let due = Duration::from_secs_f64(at);
            std::thread::sleep(due.saturating_sub(began.elapsed()));
            if w.write_all(text.as_bytes())
                .and_then(|()| w.flush())
                .is_err()
            {
                return;
            }
        }
    });
    (fifo, writer)
}

/// Run `script` (attune as `$ATTUNE_BIN`, the FIFO as `$1`) fed `events` through a FIFO in
/// real time, and wait for the writer to end.
#[cfg(unix)]
fn run_fed(env: &Env, script: &str, events: Vec<(f64, Event)>) -> std::process::Output {
    let (fifo, writer) = fifo_writer(env, events);
    let out = env.sh(script).arg("sh").arg(&fifo).output().expect("runs");
    writer.join().expect("the writer ends");
    out
}

fn sessions(env: &Env) -> Vec<serde_json::Value> {
    env.history_json(&["--kind", "session"])
}

#[cfg(unix)]
#[test]
fn fed_live_from_a_fifo_a_plain_run_says_the_heart_and_finishes_when_the_plug_is_pulled() {
    let env = Env::new();
    let script = r#"exec "$ATTUNE_BIN" breathe --plain --no-checkin --minutes 0.5 --heart "$1""#;
    let out = run_fed(&env, script, beats(0.0, 16.0, 10.0));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said} {}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains("[00:10.0] heart 6"), "{said}");
    assert!(said.contains("the heart source closed at 00:1"), "{said}");
    assert!(said.contains("[00:30.0] Done: 3 breaths."), "{said}");
    let s = &sessions(&env)[0];
    assert_eq!(s["completed"], true);
    assert_eq!(s["heart"]["context"], "practice");
    let ended = s["heart"]["ended_seconds"]
        .as_f64()
        .expect("says when the heart stopped");
    assert!((14.0..22.0).contains(&ended), "{ended}");
}

#[test]
fn fed_by_a_command_the_run_reads_its_lines_and_goes_on_after_it_exits() {
    let env = Env::new();
    let cmd = "i=0; while [ $i -lt 14 ]; do echo 1000; sleep 1; i=$((i+1)); done";
    let out = env
        .cmd()
        .args([
            "breathe",
            "--plain",
            "--no-checkin",
            "--minutes",
            "0.25",
            "--heart-cmd",
            cmd,
        ])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("[00:10.0] heart 60 bpm"), "{said}");
    assert!(said.contains("the heart source closed at 00:1"), "{said}");
    let s = &sessions(&env)[0];
    assert_eq!(s["heart"]["mean_hr"], 60.0);
    assert!(s["heart"]["ended_seconds"].as_f64().is_some());
}

#[cfg(unix)]
#[test]
fn find_my_pace_end_to_end_with_quarter_minute_steps_picks_5_5_and_keeps_it() {
    let env = Env::new();
    let script = r#"printf 'y\n' | "$ATTUNE_BIN" breathe --plain --no-checkin --find-my-pace --step-minutes 0.25 --heart "$1""#;
    let out = run_fed(&env, script, resonant_steps(15.0, 0.0));
    let said = String::from_utf8_lossy(&out.stdout);
    let asked = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said} {asked}");
    assert!(
        asked.contains("Finding your pace: 5 steps of 0.2 min")
            || asked.contains("Finding your pace: 5 steps of 0.3 min"),
        "{asked}"
    );
    assert!(said.contains("Next, 4.5 breaths a minute (5 of 5)"), "{said}");
    assert!(said.contains("Your pace: 5.5 breaths a minute."), "{said}");
    assert!(
        asked.contains("Keep 5.5 a minute as your own pattern, my-pace? y/N: y"),
        "{asked}"
    );
    let s = &sessions(&env)[0];
    assert_eq!(s["pace_steps"][0]["rate"], 5.5, "{s}");
    let patterns = env.run_ok(&["patterns", "--json"]);
    assert!(patterns.contains("\"my-pace\""), "{patterns}");
}

#[test]
fn kept_beats_lie_beside_the_session_until_it_is_deleted() {
    let mut plan = four_six(1.0);
    plan.keep_beats = true;
    let io = FakeIo::new(vec![]).with_heart(beats(0.0, 61.0, 10.0));
    run_plain_with(io, |store, io, out, say| {
        run_plain(store, &Default::default(), &plan, false, io, out, say).expect("runs");
        let record = store
            .load_all()
            .expect("loads")
            .merged
            .into_live()
            .remove(0);
        let state = &store.layout().state_dir;
        let id = record.id.to_string();
        let csv = attune::store::beats::read(state, &id)
            .expect("reads")
            .expect("kept");
        assert!(csv.starts_with("beat,arrived_s,rr_ms\n1,"), "{csv}");
        assert!(csv.lines().count() > 55, "about a beat a second: {csv}");
        let now = record.updated_at;
        attune::service::correct::delete(store, &record, now).expect("deletes");
        assert_eq!(attune::store::beats::read(state, &id).expect("reads"), None);
    });
}

#[test]
fn keeping_beats_needs_a_heart_and_export_needs_kept_beats() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["breathe", "--plain", "--keep-beats"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--heart PATH"));
    assert!(env.snapshot().is_empty(), "nothing stored");
    env.run_ok(&["checkin", "--distress", "3"]);
    let out = env
        .cmd()
        .args(["heart", "export", "0190a1b2"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "no such session");
}
