//! `attune export`.

use super::{Ctx, Outcome};
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args, _out: &mut dyn Write, _err: &mut dyn Write) -> Outcome {
    todo!()
}
