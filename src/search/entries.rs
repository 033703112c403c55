//! What is searchable in a dataset: conferences, people, concerns, decisions
//! and answers, each as entries of text with the place a hit leads to.

use super::{Entry, Index, Kind, Target};
use crate::domain::Dataset;

/// Long texts are searched sentence by sentence: a fuzzy match across a whole
/// answer matches almost anything; within a sentence it means something, and the
/// hit shows where. White space is folded.
pub(super) fn sentences(text: &str) -> Vec<String> {
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
        // Shorter texts first: of equal scores the shorter text ranks first
        // (as fzf ranks them), and a scan that stops once the best hits are
        // certain finds a decision's title before sentences that only
        // contain it (before, 200 concerns naming a word hid the decision
        // called so). Stable: equal lengths keep the order above.
        entries.sort_by_key(|entry| entry.text.len());
        Self::from_entries(entries)
    }
}
