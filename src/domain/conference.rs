//! Conferences, the people who speak for them, and the Beschlüsse that name them.

use serde::{Deserialize, Serialize};

use super::Extra;

/// A Fachministerkonferenz (FachMK), e.g. `IMK` Innenministerkonferenz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conference {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lands: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Sprecher:in or guest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Person {
    /// "Herr Jan Pörksen": salutation and name.
    pub fn display_name(&self) -> String {
        match &self.salutation {
            Some(s) if !s.is_empty() => format!("{s} {}", self.name),
            _ => self.name.clone(),
        }
    }
}

/// A Benennung: which people (and Länder) speak for a conference, set by which
/// Beschluss, from which session on. An empty `people` list is a vacancy (N.N.).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub conference: String,
    #[serde(default)]
    pub people: Vec<String>,
    pub decision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_session: Option<u32>,
    /// The Länder (or "Bund") the Beschluss names for the conference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lands: Vec<String>,
    /// Office of each person as the source words it for this conference, by person id.
    #[serde(
        default,
        deserialize_with = "super::extra::unique_texts",
        skip_serializing_if = "std::collections::BTreeMap::is_empty"
    )]
    pub roles: std::collections::BTreeMap<String, String>,
    /// e.g. "N.N." or "Neubesetzung geplant zur 44. Sitzung".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The full name of a Land code used in the data ("NI" → "Niedersachsen").
/// Unknown codes are returned as they are.
pub fn land_name(code: &str) -> &str {
    match code {
        "BW" => "Baden-Württemberg",
        "BY" => "Bayern",
        "BE" => "Berlin",
        "BB" => "Brandenburg",
        "HB" => "Bremen",
        "HH" => "Hamburg",
        "HE" => "Hessen",
        "MV" => "Mecklenburg-Vorpommern",
        "NI" => "Niedersachsen",
        "NW" => "Nordrhein-Westfalen",
        "RP" => "Rheinland-Pfalz",
        "SL" => "Saarland",
        "SN" => "Sachsen",
        "ST" => "Sachsen-Anhalt",
        "SH" => "Schleswig-Holstein",
        "TH" => "Thüringen",
        other => other,
    }
}
