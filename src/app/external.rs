//! Long texts in the user's own editor: `e` on an answer or a concern (or
//! Ctrl-E in an open long text field) opens the field and hands its text to
//! `$VISUAL`/`$EDITOR`; the terminal side runs the editor and brings the text
//! back. Whatever goes wrong there, the field keeps the text it had.

use super::{Action, App, Effect, Layer};

impl App {
    pub(super) fn external_editor(&mut self) -> Vec<Effect> {
        // Without an open field, the layer's component opens the one at
        // hand (Main, Walkthrough: `open_long_text` in each).
        let layer = self.layer();
        if self.editor.is_none() && matches!(layer, Layer::Main | Layer::Walkthrough) {
            self.hand_to_component(layer, Action::ExternalEditor);
        }
        match self.editor.as_ref().map(|e| e.target.is_multiline()) {
            Some(true) => vec![Effect::ExternalEdit],
            Some(false) => {
                self.error(crate::i18n::t("external.long-texts-only"));
                Vec::new()
            }
            None => {
                if self.read_only.is_none() {
                    self.error(crate::i18n::t("external.choose-first"));
                }
                Vec::new()
            }
        }
    }

    /// The text to hand to the editor: the open field's.
    pub fn external_text(&self) -> Option<String> {
        self.editor
            .as_ref()
            .filter(|e| e.target.is_multiline())
            .map(super::Editor::content)
    }

    /// The editor ended: its text replaces the field's and is taken into the
    /// data at once, or, when it failed, the field stays as it was and says why.
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        match result {
            Ok(text) => {
                let text = text.trim_end();
                if text == editor.content() {
                    self.info(crate::i18n::t("external.unchanged"));
                    return;
                }
                let mut fresh =
                    super::Editor::new(editor.target.clone(), editor.title.clone(), text);
                fresh.reference = editor.reference.take();
                *editor = fresh;
                self.revision += 1;
                self.commit_editor_keep_open();
                self.info(crate::i18n::t("external.taken"));
            }
            Err(why) => self.error(crate::i18n::tf("external.failed", &[("why", &why)])),
        }
    }
}
