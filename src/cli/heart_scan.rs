//! `attune heart scan`: the heart-rate straps heard nearby, by name and address, and how to
//! practise with one. It needs the `ble` feature; without it, it says how to get one.

use super::{Failure, Outcome};
use crate::copy::heart as say;
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// How long to listen, 1-60 seconds
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub seconds: u64,
}

pub fn run(args: ScanArgs, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    if !(1..=60).contains(&args.seconds) {
        return Err(Failure::usage(say::SCAN_SECONDS));
    }
    scan(args.seconds, out, err)
}

/// Each strap on a line as it is heard, then how to use one (the first one's name).
#[cfg(feature = "ble")]
fn scan(seconds: u64, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    use crate::service::heart_ble::Heard;
    let mut first: Option<Option<String>> = None;
    let mut wrote = Ok(());
    let length = std::time::Duration::from_secs(seconds);
    crate::service::heart_ble::scan(length, &mut |heard| {
        let said = match heard {
            Heard::Listening => writeln!(err, "{}", say::scanning(seconds)),
            Heard::Strap(s) => {
                let line = say::strap(s.name.as_deref(), &s.address);
                first.get_or_insert(s.name);
                writeln!(out, "{line}")
            }
        };
        if wrote.is_ok() {
            wrote = said;
        }
    })
    .map_err(Failure::failed)?;
    wrote?;
    match first {
        Some(name) => writeln!(out, "{}", say::scan_use(name.as_deref()))?,
        None => writeln!(out, "{}", say::SCAN_NONE)?,
    }
    Ok(())
}

/// Without the `ble` feature there is no Bluetooth to scan with: said plainly.
#[cfg(not(feature = "ble"))]
fn scan(_seconds: u64, _out: &mut dyn Write, _err: &mut dyn Write) -> Outcome {
    Err(Failure::usage(say::NO_BLE))
}
