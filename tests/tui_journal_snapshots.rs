//! The journal's screens as text at 80x24 and 40x12: the list, an entry, the editor with
//! its prompt, the word picker, the discard question and the draft offer; drawn from state
//! reached by keys against a temp store at a fixed time. Plus: no red anywhere, in colour,
//! and no colour at all with colour off.

use crate::tui_support::{SIZES, assert_never_red, assert_no_colour, at, buffer, text, wall};
use attune::domain::today::TodaySummary;
use attune::service::journal::{NewEntry, entry};
use attune::store::Store;
use attune::store::drafts::{self, Draft};
use attune::store::layout::Layout;
use attune::store::model::Stamp;
use attune::tui::action::Action;
use attune::tui::app::{App, Now};
use attune::tui::effect::step;
use chrono::TimeDelta;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

fn morning() -> Stamp {
    wall()
}

fn now() -> Now {
    at(5.0)
}

struct Rig {
    _tmp: TempDir,
    store: Store,
    app: App,
}

impl Rig {
    fn new(color: bool, size: (u16, u16)) -> Rig {
        let tmp = tempfile::tempdir().expect("temp dir");
        let layout = Layout::new(tmp.path().join("data"), tmp.path().join("state"));
        let store = Store::open(layout).expect("store opens");
        let prompts = attune::content::prompts();
        let seeds = [
            (
                "Slept badly; the jaw was tight all morning.",
                "body-04",
                &["jaw clench"][..],
                &["work"][..],
                3,
            ),
            (
                "A walk by the river 🌿 and the shoulders let go.\nLater, tea with Sam.",
                "meaning-04",
                &["warm", "settled"],
                &["walk"],
                1,
            ),
            (
                "שלום. A few words in two scripts, read right to left and left to right.",
                "body-01",
                &[],
                &[],
                0,
            ),
        ];
        for (text, prompt, words, tags, days) in seeds {
            let new = NewEntry {
                text: text.into(),
                prompt_id: Some(prompt.into()),
                sensations: words.iter().map(std::string::ToString::to_string).collect(),
                tags: tags.iter().map(std::string::ToString::to_string).collect(),
                ..NewEntry::default()
            };
            let at = morning() - TimeDelta::days(days) - TimeDelta::hours(2);
            let r = entry(new, &prompts, at).expect("an entry");
            store.save(r).expect("saved");
        }
        let mut app = App::new(TodaySummary::default(), false, color);
        app.update(Action::Resize(size.0, size.1), now());
        Rig {
            _tmp: tmp,
            store,
            app,
        }
    }

    fn act(&mut self, action: Action) -> &mut Rig {
        step(&mut self.app, &self.store, action, now());
        self
    }

    fn key(&mut self, code: KeyCode) -> &mut Rig {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = self.app.action_for_key(&key) {
            self.act(action);
        }
        self
    }

    fn keys(&mut self, text: &str) -> &mut Rig {
        text.chars().for_each(|c| {
            self.key(KeyCode::Char(c));
        });
        self
    }
}

/// Each screen, reached by keys from home.
fn screens(color: bool, size: (u16, u16)) -> Vec<(&'static str, Rig)> {
    let mut out = Vec::new();
    let mut list = Rig::new(color, size);
    list.key(KeyCode::Char('j')).key(KeyCode::Down);
    out.push(("list", list));
    let mut view = Rig::new(color, size);
    view.key(KeyCode::Char('j'))
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    out.push(("entry", view));
    let mut editor = Rig::new(color, size);
    editor.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    editor.keys("The morning felt lighter than yesterday.");
    out.push(("editor", editor));
    let mut picker = Rig::new(color, size);
    picker.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    picker
        .key(KeyCode::Tab)
        .key(KeyCode::Char(' '))
        .key(KeyCode::Char(' '));
    out.push(("picker", picker));
    let mut discard = Rig::new(color, size);
    discard.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    discard.keys("half a thought").key(KeyCode::Esc);
    out.push(("discard", discard));
    let mut offer = Rig::new(color, size);
    let draft = Draft::new("Words kept from before: the chest felt tight.".into(), morning());
    drafts::write(&offer.store.layout().state_dir, &draft).expect("written");
    offer.key(KeyCode::Char('j'));
    out.push(("draft_offer", offer));
    out
}

#[test]
fn journal_screens_as_text() {
    for (w, h) in SIZES {
        for (name, rig) in screens(false, (w, h)) {
            insta::assert_snapshot!(format!("journal_{name}_{w}x{h}"), text(&rig.app, w, h));
        }
    }
}

#[test]
fn no_red_in_colour_and_no_colour_at_all_without_it() {
    for (w, h) in SIZES {
        for (name, rig) in screens(true, (w, h)) {
            assert_never_red(&buffer(&rig.app, w, h), &format!("{name} {w}x{h}"));
        }
        for (name, rig) in screens(false, (w, h)) {
            assert_no_colour(&buffer(&rig.app, w, h), &format!("{name} {w}x{h}"));
        }
    }
}

#[test]
fn the_editor_draws_at_any_size_without_panicking() {
    let mut rig = Rig::new(true, (80, 24));
    rig.key(KeyCode::Char('j')).key(KeyCode::Char('n'));
    rig.keys("a few words that wrap and wrap again 🌿 שלום");
    for w in [1, 10, 39, 40, 41, 60, 200] {
        for h in [1, 5, 11, 12, 13, 30] {
            let _ = buffer(&rig.app, w, h);
        }
    }
}

/// At 40x12 every prompt keeps a margin at the window's right edge: its words are drawn
/// whole (their last letters once fell off the edge).
#[test]
fn the_prompt_is_never_cut_at_the_edge_of_a_small_window() {
    use attune::tui::journal::{Intent, JournalAction};
    for prompt in &attune::content::prompts().prompts {
        let mut app = App::new(TodaySummary::default(), false, false);
        app.update(Action::Resize(40, 12), now());
        let new = NewEntry {
            prompt_id: Some(prompt.id.clone()),
            ..NewEntry::default()
        };
        app.open_journal(Intent::Write(new));
        app.update(Action::Journal(JournalAction::DraftChecked(Ok(None))), now());
        let shown = text(&app, 40, 12);
        let prompt_rows: Vec<&str> = shown.lines().skip(1).take(2).collect();
        for row in prompt_rows {
            assert!(row.ends_with(" \""), "{}: a word cut at the edge:\n{shown}", prompt.id);
        }
    }
}
