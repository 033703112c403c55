//! Periods of validity: which conferences take part in a session's reporting,
//! under which name, and who speaks for them (see also [`super::Speakers`]).
//! These are the accessors documents and screens use for a given session:
//!
//! - [`Dataset::conferences_at`]: the conferences of the reporting at a session
//!   (the DMK from the 43rd session, Beschluss 2024/01);
//! - [`Dataset::conference_name_at`] and [`Dataset::conference_gender_at`]: the
//!   name in force ("Justizministerkonferenz (E-Justice-Rat)" from the 46th,
//!   Beschluss 2025/01) and its grammatical gender;
//! - [`Dataset::speakers_at`]: the speakers with the Land each speaks for by
//!   the Benennung, and the Benennung's Länder even when vacant;
//! - [`Dataset::is_reporting_session`]: the standing item exists from the
//!   43rd session on ([`FIRST_REPORTING_SESSION`]).

use super::{Conference, Dataset, Gender};

/// The standing item "Reporting FachMK" begins with this session (seed:
/// "ab der 43. Sitzung"). Earlier sessions are not prepared.
pub const FIRST_REPORTING_SESSION: u32 = 43;

impl Dataset {
    /// The conferences taking part in the reporting at session `number`, in
    /// the data's order.
    pub fn conferences_at(&self, number: u32) -> impl Iterator<Item = &Conference> {
        self.conferences
            .iter()
            .filter(move |c| c.is_active_at(number))
    }

    /// Whether conference `id` takes part in the reporting at session `number`.
    pub fn conference_active_at(&self, id: &str, number: u32) -> bool {
        self.conference(id).is_some_and(|c| c.is_active_at(number))
    }

    /// The name of conference `id` in force at session `number`.
    pub fn conference_name_at(&self, id: &str, number: u32) -> Option<&str> {
        self.conference(id).map(|c| c.name_at(number).0)
    }

    /// The grammatical gender of the name of conference `id` at session `number`
    /// (feminine for an unknown id: "die Konferenz").
    pub fn conference_gender_at(&self, id: &str, number: u32) -> Gender {
        self.conference(id)
            .map_or(Gender::Feminine, |c| c.name_at(number).1)
    }

    /// The definite article of conference `id`'s name at session `number`
    /// in `case` ("der"/"dem" for the E-Justice-Rat, "die"/"der" for a
    /// Konferenz; "the" in English, once worded).
    pub fn article_at(&self, id: &str, number: u32, case: super::Case) -> super::Article {
        self.conference_gender_at(id, number).article(case)
    }

    /// Whether session `number` has the standing item (43rd session on).
    pub fn is_reporting_session(number: u32) -> bool {
        number >= FIRST_REPORTING_SESSION
    }
}

#[cfg(test)]
mod tests {
    use crate::store::bundled;

    #[test]
    fn names_and_periods_follow_their_decisions() {
        let d = bundled();
        assert_eq!(d.conference_name_at("EJR", 45), Some("E-Justice Rat"));
        assert_eq!(
            d.conference_name_at("EJR", 46),
            Some("Justizministerkonferenz (E-Justice-Rat)")
        );
        assert_eq!(d.conferences_at(42).count(), 12);
        assert_eq!(d.conferences_at(43).count(), 13);
        assert!(!d.conference_active_at("DMK", 42));
    }
}
