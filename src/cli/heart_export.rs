//! `attune heart export SESSION --format csv`: the beats kept beside a practice on this
//! device (`attune breathe --heart … --keep-beats`), for the user's own analysis. A session
//! deleted since (here or on another device) has no beats to give, and its file goes.

use super::{Ctx, Failure, Outcome};
use crate::copy::heart as say;
use crate::service::correct::{self, CorrectError};
use crate::store::model::Kind;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The session's id, or its first characters (`attune history --json` lists them)
    pub session: String,
    /// The format of the beats: csv (beat, arrived_s, rr_ms)
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
}

pub fn run(ctx: &Ctx, args: ExportArgs, out: &mut dyn Write) -> Outcome {
    let what = "session";
    let refuse = |e| super::heart::refusal(what, e);
    let none = || {
        refuse(CorrectError::NotFound {
            what,
            id: args.session.clone(),
        })
    };
    let state = &ctx.layout.state_dir;
    let store = ctx.read_store()?.ok_or_else(none)?;
    let record = match correct::find(&store, &args.session, &[Kind::Session]) {
        Ok(record) => record,
        Err(e) => {
            // Deleted (perhaps on another device): its beats go too.
            if let CorrectError::NotFound { .. } = e {
                let _ = crate::store::beats::remove(state, &args.session);
            }
            return Err(refuse(e));
        }
    };
    let id = record.id.to_string();
    match crate::store::beats::read(state, &id) {
        Ok(Some(csv)) => {
            out.write_all(csv.as_bytes())?;
            Ok(())
        }
        Ok(None) => Err(Failure::usage(say::BEATS_NONE)),
        Err(e) => Err(Failure::failed(e)),
    }
}
