//! The breathing practice as a small state machine: preview, distress before, listening
//! (follow my breath), pacing, and the closing screen. Every step is pure: time comes in as
//! an argument, and saving is asked for as an Effect.
pub mod keys;
pub mod pacing;
mod pacing_heart;
pub mod pacing_look;
pub mod view;

mod app;
pub mod closing;
pub mod heart;
mod motion;
mod rating;
pub mod run;
mod update;

use crate::domain::breathing::choices::Choices;
use crate::domain::breathing::follow::{Lead, MAX_LISTEN, Taps};
use crate::domain::breathing::{Pattern, planned_length};
use crate::service::practice::{self, DEFAULT_MINUTES, MAX_MINUTES, Plan};
use crate::sound::{Cue, CueKind, Style};
pub use closing::Closing;
pub use rating::Rating;
pub use run::Run;
use std::time::Duration;

/// A gentle line on the preview after a key that could not do what it usually does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreviewNote {
    /// f on a pattern with holds.
    FollowNeedsNoHolds,
    /// Moving to a pattern with holds turned follow my breath off.
    FollowTurnedOff,
    /// p on a pattern with holds.
    FindNeedsNoHolds,
    /// Moving to a pattern with holds turned finding your pace off.
    FindTurnedOff,
    PlanFailed(String),
}

/// Follow my breath, listening: the taps so far, and the lead once listening is over.
#[derive(Clone, Debug, PartialEq)]
pub struct Listen {
    pub taps: Taps,
    /// When listening began (monotonic).
    pub started: Duration,
    /// The pace heard, breaths a minute, if a steady rhythm was (known once `lead` is set).
    pub heard: Option<f64>,
    pub lead: Option<Lead>,
}

impl Listen {
    fn since(&self, mono: Duration) -> Duration {
        mono.saturating_sub(self.started)
    }

    /// When listening ends by itself if nothing else ends it first (monotonic).
    pub fn deadline(&self) -> Option<Duration> {
        self.lead.is_none().then_some(self.started + MAX_LISTEN)
    }
}

#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one stage at a time, held by the one breathing screen; never kept in bulk"
)]
pub enum Stage {
    Preview,
    Before(Rating),
    Listen(Listen),
    Pacing(Run),
    Closing(Closing),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Breathe {
    pub patterns: Vec<Pattern>,
    /// Recent sessions of each pattern (all 0 until loaded: the gentlest plan first).
    pub recent: Vec<usize>,
    pub index: usize,
    pub minutes: u32,
    pub plan: Plan,
    /// How phase changes sound (`s` cycles it).
    pub sound: Style,
    /// A cue could not sound through its program, so the bell stood in: said at the end.
    pub sound_fell_back: bool,
    /// Ask for distress before and after.
    pub checkin: bool,
    /// The plan came from the command line: keep it as given until the user changes it.
    fixed: bool,
    pub note: Option<PreviewNote>,
    pub before: Option<u8>,
    pub stage: Stage,
    /// Cues asked for since the App last took them.
    pub cues: Vec<Cue>,
    /// The heart beside the pacer, when a heart source is read.
    pub heart: Option<heart::HeartSide>,
    /// Finding your pace: the plan breathes the steps of rates.
    pub finding: bool,
    /// Where a found pace is kept (the config folder), if there is one.
    pub keep_in: Option<std::path::PathBuf>,
}

impl Breathe {
    /// The preview, at `plan` if given, else the user's default pattern and length (or
    /// attune's, if theirs is not offered). None with no patterns.
    pub fn new(
        mut patterns: Vec<Pattern>,
        plan: Option<Plan>,
        checkin: bool,
        defaults: &crate::config::Breathing,
        last: Option<&Choices>,
    ) -> Option<Breathe> {
        let fixed = plan.is_some();
        let finding = plan.as_ref().and_then(|p| p.steps.as_ref());
        let keep_in = finding.and_then(|f| f.keep_in.clone());
        let finding = finding.is_some();
        let (index, minutes, plan) = match plan {
            Some(plan) => {
                let index = match patterns.iter().position(|p| p.id == plan.pattern.id) {
                    Some(i) => i,
                    None => {
                        patterns.push(plan.pattern.clone());
                        patterns.len() - 1
                    }
                };
                // A capped length says little about the minutes asked for.
                let minutes = if plan.capped {
                    DEFAULT_MINUTES
                } else {
                    (plan.planned.as_secs_f64() / 60.0).round()
                };
                (index, minutes, plan)
            }
            None => {
                let index = [defaults.pattern.as_str(), crate::content::DEFAULT_PATTERN]
                    .iter()
                    .find_map(|id| patterns.iter().position(|p| p.id == *id))
                    .unwrap_or(0);
                let pattern = patterns.get(index)?.clone();
                let minutes = defaults.minutes.round();
                (index, minutes, fallback_plan(pattern, minutes))
            }
        };
        let mut b = Breathe {
            recent: vec![0; patterns.len()],
            patterns,
            index,
            minutes: minutes.clamp(1.0, MAX_MINUTES) as u32,
            plan,
            sound: defaults.cue_style(),
            sound_fell_back: false,
            checkin,
            fixed,
            note: None,
            before: None,
            stage: Stage::Preview,
            cues: Vec::new(),
            heart: None,
            finding,
            keep_in,
        };
        if let Some(last) = last.filter(|_| !fixed) {
            b.choose(last);
        }
        if !fixed {
            b.replan();
        }
        Some(b)
    }

    /// Start from choices made before (in this run, or the last): each that still fits.
    fn choose(&mut self, last: &Choices) {
        // Follow goes with the pattern it was chosen for, if that is still offered.
        if let Some(i) = self.patterns.iter().position(|p| p.id == last.pattern) {
            self.index = i;
            self.plan.follow = last.follow && !self.patterns[i].has_holds();
        }
        self.minutes = last.minutes.clamp(1, MAX_MINUTES as u32);
        self.sound = last.sound();
    }

    /// The choices a preview opens with when nothing was chosen before.
    pub fn default_choices(patterns: &[Pattern], defaults: &crate::config::Breathing) -> Choices {
        let id = [defaults.pattern.as_str(), crate::content::DEFAULT_PATTERN]
            .into_iter()
            .find(|id| patterns.iter().any(|p| p.id == *id))
            .unwrap_or_default();
        let minutes = defaults.minutes.round().clamp(1.0, MAX_MINUTES) as u32;
        Choices::new(id, minutes, defaults.cue_style(), false)
    }

    /// The choices as they stand: what the next preview starts from.
    pub fn choices(&self) -> Choices {
        let id = self.patterns.get(self.index).map_or("", |p| p.id.as_str());
        Choices::new(id, self.minutes, self.sound, self.plan.follow)
    }

    pub fn pattern(&self) -> &Pattern {
        &self.plan.pattern
    }

    /// Recompute the plan for the chosen pattern, length and follow.
    fn replan(&mut self) {
        let Some(pattern) = self.patterns.get(self.index) else {
            return;
        };
        let recent = self.recent.get(self.index).copied().unwrap_or(0);
        let minutes = f64::from(self.minutes);
        let step = crate::domain::heart::pace::STEP_MINUTES;
        let finding = |plan: Plan| match self.finding {
            true => plan.finding_pace(step, self.keep_in.clone()),
            false => Ok(plan),
        };
        match practice::plan(&self.patterns, &pattern.id, minutes, self.plan.follow, recent)
            .and_then(finding)
        {
            Ok(plan) => {
                let keep_beats = self.plan.keep_beats;
                self.plan = Plan { keep_beats, ..plan };
            }
            Err(e) => self.note = Some(PreviewNote::PlanFailed(e.to_string())),
        }
    }

    /// The counts of recent sessions arrived.
    pub fn recent_loaded(&mut self, recent: Vec<usize>) {
        if recent.len() == self.patterns.len() {
            self.recent = recent;
            if !self.fixed {
                self.replan();
            }
        }
    }

    pub fn move_pattern(&mut self, by: i8) {
        let last = self.patterns.len().saturating_sub(1);
        self.index = self.index.saturating_add_signed(isize::from(by)).min(last);
        self.changed();
        if self.plan.follow && self.patterns[self.index].has_holds() {
            self.plan.follow = false;
            self.note = Some(PreviewNote::FollowTurnedOff);
        }
        if self.finding && self.patterns[self.index].has_holds() {
            self.finding = false;
            self.note = Some(PreviewNote::FindTurnedOff);
        }
        self.replan();
    }

    pub fn change_minutes(&mut self, by: i8) {
        let most = MAX_MINUTES as u32;
        self.minutes = self
            .minutes
            .saturating_add_signed(i32::from(by))
            .clamp(1, most);
        self.changed();
        self.replan();
    }

    pub fn toggle_follow(&mut self) {
        self.changed();
        if self.patterns[self.index].has_holds() {
            self.note = Some(PreviewNote::FollowNeedsNoHolds);
            return;
        }
        self.plan.follow = !self.plan.follow;
        self.finding &= !self.plan.follow;
        self.replan();
    }

    /// With a heart source: find your pace instead of one steady pattern, or not.
    pub fn toggle_find(&mut self) {
        if self.heart.is_none() {
            return;
        }
        self.changed();
        if self.patterns[self.index].has_holds() {
            self.note = Some(PreviewNote::FindNeedsNoHolds);
            return;
        }
        self.finding = !self.finding;
        self.plan.follow &= !self.finding;
        self.replan();
    }

    fn changed(&mut self) {
        self.fixed = false;
        self.note = None;
    }

    /// After the preview and the rating before: listen first, or begin pacing now.
    pub fn begin(&mut self, mono: Duration, wall: crate::store::model::Stamp) {
        self.stage = if self.plan.follow {
            Stage::Listen(Listen {
                taps: Taps::default(),
                started: mono,
                heard: None,
                lead: None,
            })
        } else {
            self.pacing(Run::new(&self.plan, None, mono, wall), mono)
        };
        self.cue_phase(mono);
    }

    /// Pacing begins now: the heart beside it counts from here.
    fn pacing(&mut self, run: Run, mono: Duration) -> Stage {
        if let Some(heart) = &mut self.heart {
            heart.begin(mono);
        }
        Stage::Pacing(run)
    }

    /// A cue for the phase the pacer is in at `mono` (just begun), if a sound is chosen.
    pub(crate) fn cue_phase(&mut self, mono: Duration) {
        if let Stage::Pacing(run) = &self.stage {
            let pos = run.position(mono);
            self.cue(CueKind::for_phase(pos.phase), pos.phase_len);
        }
    }

    /// Ask for a cue, in the chosen style (none when sound is off).
    pub(crate) fn cue(&mut self, kind: CueKind, length: Duration) {
        if self.sound != Style::Off {
            self.cues.push(Cue {
                style: self.sound,
                kind,
                length,
            });
        }
    }

    /// A tap on an out-breath; listening ends by itself once it has heard enough.
    pub fn tap(&mut self, mono: Duration) {
        if let Stage::Listen(l) = &mut self.stage
            && l.lead.is_none()
        {
            l.taps.tap(l.since(mono));
            self.listen_until(mono);
        }
    }

    /// End listening if it has heard enough or the minute is up.
    pub fn listen_until(&mut self, mono: Duration) {
        if let Stage::Listen(l) = &self.stage
            && l.lead.is_none()
            && (l.taps.finished(l.since(mono)) || l.since(mono) >= MAX_LISTEN)
        {
            self.stop_listening();
        }
    }

    /// Listening is over: measure the rhythm and set up the lead.
    pub fn stop_listening(&mut self) {
        if let Stage::Listen(l) = &mut self.stage {
            l.heard = l.taps.heard_rate();
            l.lead = Some(Lead::start(l.taps.period_secs(), &self.plan.pattern));
        }
    }
}

/// A plan made without the service, only if the service refuses the default pattern.
fn fallback_plan(pattern: Pattern, minutes: f64) -> Plan {
    Plan {
        planned: planned_length(&pattern, minutes, pattern.new_user_cycles),
        capped: false,
        hold_note: pattern.has_holds(),
        follow: false,
        pattern,
        steps: None,
        keep_beats: false,
    }
}
