//! The Help component: the keys of every layer (opened at the section of the
//! layer it was asked for in) and the reference texts of the data, scrolled
//! within what was drawn. Its keys are in `keys.rs`, its drawing in `ui/help.rs`.

pub(super) mod keys;

use super::{Action, App, Ctx, Effect, Layer, Overlay, Request, Scroll};

/// Which text the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The keys, starting at the section of `section`; `resume_walkthrough`
    /// when opened from the walkthrough, which Esc goes back to.
    Keys {
        section: Layer,
        resume_walkthrough: bool,
    },
    /// The reference texts (role, rules, legal basis …).
    Reference,
}

/// The open help: its page and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub page: Page,
    /// Its limit is set by the drawing.
    pub scroll: Scroll,
}

impl Help {
    /// The keys, at the section of `section`.
    pub fn keys(section: Layer, resume_walkthrough: bool) -> Self {
        Self {
            page: Page::Keys {
                section,
                resume_walkthrough,
            },
            scroll: Scroll::default(),
        }
    }

    /// The reference texts.
    pub fn reference() -> Self {
        Self {
            page: Page::Reference,
            scroll: Scroll::default(),
        }
    }

    /// Handles an action of the Help layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(delta) = action.movement() {
            self.scroll.step(delta);
            return Vec::new();
        }
        if action == Action::Back {
            ctx.request(match self.page {
                Page::Keys {
                    resume_walkthrough: true,
                    ..
                } => Request::ResumeWalkthrough,
                _ => Request::Close,
            });
        }
        Vec::new()
    }
}

impl App {
    /// The help, at the section of `section`'s keys.
    pub(super) fn open_help(&mut self, section: Layer, resume_walkthrough: bool) {
        self.overlay = Overlay::Help(Help::keys(section, resume_walkthrough));
    }

    /// Back from the help to the walkthrough it was opened from, if that is
    /// still the selected session's.
    pub(super) fn resume_walkthrough(&mut self) {
        let step = self
            .walkthrough
            .as_ref()
            .filter(|w| w.session == self.session)
            .map(|w| w.step.clone());
        match step {
            Some(step) => {
                self.overlay = Overlay::Walkthrough;
                self.with_walkthrough(|w, ctx| w.enter(step, ctx));
            }
            None => self.overlay = Overlay::None,
        }
    }
}
