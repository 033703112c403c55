//! Structural checks of a dataset. All problems are collected, none stops the others.

use std::collections::HashSet;
use std::fmt;

use super::{Dataset, is_valid_decision_id};

/// One structural problem of a dataset, in German for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct Checker<'a> {
    data: &'a Dataset,
    conferences: HashSet<&'a str>,
    people: HashSet<&'a str>,
    decisions: HashSet<&'a str>,
    questions: HashSet<&'a str>,
    problems: Vec<Problem>,
}

impl Dataset {
    /// Every structural problem: dangling references, duplicate ids or session
    /// numbers, malformed decision ids, debriefs dated before their session.
    pub fn validate(&self) -> Vec<Problem> {
        let mut checker = Checker {
            data: self,
            conferences: HashSet::new(),
            people: HashSet::new(),
            decisions: HashSet::new(),
            questions: HashSet::new(),
            problems: Vec::new(),
        };
        checker.collect_ids();
        checker.check_conferences();
        checker.check_assignments();
        checker.check_decisions();
        checker.check_sessions();
        checker.check_concerns();
        checker.problems
    }
}

impl<'a> Checker<'a> {
    fn problem(&mut self, text: String) {
        self.problems.push(Problem(text));
    }

    fn unique<I: Iterator<Item = &'a str>>(&mut self, kind: &str, ids: I) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.problem(crate::i18n::tf(
                    "valid.duplicate",
                    &[("kind", &kind), ("id", &id)],
                ));
            }
        }
        seen
    }

    fn collect_ids(&mut self) {
        let data = self.data;
        self.conferences = self.unique(
            crate::i18n::t("valid.kind-conference"),
            data.conferences.iter().map(|c| c.id.as_str()),
        );
        self.people = self.unique(
            crate::i18n::t("valid.kind-person"),
            data.people.iter().map(|p| p.id.as_str()),
        );
        self.decisions = self.unique(
            crate::i18n::t("valid.kind-decision"),
            data.decisions.iter().map(|d| d.id.as_str()),
        );
        self.questions = self.unique(
            crate::i18n::t("valid.kind-question"),
            data.guiding_questions.iter().map(|q| q.id.as_str()),
        );
        self.unique(
            crate::i18n::t("valid.kind-concern"),
            data.concerns.iter().map(|c| c.id.as_str()),
        );
        let mut numbers = HashSet::new();
        for session in &data.sessions {
            if !numbers.insert(session.number) {
                self.problem(crate::i18n::tf(
                    "valid.duplicate-session",
                    &[("number", &session.number)],
                ));
            }
        }
    }

    fn conference_ref(&mut self, conference: &str, whose: &str) {
        if !self.conferences.contains(conference) {
            self.problem(crate::i18n::tf(
                "valid.unknown-conference",
                &[("whose", &whose), ("conference", &conference)],
            ));
        }
    }

    fn decision_ref(&mut self, decision: &str, whose: &str) {
        if !self.decisions.contains(decision) {
            self.problem(crate::i18n::tf(
                "valid.unknown-decision",
                &[("whose", &whose), ("decision", &decision)],
            ));
        }
    }

    fn check_assignments(&mut self) {
        for a in &self.data.assignments {
            let whose = crate::i18n::tf(
                "valid.assignment",
                &[("conference", &a.conference), ("decision", &a.decision)],
            );
            self.conference_ref(&a.conference, &whose);
            self.decision_ref(&a.decision, &whose);
            for person in a.people.iter().chain(a.person_lands.keys()) {
                if !self.people.contains(person.as_str()) {
                    self.problem(crate::i18n::tf(
                        "valid.unknown-person",
                        &[("whose", &whose), ("person", &person)],
                    ));
                }
            }
        }
    }

    fn check_conferences(&mut self) {
        for c in &self.data.conferences {
            let whose = crate::i18n::tf("valid.conference", &[("id", &c.id)]);
            let named = c.names.iter().filter_map(|n| n.decision.as_deref());
            for decision in c.from_decision.as_deref().into_iter().chain(named) {
                self.decision_ref(decision, &whose);
            }
        }
    }

    fn check_decisions(&mut self) {
        for d in &self.data.decisions {
            if !is_valid_decision_id(&d.id) {
                self.problem(crate::i18n::tf("valid.decision-form", &[("id", &d.id)]));
            }
            for c in &d.conferences {
                if c != "*" {
                    self.conference_ref(c, &crate::i18n::tf("valid.decision", &[("id", &d.id)]));
                }
            }
        }
    }

    fn check_sessions(&mut self) {
        for s in &self.data.sessions {
            if s.debrief_date < s.date {
                self.problem(crate::i18n::tf(
                    "valid.debrief-before",
                    &[
                        ("number", &s.number),
                        ("debrief", &crate::i18n::date(s.debrief_date)),
                        ("date", &crate::i18n::date(s.date)),
                    ],
                ));
            }
            let mut seen = HashSet::new();
            for r in &s.reports {
                let whose = crate::i18n::tf(
                    "valid.report",
                    &[("number", &s.number), ("conference", &r.conference)],
                );
                if !seen.insert(r.conference.as_str()) {
                    self.problem(crate::i18n::tf(
                        "valid.duplicate-whose",
                        &[("whose", &whose)],
                    ));
                }
                self.conference_ref(&r.conference, &whose);
                for d in &r.decisions {
                    self.decision_ref(d, &whose);
                }
                for q in r.answers.keys() {
                    if !self.questions.contains(q.as_str()) {
                        self.problem(crate::i18n::tf(
                            "valid.unknown-question",
                            &[("whose", &whose), ("q", &q)],
                        ));
                    }
                }
            }
        }
    }

    fn check_concerns(&mut self) {
        for c in &self.data.concerns {
            let whose = crate::i18n::tf("valid.concern", &[("id", &c.id)]);
            self.conference_ref(&c.conference, &whose);
            for d in &c.decisions {
                self.decision_ref(d, &whose);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::store::bundled;

    #[test]
    fn all_problems_are_collected_at_once() {
        let mut data = bundled();
        data.conferences.push(data.conferences[0].clone());
        data.assignments[0].people.push("niemand".into());
        data.decisions[0].id = "22/43".into();
        data.sessions[0].debrief_date = data.sessions[0].date - chrono::Days::new(1);
        let dup = data.sessions[1].clone();
        data.sessions.push(dup);
        data.sessions[2]
            .reports
            .push(crate::domain::Report::new("XMK"));
        let problems: Vec<String> = data.validate().iter().map(ToString::to_string).collect();
        let expect = [
            "Konferenz „WMK“ ist doppelt vorhanden",
            "nennt die unbekannte Person „niemand“",
            "„22/43“: die Nummer hat nicht die Form JJJJ/NN",
            "Sitzung 41 ist doppelt vorhanden",
            "Sitzung 40: die Nachbesprechung",
            "unbekannte Konferenz „XMK“",
            // the renamed decision leaves assignments pointing at 2022/43
            "nennt den unbekannten Beschluss „2022/43“",
        ];
        for e in expect {
            assert!(
                problems.iter().any(|p| p.contains(e)),
                "{e} not in {problems:#?}"
            );
        }
    }
}
