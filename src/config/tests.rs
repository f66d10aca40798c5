//! Reading config.toml: defaults, every setting, and each kind of problem named.

use super::*;

fn parse(text: &str) -> Result<Config, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE);
    std::fs::write(&path, text).expect("write");
    Config::load(&path, true).map_err(|e| e.to_string())
}

#[test]
fn an_empty_file_and_the_default_file_give_the_defaults() {
    assert_eq!(parse("").expect("empty"), Config::default());
    assert_eq!(parse(DEFAULT_TEXT).expect("default text parses"), Config::default());
    let missing = Config::load(Path::new("/no/such/config.toml"), false).expect("missing is fine");
    assert_eq!(missing, Config::default());
    assert!(Config::load(Path::new("/no/such/config.toml"), true).is_err(), "unless named");
}

#[test]
fn overrides_are_read() {
    let c = parse(
        "[breathing]\npattern = \"sigh\"\nminutes = 2.5\nbell = true\nreduced_motion = true\n\
         [week]\nstarts_on = \"sunday\"\n[trends]\nhide_streaks = true\n[display]\ntheme = \"high-contrast\"\n\
         [keys]\nbreathe = \"B\"\nquit = \"ctrl+q\"\n\
         [[crisis_lines]]\nregion = \"Here\"\nname = \"Local line\"\ncontact = \"call 123\"\n",
    )
    .expect("parses");
    assert_eq!((c.breathing.pattern.as_str(), c.breathing.minutes), ("sigh", 2.5));
    assert!(c.breathing.bell && c.breathing.reduced_motion && c.trends.hide_streaks);
    assert_eq!(c.breathing.cue_style(), crate::sound::Style::Bell, "bell = true still works");
    assert_eq!(c.week.starts_on, Weekday::Sun);
    assert_eq!(c.display.theme, Theme::HighContrast);
    assert_eq!(c.keys["quit"], "ctrl+q");
    assert_eq!(c.crisis_lines[0].contact, "call 123");
}

#[test]
fn every_error_names_its_key() {
    let cases = [
        ("[breathing]\npatern = \"sigh\"\n", "patern"),
        ("colour = \"blue\"\n", "colour"),
        ("[breathing]\nminutes = 0\n", "breathing.minutes"),
        ("[breathing]\nminutes = \"five\"\n", "minutes"),
        ("[week]\nstarts_on = \"someday\"\n", "someday"),
        ("[display]\ntheme = \"neon\"\n", "neon"),
        ("[breathing]\nsound = \"loud\"\n", "breathing.sound"),
        ("[sound]\nvolume = 101\n", "sound.volume"),
        ("[keys]\nquit = \"hyper+q\"\n", "keys.quit"),
        ("[[patterns]]\nid = \"fast\"\nname = \"Fast\"\nin = 1\nout = 3\n", "\"fast\""),
        ("[breathing\n", "line 1"),
    ];
    for (text, names) in cases {
        let e = parse(text).expect_err(text);
        assert!(e.contains(names) && e.contains(FILE), "{text:?} -> {e}");
    }
}

fn read_text(text: &str) -> Loaded {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE);
    std::fs::write(&path, text).expect("write");
    Config::read(&path, true)
}

#[test]
fn a_bad_setting_gives_way_to_its_default_and_the_rest_still_apply() {
    let loaded = read_text(
        "[breathing]\npattern = \"sigh\"\nminutes = 90\npatern = \"x\"\n\
         [week]\nstarts_on = \"someday\"\n[trends]\nhide_streaks = true\n\
         [keys]\nquit = \"hyper+q\"\nbreathe = \"B\"\n\
         [[patterns]]\nid = \"fast\"\nname = \"Fast\"\nin = 1\nout = 3\n\
         [[patterns]]\nid = \"mine\"\nname = \"Mine\"\nin = 3\nout = 4\n\
         [[patterns]]\nid = \"sigh\"\nname = \"Again\"\nin = 3\nout = 4\n",
    );
    let c = &loaded.config;
    assert_eq!(c.breathing.pattern, "sigh");
    assert_eq!(c.breathing.minutes, Breathing::default().minutes);
    assert_eq!(c.week.starts_on, Weekday::Mon);
    assert!(c.trends.hide_streaks);
    assert_eq!(c.keys.len(), 1);
    let ids: Vec<&str> = c.patterns.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["mine"]);
    let said: Vec<String> = loaded
        .problems
        .iter()
        .map(super::ConfigError::warning)
        .collect();
    let want = [
        ("line 3: breathing.minutes", "the default for breathing.minutes"),
        ("line 4: breathing.patern", "without breathing.patern"),
        ("line 6: week.starts_on", "someday"),
        ("line 10: keys.quit", "hyper+q"),
        ("line 12: patterns #1", "without patterns #1"),
        ("line 22: patterns #3", "already taken"),
    ];
    assert_eq!(said.len(), want.len(), "{said:#?}");
    for (line, (at, what)) in said.iter().zip(want) {
        assert!(line.contains(at) && line.contains(what), "{line}");
        assert!(line.contains(FILE) && line.contains("attune config --check"), "{line}");
    }
}

#[test]
fn a_file_that_does_not_parse_gives_every_default_and_says_where() {
    let loaded = read_text("[breathing]\nminutes = 3\n[week\n");
    assert_eq!(loaded.config, Config::default());
    let said = loaded.problems[0].warning();
    assert!(said.contains("line 3") && said.contains("its default settings"), "{said}");
    let mut refused = read_text("[keys]\nbreathe = \"q\"\n");
    refused.refuse_keys("keys.breathe: \"q\" is already quit on home".into());
    assert!(refused.config.keys.is_empty());
    let said = refused.problems[0].warning();
    assert!(said.contains("line 2: keys.breathe") && said.contains("its own keys"), "{said}");
}

#[test]
fn keys_parse() {
    assert_eq!(parse_key("b"), Ok(Key::Char('b')));
    assert_eq!(parse_key("?"), Ok(Key::Char('?')));
    assert_eq!(parse_key("Ctrl+Q"), Ok(Key::Ctrl('q')));
    assert_eq!(parse_key("F1"), Ok(Key::F(1)));
    assert_eq!(parse_key("space"), Ok(Key::Named("space")));
    assert!(parse_key("f13").is_err() && parse_key("ctrl+1").is_err() && parse_key("").is_err());
}

#[test]
fn the_sound_style_volume_and_player_are_read() {
    let c = parse("[breathing]\nsound = \"pulses\"\nbell = true\nremember_last = false\n[sound]\nvolume = 10\nplayer = \"mpv --really-quiet\"\n")
        .expect("parses");
    assert_eq!(c.breathing.cue_style(), crate::sound::Style::Pulses, "sound wins over bell");
    assert!(!c.breathing.remember_last);
    assert_eq!((c.sound.volume, c.sound.player.as_deref()), (10, Some("mpv --really-quiet")));
    assert_eq!(Config::default().breathing.cue_style(), crate::sound::Style::Off);
    assert!(Config::default().breathing.remember_last);
}
