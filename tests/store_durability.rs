//! Durability of the store against real processes: kill -9 mid-write, several writers at
//! once (processes and threads), and a write that fails for lack of room.

use crate::store_support::*;
use attune::store::month_file;
use attune::store::{Store, month_files};
use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Barrier};
use std::time::Duration;
use uuid::Uuid;

/// Every month file under the data folder parses with attune's own reader, holds each id
/// once, and the merged view reports no problem.
fn assert_store_healthy(sb: &Sandbox) {
    let store = sb.store();
    let records_dir = store.layout().records_dir();
    for (_, dir) in attune::store::layout::device_dirs(&records_dir).expect("device dirs") {
        for path in month_files(&dir).expect("month files") {
            let file = month_file::read(&path)
                .expect("readable")
                .unwrap_or_else(|p| panic!("{} {p}", path.display()));
            let ids: BTreeSet<Uuid> = file.records.iter().map(|r| r.id).collect();
            assert_eq!(ids.len(), file.records.len(), "{} holds an id twice", path.display());
        }
    }
    let snap = store.load_all().expect("load_all");
    assert!(snap.problems.is_empty(), "problems: {:?}", snap.problems);
}

/// Folders 0700 and files 0600, everywhere attune wrote.
fn assert_private(sb: &Sandbox) {
    for root in [&sb.data, &sb.state] {
        assert_eq!(mode(root), 0o700, "{}", root.display());
        for p in walk(root) {
            let want = if p.is_dir() { 0o700 } else { 0o600 };
            assert_eq!(mode(&p), want, "{} has mode {:o}", p.display(), mode(&p));
        }
    }
}

fn parse_id(stdout: &[u8]) -> Option<Uuid> {
    let text = std::str::from_utf8(stdout).ok()?;
    let line = text.lines().next()?;
    (text == format!("{line}\n"))
        .then(|| line.parse().ok())
        .flatten()
}

#[test]
fn kill_9_mid_checkin_never_loses_an_acknowledged_record_or_breaks_a_file() {
    const ROUNDS: u32 = 60;
    let sb = Sandbox::new();
    let store = sb.store();
    let device = store.device().to_string();
    // A few hundred records already in this month make every write take long enough for
    // the kills to land inside it (temp file written, fsync, rename).
    let now = now_utc();
    let seeded: Vec<_> = (0..300)
        .map(|i| checkin((i % 11) as u8, &format!("seed {i}"), now))
        .collect();
    store.save_all(seeded.clone()).expect("seed");

    let mut acked: BTreeMap<Uuid, (u8, String)> = BTreeMap::new();
    // How long one check-in takes here (debug build, 300 records): the kills below are
    // spread over that span so they land before, inside and after the write. This only
    // chooses delays; nothing asserts on time.
    let mut span = Duration::ZERO;
    for i in 0..3u8 {
        let started = std::time::Instant::now();
        let note = format!("calibration {i}");
        let out = sb
            .attune()
            .args(["checkin", "--distress", &i.to_string(), "--note", &note])
            .output()
            .expect("run attune");
        span = span.max(started.elapsed());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        acked.insert(parse_id(&out.stdout).expect("id"), (i, note));
    }
    let span_us = (span.as_micros() as u64).clamp(2_000, 50_000);
    let mut rng = Rng(0x00a7_70ae_5eed_0001);
    let (mut killed, mut finished, mut acked_then_killed) = (0, 0, 0);
    let mut temps_seen = 0;
    for k in 0..ROUNDS {
        let distress = (k % 11) as u8;
        let note = format!("round {k}");
        let child: Child = sb
            .attune()
            .args([
                "checkin",
                "--distress",
                &distress.to_string(),
                "--note",
                &note,
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn attune");
        let mut child = child;
        if k % 5 != 4 {
            // Half anywhere in a check-in's life (0 to 1.3 spans), half late in it, where
            // the temp file is written, synced and renamed.
            let delay = if k % 2 == 0 {
                rng.below(span_us * 13 / 10)
            } else {
                span_us * 6 / 10 + rng.below(span_us / 2)
            };
            std::thread::sleep(Duration::from_micros(delay));
            // On a process that already exited (not yet reaped) this does nothing.
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait");
        match out.status.signal() {
            Some(9) => {
                killed += 1;
                // An id is printed only once the record is durable, so a killed run that
                // got as far as printing one was acknowledged too.
                if let Some(id) = parse_id(&out.stdout) {
                    acked_then_killed += 1;
                    acked.insert(id, (distress, note));
                }
            }
            Some(sig) => panic!("round {k}: died of signal {sig}"),
            None => {
                assert!(
                    out.status.success(),
                    "round {k}: {:?}\n{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                );
                finished += 1;
                let id = parse_id(&out.stdout).unwrap_or_else(|| {
                    panic!("round {k}: no id printed: {:?}", String::from_utf8_lossy(&out.stdout))
                });
                acked.insert(id, (distress, note));
            }
        }
        temps_seen += temps_in(&store.layout().device_dir(&device)).len();
        // After every round, killed or not, the store must be whole.
        assert_store_healthy(&sb);
    }
    eprintln!(
        "kill loop over {span_us} µs: {killed} killed ({acked_then_killed} after printing), {finished} finished, \
         {temps_seen} temp-file sightings"
    );

    assert_private(&sb);
    let snap = store.load_all().expect("load_all");
    for r in &seeded {
        let got = snap.merged.get(&r.id).expect("seeded record kept");
        assert_eq!(serde_json::to_value(got).unwrap(), serde_json::to_value(r).unwrap());
    }
    for (id, (distress, note)) in &acked {
        let r = snap
            .merged
            .get(id)
            .unwrap_or_else(|| panic!("acknowledged check-in {id} ({note}) was lost"));
        assert!(r.is_live());
        assert_eq!(distress_of(r), Some(*distress), "{note}");
        assert_eq!(note_of(r), Some(note.as_str()));
    }
    let live = snap.merged.live().len();
    assert!(
        live >= seeded.len() + acked.len() && live <= seeded.len() + 3 + ROUNDS as usize,
        "{live} records"
    );
    // Every stored round note is one we sent, once.
    let mut notes = BTreeSet::new();
    for r in snap.merged.live() {
        let n = note_of(r).expect("a note").to_string();
        assert!(notes.insert(n.clone()), "note {n} stored twice");
    }

    // One more normal check-in clears any temp file a kill left behind.
    let out = sb
        .attune()
        .args(["checkin", "--distress", "1", "--note", "after the storm"])
        .output()
        .expect("run attune");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let last = parse_id(&out.stdout).expect("id");
    assert_eq!(
        temps_in(&store.layout().device_dir(&device)),
        Vec::<std::path::PathBuf>::new(),
        "temp files survived a successful write"
    );
    assert_store_healthy(&sb);
    assert_private(&sb);
    let snap = store.load_all().expect("load_all");
    assert_eq!(note_of(snap.merged.get(&last).unwrap()), Some("after the storm"));
}

#[test]
fn four_processes_writing_at_once_lose_nothing() {
    const WRITERS: usize = 4;
    const EACH: usize = 15;
    // A fresh state folder: the writers also race to create the device id.
    let sb = Sandbox::new();
    let script = r#"i=1
while [ $i -le $EACH ]; do
  "$ATTUNE_BIN" checkin --distress $((i % 11)) --note "writer $W check-in $i" || exit 1
  i=$((i + 1))
done"#;
    let children: Vec<Child> = (0..WRITERS)
        .map(|w| {
            let mut cmd = sb.sh(script);
            cmd.env("W", w.to_string())
                .env("EACH", EACH.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            cmd.spawn().expect("spawn sh")
        })
        .collect();
    let mut printed = BTreeSet::new();
    for (w, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "writer {w}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), EACH, "writer {w}");
        for line in text.lines() {
            printed.insert(line.parse::<Uuid>().expect("an id"));
        }
    }
    assert_eq!(printed.len(), WRITERS * EACH);

    let store = sb.store();
    let device_dirs = attune::store::layout::device_dirs(&store.layout().records_dir()).unwrap();
    assert_eq!(device_dirs.len(), 1, "the writers agreed on one device id: {device_dirs:?}");
    assert_eq!(device_dirs[0].0, store.device());
    assert_store_healthy(&sb);
    assert_private(&sb);
    let snap = store.load_all().unwrap();
    let stored: BTreeSet<Uuid> = snap.merged.live().iter().map(|r| r.id).collect();
    assert_eq!(stored, printed);
    let notes: BTreeSet<String> = live_notes(&snap.merged).into_iter().collect();
    let want: BTreeSet<String> = (0..WRITERS)
        .flat_map(|w| (1..=EACH).map(move |i| format!("writer {w} check-in {i}")))
        .collect();
    assert_eq!(notes, want);
    for r in snap.merged.live() {
        let i: u8 = note_of(r)
            .unwrap()
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(distress_of(r), Some(i % 11));
    }
    assert!(temps_in(&store.layout().device_dir(store.device())).is_empty());
}

#[test]
fn two_stores_in_threads_lose_nothing_and_readers_never_see_half_a_file() {
    const EACH: usize = 30;
    let sb = Arc::new(Sandbox::new());
    let start = Arc::new(Barrier::new(3));
    let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writers: Vec<_> = (0..2)
        .map(|t| {
            let (sb, start, done) = (sb.clone(), start.clone(), done.clone());
            std::thread::spawn(move || {
                start.wait();
                // Each thread opens its own Store, racing for the device id as well.
                let store = Store::open(sb.layout()).expect("open");
                let mut ids = Vec::new();
                let mut i = 0;
                while i < EACH {
                    if i % 6 == 4 {
                        let batch = vec![
                            checkin(2, &format!("thread {t} record {i}"), now_utc()),
                            checkin(2, &format!("thread {t} record {}", i + 1), now_utc()),
                        ];
                        ids.extend(batch.iter().map(|r| r.id));
                        let report = store.save_all(batch).expect("save_all");
                        assert_eq!(report.changed, 2);
                        i += 2;
                    } else {
                        let r = checkin(2, &format!("thread {t} record {i}"), now_utc());
                        ids.push(r.id);
                        store.save(r).expect("save");
                        i += 1;
                    }
                }
                done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                (store.device().to_string(), ids)
            })
        })
        .collect();
    // A reader alongside: every snapshot is whole and never shrinks.
    let reader = {
        let (sb, start, done) = (sb.clone(), start.clone(), done.clone());
        std::thread::spawn(move || {
            start.wait();
            let store = Store::open(sb.layout()).expect("open");
            let mut seen = 0;
            let mut reads = 0;
            while done.load(std::sync::atomic::Ordering::SeqCst) < 2 {
                let snap = store.load_all().expect("load_all");
                assert!(snap.problems.is_empty(), "{:?}", snap.problems);
                let n = snap.merged.len();
                assert!(n >= seen, "records went from {seen} to {n}");
                seen = n;
                reads += 1;
            }
            reads
        })
    };
    let mut all_ids = BTreeSet::new();
    let mut devices = BTreeSet::new();
    for w in writers {
        let (device, ids) = w.join().expect("writer thread");
        devices.insert(device);
        all_ids.extend(ids);
    }
    let reads = reader.join().expect("reader thread");
    eprintln!("reader took {reads} snapshots while the writers ran");
    assert_eq!(devices.len(), 1, "both stores use one device id");
    assert_eq!(all_ids.len(), 2 * EACH);

    let snap = sb.store().load_all().unwrap();
    let stored: BTreeSet<Uuid> = snap.merged.live().iter().map(|r| r.id).collect();
    assert_eq!(stored, all_ids);
    let notes: BTreeSet<String> = live_notes(&snap.merged).into_iter().collect();
    let want: BTreeSet<String> = (0..2)
        .flat_map(|t| (0..EACH).map(move |i| format!("thread {t} record {i}")))
        .collect();
    assert_eq!(notes, want);
    assert_store_healthy(&sb);
}

#[test]
fn a_write_that_fails_for_lack_of_room_leaves_the_old_file_intact() {
    let sb = Sandbox::new();
    let store = sb.store();
    let month = current_month();
    let now = now_utc();
    let seeded: Vec<_> = (0..200)
        .map(|i| checkin(4, &format!("before the disk filled {i}"), now))
        .collect();
    store.save_all(seeded).expect("seed");
    let path = store.layout().month_path(store.device(), &month);
    let before = std::fs::read(&path).expect("month file");
    // dash counts `ulimit -f` in 512-byte blocks (bash in 1024): 16 blocks is at most
    // 16 KiB, well under the file attune must write.
    assert!(before.len() > 32 * 1024, "{} bytes", before.len());

    // SIGXFSZ ignored, so writing past the limit fails with EFBIG, as a full disk fails
    // with ENOSPC: a real error from write(2) halfway through the temp file.
    let out = sb
        .sh(r#"trap '' XFSZ; ulimit -f 16; exec "$ATTUNE_BIN" checkin --distress 3 --note "no room""#)
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the check-in claimed success");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "an id was printed for a failed save");
    assert!(stderr.contains(&path.display().to_string()), "message names the file: {stderr}");
    assert!(stderr.contains("File too large"), "message says why: {stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the old file changed");
    assert!(
        temps_in(&store.layout().device_dir(store.device())).is_empty(),
        "a temp file was left behind"
    );
    let snap = store.load_all().unwrap();
    assert!(snap.problems.is_empty());
    assert_eq!(snap.merged.len(), 200);

    // With room again, the same check-in goes through.
    let out = sb
        .attune()
        .args(["checkin", "--distress", "3", "--note", "room again"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(store.load_all().unwrap().merged.len(), 201);
}

#[test]
fn a_file_size_limit_gives_the_same_clean_message_without_any_trap() {
    let sb = Sandbox::new();
    let store = sb.store();
    let now = now_utc();
    let seeded: Vec<_> = (0..200)
        .map(|i| checkin(4, &format!("before the limit {i}"), now))
        .collect();
    store.save_all(seeded).expect("seed");
    let path = store.layout().month_path(store.device(), &current_month());
    let before = std::fs::read(&path).expect("month file");
    assert!(before.len() > 32 * 1024, "{} bytes", before.len());

    // No trap: attune itself must keep SIGXFSZ from killing it mid-write.
    let out = sb
        .sh(r#"ulimit -f 16; exec "$ATTUNE_BIN" checkin --distress 3 --note "no room""#)
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "not killed by a signal: {out:?}");
    assert!(out.stdout.is_empty(), "an id was printed for a failed save");
    assert!(
        stderr.contains(&path.display().to_string())
            && stderr.contains("nothing was saved; your earlier records are safe"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the old file changed");
    assert_eq!(store.load_all().unwrap().merged.len(), 200);
}
