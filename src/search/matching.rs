//! Matching: `nucleo-matcher` on texts folded once to ASCII (its fast path),
//! scored on all cores for large pools. Another scorer can be plugged in for
//! comparison: the benchmarks measure `fuzzy-matcher`'s Skim V2 that way, so
//! the program itself does not carry it.

use std::sync::Arc;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Matcher, Utf32Str};

use super::Index;
use super::prefilter::{Plain, UNKNOWN};

/// `text` in lower case, kept beside each entry so a keystroke need not fold it.
pub(super) fn folded(text: &str) -> String {
    text.to_lowercase()
}

/// A fuzzy scorer other than nucleo, the query as one needle.
pub trait Scorer: Send + Sync {
    /// The score of `text` for `query`, if it matches.
    fn score(&self, text: &str, query: &str) -> Option<i64>;
    /// The score and the matched character positions of `text` for `query`.
    fn indices(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)>;
}

/// Which fuzzy matcher scores the entries.
#[derive(Clone, Default)]
pub enum Engine {
    /// `nucleo-matcher`: each word of the query is matched on its own.
    #[default]
    Nucleo,
    /// Another scorer, for comparison (the benchmarks' Skim V2).
    Other(Arc<dyn Scorer>),
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Nucleo => "Nucleo",
            Self::Other(_) => "Other",
        })
    }
}

/// Whether all of `query` (lower case) occurs in `haystack` in order: a cheap
/// test before the scorer runs.
fn in_order(haystack: &str, query: &str) -> bool {
    let mut rest = haystack.chars();
    query.chars().all(|q| rest.any(|h| h == q))
}

/// `text` with each character replaced by one ASCII character: "ä" by "a", "ß"
/// by "s", what has no ASCII form by NUL (which no query contains). One for one,
/// so matched positions are positions in the text; and ASCII, so nucleo takes
/// its fast path (measured: a third of the time of matching the text itself).
pub(super) fn ascii_folded(text: &str) -> String {
    // Most texts are ASCII already; the others are sized once, not grown char by char.
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut folded = String::with_capacity(text.len());
    folded.extend(text.chars().map(|c| {
        match c {
            _ if c.is_ascii() => c,
            'ß' | 'ẞ' => 's',
            _ => Some(nucleo_matcher::chars::normalize(c))
                .filter(char::is_ascii)
                .unwrap_or('\0'),
        }
    }));
    folded
}

/// The query as nucleo reads it: words matched each on its own, in any order,
/// case ignored, "o" finding "ö" (an "ö" typed is checked afterwards). No
/// special syntax: a user typing "^" or "!" means the character.
pub(super) fn nucleo_pattern(query: &str, fuzzy: bool) -> Pattern {
    let kind = if fuzzy {
        AtomKind::Fuzzy
    } else {
        AtomKind::Substring
    };
    Pattern::new(
        &ascii_folded(query),
        CaseMatching::Ignore,
        Normalization::Never,
        kind,
    )
}

/// The words of `pattern`, as bytes; `None` when one is not ASCII (never,
/// for patterns of folded queries).
pub(super) fn ascii_words(pattern: &Pattern) -> Option<Vec<&[u8]>> {
    (pattern.atoms.iter())
        .map(|atom| match atom.needle_text() {
            Utf32Str::Ascii(word) => Some(word),
            Utf32Str::Unicode(_) => None,
        })
        .collect()
}

/// Pools of at least this many entries are scored on all cores.
const PARALLEL_FROM: usize = 20_000;

/// The first slice of candidates scored before looking whether the best hits
/// are found already; each next slice is twice as large.
const FIRST_SLICE: usize = 2_048;

/// The highest score nucleo can give `query` matched as substrings: per word of
/// n characters 16 per character, the first one's bonus counted twice, and
/// every bonus at most that of a word start after white space (10); a
/// consecutive match carries its first bonus on, so a word found at the start
/// of a word scores exactly 26n + 10. `None` for other engines.
pub(super) fn best_possible(engine: &Engine, query: &str) -> Option<u32> {
    const MATCH: u32 = 16;
    const BONUS: u32 = 10;
    if !matches!(engine, Engine::Nucleo) {
        return None;
    }
    let pattern = nucleo_pattern(query, false);
    let score = pattern
        .atoms
        .iter()
        .map(|atom| {
            let n = u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX / 64);
            MATCH * n + BONUS * (n + 1)
        })
        .sum();
    Some(score)
}

impl Index {
    /// Scores `candidates` (entry numbers, ascending) for `query`, its words as
    /// substrings, in slices in index order, and stops as soon as `MAX_HITS`
    /// places have a hit of the highest score possible: no later entry can
    /// rank before them (equal scores rank by index). Returns what matched and
    /// the first entry not looked at (every entry from there on is still a
    /// candidate; the number of entries when all were looked at).
    ///
    /// A one to three letter query matches nearly everything: scoring all of it
    /// was most of such a keystroke, and its best hits are among the first few
    /// thousand entries.
    pub(super) fn score_candidates(
        &self,
        query: &str,
        candidates: &[usize],
        fuzzy: bool,
    ) -> (Vec<(usize, i64)>, usize) {
        let all = self.entries.len();
        let best = if fuzzy {
            None
        } else {
            best_possible(&self.engine, query)
        };
        let Some(best) = best.map(i64::from) else {
            return (self.score_pool(query, candidates, fuzzy), all);
        };
        let mut scored = Vec::new();
        let mut places = std::collections::HashSet::new();
        let (mut start, mut size) = (0, FIRST_SLICE);
        while start < candidates.len() {
            let end = (start + size).min(candidates.len());
            let slice = self.score_pool(query, &candidates[start..end], false);
            places.extend(
                slice
                    .iter()
                    .filter(|(_, score)| *score >= best)
                    .map(|(i, _)| &self.entries[*i].target),
            );
            scored.extend(slice);
            if places.len() >= super::MAX_HITS {
                return (scored, candidates.get(end).copied().unwrap_or(all));
            }
            (start, size) = (end, size * 2);
        }
        (scored, all)
    }

    /// Scores every entry of `pool` that matches `query`, its words as
    /// substrings, or fuzzily.
    pub(super) fn score_pool(&self, query: &str, pool: &[usize], fuzzy: bool) -> Vec<(usize, i64)> {
        match &self.engine {
            Engine::Nucleo => {
                let pattern = nucleo_pattern(query, fuzzy);
                // What a word inside other words scores is known without scoring.
                let plain = (!fuzzy).then(|| Plain::of(&pattern)).flatten();
                let original = |i: usize| self.haystacks[i].slice(..);
                let Some(classified) = plain
                    .as_ref()
                    .and_then(|p| p.classify(&self.prefilter, original, pool))
                else {
                    // Only what contains the words can match them as substrings.
                    let containing = (!fuzzy)
                        .then(|| self.prefilter.containing(&pattern, pool))
                        .flatten();
                    let pool = containing.as_deref().unwrap_or(pool);
                    return self.score_nucleo(&pattern, plain.as_ref(), pool);
                };
                let mut classified = classified;
                let unknown: Vec<usize> = (classified.iter())
                    .filter(|(_, score)| *score == UNKNOWN)
                    .map(|(i, _)| *i)
                    .collect();
                if unknown.is_empty() {
                    return classified;
                }
                // The unknown ones scored, in order (all, as they contain the word).
                let mut scored = self.score_nucleo(&pattern, None, &unknown).into_iter();
                let mut next = scored.next();
                for (i, score) in &mut classified {
                    if *score == UNKNOWN
                        && let Some((j, by_nucleo)) = next
                        && j == *i
                    {
                        *score = by_nucleo;
                        next = scored.next();
                    }
                }
                classified.retain(|(_, score)| *score != UNKNOWN);
                classified
            }
            Engine::Other(scorer) => {
                let needle = folded(query);
                pool.iter()
                    .filter(|&&i| in_order(&self.folded[i], &needle))
                    .filter_map(|&i| {
                        scorer
                            .score(&self.entries[i].text, query)
                            .map(|score| (i, score))
                    })
                    .collect()
            }
        }
    }

    /// Scores the entries of `pool` that `pattern` matches with nucleo (on all
    /// cores for large pools, order kept); where `plain` knows an entry's
    /// score, that.
    pub(super) fn score_nucleo(
        &self,
        pattern: &Pattern,
        plain: Option<&Plain>,
        pool: &[usize],
    ) -> Vec<(usize, i64)> {
        let score_chunk = |chunk: &[usize]| {
            let mut matcher = Matcher::default();
            chunk
                .iter()
                .filter_map(|&i| {
                    let haystack = self.haystacks[i].slice(..);
                    let known = plain.and_then(|p| p.score(self.prefilter.entry(i), haystack));
                    known
                        .or_else(|| pattern.score(haystack, &mut matcher).map(i64::from))
                        .map(|score| (i, score))
                })
                .collect::<Vec<_>>()
        };
        on_all_cores(pool, PARALLEL_FROM, score_chunk)
    }

    /// What finds the matched positions of the hits shown: the pattern and the
    /// matcher are made once per search, not once per hit.
    pub(super) fn positions<'a>(&'a self, query: &'a str, fuzzy: bool) -> Positions<'a> {
        let nucleo = matches!(self.engine, Engine::Nucleo)
            .then(|| (nucleo_pattern(query, fuzzy), Matcher::default()));
        Positions {
            index: self,
            query,
            nucleo,
        }
    }
}

/// `work` done on `items` in one chunk per core, the results in order; on
/// this thread alone when there are fewer than `from` items.
pub(super) fn on_all_cores<T>(
    items: &[usize],
    from: usize,
    work: impl Fn(&[usize]) -> Vec<T> + Sync,
) -> Vec<T>
where
    T: Send,
{
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || items.len() < from {
        return work(items);
    }
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| scope.spawn(move || work(chunk)))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    })
}

/// Finds the score and matched character positions of hits, one by one.
pub(super) struct Positions<'a> {
    index: &'a Index,
    query: &'a str,
    nucleo: Option<(Pattern, Matcher)>,
}

impl Positions<'_> {
    /// The score and matched character positions of `entry`.
    pub(super) fn of(&mut self, entry: usize) -> Option<(i64, Vec<usize>)> {
        let Some((pattern, matcher)) = &mut self.nucleo else {
            let Engine::Other(scorer) = &self.index.engine else {
                return None;
            };
            return scorer.indices(&self.index.entries[entry].text, self.query);
        };
        let mut indices = Vec::new();
        let score =
            pattern.indices(self.index.haystacks[entry].slice(..), matcher, &mut indices)?;
        indices.sort_unstable();
        indices.dedup();
        let indices = indices.into_iter().map(|i| i as usize).collect();
        Some((i64::from(score), indices))
    }
}
