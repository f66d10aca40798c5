//! attune's entry point: parse arguments; no subcommand opens the TUI, else run the CLI.

use attune::cli::{self, Cli, Ctx};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
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
    // `status --prompt` must never break a prompt, so a bad config only stops other commands.
    let lenient = matches!(&args.command, Some(cli::Command::Status(_)));
    let mut config = match &config_path {
        Some(path) => match attune::config::Config::load(path, args.config.is_some()) {
            Ok(c) => c,
            Err(_) if lenient => attune::config::Config::default(),
            Err(e) => return fail(2, &e.to_string()),
        },
        None => attune::config::Config::default(),
    };
    // Key overrides are checked against the keymap here, before the terminal changes.
    if let (Err(why), false) = (
        attune::tui::keymap::Keymap::with_overrides(&config.keys),
        lenient,
    ) {
        let path = config_path
            .as_ref()
            .map_or(String::new(), |p| format!("{}: ", p.display()));
        return fail(2, &format!("{path}{why}"));
    }
    // The flag and the setting mean the same: every screen after this sees one answer.
    config.breathing.reduced_motion = args.reduced_motion || config.breathing.reduced_motion;
    let ctx = Ctx {
        layout,
        color,
        config_dir,
        config,
        config_path,
        // The one reading of the clock's source; everything below is handed the time.
        clock: attune::clock::Clock::system(),
        notes: Default::default(),
    };
    let Some(command) = args.command else {
        return open_tui(&ctx, attune::tui::Start::Home);
    };
    // Buffered: a JSON answer of many lines goes out in a few writes, not one per line.
    let (mut out, mut err) = (
        std::io::BufWriter::new(std::io::stdout().lock()),
        std::io::stderr(),
    );
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
    let opts = attune::tui::Options {
        layout: ctx.layout.clone(),
        color: ctx.color,
        config_dir: ctx.config_dir.clone(),
        start,
        config: ctx.config.clone(),
        reduced_motion: ctx.config.breathing.reduced_motion,
        clock: ctx.clock,
    };
    match attune::tui::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(1, &format!("{e:#}")),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("attune: {message}");
    ExitCode::from(code)
}
