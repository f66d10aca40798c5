//! The merge of a quick search: the winning version of each journal entry by the store's
//! rule, keeping the words only of versions that hold the search. When that rule needs
//! words it did not keep, or the index must forget a deleted entry's words, it says so
//! and the search takes the whole way (`index::load`).

use super::Entry;
use crate::store::merge::precedence;
use std::cmp::Ordering;
use uuid::Uuid;

/// Every version offered, in the order offered.
#[derive(Default)]
pub struct Winners {
    versions: Vec<Version>,
}

struct Version {
    id: Uuid,
    deleted: bool,
    /// When it was saved, in milliseconds since 1970: stamps order by their moment alone.
    updated_at: i64,
    /// The words, for a version that holds the search (boxed: most versions hold none).
    hit: Option<Box<Entry>>,
}

impl Winners {
    /// A version of `id`, saved at `updated_at` (milliseconds since 1970), with its words
    /// when it holds the search.
    pub fn offer(&mut self, id: Uuid, deleted: bool, updated_at: i64, hit: Option<Entry>) {
        self.versions.push(Version {
            id,
            deleted,
            updated_at,
            hit: hit.map(Box::new),
        });
    }

    /// The winning versions that hold the search; None when the whole merge is needed:
    /// a record deleted in one file and live in another (the index must forget its
    /// words), or an exact tie between a hit and a version whose words were not kept.
    pub fn hits(mut self) -> Option<Vec<Entry>> {
        // Stable: versions of one id stay in the order offered, as `index::load` sees them.
        self.versions.sort_by_key(|v| v.id);
        let mut hits = Vec::new();
        for group in self.versions.chunk_by_mut(|a, b| a.id == b.id) {
            let (gone, live) = (group.iter().any(|v| v.deleted), group.iter().any(|v| !v.deleted));
            if gone && live {
                return None;
            }
            let mut best = 0;
            for i in 1..group.len() {
                if wins(&group[i], &group[best])? {
                    best = i;
                }
            }
            hits.extend(group[best].hit.take().map(|h| *h));
        }
        Some(hits)
    }
}

/// `index::wins` on what is kept: later (or deleted) wins, and an exact tie goes to the
/// store's full rule, which needs both versions' words.
fn wins(a: &Version, b: &Version) -> Option<bool> {
    match (a.deleted, a.updated_at).cmp(&(b.deleted, b.updated_at)) {
        Ordering::Equal => match (&a.hit, &b.hit) {
            (Some(x), Some(y)) => Some(precedence(&x.record(), &y.record()).is_gt()),
            (None, None) => Some(false),
            _ => None,
        },
        other => Some(other.is_gt()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::index::Meta;

    trait OfferMeta {
        fn offer_meta(&mut self, meta: &Meta, hit: Option<Entry>);
    }

    impl OfferMeta for Winners {
        fn offer_meta(&mut self, meta: &Meta, hit: Option<Entry>) {
            let at = meta.updated_at.timestamp_millis();
            self.offer(meta.id, meta.deleted, at, hit);
        }
    }

    fn meta(id: u128, minute: i64, deleted: bool) -> Meta {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-04T21:15:00+01:00").unwrap();
        Meta {
            id: Uuid::from_u128(id),
            created_at: at,
            updated_at: at + chrono::Duration::minutes(minute),
            deleted,
        }
    }

    fn hit(meta: &Meta, text: &str) -> Option<Entry> {
        Some(Entry {
            meta: meta.clone(),
            text: text.into(),
            prompt: None,
            tags: vec![],
            sensations: vec![],
            feelings: vec![],
            starred: false,
        })
    }

    fn texts(hits: Option<Vec<Entry>>) -> Option<Vec<String>> {
        hits.map(|h| h.into_iter().map(|e| e.text).collect())
    }

    #[test]
    fn the_latest_version_wins_and_counts_only_if_it_holds_the_search() {
        let mut w = Winners::default();
        let (old, new) = (meta(1, 0, false), meta(1, 5, false));
        w.offer_meta(&new, None);
        w.offer_meta(&old, hit(&old, "the old words"));
        let (a, b) = (meta(2, 0, false), meta(2, 9, false));
        w.offer_meta(&a, None);
        w.offer_meta(&b, hit(&b, "edited in"));
        assert_eq!(texts(w.hits()), Some(vec!["edited in".to_string()]));
    }

    #[test]
    fn a_tie_it_cannot_settle_or_words_to_forget_take_the_whole_merge() {
        let same = meta(1, 0, false);
        let mut w = Winners::default();
        w.offer_meta(&same, hit(&same, "a"));
        w.offer_meta(&same, None);
        assert!(w.hits().is_none(), "a tie between a hit and words not kept");
        let mut w = Winners::default();
        w.offer_meta(&same, hit(&same, "a"));
        w.offer_meta(&same, hit(&same, "b"));
        assert_eq!(texts(w.hits()).map(|t| t.len()), Some(1), "two hits: the store's rule");
        let mut w = Winners::default();
        w.offer_meta(&same, hit(&same, "a"));
        w.offer_meta(&meta(1, 3, true), None);
        assert!(w.hits().is_none(), "deleted in one file, live in another");
    }
}
