//! attune's entry point: parse arguments; no subcommand opens the TUI, else run the CLI.

use attune::cli::{self, Cli, Ctx};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    keep_writing_past_a_size_limit();
    let args = match prompt_only().map_or_else(Cli::try_parse, Ok) {
        Ok(args) => args,
        Err(e) => return usage(&e),
    };
    let color = !args.no_color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let layout = match attune::paths::resolve(args.data_dir.clone()) {
        Ok(layout) => layout,
        Err(e) => return fail(1, &e.to_string()),
    };
    let config_dir = attune::paths::config_dir();
    let config_path = args
        .config
        .clone()
        .or_else(|| config_dir.as_ref().map(|d| d.join(attune::config::FILE)));
    let loaded = settings(&args, config_path.as_deref());
    let mut config = loaded.config;
    let config_problems: Vec<String> = loaded
        .problems
        .iter()
        .map(attune::config::ConfigError::warning)
        .collect();
    // `status --prompt` must never disturb a prompt, and `config --check` says it itself.
    let quiet = match &args.command {
        Some(cli::Command::Status(a)) => a.prompt,
        Some(cli::Command::Config(a)) => a.check,
        _ => false,
    };
    if !quiet {
        for problem in &config_problems {
            eprintln!("attune: {}", attune::copy::safe::text(problem));
        }
    }
    // The flag and the setting mean the same: every screen after this sees one answer.
    config.breathing.reduced_motion = args.reduced_motion || config.breathing.reduced_motion;
    let ctx = Ctx {
        layout,
        color,
        terminal: std::io::stdout().is_terminal(),
        config_dir,
        config,
        config_path,
        config_problems,
        // The one reading of the clock's source; everything below is handed the time.
        clock: attune::clock::Clock::system(),
        notes: Default::default(),
    };
    let Some(command) = args.command else {
        return open_tui(&ctx, attune::tui::Start::Home);
    };
    // A command waiting on another attune's save says so on stderr; the app stays quiet.
    attune::store::lock::set_waiting(patience(), Some(say_waiting));
    // Buffered: a JSON answer of many lines goes out in a few writes, not one per line.
    let (mut out, mut err) = (std::io::BufWriter::new(std::io::stdout().lock()), std::io::stderr());
    let result = cli::run(&ctx, command, &mut out, &mut err);
    let _ = out.flush();
    drop(out);
    match result {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(start)) => open_tui(&ctx, start),
        Err(f) if f.message.is_empty() => ExitCode::from(f.code),
        Err(f) => fail(f.code, &f.message),
    }
}

/// `attune status --prompt` as it is typed in a shell's prompt, known without building the
/// whole command line's parser (every command's arguments and help: a third of the
/// prompt's time, when its line is kept). Any other words go the usual way.
fn prompt_only() -> Option<Cli> {
    let mut words = std::env::args_os().skip(1);
    let said = (words.next()?, words.next()?, words.next());
    let prompt = said.0 == "status" && said.1 == "--prompt" && said.2.is_none();
    prompt.then_some(Cli {
        data_dir: None,
        no_color: false,
        config: None,
        reduced_motion: false,
        command: Some(cli::Command::Status(cli::status::Args { prompt: true })),
    })
}

/// Past `ulimit -f`, the system would kill attune halfway through writing a file. With
/// SIGXFSZ caught (by a handler that does nothing), the write fails with EFBIG instead, and
/// the save stops cleanly as it does on a full disk: nothing half-written, a plain
/// message. A caught signal is reset for programs attune starts, unlike an ignored one.
fn keep_writing_past_a_size_limit() {
    #[cfg(unix)]
    {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

fn say_waiting() {
    eprintln!("attune: waiting for another attune to finish saving…");
}

/// How long a save waits for another attune's. Debug builds let the tests make it short
/// with `ATTUNE_LOCK_PATIENCE_MS=SPEAK,GIVE_UP`; release builds never read it.
fn patience() -> attune::store::lock::Patience {
    let set = cfg!(debug_assertions)
        .then(|| std::env::var("ATTUNE_LOCK_PATIENCE_MS").ok())
        .flatten();
    let ms = |s: &str| s.trim().parse().ok().map(std::time::Duration::from_millis);
    let asked = set
        .as_deref()
        .and_then(|s| s.split_once(','))
        .and_then(|(speak, give_up)| {
            Some(attune::store::lock::Patience {
                speak_after: ms(speak)?,
                give_up_after: ms(give_up)?,
            })
        });
    asked.unwrap_or_default()
}

/// The settings to use: every one that can be used, each problem named. A broken file
/// never stops attune; the defaults stand in for what cannot be used.
fn settings(args: &Cli, path: Option<&std::path::Path>) -> attune::config::Loaded {
    let Some(path) = path else {
        return attune::config::Loaded::default();
    };
    let mut loaded = attune::config::Config::read(path, args.config.is_some());
    // A prompt never opens the screen, nor says what is wrong with the settings.
    if matches!(&args.command, Some(cli::Command::Status(a)) if a.prompt) {
        return loaded;
    }
    // Key overrides are checked against the keymap here, before the terminal changes.
    if let Err(why) = attune::tui::keymap::Keymap::with_overrides(&loaded.config.keys) {
        loaded.refuse_keys(why);
    }
    loaded
}

/// Open the full-screen app, or explain how to go on without a terminal.
pub fn open_tui(ctx: &Ctx, start: attune::tui::Start) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return fail(
            2,
            "the full-screen app needs a terminal. Without one, use a command: \
             `attune checkin --distress N`, `attune history`, `attune export`, or \
             `attune --help` for the rest.",
        );
    }
    // With encryption.remember = false, the passphrase is asked once, before the screen.
    if let Err(f) = cli::encrypt::before_app(ctx) {
        return fail(f.code, &f.message);
    }
    attune::store::lock::set_waiting(patience(), None);
    let opts = attune::tui::Options {
        layout: ctx.layout.clone(),
        color: ctx.color,
        config_dir: ctx.config_dir.clone(),
        start,
        config: ctx.config.clone(),
        config_notice: !ctx.config_problems.is_empty(),
        reduced_motion: ctx.config.breathing.reduced_motion,
        clock: ctx.clock,
    };
    match attune::tui::run(opts) {
        Ok(attune::tui::Ended::Quit) => ExitCode::SUCCESS,
        Ok(attune::tui::Ended::Said(line)) => {
            // A closed stdout is no failure here: the practice is already saved.
            let _ = writeln!(std::io::stdout(), "{line}");
            ExitCode::SUCCESS
        }
        // The usual exit status for "ended by a signal", after the terminal is back.
        Ok(attune::tui::Ended::Signal(sig)) => {
            ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX))
        }
        Err(e) => fail(1, &format!("{e:#}")),
    }
}

/// Help and the version as clap writes them; a mistake in the arguments said plainly and
/// safely, since clap quotes what was typed (exit 2).
fn usage(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(0));
    }
    let said = e.render().to_string();
    eprint!("{}", attune::copy::safe::text(&said));
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Say what went wrong on stderr. Messages often quote the user's own words or files, so
/// they are shown safely: a name in a message can never act on the terminal.
fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("attune: {}", attune::copy::safe::text(message));
    ExitCode::from(code)
}
