//! The Review component (Übersicht): what is still missing per conference,
//! then the Tischvorlage as its reader sees it. Built once when opened (again
//! when the data changes under it), scrolled within what was drawn; ↑↓ first
//! pick a conference among the gaps, Enter goes there. Its keys are in
//! `keys.rs`, its drawing in `ui/review.rs`, its content in `content.rs`.

pub(super) mod content;
pub(super) mod keys;

use std::sync::Arc;

use super::{Action, App, Ctx, EditTarget, Editor, Effect, Layer, Overlay, Request, Scroll};
use crate::search::Target;

/// A conference with something missing: its line in the review and where
/// Enter takes the user to mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub line: usize,
    pub target: Target,
}

/// The open review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub lines: Arc<[String]>,
    pub gaps: Arc<[Gap]>,
    /// The gap picked, while the user is in the list of gaps.
    pub cursor: Option<usize>,
    /// Its limit is set by the drawing.
    pub scroll: Scroll,
    /// The app's revision the content was built at.
    built: u64,
}

impl Review {
    /// Handles an action of the Review layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let last = self.gaps.len().checked_sub(1);
        match (action, self.cursor) {
            (Action::SelectNext, Some(i)) if Some(i) < last => self.cursor = Some(i + 1),
            (Action::SelectNext, Some(_)) => {
                self.cursor = None;
                self.scroll.step(1);
            }
            (Action::SelectPrevious, None) if self.scroll.top() == 0 => self.cursor = last,
            (Action::SelectPrevious, Some(i)) => self.cursor = Some(i.saturating_sub(1)),
            (Action::SelectNext, None) => self.scroll.step(1),
            (Action::SelectPrevious, None) => self.scroll.step(-1),
            (Action::PageUp, _) => self.scroll.step(-self.scroll.page()),
            (Action::PageDown, _) => {
                self.cursor = None;
                self.scroll.step(self.scroll.page());
            }
            (Action::SelectFirst, _) => {
                self.scroll.step(isize::MIN / 2);
                self.cursor = last.map(|_| 0);
            }
            (Action::SelectLast, _) => {
                self.cursor = None;
                self.scroll.step(isize::MAX / 2);
            }
            (Action::Open, Some(i)) => {
                if let Some(gap) = self.gaps.get(i) {
                    ctx.request(Request::Close);
                    ctx.request(Request::Jump(gap.target.clone()));
                }
            }
            (Action::Back, _) => ctx.request(Request::Close),
            (Action::Help, _) => ctx.request(Request::Help(Layer::Review)),
            (Action::AgendaItem | Action::Proposal, _) => open_session_item(action, ctx),
            (Action::Export, _) => {
                let kind = crate::export::Kind::Tischvorlage;
                let name = format!("{}-{}.md", kind.name(), ctx.session);
                ctx.request(Request::Edit(Box::new(Editor::new(
                    EditTarget::ExportPath,
                    crate::i18n::t("review.export-to"),
                    &name,
                ))));
            }
            _ => {}
        }
        Vec::new()
    }

    /// Whether `action` acts here: Enter only on a picked gap.
    pub fn offers(&self, action: Action) -> bool {
        action != Action::Open || self.cursor.is_some()
    }
}

impl App {
    /// Opens the review, built from the data as it is now; the first gap picked.
    pub(super) fn open_review(&mut self) {
        let (lines, gaps) = content::content(&self.data, self.session, self.handout_lang);
        self.overlay = Overlay::Review(Review {
            cursor: (!gaps.is_empty()).then_some(0),
            lines: lines.into(),
            gaps: gaps.into(),
            scroll: Scroll::default(),
            built: self.revision,
        });
    }

    /// The data changed under the open review: its content is built again,
    /// where the user was kept.
    pub(super) fn refresh_review(&mut self) {
        let stale = matches!(&self.overlay, Overlay::Review(r) if r.built != self.revision);
        if !stale {
            return;
        }
        let (lines, gaps) = content::content(&self.data, self.session, self.handout_lang);
        if let Overlay::Review(review) = &mut self.overlay {
            review.cursor = review
                .cursor
                .filter(|_| !gaps.is_empty())
                .map(|i| i.min(gaps.len() - 1));
            review.lines = lines.into();
            review.gaps = gaps.into();
            review.built = self.revision;
        }
    }
}

/// Opens the field for the session's TOP number or Beschlussvorschlag.
fn open_session_item(action: Action, ctx: &mut Ctx) {
    let Some(session) = ctx.current_session() else {
        return;
    };
    let number = session.number;
    let (target, title, text) = if action == Action::AgendaItem {
        (
            EditTarget::AgendaItem { session: number },
            crate::i18n::t("review.agenda-item-title"),
            session.agenda_item.clone().unwrap_or_default(),
        )
    } else {
        (
            EditTarget::Proposal { session: number },
            crate::i18n::t("review.proposal-title"),
            session
                .proposal
                .clone()
                .unwrap_or_else(|| crate::i18n::t("tv.proposal-default").to_owned()),
        )
    };
    ctx.request(Request::Edit(Box::new(Editor::new(target, title, &text))));
}
