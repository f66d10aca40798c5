//! `attune man`: the manual page in roff, one page with every command, where to find your
//! files, the exit codes and the crisis lines.

use super::{Cli, Outcome};
use crate::copy::manual;
use clap::CommandFactory;
use std::io::Write;

/// Roff's special characters made plain: a backslash, and a dot or quote at a line's start.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.chars().next() {
        Some('.' | '\'') => format!("\\&{escaped}"),
        _ => escaped,
    }
}

fn section(page: &mut Vec<u8>, title: &str, rows: &[(String, String)]) -> std::io::Result<()> {
    writeln!(page, ".SH {title}")?;
    list(page, rows)
}

fn list(page: &mut Vec<u8>, rows: &[(String, String)]) -> std::io::Result<()> {
    for (name, said) in rows {
        writeln!(page, ".TP\n\\fB{}\\fR\n{}", roff(name), roff(said))?;
    }
    Ok(())
}

fn owned(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

pub fn run(config: &crate::config::Config, out: &mut dyn Write) -> Outcome {
    let cli = Cli::command();
    let man = clap_mangen::Man::new(cli.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    // Every command on this one page: there are no attune-<command> pages to point at.
    let commands: Vec<(String, String)> = cli
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            let about = c.get_about().map(ToString::to_string).unwrap_or_default();
            (format!("attune {}", c.get_name()), about)
        })
        .collect();
    section(&mut page, "COMMANDS", &commands)?;
    writeln!(
        page,
        "Each command's own options: \\fBattune\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR."
    )?;
    section(&mut page, "ENVIRONMENT", &owned(manual::ENVIRONMENT))?;
    section(&mut page, "FILES", &owned(manual::FILES))?;
    section(&mut page, "EXIT STATUS", &owned(manual::EXIT_STATUS))?;
    writeln!(page, ".SH CRISIS LINES\n{}", roff(manual::CRISIS_INTRO))?;
    let lines: Vec<(String, String)> = config
        .crisis_lines()
        .lines
        .iter()
        .map(|l| {
            let region = crate::copy::safe::line(&l.region).to_string();
            let said = format!("{} ({})", l.contact, l.name);
            (region, crate::copy::safe::line(&said).to_string())
        })
        .collect();
    list(&mut page, &lines)?;
    man.render_version_section(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}
