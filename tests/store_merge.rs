//! Union-merge: the result never depends on the order or grouping in which versions are
//! read, a tombstone always hides a record, the newest live edit wins; and two devices
//! sharing one data folder union correctly.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is its clear failure

use crate::store_support::*;
use attune::store::Store;
use attune::store::merge::{Merged, precedence};
use attune::store::model::{Body, Checkin, Record, Stamp};
use chrono::{Duration, FixedOffset, TimeZone};
use proptest::prelude::*;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use uuid::Uuid;

const IDS: [Uuid; 3] = [
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001),
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002),
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0003),
];

/// The same instant can be written with different offsets (a device in another zone).
const OFFSETS: [i32; 3] = [0, 2 * 3600, -5 * 3600];

fn at(secs: i64, offset: usize) -> Stamp {
    let base = chrono::Utc
        .with_ymd_and_hms(2026, 3, 14, 9, 0, 0)
        .unwrap()
        .fixed_offset();
    (base + Duration::seconds(secs)).with_timezone(&FixedOffset::east_opt(OFFSETS[offset]).unwrap())
}

/// One stored version of one record.
#[derive(Clone, Debug)]
struct V {
    id: usize,
    updated: i64,
    updated_offset: usize,
    created_offset: usize,
    tombstone: bool,
    note: usize,
}

impl V {
    fn record(&self) -> Record {
        let updated_at = at(self.updated, self.updated_offset);
        Record {
            id: IDS[self.id],
            // created_at is the same instant for every version of an id; only the offset
            // it is written with varies.
            created_at: at(-(self.id as i64) * 60, self.created_offset),
            updated_at,
            deleted_at: self.tombstone.then_some(updated_at),
            body: Body::Checkin(Checkin {
                distress: self.note as u8,
                note: Some(format!("note {}", self.note)),
                ..Checkin::default()
            }),
        }
    }
}

fn version() -> impl Strategy<Value = V> {
    (
        0..IDS.len(),
        0..4i64, // few distinct times: many exact ties
        0..OFFSETS.len(),
        0..OFFSETS.len(),
        prop::bool::weighted(0.2),
        0..3usize,
    )
        .prop_map(|(id, updated, updated_offset, created_offset, tombstone, note)| V {
            id,
            updated,
            updated_offset,
            created_offset,
            tombstone,
            note,
        })
}

fn json(r: &Record) -> String {
    serde_json::to_string(r).unwrap()
}

/// A merged view as text: Record's `==` ignores stamp offsets, text does not.
fn view(m: &Merged) -> Vec<String> {
    m.all().into_iter().map(json).collect()
}

fn merge(records: &[Record]) -> Merged {
    let mut m = Merged::new();
    m.extend(records.iter().cloned());
    m
}

/// Merge a partial result into another, as reading more files would.
fn absorb(into: &mut Merged, from: &Merged) {
    into.extend(from.all().into_iter().cloned());
}

struct Case {
    records: Vec<Record>,
    shuffled: Vec<Record>,
    /// Which of four groups each shuffled version goes to.
    groups: Vec<usize>,
    group_order: Vec<usize>,
}

impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |v: &[Record]| v.iter().map(json).collect::<Vec<_>>();
        f.debug_struct("Case")
            .field("records", &show(&self.records))
            .field("shuffled", &show(&self.shuffled))
            .field("groups", &self.groups)
            .field("group_order", &self.group_order)
            .finish()
    }
}

fn case() -> impl Strategy<Value = Case> {
    prop::collection::vec(version(), 1..24).prop_flat_map(|vs| {
        let records: Vec<Record> = vs.iter().map(V::record).collect();
        let n = records.len();
        (
            Just(records.clone()),
            Just(records).prop_shuffle(),
            prop::collection::vec(0..4usize, n),
            Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
        )
            .prop_map(|(records, shuffled, groups, group_order)| Case {
                records,
                shuffled,
                groups,
                group_order,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_independent_of_order_and_grouping(c in case()) {
        let reference = merge(&c.records);
        let want = view(&reference);

        // Another order.
        prop_assert_eq!(&view(&merge(&c.shuffled)), &want);
        // Reversed.
        let mut reversed = c.records.clone();
        reversed.reverse();
        prop_assert_eq!(&view(&merge(&reversed)), &want);

        // Four groups (files, devices) merged on their own, then together in any order.
        let mut parts: [Merged; 4] = Default::default();
        for (r, g) in c.shuffled.iter().zip(&c.groups) {
            parts[*g].offer(r.clone());
        }
        let mut flat = Merged::new();
        for g in &c.group_order {
            absorb(&mut flat, &parts[*g]);
        }
        prop_assert_eq!(&view(&flat), &want);

        // Partial results merged into partial results: (a+b) + (c+d), the other way round.
        let [a, b, cc, d] = [0, 1, 2, 3].map(|i| parts[c.group_order[i]].clone());
        let mut left = a.clone();
        absorb(&mut left, &b);
        let mut right = d.clone();
        absorb(&mut right, &cc);
        absorb(&mut right, &left);
        prop_assert_eq!(&view(&right), &want);

        // A partial result merged with raw versions it has already seen changes nothing.
        let mut again = right.clone();
        for r in &c.records {
            prop_assert!(!again.offer(r.clone()), "an already-merged version changed the view");
        }
        prop_assert_eq!(&view(&again), &want);
    }

    #[test]
    fn tombstones_hide_and_the_newest_edit_wins(c in case()) {
        let m = merge(&c.shuffled);
        let live: BTreeSet<Uuid> = m.live().iter().map(|r| r.id).collect();
        for id in IDS {
            let versions: Vec<&Record> = c.records.iter().filter(|r| r.id == id).collect();
            let Some(winner) = m.get(&id) else {
                prop_assert!(versions.is_empty());
                continue;
            };
            prop_assert!(
                versions.iter().any(|v| json(v) == json(winner)),
                "the winner is one of the versions offered"
            );
            let tombstones: Vec<&&Record> =
                versions.iter().filter(|r| r.deleted_at.is_some()).collect();
            if tombstones.is_empty() {
                let newest = versions.iter().map(|r| r.updated_at).max().unwrap();
                prop_assert_eq!(winner.updated_at, newest, "the newest live edit wins");
                prop_assert!(live.contains(&id));
            } else {
                prop_assert!(winner.deleted_at.is_some(), "a tombstone always hides the record");
                prop_assert!(!live.contains(&id));
                prop_assert!(!m.clone().into_live().iter().any(|r| r.id == id));
                let newest = tombstones.iter().map(|r| r.updated_at).max().unwrap();
                prop_assert_eq!(winner.updated_at, newest);
            }
        }
    }

    #[test]
    fn precedence_is_a_total_order(a in version(), b in version(), c in version()) {
        // Versions of one record only.
        let (a, b, c) = (
            V { id: 0, ..a }.record(),
            V { id: 0, ..b }.record(),
            V { id: 0, ..c }.record(),
        );
        prop_assert_eq!(precedence(&a, &b), precedence(&b, &a).reverse());
        prop_assert_eq!(precedence(&a, &b) == Ordering::Equal, json(&a) == json(&b));
        prop_assert_eq!(precedence(&a, &a), Ordering::Equal);
        if precedence(&a, &b) != Ordering::Less && precedence(&b, &c) != Ordering::Less {
            prop_assert_ne!(precedence(&a, &c), Ordering::Less);
        }
    }
}

#[test]
fn an_exact_tie_is_settled_the_same_way_in_either_order() {
    let one = V {
        id: 0,
        updated: 1,
        updated_offset: 0,
        created_offset: 0,
        tombstone: false,
        note: 1,
    };
    let other_note = V {
        note: 2,
        ..one.clone()
    }
    .record();
    let other_offset = V {
        updated_offset: 1,
        ..one.clone()
    }
    .record();
    let one = one.record();
    for rival in [other_note, other_offset] {
        assert_eq!(one.updated_at, rival.updated_at, "an exact tie in time");
        let ab = merge(&[one.clone(), rival.clone()]);
        let ba = merge(&[rival.clone(), one.clone()]);
        assert_eq!(view(&ab), view(&ba));
    }
}

#[test]
fn a_delete_beats_a_later_edit_made_elsewhere() {
    let edit = V {
        id: 1,
        updated: 3,
        updated_offset: 0,
        created_offset: 0,
        tombstone: false,
        note: 0,
    };
    let delete = V {
        updated: 1,
        tombstone: true,
        ..edit.clone()
    };
    for order in [
        [edit.record(), delete.record()],
        [delete.record(), edit.record()],
    ] {
        let m = merge(&order);
        assert!(m.get(&IDS[1]).unwrap().deleted_at.is_some());
        assert!(m.live().is_empty());
    }
}

/// Two machines share one synced data folder; each has its own state folder.
#[test]
fn two_devices_union_and_the_newer_edit_wins() {
    let sb = Sandbox::new();
    let a = Store::open(sb.other_device_layout("a")).unwrap();
    let b = Store::open(sb.other_device_layout("b")).unwrap();
    assert_ne!(a.device(), b.device());

    let t0 = stamp("2026-02-27T21:30:00.125+01:00");
    let mine = checkin(6, "made on A", t0);
    let doomed = checkin(5, "deleted on A", t0 + Duration::minutes(1));
    let older = checkin(4, "A, edited on B too late", t0 + Duration::minutes(2));
    let march = checkin(3, "made on A in March", t0 + Duration::days(2));
    a.save_all(vec![mine.clone(), doomed.clone(), older.clone(), march.clone()])
        .unwrap();
    let theirs = checkin(2, "made on B", t0 + Duration::minutes(3));
    b.save(theirs.clone()).unwrap();

    // B edits A's record later (in B's zone): its version lands in B's own folder.
    let mut edited = mine.clone();
    edited.updated_at = stamp("2026-03-02T08:00:00.500-05:00");
    if let Body::Checkin(c) = &mut edited.body {
        c.note = Some("made on A, edited on B".into());
        c.distress = 2;
    }
    let a_feb = a.layout().month_path(a.device(), "2026-02");
    let a_bytes = std::fs::read(&a_feb).unwrap();
    b.save(edited.clone()).unwrap();
    assert_eq!(std::fs::read(&a_feb).unwrap(), a_bytes, "B wrote into A's folder");
    // The edit goes to the month of created_at, in B's folder.
    assert!(b.layout().month_path(b.device(), "2026-02").is_file());

    // B edits `older` but with a stamp older than A's latest edit of it.
    let mut a_newer = older.clone();
    a_newer.updated_at = t0 + Duration::hours(5);
    if let Body::Checkin(c) = &mut a_newer.body {
        c.note = Some("A's newer edit".into());
    }
    a.save(a_newer.clone()).unwrap();
    let mut b_stale = older.clone();
    b_stale.updated_at = t0 + Duration::hours(4);
    if let Body::Checkin(c) = &mut b_stale.body {
        c.note = Some("B's stale edit".into());
    }
    b.save(b_stale).unwrap();

    // B edits a record A has deleted, later than the delete: the delete still wins.
    a.save(doomed.tombstone(t0 + Duration::hours(1))).unwrap();
    let mut resurrect = doomed.clone();
    resurrect.updated_at = t0 + Duration::hours(2);
    b.save(resurrect).unwrap();

    for store in [&a, &b] {
        let snap = store.load_all().unwrap();
        assert!(snap.problems.is_empty(), "{:?}", snap.problems);
        let live = live_notes(&snap.merged);
        assert_eq!(
            live,
            [
                "made on A, edited on B",
                "A's newer edit",
                "made on B",
                "made on A in March"
            ],
            "live records, oldest first"
        );
        let got = snap.merged.get(&mine.id).unwrap();
        assert_eq!(json(got), json(&edited));
        assert_eq!(distress_of(got), Some(2));
        assert!(snap.merged.get(&doomed.id).unwrap().deleted_at.is_some());
        // Ranged reads union the devices too.
        let feb = store
            .load_range(t0.date_naive(), t0.date_naive())
            .unwrap()
            .merged;
        assert_eq!(feb.live().len(), 3);
        assert_eq!(json(feb.get(&mine.id).unwrap()), json(&edited));
        // A month at a time reads each month as a read of that month alone does.
        let mut months = Vec::new();
        let every = |_: &str| true;
        store
            .load_each_month(attune::store::Months::NewestFirst(&every), |month, snap| {
                let alone = store.load_months(&[month.to_string()]).unwrap();
                assert_eq!(live_notes(&snap.merged), live_notes(&alone.merged), "{month}");
                assert_eq!(snap.merged.all().len(), alone.merged.all().len(), "{month}");
                months.push(month.to_string());
                true
            })
            .unwrap();
        assert_eq!(months, ["2026-03", "2026-02"], "newest first");
        let mut asked = Vec::new();
        let both = ["2026-02".to_string(), "2026-03".to_string()];
        store
            .load_each_month(attune::store::Months::These(&both), |month, snap| {
                asked.push((month.to_string(), snap.merged.live().len()));
                false
            })
            .unwrap();
        assert_eq!(asked, [("2026-02".to_string(), 3)], "in the order asked, until told to stop");
    }
    // Each device wrote only its own folder.
    let devices: Vec<String> = attune::store::layout::device_dirs(&a.layout().records_dir())
        .unwrap()
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let mut want = vec![a.device().to_string(), b.device().to_string()];
    want.sort();
    assert_eq!(devices, want);
    for store in [&a, &b] {
        for path in attune::store::month_files(&store.layout().device_dir(store.device())).unwrap()
        {
            let file = attune::store::month_file::read(&path).unwrap().unwrap();
            assert_eq!(file.device, store.device());
        }
    }
}

/// A stored version with any stamp (any offset, far ahead of or behind the clock).
fn stored_version() -> impl Strategy<Value = (Record, Stamp)> {
    (
        -400_000_000_000i64..400_000_000_000,
        0..OFFSETS.len(),
        -400_000_000_000i64..400_000_000_000,
        0..OFFSETS.len(),
        0..3usize,
    )
        .prop_map(|(updated_ms, uo, now_ms, no, note)| {
            let offset = |i: usize| FixedOffset::east_opt(OFFSETS[i]).unwrap();
            let base = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 9, 0, 0).unwrap();
            let old = V {
                id: 0,
                updated: 0,
                updated_offset: uo,
                created_offset: 0,
                tombstone: false,
                note,
            }
            .record();
            let old = Record {
                updated_at: (base + Duration::milliseconds(updated_ms)).with_timezone(&offset(uo)),
                ..old
            };
            let now = (base + Duration::milliseconds(now_ms)).with_timezone(&offset(no));
            (old, now)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn an_edit_always_wins_over_the_version_it_replaces((old, now) in stored_version(), text in "[a-z]{0,3}") {
        let mut edit = old.clone();
        if let Body::Checkin(c) = &mut edit.body {
            c.note = Some(text);
        }
        edit.updated_at = old.next_version(now);
        prop_assert!(edit.updated_at > old.updated_at);
        prop_assert!(edit.updated_at >= now, "never older than the clock");
        // As the files hold them, too.
        let back = |r: &Record| serde_json::from_str::<Record>(&json(r)).unwrap();
        for (new, was) in [(edit.clone(), old.clone()), (back(&edit), back(&old))] {
            prop_assert_eq!(precedence(&new, &was), Ordering::Greater);
            for order in [[new.clone(), was.clone()], [was.clone(), new.clone()]] {
                prop_assert_eq!(json(merge(&order).get(&IDS[0]).unwrap()), json(&new));
            }
        }
        let gone = old.tombstone(now);
        prop_assert_eq!(precedence(&gone, &old), Ordering::Greater);
        prop_assert!(gone.updated_at > old.updated_at);
    }
}
