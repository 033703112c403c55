//! The index and its matching, on the sample data and on made-up entries.

use super::*;

/// A scorer of plain substrings, standing in for the benchmark's Skim V2.
struct Substring;

impl Scorer for Substring {
    fn score(&self, text: &str, query: &str) -> Option<i64> {
        self.indices(text, query).map(|(score, _)| score)
    }
    fn indices(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        let at = text.to_lowercase().find(&query.to_lowercase())?;
        let start = text[..at].chars().count();
        let len = query.chars().count();
        Some((-i64::try_from(at).ok()?, (start..start + len).collect()))
    }
}

#[test]
fn another_scorer_can_be_plugged_in() {
    let own = Index::build(&crate::store::bundled(), 48);
    let index = Index::with_engine(
        own.entries.clone(),
        Engine::Other(std::sync::Arc::new(Substring)),
    );
    let hits = index.search("senatskanzlei");
    assert!(!hits.is_empty());
    let hit = &hits[0];
    let text: String = index.entries[hit.entry].text.chars().collect();
    let marked: String = hit
        .indices
        .iter()
        .filter_map(|&i| text.chars().nth(i))
        .collect();
    assert_eq!(marked.to_lowercase(), "senatskanzlei");
}

#[test]
fn finds_people_and_conferences_with_umlauts() {
    let data = crate::store::bundled();
    let index = Index::build(&data, 48);
    let hits = index.search("pörk");
    let first = &index.entries[hits[0].entry];
    assert_eq!(first.kind, Kind::Person);
    assert_eq!(
        first.target,
        Target::Person {
            conference: Some("WMK".into())
        }
    );
    let hits = index.search("innen");
    assert_eq!(
        index.entries[hits[0].entry].target,
        Target::Conference("IMK".into())
    );
    assert!(index.search("zzzzqqq").is_empty());
}

#[test]
fn words_are_found_as_typed_and_abbreviations_fuzzily() {
    let data = crate::store::bundled();
    let index = Index::build(&data, 48);
    // Umlauts and case aside, in any order.
    let hits = index.search("SENATSKANZLEI porksen");
    assert_eq!(index.entries[hits[0].entry].kind, Kind::Person);
    let (_, matched) = index.search_within("ministerium", None);
    assert!(!matched.fuzzy);
    // No text contains "dgtlmk": letters in order still find the DigitalMK.
    let (hits, matched) = index.search_within("dgtlmk", None);
    assert!(matched.fuzzy);
    assert_eq!(
        index.entries[hits[0].entry].target,
        Target::Conference("DMK".into())
    );
    // "o" finds "ö"; an "ö" typed finds only "ö".
    let entry = |text: &str| Entry {
        kind: Kind::Answer,
        text: text.to_owned(),
        target: Target::Conference(text.to_owned()),
    };
    let small = Index::from_entries(vec![
        entry("Förderprogramme"),
        entry("EfA-Mindestanforderungen"),
    ]);
    assert_eq!(small.search("forder").len(), 2);
    let hits = small.search("förder");
    assert_eq!(hits.len(), 1);
    assert_eq!(small.entries[hits[0].entry].text, "Förderprogramme");
    // Highlighted positions are character positions in the text.
    let hits = index.search("pörk");
    let text: Vec<char> = index.entries[hits[0].entry].text.chars().collect();
    let marked: String = hits[0].indices.iter().map(|&i| text[i]).collect();
    assert_eq!(marked.to_lowercase(), "pörk");
}

#[test]
fn narrowing_keystroke_by_keystroke_finds_what_a_fresh_search_finds() {
    let data = crate::store::bundled();
    let index = Index::build(&data, 48);
    for typed in [
        "digitalisierung",
        "registr imk",
        "dgtl",
        "xq",
        "leitfrage 2",
    ] {
        let mut previous: Option<Matched> = None;
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = &typed[..end];
            let (hits, matched) = index.search_within(query, previous.as_ref());
            assert_eq!(hits, index.search(query), "{query:?}");
            previous = Some(matched);
        }
    }
}

#[test]
fn many_matches_leading_to_one_place_do_not_crowd_out_the_rest() {
    // 2,000 equal matches leading to one place come first in index order:
    // more than the few sorted first; the other places must still be found.
    let entry = |text: &str, place: usize| Entry {
        kind: Kind::Answer,
        text: text.to_owned(),
        target: Target::Conference(format!("K{place}")),
    };
    let entries = (0..2_000)
        .map(|_| entry("x", 0))
        .chain((1..=300).map(|n| entry("x", n)))
        .collect();
    let index = Index::from_entries(entries);
    let hits = index.search("x");
    let found: Vec<usize> = hits.iter().map(|h| h.entry).collect();
    let expected: Vec<usize> = std::iter::once(0).chain(2_000..2_199).collect();
    assert_eq!(found, expected);
}

#[test]
fn results_are_grouped_by_kind_best_group_first() {
    let data = crate::store::bundled();
    let index = Index::build(&data, 48);
    let hits = index.search("digital");
    let kinds: Vec<Kind> = hits.iter().map(|h| index.entries[h.entry].kind).collect();
    let mut groups = kinds.clone();
    groups.dedup();
    let mut unique = groups.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        groups.len(),
        unique.len(),
        "each kind forms one group: {kinds:?}"
    );
    assert!(kinds.contains(&Kind::Conference) && kinds.contains(&Kind::Decision));
    let top = hits[0].score;
    assert!(hits.iter().all(|h| h.score <= top), "the best hit is first");
}

#[test]
fn a_decision_named_as_typed_is_found_among_many_texts_naming_it() {
    // The demo archive: thousands of concerns mention the register
    // modernisation; the decision 2024/15 is called just that. Of equal
    // scores the shorter text ranks first, so it is among the hits (before,
    // 200 concerns earlier in the index filled them all).
    let mut data = crate::demo::archive(crate::demo::DemoSize {
        sessions: 4,
        concerns: 3_000,
        seed: 1,
    });
    data.normalize();
    let index = Index::build(&data, 48);
    for query in ["Registermodernisierung", "registermod", "rgstrmd"] {
        let hits = index.search(query);
        let decision = |hit: &super::Hit| matches!(&index.entries[hit.entry].target, Target::Decision { id, .. } if id == "2024/15");
        assert!(
            hits.iter().any(decision),
            "{query:?}: {} hits, none the decision",
            hits.len()
        );
        // And on top: its group comes first (its best hit, of the same score
        // as the concerns', is the shorter text), not after 188 concerns.
        assert!(
            hits.first().is_some_and(decision),
            "{query:?}: the decision is hit {:?}",
            hits.iter().position(decision)
        );
    }
}
