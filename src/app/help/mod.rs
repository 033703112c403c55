//! The Help component: the keys of every layer (opened at the section of the
//! layer it was asked for in) and the reference texts of the data, scrolled
//! within what was drawn. Its keys are in `keys.rs`, its drawing in `ui/help.rs`.

pub(super) mod keys;

use super::{Action, App, Ctx, Effect, Layer, Overlay, Request, Scroll};

/// Which text the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// The keys, starting at the section of `section`.
    Keys { section: Layer },
    /// The reference texts (role, rules, legal basis …).
    Reference,
}

/// The open help: its page, how far it is scrolled and the layer it covers.
#[derive(Debug)]
pub struct Help {
    pub page: Page,
    /// Its limit is set by the drawing.
    pub scroll: Scroll,
    /// The layer it was opened over (a view, the review, the walkthrough),
    /// drawn under it and shown again when it closes.
    pub under: Box<Overlay>,
}

impl Help {
    /// The keys, at the section of `section`, over `under`.
    pub fn keys(section: Layer, under: Overlay) -> Self {
        Self {
            page: Page::Keys { section },
            scroll: Scroll::default(),
            under: Box::new(under),
        }
    }

    /// The reference texts, over the main view.
    pub fn reference() -> Self {
        Self {
            page: Page::Reference,
            scroll: Scroll::default(),
            under: Box::default(),
        }
    }

    /// Handles an action of the Help layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(delta) = action.movement(self.scroll.page()) {
            self.scroll.step(delta);
            return Vec::new();
        }
        if action == Action::Back {
            ctx.request(Request::Close);
        }
        Vec::new()
    }
}

impl App {
    /// The help, at the section of `section`'s keys, over what is open.
    pub(super) fn open_help(&mut self, section: Layer) {
        let under = std::mem::take(&mut self.overlay);
        self.overlay = Overlay::Help(Help::keys(section, under));
    }

    /// Closes the help: back to the layer it was opened over.
    pub(super) fn close_help(&mut self) {
        let under = match std::mem::take(&mut self.overlay) {
            Overlay::Help(help) => *help.under,
            other => other,
        };
        match under {
            Overlay::Walkthrough => {
                self.overlay = Overlay::Walkthrough;
                let mut resumed = false;
                self.with_walkthrough(|w, ctx| resumed = w.resume(ctx));
                if !resumed {
                    self.overlay = Overlay::None;
                }
            }
            under => self.overlay = under,
        }
    }
}
