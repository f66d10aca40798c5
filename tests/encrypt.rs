//! Encryption at rest through the real binary: `attune encrypt on` leaves no readable
//! word in the data folder (after edits, deletes and conflict copies too), a second
//! device writes before it joins and reads after, damage and a wrong passphrase each
//! say their own thing and change nothing, and `encrypt off` gives back exactly the
//! records that were there.

use crate::common::Env;
use age::secrecy::ExposeSecret;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The words written in these tests; none may be found in the data folder once encrypted.
const WORDS: [&str; 4] = ["lighthouse", "marmalade", "harbour", "tangerine"];

/// A second machine: the same data folder, its own local state.
fn other_state(env: &Env) -> PathBuf {
    env.tmp.path().join("state-other")
}

fn pass_file(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.tmp.path().join(name);
    std::fs::write(&path, format!("{text}\n")).expect("test step");
    path
}

/// attune with a light scrypt work factor (debug builds only) and, for `state`, the
/// second machine's local state.
fn attune(env: &Env, state: Option<&Path>, args: &[&str], stdin: &str) -> Output {
    let mut cmd = env.cmd();
    cmd.env("ATTUNE_TEST_SCRYPT_LOG_N", "8")
        .env_remove("ATTUNE_PASSPHRASE_FILE");
    if let Some(state) = state {
        cmd.env("ATTUNE_STATE_DIR", state);
    }
    cmd.args(args)
        .write_stdin(stdin)
        .output()
        .expect("test step")
}

fn ok(env: &Env, state: Option<&Path>, args: &[&str]) -> String {
    ok_with(env, state, args, "")
}

fn ok_with(env: &Env, state: Option<&Path>, args: &[&str], stdin: &str) -> String {
    let out = attune(env, state, args, stdin);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("test step")
}

fn history(env: &Env, state: Option<&Path>) -> Vec<Value> {
    serde_json::from_str(&ok(env, state, &["history", "--json"])).expect("test step")
}

fn on(env: &Env, pass: &Path) -> String {
    ok(
        env,
        None,
        &[
            "encrypt",
            "on",
            "--passphrase-file",
            pass.to_str().expect("test step"),
        ],
    )
}

/// Every file under the data folder that holds one of `WORDS`.
fn readable_words(env: &Env) -> Vec<(PathBuf, &'static str)> {
    let mut found = Vec::new();
    for (path, bytes) in env.snapshot() {
        for word in WORDS {
            if bytes.windows(word.len()).any(|w| w == word.as_bytes()) {
                found.push((path.clone(), word));
            }
        }
    }
    found
}

fn month_files(env: &Env) -> Vec<PathBuf> {
    env.snapshot()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| {
            p.parent()
                .and_then(Path::parent)
                .is_some_and(|d| d.ends_with("records"))
        })
        .collect()
}

fn notes(records: &[Value]) -> Vec<String> {
    let mut notes: Vec<String> = records
        .iter()
        .filter_map(|r| r["note"].as_str().map(str::to_string))
        .collect();
    notes.sort();
    notes
}

#[test]
fn encrypt_on_leaves_no_readable_word_and_every_record_reads_back() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse at dusk"]);
    ok_with(&env, None, &["journal", "new"], "marmalade on toast, slowly\n");
    let before = history(&env, None);
    assert!(!readable_words(&env).is_empty(), "plain before");

    let said = on(&env, &pass_file(&env, "pass", "a long quiet walk"));
    assert!(said.contains("no way back"), "{said}");
    assert_eq!(readable_words(&env), vec![], "nothing readable after on");
    assert_eq!(history(&env, None), before, "every record reads back");
    let status = ok(&env, None, &["encrypt", "status"]);
    assert!(status.contains("Encryption is on"), "{status}");
    assert!(status.contains("holds the key"), "{status}");
    assert!(status.contains("(this device): 1 encrypted, 0 plain"), "{status}");

    // Edits, deletes and new records stay sealed too.
    let id = before[0]["id"].as_str().expect("test step").to_string();
    ok(&env, None, &["checkin", "edit", &id, "--note", "tangerine light"]);
    ok(&env, None, &["checkin", "--distress", "2", "--note", "harbour wind"]);
    let entry = before[1]["id"].as_str().expect("test step").to_string();
    ok(&env, None, &["journal", "delete", &entry, "--yes"]);
    assert_eq!(readable_words(&env), vec![]);
    assert_eq!(notes(&history(&env, None)), vec!["harbour wind", "tangerine light"]);
    // Running it again is calm: nothing left to encrypt.
    let again = on(&env, &pass_file(&env, "pass", "a long quiet walk"));
    assert!(again.contains("0 files encrypted just now"), "{again}");
}

#[test]
fn a_device_that_has_not_joined_writes_and_is_read_by_the_others() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "5", "--note", "lighthouse"]);
    let pass = pass_file(&env, "pass", "salt and pepper");
    on(&env, &pass);
    let other = other_state(&env);

    // Writing needs only the public key.
    ok(&env, Some(&other), &["checkin", "--distress", "3", "--note", "harbour"]);
    ok(&env, Some(&other), &["checkin", "--distress", "2", "--note", "tangerine"]);
    assert_eq!(readable_words(&env), vec![]);
    // Reading says calmly how to join, and exits 2.
    let out = attune(&env, Some(&other), &["history"], "");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("attune encrypt join"), "{said}");
    assert!(!said.contains("damaged"), "{said}");
    // So does every command that reads records, instead of an empty answer; the prompt
    // line prints nothing at all.
    for read in [
        &["history"][..],
        &["status"],
        &["trends", "--week"],
        &["trends", "--all", "--json"],
        &["journal", "list"],
        &["journal", "show", "1"],
        &["journal", "search", "harbour"],
        &["export", "--format", "json"],
    ] {
        let out = attune(&env, Some(&other), read, "");
        assert_eq!(out.status.code(), Some(2), "{read:?}");
        assert!(out.stdout.is_empty(), "{read:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("attune encrypt join"), "{read:?}: {said}");
        assert_eq!(said.lines().count(), 1, "one line: {said}");
    }
    let out = attune(&env, Some(&other), &["status", "--prompt"], "");
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
    // The first device reads what the second wrote.
    assert_eq!(notes(&history(&env, None)), vec!["harbour", "lighthouse", "tangerine"]);

    // A wrong passphrase says so, and changes nothing.
    let before = env.snapshot();
    let wrong = pass_file(&env, "wrong", "pepper and salt");
    let out = attune(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--passphrase-file",
            wrong.to_str().expect("test step"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("passphrase does not open"), "{said}");
    assert_eq!(env.snapshot(), before);
    assert!(
        !other.join("keys").exists()
            || std::fs::read_dir(other.join("keys"))
                .expect("test step")
                .count()
                == 0
    );

    let joined = ok(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--passphrase-file",
            pass.to_str().expect("test step"),
        ],
    );
    assert!(joined.contains("has joined"), "{joined}");
    assert_eq!(history(&env, Some(&other)), history(&env, None));
    ok(&env, Some(&other), &["checkin", "--distress", "1", "--note", "marmalade"]);
    assert_eq!(notes(&history(&env, None)).len(), 4);
    assert_eq!(readable_words(&env), vec![]);
}

#[test]
fn a_flipped_byte_and_a_cut_file_are_named_as_damaged_and_left_as_they_are() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "5", "--note", "lighthouse"]);
    on(&env, &pass_file(&env, "pass", "quiet"));
    // Two more devices' files of the same month, sealed: one flipped, one cut short.
    let files = month_files(&env);
    let first = &files[0];
    let dir = first
        .parent()
        .expect("test step")
        .parent()
        .expect("test step");
    let sealed = std::fs::read(first).expect("test step");
    let flipped_path = dir.join("aaaa").join("2026-11.json");
    let cut_path = dir.join("bbbb").join("2026-11.json");
    for p in [&flipped_path, &cut_path] {
        std::fs::create_dir_all(p.parent().expect("test step")).expect("test step");
    }
    let mut flipped = sealed.clone();
    let at = flipped.len() - 20;
    flipped[at] ^= 0x10;
    std::fs::write(&flipped_path, &flipped).expect("test step");
    std::fs::write(&cut_path, &sealed[..sealed.len() / 2 + 40]).expect("test step");
    let before = env.snapshot();

    let out = attune(&env, None, &["history", "--json"], "");
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    for p in [&flipped_path, &cut_path] {
        let line = said
            .lines()
            .find(|l| l.contains(&p.display().to_string()))
            .unwrap_or_else(|| panic!("{} not named: {said}", p.display()));
        assert!(line.contains("encrypted but damaged"), "{line}");
    }
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).expect("test step");
    assert_eq!(notes(&records), vec!["lighthouse"], "the rest still reads");
    assert_eq!(env.snapshot(), before, "nothing changed");
    let doctor = attune(&env, None, &["doctor"], "");
    let told = String::from_utf8_lossy(&doctor.stdout);
    assert!(told.contains("encrypted but damaged"), "{told}");
}

#[test]
fn encrypt_off_gives_back_exactly_the_records_that_were_there() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    ok_with(&env, None, &["journal", "new"], "marmalade\n");
    let before = history(&env, None);
    on(&env, &pass_file(&env, "pass", "quiet"));
    ok(
        &env,
        Some(&other_state(&env)),
        &["checkin", "--distress", "1", "--note", "harbour"],
    );
    let with_other = history(&env, None);
    assert_eq!(with_other.len(), before.len() + 1);

    // Without a terminal, off asks for --yes and changes nothing.
    let snap = env.snapshot();
    let out = attune(&env, None, &["encrypt", "off"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(env.snapshot(), snap);

    let said = ok(&env, None, &["encrypt", "off", "--yes"]);
    assert!(said.contains("plain JSON again"), "{said}");
    assert_eq!(history(&env, None), with_other);
    assert!(!env.data().join("encryption.json").exists());
    for path in month_files(&env) {
        let text = std::fs::read(&path).expect("test step");
        serde_json::from_slice::<Value>(&text)
            .unwrap_or_else(|e| panic!("{} is not plain JSON: {e}", path.display()));
    }
    assert!(ok(&env, None, &["encrypt", "status"]).contains("Encryption is off"));
}

#[test]
fn a_new_passphrase_rewrites_no_record_and_the_old_one_no_longer_joins() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    let old = pass_file(&env, "old", "first words");
    on(&env, &old);
    let records_before: Vec<_> = env
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.ends_with("encryption.json"))
        .collect();
    let new = pass_file(&env, "new", "second words");
    let said = ok(
        &env,
        None,
        &[
            "encrypt",
            "passphrase",
            "--passphrase-file",
            new.to_str().expect("test step"),
        ],
    );
    assert!(said.contains("passphrase is changed"), "{said}");
    let records_after: Vec<_> = env
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.ends_with("encryption.json"))
        .collect();
    assert_eq!(records_after, records_before, "no record rewritten");

    let other = other_state(&env);
    let out = attune(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--passphrase-file",
            old.to_str().expect("test step"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    ok(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--passphrase-file",
            new.to_str().expect("test step"),
        ],
    );
    assert_eq!(notes(&history(&env, Some(&other))), vec!["lighthouse"]);
}

#[test]
fn a_sync_conflict_copy_of_a_sealed_file_is_read_and_folded_in() {
    let env = Env::new();
    on(&env, &pass_file(&env, "pass", "quiet"));
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    let main = month_files(&env).pop().expect("test step");
    let first = std::fs::read(&main).expect("test step");
    ok(&env, None, &["checkin", "--distress", "3", "--note", "harbour"]);
    // The sync tool kept the newer file as a conflict copy and the older one as the month's.
    let name = main
        .file_name()
        .expect("test step")
        .to_string_lossy()
        .replace(".json", ".sync-conflict-20261130-1.json");
    let copy = main.with_file_name(name);
    std::fs::rename(&main, &copy).expect("test step");
    std::fs::write(&main, &first).expect("test step");
    assert_eq!(notes(&history(&env, None)), vec!["harbour", "lighthouse"]);

    // The next save folds the copy in; then the copy can go and nothing is lost.
    ok(&env, None, &["checkin", "--distress", "2", "--note", "tangerine"]);
    std::fs::remove_file(&copy).expect("test step");
    assert_eq!(notes(&history(&env, None)), vec!["harbour", "lighthouse", "tangerine"]);
    assert_eq!(readable_words(&env), vec![]);
}

#[test]
fn without_a_passphrase_nothing_changes_and_the_exit_is_2() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    let before = env.snapshot();
    let out = attune(&env, None, &["encrypt", "on"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--passphrase-file"));
    let empty = pass_file(&env, "empty", "");
    let out = attune(
        &env,
        None,
        &[
            "encrypt",
            "on",
            "--passphrase-file",
            empty.to_str().expect("test step"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = attune(&env, None, &["encrypt", "join"], "");
    assert_eq!(out.status.code(), Some(2), "join on a plain folder");
    assert_eq!(env.snapshot(), before);
}

/// `encryption.remember = false` on this device.
fn remember_nothing(env: &Env) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(env.config().join("config.toml"), "[encryption]\nremember = false\n")
        .expect("config");
}

/// Every file under `dir` that holds one of `WORDS`.
fn words_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(words_under(&p));
        } else {
            let bytes = std::fs::read(&p).expect("read");
            if WORDS
                .iter()
                .any(|w| bytes.windows(w.len()).any(|b| b == w.as_bytes()))
            {
                found.push(p);
            }
        }
    }
    found
}

#[test]
fn remember_false_keeps_no_key_and_no_word_on_this_device_and_reads_ask() {
    let env = Env::new();
    remember_nothing(&env);
    let state = env.tmp.path().join("state");
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    ok_with(&env, None, &["journal", "new"], "marmalade\n");
    // Searching builds an index of words in local state, before encryption.
    ok(&env, None, &["journal", "search", "marmalade"]);
    assert!(!words_under(&state).is_empty(), "the index holds words before");
    let pass = pass_file(&env, "pass", "quiet");
    let said = on(&env, &pass);
    assert!(said.contains("remember = false"), "{said}");
    let keys: Vec<_> = std::fs::read_dir(state.join("keys"))
        .map(|d| d.flatten().collect())
        .unwrap_or_default();
    assert!(keys.is_empty(), "no key kept: {keys:?}");
    assert_eq!(words_under(&state), Vec::<PathBuf>::new(), "no word in local state");

    // Saving needs no passphrase; reading without a terminal or a file exits 2.
    ok(&env, None, &["checkin", "--distress", "2", "--note", "harbour"]);
    let out = attune(&env, None, &["history"], "");
    assert_eq!(out.status.code(), Some(2));
    let told = String::from_utf8_lossy(&out.stderr);
    assert!(told.contains("remember = false"), "{told}");
    // The prompt line never breaks a prompt: nothing at all.
    let out = attune(&env, None, &["status", "--prompt"], "");
    assert!(out.status.success() && out.stdout.is_empty());

    // With the passphrase, every record reads, and searching keeps no index of words.
    let mut cmd = env.cmd();
    cmd.env("ATTUNE_PASSPHRASE_FILE", &pass);
    let out = cmd
        .args(["journal", "search", "marmalade"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("marmalade"));
    let mut cmd = env.cmd();
    cmd.env("ATTUNE_PASSPHRASE_FILE", &pass);
    let out = cmd.args(["history", "--json"]).output().expect("runs");
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(records.len(), 3);
    assert_eq!(words_under(&state), Vec::<PathBuf>::new());
    assert_eq!(readable_words(&env), vec![]);
    let status = ok(&env, None, &["encrypt", "status"]);
    assert!(status.contains("keeps no key"), "{status}");

    // Changing the passphrase asks the current one (here from the environment's file).
    let new = pass_file(&env, "new", "louder");
    let mut cmd = env.cmd();
    cmd.env("ATTUNE_PASSPHRASE_FILE", &pass)
        .env("ATTUNE_TEST_SCRYPT_LOG_N", "8");
    let out = cmd
        .args([
            "encrypt",
            "passphrase",
            "--passphrase-file",
            new.to_str().expect("path"),
        ])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut cmd = env.cmd();
    cmd.env("ATTUNE_PASSPHRASE_FILE", &new);
    let out = cmd.args(["history", "--json"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let kept = std::fs::read_dir(state.join("keys")).map_or(0, Iterator::count);
    assert_eq!(kept, 0, "still no key on disk");
}

#[test]
fn doctor_names_plain_leftovers_a_device_without_the_key_and_a_broken_marker() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    let plain = month_files(&env).pop().expect("a month file");
    let bytes = std::fs::read(&plain).expect("read");
    on(&env, &pass_file(&env, "pass", "quiet"));
    let doctor = |state: Option<&Path>| {
        let out = attune(&env, state, &["doctor"], "");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(!doctor(None).contains("encrypt"), "{}", doctor(None));

    // A sync tool brought back an old plain copy of another device's file.
    let leftover = plain
        .parent()
        .and_then(Path::parent)
        .expect("records")
        .join("cccc")
        .join("2026-10.json");
    std::fs::create_dir_all(leftover.parent().expect("dir")).expect("dir");
    std::fs::write(&leftover, &bytes).expect("write");
    let told = doctor(None);
    assert!(told.contains("is not encrypted yet"), "{told}");
    on(&env, &pass_file(&env, "pass", "quiet"));
    assert!(!doctor(None).contains("not encrypted yet"));

    let told = doctor(Some(&other_state(&env)));
    assert!(told.contains("does not hold the key"), "{told}");

    // A broken marker: saves stop rather than go out unsealed, and doctor says why.
    std::fs::write(env.data().join("encryption.json"), b"{ not json").expect("write");
    let before = env.snapshot();
    let out = attune(&env, None, &["checkin", "--distress", "2", "--note", "harbour"], "");
    assert!(!out.status.success());
    assert_eq!(env.snapshot(), before, "nothing saved unsealed");
    assert!(doctor(None).contains("encryption.json"));
}

#[test]
fn a_recovery_key_on_paper_joins_without_the_passphrase_and_lets_a_new_one_be_set() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    on(&env, &pass_file(&env, "pass", "forgotten one day"));
    let out = attune(&env, None, &["encrypt", "recovery-key"], "");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("on paper"));
    let key = String::from_utf8(out.stdout).expect("text");
    assert!(key.starts_with("AGE-SECRET-KEY-1"), "{key}");
    let paper = env.tmp.path().join("paper");
    std::fs::write(&paper, &key).expect("write");

    let other = other_state(&env);
    // A device without the key cannot print it.
    let out = attune(&env, Some(&other), &["encrypt", "recovery-key"], "");
    assert_eq!(out.status.code(), Some(2));
    // Someone else's key is refused.
    let stranger = env.tmp.path().join("stranger");
    std::fs::write(
        &stranger,
        age::x25519::Identity::generate()
            .to_string()
            .expose_secret(),
    )
    .expect("write");
    let out = attune(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--recovery-key",
            stranger.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not this folder's"));

    ok(
        &env,
        Some(&other),
        &[
            "encrypt",
            "join",
            "--recovery-key",
            paper.to_str().expect("path"),
        ],
    );
    assert_eq!(notes(&history(&env, Some(&other))), vec!["lighthouse"]);
    let new = pass_file(&env, "new", "remembered this time");
    ok(
        &env,
        Some(&other),
        &[
            "encrypt",
            "passphrase",
            "--passphrase-file",
            new.to_str().expect("path"),
        ],
    );
    let third = env.tmp.path().join("state-third");
    ok(
        &env,
        Some(&third),
        &[
            "encrypt",
            "join",
            "--passphrase-file",
            new.to_str().expect("path"),
        ],
    );
    assert_eq!(notes(&history(&env, Some(&third))), vec!["lighthouse"]);
}

#[test]
fn delete_everything_removes_the_kept_key_and_the_wrapped_one() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    on(&env, &pass_file(&env, "pass", "quiet"));
    let keys = env.tmp.path().join("state").join("keys");
    assert_eq!(std::fs::read_dir(&keys).expect("keys").count(), 1);
    ok_with(&env, None, &["delete-everything"], "delete\nyes\n");
    assert!(!keys.exists());
    assert!(!env.data().join("encryption.json").exists());
    // A fresh start is plain, as before encryption was ever on.
    ok(&env, None, &["checkin", "--distress", "1", "--note", "harbour"]);
    assert_eq!(readable_words(&env).len(), 1);
}

#[test]
fn with_remember_false_editor_words_wait_in_a_private_folder_in_memory() {
    let env = Env::new();
    remember_nothing(&env);
    let pass = pass_file(&env, "pass", "quiet");
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    on(&env, &pass);
    let run = env.tmp.path().join("run");
    std::fs::create_dir_all(&run).expect("runtime dir");
    // An "editor" that notes where its file is and writes the entry.
    let seen = env.tmp.path().join("seen");
    let editor = env.tmp.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\necho \"$1\" > {}\necho marmalade >> \"$1\"\n", seen.display()),
    )
    .expect("editor");
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .expect("mode");
    let out = env
        .cmd()
        .env("XDG_RUNTIME_DIR", &run)
        .env("VISUAL", &editor)
        .env("ATTUNE_PASSPHRASE_FILE", &pass)
        .args(["journal", "new", "--editor"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("in memory"), "{said}");
    let path = std::fs::read_to_string(&seen).expect("seen");
    assert!(Path::new(path.trim()).starts_with(run.join("attune")), "{path}");
    assert!(!Path::new(path.trim()).exists(), "removed after");
    assert_eq!(words_under(&env.tmp.path().join("state")), Vec::<PathBuf>::new());
    assert_eq!(readable_words(&env), vec![]);
}

#[test]
fn an_encrypted_export_round_trips_into_a_fresh_store_with_the_passphrase() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse at dusk"]);
    ok_with(&env, None, &["journal", "new"], "marmalade and harbour\n");
    let pass = pass_file(&env, "pass", "a long quiet walk");
    on(&env, &pass);
    let file = env.tmp.path().join("export.json");
    let file_arg = file.to_str().expect("test step");
    ok(&env, None, &["export", "--encrypt", "--out", file_arg]);
    let sealed = std::fs::read(&file).expect("test step");
    for word in WORDS {
        assert!(
            !sealed.windows(word.len()).any(|w| w == word.as_bytes()),
            "{word} readable in the export"
        );
    }

    let fresh = Env::new();
    let import = |args: &[&str]| {
        let mut all = vec!["import", file_arg];
        all.extend_from_slice(args);
        attune(&fresh, None, &all, "")
    };
    // No passphrase and no terminal; a wrong one; a damaged file: each says its own
    // thing, exits 2 and stores nothing.
    let out = import(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--passphrase-file"));
    let wrong = pass_file(&env, "wrong", "a short loud run");
    let out = import(&["--passphrase-file", wrong.to_str().expect("test step")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not open this export"));
    let mut damaged = sealed.clone();
    let end = String::from_utf8_lossy(&sealed)
        .rfind("-----END")
        .expect("test step");
    damaged[end - 12] = if damaged[end - 12] == b'A' {
        b'B'
    } else {
        b'A'
    };
    std::fs::write(&file, &damaged).expect("test step");
    let pass_arg = pass.to_str().expect("test step");
    let out = import(&["--passphrase-file", pass_arg]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("encrypted export, but damaged"), "{said}");
    assert_eq!(fresh.snapshot(), vec![], "nothing stored");

    std::fs::write(&file, &sealed).expect("test step");
    let out = import(&["--passphrase-file", pass_arg]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(history(&fresh, None), history(&env, None));
    let journal = |e: &Env| ok(e, None, &["journal", "list", "--json"]);
    assert_eq!(journal(&fresh), journal(&env));
    // The device that holds the key needs no passphrase, and finds nothing new.
    let again = ok(&env, None, &["import", file_arg]);
    assert!(again.contains("2 were already here"), "{again}");

    // The recovery key on paper opens it too; someone else's key does not.
    let paper = env.tmp.path().join("paper");
    std::fs::write(&paper, ok(&env, None, &["encrypt", "recovery-key"])).expect("test step");
    let stranger = env.tmp.path().join("stranger");
    let other_key = age::x25519::Identity::generate();
    std::fs::write(&stranger, other_key.to_string().expose_secret()).expect("test step");
    let third = Env::new();
    let with_key = |key: &Path| {
        let key = key.to_str().expect("test step");
        attune(&third, None, &["import", file_arg, "--recovery-key", key], "")
    };
    let out = with_key(&stranger);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not the one"));
    assert_eq!(third.snapshot(), vec![], "nothing stored");
    assert!(with_key(&paper).status.success());
    assert_eq!(history(&third, None), history(&env, None));
}

#[test]
fn an_encrypted_export_needs_an_encrypted_folder_and_json() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4"]);
    let before = env.snapshot();
    let out = attune(&env, None, &["export", "--encrypt"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("attune encrypt on"));
    assert_eq!(env.snapshot(), before, "nothing changed");
    on(&env, &pass_file(&env, "pass", "quiet"));
    let out = attune(&env, None, &["export", "--encrypt", "--format", "csv"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    // Without a terminal, a plain export says nothing extra (scripts read stderr too).
    let out = attune(&env, None, &["export"], "");
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn day_to_day_no_passphrase_work_is_done_the_wrapped_key_is_never_opened() {
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4", "--note", "lighthouse"]);
    ok_with(&env, None, &["journal", "new"], "marmalade\n");
    on(&env, &pass_file(&env, "pass", "quiet"));
    // The passphrase-wrapped key made unusable: any read or save that ran the key
    // derivation would fail on it, so these succeeding shows none does.
    let path = env.data().join("encryption.json");
    let mut marker: Value =
        serde_json::from_slice(&std::fs::read(&path).expect("test step")).expect("test step");
    marker["identity"] = Value::from("no wrapped key here");
    std::fs::write(&path, serde_json::to_vec(&marker).expect("test step")).expect("test step");
    for daily in [
        &["status", "--prompt"][..],
        &["status"],
        &["history", "--json"],
        &["trends", "--all", "--json"],
        &["journal", "list", "--limit", "10"],
        &["journal", "search", "marmalade"],
        &["checkin", "--distress", "2", "--note", "harbour"],
        &["export", "--encrypt"],
    ] {
        ok(&env, None, daily);
    }
    assert_eq!(notes(&history(&env, None)), vec!["harbour", "lighthouse"]);
    assert_eq!(readable_words(&env), vec![]);
    // Where the key derivation does run (joining), the unusable key is found.
    let pass = pass_file(&env, "pass", "quiet");
    let pass = pass.to_str().expect("test step");
    let join = ["encrypt", "join", "--passphrase-file", pass];
    let out = attune(&env, Some(&other_state(&env)), &join, "");
    assert!(!out.status.success());
}

#[test]
fn doctor_names_a_key_or_an_encryption_file_open_to_others() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    ok(&env, None, &["checkin", "--distress", "4"]);
    on(&env, &pass_file(&env, "pass", "quiet"));
    let keys = env.tmp.path().join("state").join("keys");
    let key = std::fs::read_dir(&keys)
        .expect("test step")
        .next()
        .expect("a kept key")
        .expect("test step")
        .path();
    let marker = env.data().join("encryption.json");
    let doctor = || String::from_utf8(attune(&env, None, &["doctor"], "").stdout).expect("text");
    assert!(!doctor().contains("open to others"), "{}", doctor());
    for path in [&key, &marker] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).expect("mode");
    }
    let told = doctor();
    for path in [&key, &marker] {
        let line = told
            .lines()
            .find(|l| l.contains(&path.display().to_string()))
            .unwrap_or_else(|| panic!("{} not named: {told}", path.display()));
        assert!(line.contains("open to others"), "{line}");
    }
}
