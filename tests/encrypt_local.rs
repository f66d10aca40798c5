//! With `encryption.remember = false`, a journal draft in local state is sealed: no word
//! of it on disk in plain, read back whole with the key, and left untouched without it.
//! (Its own test binary: the sealing of local state is process-wide.)

use age::x25519;
use attune::store::crypt;
use attune::store::drafts::{self, Draft};

#[test]
fn a_draft_is_sealed_on_disk_and_waits_untouched_for_the_key() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let state = tmp.path();
    let key = x25519::Identity::generate();
    crypt::seal_local_state(Some(key.to_public()));
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:30:00+01:00").expect("stamp");
    let draft = Draft::new("the lighthouse at dusk".into(), at);
    drafts::write(state, &draft).expect("write");
    let path = drafts::own_path(state).expect("slot");
    let bytes = std::fs::read(&path).expect("read");
    assert!(crypt::is_sealed(&bytes));
    assert!(!bytes.windows(10).any(|w| w == b"lighthouse"));

    // Without the key the draft is not offered, and not moved or changed.
    assert!(drafts::read(state).is_err());
    assert_eq!(std::fs::read(&path).expect("still there"), bytes);
    crypt::hold(key);
    assert_eq!(drafts::read(state).expect("reads"), Some(draft));
    drafts::remove(state).expect("remove");
}
