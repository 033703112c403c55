//! What changed for a conference since the previous session: concerns new,
//! resolved, dropped or carried; answers (as a word diff); presenter; assignment.

use super::App;
use crate::domain::{Concern, ConcernStatus, Report, Session, Speakers};

impl App {
    /// What changed for the selected conference between the previous session and this one.
    pub fn changes_lines(&self) -> Vec<String> {
        let id = self.conference_id();
        let Some(now) = self.current_session() else {
            return Vec::new();
        };
        let before = self.data.previous_session(now.number);
        let mut out = vec![match before {
            Some(b) => crate::i18n::tf(
                "changes.heading",
                &[("id", &id), ("now", &now.number), ("before", &b.number)],
            ),
            None => crate::i18n::tf(
                "changes.heading-first",
                &[("id", &id), ("now", &now.number)],
            ),
        }];
        let mut section = |title: &str, items: Vec<String>| {
            if !items.is_empty() {
                out.push(String::new());
                out.push(title.to_owned());
                out.extend(items.into_iter().map(|i| format!("  {i}")));
            }
        };
        for (title, items) in self.concern_changes(&id, now) {
            section(title, items);
        }
        let (old, new) = (before.and_then(|b| b.report(&id)), now.report(&id));
        section(
            crate::i18n::t("changes.answers"),
            self.answer_changes(old, new),
        );
        section(
            crate::i18n::t("changes.other"),
            self.other_changes(&id, before, now, old, new),
        );
        if out.len() == 1 {
            out.push(crate::i18n::t("changes.none").to_owned());
        }
        out
    }

    fn concern_changes(&self, id: &str, now: &Session) -> Vec<(&'static str, Vec<String>)> {
        let concerns: Vec<&Concern> = self
            .data
            .concerns
            .iter()
            .filter(|c| c.conference == id)
            .collect();
        let decided = |c: &Concern, status: ConcernStatus| {
            c.history
                .iter()
                .any(|h| h.session == Some(now.number) && h.status == Some(status))
        };
        let name = |c: &&Concern| format!("{} {}", c.id, c.title);
        vec![
            (
                crate::i18n::t("changes.new-concerns"),
                concerns
                    .iter()
                    .filter(|c| c.raised_in == now.number)
                    .map(name)
                    .collect(),
            ),
            (
                crate::i18n::t("changes.resolved"),
                concerns
                    .iter()
                    .filter(|c| decided(c, ConcernStatus::Resolved))
                    .map(name)
                    .collect(),
            ),
            (
                crate::i18n::t("changes.dropped"),
                concerns
                    .iter()
                    .filter(|c| decided(c, ConcernStatus::Dropped))
                    .map(name)
                    .collect(),
            ),
            (
                crate::i18n::t("changes.carried"),
                concerns
                    .iter()
                    .filter(|c| c.raised_in < now.number)
                    .filter(|c| {
                        decided(c, ConcernStatus::Open) || decided(c, ConcernStatus::InProgress)
                    })
                    .map(|c| {
                        crate::i18n::tf(
                            "changes.carried-item",
                            &[
                                ("id", &c.id),
                                ("title", &c.title),
                                ("times", &c.times_carried()),
                            ],
                        )
                    })
                    .collect(),
            ),
        ]
    }

    fn answer_changes(&self, old: Option<&Report>, new: Option<&Report>) -> Vec<String> {
        let mut answers = Vec::new();
        for (i, q) in self.data.guiding_questions.iter().enumerate() {
            let a = old.and_then(|r| r.answer(&q.id)).unwrap_or("");
            let b = new.and_then(|r| r.answer(&q.id)).unwrap_or("");
            if a != b {
                answers.push(crate::i18n::tf(
                    "changes.answer",
                    &[("number", &(i + 1)), ("diff", &word_diff(a, b))],
                ));
            }
        }
        answers
    }

    fn other_changes(
        &self,
        id: &str,
        before: Option<&Session>,
        now: &Session,
        old: Option<&Report>,
        new: Option<&Report>,
    ) -> Vec<String> {
        let presenter = |r: Option<&Report>| {
            r.and_then(|r| r.presenter.as_deref())
                .map_or_else(|| "–".to_owned(), |p| self.data.presenter_name(p))
        };
        let mut other = Vec::new();
        let (pa, pb) = (presenter(old), presenter(new));
        if pa != pb {
            other.push(crate::i18n::tf(
                "changes.presenter",
                &[("pa", &pa), ("pb", &pb)],
            ));
        }
        if let Some(b) = before {
            let (sa, sb) = (
                self.data.speakers_at(id, b.number),
                self.data.speakers_at(id, now.number),
            );
            if sa != sb {
                let names = |s: &Speakers| {
                    if s.people.is_empty() {
                        s.note.clone().unwrap_or_else(|| "N.N.".into())
                    } else {
                        s.people
                            .iter()
                            .map(|p| p.name.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                };
                let decision = sb.decision.clone().unwrap_or_default();
                other.push(crate::i18n::tf(
                    "changes.assignment",
                    &[
                        ("before", &names(&sa)),
                        ("after", &names(&sb)),
                        ("decision", &decision),
                    ],
                ));
            }
        }
        other
    }
}

/// A word diff: removed words as [-…-], added as {+…+} (longest common subsequence).
pub fn word_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(a[i].to_owned());
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] > lcs[i + 1][j]) {
            out.push(format!("{{+{}+}}", b[j]));
            j += 1;
        } else {
            out.push(format!("[-{}-]", a[i]));
            i += 1;
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::word_diff;

    #[test]
    fn word_diff_marks_removed_and_added_words() {
        assert_eq!(
            word_diff("ein guter Austausch", "ein reger Austausch"),
            "ein [-guter-] {+reger+} Austausch"
        );
        assert_eq!(word_diff("", "neu"), "{+neu+}");
        assert_eq!(word_diff("gleich", "gleich"), "gleich");
    }
}
