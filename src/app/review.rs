//! The text of the review (Übersicht): what is missing, then the Tischvorlage
//! exactly as exported. Plain lines, so `update` can bound scrolling by them.

use super::App;

impl App {
    /// The review as lines of text.
    pub fn review_lines(&self) -> Vec<String> {
        let mut lines = vec![crate::i18n::t("review.missing").to_owned()];
        if let Some(progress) = self.progress() {
            let gaps: Vec<String> = progress
                .per_conference
                .iter()
                .filter(|(_, missing)| !missing.is_empty())
                .map(|(id, missing)| {
                    let mut list: Vec<String> = missing
                        .iter()
                        .filter(|m| !m.is_hint())
                        .map(ToString::to_string)
                        .collect();
                    list.extend(
                        crate::i18n::words::hint_line(missing)
                            .map(|h| crate::i18n::tf("review.hint", &[("what", &h)])),
                    );
                    format!("  {id}: {}", list.join("; "))
                })
                .collect();
            if progress.is_complete() {
                lines.push(crate::i18n::t("review.nothing-missing").to_owned());
            }
            lines.extend(gaps);
        }
        lines.push(String::new());
        lines.push(crate::i18n::t("review.handout").to_owned());
        lines.push(String::new());
        lines.extend(self.handout().lines().map(str::to_owned));
        lines
    }

    /// The Tischvorlage as exported, in the handout's language.
    pub fn handout(&self) -> String {
        let screen = crate::i18n::current();
        crate::i18n::set(self.handout_lang);
        let text = crate::export::markdown(&self.data, self.session);
        crate::i18n::set(screen);
        text
    }

    /// The document a file name asks for, in the handout's language: Word when
    /// it ends ".docx", else Markdown; the Arbeitsstand or the Nachbesprechung
    /// when the name says so, else the Tischvorlage.
    pub fn export_for(&self, file_name: &str) -> Result<Vec<u8>, String> {
        use crate::export::Kind;
        let name = file_name.to_lowercase();
        let kind = Kind::ALL
            .into_iter()
            .find(|k| name.contains(k.name()))
            .unwrap_or_default();
        let screen = crate::i18n::current();
        crate::i18n::set(self.handout_lang);
        let word = std::path::Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        let bytes = if word {
            crate::export::docx(&self.data, self.session, kind).map_err(|e| e.to_string())
        } else {
            Ok(crate::export::markdown_of(&self.data, self.session, kind).into_bytes())
        };
        crate::i18n::set(screen);
        bytes
    }

    /// Opens the field for the session's TOP number or Beschlussvorschlag.
    pub(super) fn open_session_item(&mut self, action: super::Action) {
        let Some(session) = self.current_session() else {
            return;
        };
        let number = session.number;
        let (target, title, text) = if action == super::Action::AgendaItem {
            (
                super::EditTarget::AgendaItem { session: number },
                crate::i18n::t("review.agenda-item-title"),
                session.agenda_item.clone().unwrap_or_default(),
            )
        } else {
            (
                super::EditTarget::Proposal { session: number },
                crate::i18n::t("review.proposal-title"),
                session
                    .proposal
                    .clone()
                    .unwrap_or_else(|| crate::i18n::t("tv.proposal-default").to_owned()),
            )
        };
        self.editor = Some(super::Editor::new(target, title, &text));
    }

    /// The furthest a text of `lines` lines can scroll in the body of the screen
    /// (screen height less header, hint line and frame).
    pub fn scroll_limit(&self, lines: usize) -> usize {
        lines.saturating_sub(usize::from(self.screen.1.saturating_sub(4)))
    }
}
