//! `attune breathe`: plan a breathing practice, then run it full-screen in a terminal or
//! line by line (`--plain`, or whenever stdout is not a terminal), and record it.

use super::breathe_pace::Guide;
use super::breathe_plain::{self as plain, PlainIo, Rating};
use super::breathe_sound as sound;
use super::{Ctx, Failure, Outcome, Routed};
use crate::content::all_patterns_with;
use crate::copy::plain as words;
use crate::domain::heart::pace::Steps;
use crate::service::heart_source::{Source, Spec};
use crate::service::practice::{
    Plan, add_distress_after, distress_rose, plan, recent_uses, save_session, worth_keeping,
};
use crate::store::Store;
use crate::store::model::Session;
use std::io::{IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The breathing pattern (see `attune patterns`; default from config, else exhale-4-6)
    #[arg(long, value_name = "ID")]
    pub pattern: Option<String>,
    /// About how long, in minutes (decimals are fine; default from config, else 5)
    #[arg(long, value_name = "M")]
    pub minutes: Option<f64>,
    /// Start at your own pace, then slowly lead it longer
    #[arg(long)]
    pub follow: bool,
    /// One line per phase change instead of the animation
    #[arg(long)]
    pub plain: bool,
    /// Skip the distress ratings before and after
    #[arg(long)]
    pub no_checkin: bool,
    /// A cue at each phase change, to breathe with eyes closed (default from config, else off)
    #[arg(long, value_name = "STYLE", value_enum)]
    pub sound: Option<crate::sound::Style>,
    /// Heart beats beside the practice: a file or FIFO being written with one beat a line
    /// (the formats `heart import` reads), or `ble` / `ble:NAME` for a Bluetooth strap
    #[arg(long, value_name = "PATH", conflicts_with = "heart_cmd")]
    pub heart: Option<std::path::PathBuf>,
    /// Heart beats from a command's output, in the same lines (a bridge from a strap)
    #[arg(long, value_name = "COMMAND")]
    pub heart_cmd: Option<String>,
    /// Find your own pace: 6.5, 6, 5.5, 5 and 4.5 breaths a minute in turn, scored by your
    /// heart's swing (needs --heart or --heart-cmd)
    #[arg(long, conflicts_with = "follow")]
    pub find_my_pace: bool,
    /// Keep the heart's beats beside the session on this device, for `attune heart export`
    #[arg(long)]
    pub keep_beats: bool,
    /// With --find-my-pace: how long each rate lasts, 0.25-5 minutes
    #[arg(long, value_name = "M", default_value_t = crate::domain::heart::pace::STEP_MINUTES, requires = "find_my_pace")]
    pub step_minutes: f64,
}

/// Runs the command, or says which full screen `main` should open instead.
pub fn run(ctx: &Ctx, mut args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    let patterns = all_patterns_with(ctx.config_dir.as_deref(), &ctx.config.patterns)
        .map_err(Failure::usage)?;
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let remember = terminal && !args.plain && ctx.config.breathing.remember_last;
    if let Some(last) = remember
        .then(|| crate::service::practice::remembered_choices(&ctx.layout))
        .flatten()
    {
        fill_in(&mut args, &last, &patterns);
    }
    // Check the request before touching the store, so bad input changes nothing.
    let id = args
        .pattern
        .as_deref()
        .unwrap_or(&ctx.config.breathing.pattern);
    let minutes = args.minutes.unwrap_or(ctx.config.breathing.minutes);
    let heart = Spec::from_args(args.heart.clone(), args.heart_cmd.clone());
    let finding = |p: Plan| match args.find_my_pace {
        true => p.finding_pace(args.step_minutes, ctx.config_dir.clone()),
        false => Ok(p),
    };
    plan(&patterns, id, minutes, args.follow, 0)
        .and_then(finding)
        .map_err(Failure::usage)?;
    if args.find_my_pace && heart.is_none() {
        return Err(Failure::usage(crate::copy::heart_practice::FIND_NEEDS_HEART));
    }
    if args.keep_beats && heart.is_none() {
        return Err(Failure::usage(crate::copy::heart::KEEP_BEATS_NEEDS_HEART));
    }
    check_heart(heart.as_ref())?;
    let store = ctx.open_store()?;
    let uses = recent_uses(&store, id, ctx.clock.wall().date_naive())?;
    let mut plan = plan(&patterns, id, minutes, args.follow, uses)
        .and_then(finding)
        .map_err(Failure::usage)?;
    plan.keep_beats = args.keep_beats;
    let checkin = !args.no_checkin;
    if terminal && !args.plain {
        return Ok(Some(crate::tui::Start::Breathe {
            plan,
            checkin,
            sound: args.sound,
            heart,
        }));
    }
    let mut config = ctx.config.clone();
    if let Some(sound) = args.sound {
        config.breathing.sound = sound;
    }
    let setup = crate::sound::sounder::Setup::for_config(&config, &ctx.layout.state_dir);
    let (style, sounder) = sound::prepare(config.breathing.cue_style(), setup, err)?;
    config.breathing.sound = style;
    let source = match &heart {
        Some(spec) => Some(
            Source::lines(spec, ctx.clock)
                .map_err(|e| Failure::usage(crate::copy::heart::source_failed(&e.to_string())))?,
        ),
        None => None,
    };
    let mut real = super::plain_io::RealIo::start(ctx.clock)?.with_heart(source);
    let mut io = sound::Sounding {
        io: &mut real,
        sounder,
    };
    let (mut out, mut err) = super::wrap::both(out, err);
    let done = run_plain(&store, &config, &plan, checkin, &mut io, &mut out, &mut err);
    if io.fell_back() {
        writeln!(err, "{}", crate::copy::sound::FELL_BACK)?;
    }
    io.finish(matches!(done, Ok(true)));
    done?;
    real.ending()?;
    Ok(None)
}

/// A heart file that is not there is said before anything starts (a FIFO may wait for
/// its writer; a command is started with the practice).
fn check_heart(spec: Option<&Spec>) -> Result<(), Failure> {
    match spec {
        Some(Spec::Path(path)) if !path.exists() => {
            Err(Failure::usage(crate::copy::heart::unreadable_file(
                &path.display().to_string(),
                "there is no such file",
            )))
        }
        Some(Spec::Ble(_)) if !cfg!(feature = "ble") => {
            Err(Failure::usage(crate::copy::heart::NO_BLE))
        }
        _ => Ok(()),
    }
}

/// The full screen opens where the preview was left last time, for whatever the command
/// line does not say itself (a remembered follow only with the remembered pattern).
fn fill_in(
    args: &mut Args,
    last: &crate::domain::breathing::choices::Choices,
    patterns: &[crate::domain::breathing::Pattern],
) {
    let remembered = patterns.iter().find(|p| p.id == last.pattern);
    if args.pattern.is_none()
        && let Some(p) = remembered
    {
        args.pattern = Some(p.id.clone());
        args.follow |= last.follow && !p.has_holds();
    }
    args.minutes = args.minutes.or(Some(f64::from(last.minutes)));
    args.sound = args.sound.or(Some(last.sound()));
}

/// The whole plain run: ratings, listening, pacing, saving.
pub fn run_plain(
    store: &Store,
    config: &crate::config::Config,
    plan: &Plan,
    checkin: bool,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
    say: &mut dyn Write,
) -> Result<bool, Failure> {
    introduce(plan, say)?;
    if let Some(find) = &plan.steps {
        let minutes = find.step.as_secs_f64() / 60.0;
        writeln!(say, "{}", crate::copy::heart_practice::find_intro(minutes))?;
    }
    let before = match checkin.then(|| plain::ask_rating(io, say, words::DISTRESS_NOW)) {
        Some(rating) => match rating? {
            Rating::Given(v) => Some(v),
            Rating::Skipped => None,
            Rating::Stopped => return stopped_before_start(say).map(|()| false),
        },
        None => None,
    };
    let guide = match (&plan.steps, plan.follow) {
        (Some(find), _) => Guide::Steps(Steps::new(&plan.pattern, find.step)),
        (None, true) => match plain::listen(io, say, plan)? {
            Some(lead) => Guide::Follow(lead),
            None => return stopped_before_start(say).map(|()| false),
        },
        (None, false) => Guide::Steady,
    };
    let start_rate = match &guide {
        Guide::Follow(lead) => Some(lead.start_rate()),
        _ => None,
    };
    let started = io.wall();
    let sound = config.breathing.cue_style();
    let paced = super::breathe_pace::pace(plan, guide, sound, io, out)?;
    if !worth_keeping(paced.completed, paced.active.as_secs_f64()) {
        last_line(out, &words::breathe_let_go(&plain::stamp(paced.active)))?;
        return Ok(false);
    }
    let steady = matches!(paced.guide, Guide::Steady).then(|| plan.pattern.cycle_secs());
    let heart = paced.heart.as_ref().and_then(|b| {
        crate::service::heart::practice_reading(b, paced.active, steady.or(Some(paced.period)))
    });
    let found = super::breathe_find::score(&paced);
    let session = Session {
        practice: "breathe".into(),
        practice_id: plan.pattern.id.clone(),
        planned_seconds: Some(plan.planned.as_secs_f64()),
        actual_seconds: paced.active.as_secs_f64(),
        completed: paced.completed,
        distress_before: before,
        breaths: Some(paced.breaths),
        start_rate,
        reached_rate: paced.guide.reached_rate(),
        heart: heart.clone().map(Box::new),
        pace_steps: found.clone(),
        extra: sound.kept(),
        ..Session::default()
    };
    let said_heart = heart;
    // Saved at once, so closing the terminal during the last question loses nothing.
    let record = save_session(store, session, started, io.wall())?;
    if plan.keep_beats
        && let Some(beside) = &paced.heart
    {
        let csv = crate::service::heart::beats_csv(beside.feed());
        let state = &store.layout().state_dir;
        if let Err(e) = crate::store::beats::write(state, &record.id.to_string(), &csv) {
            writeln!(say, "{}", crate::copy::heart::beats_not_kept(&e.to_string()))?;
        }
    }
    last_line(out, &summary(&paced))?;
    if paced.heart.is_some() {
        for line in super::breathe_heart::closing(said_heart.as_ref()) {
            writeln!(out, "{line}")?;
        }
    }
    if let Guide::Steps(_) = &paced.guide {
        super::breathe_find::closing(plan, &found, io, out, say)?;
    }
    if checkin
        && paced.completed
        && let Rating::Given(after) = plain::ask_rating(io, say, words::AND_NOW)?
    {
        super::rating_kept(say, &add_distress_after(store, &record, after, io.wall())?.1)?;
        let high = after >= crate::domain::checkin::HIGH_DISTRESS;
        if distress_rose(before, Some(after)) || high {
            super::gentle_offer(say, config, distress_rose(before, Some(after)))?;
        }
    }
    Ok(paced.completed)
}

fn introduce(plan: &Plan, say: &mut dyn Write) -> std::io::Result<()> {
    let p = &plan.pattern;
    let breaths = crate::domain::breathing::Schedule::new(p, plan.planned).breaths_at(plan.planned);
    let name = crate::copy::safe::line(&p.name);
    let shape = super::patterns::shape(p);
    let length = plain::stamp(plan.planned);
    writeln!(say, "{}", words::breathe_intro(&name, &shape, &length, breaths))?;
    if plan.hold_note {
        writeln!(say, "{}", words::HOLDS)?;
    }
    if plan.capped {
        writeln!(say, "{}", words::capped(p.new_user_cycles.unwrap_or(0)))?;
    }
    writeln!(say, "{}", words::SLOW)
}

/// How a kept run went, under its time stamp.
fn summary(paced: &super::breathe_pace::Paced) -> String {
    let at = plain::stamp(paced.active);
    if paced.completed {
        words::breathe_done(&at, paced.breaths)
    } else {
        words::breathe_stopped(&at, paced.breaths)
    }
}

/// The last line, sent at once, so it comes before the question after even when the
/// lines and the questions go to different places (stdout and stderr) of one log.
fn last_line(out: &mut dyn Write, line: &str) -> std::io::Result<()> {
    writeln!(out, "{line}")?;
    out.flush()
}

fn stopped_before_start(say: &mut dyn Write) -> Outcome {
    writeln!(say, "{}", words::STOPPED_BEFORE)?;
    Ok(())
}
