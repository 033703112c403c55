//! Who speaks for a conference at a given session, resolved to names.

use super::{Dataset, land_name};

/// One speaker as shown: "Herr Jan Pörksen", office, Land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// Full Land name ("Hamburg"), "Bund" as it is.
    pub land: Option<String>,
    /// The Land as coded in the data ("HH").
    pub land_code: Option<String>,
}

/// The speakers of a conference at a session, and what the Beschluss says
/// besides (Länder, a vacancy note).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speakers {
    pub people: Vec<Speaker>,
    /// Full Land names, "Bund" as it is.
    pub lands: Vec<String>,
    pub note: Option<String>,
    /// The Beschluss that set this assignment.
    pub decision: Option<String>,
}

impl Speakers {
    /// No person named: N.N. or a planned new appointment.
    pub fn is_vacant(&self) -> bool {
        self.people.is_empty()
    }
}

impl Dataset {
    /// Who speaks for `conference` at session `number`.
    pub fn speakers_at(&self, conference: &str, number: u32) -> Speakers {
        let Some(assignment) = self.assignment_at(conference, number) else {
            return Speakers::default();
        };
        let people = assignment
            .people
            .iter()
            .map(|id| match self.person(id) {
                Some(p) => Speaker {
                    id: id.clone(),
                    name: p.display_name(),
                    role: self.role_in(assignment, p).map(str::to_owned),
                    land: p.land.as_deref().map(|l| land_name(l).to_owned()),
                    land_code: p.land.clone(),
                },
                None => Speaker {
                    id: id.clone(),
                    name: id.clone(),
                    role: None,
                    land: None,
                    land_code: None,
                },
            })
            .collect();
        Speakers {
            people,
            lands: assignment
                .lands
                .iter()
                .map(|l| land_name(l).to_owned())
                .collect(),
            note: assignment.note.clone(),
            decision: Some(assignment.decision.clone()),
        }
    }
}
