//! `attune checkin`: record a check-in from the command line: a short sentence on a terminal,
//! its id in a pipe or with `--json`.

use super::{Ctx, Failure, Outcome};
use crate::domain::checkin::{Scale, check_value, tidy};
use crate::service::checkin::{SaveError, save_checkin};
use crate::store::model::Checkin;
use std::io::Write;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
    /// How upset or stressed you feel: 0 calm, 10 the most upset
    #[arg(
        long,
        value_name = "0-10",
        allow_negative_numbers = true,
        required = true
    )]
    pub distress: Option<i64>,
    #[command(flatten)]
    pub measures: Measures,
    /// Print the new check-in's id (as it is printed when not on a terminal)
    #[arg(long)]
    pub json: bool,
}

/// The optional parts of a check-in, shared by a new one and `checkin edit`.
#[derive(Debug, clap::Args)]
pub struct Measures {
    /// Muscle tension: 0 loose, 10 very tight
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub tension: Option<i64>,
    /// Breathing ease: 0 hard to breathe, 10 easy and free
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub breath: Option<i64>,
    /// Energy: 0 empty, 10 full of energy
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub energy: Option<i64>,
    /// Sleep restfulness: 0 not rested, 10 well rested
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub sleep: Option<i64>,
    /// Pain: 0 none, 10 the worst
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub pain: Option<i64>,
    /// A body-sensation word, e.g. "tight chest" (repeat for more)
    #[arg(long = "sensation", value_name = "WORD")]
    pub sensations: Vec<String>,
    /// A one-line note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

impl Measures {
    /// Set on `c` each value given (sensations and note replace what `c` held).
    pub fn apply(&self, c: &mut Checkin) -> Result<(), Failure> {
        let given = [
            (Scale::Tension, self.tension),
            (Scale::Breath, self.breath),
            (Scale::Energy, self.energy),
            (Scale::Sleep, self.sleep),
            (Scale::Pain, self.pain),
        ];
        for (scale, value) in given {
            if let Some(v) = value {
                scale.set(c, Some(check_value(scale, v).map_err(Failure::usage)?));
            }
        }
        if !self.sensations.is_empty() {
            c.sensations = self.sensations.clone();
        }
        if self.note.is_some() {
            c.note = self.note.clone();
        }
        Ok(())
    }

    /// Whether no value was given.
    pub fn is_empty(&self) -> bool {
        [
            self.tension,
            self.breath,
            self.energy,
            self.sleep,
            self.pain,
        ]
        .iter()
        .all(Option::is_none)
            && self.sensations.is_empty()
            && self.note.is_none()
    }
}

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum Sub {
    /// Correct a check-in: the values given replace the stored ones
    Edit(Box<super::checkin_edit::EditArgs>),
}

impl Args {
    /// The check-in these flags describe, or the first value out of range.
    fn to_checkin(&self) -> Result<Checkin, Failure> {
        let Some(distress) = self.distress else {
            return Err(Failure::usage("a check-in needs --distress (0-10)"));
        };
        let mut c = Checkin {
            distress: check_value(Scale::Distress, distress).map_err(Failure::usage)?,
            ..Checkin::default()
        };
        self.measures.apply(&mut c)?;
        // Tidied and checked here, before the store is opened: bad input changes nothing.
        tidy(c).map_err(Failure::usage)
    }
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if let Some(Sub::Edit(edit)) = args.command {
        return super::checkin_edit::run(ctx, *edit, out);
    }
    let checkin = args.to_checkin()?;
    let distress = checkin.distress;
    let store = ctx.open_store()?;
    let record = save_checkin(&store, checkin, ctx.clock.wall()).map_err(|e| match e {
        SaveError::Invalid(e) => Failure::usage(e),
        SaveError::Store(e) => Failure::failed(e),
    })?;
    let said = crate::copy::summary::saved_checkin(distress);
    super::say_saved(ctx, args.json, &said, &record.id, out)?;
    if let crate::store::model::Body::Checkin(c) = &record.body
        && c.distress >= crate::domain::checkin::HIGH_DISTRESS
    {
        // On stderr, so scripts reading the id from stdout are not disturbed.
        super::gentle_offer(err, &ctx.config, false)?;
    }
    Ok(())
}
