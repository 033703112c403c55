//! Which entries contain the words of a query, found before any is scored:
//! the entries' text folded as nucleo compares it (ASCII, lower case) in one
//! buffer, searched with `memchr`'s SIMD substring search, one hit per entry.
//! Scoring only what contains the words makes a keystroke cost what the
//! search of the buffer costs where it cost scoring every entry (a query with
//! few hits at a word start, a second word after the early stop).

use memchr::memmem::Finder;
use nucleo_matcher::Utf32Str;
use nucleo_matcher::pattern::Pattern;

/// The entries' folded texts, one after another, each followed by a line
/// break (which no word of a query contains).
#[derive(Default)]
pub(super) struct Folded {
    bytes: Vec<u8>,
    /// Where each entry's text starts in `bytes`; one more: the end.
    starts: Vec<usize>,
}

/// The score `Plain::classify` gives an entry nucleo must score.
pub(super) const UNKNOWN: i64 = i64::MIN;

/// Runs of at least this many consecutive entries are searched as one piece of
/// the buffer; shorter ones entry by entry.
const RUN: usize = 8;

impl Folded {
    /// `texts` are the entries' texts as nucleo reads them (`ascii_folded`).
    pub(super) fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let (mut bytes, mut starts) = (Vec::new(), vec![0]);
        for text in texts {
            bytes.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            bytes.push(b'\n');
            starts.push(bytes.len());
        }
        bytes.shrink_to_fit();
        Self { bytes, starts }
    }

    /// The folded text of `entry`, with its line break.
    pub(super) fn entry(&self, entry: usize) -> &[u8] {
        &self.bytes[self.starts[entry]..self.starts[entry + 1]]
    }

    /// The entries of `candidates` (ascending) that contain every word of
    /// `pattern` (a substring pattern made by `nucleo_pattern`): those nucleo
    /// can match, and only those. `None` when the pattern's words are not all
    /// ASCII (never, for patterns of folded queries): then all may match.
    pub(super) fn containing(&self, pattern: &Pattern, candidates: &[usize]) -> Option<Vec<usize>> {
        let mut needles = super::matching::ascii_words(pattern)?;
        // The longest word first: it is found least often.
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let Some((first, rest)) = needles.split_first() else {
            return Some(candidates.to_vec());
        };
        let first = Finder::new(first);
        let rest: Vec<Finder> = rest.iter().map(Finder::new).collect();
        let has_rest = |entry: usize| {
            let text = self.entry(entry);
            rest.iter().all(|f| f.find(text).is_some())
        };
        let mut found = Vec::with_capacity(candidates.len());
        for (start, run) in runs(candidates) {
            if run < RUN {
                found.extend(
                    (start..start + run)
                        .filter(|&e| first.find(self.entry(e)).is_some() && has_rest(e)),
                );
            } else {
                self.search_run(&first, start, start + run, |e| {
                    if has_rest(e) {
                        found.push(e);
                    }
                });
            }
        }
        Some(found)
    }

    /// Calls `hit` with each entry of `from..to` that contains `finder`'s
    /// needle, in order: the buffer searched from one hit on from the start
    /// of the next entry.
    fn search_run(&self, finder: &Finder, from: usize, to: usize, mut hit: impl FnMut(usize)) {
        let starts = &self.starts[from..=to];
        let (base, end) = (starts[0], starts[to - from]);
        let mut at = base;
        let mut entry = 0; // within `starts`
        while let Some(offset) = finder.find(&self.bytes[at..end]) {
            let pos = at + offset;
            // The entry the hit is in: the last one starting at or before it
            // (most often the one the search started in).
            if starts[entry + 1] <= pos {
                entry += starts[entry..].partition_point(|&s| s <= pos) - 1;
            }
            hit(from + entry);
            entry += 1;
            at = starts[entry];
            if at >= end {
                break;
            }
        }
    }
}

/// A substring pattern whose words are lower-case letters only, with the
/// score nucleo gives them found inside lower-case words. Nucleo scores the
/// first occurrence with the best bonus at its first letter; where every
/// occurrence of every word is inside a lower-case word (a lower-case letter
/// before it, its letters lower case), that bonus is none for all of them and
/// the score is this sum: such entries (most, for a syllable like "ung") need
/// not be scored.
pub(super) struct Plain {
    needles: Vec<Finder<'static>>,
    score: i64,
}

impl Plain {
    /// `None` when a word of `pattern` is not lower-case letters only.
    pub(super) fn of(pattern: &Pattern) -> Option<Self> {
        let mut matcher = nucleo_matcher::Matcher::default();
        let (mut needles, mut score) = (Vec::new(), 0);
        for atom in &pattern.atoms {
            let Utf32Str::Ascii(needle) = atom.needle_text() else {
                return None;
            };
            if !needle.iter().all(u8::is_ascii_lowercase) {
                return None;
            }
            // The word after a letter it does not contain: found there only.
            let before = (b'a'..=b'z').find(|c| !needle.contains(c))?;
            let mut inside = vec![before];
            inside.extend_from_slice(needle);
            score += i64::from(atom.score(Utf32Str::Ascii(&inside), &mut matcher)?);
            needles.push(Finder::new(needle).into_owned());
        }
        (!needles.is_empty()).then_some(Self { needles, score })
    }

    /// Whether the occurrence at `at` of a word of `n` letters is inside a
    /// lower-case word of `original` (the entry's text as nucleo reads it).
    fn inside(original: Utf32Str<'_>, at: usize, n: usize) -> bool {
        let Utf32Str::Ascii(original) = original else {
            return false;
        };
        at > 0
            && original.get(at - 1).is_some_and(u8::is_ascii_lowercase)
            && original
                .get(at..at + n)
                .is_some_and(|w| w.iter().all(u8::is_ascii_lowercase))
    }

    /// For a pattern of one word: the entries of `candidates` (ascending)
    /// that contain it, each with its score when known (`score`), else
    /// `UNKNOWN`, in order (pairs of 16 bytes: no `Option`, which made 24).
    /// Runs of consecutive entries are searched as one piece of the buffer,
    /// every occurrence visited once. `original`: an entry's text as nucleo
    /// reads it. `None` for patterns of several words.
    pub(super) fn classify<'a>(
        &self,
        folded: &Folded,
        original: impl Fn(usize) -> Utf32Str<'a>,
        candidates: &[usize],
    ) -> Option<Vec<(usize, i64)>> {
        let [needle] = self.needles.as_slice() else {
            return None;
        };
        let n = needle.needle().len();
        let mut out = Vec::with_capacity(candidates.len());
        for (start, run) in runs(candidates) {
            let (from, to) = (start, start + run);
            let starts = &folded.starts[from..=to];
            let end = starts[run];
            let (mut at, mut entry) = (starts[0], 0);
            // The entry found last, and whether all its occurrences so far are inside words.
            let mut current: Option<(usize, bool)> = None;
            while let Some(offset) = needle.find(&folded.bytes[at..end]) {
                let pos = at + offset;
                if starts[entry + 1] <= pos {
                    entry += starts[entry..].partition_point(|&s| s <= pos) - 1;
                }
                if current.is_none_or(|(e, _)| e != from + entry) {
                    out.extend(
                        current.map(|(e, plain)| (e, if plain { self.score } else { UNKNOWN })),
                    );
                    current = Some((from + entry, true));
                }
                if Self::inside(original(from + entry), pos - starts[entry], n) {
                    at = pos + 1;
                } else {
                    // Nucleo scores this one: the rest of it need not be looked at.
                    current = Some((from + entry, false));
                    at = starts[entry + 1];
                    if at >= end {
                        break;
                    }
                }
            }
            out.extend(current.map(|(e, plain)| (e, if plain { self.score } else { UNKNOWN })));
        }
        Some(out)
    }

    /// The score of an entry whose folded text is `folded` (as `Folded` holds
    /// it) and whose text as nucleo reads it is `original`, when every
    /// occurrence of every word is inside a lower-case word; `None` otherwise
    /// (nucleo must score it).
    pub(super) fn score(&self, folded: &[u8], original: Utf32Str<'_>) -> Option<i64> {
        let Utf32Str::Ascii(original) = original else {
            return None;
        };
        for needle in &self.needles {
            let n = needle.needle().len();
            let (mut from, mut found) = (0, false);
            // Every occurrence, overlapping ones too.
            while let Some(at) = needle.find(&folded[from..]) {
                let at = from + at;
                let inside = at > 0
                    && original.get(at - 1).is_some_and(u8::is_ascii_lowercase)
                    && original
                        .get(at..at + n)
                        .is_some_and(|w| w.iter().all(u8::is_ascii_lowercase));
                if !inside {
                    return None;
                }
                (from, found) = (at + 1, true);
            }
            if !found {
                return None;
            }
        }
        Some(self.score)
    }
}

/// The runs of consecutive entries in `candidates` (ascending): each as its
/// first entry and its length.
fn runs(candidates: &[usize]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let &start = candidates.get(i)?;
        let mut run = 1;
        while candidates.get(i + run) == Some(&(start + run)) {
            run += 1;
        }
        i += run;
        Some((start, run))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use nucleo_matcher::{Matcher, Utf32String};
    use proptest::prelude::*;

    use super::Folded;
    use crate::search::matching::{ascii_folded, nucleo_pattern};

    proptest! {
        /// The entries kept are exactly those nucleo matches as substrings,
        /// among any candidates: runs, gaps, umlauts, case, several words.
        #[test]
        fn keeps_what_nucleo_matches(
            texts in proptest::collection::vec("[a-zA-ZäöüÄÖÜß .:-]{0,30}", 0..40),
            query in "[a-zA-Zäöß.]{1,4}( [a-zöß:]{1,3}){0,2}",
            skip in proptest::collection::vec(any::<bool>(), 40),
        ) {
            let haystacks: Vec<String> = texts.iter().map(|t| ascii_folded(t)).collect();
            let folded = Folded::new(haystacks.iter().map(String::as_str));
            let candidates: Vec<usize> =
                (0..texts.len()).filter(|&i| !skip[i] || i % 3 == 0).collect();
            let pattern = nucleo_pattern(&query, false);
            let mut matcher = Matcher::default();
            let expected: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| {
                    let haystack = Utf32String::from(haystacks[i].as_str());
                    pattern.score(haystack.slice(..), &mut matcher).is_some()
                })
                .collect();
            prop_assert_eq!(folded.containing(&pattern, &candidates), Some(expected));
        }
    }

    proptest! {
        /// Where the words are known to score what they score inside a word,
        /// nucleo gives exactly that score.
        #[test]
        fn plain_scores_are_nucleos(
            text in "[a-zA-Z0-9 .:/_-]{0,12}(ung|Ung|UNG|aung|xung|bunG|1ung|uung){0,3}[a-zA-Z .:-]{0,12}(ung|eng|ungung){0,2}",
            query in "(ung|un|u|ng|uu|eng|ungung)( [a-z]{1,3}){0,1}",
        ) {
            let pattern = nucleo_pattern(&query, false);
            let plain = super::Plain::of(&pattern).unwrap();
            let haystack = ascii_folded(&text);
            let folded = Folded::new(std::iter::once(haystack.as_str()));
            let original = Utf32String::from(haystack.as_str());
            if let Some(score) = plain.score(folded.entry(0), original.slice(..)) {
                let nucleo = pattern.score(original.slice(..), &mut Matcher::default());
                prop_assert_eq!(nucleo.map(i64::from), Some(score));
            }
        }
    }

    proptest! {
        /// One pass over runs and single entries keeps exactly what nucleo
        /// matches, and the scores it knows are nucleo's.
        #[test]
        fn classify_keeps_what_nucleo_matches_with_its_scores(
            texts in proptest::collection::vec(
                "[a-zA-Z .:-]{0,8}(ung|Ung|xung|unG|1ung|uung){0,2}[a-z .]{0,6}(ung|ungung){0,2}",
                0..40,
            ),
            query in "(ung|un|u|uu|ungung)",
            skip in proptest::collection::vec(any::<bool>(), 40),
        ) {
            let haystacks: Vec<Utf32String> =
                texts.iter().map(|t| Utf32String::from(ascii_folded(t))).collect();
            let folded_texts: Vec<String> = texts.iter().map(|t| ascii_folded(t)).collect();
            let folded = Folded::new(folded_texts.iter().map(String::as_str));
            let candidates: Vec<usize> =
                (0..texts.len()).filter(|&i| !skip[i] || i % 3 == 0).collect();
            let pattern = nucleo_pattern(&query, false);
            let plain = super::Plain::of(&pattern).unwrap();
            let classified = plain
                .classify(&folded, |i| haystacks[i].slice(..), &candidates)
                .unwrap();
            let mut matcher = Matcher::default();
            let expected: Vec<(usize, i64)> = candidates
                .iter()
                .filter_map(|&i| {
                    let score = pattern.score(haystacks[i].slice(..), &mut matcher)?;
                    Some((i, i64::from(score)))
                })
                .collect();
            prop_assert_eq!(classified.len(), expected.len());
            for ((i, known), (j, score)) in classified.into_iter().zip(expected) {
                prop_assert_eq!(i, j);
                prop_assert!(known == super::UNKNOWN || known == score, "{} {} {}", i, known, score);
            }
        }
    }

    #[test]
    fn plain_words_inside_words_are_known_at_a_word_start_not() {
        let pattern = nucleo_pattern("ung", false);
        let plain = super::Plain::of(&pattern).unwrap();
        let mut matcher = Matcher::default();
        let texts = [
            "Die Umsetzung der Regelung",
            "Ungleich",
            "Die Umsetzung, Ung",
        ];
        let known: Vec<Option<i64>> = texts
            .iter()
            .map(|t| {
                let folded = Folded::new(std::iter::once(*t));
                plain.score(folded.entry(0), Utf32String::from(*t).slice(..))
            })
            .collect();
        let nucleo = pattern.score(Utf32String::from(texts[0]).slice(..), &mut matcher);
        assert_eq!(known[0], nucleo.map(i64::from));
        assert_eq!(known[1..], [None, None]);
        assert!(super::Plain::of(&nucleo_pattern("reg.", false)).is_none());
        assert!(super::Plain::of(&nucleo_pattern("Reg", false)).is_some());
    }

    #[test]
    fn finds_a_word_in_long_runs_and_single_entries() {
        let texts: Vec<String> = (0..50)
            .map(|i| {
                if i % 7 == 3 {
                    format!("Die Ümsetzung {i}")
                } else {
                    format!("Text {i}")
                }
            })
            .collect();
        let haystacks: Vec<String> = texts.iter().map(|t| ascii_folded(t)).collect();
        let folded = Folded::new(haystacks.iter().map(String::as_str));
        let pattern = nucleo_pattern("UMSETZ", false);
        let all: Vec<usize> = (0..50).collect();
        let want: Vec<usize> = (0..50).filter(|i| i % 7 == 3).collect();
        assert_eq!(folded.containing(&pattern, &all), Some(want));
        let some = [3, 5, 10, 24, 40];
        assert_eq!(folded.containing(&pattern, &some), Some(vec![3, 10, 24]));
    }
}
