//! Which system program sounds a cue: the first audio player found (or the one named in
//! config.toml's `sound.player`), and the first speech program for the voice style. The
//! PATH lookup is passed in, so the choice is tested without touching the machine.

use std::path::{Path, PathBuf};

/// Audio players tried in order, each with the arguments that play one file quietly and
/// exit when it ends.
const PLAYERS: &[(&str, &[&str])] = &[
    ("pw-play", &[]),
    ("paplay", &[]),
    ("aplay", &["-q"]),
    ("afplay", &[]),
    ("ffplay", &["-nodisp", "-autoexit", "-loglevel", "quiet"]),
];

/// Speech programs tried in order, with a slow rate; the volume is added per program.
const SPEAKERS: &[&str] = &["espeak-ng", "spd-say", "say"];

/// A program to run for each cue: the file (or word) goes last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// Its name as said to the user ("paplay").
    pub name: String,
    pub path: PathBuf,
    pub args: Vec<String>,
}

impl Program {
    /// The command for one cue: the program, its arguments, then `last`.
    pub fn command(&self, last: &str) -> std::process::Command {
        let mut c = std::process::Command::new(&self.path);
        c.args(&self.args).arg(last);
        c
    }
}

fn program(name: &str, path: PathBuf, args: &[&str]) -> Program {
    Program {
        name: name.to_string(),
        path,
        args: args.iter().map(|a| (*a).to_string()).collect(),
    }
}

/// The audio player: `configured` (a command line, "mpv --really-quiet") if given and
/// found, else the first of the usual players that `find` finds.
pub fn audio(configured: Option<&str>, find: &dyn Fn(&str) -> Option<PathBuf>) -> Option<Program> {
    if let Some(line) = configured.map(str::trim).filter(|l| !l.is_empty()) {
        let mut words = line.split_whitespace();
        let name = words.next()?;
        let path = if Path::new(name).is_absolute() {
            Some(PathBuf::from(name))
        } else {
            find(name)
        }?;
        let args: Vec<&str> = words.collect();
        return Some(program(name, path, &args));
    }
    PLAYERS
        .iter()
        .find_map(|(name, args)| find(name).map(|path| program(name, path, args)))
}

/// The speech program, slow and at `volume` (0-100), if one is installed.
pub fn speech(volume: u8, find: &dyn Fn(&str) -> Option<PathBuf>) -> Option<Program> {
    let volume = i32::from(volume.min(100));
    SPEAKERS.iter().find_map(|name| {
        let path = find(name)?;
        let args = match *name {
            // espeak-ng: words a minute (default 175), amplitude 0-200 (default 100).
            "espeak-ng" => vec![
                "-s".to_string(),
                "110".into(),
                "-a".into(),
                volume.to_string(),
            ],
            // spd-say: rate and volume from -100 to 100; wait so the child ends with it.
            "spd-say" => vec![
                "-w".to_string(),
                "-r".into(),
                "-40".into(),
                "-i".into(),
                (volume * 2 - 100).to_string(),
            ],
            _ => vec!["-r".to_string(), "110".into()],
        };
        Some(Program {
            name: (*name).to_string(),
            path,
            args,
        })
    })
}

/// Find a program on a PATH-like list of folders: an executable file of that name.
pub fn find_in(path_var: Option<&std::ffi::OsStr>, name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    std::env::split_paths(path_var?)
        .map(|dir| dir.join(name))
        .find(|p| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// Find a program on this process's PATH.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    find_in(std::env::var_os("PATH").as_deref(), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(names: &'static [&'static str]) -> impl Fn(&str) -> Option<PathBuf> {
        move |n: &str| {
            names
                .contains(&n)
                .then(|| PathBuf::from(format!("/bin/{n}")))
        }
    }

    #[test]
    fn the_first_player_found_is_chosen_in_order() {
        assert_eq!(audio(None, &only(&["aplay", "ffplay"])).map(|p| p.name), Some("aplay".into()));
        let ff = audio(None, &only(&["ffplay"])).expect("ffplay");
        assert_eq!(ff.args, ["-nodisp", "-autoexit", "-loglevel", "quiet"]);
        assert_eq!(
            audio(None, &only(&["pw-play", "paplay"])).map(|p| p.name),
            Some("pw-play".into())
        );
        assert_eq!(audio(None, &only(&[])), None);
    }

    #[test]
    fn a_configured_player_comes_first_and_must_exist() {
        let find = only(&["mpv", "aplay"]);
        let p = audio(Some("mpv --really-quiet"), &find).expect("mpv");
        assert_eq!(
            (p.name.as_str(), p.args.as_slice()),
            ("mpv", ["--really-quiet".to_string()].as_slice())
        );
        assert_eq!(audio(Some("nothing-here"), &find), None);
        assert_eq!(audio(Some("  "), &find).map(|p| p.name), Some("aplay".into()));
    }

    #[test]
    fn speech_is_slow_and_quiet() {
        let e = speech(30, &only(&["say", "espeak-ng"])).expect("espeak-ng");
        assert_eq!(e.args, ["-s", "110", "-a", "30"]);
        let s = speech(30, &only(&["spd-say"])).expect("spd-say");
        assert_eq!(s.args, ["-w", "-r", "-40", "-i", "-40"]);
        assert_eq!(speech(30, &only(&["aplay"])), None);
    }

    #[test]
    fn finding_on_a_path_needs_an_executable_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let exe = dir.path().join("paplay");
        std::fs::write(&exe, "#!/bin/sh\n").expect("write");
        std::fs::write(dir.path().join("aplay"), "not executable").expect("write");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let path = std::env::join_paths([dir.path()]).expect("path");
        assert_eq!(find_in(Some(&path), "paplay"), Some(exe));
        assert_eq!(find_in(Some(&path), "aplay"), None);
        assert_eq!(find_in(None, "paplay"), None);
    }
}
