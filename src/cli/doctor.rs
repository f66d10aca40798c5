//! `attune doctor`: say plainly whether the store is healthy, and what to do if not.

use super::{Ctx, Failure, Outcome};
use crate::service::doctor::{Finding, Fix, check, repair};
use crate::store::device;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Also fix what is safe to fix: permissions, this device's leftover temporary files,
    /// and this device's month files (copies folded in, records moved to their month)
    #[arg(long)]
    pub fix: bool,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write) -> Outcome {
    let layout = &ctx.layout;
    let shown =
        |p: &std::path::Path| crate::copy::safe::line(&p.display().to_string()).into_owned();
    writeln!(out, "Records folder: {}", shown(&layout.data_dir))?;
    writeln!(out, "Local state:    {}", shown(&layout.state_dir))?;
    if !layout.data_dir.exists() {
        writeln!(out, "Nothing is stored yet; attune makes the folders on the first save.")?;
        return Ok(());
    }
    let this_device = device::existing(layout).map_err(Failure::failed)?;
    // The keys this device keeps, so sealed files are checked like plain ones.
    crate::store::crypt::key::load(layout);
    let device = this_device.as_deref();
    let mut report = check(layout, device)?;
    if args.fix && !report.healthy() {
        repair(layout, device, &report)?;
        let after = check(layout, device)?;
        let still = |f: &Finding| {
            after
                .findings
                .iter()
                .any(|a| a.path == f.path && a.what == f.what)
        };
        for f in report
            .findings
            .iter()
            .filter(|f| f.fix != Fix::None && !still(f))
        {
            let path = f.path.display().to_string();
            let (path, what) = (crate::copy::safe::line(&path), crate::copy::safe::line(&f.what));
            writeln!(out, "Fixed: {path} {what}")?;
        }
        report = after;
    }
    writeln!(
        out,
        "Checked {} files from {} device(s), {} records.",
        report.files, report.devices, report.records
    )?;
    if report.healthy() {
        writeln!(out, "All is well.")?;
        return Ok(());
    }
    for f in &report.findings {
        writeln!(
            out,
            "\n{} {}.\n  What to do: {}.",
            crate::copy::safe::line(&f.path.display().to_string()),
            crate::copy::safe::line(&f.what),
            crate::copy::safe::line(&f.todo)
        )?;
    }
    Err(Failure::failed(format!(
        "{} thing(s) need attention; see above",
        report.findings.len()
    )))
}
