//! The small forms around concerns and Beschlüsse: the outcome of a concern
//! closed as erledigt or verworfen (kept in its history), the Beschlüsse a
//! concern is linked to (typed by number), and the conferences a Beschluss
//! entered on the screen concerns.

use crate::app::{App, EditTarget, Editor, Overlay, Step};
use crate::domain::ConcernStatus;

impl App {
    /// Asks what came of a concern before closing it as `status`.
    pub fn open_concern_outcome(&mut self, id: &str, status: ConcernStatus) {
        if !self.check_preparable() {
            return;
        }
        let word = if status == ConcernStatus::Resolved {
            crate::i18n::t("walk.resolved")
        } else {
            crate::i18n::t("walk.dropped")
        };
        self.editor = Some(Editor::new(
            EditTarget::ConcernOutcome {
                id: id.to_owned(),
                status,
            },
            crate::i18n::tf("concerns.outcome-title", &[("id", &id), ("status", &word)]),
            "",
        ));
    }

    /// Asks for the Beschlüsse a concern is linked to, filled with the present ones.
    pub fn open_concern_links(&mut self, id: &str) {
        if !self.check_preparable() {
            return;
        }
        let Some(concern) = self.data.concerns.iter().find(|c| c.id == id) else {
            return;
        };
        let present = concern.decisions.join(", ");
        self.editor = Some(Editor::new(
            EditTarget::ConcernDecisions { id: id.to_owned() },
            crate::i18n::tf("concerns.links-title", &[("id", &id)]),
            &present,
        ));
    }

    /// Asks which conferences a new Beschluss concerns, filled with `default`.
    pub fn open_decision_conferences(&mut self, id: &str, default: &str) {
        self.editor = Some(Editor::new(
            EditTarget::DecisionConferences { id: id.to_owned() },
            crate::i18n::tf("concerns.decision-conferences-title", &[("id", &id)]),
            default,
        ));
    }

    /// Takes one of these forms on Enter; an error keeps the field open.
    pub(in crate::app) fn confirm_concern_form(
        &mut self,
        target: &EditTarget,
        text: &str,
    ) -> Result<(), String> {
        match target {
            EditTarget::ConcernOutcome { id, status } => {
                self.editor = None;
                if self.decide_concern_noted(id, *status, text)
                    && matches!(self.overlay, Overlay::Walkthrough)
                    && self
                        .walkthrough
                        .as_ref()
                        .is_some_and(|w| w.step == Step::Concern(id.clone()))
                {
                    self.next_step();
                }
            }
            EditTarget::ConcernDecisions { id } => {
                let ids = self.decision_keys(text)?;
                self.editor = None;
                let label = crate::i18n::t("undo.decision-linked");
                if self.change_concern(id, label, None, |c| c.decisions.clone_from(&ids)) {
                    self.info(crate::i18n::tf(
                        "concerns.linked",
                        &[("id", &id), ("list", &list_or_dash(&ids))],
                    ));
                }
            }
            EditTarget::DecisionConferences { id } => {
                let conferences = self.conference_keys(text)?;
                self.editor = None;
                if let Some(d) = self.data_mut().decisions.iter_mut().find(|d| d.id == *id) {
                    d.conferences.clone_from(&conferences);
                    self.mark_changed();
                }
                self.info(crate::i18n::tf(
                    "concerns.decision-concerns",
                    &[("id", &id), ("list", &conferences.join(", "))],
                ));
            }
            _ => {}
        }
        Ok(())
    }

    /// "2024/15, 2023/07" → the ids, each a known Beschluss.
    fn decision_keys(&self, text: &str) -> Result<Vec<String>, String> {
        let mut ids: Vec<String> = Vec::new();
        for key in text.split([',', ';', ' ']).filter(|k| !k.is_empty()) {
            if self.data.decision(key).is_none() {
                return Err(crate::i18n::tf(
                    "concerns.unknown-decision",
                    &[("id", &key)],
                ));
            }
            if !ids.iter().any(|i| i == key) {
                ids.push(key.to_owned());
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// "IMK, GMK" or "*" → the conference ids, each known; never empty.
    fn conference_keys(&self, text: &str) -> Result<Vec<String>, String> {
        let mut ids: Vec<String> = Vec::new();
        for key in text.split([',', ';', ' ']).filter(|k| !k.is_empty()) {
            let known = self
                .data
                .conferences
                .iter()
                .find(|c| c.id.eq_ignore_ascii_case(key))
                .map(|c| c.id.clone());
            match known {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None if key == "*" => ids.push("*".to_owned()),
                None => {
                    return Err(crate::i18n::tf(
                        "concerns.unknown-conference",
                        &[("id", &key)],
                    ));
                }
            }
        }
        if ids.is_empty() {
            return Err(crate::i18n::t("concerns.conferences-please").to_owned());
        }
        Ok(ids)
    }
}

fn list_or_dash(ids: &[String]) -> String {
    if ids.is_empty() {
        "–".to_owned()
    } else {
        ids.join(", ")
    }
}
