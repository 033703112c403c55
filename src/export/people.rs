//! How the documents name things: a session, the conferences at a session, who
//! speaks for them (with their Länder, also when vacant), presenters and guests,
//! concern states. One place, so the rules of validity can change here alone.

use super::doc::{Line, plain};
use crate::domain::{ConcernStatus, Conference, Dataset, HistoryEntry, Session};
use crate::i18n::{date, t, tf};

/// "IT-Planungsrat · 48. Sitzung am 26.11.2025 in Stralsund".
pub fn session_line(session: &Session) -> String {
    let place = session
        .place
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .map(|p| tf("doc.in-place", &[("place", &p.trim())]))
        .unwrap_or_default();
    tf(
        "doc.session-line",
        &[
            ("session", &session.number),
            ("date", &date(session.date)),
            ("place", &place),
        ],
    )
}

/// A conference as documents name it at session `n`, with its abbreviation:
/// "Innenministerkonferenz (IMK)". A name that ends in parentheses takes the
/// abbreviation inside them: "Justizministerkonferenz (E-Justice-Rat, EJR)".
/// Which conferences a session has is `Dataset::conferences_at`.
pub fn label(conference: &Conference, n: u32) -> String {
    let (name, _) = conference.name_at(n);
    let id = &conference.id;
    match name.strip_suffix(')') {
        Some(inner) if inner.contains('(') => format!("{inner}, {id})"),
        _ => format!("{name} ({id})"),
    }
}

/// Who speaks for `conference` at session `n`: "Herr Jan Pörksen (Hamburg)";
/// a vacancy as "N.N. (Hessen)", keeping its Länder.
pub fn speakers(data: &Dataset, conference: &str, n: u32) -> String {
    let speakers = data.speakers_at(conference, n);
    if speakers.is_vacant() {
        let nn = t("doc.vacant");
        return if !speakers.lands.is_empty() {
            format!("{nn} ({})", and_list(&speakers.lands))
        } else if let Some(note) = speakers.note.as_deref().filter(|n| n.trim() != nn) {
            format!("{nn} – {}", note.trim())
        } else {
            nn.to_owned()
        };
    }
    let mut named_lands = Vec::new();
    let people: Vec<String> = speakers
        .people
        .iter()
        .map(|s| match &s.land {
            Some(land) => {
                named_lands.push(land.clone());
                format!("{} ({land})", s.name)
            }
            None => s.name.clone(),
        })
        .collect();
    // Länder the Benennung names without a person from there (e.g. "Bund").
    let rest: Vec<String> = speakers
        .lands
        .iter()
        .filter(|l| !named_lands.contains(l))
        .cloned()
        .collect();
    let mut text = people.join("; ");
    if !rest.is_empty() {
        text = format!("{text}; {}", and_list(&rest));
    }
    text
}

/// A presenter: a person's name, or a guest's as typed, marked as guest. A
/// guest typed with an affiliation in parentheses ("Dr. Erika Gast (BMI)")
/// gets the mark inside them, not a second pair.
pub fn presenter(data: &Dataset, presenter: &str) -> String {
    if data.person(presenter).is_some() {
        return data.presenter_name(presenter);
    }
    let name = presenter.trim();
    match name.strip_suffix(')') {
        Some(open) if open.contains('(') => tf("doc.guest-within", &[("name", &open)]),
        _ => tf("doc.guest", &[("name", &name)]),
    }
}

/// "A", "A und B", "A, B und C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {} {}", rest.join(", "), t("doc.and"), last.as_ref())
        }
    }
}

/// The word for a concern's state in documents.
pub fn status_word(status: ConcernStatus) -> &'static str {
    match status {
        ConcernStatus::Open => t("doc.open"),
        ConcernStatus::InProgress => t("doc.in-progress"),
        ConcernStatus::Resolved => t("doc.resolved"),
        ConcernStatus::Dropped => t("doc.dropped"),
    }
}

/// The note on a concern's closing, unless it only repeats the state (the
/// history's own words, written in German whatever the language).
pub fn outcome(entry: &HistoryEntry) -> Option<&str> {
    const STATE_WORDS: [&str; 4] = ["vertagt", "in Bearbeitung", "erledigt", "verworfen"];
    let note = entry.note.as_deref()?.trim();
    // "erledigt: Geklärt", as the screen records a closing: the note after the word.
    let note = STATE_WORDS
        .iter()
        .find_map(|word| note.strip_prefix(word)?.strip_prefix(':'))
        .map_or(note, str::trim);
    (!note.is_empty() && !STATE_WORDS.contains(&note)).then_some(note)
}

/// Who is invited to a debrief (the seed's "Teilnehmende").
pub fn invited() -> Vec<Line> {
    [
        "doc.invited-offices",
        "doc.invited-groups",
        "doc.invited-ministries",
    ]
    .iter()
    .map(|k| plain(t(k)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::label;
    use crate::store::bundled;

    #[test]
    fn a_label_is_the_name_at_the_session_with_its_abbreviation() {
        let data = bundled();
        let imk = data.conference("IMK").expect("IMK");
        assert_eq!(label(imk, 48), "Innenministerkonferenz (IMK)");
        let ejr = data.conference("EJR").expect("EJR");
        assert_eq!(label(ejr, 45), "E-Justice Rat (EJR)");
        assert_eq!(
            label(ejr, 46),
            "Justizministerkonferenz (E-Justice-Rat, EJR)"
        );
    }
}
