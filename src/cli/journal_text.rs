//! Where a journal entry's words come from on the command line (stdin, or $VISUAL and
//! $EDITOR), and where they go when they cannot be saved: the journal's draft, never lost.

use super::{Ctx, Failure};
use crate::domain::journal::has_text;
use crate::service::journal::NewEntry;
use crate::store::drafts::Draft;
use std::io::Read;

/// A draft of a new entry's words, as the journal would keep it.
pub(super) fn new_draft(entry: &NewEntry, text: String, at: crate::store::model::Stamp) -> Draft {
    let mut d = Draft::new(text, at);
    d.prompt_id = entry.prompt_id.clone();
    d.tags = entry.tags.clone();
    d.sensations = entry.sensations.clone();
    d
}

/// All of stdin as text. Bytes that are not UTF-8 are a mistake in the input (exit 2),
/// said plainly, rather than a failure to save.
pub(super) fn read_stdin() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::usage(
            "the text on stdin is not UTF-8, so nothing was saved; save it as UTF-8 and try again",
        )
    })
}

/// Edit `start` in $VISUAL or $EDITOR (vi if neither is set), in a private temp file in
/// local state that is removed afterwards. Words written in an editor that then fails are
/// kept as a draft (`keep`), never dropped with the temp file.
pub(super) fn in_editor(
    ctx: &Ctx,
    start: &str,
    keep: &dyn Fn(String) -> Failure,
) -> Result<String, Failure> {
    super::encrypt::apply_local_policy(ctx);
    let (dir, in_memory) = crate::service::outside_editor::folder(&ctx.layout.state_dir);
    let announce = |file: &std::path::Path| {
        // Where words wait unsealed, while this device keeps its local state sealed.
        if crate::store::crypt::local_seal().is_some() {
            use std::io::Write;
            let said = crate::copy::crypt::editing_in(&file.display().to_string(), in_memory);
            let _ = writeln!(std::io::stderr(), "{}", crate::copy::safe::line(&said));
        }
    };
    let edited =
        crate::service::outside_editor::edit(&dir, start, &announce).map_err(Failure::failed)?;
    if !edited.clean {
        if edited.text != start && has_text(&edited.text) {
            return Err(keep(edited.text));
        }
        return Err(Failure::failed(format!(
            "the editor \"{}\" did not finish cleanly; nothing was saved",
            edited.editor
        )));
    }
    Ok(edited.text)
}

/// Words that could not be saved, kept as a draft: the failure says why and where they are.
pub(super) fn kept_as_draft(ctx: &Ctx, draft: &Draft, why: &str) -> Failure {
    match crate::store::drafts::keep(&ctx.layout.state_dir, draft) {
        Ok(path) => Failure::failed(format!(
            "{why}; your words are kept in {} and the journal offers them back when you open it",
            path.display()
        )),
        Err(e) => Failure::failed(format!("{why}, and keeping your words failed too: {e}")),
    }
}
