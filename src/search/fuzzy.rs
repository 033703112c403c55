//! The fuzzy fallback, keystroke by keystroke: only the entries that may still
//! reach the best hits are scored.
//!
//! Nucleo's best fuzzy match of a longer query contains a match of the shorter
//! one, scored the same up to there; what each letter typed adds is 16 and
//! its bonus: at most 10 where it follows the letter before it in the text
//! (which `Growth` looks up), else at most what the letter gets where it
//! occurs (10 at the start of a word, 5 in camel case, else 0) less a gap's 3;
//! the first letter of a new word gets its bonus twice. So the score an entry
//! had for the previous query, plus that, bounds its score now. The entries
//! are scored from the highest bound down, and scoring stops once `MAX_HITS`
//! places have a hit ranking above the bound of every entry left: none of
//! those can be among the hits. What is left keeps its bound for the next
//! keystroke, unscored. Property-tested against scoring every entry.

use memchr::memmem::Finder;
use nucleo_matcher::Matcher;
use nucleo_matcher::pattern::Pattern;

use super::matching::{ascii_words, nucleo_pattern};
use super::{Index, MAX_HITS, Matched};

/// The bound of an entry nothing is known about: it is always scored.
pub(super) const UNBOUNDED: u32 = u32::MAX;

/// What nucleo gives a matched letter, and what a gap before one costs at least.
const MATCH: u32 = 16;
const GAP: u32 = 3;

/// Entries scored before the bound is looked at again; each next batch is twice as large.
const FIRST_BATCH: usize = 2 * MAX_HITS;

/// Batches of at least this many entries are scored on all cores.
const PARALLEL_FROM: usize = 1_024;

/// The longest text, and the most cells of nucleo's matrix (text × word),
/// for which nucleo's fuzzy score is certainly its optimal one (larger ones
/// it matches greedily, which may score less than it could: no bound then).
const OPTIMAL_TEXT: usize = 1_024;
const OPTIMAL_CELLS: usize = 64 * 1_024;

/// What a fuzzy search found, for the hits and for the next keystroke.
pub(super) struct Ranked {
    /// The entries scored that matched, with their scores.
    pub scored: Vec<(usize, i64)>,
    /// Every entry of the pool that matched or was not scored, in index order.
    pub entries: Vec<usize>,
    /// For each of `entries`: its score, or the most it can score.
    pub bounds: Vec<u32>,
}

/// What a letter at the start of a word gets as a bonus at most (after white
/// space; after other characters 9 or 8), and what one gets as the second
/// letter of camel case.
const WORD_START: u32 = 10;
const CAMEL: u32 = 5;

/// What the letters of `text` (as nucleo reads it) at the start of a word are
/// (bit `c - b'a'`) and those in camel case (bit `32 + c - b'a'`): the bonus
/// nucleo gives each letter there at most. Elsewhere a letter gets none.
pub(super) fn word_letters(text: &str) -> u64 {
    // Without branches on the letters (a branch per byte cost 25 ms of
    // building the index of 100,000 entries).
    let (mut mask, mut after_alphanumeric, mut after_lower) = (0u64, false, false);
    for b in text.bytes() {
        let letter = (b | 0x20).wrapping_sub(b'a');
        let alphabetic = letter < 26;
        let bit = 1u64 << (letter & 31);
        let upper = alphabetic && b < b'a';
        let start = alphabetic && !after_alphanumeric;
        let camel = upper && after_lower;
        mask |= bit & u64::from(start).wrapping_neg();
        mask |= (bit << 32) & u64::from(camel).wrapping_neg();
        after_alphanumeric = alphabetic || b.is_ascii_digit();
        after_lower = alphabetic && !upper;
    }
    mask
}

/// The letters a query has more than the previous one, where it grows it.
pub(super) struct Growth {
    /// Each new letter, with the letter before it in its word (none: the
    /// first of a word), and a search for the two together.
    letters: Vec<(u8, Option<Finder<'static>>)>,
}

impl Growth {
    /// What `query` has more than `previous`: when its words are
    /// `previous`'s, the last one perhaps longer, perhaps more words after
    /// it. `None` otherwise.
    pub(super) fn of(previous: &str, query: &str) -> Option<Self> {
        let (old, new) = (nucleo_pattern(previous, true), nucleo_pattern(query, true));
        let (old, new) = (ascii_words(&old)?, ascii_words(&new)?);
        let (last_old, same) = old.split_last()?;
        let (last_new, added) = new.get(same.len()..)?.split_first()?;
        if new[..same.len()] != *same || !last_new.starts_with(last_old) {
            return None;
        }
        let mut growth = Self {
            letters: Vec::new(),
        };
        growth.add(last_new, last_old.len());
        for word in added {
            growth.add(word, 0);
        }
        Some(growth)
    }

    /// All the letters of `query` (an ASCII one), grown from nothing: what
    /// an entry can score for it at most.
    pub(super) fn from_scratch(query: &str) -> Option<Self> {
        let pattern = nucleo_pattern(query, true);
        let mut growth = Self {
            letters: Vec::new(),
        };
        for word in ascii_words(&pattern)? {
            growth.add(word, 0);
        }
        Some(growth)
    }

    /// The letters of `word` from `from` on.
    fn add(&mut self, word: &[u8], from: usize) {
        for at in from..word.len() {
            let pair = at
                .checked_sub(1)
                .map(|b| Finder::new(&word[b..=at]).into_owned());
            self.letters.push((word[at], pair));
        }
    }

    /// How much more entry `entry` of `index` can score with these letters:
    /// per letter 16, and its bonus: twice its best where it starts a word,
    /// after the letter before it at most 10 (and that only where the two
    /// follow each other in the text), else its best less a gap's 3.
    pub(super) fn most(&self, index: &Index, entry: usize) -> u32 {
        let mask = index.word_letters[entry];
        let text = index.prefilter.entry(entry);
        let best = |c: u8| {
            if !c.is_ascii_lowercase() {
                return WORD_START;
            }
            let bit = c - b'a';
            if mask & (1 << bit) != 0 {
                WORD_START
            } else if mask & (1 << (32 + bit)) != 0 {
                CAMEL
            } else {
                0
            }
        };
        (self.letters.iter())
            .map(|(c, pair)| match pair {
                None => MATCH + 2 * best(*c),
                Some(pair) if pair.find(text).is_some() => MATCH + WORD_START,
                Some(_) => MATCH - GAP + best(*c),
            })
            .fold(0, u32::saturating_add)
    }
}

/// The places with a hit so far, each with its best score.
struct Places {
    /// By place number (`Index::places`): the rank of its best hit
    /// (`rank`), `i64::MIN` if none.
    best: Vec<i64>,
    /// The places that have a score, once each.
    found: Vec<u32>,
}

impl Places {
    fn add(&mut self, place: u32, rank: i64) {
        let Some(best) = usize::try_from(place)
            .ok()
            .and_then(|p| self.best.get_mut(p))
        else {
            return;
        };
        if *best == i64::MIN {
            self.found.push(place);
        }
        *best = (*best).max(rank);
    }

    /// The rank below which an entry cannot be among the hits: the
    /// `MAX_HITS`-th best place's (none while there are fewer places).
    fn threshold(&self) -> Option<i64> {
        let nth = MAX_HITS.checked_sub(1)?;
        if self.found.len() <= nth {
            return None;
        }
        let mut ranks: Vec<i64> = (self.found.iter())
            .map(|&p| usize::try_from(p).map_or(i64::MIN, |p| self.best[p]))
            .collect();
        let (_, rank, _) = ranks.select_nth_unstable_by(nth, |a, b| b.cmp(a));
        Some(*rank)
    }
}

/// Where a hit of `score` for entry `entry` ranks: higher scores first, equal
/// ones in index order (as the hits are ordered).
/// Scores beyond `i32` (only an unknown bound, `UNBOUNDED`) rank as its largest.
fn rank(score: i64, entry: usize) -> i64 {
    let score = score.clamp(i64::from(i32::MIN), i64::from(i32::MAX));
    let later = u32::try_from(entry).map_or(0, |e| u32::MAX - e);
    (score << 32) | i64::from(later)
}

/// Moves the keys of `keys` for which `keep` holds to the front; how many.
fn partition(keys: &mut [u64], keep: impl Fn(u64) -> bool) -> usize {
    let mut kept = 0;
    for i in 0..keys.len() {
        if keep(keys[i]) {
            keys.swap(kept, i);
            kept += 1;
        }
    }
    kept
}

impl Index {
    /// The bounds of `previous`'s entries for `query`, when it was a fuzzy
    /// search that looked at every entry, whose bounds are known, and
    /// `query` grows it.
    pub(super) fn grown_bounds(&self, previous: &Matched, query: &str) -> Option<Vec<u32>> {
        let complete = previous.unscanned >= self.entries.len();
        if !previous.fuzzy || !complete || previous.bounds.len() != previous.entries.len() {
            return None;
        }
        let growth = Growth::of(&previous.query, query)?;
        Some(
            (previous.entries.iter().zip(&previous.bounds))
                .map(|(&entry, bound)| bound.saturating_add(growth.most(self, entry)))
                .collect(),
        )
    }

    /// The most each entry of `pool` can score for `query`, for a fuzzy
    /// search that starts afresh (`Growth::from_scratch`).
    pub(super) fn fresh_bounds(&self, query: &str, pool: &[usize]) -> Option<Vec<u32>> {
        let growth = Growth::from_scratch(query)?;
        Some(pool.iter().map(|&entry| growth.most(self, entry)).collect())
    }

    /// Scores the entries of `pool` (ascending) for `query` fuzzily, highest
    /// bound first (`bounds`, aligned with `pool`; all are scored when
    /// `None`), until no entry left can rank among the hits.
    pub(super) fn rank_fuzzy(
        &self,
        query: &str,
        pool: &[usize],
        bounds: Option<Vec<u32>>,
    ) -> Ranked {
        let pattern = nucleo_pattern(query, true);
        let longest = (pattern.atoms.iter())
            .map(|atom| atom.needle_text().len())
            .max()
            .unwrap_or(0);
        let Some(mut bounds) = bounds else {
            // Nothing known: all scored at once (on all cores).
            let scored = self.score_nucleo(&pattern, None, pool);
            let entries = scored.iter().map(|(i, _)| *i).collect();
            let bounds = (scored.iter())
                .map(|&(entry, score)| self.bound_from(entry, score, longest))
                .collect();
            return Ranked {
                scored,
                entries,
                bounds,
            };
        };
        // Keys ordered by bound, highest first: the bound's complement, then
        // the position in `pool`.
        let mut keys: Vec<u64> = (bounds.iter().zip(0u64..))
            .map(|(&bound, at)| (u64::from(u32::MAX - bound) << 32) | at)
            .collect();
        let at = |key: u64| usize::try_from(key & u64::from(u32::MAX)).unwrap_or(usize::MAX);
        let bound_of = |key: u64| i64::from(u32::MAX - u32::try_from(key >> 32).unwrap_or(0));
        let mut places = Places {
            best: vec![i64::MIN; self.places.len()],
            found: Vec::new(),
        };
        let mut matches = vec![true; pool.len()];
        let mut scored = Vec::new();
        let (mut rest, mut size) = (keys.as_mut_slice(), FIRST_BATCH);
        loop {
            let threshold = places.threshold();
            if let Some(threshold) = threshold {
                // Only what may rank at least as the last hit so far.
                let kept = partition(rest, |key| rank(bound_of(key), pool[at(key)]) >= threshold);
                rest = &mut rest[..kept];
            }
            if rest.is_empty() {
                break;
            }
            // The highest bounds first.
            let take = size.min(rest.len());
            if take < rest.len() {
                rest.select_nth_unstable(take);
            }
            let (batch, remaining) = rest.split_at_mut(take);
            let entries: Vec<usize> = batch.iter().map(|&k| pool[at(k)]).collect();
            for (&key, score) in batch.iter().zip(self.score_each(&pattern, &entries)) {
                let (at, entry) = (at(key), pool[at(key)]);
                let Some(score) = score else {
                    matches[at] = false;
                    continue;
                };
                let rank = rank(score, entry);
                if threshold.is_none_or(|t| rank >= t) {
                    places.add(self.places[entry], rank);
                }
                scored.push((entry, score));
                bounds[at] = self.bound_from(entry, score, longest);
            }
            (rest, size) = (remaining, size * 2);
        }
        let (entries, bounds) = (pool.iter().zip(bounds).zip(matches))
            .filter(|(_, matches)| *matches)
            .map(|((&entry, bound), _)| (entry, bound))
            .unzip();
        Ranked {
            scored,
            entries,
            bounds,
        }
    }

    /// The bound a score of `entry` gives the next keystroke: the score, when
    /// nucleo certainly found the best match (`longest`: the longest word).
    fn bound_from(&self, entry: usize, score: i64, longest: usize) -> u32 {
        let text = self.haystacks[entry].len();
        if text <= OPTIMAL_TEXT && text * longest <= OPTIMAL_CELLS {
            u32::try_from(score).unwrap_or(UNBOUNDED)
        } else {
            UNBOUNDED
        }
    }

    /// Nucleo's score of each of `entries` for `pattern`, `None` where it
    /// does not match; on all cores for large batches.
    fn score_each(&self, pattern: &Pattern, entries: &[usize]) -> Vec<Option<i64>> {
        let score = |chunk: &[usize]| {
            let mut matcher = Matcher::default();
            (chunk.iter())
                .map(|&i| {
                    let haystack = self.haystacks[i].slice(..);
                    pattern.score(haystack, &mut matcher).map(i64::from)
                })
                .collect::<Vec<_>>()
        };
        super::matching::on_all_cores(entries, PARALLEL_FROM, score)
    }
}
