//! Tests of the fuzzy search that scores only what may rank among the hits:
//! the bound it relies on holds for nucleo's scores, and keystroke by
//! keystroke it finds what scoring every entry finds.
#![allow(clippy::unwrap_used)]

use nucleo_matcher::{Matcher, Utf32String};
use proptest::prelude::*;

use super::fuzzy::Growth;
use super::matching::{ascii_folded, nucleo_pattern};
use super::{Entry, Index, Kind, Matched, Target};

fn index(texts: &[String]) -> Index {
    let entries = (texts.iter().enumerate())
        .map(|(n, text)| Entry {
            kind: if n % 2 == 0 {
                Kind::Answer
            } else {
                Kind::Concern
            },
            text: text.clone(),
            // Every third entry leads where the one before it does.
            target: Target::Conference(format!("K{}", n - usize::from(n % 3 == 2))),
        })
        .collect();
    Index::from_entries(entries)
}

fn fuzzy_score(query: &str, text: &str) -> Option<u32> {
    let haystack = Utf32String::from(ascii_folded(text));
    nucleo_pattern(query, true).score(haystack.slice(..), &mut Matcher::default())
}

proptest! {
    /// What a query scores is at most what the query it grows scored, plus
    /// what `Growth` allows the entry: letters added to the last word, words
    /// added; texts with word starts, camel case, digits, delimiters.
    #[test]
    fn a_longer_query_scores_at_most_the_bound(
        before in "[a-zA-Z0-9 ._/:-]{0,30}",
        after in "[a-zA-Z0-9 ._/:-]{0,30}",
        previous in "[a-z]{1,4}( [a-z0-9]{1,3}){0,1}",
        more in "[a-z0-9]{0,3}( [a-z]{1,3}){0,1}",
        placed in 0..4_usize,
    ) {
        let query = format!("{previous}{more}");
        // The query in the text, at the start of a word, capitalised, or in a word.
        let text = match placed {
            0 => format!("{before}{after}"),
            1 => format!("{before} {query}{after}"),
            2 => format!("{before}-{}{after}", query.to_uppercase()),
            _ => format!("{before}x{query}{after}"),
        };
        let index = index(std::slice::from_ref(&text));
        let growth = Growth::of(&previous, &query).unwrap();
        if let (Some(before), Some(now)) = (fuzzy_score(&previous, &text), fuzzy_score(&query, &text)) {
            let most = before + growth.most(&index, 0);
            prop_assert!(now <= most, "{now} > {before} + growth for {query:?} in {text:?}");
        }
    }
}

proptest! {
    /// What a query scores is at most what `Growth::from_scratch` allows the
    /// entry (the bound of a fuzzy search that starts afresh), in texts as
    /// above and in texts longer than nucleo matches optimally.
    #[test]
    fn a_query_scores_at_most_its_bound_from_scratch(
        before in "[a-zA-Z0-9 ._/:-]{0,30}",
        after in "[a-zA-Z0-9 ._/:-]{0,30}",
        query in "[a-z]{1,5}( [a-z0-9]{1,3}){0,2}",
        placed in 0..4_usize,
        long in any::<bool>(),
    ) {
        let text = match placed {
            0 => format!("{before}{after}"),
            1 => format!("{before} {query}{after}"),
            2 => format!("{before}-{}{after}", query.to_uppercase()),
            _ => format!("{before}x{query}{after}"),
        };
        let text = if long { format!("{text} {}", "ab cd ".repeat(200)) } else { text };
        let index = index(std::slice::from_ref(&text));
        let growth = Growth::from_scratch(&query).unwrap();
        if let Some(score) = fuzzy_score(&query, &text) {
            let most = growth.most(&index, 0);
            prop_assert!(score <= most, "{score} > {most} for {query:?} in {text:?}");
        }
    }
}

/// Types `typed` letter by letter; at each letter, the hits are those of a
/// search that scores every entry.
fn finds_what_scoring_everything_finds(index: &Index, typed: &str) -> usize {
    let mut previous: Option<Matched> = None;
    let mut fuzzy = 0;
    for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let query = &typed[..end];
        let (hits, matched) = index.search_within(query, previous.as_ref());
        let (all, _) = index.search_scanning(query, None, false);
        assert_eq!(hits, all, "{query:?}");
        fuzzy += usize::from(matched.fuzzy);
        previous = Some(matched);
    }
    fuzzy
}

/// `n` texts of 20 to 50 characters drawn from `seed`: the letters of the
/// queries typed below, vowels, spaces and punctuation, either case.
fn texts_of_letters(seed: u64, n: usize) -> Vec<String> {
    let alphabet: Vec<char> = "rgstmdRGSTMDaeiouaeiou .-".chars().collect();
    let mut state = seed;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n
    };
    (0..n)
        .map(|_| {
            (0..20 + next(30))
                .map(|_| alphabet[next(alphabet.len())])
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Typed letter by letter into 6,000 texts of its letters (close scores
    /// by the hundred), a query no text contains finds at every letter what
    /// scoring every entry finds (hits leading to one place counted once,
    /// equal scores in index order).
    #[test]
    fn typing_an_abbreviation_finds_what_scoring_everything_finds(
        seed in any::<u64>(),
        typed in "[rgstmd]{5,9}( [rmd]{1,3}){0,1}",
    ) {
        finds_what_scoring_everything_finds(&index(&texts_of_letters(seed, 6_000)), &typed);
    }
}

#[test]
fn an_abbreviation_typed_scores_fewer_entries_and_finds_the_same() {
    // One text in ten names the register modernisation; the others match
    // its abbreviation only across words.
    let words = [
        "Regelung",
        "der",
        "Modernisierung",
        "mit",
        "Datenschutz",
        "Gesetz",
        "Termin",
    ];
    let texts: Vec<String> = (0..3_000)
        .map(|n: usize| {
            let mut text: Vec<&str> = (0..4 + n % 5)
                .map(|k| words[(n * 7 + k * 3 + n / 11) % words.len()])
                .collect();
            if n.is_multiple_of(10) {
                text.push("Registermodernisierung");
            }
            text.join(" ")
        })
        .collect();
    let index = index(&texts);
    for typed in ["rgstrmdr", "rgs mdx", "dtnschtz rg"] {
        assert!(
            finds_what_scoring_everything_finds(&index, typed) > 0,
            "{typed:?}"
        );
    }
    // Scoring did stop: the entries kept for the next keystroke include ones
    // not scored, whose bound is above their score.
    let (_, first) = index.search_within("rgs", None);
    let (_, next) = index.search_within("rgst", Some(&first));
    let unscored = (next.entries.iter().zip(&next.bounds))
        .filter(|&(&entry, &bound)| fuzzy_score("rgst", &texts[entry]).is_none_or(|s| s < bound))
        .count();
    assert!(unscored > 100, "{unscored} entries were left unscored");
}

#[test]
fn a_text_too_long_for_a_bound_is_scored_at_every_keystroke() {
    // Texts longer than nucleo matches optimally have no bound: they must
    // still be found, and rank where their score puts them; more of them
    // than the first batch scores.
    let mut texts = texts_of_letters(11, 6_000);
    for n in (0..6_000).filter(|n| n % 12 == 4) {
        let words = if n == 5_992 {
            "Rg St Md R"
        } else {
            "r g s t m d r"
        };
        texts[n] = format!("{} {words} {}", "ae ".repeat(400), "io".repeat(300));
    }
    let index = index(&texts);
    assert!(finds_what_scoring_everything_finds(&index, "rgstmdr") > 0);
    let hits = index.search("rgstmdr");
    assert!(hits.iter().any(|hit| hit.entry == 5_992));
}

#[test]
fn growth_is_known_only_where_the_query_grows_the_previous_one() {
    assert!(Growth::of("rgs", "rgst").is_some());
    assert!(Growth::of("rgs", "rgs m").is_some());
    assert!(Growth::of("rgs m", "rgs mx").is_some());
    // A word changed, or one before the last one grown: nothing is known.
    assert!(Growth::of("rgs m", "rgx m").is_none());
    assert!(Growth::of("rg m", "rgs m").is_none());
    assert!(Growth::of("", "r").is_none());
}
