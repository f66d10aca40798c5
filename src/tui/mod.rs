//! The full-screen app, Elm style: `App::update` is the only place state changes, screens
//! render the state, and the event loop performs effects (the only I/O) between them.

pub mod action;
pub mod app;
mod app_day;
pub mod breathe;
pub mod checkin;
pub mod effect;
pub mod event_loop;
pub mod ground;
pub mod help;
pub mod home;
pub mod journal;
pub mod keymap;
pub mod paint;
pub mod paint_cells;
pub mod record;
pub mod runner;
pub mod screen;
pub mod theme;
pub mod trends;
pub mod ui;
pub mod worker;

use crate::service::checkin::today;
use crate::store::Store;
use crate::store::layout::Layout;
use anyhow::Context as _;
use app::App;
use journal::Intent;

/// Options the TUI starts with.
#[derive(Debug, Clone)]
pub struct Options {
    pub layout: Layout,
    pub color: bool,
    /// Where the user's own patterns live (None: built-in patterns only).
    pub config_dir: Option<std::path::PathBuf>,
    pub start: Start,
    /// The user's settings from config.toml (defaults when there is none).
    pub config: crate::config::Config,
    /// Some settings could not be used (main has said which): home says so calmly.
    pub config_notice: bool,
    /// A steady countdown in words instead of the moving pacer.
    pub reduced_motion: bool,
    /// The only source of the time while the app runs.
    pub clock: crate::clock::Clock,
}

/// The screen the TUI opens on.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Start {
    #[default]
    Home,
    /// `attune breathe` in a terminal: the breathing preview for this plan.
    Breathe {
        plan: crate::service::practice::Plan,
        /// Ask for distress before and after (false with --no-checkin).
        checkin: bool,
        /// `--sound STYLE`, over the config's.
        sound: Option<crate::sound::Style>,
        /// `--heart` or `--heart-cmd`: a heart source read beside the pacer.
        heart: Option<crate::service::heart_source::Spec>,
    },
    /// `attune journal` (entry None: the list) or `attune journal new` in a terminal.
    Journal {
        entry: Option<crate::service::journal::NewEntry>,
    },
    /// `attune ground [ROUTINE]` in a terminal: the routine list, or that routine.
    Ground {
        routine: Option<String>,
        checkin: bool,
        /// `--sound STYLE` for the timed steps, over the config's.
        sound: Option<crate::sound::Style>,
    },
    /// `attune trends` in a terminal: the trends screen on this range.
    Trends { span: crate::service::trends::Span },
}

pub use runner::Ended;

/// Run the TUI until the user quits. The terminal is restored on every way out.
pub fn run(opts: Options) -> anyhow::Result<Ended> {
    let clock = opts.clock;
    let heart = match &opts.start {
        Start::Breathe {
            heart: Some(spec), ..
        } => Some(spec.clone()),
        _ => None,
    };
    let (app, store) = start(opts)?;
    // Started before the screen changes, so a source that cannot start is said plainly.
    let source = match &heart {
        Some(spec) => Some(
            crate::service::heart_source::Source::lines(spec, clock)
                .map_err(|e| anyhow::anyhow!(crate::copy::heart::source_failed(&e.to_string())))?,
        ),
        None => None,
    };
    event_loop::run(app, &store, clock, source)
}

/// Open the store and build the first state from today and this week only (never the
/// whole history), before the terminal changes, so a failure prints plainly.
pub fn start(opts: Options) -> anyhow::Result<(App, Store)> {
    let welcome_seen = crate::store::marks::welcome_seen(&opts.layout);
    let store = Store::open(opts.layout).context("opening attune's data folder")?;
    let clock = opts.clock;
    let day = clock.wall().date_naive();
    // Today's summary says whether some files could not be read; home shows it.
    let first_weekday = opts.config.week.starts_on;
    let (summary, _) = today(&store, day, first_weekday).context("reading today's records")?;
    let mut app = App::new(summary, !welcome_seen, opts.color);
    app.day = Some(day);
    app.reduced_motion = opts.reduced_motion;
    app.sealed = crate::store::crypt::locked_out(store.layout())
        .then(|| crate::copy::crypt::sealed_line(opts.config.encryption.remember));
    app.theme = theme::Theme::of(opts.color, opts.config.display.theme);
    // Overrides that cannot work give way to attune's own keys, never a refusal to open.
    let keys = keymap::Keymap::with_overrides(&opts.config.keys);
    let settings_problem = opts.config_notice || keys.is_err();
    app.keymap = keys.unwrap_or_default();
    app.config_dir.clone_from(&opts.config_dir);
    let config_dir = opts.config_dir.as_deref();
    match crate::content::all_patterns_with(config_dir, &opts.config.patterns) {
        Ok(patterns) => app.patterns = patterns,
        // The built-in patterns still work; the preview says what is wrong with the file.
        Err(e) => app.patterns_problem = Some(e.to_string()),
    }
    match crate::content::all_routines_with(config_dir, &opts.config.routines) {
        Ok(routines) => app.routines = routines,
        // The built-in routines still work; the list says what is wrong with the file.
        Err(e) => app.routines_problem = Some(e.to_string()),
    }
    // Which styles can sound here, so the preview can say so before a practice begins.
    let setup = crate::sound::sounder::Setup::for_config(&opts.config, &store.layout().state_dir);
    app.sound_missing = crate::sound::Style::ALL
        .into_iter()
        .filter(|s| !setup.can_play(*s))
        .collect();
    if opts.config.breathing.remember_last {
        app.breathe_saved = crate::service::practice::remembered_choices(store.layout());
        app.breathe_last.clone_from(&app.breathe_saved);
    }
    app.config = opts.config;
    if settings_problem {
        app.notices.push(app::Notice::Settings);
    }
    let draft_waiting = crate::store::drafts::waiting(&store.layout().state_dir);
    app.back_to_shell = matches!(
        opts.start,
        Start::Breathe { .. }
            | Start::Ground {
                routine: Some(_),
                ..
            }
            | Start::Journal { entry: Some(_) }
    );
    if let Start::Breathe {
        heart: Some(spec), ..
    } = &opts.start
    {
        let label = crate::copy::heart_screen::source(spec);
        app.heart = Some(breathe::heart::Link::new(label));
    }
    let first = match opts.start {
        Start::Breathe {
            plan,
            checkin,
            sound,
            heart: _,
        } => {
            if let Some(sound) = sound {
                app.config.breathing.sound = sound;
            }
            app.open_breathe(Some(plan), checkin, day)
        }
        Start::Trends { span } => app.open_trends(span, day),
        Start::Journal { entry: Some(new) } => app.open_journal_once(new),
        Start::Journal { entry: None } => app.open_journal(Intent::List),
        Start::Ground {
            routine,
            checkin,
            sound,
        } => {
            if let Some(sound) = sound {
                app.config.breathing.sound = sound;
            }
            app.open_ground(routine.as_deref(), checkin, clock.now());
            None
        }
        // Words kept from a run that ended unexpectedly are offered back first thing.
        Start::Home if draft_waiting => app.open_journal(Intent::List),
        _ => None,
    };
    effect::settle(&mut app, &store, first.into_iter().collect(), clock.now());
    Ok((app, store))
}
