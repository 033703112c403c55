//! Which actions do something where the user is: the hint line offers only
//! those (a key that does nothing where it is offered teaches the wrong thing).

use super::{Action, App, Layer, Overlay, Step};

impl App {
    /// Whether `action` acts in the current layer, step and view.
    pub fn offers(&self, action: Action) -> bool {
        match self.layer() {
            Layer::Walkthrough => self.walkthrough_offers(action),
            Layer::View => match &self.overlay {
                Overlay::View(view) => view.offers(action),
                _ => true,
            },
            Layer::Review => match &self.overlay {
                Overlay::Review(review) => review.offers(action),
                _ => true,
            },
            _ => true,
        }
    }

    fn walkthrough_offers(&self, action: Action) -> bool {
        let Some(step) = self.walkthrough.as_ref().map(|w| &w.step) else {
            return true;
        };
        match action {
            Action::ExchangeYes | Action::ExchangeNo | Action::ExchangeUnknown => {
                *step == Step::Exchange
            }
            Action::Toggle => *step == Step::Decisions,
            Action::ConcernOpen
            | Action::ConcernInProgress
            | Action::ConcernResolved
            | Action::ConcernDropped => matches!(step, Step::Concern(_)),
            _ => true,
        }
    }
}
