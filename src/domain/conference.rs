//! Conferences, the people who speak for them, and the Beschlüsse that name them.

use serde::{Deserialize, Serialize};

use super::Extra;

/// The grammatical gender of a conference's name, for its article:
/// "die IMK" (f), "der E-Justice-Rat" (m).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Gender {
    #[default]
    #[serde(rename = "f")]
    Feminine,
    #[serde(rename = "m")]
    Masculine,
    #[serde(rename = "n")]
    Neuter,
}

/// The grammatical case an article is wanted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nominative,
    Accusative,
    Dative,
    Genitive,
}

impl Gender {
    /// The definite article of a name of this gender in `case`, as data: the
    /// words ("der", "dem", "the") come from `i18n::words`.
    pub fn article(self, case: Case) -> Article {
        Article { gender: self, case }
    }
}

/// A definite article: the gender of the name it goes with and its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub gender: Gender,
    pub case: Case,
}

/// Where a fact of the data comes from: `"seed"` (the source deck),
/// `"decision:YYYY/NN"` (a Beschluss), `"public"` or a URL (a public page), `"assumed"`.
/// `None` in a record: entered by a user.
pub type Source = Option<String>;

/// Sources of single fields of a record where they differ from the record's
/// own `source` (e.g. a session's `place` inferred, its date from a public page).
pub type FieldSources = std::collections::BTreeMap<String, String>;

/// A name a conference carries from a session on, set by a Beschluss
/// (the E-Justice entry is "Justizministerkonferenz (E-Justice-Rat)" from
/// 2025/01, 46th session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConferenceName {
    pub name: String,
    /// The gender of this name, when it differs from the conference's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    pub from_session: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Source,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Fachministerkonferenz (FachMK), e.g. `IMK` Innenministerkonferenz.
/// It takes part in the reporting from `from_session` (set by `from_decision`)
/// to `until_session` inclusive; `names` lists later names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Conference {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lands: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_session: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_decision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_session: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<ConferenceName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Source,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Conference {
    /// Whether the conference takes part in the reporting at session `number`.
    pub fn is_active_at(&self, number: u32) -> bool {
        self.from_session.is_none_or(|from| from <= number)
            && self.until_session.is_none_or(|until| number <= until)
    }

    /// The name in force at session `number`, and its gender.
    pub fn name_at(&self, number: u32) -> (&str, Gender) {
        self.names
            .iter()
            .filter(|n| n.from_session <= number)
            .max_by_key(|n| n.from_session)
            .map_or((self.name.as_str(), self.gender), |n| {
                (n.name.as_str(), n.gender.unwrap_or(self.gender))
            })
    }
}

/// A Sprecher:in or guest.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Kept for files that have it; a speaker's Land comes from the Benennung.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub land: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Source,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
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
/// Beschluss, from which session on and until which (inclusive). An empty
/// `people` list is a vacancy (N.N.); its `lands` still stand.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Assignment {
    pub conference: String,
    #[serde(default)]
    pub people: Vec<String>,
    pub decision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_session: Option<u32>,
    /// The last session this Benennung is in force for (a later one replaces it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_session: Option<u32>,
    /// The Land (or "Bund") each person speaks for under this Benennung, by person id.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub person_lands: std::collections::BTreeMap<String, String>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Source,
    #[serde(default, skip_serializing_if = "FieldSources::is_empty")]
    pub sources: FieldSources,
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
