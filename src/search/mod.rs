//! The fuzzy index: everything a user may look for, with where it lives, so a
//! hit can jump there. Matching is `nucleo-matcher` (the matcher of helix),
//! words of the query matched each on its own, umlauts found by their base
//! letter. Another scorer can be plugged in (`Engine::Other`): the benchmarks
//! compare `fuzzy-matcher`'s Skim algorithm (a dev-dependency) on the same entries.

mod matching;
mod prefilter;
#[cfg(test)]
mod scan_tests;

use nucleo_matcher::Utf32String;

pub use matching::{Engine, Scorer};
use matching::{ascii_folded, folded};

use crate::domain::Dataset;

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

/// Long texts are searched sentence by sentence: a fuzzy match across a whole
/// answer matches almost anything; within a sentence it means something, and the
/// hit shows where. White space is folded.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    // Characters in `current`, counted as it grows (counting it anew per word
    // was a tenth of building the index).
    let mut chars = 0;
    for word in text.split_whitespace() {
        if !current.is_empty() {
            current.push(' ');
            chars += 1;
        }
        current.push_str(word);
        chars += word.chars().count();
        let ends = word.ends_with(['.', '?', '!', ';']) && chars >= 40;
        if ends || chars >= 160 {
            out.push(std::mem::take(&mut current));
            chars = 0;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// What a query matched: the next, longer query searches only among it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matched {
    /// The query, trimmed.
    pub query: String,
    /// Every entry it matched among those looked at, in index order.
    pub entries: Vec<usize>,
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
    /// Indexes `data`; people are placed at the conferences they speak for at `session`.
    pub fn build(data: &Dataset, session: u32) -> Self {
        let mut entries = Vec::new();
        for c in &data.conferences {
            entries.push(Entry {
                kind: Kind::Conference,
                text: format!("{} {}", c.id, c.name),
                target: Target::Conference(c.id.clone()),
            });
        }
        for p in &data.people {
            let conference = data
                .conferences
                .iter()
                .find(|c| {
                    data.assignment_at(&c.id, session)
                        .is_some_and(|a| a.people.contains(&p.id))
                })
                .map(|c| c.id.clone());
            let mut text = p.display_name();
            if let Some(role) = &p.role {
                text.push_str(" – ");
                text.push_str(role);
            }
            entries.push(Entry {
                kind: Kind::Person,
                text,
                target: Target::Person { conference },
            });
        }
        for c in &data.concerns {
            let target = Target::Concern {
                conference: c.conference.clone(),
                id: c.id.clone(),
            };
            let text = format!("{}: {}", c.conference, c.title);
            entries.push(Entry {
                kind: Kind::Concern,
                text,
                target: target.clone(),
            });
            for part in c.details.as_deref().map(sentences).into_iter().flatten() {
                let text = format!("{} {}: {part}", c.conference, c.id);
                entries.push(Entry {
                    kind: Kind::Concern,
                    text,
                    target: target.clone(),
                });
            }
        }
        for d in &data.decisions {
            let linked = data
                .session(session)
                .and_then(|s| s.reports.iter().find(|r| r.decisions.contains(&d.id)))
                .map(|r| r.conference.clone())
                .or_else(|| d.conferences.iter().find(|c| *c != "*").cloned());
            entries.push(Entry {
                kind: Kind::Decision,
                text: format!("{} {}", d.id, d.title),
                target: Target::Decision {
                    id: d.id.clone(),
                    conference: linked,
                },
            });
        }
        for s in data.sessions.iter().rev() {
            for r in &s.reports {
                for (question, answer) in &r.answers {
                    if answer.trim().is_empty() {
                        continue;
                    }
                    let target = Target::Answer {
                        session: s.number,
                        conference: r.conference.clone(),
                        question: question.clone(),
                    };
                    for part in sentences(answer) {
                        let text = crate::i18n::tf(
                            "search.answer",
                            &[
                                ("session", &s.number),
                                ("conference", &r.conference),
                                ("part", &part),
                            ],
                        );
                        entries.push(Entry {
                            kind: Kind::Answer,
                            text,
                            target: target.clone(),
                        });
                    }
                }
            }
        }
        Self::from_entries(entries)
    }

    /// An index over given entries.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Self::with_engine(entries, Engine::default())
    }

    /// An index over given entries, scored by `engine`.
    pub fn with_engine(entries: Vec<Entry>, engine: Engine) -> Self {
        let (folded, haystacks, prefilter) = match engine {
            Engine::Nucleo => {
                let texts: Vec<String> = entries.iter().map(|e| ascii_folded(&e.text)).collect();
                let prefilter = prefilter::Folded::new(texts.iter().map(String::as_str));
                let haystacks = texts.into_iter().map(Utf32String::from).collect();
                (Vec::new(), haystacks, prefilter)
            }
            Engine::Other(_) => (
                entries.iter().map(|e| folded(&e.text)).collect(),
                Vec::new(),
                prefilter::Folded::default(),
            ),
        };
        Self {
            entries,
            engine,
            folded,
            haystacks,
            prefilter,
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
        let fuzzy = was_fuzzy || matches!(self.engine, Engine::Other(_));
        // An "ö" typed removes hits below (the check after matching), so all are needed.
        let (mut scored, mut unscanned) = if query.is_ascii() && may_stop {
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
        let fuzzy = if scored.is_empty() && !fuzzy {
            // Nothing contains the words: match fuzzily, among everything,
            // since the previous result held only what contained its words.
            scored = self.score_pool(query, &everything(), true);
            unscanned = self.entries.len();
            true
        } else {
            fuzzy
        };
        let matched = Matched {
            query: query.to_owned(),
            entries: scored.iter().map(|(i, _)| *i).collect(),
            unscanned,
            fuzzy,
        };
        let mut hits = self.best_hits(query, matched.fuzzy, scored);
        // Groups are ordered by their best hit, so the best match is always on top.
        let mut best = [i64::MIN; 5];
        for hit in &hits {
            let k = self.entries[hit.entry].kind as usize;
            best[k] = best[k].max(hit.score);
        }
        hits.sort_by(|a, b| {
            let (ka, kb) = (self.entries[a.entry].kind, self.entries[b.entry].kind);
            best[kb as usize]
                .cmp(&best[ka as usize])
                .then(ka.cmp(&kb))
                .then(b.score.cmp(&a.score))
                .then(a.entry.cmp(&b.entry))
        });
        (hits, matched)
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

/// How many of the best matches are sorted first: enough for `MAX_HITS` hits
/// when several sentences of one text match.
const FEW_SORTED: usize = 8 * MAX_HITS;

#[cfg(test)]
mod tests;
