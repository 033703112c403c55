//! Walkthroughs paused on other conferences. `w` or Enter on a conference
//! starts the walkthrough there, or resumes the one paused there; one paused
//! on another conference stays paused, resumable and marked in the list.

use super::{App, Overlay, Walkthrough};

impl App {
    /// Before the walkthrough starts at the selected conference: the one
    /// paused on another conference of this session is set aside, one set
    /// aside on this conference is taken up again.
    pub(super) fn take_up_paused_walkthrough(&mut self) {
        let (session, conference) = (self.session, self.conference_id());
        let here = |w: &Walkthrough| w.session == session && w.conference == conference;
        if let Some(elsewhere) = self
            .walkthrough
            .take_if(|w| w.session == session && w.conference != conference)
        {
            self.paused
                .retain(|p| p.session != session || p.conference != elsewhere.conference);
            self.paused.push(elsewhere);
        }
        if let Some(at) = self.paused.iter().position(here) {
            let set_aside = self.paused.remove(at);
            if !self.walkthrough.as_ref().is_some_and(here) {
                self.walkthrough = Some(set_aside);
            }
        }
    }

    /// The walkthrough is on the screen: open, or under the help.
    pub fn walkthrough_shown(&self) -> bool {
        match &self.overlay {
            Overlay::Walkthrough => true,
            Overlay::Help(help) => matches!(*help.under, Overlay::Walkthrough),
            _ => false,
        }
    }

    /// A walkthrough of this session is paused on `conference`.
    pub fn paused_at(&self, conference: &str) -> bool {
        let here = |w: &Walkthrough| w.session == self.session && w.conference == conference;
        match &self.walkthrough {
            Some(w) if here(w) => !self.walkthrough_shown(),
            _ => self.paused.iter().any(here),
        }
    }
}
