//! The command line: argument types and dispatch. Each subcommand lives in its own file
//! with its Args and a `run` that writes to the given output.

pub mod breathe;
pub mod breathe_find;
pub mod breathe_heart;
pub mod breathe_pace;
pub mod breathe_plain;
pub mod breathe_sound;
pub mod checkin;
mod checkin_edit;
mod confirm;
pub mod csv;
pub mod doctor;
pub mod encrypt;
mod encrypt_ask;
pub mod export;
pub mod ground;
pub mod ground_plain;
pub mod heart;
pub mod heart_export;
mod heart_rest;
mod heart_scan;
pub mod history;
pub mod import;
pub mod journal;
mod journal_read;
mod journal_text;
mod journal_words;
mod manual;
pub mod patterns;
pub mod plain_io;
pub mod pretty;
pub mod prompts;
mod record;
pub mod review;
pub mod settings;
pub mod sound;
pub mod status;
pub mod trends;
pub mod wipe;
mod wrap;

use crate::store::Store;
use crate::store::layout::Layout;
use clap::{Parser, Subcommand};
use std::fmt;
use std::io::Write;
use std::path::PathBuf;

/// The heading global options are listed under, apart from each command's own.
const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "attune",
    version,
    about = "A calm terminal companion for daily self-regulation practice.",
    long_about = "A calm terminal companion for daily self-regulation practice: check-ins, \
                  and your own record of what helps. Run it with no command to open the \
                  full-screen app. attune is a self-care practice companion; it is not \
                  therapy, not a medical device, and not for emergencies."
)]
pub struct Cli {
    /// Folder for your records (or set ATTUNE_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,
    /// Plain output without colour (NO_COLOR is honoured too)
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub no_color: bool,
    /// Settings file to use instead of config.toml in the config folder
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
    /// A steady countdown in words instead of moving pictures
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub reduced_motion: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Paced breathing with a long exhale
    Breathe(breathe::Args),
    /// A grounding routine, step by step
    Ground(ground::Args),
    /// Your journal: write, list, show, search, edit, delete
    Journal(journal::Args),
    /// The journal prompts, today's first
    Prompts(prompts::PromptsArgs),
    /// Your trends: practice, distress before and after, check-ins, sensations
    Trends(trends::Args),
    /// List the breathing patterns
    Patterns(patterns::Args),
    /// Record a quick check-in: distress 0-10 and a few optional body measures
    Checkin(checkin::Args),
    /// Show your records, newest last
    History(history::Args),
    /// Write every record to one file you can keep or move
    Export(export::Args),
    /// Bring in records from an attune export
    Import(import::Args),
    /// Heart rhythm: bring in a heart-beat file, see your readings
    Heart(heart::Args),
    /// Check the store's files, permissions and versions
    Doctor(doctor::Args),
    /// Encryption at rest: on, join, status, passphrase, off
    Encrypt(encrypt::Args),
    /// One short line about today, for a shell prompt
    Status(status::Args),
    /// Where the settings file is, or a commented default one
    Config(settings::Args),
    /// Sound cues: `attune sound test` plays them once and names the player
    Sound(sound::Args),
    /// Shell completions: bash, zsh, fish or powershell
    Completions(status::CompletionArgs),
    /// The manual page, in roff
    Man,
    /// Remove every record, draft and local state (asks twice)
    DeleteEverything,
}

/// Said gently when distress after a practice is 2 or more above before, or is 9-10
/// (CONTENT.md): an offer of grounding and where the help lines are, never a block.
pub fn gentle_offer(
    out: &mut dyn Write,
    config: &crate::config::Config,
    rose: bool,
) -> std::io::Result<()> {
    if rose {
        writeln!(
            out,
            "Your distress went up a little. That can happen, and it is fine to stop here."
        )?;
    }
    writeln!(out, "A short grounding routine can help: `attune ground 5-4-3-2-1`.")?;
    writeln!(out, "If you need someone now:")?;
    // The user's own lines come from config.toml: shown, never acted on.
    for line in &config.crisis_lines().lines {
        let said = format!("  {}: {} ({})", line.region, line.contact, line.name);
        writeln!(out, "{}", crate::copy::safe::line(&said))?;
    }
    Ok(())
}

/// Say so when the rating after a practice did not change what is stored (a newer version
/// was there already); a rating that was kept needs no words.
pub fn rating_kept(say: &mut dyn Write, report: &crate::store::SaveReport) -> std::io::Result<()> {
    if report.changed == 0 {
        writeln!(
            say,
            "A newer version of this practice is already stored, so that rating was not added."
        )?;
    }
    Ok(())
}

/// A command that did not succeed: what to tell the user and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// Bad input: exit 2, nothing stored changed.
    pub fn usage(message: impl fmt::Display) -> Failure {
        Failure {
            code: 2,
            message: message.to_string(),
        }
    }

    /// Something went wrong doing the work: exit 1.
    pub fn failed(message: impl fmt::Display) -> Failure {
        Failure {
            code: 1,
            message: message.to_string(),
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Failure {
        let e = e.into();
        // A reader that stopped early (`attune history | head`) is not a failure.
        let kind = e
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        let closed = kind == Some(std::io::ErrorKind::BrokenPipe);
        if closed {
            return Failure {
                code: 0,
                message: String::new(),
            };
        }
        Failure::failed(format!("{e:#}"))
    }
}

pub type Outcome = Result<(), Failure>;

/// A command's end: done, or the full screen `main` should open (in a terminal).
pub type Routed = Result<Option<crate::tui::Start>, Failure>;

/// What every command gets: where the store is.
pub struct Ctx {
    pub layout: Layout,
    pub color: bool,
    /// Whether stdout is a terminal: a person reads a short sentence there, a pipe the id.
    pub terminal: bool,
    pub config_dir: Option<PathBuf>,
    pub config: crate::config::Config,
    /// Where the settings came from (for `attune config --path`).
    pub config_path: Option<PathBuf>,
    /// What could not be used in the settings file, each a whole warning (for
    /// `attune config --check`; main has already said them on stderr).
    pub config_problems: Vec<String>,
    /// The only source of the time for every command.
    pub clock: crate::clock::Clock,
    /// Saves that had to go beside a damaged file, said once when the command ends.
    pub notes: crate::store::Notes,
}

impl Ctx {
    /// Open the store for writing, creating its folders on first use.
    pub fn open_store(&self) -> Result<Store, Failure> {
        encrypt::apply_local_policy(self);
        Store::open(self.layout.clone())
            .map(|s| s.with_notes(self.notes.clone()))
            .map_err(Failure::failed)
    }

    /// Open the store only to read; None when nothing has been stored yet. Creates
    /// nothing, so a mistyped folder is not made.
    pub fn read_store(&self) -> Result<Option<Store>, Failure> {
        let store = self.read_store_as_is()?;
        if store.is_some() {
            // An encrypted folder this device cannot open says how to join, not "damaged".
            encrypt::ready_to_read(self)?;
        }
        Ok(store)
    }

    /// Open the store only to read, whether or not this device can open its records.
    pub fn read_store_as_is(&self) -> Result<Option<Store>, Failure> {
        if !self.layout.data_dir.exists() {
            return Ok(None);
        }
        encrypt::apply_local_policy(self);
        Store::reader(self.layout.clone())
            .map(|s| Some(s.with_notes(self.notes.clone())))
            .map_err(Failure::failed)
    }
}

/// What a command says once it has saved a record: a short sentence for a person at a
/// terminal, the id for a pipe, or `{"id": …}` with `--json`.
fn say_saved(
    ctx: &Ctx,
    json: bool,
    human: &str,
    id: &uuid::Uuid,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if json {
        writeln!(out, "{}", serde_json::json!({ "id": id.to_string() }))
    } else if ctx.terminal {
        writeln!(out, "{human}")
    } else {
        writeln!(out, "{id}")
    }
}

/// Run one subcommand, writing its normal output to `out` and warnings to `err`.
/// `Ok(Some(start))` asks `main` to open the full screen there.
pub fn run(ctx: &Ctx, command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    let routed = dispatch(ctx, command, out, err);
    say_kept_beside(err, &ctx.notes.take());
    routed
}

/// Whether a command reads records: in an encrypted folder this device cannot open, it
/// then says how to join (exit 2) rather than give an empty answer.
fn reads_records(command: &Command) -> bool {
    use journal::Sub as J;
    match command {
        Command::History(_) | Command::Trends(_) | Command::Export(_) | Command::Status(_) => true,
        Command::Journal(a) => matches!(
            a.command,
            Some(
                J::List(_) | J::Show { .. } | J::Search { .. } | J::Edit { .. } | J::Delete { .. }
            )
        ),
        Command::Checkin(a) => a.command.is_some(),
        _ => false,
    }
}

fn dispatch(ctx: &Ctx, command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Routed {
    if reads_records(&command) && ctx.layout.data_dir.exists() {
        // A prompt line never asks and never breaks a prompt: without the key, nothing.
        if let Command::Status(a) = &command
            && a.prompt
        {
            if !encrypt::can_read_now(ctx) {
                return Ok(None);
            }
        } else {
            encrypt::ready_to_read(ctx)?;
        }
    }
    let done = match command {
        Command::Breathe(args) => return breathe::run(ctx, args, out, err),
        Command::Patterns(args) => patterns::run(ctx, args, out),
        Command::Ground(args) => return ground::run(ctx, args, out, err),
        Command::Journal(args) => return journal::run(ctx, args, out, err),
        Command::Prompts(args) => prompts::prompts_run(ctx, args, out),
        Command::Trends(args) => return trends::run(ctx, args, out, err),
        Command::Checkin(args) => checkin::run(ctx, args, out, err),
        Command::History(args) => history::run(ctx, args, out, err),
        Command::Export(args) => export::run(ctx, args, out, err),
        Command::Import(args) => import::run(ctx, args, out),
        Command::Heart(args) => heart::run(ctx, args, out, err),
        Command::Doctor(args) => doctor::run(ctx, args, out),
        Command::Encrypt(args) => encrypt::run(ctx, args, out, err),
        Command::Status(args) => status::run(ctx, args, out),
        Command::Config(args) => settings::run(ctx, args, out),
        Command::Completions(args) => completions(args, out),
        Command::Man => manual::run(&ctx.config, out),
        Command::Sound(args) => sound::run(ctx, args, out),
        Command::DeleteEverything => wipe::run(ctx, out),
    };
    done.map(|()| None)
}

/// Made in memory first: clap_complete panics when its own write fails, and a reader that
/// stops early (`attune completions bash | head -1`) is a quiet exit, never a panic.
fn completions(args: status::CompletionArgs, out: &mut dyn Write) -> Outcome {
    let mut script = Vec::new();
    status::completions(args, &mut script)?;
    out.write_all(&script)?;
    Ok(())
}

/// Say once, on stderr, that a save was kept beside a month file attune cannot read.
fn say_kept_beside(err: &mut dyn Write, kept: &[crate::store::Beside]) {
    for b in kept {
        let _ = writeln!(
            err,
            "attune: {}, so this was saved beside it in {}. `attune doctor` explains.",
            b.damaged,
            b.kept_in.display()
        );
    }
}

/// Say, on stderr, which files could not be read, without stopping the command.
/// One line on stderr when records were kept but could not be read, so none is hidden.
pub fn warn_unreadable(err: &mut dyn Write, count: usize) {
    if let Some(said) = crate::copy::store::unreadable(count) {
        let _ = writeln!(err, "{said}");
    }
}

pub fn warn_problems(err: &mut dyn Write, problems: &[crate::store::month_file::FileProblem]) {
    for p in problems {
        // A synced folder's names are anyone's bytes: shown, never acted on.
        let said = format!("attune: skipped {p}. `attune doctor` explains what to do.");
        let _ = writeln!(err, "{}", crate::copy::safe::text(&said));
    }
}
