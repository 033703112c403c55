//! Work taken back from a recovery file: it lands at the session, conference
//! and field where the text was typed, and counts as an edit made now (an
//! open report becomes a draft; `updated_at`/`updated_by` are stamped).

use serde::{Deserialize, Serialize};

use super::{App, EditTarget, Overlay};
use crate::domain::{Dataset, ReportStatus};

/// Where text was being typed: an answer (session, conference, Leitfrage) or
/// the description of a concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub session: u32,
    #[serde(default)]
    pub conference: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub concern: Option<String>,
}

/// Puts `text` (from the user's editor) into `data` at `place`.
pub fn put_text(data: &mut Dataset, place: &Place, text: &str) {
    if let (Some(conference), Some(question)) = (&place.conference, &place.question) {
        if let Some(session) = data.session_mut(place.session) {
            let answers = &mut session.report_mut(conference).answers;
            if text.trim().is_empty() {
                answers.remove(question);
            } else {
                answers.insert(question.clone(), text.to_owned());
            }
        }
    } else if let Some(concern) = place.concern.as_deref().and_then(|id| data.concern_mut(id)) {
        concern.details = (!text.trim().is_empty()).then(|| text.to_owned());
    }
}

impl App {
    /// Where text is being typed now, if a field of an answer or a concern is open.
    pub fn place(&self) -> Option<Place> {
        match &self.editor.as_ref()?.target {
            EditTarget::Answer {
                session,
                conference,
                question,
            } => Some(Place {
                session: *session,
                conference: Some(conference.clone()),
                question: Some(question.clone()),
                concern: None,
            }),
            EditTarget::ConcernTitle { id } | EditTarget::ConcernDetails { id } => Some(Place {
                session: self.session,
                conference: self
                    .data
                    .concerns
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.conference.clone()),
                question: None,
                concern: Some(id.clone()),
            }),
            _ => None,
        }
    }

    /// Takes `data` (the current data with recovered work merged in) as an
    /// edit made now, and goes to `place`, with its field open.
    pub fn restore_work(&mut self, mut data: Dataset, place: Option<&Place>) {
        for session in &mut data.sessions {
            let before = self.data.session(session.number);
            for report in &mut session.reports {
                if before.and_then(|s| s.report(&report.conference)) == Some(&*report) {
                    continue;
                }
                if report.status == ReportStatus::Open {
                    report.status = ReportStatus::Draft;
                }
                report.updated_at = Some(self.now);
                report.updated_by = Some(self.user.clone());
            }
        }
        self.data = std::sync::Arc::new(data);
        self.mark_changed();
        if let Some(place) = place {
            self.go_to(place);
        }
    }

    /// Selects the session of `place`; the main screen selects its
    /// conference and item and opens its field (`Main::recover_at`).
    fn go_to(&mut self, place: &Place) {
        if self.data.session(place.session).is_none() {
            return;
        }
        self.session = place.session;
        self.overlay = Overlay::None;
        let (layers, mut ctx) = self.split();
        *layers.editor = layers.main.recover_at(place, &mut ctx);
    }
}
