//! What changed for a conference since the previous session: concerns new,
//! resolved, dropped or carried; answers (as a word diff); exchange, presenter,
//! decisions cited; assignment. Computed once when the view opens (and after an
//! undo), never per frame.

use similar::{Algorithm, ChangeTag, TextDiff};

use crate::domain::{Concern, ConcernStatus, Dataset, Exchange, Report, Session, Speakers};

/// What changed for conference `id` between the session before `session` and it.
pub fn lines(data: &Dataset, session: u32, id: &str) -> Vec<String> {
    Changes { data }.lines(session, id)
}

/// The data the changes are read from.
struct Changes<'a> {
    data: &'a Dataset,
}

impl Changes<'_> {
    fn lines(&self, session: u32, id: &str) -> Vec<String> {
        let Some(now) = self.data.session(session) else {
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
        for (title, items) in self.concern_changes(id, now) {
            section(title, items);
        }
        let (old, new) = (before.and_then(|b| b.report(id)), now.report(id));
        section(
            crate::i18n::t("changes.answers"),
            self.answer_changes(old, new),
        );
        section(
            crate::i18n::t("changes.other"),
            self.other_changes(id, before, now, old, new),
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
            if a.split_whitespace().ne(b.split_whitespace()) {
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
        if before.is_some() {
            other.extend(self.report_changes(old, new));
        }
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

    /// Exchange and decisions cited, between two reports of the conference.
    fn report_changes(&self, old: Option<&Report>, new: Option<&Report>) -> Vec<String> {
        let exchange = |r: Option<&Report>| r.map_or(Exchange::Unknown, |r| r.exchange);
        let word = |e: Exchange| {
            crate::i18n::t(match e {
                Exchange::Yes => "changes.exchange-yes",
                Exchange::No => "changes.exchange-no",
                Exchange::Unknown => "changes.exchange-unknown",
            })
        };
        let mut out = Vec::new();
        let (ea, eb) = (exchange(old), exchange(new));
        if ea != eb {
            out.push(crate::i18n::tf(
                "changes.exchange",
                &[("before", &word(ea)), ("after", &word(eb))],
            ));
        }
        let cited = |r: Option<&Report>| r.map(|r| r.decisions.clone()).unwrap_or_default();
        let (da, db) = (cited(old), cited(new));
        let decision = |key: &str, id: &String| {
            let title = self.data.decision(id).map_or("", |d| d.title.as_str());
            crate::i18n::tf(key, &[("id", id), ("title", &title)])
        };
        out.extend(
            db.iter()
                .filter(|id| !da.contains(id))
                .map(|id| decision("changes.decision-cited", id)),
        );
        out.extend(
            da.iter()
                .filter(|id| !db.contains(id))
                .map(|id| decision("changes.decision-uncited", id)),
        );
        out
    }
}

/// A word diff (Myers, through `similar`): a changed phrase – consecutive
/// changed words, with the spaces between them – shows once as `[-old-]
/// {+new+}`. Runs of whitespace show as one space.
pub fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_words(old, new);
    let mut out = String::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let word = change.value();
        let blank = word.trim().is_empty();
        match change.tag() {
            // Spaces neither end a phrase nor are one.
            _ if blank => {}
            ChangeTag::Delete => push_word(&mut removed, word),
            ChangeTag::Insert => push_word(&mut added, word),
            ChangeTag::Equal => {
                flush_phrase(&mut out, &mut removed, &mut added);
                push_word(&mut out, word);
            }
        }
    }
    flush_phrase(&mut out, &mut removed, &mut added);
    out
}

fn push_word(text: &mut String, word: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(word);
}

fn flush_phrase(out: &mut String, removed: &mut String, added: &mut String) {
    if !removed.is_empty() {
        push_word(out, &format!("[-{removed}-]"));
    }
    if !added.is_empty() {
        push_word(out, &format!("{{+{added}+}}"));
    }
    removed.clear();
    added.clear();
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
        assert_eq!(
            word_diff("der Bund und die Länder", "der Bund\n und  alle Länder"),
            "der Bund und [-die-] {+alle+} Länder"
        );
        assert_eq!(word_diff("gleich", "gleich"), "gleich");
    }

    #[test]
    fn consecutive_changed_words_are_one_phrase() {
        assert_eq!(
            word_diff(
                "wir haben den Vorsitz der IMK übernommen",
                "wir haben die Geschäftsstelle und den Vorsitz übernommen"
            ),
            "wir haben {+die Geschäftsstelle und+} den Vorsitz [-der IMK-] übernommen"
        );
        assert_eq!(
            word_diff("eins zwei drei vier", "eins fünf sechs vier"),
            "eins [-zwei drei-] {+fünf sechs+} vier"
        );
    }
}
