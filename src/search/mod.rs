//! The fuzzy index: everything a user may look for, with where it lives, so a
//! hit can jump there. Matching is `nucleo-matcher` (the matcher of helix),
//! words of the query matched each on its own, umlauts found by their base
//! letter. Another scorer can be plugged in (`Engine::Other`): the benchmarks
//! compare `fuzzy-matcher`'s Skim algorithm (a dev-dependency) on the same entries.

mod entries;
mod fuzzy;
#[cfg(test)]
mod fuzzy_tests;
mod matching;
mod prefilter;
#[cfg(test)]
mod scan_tests;

use nucleo_matcher::Utf32String;

pub use matching::{Engine, Scorer};
use matching::{ascii_folded, folded};

/// What kind of thing an entry is; results are grouped in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Conference,
    Person,
    Concern,
    Decision,
    Answer,
}

impl Kind {
    /// The group heading, in the user's language.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Conference => crate::i18n::t("search.conferences"),
            Self::Person => crate::i18n::t("search.people"),
            Self::Concern => crate::i18n::t("search.concerns"),
            Self::Decision => crate::i18n::t("search.decisions"),
            Self::Answer => crate::i18n::t("search.answers"),
        }
    }
}

/// Where a hit leads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Conference(String),
    /// A person; the conference they speak for, if any.
    Person {
        conference: Option<String>,
    },
    Concern {
        conference: String,
        id: String,
    },
    /// A decision; a conference it concerns or is linked from, if any.
    Decision {
        id: String,
        conference: Option<String>,
    },
    Answer {
        session: u32,
        conference: String,
        question: String,
    },
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    pub text: String,
    pub target: Target,
}

/// What a query matched: the next, longer query searches only among it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matched {
    /// The query, trimmed.
    pub query: String,
    /// Every entry it matched among those looked at, in index order; for a
    /// fuzzy match also those not scored (they could not rank among the hits).
    pub entries: Vec<usize>,
    /// For a fuzzy match, by entry of `entries`: its score, or for one not
    /// scored the most it can score (`fuzzy::UNBOUNDED` when not known).
    /// Empty when not known at all.
    pub bounds: Vec<u32>,
    /// The entries from this one on were not looked at (the best hits were
    /// found before them): all of them are still candidates.
    pub unscanned: usize,
    /// Whether it was matched fuzzily (nothing contained its words).
    pub fuzzy: bool,
}

/// One match: the entry, its score and the matched character positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub indices: Vec<usize>,
}

/// The searchable items of a dataset.
#[derive(Default)]
pub struct Index {
    pub entries: Vec<Entry>,
    engine: Engine,
    /// The entries' text folded to lower case, by entry (other scorers only).
    folded: Vec<String>,
    /// The entries' text as nucleo reads it, split into graphemes once here
    /// (splitting is most of the cost of a match otherwise; Nucleo only).
    haystacks: Vec<Utf32String>,
    /// The same, lower case, in one buffer: which entries contain a word
    /// (Nucleo only).
    prefilter: prefilter::Folded,
    /// By entry, the number of the place it leads to (equal targets, equal
    /// numbers): the fuzzy search counts places without hashing targets.
    places: Vec<u32>,
    /// By entry, the letters at the start of a word in it (`fuzzy::word_letters`).
    word_letters: Vec<u64>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// At most this many hits are returned.
pub const MAX_HITS: usize = 200;

impl Index {
    /// An index over given entries.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Self::with_engine(entries, Engine::default())
    }

    /// An index over given entries, scored by `engine`.
    pub fn with_engine(entries: Vec<Entry>, engine: Engine) -> Self {
        let (folded, haystacks, prefilter, word_letters) = match engine {
            Engine::Nucleo => {
                let texts: Vec<String> = entries.iter().map(|e| ascii_folded(&e.text)).collect();
                let prefilter = prefilter::Folded::new(texts.iter().map(String::as_str));
                let word_letters = texts.iter().map(|t| fuzzy::word_letters(t)).collect();
                let haystacks = texts.into_iter().map(Utf32String::from).collect();
                (Vec::new(), haystacks, prefilter, word_letters)
            }
            Engine::Other(_) => (
                entries.iter().map(|e| folded(&e.text)).collect(),
                Vec::new(),
                prefilter::Folded::default(),
                Vec::new(),
            ),
        };
        let places = place_numbers(&entries);
        Self {
            entries,
            engine,
            folded,
            haystacks,
            prefilter,
            places,
            word_letters,
        }
    }

    /// The hits for `query`, grouped by kind, the group with the best hit first,
    /// best first within a group. An empty query lists everything in index order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_within(query, None).0
    }

    /// Like `search`, but when `previous` was found for a shorter form of the
    /// query, only among what it matched (a longer query can only match fewer).
    /// Also returns what this query matched, for the next keystroke.
    ///
    /// Each word of the query is looked for as it is typed (a substring, case
    /// and umlauts aside); only when nothing contains it is it matched fuzzily
    /// (letters in order, gaps allowed), so abbreviations and typos still find
    /// something. Fuzzy matching across long sentences finds nearly everything
    /// and costs ten times as much, so it is the fallback, not the rule.
    pub fn search_within(&self, query: &str, previous: Option<&Matched>) -> (Vec<Hit>, Matched) {
        self.search_scanning(query, previous, true)
    }

    /// `search_within`; `may_stop`: whether scoring may stop once the best
    /// hits are certain (always, but for the test that compares both).
    fn search_scanning(
        &self,
        query: &str,
        previous: Option<&Matched>,
        may_stop: bool,
    ) -> (Vec<Hit>, Matched) {
        let query = query.trim();
        if query.is_empty() {
            let hits = (0..self.entries.len().min(MAX_HITS))
                .map(|entry| Hit {
                    entry,
                    score: 0,
                    indices: Vec::new(),
                })
                .collect();
            return (hits, Matched::default());
        }
        let previous =
            previous.filter(|p| !p.query.is_empty() && query.starts_with(p.query.as_str()));
        let everything = || (0..self.entries.len()).collect::<Vec<_>>();
        let (pool, was_fuzzy) = match previous {
            Some(p) => (
                (p.entries.iter().copied())
                    .chain(p.unscanned..self.entries.len())
                    .collect(),
                p.fuzzy,
            ),
            None => (everything(), false),
        };
        let mut fuzzy = was_fuzzy || matches!(self.engine, Engine::Other(_));
        let ranks = query.is_ascii() && may_stop && matches!(self.engine, Engine::Nucleo);
        if fuzzy && ranks {
            let bounds = previous.and_then(|p| self.grown_bounds(p, query));
            return self.hits(query, self.rank_fuzzy(query, &pool, bounds));
        }
        // An "ö" typed removes hits below (the check after matching), so all are needed.
        let (mut scored, mut unscanned) = if ranks {
            self.score_candidates(query, &pool, fuzzy)
        } else {
            (self.score_pool(query, &pool, fuzzy), self.entries.len())
        };
        if !fuzzy && !query.is_ascii() {
            // "ö" typed means "ö": the folded text matched "o" as well.
            let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
            scored.retain(|(i, _)| {
                let text = self.entries[*i].text.to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            });
        }
        if scored.is_empty() && !fuzzy {
            // Nothing contains the words: match fuzzily, among everything,
            // since the previous result held only what contained its words.
            if ranks {
                let everything = everything();
                let bounds = self.fresh_bounds(query, &everything);
                return self.hits(query, self.rank_fuzzy(query, &everything, bounds));
            }
            scored = self.score_pool(query, &everything(), true);
            (unscanned, fuzzy) = (self.entries.len(), true);
        }
        let matched = Matched {
            query: query.to_owned(),
            entries: scored.iter().map(|(i, _)| *i).collect(),
            bounds: Vec::new(),
            unscanned,
            fuzzy,
        };
        (self.ranked_hits(query, fuzzy, scored), matched)
    }

    /// The hits of a fuzzy search, and what it matched.
    fn hits(&self, query: &str, ranked: fuzzy::Ranked) -> (Vec<Hit>, Matched) {
        let matched = Matched {
            query: query.to_owned(),
            entries: ranked.entries,
            bounds: ranked.bounds,
            unscanned: self.entries.len(),
            fuzzy: true,
        };
        (self.ranked_hits(query, true, ranked.scored), matched)
    }

    /// The best hits of `scored`, grouped by kind, the group with the best hit
    /// first, best first within a group.
    fn ranked_hits(&self, query: &str, fuzzy: bool, scored: Vec<(usize, i64)>) -> Vec<Hit> {
        let mut hits = self.best_hits(query, fuzzy, scored);
        // Groups are ordered by their best hit, so the best match is always on
        // top: of equal scores the one first in the index, the shorter text
        // (a decision's title before sentences that contain it).
        let mut best = [(i64::MIN, std::cmp::Reverse(usize::MAX)); 5];
        for hit in &hits {
            let k = self.entries[hit.entry].kind as usize;
            best[k] = best[k].max((hit.score, std::cmp::Reverse(hit.entry)));
        }
        hits.sort_by(|a, b| {
            let (ka, kb) = (self.entries[a.entry].kind, self.entries[b.entry].kind);
            best[kb as usize]
                .cmp(&best[ka as usize])
                .then(ka.cmp(&kb))
                .then(b.score.cmp(&a.score))
                .then(a.entry.cmp(&b.entry))
        });
        hits
    }

    /// The best `MAX_HITS` of `scored`, one per place they lead to, with their
    /// matched positions. Only the best few are sorted (a short query matches
    /// nearly everything, and sorting all of it was most of a keystroke); all
    /// of them only when the few held too many hits leading to the same place.
    fn best_hits(&self, query: &str, fuzzy: bool, mut scored: Vec<(usize, i64)>) -> Vec<Hit> {
        let order = |a: &(usize, i64), b: &(usize, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        let mut sorted = FEW_SORTED.min(scored.len());
        if sorted < scored.len() {
            scored.select_nth_unstable_by(sorted, order);
        }
        scored[..sorted].sort_unstable_by(order);
        // One hit per place it leads to (a long text matches in several sentences).
        let mut seen: std::collections::HashSet<&Target> = std::collections::HashSet::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut positions = self.positions(query, fuzzy);
        let mut next = 0;
        while hits.len() < MAX_HITS && next < scored.len() {
            if next == sorted {
                // The few ran out: the rest in order (the same order a full sort gives).
                scored[sorted..].sort_unstable_by(order);
                sorted = scored.len();
            }
            let entry = scored[next].0;
            next += 1;
            let target = &self.entries[entry].target;
            if seen.contains(target) {
                continue;
            }
            if let Some((score, indices)) = positions.of(entry) {
                seen.insert(target);
                hits.push(Hit {
                    entry,
                    score,
                    indices,
                });
            }
        }
        hits
    }
}

/// By entry, the number of the place it leads to, counted from 0 in order of
/// first appearance.
fn place_numbers(entries: &[Entry]) -> Vec<u32> {
    let mut numbers: std::collections::HashMap<&Target, u32> = std::collections::HashMap::new();
    entries
        .iter()
        .map(|entry| {
            let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
            *numbers.entry(&entry.target).or_insert(next)
        })
        .collect()
}

/// How many of the best matches are sorted first: enough for `MAX_HITS` hits
/// when several sentences of one text match.
const FEW_SORTED: usize = 8 * MAX_HITS;

#[cfg(test)]
mod tests;
