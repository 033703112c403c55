//! Which actions do something where the user is: the hint line offers only
//! those (a key that does nothing where it is offered teaches the wrong thing).
//! Each layer that knows says so in its own `offers`; this asks the open one.

use super::{Action, App, Layer, Overlay};

impl App {
    /// Whether `action` acts in the current layer, step and view.
    pub fn offers(&self, action: Action) -> bool {
        match self.layer() {
            Layer::Walkthrough => self.walkthrough.as_ref().is_none_or(|w| w.offers(action)),
            Layer::View => match &self.overlay {
                Overlay::View(view) => view.offers(action),
                _ => true,
            },
            Layer::Review => match &self.overlay {
                Overlay::Review(review) => review.offers(action),
                _ => true,
            },
            Layer::Editor => self.editor.as_ref().is_none_or(|editor| {
                let in_walkthrough = matches!(self.overlay, Overlay::Walkthrough);
                match action {
                    // Tab takes a one-line field and goes on, but never a path.
                    Action::NextStep => !editor.target.is_path(),
                    // ⇧Tab goes back a step of the walkthrough; elsewhere
                    // there is no step to go back to.
                    Action::PreviousStep => in_walkthrough,
                    _ => true,
                }
            }),
            _ => true,
        }
    }
}
