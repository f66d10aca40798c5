//! The journal from the command line: entries in from stdin (any script, any size), read
//! back, searched, edited and deleted; jrnl exports imported once; prompts listed.

use crate::common;

use crate::common::Env;
use serde_json::Value;

fn new_entry(env: &Env, text: &str, args: &[&str]) -> String {
    let mut all = vec!["journal", "new"];
    all.extend_from_slice(args);
    env.run_ok_with(&all, text).trim().to_string()
}

fn list(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["journal", "list", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&env.run_ok(&all)).expect("json array")
}

#[test]
fn any_text_goes_in_from_stdin_and_comes_back_exactly() {
    let env = Env::new();
    let texts = [
        "Plain words about a long day.\nSecond line.".to_string(),
        "Emoji and accents: 🌙 café naïve — done 🫶".to_string(),
        "مرحبا، هذا نص من اليمين إلى اليسار\nשלום עולם".to_string(),
        "big ".repeat(262_144), // 1 MB
    ];
    for t in &texts {
        new_entry(&env, t, &[]);
    }
    let entries = list(&env, &[]);
    assert_eq!(entries.len(), 4);
    let back: Vec<&str> = entries
        .iter()
        .rev()
        .filter_map(|e| e["text"].as_str())
        .collect();
    assert_eq!(back, texts.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn empty_text_is_not_saved_and_exits_non_zero() {
    let env = Env::new();
    for text in ["", "  \n\t\n"] {
        let out = env
            .cmd()
            .args(["journal", "new"])
            .write_stdin(text)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "nothing to save is a usage error");
        assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was saved"));
    }
    assert!(!env.data().exists());
    let bad = env
        .cmd()
        .args(["journal", "new", "--prompt", "nope"])
        .write_stdin("x")
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn list_filters_search_show_edit_and_delete() {
    let env = Env::new();
    let work = new_entry(
        &env,
        "Tense meeting, jaw clenched.",
        &[
            "--tag",
            "Work",
            "--sensation",
            "jaw clench",
            "--prompt",
            "body-04",
        ],
    );
    let home = new_entry(&env, "A quiet walk at dusk.", &["--tag", "home"]);
    assert_eq!(list(&env, &["--limit", "1"])[0]["id"], home.as_str(), "newest first");
    let tagged = list(&env, &["--tag", "work"]);
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0]["prompt_id"], "body-04");
    assert_eq!(tagged[0]["sensations"], serde_json::json!(["jaw clench"]));
    let today = common::pinned_local().date_naive();
    assert_eq!(
        list(&env, &["--since", &today.to_string(), "--until", &today.to_string()]).len(),
        2
    );
    assert_eq!(list(&env, &["--until", "2000-01-01"]).len(), 0);

    let found: Vec<Value> =
        serde_json::from_str(&env.run_ok(&["journal", "search", "JAW meeting", "--json"]))
            .expect("json");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["id"], work.as_str());
    assert!(
        env.run_ok(&["journal", "search", "walk"])
            .contains("A quiet walk at dusk.")
    );

    let short = &work.replace('-', "")[24..];
    let shown = env.run_ok(&["journal", "show", short]);
    assert!(
        shown.contains("Prompt: Notice your jaw") && shown.contains("Tense meeting, jaw clenched."),
        "{shown}"
    );

    let edited = env
        .cmd()
        .args(["journal", "edit", short])
        .write_stdin("Tense meeting; better by evening.")
        .output()
        .expect("runs");
    assert!(edited.status.success());
    let after = list(&env, &["--tag", "work"]);
    assert_eq!(after[0]["text"], "Tense meeting; better by evening.");
    assert_eq!(after[0]["id"], work.as_str(), "an edit keeps the entry's id");

    let unasked = env
        .cmd()
        .args(["journal", "delete", short])
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(unasked.status.code(), Some(2), "no terminal to ask on, and no --yes");
    env.run_ok(&["journal", "delete", short, "--yes"]);
    assert_eq!(list(&env, &[]).len(), 1);
    let gone = env
        .cmd()
        .args(["journal", "show", short])
        .output()
        .expect("runs");
    assert_eq!(gone.status.code(), Some(2));
}

#[test]
fn a_jrnl_export_imports_once() {
    let env = Env::new();
    let file = env.tmp.path().join("jrnl.json");
    std::fs::write(
        &file,
        r#"{"tags": {"@work": 1}, "entries": [
            {"title": "Long day.", "body": "Headache by four.", "date": "2026-10-02", "time": "20:30", "tags": ["@work"], "starred": false},
            {"title": "Slept well.", "body": "", "date": "2026-10-03", "time": "07:10", "tags": [], "starred": true}
        ]}"#,
    )
    .expect("write");
    let path = file.to_str().expect("utf-8");
    assert!(
        env.run_ok(&["import", "--from", "jrnl", path])
            .contains("Imported 2 new")
    );
    assert!(
        env.run_ok(&["import", "--from", "jrnl", path])
            .contains("Imported 0 new or updated records; 2 were already here")
    );
    let entries = list(&env, &[]);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["text"], "Long day.\nHeadache by four.");
    assert_eq!(entries[1]["tags"], serde_json::json!(["work"]));
    assert_eq!(entries[0]["starred"], true);
    let wrong = env
        .cmd()
        .args(["import", "--from", "jrnl", path, "--from", "attune"])
        .output()
        .expect("runs");
    assert_eq!(wrong.status.code(), Some(2), "an attune import of a jrnl file is refused");
}

#[test]
fn prompts_list_by_category_and_refuse_unknown_ones() {
    let env = Env::new();
    let all = env.run_ok(&["prompts"]);
    assert!(all.starts_with("Today: "), "{all}");
    assert!(all.contains("(only when you choose it)"));
    let pacing = env.run_ok(&["prompts", "--category", "pacing"]);
    assert_eq!(
        pacing
            .lines()
            .filter(|l| l.trim_start().starts_with("pacing-"))
            .count(),
        6
    );
    let bad = env
        .cmd()
        .args(["prompts", "--category", "nope"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn search_keeps_up_with_edits_deletes_and_a_damaged_index() {
    let env = Env::new();
    let id = new_entry(&env, "The river was loud today.", &[]);
    let short = id.replace('-', "")[24..].to_string();
    let search = |q: &str| env.run_ok(&["journal", "search", q]);
    assert!(search("river").contains("The river was loud today."));
    // The index keeps one small private file per month file.
    let device_dir = std::fs::read_dir(env.tmp.path().join("state/cache/journal"))
        .expect("the index exists")
        .flatten()
        .next()
        .expect("a device folder")
        .path();
    let index = std::fs::read_dir(&device_dir)
        .expect("index files")
        .flatten()
        .next()
        .expect("an index file")
        .path();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&index)
            .expect("the index exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let edited = env
        .cmd()
        .args(["journal", "edit", &short])
        .write_stdin("The sea was calm today.")
        .output()
        .expect("runs");
    assert!(edited.status.success());
    assert!(search("river").contains("No journal entries hold that."));
    assert!(search("sea calm").contains("The sea was calm today."));
    std::fs::write(&index, "{ not json").expect("damage the index");
    assert!(search("sea").contains("The sea was calm today."), "a damaged index is rebuilt");
    env.run_ok(&["journal", "delete", &short, "--yes"]);
    assert!(search("sea").contains("No journal entries hold that."));
    let json: Vec<Value> =
        serde_json::from_str(&env.run_ok(&["journal", "search", "sea", "--json"])).expect("json");
    assert!(json.is_empty());
}

/// Another device whose clock runs a day ahead saved the entry last: an edit made here
/// afterwards must still win, every time, and "Saved." must mean it.
#[test]
fn an_edit_wins_over_a_version_stamped_by_a_clock_that_runs_ahead() {
    use attune::store::Store;
    use attune::store::layout::Layout;
    use attune::store::model::Body;
    let env = Env::new();
    let id = new_entry(&env, "zebra crossing at noon", &[]);
    let short = id.replace('-', "")[24..].to_string();
    let store = Store::open(Layout::new(env.data(), env.tmp.path().join("state"))).expect("store");
    let stored = store.load_all().expect("load").merged.live()[0].clone();
    let mut ahead = stored.clone();
    ahead.updated_at = stored.updated_at + chrono::TimeDelta::days(1);
    if let Body::Journal(j) = &mut ahead.body {
        j.text = "zz written on the fast device".into();
    }
    store.save(ahead).expect("save the version from ahead");
    // Each text sorts before the one it replaces, so a tie would keep the old one.
    for text in ["yellow", "wren", "apple"] {
        let said = env.run_ok_with(&["journal", "edit", &short], text);
        assert_eq!(said.trim(), "Saved.");
        assert_eq!(list(&env, &[])[0]["text"], text, "the edit was kept");
    }
}

/// A jrnl date outside 0000-9999 would be filed where attune never reads: refused whole.
#[test]
fn a_jrnl_entry_dated_outside_the_years_attune_files_is_refused_and_nothing_imported() {
    let env = Env::new();
    for date in ["+10000-01-01", "-0044-03-15"] {
        let file = env.tmp.path().join("far.json");
        let text = format!(
            r#"{{"entries": [
                {{"title": "A fine day.", "body": "", "date": "2026-10-02", "time": "20:30", "tags": [], "starred": false}},
                {{"title": "Far away.", "body": "", "date": "{date}", "time": "09:00", "tags": [], "starred": false}}
            ]}}"#
        );
        std::fs::write(&file, text).expect("write");
        let out = env
            .cmd()
            .args(["import", "--from", "jrnl"])
            .arg(&file)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{date}: {err}");
        assert!(err.contains("entry 2") && err.contains(date), "{err}");
        assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
        assert!(env.snapshot().is_empty(), "{date}: something was stored");
    }
}

/// An editor that writes the words and then fails, as `journal new --editor` runs it.
fn failing_editor(env: &Env, words: &str, code: u8) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = env.tmp.path().join("editor.sh");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' '{words}' > \"$1\"\nexit {code}\n"))
        .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("mode");
    script
}

fn kept_draft(env: &Env) -> attune::store::drafts::Draft {
    attune::store::drafts::read(&env.tmp.path().join("state"))
        .expect("reads")
        .expect("a draft is kept")
}

#[test]
fn words_from_an_editor_that_fails_are_kept_as_a_draft() {
    let env = Env::new();
    let editor = failing_editor(&env, "words I wrote before it crashed", 1);
    let out = env
        .cmd()
        .args(["journal", "new", "--editor", "--tag", "late"])
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("current.json"), "names where: {stderr}");
    let draft = kept_draft(&env);
    assert_eq!(draft.text, "words I wrote before it crashed");
    assert_eq!(draft.tags, ["late"]);
    assert!(env.history_json(&[]).is_empty(), "nothing was saved");
}

#[test]
fn words_from_an_editor_whose_save_fails_are_kept_as_a_draft() {
    let env = Env::new();
    env.run_ok(&["checkin", "--distress", "2"]);
    // The device's folder becomes a plain file: the next save cannot be written.
    let records = env.data().join("records");
    let device = std::fs::read_dir(&records)
        .expect("records")
        .next()
        .expect("a device folder")
        .expect("entry")
        .path();
    std::fs::remove_dir_all(&device).expect("remove");
    std::fs::write(&device, b"not a folder").expect("file");
    let editor = failing_editor(&env, "an entry the disk would not take", 0);
    let out = env
        .cmd()
        .args(["journal", "new", "--editor"])
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing was saved") && stderr.contains("kept in"), "{stderr}");
    assert_eq!(kept_draft(&env).text, "an entry the disk would not take");
}

#[test]
fn text_over_the_limit_is_refused_and_nothing_stored() {
    let env = Env::new();
    let big = "a calm paragraph of words.\n".repeat(40_000);
    assert!(big.len() > attune::domain::journal::MAX_TEXT_BYTES);
    let out = env
        .cmd()
        .args(["journal", "new"])
        .write_stdin(big)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("nothing was saved") && stderr.contains("1 MB"), "{stderr}");
    assert!(!env.data().exists(), "nothing was stored");
}

#[test]
fn editor_text_over_the_limit_is_refused_and_kept_aside() {
    let env = Env::new();
    let script = env.tmp.path().join("big-editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nyes 'a calm paragraph of words.' | head -n 40000 > \"$1\"\n",
    )
    .expect("script");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("mode");
    }
    let out = env
        .cmd()
        .args(["journal", "new", "--editor"])
        .env("EDITOR", &script)
        .env_remove("VISUAL")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("kept in"), "names where: {stderr}");
    assert!(kept_draft(&env).text.len() > attune::domain::journal::MAX_TEXT_BYTES);
    assert!(env.history_json(&[]).is_empty(), "nothing was saved");
}

#[test]
fn a_piped_entry_prints_its_id_and_json_asks_for_it_plainly() {
    let env = Env::new();
    let id = new_entry(&env, "first words", &[]);
    assert_eq!(id.len(), 36, "the id alone when piped: {id}");
    let json: Value =
        serde_json::from_str(&new_entry(&env, "more words", &["--json"])).expect("json");
    assert_eq!(json["id"].as_str().map(str::len), Some(36), "{json}");
}

#[test]
fn an_entrys_words_change_without_its_text_and_a_bad_mix_changes_nothing() {
    let env = Env::new();
    let id = env
        .run_ok_with(
            &[
                "journal",
                "new",
                "--tag",
                "work",
                "--feeling",
                "Sad",
                "--sensation",
                "tight chest",
            ],
            "A long day.\n",
        )
        .trim()
        .to_string();
    let shown = env.run_ok(&["journal", "show", &id]);
    assert!(shown.contains("Feelings: sad") && shown.contains("Tags: work"), "{shown}");

    let said = env.run_ok(&["journal", "edit", &id, "--tag", "rest", "--feeling", "calm"]);
    assert_eq!(said.trim(), "Saved.");
    let shown = env.run_ok(&["journal", "show", &id]);
    assert!(shown.contains("Tags: rest") && shown.contains("Feelings: calm"), "{shown}");
    assert!(shown.contains("Body: tight chest") && shown.contains("A long day."), "{shown}");

    let same = env.run_ok(&["journal", "edit", &id, "--tag", "rest"]);
    assert!(same.starts_with("Nothing changed"), "{same}");

    let before = env.snapshot();
    let out = env
        .cmd()
        .args(["journal", "edit", &id, "--clear", "tags", "--tag", "x"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(env.snapshot(), before, "nothing changed");

    env.run_ok(&["journal", "edit", &id, "--clear", "sensations"]);
    let shown = env.run_ok(&["journal", "show", &id]);
    assert!(!shown.contains("Body:") && shown.contains("Tags: rest"), "{shown}");
}

#[test]
fn journal_show_says_which_practice_an_entry_was_written_after() {
    let env = Env::new();
    let session = "019ad000-0000-7000-8000-00000000abcd";
    let doc = serde_json::json!({"format": "attune-export", "version": 1,
        "exported_at": "2026-11-30T10:00:00+01:00",
        "records": [
            {"id": session, "created_at": "2026-11-30T09:00:00+01:00",
             "updated_at": "2026-11-30T09:00:00+01:00", "kind": "session", "practice": "breathe",
             "practice_id": "exhale-4-6", "actual_seconds": 300.0, "completed": true},
            {"id": "019ad000-0000-7000-8000-00000000beef", "created_at": "2026-11-30T09:06:00+01:00",
             "updated_at": "2026-11-30T09:06:00+01:00", "kind": "journal", "text": "Softer now.",
             "session_id": session}]});
    let file = env.tmp.path().join("in.json");
    std::fs::write(&file, doc.to_string()).expect("writes");
    env.run_ok(&["import", file.to_str().expect("utf-8 path")]);
    let shown = env.run_ok(&["journal", "show", "beef"]);
    assert!(shown.contains("Written after a practice: Long exhale 4-6 at 09:00."), "{shown}");
}

#[test]
fn a_starred_entry_is_found_with_list_starred_and_shows_its_star() {
    let env = Env::new();
    let keep = env
        .run_ok_with(&["journal", "new"], "Worth keeping.\n")
        .trim()
        .to_string();
    env.run_ok_with(&["journal", "new"], "An ordinary day.\n");
    assert_eq!(env.run_ok(&["journal", "star", &keep]).trim(), "Starred.");
    assert_eq!(env.run_ok(&["journal", "star", &keep]).trim(), "It already had a star.");
    let starred = env.run_ok(&["journal", "list", "--starred"]);
    assert!(
        starred.contains("★ Worth keeping.") && !starred.contains("ordinary"),
        "{starred}"
    );
    assert!(
        env.run_ok(&["journal", "show", &keep])
            .contains("★ Starred")
    );
    assert_eq!(env.run_ok(&["journal", "unstar", &keep]).trim(), "The star is off.");
    assert!(
        env.run_ok(&["journal", "list", "--starred"])
            .contains("No journal entries here.")
    );
}

#[test]
fn an_edit_over_the_limit_is_refused_and_the_entry_is_left_as_it_was() {
    let env = Env::new();
    let made = env
        .cmd()
        .args(["journal", "new"])
        .write_stdin("A short evening note.")
        .output()
        .expect("runs");
    assert!(made.status.success());
    let id = String::from_utf8_lossy(&made.stdout).trim().to_string();
    let big = "a calm paragraph of words.\n".repeat(40_000);
    let out = env
        .cmd()
        .args(["journal", "edit", &id])
        .write_stdin(big)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("1 MB"), "{stderr}");
    let shown = env
        .cmd()
        .args(["journal", "show", &id])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&shown.stdout).contains("A short evening note."));
}
