//! Periods of validity, provenance and the data contract: names, conferences
//! and Benennungen as of a session; every bundled fact with its source; the
//! schema accepting exactly what the loader accepts.
#![allow(clippy::unwrap_used)]

use fachmk::domain::{Case, Gender};
use fachmk::store;

use crate::common::fachmk;

#[test]
fn the_e_justice_entry_is_renamed_by_2025_01_at_the_46th_session() {
    let d = store::bundled();
    assert_eq!(d.conference_name_at("EJR", 45), Some("E-Justice Rat"));
    assert_eq!(d.conference_gender_at("EJR", 45), Gender::Masculine);
    assert_eq!(
        d.conference_name_at("EJR", 46),
        Some("Justizministerkonferenz (E-Justice-Rat)")
    );
    assert_eq!(d.conference_gender_at("EJR", 46), Gender::Feminine);
    let renamed = &d.conference("EJR").unwrap().names[0];
    assert_eq!(renamed.decision.as_deref(), Some("2025/01"));
    // the Benennung changes with it: vacant under 2022/43, Brandenburg under 2025/01
    assert_eq!(
        d.speakers_at("EJR", 45).decision.as_deref(),
        Some("2022/43")
    );
    let s46 = d.speakers_at("EJR", 46);
    assert_eq!(s46.decision.as_deref(), Some("2025/01"));
    assert!(s46.is_vacant());
    assert_eq!(s46.lands, ["Brandenburg"]);
}

#[test]
fn the_dmk_begins_with_2024_01() {
    let d = store::bundled();
    let ids = |n: u32| {
        d.conferences_at(n)
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(!ids(42).contains(&"DMK".to_owned()));
    assert!(ids(43).contains(&"DMK".to_owned()));
    let dmk = d.conference("DMK").unwrap();
    assert_eq!(dmk.from_decision.as_deref(), Some("2024/01"));
}

#[test]
fn a_speakers_land_comes_from_the_benennung_not_the_person() {
    let mut d = store::bundled();
    // A person record saying otherwise changes nothing.
    d.people
        .iter_mut()
        .find(|p| p.id == "ulbrich")
        .unwrap()
        .land = Some("BY".into());
    let imk = d.speakers_at("IMK", 48);
    let lands: Vec<_> = imk.people.iter().map(|s| s.land.clone().unwrap()).collect();
    assert_eq!(lands, ["Niedersachsen", "Mecklenburg-Vorpommern"]);
    let dmk = d.speakers_at("DMK", 48);
    let codes: Vec<_> = dmk
        .people
        .iter()
        .map(|s| s.land_code.clone().unwrap())
        .collect();
    assert_eq!(codes, ["BE", "Bund"]);
    // One Land in the Benennung: every person speaks for it.
    assert_eq!(
        d.speakers_at("GMK", 48).people[0].land.as_deref(),
        Some("Niedersachsen")
    );
    // A vacancy keeps its Länder.
    let vmk = d.speakers_at("VMK", 48);
    assert!(vmk.is_vacant());
    assert_eq!(vmk.lands, ["Hessen"]);
}

#[test]
fn articles_follow_the_gender_in_the_data() {
    let d = store::bundled();
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let g = d.conference_gender_at("EJR", 45);
    assert_eq!(g.article(Case::Nominative).to_string(), "der");
    assert_eq!(g.article(Case::Dative).to_string(), "dem");
    let imk = d.conference_gender_at("IMK", 45);
    assert_eq!(imk.article(Case::Nominative).to_string(), "die");
    assert_eq!(imk.article(Case::Dative).to_string(), "der");
    fachmk::i18n::set(fachmk::i18n::Lang::En);
    assert_eq!(g.article(Case::Dative).to_string(), "the");
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    for c in &d.conferences {
        let raw: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
        let gender = raw["conferences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == c.id.as_str())
            .unwrap()["gender"]
            .clone();
        assert!(gender.is_string(), "{} has no gender in the file", c.id);
    }
}

#[test]
fn every_bundled_record_names_its_source() {
    let raw: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
    for list in [
        "conferences",
        "people",
        "assignments",
        "decisions",
        "guiding_questions",
        "sessions",
        "reference",
    ] {
        for record in raw[list].as_array().unwrap() {
            let source = record["source"]
                .as_str()
                .unwrap_or_else(|| panic!("{list}: {record}"));
            assert!(
                source == "seed"
                    || source == "assumed"
                    || source == "public"
                    || source.starts_with("decision:")
                    || source.starts_with("https://"),
                "{list}: {source}"
            );
        }
    }
    let d = store::bundled();
    // Computed debrief dates are planned, not records.
    assert!(
        d.sessions
            .iter()
            .all(|s| s.sources.get("debrief_date").map(String::as_str) == Some("planned"))
    );
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let foreign = d.facts_not_from_seed();
    assert!(
        foreign
            .iter()
            .any(|f| f.what.to_string() == "Konferenz EJR" || f.what.to_string() == "EJR")
    );
    assert!(foreign.iter().any(|f| f.field == "debrief_date"));
    assert!(
        foreign
            .iter()
            .any(|f| f.what.to_string().contains("2025/01"))
    );
}

fn schema() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../data/fachmk.schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn loads(value: &serde_json::Value) -> bool {
    store::load_bytes(value.to_string().as_bytes(), "x.json".as_ref()).is_ok()
}

#[test]
fn the_schema_accepts_exactly_what_the_loader_accepts() {
    let v = schema();
    let base: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
    let report = |r: serde_json::Value| {
        let mut x = base.clone();
        x["sessions"][8]["reports"] = serde_json::json!([r]);
        x
    };
    let cases = [
        report(serde_json::json!({"conference": "WMK", "presenter": null})),
        report(serde_json::json!({"conference": "WMK", "updated_by": null, "updated_at": null})),
        report(serde_json::json!({"conference": "WMK", "exchange": null})),
        report(serde_json::json!({"conference": "WMK", "answers": null})),
        report(serde_json::json!({"conference": "WMK", "status": "fertig"})),
        {
            let mut x = base.clone();
            x["sessions"][8]["place"] = serde_json::Value::Null;
            x["sessions"][8]["debrief"] = serde_json::Value::Null;
            x
        },
        {
            let mut x = base.clone();
            x["conferences"][0]["gender"] = "x".into();
            x
        },
        {
            let mut x = base.clone();
            x["conferences"][0]["gender"] = serde_json::Value::Null;
            x
        },
        {
            let mut x = base.clone();
            x["sessions"][8]["number"] = 5_000_000_000_u64.into();
            x
        },
        {
            let mut x = base.clone();
            x["people"][0]["land"] = serde_json::Value::Null;
            x["decisions"][0]["summary"] = serde_json::Value::Null;
            x["assignments"][0]["note"] = serde_json::Value::Null;
            x
        },
    ];
    for case in &cases {
        assert_eq!(
            v.is_valid(case),
            loads(case),
            "schema and loader disagree on {}",
            &case["sessions"][8]
        );
    }
    assert!(loads(&cases[0]), "presenter null is read as no presenter");
}

#[test]
fn check_on_a_newer_file_says_it_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.json");
    let mut raw: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
    raw["version"] = 2.into();
    std::fs::write(&file, raw.to_string()).unwrap();
    let out = fachmk(dir.path())
        .args(["check", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Version 2, dieses Programm kennt Version 1: es liest sie nur und speichert sie nicht"
        ),
        "{text}"
    );
}

#[test]
fn the_reference_screen_says_what_is_not_from_the_seed() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let app = crate::common::app();
    let text: Vec<String> =
        fachmk::ui::help::reference_lines(&app, &fachmk::ui::Theme::default(), 200)
            .iter()
            .map(ToString::to_string)
            .collect();
    let all = text.join("\n");
    assert!(all.contains("Nicht aus dem Konzept (Foliensatz)"), "{all}");
    assert!(
        all.contains("• EJR (Kürzel): Annahme, nicht aus dem Konzept"),
        "{all}"
    );
    assert!(
        all.contains("• 48. Sitzung (Datum der Nachbesprechung): geplant (berechnet"),
        "{all}"
    );
    assert!(all.contains("• 48. Sitzung (Nummer): Annahme"), "{all}");
}
