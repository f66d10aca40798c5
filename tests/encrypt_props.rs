//! Properties of sealed month files: whatever the bytes, sealing then opening gives them
//! back exactly; one flipped bit anywhere, or a cut at any length, is refused (never read
//! as other records, never a panic), and plain bytes pass through untouched.

use age::x25519;
use attune::store::crypt::{self, Why};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One key for the whole binary, made on first use and held: the keyring is
/// process-wide. (The properties hold for any key, so a new one each run is fine.)
fn key() -> x25519::Recipient {
    static KEY: OnceLock<x25519::Recipient> = OnceLock::new();
    KEY.get_or_init(|| {
        let identity = x25519::Identity::generate();
        crypt::hold(identity.clone());
        identity.to_public()
    })
    .clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn sealed_bytes_open_back_exactly(plain in proptest::collection::vec(any::<u8>(), 0..70_000)) {
        let sealed = crypt::seal(&key(), &plain).expect("seal");
        prop_assert!(crypt::is_sealed(&sealed));
        prop_assert_eq!(crypt::open(sealed), Ok(plain));
    }

    #[test]
    fn one_flipped_bit_anywhere_is_refused(
        plain in proptest::collection::vec(any::<u8>(), 1..3_000),
        at in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let mut sealed = crypt::seal(&key(), &plain).expect("seal");
        let i = at.index(sealed.len());
        sealed[i] ^= 1 << bit;
        match crypt::open(sealed.clone()) {
            // A flip in the magic line makes it not an age file: passed through as it is
            // (then refused by the JSON reader, never taken as records).
            Ok(bytes) => prop_assert!(!crypt::is_sealed(&sealed) && bytes == sealed),
            Err(why) => prop_assert!(matches!(why, Why::Damaged(_) | Why::OtherKey)),
        }
    }

    #[test]
    fn a_cut_at_any_length_is_refused(
        plain in proptest::collection::vec(any::<u8>(), 1..3_000),
        at in any::<prop::sample::Index>(),
    ) {
        let sealed = crypt::seal(&key(), &plain).expect("seal");
        let cut = at.index(sealed.len());
        let short = sealed[..cut].to_vec();
        match crypt::open(short.clone()) {
            Ok(bytes) => prop_assert!(!crypt::is_sealed(&short) && bytes == short),
            Err(why) => prop_assert!(matches!(why, Why::Damaged(_))),
        }
    }
}
