//! `attune encrypt on|join|status|passphrase|off`: encryption at rest for the data
//! folder. The work is in `store::crypt`; this asks for passphrases and says how it went.

use super::encrypt_ask::Source;
use super::{Ctx, Failure, Outcome};
use crate::copy::crypt as words;
use crate::store::crypt::{self, convert, key, marker};
use crate::store::layout::{Layout, device_dirs};
use crate::store::read::listing;
use age::x25519;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, clap::Subcommand)]
#[command(defer = true)]
pub enum What {
    /// Encrypt every record in the data folder (asks a new passphrase twice)
    On(Pass),
    /// Let this device read an encrypted folder (asks the passphrase once)
    Join(Join),
    /// What is encrypted, which devices have written, and whether this device holds the key
    Status,
    /// Change the passphrase; no record is rewritten
    Passphrase(Pass),
    /// Turn every record back into plain JSON (asks twice; --yes for scripts)
    Off(Off),
    /// Print the folder's private key, to keep on paper: it opens the records without
    /// the passphrase (`attune encrypt join --recovery-key FILE`)
    RecoveryKey,
}

#[derive(Debug, clap::Args)]
pub struct Pass {
    /// Read the passphrase from the first line of FILE (or set ATTUNE_PASSPHRASE_FILE)
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct Join {
    #[command(flatten)]
    pub pass: Pass,
    /// Join with the recovery key in FILE instead of the passphrase
    #[arg(long, value_name = "FILE", conflicts_with = "passphrase_file")]
    pub recovery_key: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct Off {
    /// Do it without asking (for scripts)
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub pass: Pass,
}

pub fn run(ctx: &Ctx, args: Args, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    match args.what {
        What::On(pass) => on(ctx, &Source::new(pass.passphrase_file), out, err),
        What::Join(Join {
            recovery_key: Some(file),
            ..
        }) => join_with_recovery_key(ctx, &file, out),
        What::Join(j) => join(ctx, &Source::new(j.pass.passphrase_file), out),
        What::RecoveryKey => recovery_key(ctx, out, err),
        What::Status => status(ctx, out),
        What::Passphrase(pass) => passphrase(ctx, &Source::new(pass.passphrase_file), out),
        What::Off(off) => turn_off(ctx, &off, out, err),
    }
}

/// The folder's marker, or a usage failure when the folder is not encrypted.
fn encrypted(layout: &Layout) -> Result<marker::Marker, Failure> {
    marker::read(layout)
        .map_err(Failure::failed)?
        .ok_or_else(|| Failure::usage(words::NOT_ENCRYPTED))
}

/// The folder's key, held in this process: already held, else unwrapped with the
/// passphrase (and kept on this device unless `encryption.remember = false`).
pub fn unlock(
    ctx: &Ctx,
    marker: &marker::Marker,
    source: &Source,
) -> Result<x25519::Identity, Failure> {
    if let Some(identity) = crypt::held_for(&marker.recipient) {
        return Ok(identity);
    }
    let passphrase = source.once()?;
    let identity = marker.unwrap(&passphrase).map_err(|e| match e {
        marker::MarkerError::WrongPassphrase => Failure::usage(words::WRONG),
        e => Failure::failed(e),
    })?;
    remember(ctx, &identity)?;
    crypt::hold(identity.clone());
    Ok(identity)
}

/// Before a read: the folder's key held, or a calm word on how to get it (exit 2). With
/// `encryption.remember = false` the passphrase is asked here (terminal or file).
pub fn ready_to_read(ctx: &Ctx) -> Outcome {
    apply_local_policy(ctx);
    let Ok(Some(marker)) = marker::read(&ctx.layout) else {
        return Ok(());
    };
    key::load(&ctx.layout);
    if crypt::holds(&marker.recipient) {
        return Ok(());
    }
    if ctx.config.encryption.remember {
        return Err(Failure::usage(words::NOT_JOINED));
    }
    let source = Source::new(None);
    if !source.available() {
        return Err(Failure::usage(words::NEEDS_PASSPHRASE));
    }
    unlock(ctx, &marker, &source).map(drop)
}

/// Whether this device can open the folder's records now, asking nothing.
pub fn can_read_now(ctx: &Ctx) -> bool {
    let Ok(Some(marker)) = marker::read(&ctx.layout) else {
        return true;
    };
    key::load(&ctx.layout);
    crypt::holds(&marker.recipient)
}

/// With `encryption.remember = false` on an encrypted folder, this device's drafts are
/// sealed too and no index holding words is kept, so no word is on its disk in plain.
pub fn apply_local_policy(ctx: &Ctx) {
    if ctx.config.encryption.remember {
        return;
    }
    let Ok(Some(marker)) = marker::read(&ctx.layout) else {
        return;
    };
    crypt::seal_local_state(Some(marker.recipient));
    crypt::drop_word_caches(&ctx.layout);
}

/// Before the full-screen app: with `encryption.remember = false`, the passphrase is
/// asked once here, on the terminal, before the screen is taken. Choosing not to type
/// it still opens the app (saving needs no key).
pub fn before_app(ctx: &Ctx) -> Outcome {
    apply_local_policy(ctx);
    if ctx.config.encryption.remember {
        return Ok(());
    }
    let Ok(Some(marker)) = marker::read(&ctx.layout) else {
        return Ok(());
    };
    let source = Source::new(None);
    if crypt::holds(&marker.recipient) || !source.available() {
        return Ok(());
    }
    match unlock(ctx, &marker, &source) {
        Err(f) if f.message == words::GAVE_UP => Ok(()),
        done => done.map(drop),
    }
}

/// The folder's key for a command that needs it: held already, or with
/// `encryption.remember = false` the passphrase asked now (terminal or
/// ATTUNE_PASSPHRASE_FILE); a device that has not joined is told to join first.
fn current_key(ctx: &Ctx, marker: &marker::Marker) -> Result<x25519::Identity, Failure> {
    key::load(&ctx.layout);
    if let Some(identity) = crypt::held_for(&marker.recipient) {
        return Ok(identity);
    }
    if ctx.config.encryption.remember {
        return Err(Failure::usage(words::NEEDS_JOIN));
    }
    unlock(ctx, marker, &Source::new(None))
}

/// Keep the key on this device, or (remember = false) make sure none is kept.
fn remember(ctx: &Ctx, identity: &x25519::Identity) -> Result<(), Failure> {
    let kept = if ctx.config.encryption.remember {
        key::keep(&ctx.layout, identity)
    } else {
        key::forget(&ctx.layout, &identity.to_public())
    };
    kept.map_err(Failure::failed)
}

fn on(ctx: &Ctx, source: &Source, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let store = ctx.open_store()?;
    let layout = store.layout();
    let recipient = match marker::read(layout).map_err(Failure::failed)? {
        // Begun before (here or on another device): carry on with the folder's own key.
        Some(marker) => unlock(ctx, &marker, source)?.to_public(),
        None => {
            let passphrase = source.new_one()?;
            let identity = x25519::Identity::generate();
            // The key is kept here before the marker appears, so from the moment saves
            // are sealed this device can read them.
            remember(ctx, &identity)?;
            crypt::hold(identity.clone());
            let made = marker::Marker::new(&identity, &passphrase).map_err(Failure::failed)?;
            made.write(layout).map_err(Failure::failed)?;
            writeln!(out, "{}", words::RECOVERY)?;
            identity.to_public()
        }
    };
    let tally = convert::all(layout, &convert::Way::Seal(&recipient)).map_err(Failure::failed)?;
    say_left(err, &tally.left);
    writeln!(out, "{}", words::on_done(tally.turned, tally.left.len()))?;
    if !ctx.config.encryption.remember {
        // Words indexed before the folder was encrypted go now.
        apply_local_policy(ctx);
        writeln!(out, "{}", words::REMEMBER_OFF)?;
    }
    Ok(())
}

fn join(ctx: &Ctx, source: &Source, out: &mut dyn Write) -> Outcome {
    let marker = encrypted(&ctx.layout)?;
    // Opened to write this device's id and hold any key it keeps already.
    let _store = ctx.open_store()?;
    if crypt::holds(&marker.recipient) {
        writeln!(out, "{}", words::ALREADY_JOINED)?;
        return Ok(());
    }
    unlock(ctx, &marker, source)?;
    writeln!(out, "{}", words::JOINED)?;
    if !ctx.config.encryption.remember {
        writeln!(out, "{}", words::REMEMBER_OFF)?;
    }
    Ok(())
}

/// Join with the key itself, for a forgotten passphrase (then `encrypt passphrase`).
fn join_with_recovery_key(ctx: &Ctx, file: &std::path::Path, out: &mut dyn Write) -> Outcome {
    let marker = encrypted(&ctx.layout)?;
    let _store = ctx.open_store()?;
    let text = super::encrypt_ask::first_line(file)?;
    let identity: x25519::Identity = text
        .parse()
        .map_err(|_| Failure::usage(words::NOT_A_RECOVERY_KEY))?;
    if identity.to_public() != marker.recipient {
        return Err(Failure::usage(words::NOT_THIS_FOLDERS_KEY));
    }
    remember(ctx, &identity)?;
    crypt::hold(identity);
    writeln!(out, "{}", words::JOINED)?;
    Ok(())
}

/// The key itself, on stdout only, with a word on stderr about keeping it safe.
fn recovery_key(ctx: &Ctx, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let marker = encrypted(&ctx.layout)?;
    let identity = current_key(ctx, &marker)?;
    use age::secrecy::ExposeSecret;
    writeln!(err, "{}", words::RECOVERY_KEY_NOTE)?;
    writeln!(out, "{}", identity.to_string().expose_secret())?;
    Ok(())
}

fn passphrase(ctx: &Ctx, source: &Source, out: &mut dyn Write) -> Outcome {
    let marker = encrypted(&ctx.layout)?;
    let _store = ctx.open_store()?;
    let identity = current_key(ctx, &marker)?;
    let new = source.new_one()?;
    let made = marker::Marker::new(&identity, &new).map_err(Failure::failed)?;
    made.write(&ctx.layout).map_err(Failure::failed)?;
    writeln!(out, "{}", words::PASSPHRASE_CHANGED)?;
    Ok(())
}

fn turn_off(ctx: &Ctx, off: &Off, out: &mut dyn Write, err: &mut dyn Write) -> Outcome {
    let store = ctx.open_store()?;
    let layout = store.layout();
    let marker = marker::read(layout).map_err(Failure::failed)?;
    match &marker {
        Some(marker) => {
            let source = Source::new(off.pass.passphrase_file.clone());
            unlock(ctx, marker, &source)?;
        }
        // An `off` stopped after the marker went: carry on with the keys kept here.
        None if sealed_files(layout) > 0 => {}
        None => return Err(Failure::usage(words::NOT_ENCRYPTED)),
    }
    if !off.yes && !confirmed(err)? {
        writeln!(out, "{}", words::OFF_KEPT)?;
        return Ok(());
    }
    let mut tally = convert::all(layout, &convert::Way::Open).map_err(Failure::failed)?;
    marker::remove(layout).map_err(Failure::failed)?;
    // A save that sealed a file between the first pass and the marker going is caught.
    let again = convert::all(layout, &convert::Way::Open).map_err(Failure::failed)?;
    tally.turned += again.turned;
    say_left(err, &again.left);
    if let (Some(marker), true) = (&marker, again.left.is_empty()) {
        key::forget(layout, &marker.recipient).map_err(Failure::failed)?;
    }
    writeln!(out, "{}", words::off_done(tally.turned, again.left.len()))?;
    Ok(())
}

/// How many month files in the folder are sealed.
fn sealed_files(layout: &Layout) -> usize {
    let Ok(devices) = device_dirs(&layout.records_dir()) else {
        return 0;
    };
    devices
        .iter()
        .filter_map(|(_, dir)| listing(dir).ok())
        .flatten()
        .filter(|(_, _, path)| crypt::is_sealed_file(path).unwrap_or(false))
        .count()
}

/// Asked twice on a terminal; without one, only --yes goes on.
fn confirmed(err: &mut dyn Write) -> Result<bool, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(words::OFF_NEEDS_YES));
    }
    for ask in [words::OFF_ASK, words::OFF_ASK_AGAIN] {
        write!(err, "{ask}")?;
        err.flush()?;
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        if line.trim() != "yes" {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Each file left as it was, and why (a synced folder's names are anyone's bytes).
fn say_left(err: &mut dyn Write, left: &[(PathBuf, String)]) {
    for (path, why) in left {
        let said = format!("attune: left {} as it was: {why}", path.display());
        let _ = writeln!(err, "{}", crate::copy::safe::text(&said));
    }
}

fn status(ctx: &Ctx, out: &mut dyn Write) -> Outcome {
    let layout = &ctx.layout;
    let store = ctx.read_store_as_is()?;
    let this = store
        .as_ref()
        .map(|s| s.device().to_string())
        .unwrap_or_default();
    let marker = marker::read(layout).map_err(Failure::failed)?;
    match &marker {
        Some(m) => {
            writeln!(out, "{}", words::status_on(&m.recipient.to_string()))?;
            let kept = key::kept(layout, &m.recipient);
            let remember = ctx.config.encryption.remember;
            let said = words::status_key(crypt::holds(&m.recipient), kept, remember);
            writeln!(out, "{said}")?;
        }
        None => writeln!(out, "{}", words::STATUS_OFF)?,
    }
    let mut plain_total = 0;
    writeln!(out, "{}", words::DEVICES)?;
    for (device, dir) in device_dirs(&layout.records_dir()).map_err(Failure::failed)? {
        let (mut sealed, mut plain) = (0, 0);
        for (_, _, path) in listing(&dir).map_err(Failure::failed)? {
            match crypt::is_sealed_file(&path) {
                Ok(true) => sealed += 1,
                Ok(false) => plain += 1,
                Err(_) => {}
            }
        }
        plain_total += plain;
        let said = words::status_device(&device, device == this, sealed, plain);
        writeln!(out, "{}", crate::copy::safe::line(&said))?;
    }
    if marker.is_some() && plain_total > 0 {
        writeln!(out, "{}", words::status_plain_left(plain_total))?;
    }
    Ok(())
}
