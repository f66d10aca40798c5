//! `attune delete-everything`: the user owns their data. Asks twice, then removes the
//! records, drafts, indexes and local state, and says what it removed. Settings stay.

use super::{Ctx, Failure, Outcome};
use std::io::{BufRead, Write};
use std::path::Path;

/// Files under `dir`, counted (0 when it is not there).
fn count_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| {
            if e.path().is_dir() {
                count_files(&e.path())
            } else {
                1
            }
        })
        .sum()
}

fn ask(out: &mut dyn Write, question: &str, want: &str) -> Result<bool, Failure> {
    write!(out, "{question} ")?;
    out.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim() == want)
}

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Outcome {
    let records = ctx.layout.records_dir();
    let state = &ctx.layout.state_dir;
    let (n_records, n_state) = (count_files(&records), count_files(state));
    if n_records == 0 && n_state == 0 {
        writeln!(out, "There is nothing to delete.")?;
        return Ok(());
    }
    let shown = |p: &Path| crate::copy::safe::line(&p.display().to_string()).into_owned();
    writeln!(
        out,
        "This removes {n_records} record file(s) in {} and {n_state} file(s) of drafts and local state in {}.",
        shown(&records),
        shown(state)
    )?;
    writeln!(
        out,
        "If this folder is synced, the records go from your other devices too. `attune export` keeps a copy first."
    )?;
    if !ask(out, "Type delete to go on:", "delete")? {
        writeln!(out, "Nothing was removed.")?;
        return Ok(());
    }
    if !ask(out, "Last check. This cannot be undone. Type yes to remove everything:", "yes")? {
        writeln!(out, "Nothing was removed.")?;
        return Ok(());
    }
    for dir in [&records, state] {
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Failure::failed(format!("{}: {e}", dir.display())));
            }
            _ => {}
        }
    }
    // The wrapped key goes with the records it protected (the kept key went with state).
    crate::store::crypt::marker::remove(&ctx.layout)
        .map_err(|e| Failure::failed(format!("{}: {e}", ctx.layout.data_dir.display())))?;
    writeln!(
        out,
        "Removed {n_records} record file(s) and {n_state} file(s) of drafts and local state. Your settings are kept."
    )?;
    Ok(())
}
