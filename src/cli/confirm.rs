//! Asking a yes-or-no question on the terminal before something that cannot be taken
//! back; without a terminal to ask on, the command needs `--yes` instead.

use super::Failure;
use std::io::{BufRead, IsTerminal, Write};

/// Whether the person said yes to `question` (written as is, answered on stdin).
/// `yes` answers for them; with no terminal and no `yes`, it is a usage error.
pub fn ask(
    question: &str,
    yes: bool,
    needs_yes: &str,
    out: &mut dyn Write,
) -> Result<bool, Failure> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(needs_yes));
    }
    write!(out, "{question}")?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(answer.trim().eq_ignore_ascii_case("y"))
}
