//! The thread that sounds cues: it makes each cue's WAV once (cached by content in the
//! cache folder, 0600), starts the player as a child process, and reaps every child, so
//! drawing and input never wait for a sound and no child is left behind. A player that
//! cannot start or fails is noted, so the caller can fall back to the bell.

use super::player::{self, Program};
use super::{Cue, Style, wave};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

/// While children play, look for finished ones this often.
const REAP_EVERY: Duration = Duration::from_millis(200);
/// Leaving after a completed practice, let a last cue (the closing chime) finish, but
/// wait no longer than this.
const LAST_CUE: Duration = Duration::from_secs(3);

/// What the sounder plays with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    pub audio: Option<Program>,
    pub speech: Option<Program>,
    /// 0-100.
    pub volume: u8,
    /// Where generated WAV files are kept.
    pub cache: PathBuf,
}

impl Setup {
    /// The programs on this machine, the configured player first.
    pub fn from_system(player: Option<&str>, volume: u8, cache: PathBuf) -> Setup {
        Setup {
            audio: player::audio(player, &player::find_on_path),
            speech: player::speech(volume, &player::find_on_path),
            volume,
            cache,
        }
    }

    /// The programs on this machine, with the settings' player and volume.
    pub fn for_config(config: &crate::config::Config, state_dir: &std::path::Path) -> Setup {
        Setup::from_system(config.sound.player.as_deref(), config.sound.volume, cache_in(state_dir))
    }

    /// The program a style plays through; None for the bell and off, or when missing.
    pub fn program(&self, style: Style) -> Option<&Program> {
        match style {
            Style::Tones | Style::Pulses => self.audio.as_ref(),
            Style::Voice => self.speech.as_ref(),
            Style::Bell | Style::Off => None,
        }
    }

    /// Whether this style can sound here (the bell and off always can).
    pub fn can_play(&self, style: Style) -> bool {
        matches!(style, Style::Bell | Style::Off) || self.program(style).is_some()
    }
}

/// Where generated cues are kept: the cache folder in local state, beside attune's
/// other caches (rebuilt whenever lost, and removed with everything else).
pub fn cache_in(state_dir: &std::path::Path) -> PathBuf {
    state_dir.join("cache").join("sound")
}

/// What the sounding thread is told.
enum Job {
    Play(Cue),
    /// Stop whatever is sounding now (a practice was stopped).
    Hush,
    /// Stop, letting the last cue finish or not.
    End {
        let_finish: bool,
    },
}

pub struct Sounder {
    setup: Setup,
    jobs: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    failed: Arc<AtomicBool>,
}

impl Sounder {
    /// Start the sounding thread (if it cannot start, cues fall back to the bell).
    pub fn start(setup: Setup) -> Sounder {
        let (jobs, inbox) = mpsc::channel();
        let failed = Arc::new(AtomicBool::new(false));
        let (here, there) = (Arc::clone(&failed), setup.clone());
        let thread = std::thread::Builder::new()
            .name("attune-sound".into())
            .spawn(move || sound(&there, &inbox, &here))
            .ok();
        failed.store(thread.is_none(), Ordering::SeqCst);
        Sounder {
            setup,
            jobs: Some(jobs),
            thread,
            failed,
        }
    }

    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Sound a cue, without waiting for anything: false when it cannot sound here (no
    /// program for its style, or the player failed before), so the caller rings instead.
    pub fn play(&self, cue: Cue) -> bool {
        if self.fell_back() || self.setup.program(cue.style).is_none() {
            return false;
        }
        self.jobs
            .as_ref()
            .is_some_and(|j| j.send(Job::Play(cue)).is_ok())
    }

    /// Quiet every cue still sounding, at once (their children are reaped).
    pub fn hush(&self) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job::Hush);
        }
    }

    /// A player could not start or failed: cues are bells from now on.
    pub fn fell_back(&self) -> bool {
        self.failed.load(Ordering::SeqCst)
    }

    /// Stop: cues still sounding are stopped (`let_finish` lets the last one end, as
    /// after a completed practice), and every child is reaped before this returns.
    pub fn finish(mut self, let_finish: bool) {
        self.end(let_finish);
    }

    fn end(&mut self, let_finish: bool) {
        if let Some(jobs) = self.jobs.take() {
            let _ = jobs.send(Job::End { let_finish });
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Sounder {
    fn drop(&mut self) {
        self.end(false);
    }
}

/// The thread: start each cue's child, reap finished ones, and at the end stop the rest.
fn sound(setup: &Setup, inbox: &Receiver<Job>, failed: &AtomicBool) {
    let mut children: Vec<Child> = Vec::new();
    // Each cue's file, once made: the same cue again is only a spawn.
    let mut files = Files::new();
    let let_finish = loop {
        let next = if children.is_empty() {
            inbox.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            inbox.recv_timeout(REAP_EVERY)
        };
        match next {
            Ok(Job::End { let_finish }) => break let_finish,
            Ok(Job::Hush) => stop_all(&mut children),
            Ok(Job::Play(cue)) => match spawn_cue(setup, &cue, &mut files) {
                Ok(Some(child)) => children.push(child),
                Ok(None) => {}
                Err(_) => failed.store(true, Ordering::SeqCst),
            },
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break false,
        }
        reap(&mut children, failed);
    };
    // A completed practice's last cue may finish, for at most LAST_CUE: counted in
    // naps, so this thread needs no clock of its own.
    const NAP: Duration = Duration::from_millis(20);
    let naps = LAST_CUE.as_millis() / NAP.as_millis();
    for _ in 0..naps {
        if !let_finish || children.is_empty() {
            break;
        }
        std::thread::sleep(NAP);
        reap(&mut children, failed);
    }
    stop_all(&mut children);
}

/// Stop every child still sounding and reap it.
fn stop_all(children: &mut Vec<Child>) {
    for mut child in children.drain(..) {
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Keep the children still playing; note any that failed.
fn reap(children: &mut Vec<Child>, failed: &AtomicBool) {
    children.retain_mut(|child| match child.try_wait() {
        Ok(None) => true,
        Ok(Some(status)) => {
            if !status.success() {
                failed.store(true, Ordering::SeqCst);
            }
            false
        }
        Err(_) => {
            failed.store(true, Ordering::SeqCst);
            false
        }
    });
}

/// The cache file made for each cue so far.
pub type Files = std::collections::HashMap<(Cue, u8), PathBuf>;

/// Start the child for one cue (not waiting for it); None when the style has nothing to
/// play for it.
pub fn spawn_cue(setup: &Setup, cue: &Cue, files: &mut Files) -> std::io::Result<Option<Child>> {
    let Some(program) = setup.program(cue.style) else {
        return Ok(None);
    };
    let last = match cue.style {
        Style::Voice => match cue.word() {
            Some(word) => word.to_string(),
            None => return Ok(None),
        },
        _ => match cue_file(setup, cue, files)? {
            Some(path) => path.to_string_lossy().into_owned(),
            None => return Ok(None),
        },
    };
    program
        .command(&last)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(Some)
}

/// The WAV file of a cue, made (and cached) the first time; None when it is silent.
fn cue_file(setup: &Setup, cue: &Cue, files: &mut Files) -> std::io::Result<Option<PathBuf>> {
    let key = (*cue, setup.volume);
    if let Some(path) = files.get(&key).filter(|p| p.exists()) {
        return Ok(Some(path.clone()));
    }
    let samples = wave::samples(cue, setup.volume);
    if samples.is_empty() {
        return Ok(None);
    }
    let path = cached(&setup.cache, &wave::wav(&samples))?;
    files.insert(key, path.clone());
    Ok(Some(path))
}

/// The file holding these bytes in the cache, written once (privately, atomically).
pub fn cached(dir: &std::path::Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(format!("cue-{:016x}.wav", fnv1a(bytes)));
    if !path.exists() {
        crate::store::atomic::create_private_dir(dir)?;
        crate::store::atomic::write_cache(&path, bytes)?;
    }
    Ok(path)
}

/// A small, stable hash of the bytes (FNV-1a, 64 bits): the same cue, the same name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}
