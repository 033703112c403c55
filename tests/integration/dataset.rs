//! The bundled dataset against the seed deck: whole and exact.
#![allow(clippy::unwrap_used)]

use fachmk::domain::Dataset;
use fachmk::store::{self, BUNDLED_JSON};

fn data() -> Dataset {
    store::bundled()
}

#[test]
fn bundled_file_is_written_exactly_as_the_program_writes_it() {
    let bytes = store::to_bytes(&data(), "data/fachmk.json".as_ref()).unwrap();
    if std::env::var_os("FACHMK_BLESS").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/fachmk.json"),
            &bytes,
        )
        .unwrap();
    }
    assert_eq!(String::from_utf8(bytes).unwrap(), BUNDLED_JSON);
}

#[test]
fn bundled_dataset_is_valid() {
    assert_eq!(data().validate(), vec![]);
}

#[test]
fn thirteen_conferences_with_their_lands() {
    let d = data();
    let ids: Vec<&str> = d.conferences.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "WMK", "IMK", "FMK", "EJR", "UMK", "BMK", "VMK", "ASMK", "GMK", "KMK", "EnMK", "SMK",
            "DMK"
        ]
    );
    let lands = |id: &str| d.conference(id).unwrap().lands.join(",");
    assert_eq!(lands("WMK"), "HH");
    assert_eq!(lands("IMK"), "NI,MV");
    assert_eq!(lands("FMK"), "HB,TH");
    assert_eq!(lands("BMK"), "MV,NW");
    assert_eq!(lands("VMK"), "HE");
    assert_eq!(lands("DMK"), "BE,Bund");
    assert_eq!(d.conference("KMK").unwrap().name, "Kultusministerkonferenz");
}

#[test]
fn eleven_people_each_once() {
    let d = data();
    assert_eq!(d.people.len(), 11);
    let mut names: Vec<&str> = d.people.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 11);
    let manke = d.person("manke").unwrap();
    assert_eq!(manke.display_name(), "Herr Stephan Manke");
    assert_eq!(
        d.person("klement").unwrap().salutation.as_deref(),
        Some("Frau")
    );
}

#[test]
fn four_guiding_questions_word_for_word() {
    let seed = include_str!("fixtures/seed-deck.txt");
    let d = data();
    assert_eq!(d.guiding_questions.len(), 4);
    for q in &d.guiding_questions {
        assert!(seed.contains(&q.text), "not in the seed: {}", q.text);
    }
    assert_eq!(
        d.guiding_questions[3].text,
        "Wo gibt es aktuell Probleme und oder Hindernisse in der Zusammenarbeit?"
    );
}

fn speaker_names(d: &Dataset, conference: &str, session: u32) -> Vec<String> {
    d.speakers_at(conference, session)
        .people
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[test]
fn who_speaks_for_which_conference() {
    let d = data();
    assert_eq!(speaker_names(&d, "WMK", 45), ["Herr Jan Pörksen"]);
    assert_eq!(
        speaker_names(&d, "IMK", 45),
        ["Herr Stephan Manke", "Frau Ina-Maria Ulbrich"]
    );
    assert_eq!(
        speaker_names(&d, "FMK", 45),
        ["Herr Dr. Martin Hagen", "Herr Dr. Hartmut Schubert"]
    );
    assert_eq!(speaker_names(&d, "UMK", 45), ["Herr Dirk Schrödter"]);
    assert_eq!(speaker_names(&d, "EnMK", 45), ["Herr Dirk Schrödter"]);
    assert_eq!(
        speaker_names(&d, "BMK", 45),
        ["Frau Ina-Maria Ulbrich", "Herr Daniel Sieveke"]
    );
    assert_eq!(speaker_names(&d, "SMK", 45), ["Herr Daniel Sieveke"]);
    assert_eq!(speaker_names(&d, "ASMK", 45), ["Herr Fedor Ruhose"]);
    assert_eq!(speaker_names(&d, "GMK", 45), ["Herr Stephan Manke"]);
    assert_eq!(speaker_names(&d, "KMK", 45), ["Herr Bernd Schlömer"]);
    assert_eq!(
        speaker_names(&d, "DMK", 45),
        ["Frau Martina Klement", "Herr Markus Richter"]
    );
    // Vacancies as the seed states them.
    let vmk = d.speakers_at("VMK", 45);
    assert!(vmk.is_vacant());
    assert_eq!(vmk.note.as_deref(), Some("N.N."));
    assert!(
        d.speakers_at("EJR", 44)
            .note
            .unwrap()
            .contains("geplant zur 44. IT-PLR Sitzung")
    );
}

#[test]
fn offices_as_the_seed_words_them_per_conference() {
    let d = data();
    let role = |c: &str, n: usize| d.speakers_at(c, 45).people[n].role.clone().unwrap();
    assert_eq!(role("IMK", 0), "StS im Ministerium für Inneres");
    assert_eq!(role("GMK", 0), "StS im Ministerium für Inneres und Sport");
    assert_eq!(
        role("IMK", 1),
        "StS im Ministerium. für Inneres, Bau & Digitalisierung"
    );
    assert_eq!(
        role("BMK", 0),
        "StS im Ministerium für Inneres, Bau und Digitalisierung"
    );
}

#[test]
fn assignments_follow_their_decisions_over_time() {
    let d = data();
    // Before 2024/01 there is no assignment for the Digitalministerkonferenz.
    assert!(d.speakers_at("DMK", 42).people.is_empty());
    assert_eq!(
        d.speakers_at("DMK", 43).decision.as_deref(),
        Some("2024/01")
    );
    // 2025/01 (46th session) names Brandenburg for the E-Justice-Rat.
    assert_eq!(
        d.speakers_at("EJR", 45).decision.as_deref(),
        Some("2022/43")
    );
    let ejr = d.speakers_at("EJR", 46);
    assert_eq!(ejr.decision.as_deref(), Some("2025/01"));
    assert_eq!(ejr.lands, ["Brandenburg"]);
}

#[test]
fn decisions_sessions_and_nothing_invented() {
    let d = data();
    let ids: Vec<&str> = d.decisions.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2022/43", "2023/07", "2024/01", "2024/02", "2024/15", "2025/01"
        ]
    );
    let numbers: Vec<u32> = d.sessions.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (40..=48).collect::<Vec<_>>());
    let s45 = d.session(45).unwrap();
    assert_eq!(s45.date.to_string(), "2024-11-13");
    assert_eq!(s45.debrief_date.to_string(), "2024-12-04");
    assert_eq!(s45.place.as_deref(), Some("Berlin"));
    assert!(
        d.sessions.iter().all(|s| s.reports.is_empty()),
        "no invented reports"
    );
    assert!(d.concerns.is_empty(), "no invented concerns");
}

#[test]
fn reference_texts_from_the_seed_are_kept() {
    let d = data();
    let ids: Vec<&str> = d.reference.iter().map(|r| r.id.as_str()).collect();
    for needed in [
        "legal_basis",
        "speaker_role",
        "speaker_tasks",
        "reporting",
        "debrief_aim",
        "debrief_participants",
        "debrief_rhythm",
        "interview_findings",
        "discussion_questions",
    ] {
        assert!(ids.contains(&needed), "{needed} missing");
    }
    let all: String = d
        .reference
        .iter()
        .flat_map(|r| r.items.iter().cloned())
        .collect();
    assert!(all.contains("hat kein Austausch stattgefunden muss auch kein Bericht erfolgen"));
    assert!(all.contains("3 Wochen nach der Sitzung des IT-PLR im Rahmen einer VK"));
}
