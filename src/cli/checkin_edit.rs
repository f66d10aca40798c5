//! `attune checkin edit ID`: correct a check-in. The values given replace the stored ones,
//! `--clear` empties an item, and the new version wins over the old on every device.

use super::{Ctx, Failure, Outcome};
use crate::copy::{correct as words, safe};
use crate::domain::checkin::{Scale, check_value};
use crate::service::correct::{self, CorrectError};
use crate::store::model::{Body, Checkin, Kind};
use std::io::Write;

/// What `--clear` can empty (distress cannot be empty: every check-in has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Clearable {
    Tension,
    Breath,
    Energy,
    Sleep,
    Pain,
    Sensations,
    Note,
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The check-in's id, its start or its end (see `attune history --kind checkin --json`)
    pub id: String,
    /// New distress, 0-10
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub distress: Option<i64>,
    #[command(flatten)]
    pub measures: super::checkin::Measures,
    /// Empty an item (repeat for more)
    #[arg(long, value_name = "ITEM")]
    pub clear: Vec<Clearable>,
}

impl EditArgs {
    fn is_empty(&self) -> bool {
        self.distress.is_none() && self.measures.is_empty() && self.clear.is_empty()
    }

    /// `old` with these changes made, or the first value out of range.
    fn apply(&self, old: &Checkin) -> Result<Checkin, Failure> {
        let mut c = old.clone();
        if let Some(v) = self.distress {
            c.distress = check_value(Scale::Distress, v).map_err(Failure::usage)?;
        }
        self.measures.apply(&mut c)?;
        for item in &self.clear {
            match item {
                Clearable::Tension => c.tension = None,
                Clearable::Breath => c.breath = None,
                Clearable::Energy => c.energy = None,
                Clearable::Sleep => c.sleep = None,
                Clearable::Pain => c.pain = None,
                Clearable::Sensations => c.sensations.clear(),
                Clearable::Note => c.note = None,
            }
        }
        Ok(c)
    }
}

pub fn run(ctx: &Ctx, args: EditArgs, out: &mut dyn Write) -> Outcome {
    if args.is_empty() {
        return Err(Failure::usage(words::NOTHING_TO_CHANGE_CHECKIN));
    }
    let store = ctx.read_store()?.ok_or_else(|| {
        failure(CorrectError::NotFound {
            what: "check-in",
            id: args.id.clone(),
        })
    })?;
    let record = correct::find(&store, &args.id, &[Kind::Checkin]).map_err(failure)?;
    let Body::Checkin(old) = &record.body else {
        return Err(failure(CorrectError::NotCheckin(args.id.clone())));
    };
    let checkin = args.apply(old)?;
    let store = ctx.open_store()?;
    let (updated, report) =
        correct::edit_checkin(&store, &record, checkin, ctx.clock.wall()).map_err(failure)?;
    let said = if report.changed == 0 {
        words::NOTHING_CHANGED.to_string()
    } else {
        words::changed(&updated)
    };
    writeln!(out, "{}", safe::line(&said))?;
    Ok(())
}

/// A bad id or value is the person's to fix (exit 2); a store failure is not.
pub fn failure(e: CorrectError) -> Failure {
    if e.is_usage() {
        Failure::usage(safe::line(&e.to_string()))
    } else {
        Failure::failed(e)
    }
}
