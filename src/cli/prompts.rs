//! `attune prompts`: the journal prompts by category, today's first.

use super::{Failure, Outcome};
use crate::content::prompts;
use crate::copy::safe;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct PromptsArgs {
    /// Only this category
    #[arg(long, value_name = "ID")]
    pub category: Option<String>,
}

/// `attune prompts`: today's prompt, then every prompt by category.
pub fn prompts_run(ctx: &super::Ctx, args: PromptsArgs, out: &mut dyn Write) -> Outcome {
    let all = prompts();
    if let Some(c) = &args.category
        && !all.categories.iter().any(|x| &x.id == c)
    {
        let known: Vec<&str> = all.categories.iter().map(|x| x.id.as_str()).collect();
        return Err(Failure::usage(format!(
            "there is no category \"{c}\". Categories: {}",
            known.join(", ")
        )));
    }
    if args.category.is_none()
        && let Some(p) = all.of_the_day(ctx.clock.wall().date_naive(), 0)
    {
        let today = format!("Today: {}  ({})", p.text, p.id);
        writeln!(out, "{}\n", safe::line(&today))?;
    }
    for c in all
        .categories
        .iter()
        .filter(|c| args.category.as_ref().is_none_or(|x| *x == c.id))
    {
        let note = if c.opt_in {
            "  (only when you choose it)"
        } else {
            ""
        };
        let title = format!("{} [{}]{note}", c.title, c.id);
        writeln!(out, "{}", safe::line(&title))?;
        for p in all.prompts.iter().filter(|p| p.category == c.id) {
            writeln!(out, "{}", safe::line(&format!("  {:<14} {}", p.id, p.text)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
