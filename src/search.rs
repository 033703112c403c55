//! The fuzzy index: everything a user may look for, with where it lives, so a
//! hit can jump there. Matching is `fuzzy-matcher`'s Skim algorithm.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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
    /// German group heading.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Conference => "Konferenzen",
            Self::Person => "Personen",
            Self::Concern => "Anliegen",
            Self::Decision => "Beschlüsse",
            Self::Answer => "Antworten",
        }
    }
}

/// Where a hit leads.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// `text` in lower case, kept beside each entry so a keystroke need not fold it.
fn folded(text: &str) -> String {
    text.to_lowercase()
}

/// Whether all of `query` (lower case) occurs in `haystack` in order: a cheap
/// test before the scorer runs.
fn in_order(haystack: &str, query: &str) -> bool {
    let mut rest = haystack.chars();
    query.chars().all(|q| rest.any(|h| h == q))
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
    /// The entries' text folded to lower case, by entry.
    folded: Vec<String>,
    matcher: SkimMatcherV2,
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
                        let text = format!("{}. Sitzung, {}: {part}", s.number, r.conference);
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
        let folded = entries.iter().map(|e| folded(&e.text)).collect();
        Self {
            entries,
            folded,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The hits for `query`, grouped by kind, the group with the best hit first,
    /// best first within a group. An empty query lists everything in index order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_within(query, None).0
    }

    /// Like `search`, but only among `candidates` (the entries that matched a
    /// shorter form of the query: a longer query can only match fewer). Also
    /// returns every entry that matched, for the next keystroke.
    pub fn search_within(
        &self,
        query: &str,
        candidates: Option<&[usize]>,
    ) -> (Vec<Hit>, Vec<usize>) {
        let query = query.trim();
        if query.is_empty() {
            let hits = (0..self.entries.len().min(MAX_HITS))
                .map(|entry| Hit {
                    entry,
                    score: 0,
                    indices: Vec::new(),
                })
                .collect();
            return (hits, (0..self.entries.len()).collect());
        }
        let needle = folded(query);
        let all: Vec<usize>;
        let pool = if let Some(c) = candidates {
            c
        } else {
            all = (0..self.entries.len()).collect();
            &all
        };
        let mut scored: Vec<(usize, i64)> = pool
            .iter()
            .filter(|&&i| in_order(&self.folded[i], &needle))
            .filter_map(|&i| {
                self.matcher
                    .fuzzy_match(&self.entries[i].text, query)
                    .map(|score| (i, score))
            })
            .collect();
        let matched: Vec<usize> = scored.iter().map(|(i, _)| *i).collect();
        // Only the hits shown need their matched positions.
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        // One hit per place it leads to (a long text matches in several sentences).
        let mut seen: Vec<&Target> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        for (entry, _) in scored {
            if hits.len() == MAX_HITS {
                break;
            }
            let target = &self.entries[entry].target;
            if seen.contains(&target) {
                continue;
            }
            if let Some((score, indices)) =
                self.matcher.fuzzy_indices(&self.entries[entry].text, query)
            {
                seen.push(target);
                hits.push(Hit {
                    entry,
                    score,
                    indices,
                });
            }
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
