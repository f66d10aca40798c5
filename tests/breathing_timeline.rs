//! The breathing timeline and follow-my-breath, for all inputs: boundaries exact with no
//! drift, pauses shift the schedule by exactly the paused time, and the lead never
//! changes pace faster, or goes slower, than the safe bounds allow.

use attune::content::builtin_patterns;
use attune::domain::breathing::clock::ActiveClock;
use attune::domain::breathing::follow::{Lead, MAX_STEP_SECS, SLOWEST_PER_MIN, Taps};
use attune::domain::breathing::{Pattern, PhaseKind, Schedule, planned_length};
use proptest::prelude::*;
use std::time::Duration;

fn pattern(i: usize) -> Pattern {
    let all = builtin_patterns();
    all[i % all.len()].clone()
}

fn cycle_of(p: &Pattern) -> Duration {
    p.phases().iter().map(|(_, d)| *d).sum()
}

proptest! {
    #[test]
    fn boundaries_fall_on_exact_multiples_of_the_cycle(i in 0usize..7, minutes in 0.05f64..45.0) {
        let p = pattern(i);
        let planned = planned_length(&p, minutes, None);
        let cycle = cycle_of(&p);
        prop_assert_eq!(planned.as_nanos() % cycle.as_nanos(), 0, "whole breaths");
        let s = Schedule::new(&p, planned);
        prop_assert_eq!(s.end(), planned, "ends exactly on the planned time");
        let cycles = planned.as_nanos() / cycle.as_nanos();
        prop_assert_eq!(s.breaths_at(planned), cycles as u64);
        for k in [0, 1, cycles / 2, cycles.saturating_sub(1)].into_iter().filter(|k| *k < cycles) {
            let b = Duration::from_nanos((cycle.as_nanos() * k) as u64);
            let at = s.at(b);
            prop_assert_eq!(at.phase, PhaseKind::In);
            prop_assert_eq!(at.into_phase, Duration::ZERO);
            prop_assert_eq!(at.cycle, k as u64);
            let before = s.at(b.saturating_sub(Duration::from_nanos(1)));
            if k > 0 {
                prop_assert_eq!(before.cycle, k as u64 - 1);
                prop_assert_eq!(before.left_in_phase, Duration::from_nanos(1));
            }
        }
        let end = s.at(planned);
        prop_assert!(end.done);
        prop_assert_eq!(end.left_in_session, Duration::ZERO);
        prop_assert!(!s.at(planned - Duration::from_nanos(1)).done);
    }

    #[test]
    fn walking_phase_by_phase_lands_exactly_on_the_end(i in 0usize..7, minutes in 0.05f64..12.0) {
        let p = pattern(i);
        let s = Schedule::new(&p, planned_length(&p, minutes, None));
        let phases = p.phases();
        let mut expected = Duration::ZERO;
        let mut t = Duration::ZERO;
        let mut n = 0usize;
        while let Some((at, kind, len)) = s.next_phase(t) {
            expected += phases[n % phases.len()].1;
            n += 1;
            prop_assert_eq!(at, expected, "phase {} starts on the exact sum", n);
            prop_assert_eq!((kind, len), phases[n % phases.len()]);
            t = at;
        }
        prop_assert_eq!(expected + phases[n % phases.len()].1, s.end());
    }

    #[test]
    fn a_pause_shifts_the_schedule_by_exactly_the_paused_time(
        i in 0usize..7,
        pauses in prop::collection::vec((1u64..120_000, 1u64..90_000), 0..5),
        probe in 0u64..600_000,
    ) {
        let p = pattern(i);
        let s = Schedule::new(&p, planned_length(&p, 10.0, None));
        let ms = Duration::from_millis;
        let mut clock = ActiveClock::start(ms(5_000));
        let mut now = ms(5_000);
        let mut paused = Duration::ZERO;
        for (run, pause) in pauses {
            now += ms(run);
            clock.pause(now);
            now += ms(pause);
            paused += ms(pause);
            clock.resume(now);
        }
        let real = now + ms(probe);
        let active = clock.active(real);
        prop_assert_eq!(active, real - ms(5_000) - paused);
        prop_assert_eq!(s.at(active), s.at(real - ms(5_000) - paused));
        prop_assert_eq!(clock.when(active), real);
    }

    #[test]
    fn a_pace_change_starts_on_the_next_breath_and_leaves_the_past_alone(
        i in 0usize..7, factor in 0.8f64..1.25, at_ms in 0u64..300_000,
    ) {
        let p = pattern(i);
        let mut s = Schedule::new(&p, planned_length(&p, 10.0, None));
        let t = Duration::from_millis(at_ms);
        let before = s.clone();
        let start = s.change_at_next_breath(t, &p.scaled(factor));
        prop_assert_eq!(start, before.next_boundary(t));
        prop_assert_eq!(start.as_nanos() % cycle_of(&p).as_nanos(), 0);
        for probe in [Duration::ZERO, t, start - Duration::from_nanos(1)] {
            let (now, then) = (s.at(probe), before.at(probe));
            // Only the time left may differ: the session now ends on the new pace's breath.
            prop_assert_eq!((now.phase, now.into_phase, now.cycle), (then.phase, then.into_phase, then.cycle));
        }
        // It still ends on a whole breath, at most one breath after the planned time.
        let over = s.end() - s.planned();
        prop_assert!(over < p.scaled(factor).phases().iter().map(|(_, d)| *d).sum::<Duration>().max(cycle_of(&p)));
        let first = s.at(start);
        prop_assert_eq!(first.phase, PhaseKind::In);
        prop_assert_eq!(first.into_phase, Duration::ZERO);
        prop_assert_eq!(first.phase_len, p.scaled(factor).phases()[0].1);
    }

    #[test]
    fn the_lead_stays_in_bounds_and_changes_pace_gently(
        period in prop::option::of(0.5f64..25.0),
        target in prop::sample::select(vec![0usize, 1, 2, 3]),
        moves in prop::collection::vec(0u8..10, 0..200),
    ) {
        let goal = pattern(target);
        let mut lead = Lead::start(period, &goal);
        let mut current = lead.pattern();
        prop_assert_eq!(current.check(), Ok(()));
        for m in moves {
            let next = match m {
                0 => { lead.toggle_hold(); None }
                1 => lead.step_back(),
                _ => lead.breath_done(),
            };
            if let Some(next) = next {
                prop_assert_eq!(next.check(), Ok(()));
                let change = (next.cycle_secs() - current.cycle_secs()).abs();
                prop_assert!(change <= MAX_STEP_SECS + 1e-9, "changed by {} s", change);
                prop_assert!(next.breaths_per_minute() >= SLOWEST_PER_MIN - 1e-9);
                prop_assert!(!next.has_holds());
                current = next;
            }
        }
    }
}

#[test]
fn the_lead_reaches_the_goal_mainly_by_lengthening_the_exhale() {
    let goal = pattern(1); // exhale-4-8
    let mut lead = Lead::start(Some(6.0), &goal);
    let start = lead.pattern();
    assert!((start.cycle_secs() - 6.0).abs() < 1e-9);
    assert!((lead.start_rate() - 10.0).abs() < 1e-9);
    let mut steps = Vec::new();
    for _ in 0..100 {
        if let Some(p) = lead.breath_done() {
            steps.push(p);
        }
    }
    let last = steps.last().expect("it leads");
    assert_eq!((last.inhale, last.exhale), (4.0, 8.0));
    assert!(lead.reached_goal());
    // The first steps lengthen only the exhale.
    assert_eq!(steps[0].inhale, start.inhale);
    assert!(steps[0].exhale > start.exhale);
    assert!((lead.rate() - 5.0).abs() < 1e-9);
}

#[test]
fn holding_and_stepping_back() {
    let goal = pattern(0);
    let mut lead = Lead::start(Some(6.0), &goal);
    lead.breath_done();
    let first = lead.breath_done().expect("a step after two breaths");
    lead.toggle_hold();
    for _ in 0..10 {
        assert_eq!(lead.breath_done(), None, "holding keeps the pace");
    }
    lead.toggle_hold();
    lead.breath_done();
    let second = lead.breath_done().expect("leading again");
    assert!(second.cycle_secs() > first.cycle_secs());
    assert_eq!(lead.step_back(), Some(first));
    assert!(lead.holding);
}

#[test]
fn taps_give_the_median_breath_and_ignore_double_taps() {
    let mut taps = Taps::default();
    let s = |x: f64| Duration::from_secs_f64(x);
    for t in [0.0, 4.0, 4.2, 8.1, 12.0] {
        taps.tap(s(t));
    }
    assert_eq!(taps.breaths(), 3, "the 0.2 s double tap is not a breath");
    assert!((taps.period_secs().unwrap() - 3.9).abs() < 1e-9);
    assert!(!taps.finished(s(13.0)));
    assert!(taps.finished(s(61.0)));
    let mut few = Taps::default();
    few.tap(s(0.0));
    few.tap(s(4.0));
    assert_eq!(few.period_secs(), None, "fewer than three breaths is not a rhythm");
}

#[test]
fn the_new_user_cap_limits_cycles() {
    let p = pattern(6); // 4-7-8: 19 s a breath
    assert_eq!(p.id, "4-7-8");
    let capped = planned_length(&p, 5.0, p.new_user_cycles);
    assert_eq!(capped, Duration::from_secs(19 * 4));
    assert_eq!(planned_length(&p, 5.0, None), Duration::from_secs(19 * 16));
}
