//! Link order: the functions the daily loop runs are placed together at the start of the
//! code, so the kernel maps fewer of the binary's pages (peak memory while breathing).

use std::env;
use std::process::Command;

fn main() {
    let order = "link/hot-functions.txt";
    println!("cargo::rerun-if-changed={order}");
    println!("cargo::rerun-if-env-changed=ATTUNE_LINK_ORDER");
    if wants_order() {
        let path = format!("{}/{order}", env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
        println!("cargo::rustc-link-arg-bin=attune=-Wl,--symbol-ordering-file={path}");
        println!("cargo::rustc-link-arg-bin=attune=-Wl,--no-warn-symbol-ordering");
    }
}

/// Only where the linker is known to be lld: release builds for x86_64 Linux with rustc
/// 1.90 or later (its default linker there). `ATTUNE_LINK_ORDER=0` turns it off.
fn wants_order() -> bool {
    let var = |k: &str| env::var(k).unwrap_or_default();
    var("ATTUNE_LINK_ORDER") != "0"
        && var("PROFILE") == "release"
        && var("TARGET") == "x86_64-unknown-linux-gnu"
        && rustc_minor().is_some_and(|m| m >= 90)
}

fn rustc_minor() -> Option<u32> {
    let rustc = env::var("RUSTC").ok()?;
    let out = Command::new(rustc).arg("-V").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    text.split_whitespace()
        .nth(1)?
        .split('.')
        .nth(1)?
        .parse()
        .ok()
}
