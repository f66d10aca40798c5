//! `attune ground`: list the grounding routines, or run one full-screen in a terminal or
//! line by line (`--plain`, or whenever there is no terminal), and record it.

use super::breathe_plain::{self as plain, Input, PlainIo, Rating};
use super::ground_plain::{End, walk};
use super::{Ctx, Failure, Outcome, Routed, gentle_offer};
use crate::content::all_routines_with;
use crate::copy::safe;
use crate::domain::checkin::HIGH_DISTRESS;
use crate::domain::grounding::run::Run;
use crate::domain::grounding::{Eyes, Routine};
use crate::service::grounding::{self, Outcome as RunOutcome};
use crate::service::practice::{add_distress_after, distress_rose, worth_keeping};
use crate::store::Store;
use serde::Serialize;
use std::io::{IsTerminal, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The routine to run (see `attune ground --list`)
    pub routine: Option<String>,
    /// List the routines
    #[arg(long)]
    pub list: bool,
    /// With --list: a JSON array with each routine's id, title and preview
    #[arg(long, requires = "list")]
    pub json: bool,
    /// Print each step and read your lines from stdin instead of the full screen
    #[arg(long)]
    pub plain: bool,
    /// Skip the distress ratings before and after
    #[arg(long)]
    pub no_checkin: bool,
    /// A cue when a timed step's time is up (default from config, else off)
    #[arg(long, value_name = "STYLE", value_enum)]
    pub sound: Option<crate::sound::Style>,
}

/// Runs the command, or says which full screen `main` should open instead.
pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let full_screen = terminal && !args.plain && !args.list;
    let routines = match all_routines_with(ctx.config_dir.as_deref(), &ctx.config.routines) {
        Ok(routines) => routines,
        // Full screen, the list explains the file calmly and the built-in routines work.
        Err(_) if full_screen => crate::content::builtin_routines(),
        Err(e) => return Err(Failure::usage(e)),
    };
    if args.list {
        return list(&routines, args.json, out).map(|()| None);
    }
    let chosen = match &args.routine {
        Some(id) => Some(find(&routines, id)?.clone()),
        None => None,
    };
    if full_screen {
        return Ok(Some(crate::tui::Start::Ground {
            routine: chosen.map(|r| r.id),
            checkin: !args.no_checkin,
            sound: args.sound,
        }));
    }
    let Some(routine) = chosen else {
        return Err(Failure::usage(
            "name a routine to run it line by line, e.g. `attune ground 5-4-3-2-1 --plain`; `attune ground --list` shows them all",
        ));
    };
    let store = ctx.open_store()?;
    let mut config = ctx.config.clone();
    config.breathing.sound = args.sound.unwrap_or(config.breathing.cue_style());
    let setup = crate::sound::sounder::Setup::for_config(&config, &ctx.layout.state_dir);
    let (style, sounder) = super::breathe_sound::prepare(config.breathing.sound, setup, err)?;
    config.breathing.sound = style;
    let mut real = super::plain_io::RealIo::start(ctx.clock)?;
    let mut io = super::breathe_sound::Sounding {
        io: &mut real,
        sounder,
    };
    let (mut out, mut err) = super::wrap::both(out, err);
    let done = run_plain(&store, &config, &routine, !args.no_checkin, &mut io, &mut out, &mut err);
    io.finish(done.is_ok());
    done?;
    real.ending()?;
    Ok(None)
}

fn find<'a>(routines: &'a [Routine], id: &str) -> Result<&'a Routine, Failure> {
    routines.iter().find(|r| r.id == id).ok_or_else(|| {
        let known: Vec<&str> = routines.iter().map(|r| r.id.as_str()).collect();
        Failure::usage(format!(
            "there is no grounding routine \"{id}\". Routines: {}",
            known.join(", ")
        ))
    })
}

fn list(routines: &[Routine], json: bool, out: &mut dyn Write) -> Outcome {
    #[derive(Serialize)]
    struct Item<'a> {
        id: &'a str,
        title: &'a str,
        preview: &'a str,
        eyes: Eyes,
        minutes: u32,
    }
    if json {
        let items: Vec<Item> = routines
            .iter()
            .map(|r| Item {
                id: &r.id,
                title: &r.title,
                preview: &r.preview,
                eyes: r.eyes,
                minutes: r.minutes,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(());
    }
    for r in routines {
        let head = format!("{:<14} {} (about {} min, {})", r.id, r.title, r.minutes, eyes(r.eyes));
        writeln!(out, "{}", safe::line(&head))?;
        writeln!(out, "{:<14} {}", "", safe::line(&r.preview))?;
    }
    Ok(())
}

pub fn eyes(e: Eyes) -> &'static str {
    match e {
        Eyes::Open => "eyes open",
        Eyes::Closed => "eyes closed",
        Eyes::Either => "eyes open or closed",
    }
}

/// The whole plain run: rating, the steps, keeping what was typed, saving, rating after.
pub fn run_plain(
    store: &Store,
    config: &crate::config::Config,
    routine: &Routine,
    checkin: bool,
    io: &mut dyn PlainIo,
    out: &mut dyn Write,
    say: &mut dyn Write,
) -> Outcome {
    writeln!(
        say,
        "{} (about {} min, {}). An empty line moves on, \"skip\" skips a step, \"back\" goes back; Ctrl-C or the end of input stops.",
        safe::line(&routine.title),
        routine.minutes,
        eyes(routine.eyes)
    )?;
    let before = match checkin.then(|| plain::ask_rating(io, say, crate::copy::plain::DISTRESS_NOW))
    {
        Some(rating) => match rating? {
            Rating::Given(v) => Some(v),
            Rating::Skipped => None,
            Rating::Stopped => {
                writeln!(say, "{}", crate::copy::plain::STOPPED_BEFORE)?;
                return Ok(());
            }
        },
        None => None,
    };
    let started = io.wall();
    let begun = io.now();
    let mut run = Run::new(routine.clone(), begun);
    let end = walk(&mut run, config.breathing.cue_style(), io, out)?;
    let summary = run.summary();
    let keep_noticed = end == End::Finished && !summary.noticed.is_empty() && ask_keep(io, say)?;
    let outcome = RunOutcome {
        completed: end == End::Finished,
        took: io.now().saturating_sub(begun),
        keep_noticed,
        distress_before: before,
        summary,
        sound: config.breathing.cue_style(),
    };
    if !worth_keeping(outcome.completed, outcome.took.as_secs_f64()) {
        writeln!(out, "\n{}", crate::copy::plain::let_go())?;
        return Ok(());
    }
    let record = grounding::save(store, routine, &outcome, started, io.wall())?;
    close(&outcome, out)?;
    if checkin
        && end == End::Finished
        && let Rating::Given(after) = plain::ask_rating(io, say, crate::copy::plain::AND_NOW)?
    {
        super::rating_kept(say, &add_distress_after(store, &record, after, io.wall())?.1)?;
        if distress_rose(before, Some(after)) || after >= HIGH_DISTRESS {
            gentle_offer(say, config, distress_rose(before, Some(after)))?;
        }
    }
    Ok(())
}

fn ask_keep(io: &mut dyn PlainIo, say: &mut dyn Write) -> std::io::Result<bool> {
    let answer = plain::ask(io, say, crate::copy::plain::KEEP_WORDS)?;
    Ok(
        matches!(answer, Some(Input::Line(l)) if l.trim().eq_ignore_ascii_case("y") || l.trim().eq_ignore_ascii_case("yes")),
    )
}

fn close(outcome: &RunOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &outcome.summary;
    let mut line = match outcome.completed {
        true => format!("Done: {} of {} steps.", s.steps_completed, s.steps_total),
        false => format!("Stopped after {} of {} steps. Saved.", s.steps_completed, s.steps_total),
    };
    if let Some(n) = s.exhale_count {
        line.push_str(&format!(" {n} out-breaths counted"));
        if let Some(rate) = s.exhale_rate {
            line.push_str(&format!(", about {rate:.0} a minute"));
        }
        line.push('.');
    }
    writeln!(out, "\n{line}")?;
    // Sent at once, so it comes before the question after in a log of both streams.
    out.flush()
}
