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
    /// Who speaks for `conference` at session `number`: each person with the
    /// Land the Benennung names for them (`person_lands`, else the Benennung's
    /// only Land; never the person record's), and the Benennung's Länder,
    /// kept for a vacancy too.
    pub fn speakers_at(&self, conference: &str, number: u32) -> Speakers {
        let Some(assignment) = self.assignment_at(conference, number) else {
            return Speakers::default();
        };
        let land_of =
            |id: &str| {
                assignment.person_lands.get(id).cloned().or_else(|| {
                    match assignment.lands.as_slice() {
                        [only] => Some(only.clone()),
                        _ => None,
                    }
                })
            };
        let people = assignment
            .people
            .iter()
            .map(|id| {
                let land_code = land_of(id);
                let land = land_code.as_deref().map(|l| land_name(l).to_owned());
                match self.person(id) {
                    Some(p) => Speaker {
                        id: id.clone(),
                        name: p.display_name(),
                        role: self.role_in(assignment, p).map(str::to_owned),
                        land,
                        land_code,
                    },
                    None => Speaker {
                        id: id.clone(),
                        name: id.clone(),
                        role: None,
                        land,
                        land_code,
                    },
                }
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
