//! Settings, the prompt line, completions, the manual page and deleting everything,
//! through the real binary.

use crate::common;

use crate::common::Env;
use serde_json::Value;

fn write_config(env: &Env, text: &str) {
    std::fs::create_dir_all(env.config()).expect("config dir");
    std::fs::write(env.config().join("config.toml"), text).expect("write");
}

#[test]
fn the_default_file_and_its_path() {
    let env = Env::new();
    let text = env.run_ok(&["config", "--print-default"]);
    assert!(text.contains("[breathing]") && text.contains("starts_on = \"monday\""));
    let path = env.run_ok(&["config", "--path"]);
    assert!(path.contains("config.toml") && path.contains("not there yet"), "{path}");
    write_config(&env, &text);
    env.run_ok(&["patterns"]);
}

#[test]
fn settings_change_what_commands_do() {
    let env = Env::new();
    write_config(
        &env,
        "[breathing]\npattern = \"mine\"\nminutes = 0.1\n[week]\nstarts_on = \"sunday\"\n[trends]\nhide_streaks = true\n\
         [[patterns]]\nid = \"mine\"\nname = \"Mine\"\nin = 3\nout = 4\n\
         [[crisis_lines]]\nregion = \"Here\"\nname = \"Local line\"\ncontact = \"call 0800 123\"\n",
    );
    assert!(env.run_ok(&["patterns"]).contains("mine"));
    let run = env
        .cmd()
        .args(["breathe", "--plain", "--no-checkin"])
        .output()
        .expect("runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        String::from_utf8_lossy(&run.stdout)
            .starts_with("[00:00.0] Breathe in 3.0s\n[00:03.0] Breathe out 4.0s\n")
    );
    let week: Value =
        serde_json::from_str(&env.run_ok(&["trends", "--week", "2026-11-18", "--json"]))
            .expect("json");
    assert_eq!(week["from"], "2026-11-15", "weeks start on Sunday");
    assert!(week["longest_run"].is_null(), "runs are hidden");
    let high = env
        .cmd()
        .args(["checkin", "--distress", "10"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&high.stderr).contains("Here: call 0800 123 (Local line)"));
}

#[test]
fn a_broken_settings_file_is_named_and_every_command_goes_on_with_the_defaults() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    for (text, said) in [
        ("[breathing]\nminutes = 90\n", "line 2: breathing.minutes"),
        ("[breathing\nminutes = 3\n", "line 1"),
        ("colour = \"blue\"\n", "line 1: colour"),
    ] {
        write_config(&env, text);
        let runs: [(&[&str], &str); 6] = [
            (&["checkin", "--distress", "3"], ""),
            (&["history"], ""),
            (&["export"], ""),
            (&["doctor"], ""),
            (&["config", "--path"], ""),
            (&["delete-everything"], "no\n"),
        ];
        for (args, stdin) in runs {
            let out = env
                .cmd()
                .args(args)
                .write_stdin(stdin)
                .output()
                .expect("runs");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{text:?} {args:?}: {err}");
            assert!(
                err.contains("config.toml")
                    && err.contains(said)
                    && err.contains("attune config --check"),
                "{text:?} {args:?}: {err}"
            );
        }
        let check = env
            .cmd()
            .args(["config", "--check"])
            .output()
            .expect("runs");
        assert_eq!(check.status.code(), Some(2), "{text:?}");
        let err = String::from_utf8_lossy(&check.stderr);
        assert!(err.contains(said) && err.matches(said).count() == 1, "said once: {err}");
        let prompt = env
            .cmd()
            .args(["status", "--prompt"])
            .output()
            .expect("runs");
        assert!(prompt.status.success() && prompt.stderr.is_empty(), "the prompt stays quiet");
    }
    // One bad setting leaves the others working: the 1-minute pattern still applies.
    write_config(&env, "[breathing]\npattern = \"sigh\"\nminutes = \"five\"\n");
    let out = env
        .cmd()
        .args(["breathe", "--plain", "--no-checkin", "--minutes", "0.1"])
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("A little more in"),
        "sigh was used"
    );
    let missing = env
        .cmd()
        .args(["--config", "/no/such.toml", "history"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such.toml: could not be read"));
    write_config(&env, "[trends]\nhide_streaks = true\n");
    assert_eq!(env.run_ok(&["config", "--check"]).trim(), "config.toml is fine.");
}

#[test]
fn the_prompt_line_says_today_in_a_few_words_and_never_fails() {
    let env = Env::new();
    assert!(env.run_ok(&["status", "--prompt"]).is_empty(), "nothing to say yet");
    assert!(!env.data().exists(), "status creates nothing");
    env.run_ok(&["checkin", "--distress", "3"]);
    assert_eq!(env.run_ok(&["status", "--prompt"]).trim(), "last distress 3");
    assert!(
        env.run_ok(&["status"])
            .starts_with("Today: last distress 3 · 0 days this week.")
    );
    // A broken month file still never breaks the prompt.
    let device = std::fs::read_to_string(env.tmp.path().join("state/device-id")).expect("id");
    let month = common::pinned_local().format("%Y-%m").to_string();
    std::fs::write(
        env.data()
            .join("records")
            .join(device.trim())
            .join(format!("{month}.json")),
        "{broken",
    )
    .expect("write");
    let out = env
        .cmd()
        .args(["status", "--prompt"])
        .output()
        .expect("runs");
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn completions_and_the_manual_page() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let text = env.run_ok(&["completions", shell]);
        assert!(text.contains("attune") && text.contains("breathe"), "{shell}");
    }
    let bad = env
        .cmd()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let man = env.run_ok(&["man"]);
    assert!(man.contains(".TH") && man.contains("attune"));
}

#[test]
fn delete_everything_asks_twice_and_says_what_it_removed() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    write_config(&env, "[trends]\nhide_streaks = true\n");
    let no = env
        .cmd()
        .arg("delete-everything")
        .write_stdin("delete\nno\n")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&no.stdout).contains("Nothing was removed."));
    assert_eq!(env.history_json(&[]).len(), 1);
    let yes = env
        .cmd()
        .arg("delete-everything")
        .write_stdin("delete\nyes\n")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&yes.stdout);
    assert!(yes.status.success() && text.contains("Removed 1 record file(s)"), "{text}");
    assert!(!env.data().join("records").exists() && !env.tmp.path().join("state").exists());
    assert!(env.config().join("config.toml").exists(), "settings are kept");
    assert!(
        env.run_ok(&["delete-everything"])
            .contains("nothing to delete")
    );
}

#[test]
fn a_key_override_that_cannot_work_gives_way_to_the_default_keys() {
    let env = Env::new();
    for (text, said) in [
        ("[keys]\nbreath = \"x\"\n", "keys.breath"),
        ("[keys]\nbreathe = \"q\"\n", "line 2: keys.breathe"),
        ("[keys]\npause = \"hyper+p\"\n", "line 2: keys.pause"),
    ] {
        write_config(&env, text);
        let out = env.cmd().arg("history").output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("config.toml") && err.contains(said), "{err}");
        let check = env
            .cmd()
            .args(["config", "--check"])
            .output()
            .expect("runs");
        assert_eq!(check.status.code(), Some(2), "{text}");
        // Without a terminal the app cannot open, but the keys do not stop it trying.
        let app = env.cmd().output().expect("runs");
        let err = String::from_utf8_lossy(&app.stderr);
        assert!(err.contains(said) && err.contains("needs a terminal"), "{err}");
    }
    write_config(&env, "[keys]\nbreathe = \"B\"\nquit = \"ctrl+q\"\n");
    let out = env.cmd().arg("history").output().expect("runs");
    assert!(out.status.success() && out.stderr.is_empty());
}

#[test]
fn config_init_writes_the_commented_default_once_and_never_overwrites() {
    let env = Env::new();
    assert!(!env.config().exists(), "a fresh machine has no config folder");
    let said = env.run_ok(&["config", "--init"]);
    assert!(said.contains("config.toml"), "{said}");
    let written = std::fs::read_to_string(env.config().join("config.toml")).expect("written");
    assert_eq!(written, env.run_ok(&["config", "--print-default"]));
    assert_eq!(env.run_ok(&["config", "--check"]).trim(), "config.toml is fine.");

    std::fs::write(env.config().join("config.toml"), "# mine\n").expect("edit");
    let again = env.cmd().args(["config", "--init"]).output().expect("runs");
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already there"), "{err}");
    assert_eq!(
        std::fs::read_to_string(env.config().join("config.toml")).expect("kept"),
        "# mine\n"
    );
}

#[test]
fn the_manual_has_its_sections_and_points_at_no_missing_pages() {
    let env = Env::new();
    let man = env.run_ok(&["man"]);
    for section in [
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH EXIT STATUS",
        ".SH CRISIS LINES",
    ] {
        assert!(man.contains(section), "{section}");
    }
    assert!(man.contains("988"), "the crisis lines are in the page");
    assert!(!man.contains("(1)\n"), "no attune-<command>(1) pages are named");
}

#[test]
fn a_reader_that_stops_early_is_a_quiet_exit_for_every_long_output() {
    let env = Env::new();
    for args in [
        "completions bash",
        "completions fish",
        "man",
        "config --print-default",
    ] {
        let out = env
            .sh(&format!("\"$ATTUNE_BIN\" {args} | true; echo \"rc=${{?}}\""))
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args}: {err}");
    }
}

/// The commented example that starts at `# [[table]]`, with its `# ` taken off.
fn example(default: &str, table: &str) -> String {
    let start = format!("# [[{table}]]");
    default
        .lines()
        .skip_while(|l| *l != start)
        .take_while(|l| l.starts_with('#') && !l.trim_end().eq("#"))
        .map(|l| l.strip_prefix("# ").unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_default_files_examples_of_a_pattern_and_a_routine_work_as_written() {
    let env = Env::new();
    let default = env.run_ok(&["config", "--print-default"]);
    let both = format!("{}\n{}\n", example(&default, "patterns"), example(&default, "routines"));
    assert!(both.contains("slow-3-7") && both.contains("feet-first"), "{both}");
    write_config(&env, &both);
    assert_eq!(env.run_ok(&["config", "--check"]).trim(), "config.toml is fine.");
    assert!(env.run_ok(&["patterns"]).contains("slow-3-7"));
    assert!(env.run_ok(&["ground", "--list"]).contains("feet-first"));
}
