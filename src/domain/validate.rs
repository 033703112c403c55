//! Structural checks of a dataset. All problems are collected, none stops the others.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{Dataset, is_valid_decision_id};

/// One structural problem of a dataset (worded by `i18n::words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Two records of one kind share an id.
    Duplicate { kind: RecordKind, id: String },
    /// Two sessions share a number.
    DuplicateSession(u32),
    /// A session has two reports of one conference.
    DuplicateReport(Whose),
    /// A record names a conference that does not exist.
    UnknownConference { whose: Whose, conference: String },
    /// A record names a decision that does not exist.
    UnknownDecision { whose: Whose, decision: String },
    /// A Benennung names a person who does not exist.
    UnknownPerson { whose: Whose, person: String },
    /// A report answers a Leitfrage that does not exist.
    UnknownQuestion { whose: Whose, question: String },
    /// A decision's id is not of the form YYYY/NN.
    DecisionForm(String),
    /// A session's debrief is dated before the session.
    DebriefBefore {
        session: u32,
        debrief: NaiveDate,
        date: NaiveDate,
    },
}

/// The kinds of record whose ids must be unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Conference,
    Person,
    Decision,
    Question,
    Concern,
}

/// The record a problem is found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    Conference(String),
    Assignment {
        conference: String,
        decision: String,
    },
    Decision(String),
    Report {
        session: u32,
        conference: String,
    },
    Concern(String),
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
    fn problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn unique<I: Iterator<Item = &'a str>>(
        &mut self,
        kind: RecordKind,
        ids: I,
    ) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.problem(Problem::Duplicate {
                    kind,
                    id: id.to_owned(),
                });
            }
        }
        seen
    }

    fn collect_ids(&mut self) {
        let data = self.data;
        self.conferences = self.unique(
            RecordKind::Conference,
            data.conferences.iter().map(|c| c.id.as_str()),
        );
        self.people = self.unique(
            RecordKind::Person,
            data.people.iter().map(|p| p.id.as_str()),
        );
        self.decisions = self.unique(
            RecordKind::Decision,
            data.decisions.iter().map(|d| d.id.as_str()),
        );
        self.questions = self.unique(
            RecordKind::Question,
            data.guiding_questions.iter().map(|q| q.id.as_str()),
        );
        self.unique(
            RecordKind::Concern,
            data.concerns.iter().map(|c| c.id.as_str()),
        );
        let mut numbers = HashSet::new();
        for session in &data.sessions {
            if !numbers.insert(session.number) {
                self.problem(Problem::DuplicateSession(session.number));
            }
        }
    }

    fn conference_ref(&mut self, conference: &str, whose: &Whose) {
        if !self.conferences.contains(conference) {
            self.problem(Problem::UnknownConference {
                whose: whose.clone(),
                conference: conference.to_owned(),
            });
        }
    }

    fn decision_ref(&mut self, decision: &str, whose: &Whose) {
        if !self.decisions.contains(decision) {
            self.problem(Problem::UnknownDecision {
                whose: whose.clone(),
                decision: decision.to_owned(),
            });
        }
    }

    fn check_assignments(&mut self) {
        for a in &self.data.assignments {
            let whose = Whose::Assignment {
                conference: a.conference.clone(),
                decision: a.decision.clone(),
            };
            self.conference_ref(&a.conference, &whose);
            self.decision_ref(&a.decision, &whose);
            for person in a.people.iter().chain(a.person_lands.keys()) {
                if !self.people.contains(person.as_str()) {
                    self.problem(Problem::UnknownPerson {
                        whose: whose.clone(),
                        person: person.clone(),
                    });
                }
            }
        }
    }

    fn check_conferences(&mut self) {
        for c in &self.data.conferences {
            let whose = Whose::Conference(c.id.clone());
            let named = c.names.iter().filter_map(|n| n.decision.as_deref());
            for decision in c.from_decision.as_deref().into_iter().chain(named) {
                self.decision_ref(decision, &whose);
            }
        }
    }

    fn check_decisions(&mut self) {
        for d in &self.data.decisions {
            if !is_valid_decision_id(&d.id) {
                self.problem(Problem::DecisionForm(d.id.clone()));
            }
            let whose = Whose::Decision(d.id.clone());
            for c in &d.conferences {
                if c != "*" {
                    self.conference_ref(c, &whose);
                }
            }
        }
    }

    fn check_sessions(&mut self) {
        for s in &self.data.sessions {
            if s.debrief_date < s.date {
                self.problem(Problem::DebriefBefore {
                    session: s.number,
                    debrief: s.debrief_date,
                    date: s.date,
                });
            }
            let mut seen = HashSet::new();
            for r in &s.reports {
                let whose = Whose::Report {
                    session: s.number,
                    conference: r.conference.clone(),
                };
                if !seen.insert(r.conference.as_str()) {
                    self.problem(Problem::DuplicateReport(whose.clone()));
                }
                self.conference_ref(&r.conference, &whose);
                for d in &r.decisions {
                    self.decision_ref(d, &whose);
                }
                for q in r.answers.keys() {
                    if !self.questions.contains(q.as_str()) {
                        self.problem(Problem::UnknownQuestion {
                            whose: whose.clone(),
                            question: q.clone(),
                        });
                    }
                }
            }
        }
    }

    fn check_concerns(&mut self) {
        for c in &self.data.concerns {
            let whose = Whose::Concern(c.id.clone());
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
