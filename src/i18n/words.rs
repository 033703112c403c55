//! The words for the domain's typed values: the domain says *what* it found
//! (a problem, a gap, a phase, why a date moved, which article a name takes),
//! this module says it in the current language. Each value is worded by its
//! `Display`, so `format!("{gap}")` and `tf(…, &[("what", &missing)])` work
//! wherever the value is shown; what takes more than one value has a function.
//!
//! Not here: the texts themselves (`de.toml`, `en.toml`), and anything that
//! decides — a value worded here is never looked at again.

use std::fmt;

use crate::domain::{
    Article, Case, DayOff, DebriefGap, DebriefProposal, Fact, Gender, Holiday, Missing, Origin,
    Phase, Problem, RecordKind, Whose,
};
use crate::i18n;

impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NewYear => i18n::t("holiday.new-year"),
            Self::GoodFriday => i18n::t("holiday.good-friday"),
            Self::EasterMonday => i18n::t("holiday.easter-monday"),
            Self::LabourDay => i18n::t("holiday.labour-day"),
            Self::Ascension => i18n::t("holiday.ascension"),
            Self::WhitMonday => i18n::t("holiday.whit-monday"),
            Self::UnityDay => i18n::t("holiday.unity-day"),
            Self::ChristmasEve => i18n::t("holiday.christmas-eve"),
            Self::ChristmasDay => i18n::t("holiday.christmas-1"),
            Self::BoxingDay => i18n::t("holiday.christmas-2"),
            Self::NewYearsEve => i18n::t("holiday.new-years-eve"),
        })
    }
}

/// "Samstag", "Neujahr", … .
impl fmt::Display for DayOff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Saturday => f.write_str(i18n::t("holiday.saturday")),
            Self::Sunday => f.write_str(i18n::t("holiday.sunday")),
            Self::Holiday(holiday) => holiday.fmt(f),
        }
    }
}

/// Why the proposed debrief date moved ("verschoben auf den 02.01.2026: kein
/// Arbeitstag am 31.12.2025 Silvester, 01.01.2026 Neujahr"), or `None` when
/// three weeks after the session is a working day.
pub fn debrief_moved(proposal: &DebriefProposal) -> Option<String> {
    if proposal.skipped.is_empty() {
        return None;
    }
    let days: Vec<String> = proposal
        .skipped
        .iter()
        .map(|(day, why)| format!("{} {why}", i18n::date(*day)))
        .collect();
    Some(i18n::tf(
        "holiday.moved",
        &[
            ("date", &i18n::date(proposal.date)),
            ("days", &days.join(", ")),
        ],
    ))
}

/// The sentence for one gap or hint of a report.
impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ExchangeUnknown => f.write_str(i18n::t("missing.exchange-unknown")),
            Self::NoText => f.write_str(i18n::t("missing.no-text")),
            Self::Unanswered { number, .. } => {
                f.write_str(&i18n::tf("missing.unanswered", &[("number", number)]))
            }
            Self::NoPresenter => f.write_str(i18n::t("missing.no-presenter")),
            Self::NotReady => f.write_str(i18n::t("missing.not-ready")),
            Self::ConcernUndecided { id, title } => f.write_str(&i18n::tf(
                "missing.concern-undecided",
                &[("id", id), ("title", title)],
            )),
        }
    }
}

/// The hints among `missing` in one phrase ("Leitfragen 2, 3 und 4
/// unbeantwortet"), or `None` when there are none.
pub fn hint_line(missing: &[Missing]) -> Option<String> {
    let numbers: Vec<String> = missing
        .iter()
        .filter_map(|m| match m {
            Missing::Unanswered { number, .. } => Some(number.to_string()),
            _ => None,
        })
        .collect();
    // "Leitfragen 2, 3 und 4", as German prose lists.
    let list = match numbers.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), i18n::t("doc.and"))
        }
        _ => numbers.join(", "),
    };
    (!numbers.is_empty()).then(|| i18n::tn("count.questions", numbers.len(), &[("list", &list)]))
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Preparation => i18n::t("phase.preparation"),
            Self::Debrief => i18n::t("phase.debrief"),
            Self::Done => i18n::t("phase.done"),
        })
    }
}

impl fmt::Display for DebriefGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoDecisions => f.write_str(i18n::t("gaps.no-decisions")),
            Self::NothingChosen => f.write_str(i18n::t("gaps.nothing-chosen")),
            Self::Overdue(date) => {
                f.write_str(&i18n::tf("gaps.overdue", &[("date", &i18n::date(*date))]))
            }
            Self::NotHeld(date) => {
                f.write_str(&i18n::tf("gaps.not-held", &[("date", &i18n::date(*date))]))
            }
        }
    }
}

/// "der", "dem", "des" …; "the" in English.
impl fmt::Display for Article {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Case::{Accusative, Dative, Genitive, Nominative};
        use Gender::{Feminine, Masculine, Neuter};
        f.write_str(match (self.gender, self.case) {
            (Feminine, Nominative) => i18n::t("article.f-nom"),
            (Feminine, Accusative) => i18n::t("article.f-acc"),
            (Feminine, Dative) => i18n::t("article.f-dat"),
            (Feminine, Genitive) => i18n::t("article.f-gen"),
            (Masculine, Nominative) => i18n::t("article.m-nom"),
            (Masculine, Accusative) => i18n::t("article.m-acc"),
            (Masculine, Dative) => i18n::t("article.m-dat"),
            (Masculine, Genitive) => i18n::t("article.m-gen"),
            (Neuter, Nominative) => i18n::t("article.n-nom"),
            (Neuter, Accusative) => i18n::t("article.n-acc"),
            (Neuter, Dative) => i18n::t("article.n-dat"),
            (Neuter, Genitive) => i18n::t("article.n-gen"),
        })
    }
}

/// Where a fact comes from: the seed, a Beschluss, a public page, …
impl fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::User => f.write_str(i18n::t("source.user")),
            Self::Seed => f.write_str(i18n::t("source.seed")),
            Self::Assumed => f.write_str(i18n::t("source.assumed")),
            Self::Public => f.write_str(i18n::t("source.public")),
            Self::Planned => f.write_str(i18n::t("source.planned")),
            Self::Decision(id) => f.write_str(&i18n::tf("source.decision", &[("id", id)])),
            Self::Page(url) => f.write_str(&i18n::tf("source.page", &[("url", url)])),
        }
    }
}

/// The record a fact not from the seed belongs to.
impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Conference(id) => f.write_str(id),
            Self::ConferenceName { conference, name } => write!(f, "{conference}: {name}"),
            Self::Person(name) => f.write_str(name),
            Self::Assignment {
                conference,
                decision,
            } => f.write_str(&assignment(conference, decision)),
            Self::Decision(id) => f.write_str(&i18n::tf("valid.decision", &[("id", id)])),
            Self::Session(number) => {
                f.write_str(&i18n::tf("source.session", &[("number", number)]))
            }
        }
    }
}

fn assignment(conference: &str, decision: &str) -> String {
    i18n::tf(
        "valid.assignment",
        &[("conference", &conference), ("decision", &decision)],
    )
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Conference => i18n::t("valid.kind-conference"),
            Self::Person => i18n::t("valid.kind-person"),
            Self::Decision => i18n::t("valid.kind-decision"),
            Self::Question => i18n::t("valid.kind-question"),
            Self::Concern => i18n::t("valid.kind-concern"),
        })
    }
}

/// The record a problem is found in: "Konferenz IMK", "Sitzung 48, Bericht IMK", …
impl fmt::Display for Whose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Self::Conference(id) => i18n::tf("valid.conference", &[("id", id)]),
            Self::Assignment {
                conference,
                decision,
            } => assignment(conference, decision),
            Self::Decision(id) => i18n::tf("valid.decision", &[("id", id)]),
            Self::Report {
                session,
                conference,
            } => i18n::tf(
                "valid.report",
                &[("number", session), ("conference", conference)],
            ),
            Self::Concern(id) => i18n::tf("valid.concern", &[("id", id)]),
        })
    }
}

/// One structural problem of a dataset, in one sentence for the user.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Self::Duplicate { kind, id } => {
                i18n::tf("valid.duplicate", &[("kind", kind), ("id", id)])
            }
            Self::DuplicateSession(number) => {
                i18n::tf("valid.duplicate-session", &[("number", number)])
            }
            Self::DuplicateReport(whose) => i18n::tf("valid.duplicate-whose", &[("whose", whose)]),
            Self::UnknownConference { whose, conference } => i18n::tf(
                "valid.unknown-conference",
                &[("whose", whose), ("conference", conference)],
            ),
            Self::UnknownDecision { whose, decision } => i18n::tf(
                "valid.unknown-decision",
                &[("whose", whose), ("decision", decision)],
            ),
            Self::UnknownPerson { whose, person } => i18n::tf(
                "valid.unknown-person",
                &[("whose", whose), ("person", person)],
            ),
            Self::UnknownQuestion { whose, question } => i18n::tf(
                "valid.unknown-question",
                &[("whose", whose), ("q", question)],
            ),
            Self::DecisionForm(id) => i18n::tf("valid.decision-form", &[("id", id)]),
            Self::DebriefBefore {
                session,
                debrief,
                date,
            } => i18n::tf(
                "valid.debrief-before",
                &[
                    ("number", session),
                    ("debrief", &i18n::date(*debrief)),
                    ("date", &i18n::date(*date)),
                ],
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn values_are_worded_in_the_language_of_the_thread() {
        let proposal = DebriefProposal::for_session(d(2025, 12, 10));
        let problem = Problem::UnknownConference {
            whose: Whose::Report {
                session: 48,
                conference: "XMK".into(),
            },
            conference: "XMK".into(),
        };
        i18n::set(i18n::Lang::De);
        assert_eq!(
            debrief_moved(&proposal).as_deref(),
            Some(
                "verschoben auf den 02.01.2026: kein Arbeitstag am 31.12.2025 Silvester, 01.01.2026 Neujahr"
            )
        );
        assert_eq!(
            problem.to_string(),
            "Sitzung 48, Bericht XMK nennt die unbekannte Konferenz „XMK“"
        );
        assert_eq!(Gender::Masculine.article(Case::Genitive).to_string(), "des");
        assert_eq!(
            Origin::of(Some("decision:2025/01")).to_string(),
            "Beschluss 2025/01"
        );
        i18n::set(i18n::Lang::En);
        assert_eq!(Gender::Masculine.article(Case::Genitive).to_string(), "the");
        assert_eq!(Phase::Debrief.to_string(), i18n::t("phase.debrief"));
        assert_ne!(Phase::Debrief.to_string(), "Nachbesprechung");
        i18n::set(i18n::Lang::De);
    }

    #[test]
    fn only_unanswered_questions_make_the_hint_line() {
        i18n::set(i18n::Lang::De);
        let unanswered = |number| Missing::Unanswered {
            question: format!("Q{number}"),
            number,
        };
        assert_eq!(hint_line(&[Missing::NotReady, Missing::NoPresenter]), None);
        assert_eq!(
            hint_line(&[unanswered(2), Missing::NotReady, unanswered(4)]).as_deref(),
            Some("Leitfragen 2 und 4 unbeantwortet")
        );
        assert_eq!(
            hint_line(&[unanswered(3)]).as_deref(),
            Some("Leitfrage 3 unbeantwortet")
        );
    }
}
