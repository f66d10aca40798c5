//! Getting a passphrase: from a file for scripts and tests (`--passphrase-file`, or
//! `ATTUNE_PASSPHRASE_FILE`), else typed on the terminal without echo. Never from
//! arguments (they show in process lists) and never written anywhere.

use super::Failure;
use crate::copy::crypt as words;
use age::secrecy::SecretString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

/// A passphrase is one line; a file longer than this is not a passphrase file.
const MAX_BYTES: u64 = 4096;

/// Where a passphrase comes from.
pub struct Source {
    file: Option<PathBuf>,
}

impl Source {
    /// The flag's file, else the environment's, else the terminal.
    pub fn new(flag: Option<PathBuf>) -> Source {
        let env = std::env::var_os("ATTUNE_PASSPHRASE_FILE").filter(|v| !v.is_empty());
        Source {
            file: flag.or_else(|| env.map(PathBuf::from)),
        }
    }

    /// Whether a passphrase can be had at all (a file, or a terminal to ask on).
    pub fn available(&self) -> bool {
        self.file.is_some() || std::io::stdin().is_terminal()
    }

    /// The passphrase, asked once.
    pub fn once(&self) -> Result<SecretString, Failure> {
        match &self.file {
            Some(file) => from_file(file),
            None => ask(words::ASK),
        }
    }

    /// A new passphrase: asked twice on a terminal, the two compared.
    pub fn new_one(&self) -> Result<SecretString, Failure> {
        if let Some(file) = &self.file {
            return from_file(file);
        }
        use age::secrecy::ExposeSecret;
        let first = ask(words::ASK_NEW)?;
        let again = ask(words::ASK_AGAIN)?;
        if first.expose_secret() != again.expose_secret() {
            return Err(Failure::usage(words::NOT_THE_SAME));
        }
        Ok(first)
    }
}

/// The first line of the file (a trailing newline is not part of the passphrase).
fn from_file(path: &Path) -> Result<SecretString, Failure> {
    first_line(path).map(SecretString::from)
}

/// The first line of a small text file the user named (a passphrase, a recovery key).
pub fn first_line(path: &Path) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let shown = crate::copy::safe::text(&shown);
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::usage(format!("{shown} cannot be read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("{shown} cannot be read: {e}")))?;
    let text =
        String::from_utf8(bytes).map_err(|_| Failure::usage(format!("{shown} is not text")))?;
    let line = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r');
    if line.is_empty() {
        return Err(Failure::usage(words::EMPTY));
    }
    Ok(line.to_string())
}

/// Ask on the terminal with nothing echoed; Esc or Ctrl-C gives up, changing nothing.
fn ask(prompt: &str) -> Result<SecretString, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(words::NO_TERMINAL));
    }
    let typed = read_hidden(prompt);
    let _ = writeln!(std::io::stderr());
    match typed {
        Ok(Some(text)) if !text.is_empty() => Ok(SecretString::from(text)),
        Ok(Some(_)) => Err(Failure::usage(words::EMPTY)),
        Ok(None) => Err(Failure::usage(words::GAVE_UP)),
        Err(e) => Err(Failure::failed(e)),
    }
}

/// Leaves raw mode however reading ends.
struct Raw;

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = ratatui::crossterm::terminal::disable_raw_mode();
    }
}

/// Keys until Enter (Some) or Esc / Ctrl-C (None). Echo is off before the prompt shows,
/// so nothing typed after it can appear on the screen.
fn read_hidden(prompt: &str) -> std::io::Result<Option<String>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    ratatui::crossterm::terminal::enable_raw_mode()?;
    let _raw = Raw;
    let mut err = std::io::stderr();
    write!(err, "{prompt}")?;
    err.flush()?;
    let mut text = String::new();
    loop {
        let Event::Key(key) = event::read()? else {
            continue;
        };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => return Ok(Some(text)),
            KeyCode::Esc => return Ok(None),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Ok(None);
            }
            KeyCode::Backspace => drop(text.pop()),
            KeyCode::Char(c) => text.push(c),
            _ => {}
        }
    }
}
