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
    fn entry(&self, entry: usize) -> &[u8] {
        &self.bytes[self.starts[entry]..self.starts[entry + 1]]
    }

    /// The entries of `candidates` (ascending) that contain every word of
    /// `pattern` (a substring pattern made by `nucleo_pattern`): those nucleo
    /// can match, and only those. `None` when the pattern's words are not all
    /// ASCII (never, for patterns of folded queries): then all may match.
    pub(super) fn containing(&self, pattern: &Pattern, candidates: &[usize]) -> Option<Vec<usize>> {
        let mut needles: Vec<&[u8]> = Vec::with_capacity(pattern.atoms.len());
        for atom in &pattern.atoms {
            match atom.needle_text() {
                Utf32Str::Ascii(needle) => needles.push(needle),
                Utf32Str::Unicode(_) => return None,
            }
        }
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
        let mut found = Vec::new();
        let mut i = 0;
        while i < candidates.len() {
            let start = candidates[i];
            let mut run = 1;
            while candidates.get(i + run) == Some(&(start + run)) {
                run += 1;
            }
            if run < RUN {
                found.extend(
                    candidates[i..i + run]
                        .iter()
                        .copied()
                        .filter(|&e| first.find(self.entry(e)).is_some() && has_rest(e)),
                );
            } else {
                self.search_run(&first, start, start + run, |e| {
                    if has_rest(e) {
                        found.push(e);
                    }
                });
            }
            i += run;
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
            // The entry the hit is in: the last one starting at or before it.
            entry += starts[entry..].partition_point(|&s| s <= pos) - 1;
            hit(from + entry);
            entry += 1;
            at = starts[entry];
            if at >= end {
                break;
            }
        }
    }
}

#[cfg(test)]
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
