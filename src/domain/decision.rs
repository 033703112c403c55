//! Beschlüsse of the IT-Planungsrat.

use serde::{Deserialize, Serialize};

use super::Extra;

/// A Beschluss, `YYYY/NN`. `conferences` lists the conference ids it concerns;
/// `"*"` means all of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    #[serde(default)]
    pub conferences: Vec<String>,
    /// One of the seed's "Übergreifende Beschlüsse mit hoher Relevanz für die
    /// FachMK" (2024/02, 2024/15, 2023/07): relevant whether linked or not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cross_cutting: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: super::Source,
    #[serde(default, skip_serializing_if = "super::FieldSources::is_empty")]
    pub sources: super::FieldSources,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Decision {
    /// Whether this decision concerns the conference `id` (directly or via `"*"`).
    pub fn concerns(&self, conference: &str) -> bool {
        self.conferences.iter().any(|c| c == "*" || c == conference)
    }
}

/// `YYYY/NN`: a four-digit year from 2010 on, a slash, a number of two or more digits.
pub fn is_valid_decision_id(id: &str) -> bool {
    let Some((year, number)) = id.split_once('/') else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && year >= "2010"
        && number.len() >= 2
        && number.len() <= 3
        && number.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::is_valid_decision_id;

    #[test]
    fn decision_ids() {
        for ok in ["2022/43", "2024/01", "2025/101"] {
            assert!(is_valid_decision_id(ok), "{ok}");
        }
        for bad in [
            "2024/1", "24/01", "2024-01", "", "2024/", "abcd/01", "2024/01x",
        ] {
            assert!(!is_valid_decision_id(bad), "{bad}");
        }
    }
}
