//! The text fields of the views across sessions: debrief notes and follow-ups,
//! a new decision, the debrief's date, a new assignment (Beschluss → first
//! session → people → Länder).

use super::{App, EditTarget, Editor};
use crate::domain::{Assignment, Decision, Extra, Person, is_valid_decision_id};

impl App {
    /// Data fields of the views, committed however they are left.
    pub(super) fn commit_view_field(&mut self, target: &EditTarget, text: &str) {
        match target {
            EditTarget::DebriefNotes { conference, .. } => {
                let notes = (!text.trim().is_empty()).then(|| text.to_owned());
                self.change_session("Notiz zur Nachbesprechung", |s| {
                    s.debrief_mut()
                        .items
                        .entry(conference.clone())
                        .or_default()
                        .notes = notes;
                });
            }
            EditTarget::FollowUp {
                session,
                conference,
            } => {
                let note = format!("aus der Nachbesprechung der {session}. Sitzung");
                if let Some(id) = self.add_concern_noted(conference, text, &note) {
                    self.info(format!("Folge-Anliegen {id} angelegt – es kommt in der nächsten Sitzung zur Sprache."));
                }
            }
            _ => {}
        }
    }

    /// Forms of the views: Enter takes them, or says why not.
    pub(super) fn confirm_view_form(
        &mut self,
        target: &EditTarget,
        text: &str,
    ) -> Result<(), String> {
        let text = text.trim();
        match target {
            EditTarget::NewDecision { session } => {
                let (id, title) = text
                    .split_once(' ')
                    .map_or((text, ""), |(i, t)| (i, t.trim()));
                if !is_valid_decision_id(id) {
                    return Err("Die Nummer hat die Form JJJJ/NN, z. B. 2025/31.".into());
                }
                if self.data.decision(id).is_some() {
                    return Err(format!("Beschluss {id} gibt es schon."));
                }
                if title.is_empty() {
                    return Err("Nach der Nummer den Titel eingeben.".into());
                }
                self.record_catalog("neuer Beschluss");
                self.data.decisions.push(Decision {
                    id: id.to_owned(),
                    title: title.to_owned(),
                    summary: None,
                    url: None,
                    session: Some(*session),
                    conferences: vec!["*".to_owned()],
                    extra: Extra::new(),
                });
                self.data.normalize();
                self.mark_changed();
                self.editor = None;
                self.info(format!("Beschluss {id} angelegt."));
            }
            EditTarget::DebriefHeld { .. } => {
                let date =
                    super::parse_german_date(text).ok_or("Bitte als TT.MM.JJJJ eingeben.")?;
                if self.current_session().is_some_and(|s| date < s.date) {
                    return Err("Die Nachbesprechung kann nicht vor der Sitzung liegen.".into());
                }
                self.editor = None;
                self.change_session("Nachbesprechung gehalten", |s| {
                    s.debrief_mut().held_on = Some(date);
                });
                self.info(format!(
                    "Nachbesprechung am {} vermerkt.",
                    date.format("%d.%m.%Y")
                ));
            }
            EditTarget::AssignDecision { .. }
            | EditTarget::AssignFrom { .. }
            | EditTarget::AssignPeople { .. }
            | EditTarget::AssignLands { .. } => self.confirm_assignment_step(target, text)?,
            _ => {}
        }
        Ok(())
    }

    /// One step of recording a new assignment: Beschluss → first session → people → Länder.
    fn confirm_assignment_step(&mut self, target: &EditTarget, text: &str) -> Result<(), String> {
        match target {
            EditTarget::AssignDecision { conference } => {
                if self.data.decision(text).is_none() {
                    return Err(format!(
                        "Beschluss „{text}“ gibt es nicht – erst unter B (Beschlüsse) anlegen."
                    ));
                }
                let title = format!(
                    "Benennung für {conference} nach Beschluss {text}: ab welcher Sitzung?"
                );
                let target = EditTarget::AssignFrom {
                    conference: conference.clone(),
                    decision: text.to_owned(),
                };
                self.editor = Some(Editor::new(target, title, &self.session.to_string()));
            }
            EditTarget::AssignFrom {
                conference,
                decision,
            } => {
                let from: u32 = text
                    .parse()
                    .map_err(|_| "Bitte die Nummer der Sitzung eingeben, z. B. 49.".to_owned())?;
                let title = "Personen (Namen durch Komma; leer = noch niemand benannt)".to_owned();
                let target = EditTarget::AssignPeople {
                    conference: conference.clone(),
                    decision: decision.clone(),
                    from,
                };
                self.editor = Some(Editor::new(target, title, ""));
            }
            EditTarget::AssignPeople {
                conference,
                decision,
                from,
            } => {
                let people: Vec<String> = text
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect();
                let lands = self
                    .data
                    .conference(conference)
                    .map(|c| c.lands.join(", "))
                    .unwrap_or_default();
                let target = EditTarget::AssignLands {
                    conference: conference.clone(),
                    decision: decision.clone(),
                    from: *from,
                    people,
                };
                self.editor = Some(Editor::new(
                    target,
                    "Länder (Kürzel durch Komma, z. B. BB, Bund)",
                    &lands,
                ));
            }
            EditTarget::AssignLands {
                conference,
                decision,
                from,
                people,
            } => {
                let lands: Vec<String> = text
                    .split(',')
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
                self.record_catalog("neue Benennung");
                let ids: Vec<String> = people.iter().map(|name| self.person_id_for(name)).collect();
                self.data.assignments.push(Assignment {
                    conference: conference.clone(),
                    people: ids,
                    decision: decision.clone(),
                    from_session: Some(*from),
                    lands,
                    roles: std::collections::BTreeMap::new(),
                    note: people.is_empty().then(|| "N.N.".to_owned()),
                    extra: Extra::new(),
                });
                self.mark_changed();
                self.editor = None;
                self.info(format!(
                    "Benennung für {conference} ab der {from}. Sitzung vermerkt."
                ));
            }
            _ => {}
        }
        Ok(())
    }

    /// The id of the person called `name` (matched by id or name), created when new.
    fn person_id_for(&mut self, name: &str) -> String {
        let lower = name.to_lowercase();
        if let Some(p) = self.data.people.iter().find(|p| {
            p.id == name
                || p.name.to_lowercase() == lower
                || p.display_name().to_lowercase() == lower
        }) {
            return p.id.clone();
        }
        let base: String = name
            .to_lowercase()
            .split_whitespace()
            .last()
            .unwrap_or("person")
            .chars()
            .map(|c| match c {
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                'ß' => 's',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect();
        let mut id = base.clone();
        let mut n = 2;
        while self.data.person(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.data.people.push(Person {
            id: id.clone(),
            name: name.to_owned(),
            salutation: None,
            role: None,
            land: None,
            extra: Extra::new(),
        });
        id
    }
}
