//! Tests of the scan that stops once the best hits are certain: it finds what
//! scoring every entry finds, keystroke by keystroke, and the bound it relies
//! on holds for nucleo's scores.

use nucleo_matcher::{Matcher, Utf32String};
use proptest::prelude::*;

use super::matching::best_possible;
use super::{Engine, Entry, Index, Kind, Matched, Target};

/// 6,000 entries of words drawn from a small vocabulary (a fixed
/// pseudo-random sequence), three entries to a place, all five kinds.
fn many() -> Index {
    const WORDS: [&str; 14] = [
        "Registermodernisierung",
        "register",
        "Innenministerkonferenz",
        "digital",
        "Rechtsgrundlage",
        "Umsetzung",
        "Bericht",
        "Ländern",
        "Ziel",
        "reg.",
        "Ergebnis",
        "IMK",
        "Förderung",
        "x-Achse",
    ];
    let mut state: u64 = 7;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n
    };
    let kinds = [
        Kind::Conference,
        Kind::Person,
        Kind::Concern,
        Kind::Decision,
        Kind::Answer,
    ];
    let entries = (0..6_000)
        .map(|n| {
            let words: Vec<&str> = (0..3 + next(10))
                .map(|_| WORDS[next(WORDS.len())])
                .collect();
            Entry {
                kind: kinds[next(kinds.len())],
                text: words.join(" "),
                target: Target::Conference(format!("K{}", n / 3)),
            }
        })
        .collect();
    Index::from_entries(entries)
}

#[test]
fn stopping_early_finds_what_scoring_everything_finds() {
    let index = many();
    let mut stopped = 0;
    for typed in ["registermod", "r", "reg. imk", "ung", "x-a", "ziel b", "qq"] {
        let mut previous: Option<Matched> = None;
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let query = &typed[..end];
            let (hits, matched) = index.search_within(query, previous.as_ref());
            let (all, _) = index.search_scanning(query, None, false);
            assert_eq!(hits, all, "{query:?}");
            if matched.unscanned < index.entries.len() {
                stopped += 1;
            }
            previous = Some(matched);
        }
    }
    // The scan did stop early: for "r", "re", … and "reg. imk" at least.
    assert!(stopped >= 5, "stopped early {stopped} times");
}

#[test]
fn a_word_at_the_start_scores_the_bound() {
    let mut matcher = Matcher::default();
    for query in ["r", "reg", "register imk"] {
        let text = format!("{query} und mehr");
        let pattern = super::matching::nucleo_pattern(query, false);
        let score = pattern.score(Utf32String::from(text.as_str()).slice(..), &mut matcher);
        assert_eq!(score, best_possible(&Engine::Nucleo, query), "{query:?}");
    }
}

proptest! {
    /// No text scores above the bound: stopping at it never hides a better hit.
    #[test]
    fn no_score_exceeds_the_bound(
        text in "[a-zA-Z0-9 ._/:-]{0,80}",
        query in "[a-zA-Z0-9._-]{1,6}( [a-z0-9:]{1,4}){0,2}",
    ) {
        let mut matcher = Matcher::default();
        let pattern = super::matching::nucleo_pattern(&query, false);
        let bound = best_possible(&Engine::Nucleo, &query);
        let score = pattern.score(Utf32String::from(text.as_str()).slice(..), &mut matcher);
        prop_assert!(score <= bound, "{score:?} > {bound:?}");
    }
}

/// The sentences as they were split before the characters were counted as
/// they grow: the same parts, for short, long and unpunctuated texts.
#[test]
fn sentences_split_as_before() {
    fn reference(text: &str) -> Vec<String> {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = Vec::new();
        let mut current = String::new();
        for word in flat.split(' ') {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            let ends = word.ends_with(['.', '?', '!', ';']) && current.chars().count() >= 40;
            if ends || current.chars().count() >= 160 {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
        out
    }
    let long = "Übergänge äöü ".repeat(40);
    let texts = [
        "",
        "   ",
        "Kurz.",
        "Ein Satz, der länger als vierzig Zeichen ist. Und noch einer?  Ja!",
        long.as_str(),
        "Registermodernisierung;\tLänder\nund Bund. Weiter geht es mit mehr Text hier.",
    ];
    for text in texts {
        assert_eq!(super::entries::sentences(text), reference(text), "{text:?}");
    }
    assert_eq!(super::entries::sentences(&long).len(), 4);
}
