//! `update`: one action changes the state and returns effects. Keys are first
//! resolved against the layer that owns the keyboard; keys a text layer does not
//! bind are typed into its field. Each layer's own handling is in its folder
//! (`main/`, `walkthrough/`, `editor/`, `view/`, `help/`, `review/`, …).

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

use super::{Action, App, Dialog, Effect, Layer, Overlay};

/// The smallest terminal the screen is drawn in; below it, a note says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl App {
    /// Handles a key press.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == KeyEventKind::Release {
            return Vec::new();
        }
        self.message = None;
        let layer = self.layer();
        let action = self.keymap.resolve(layer, &key);
        // The "too small" screen shows nothing to act on: it takes no text
        // and no keys but redrawing, saving and quitting.
        if self.too_small() {
            return match action {
                Some(action @ (Action::Redraw | Action::Save | Action::Quit)) => {
                    self.update(action)
                }
                _ => Vec::new(),
            };
        }
        if let Some(action) = action {
            return self.update(action);
        }
        match layer {
            Layer::Editor => {
                if let Some(editor) = self.editor.as_mut() {
                    editor.error = None;
                    if editor.text.input(key) {
                        self.revision += 1;
                    }
                }
            }
            Layer::Search => {
                if let Overlay::Search(search) = &mut self.overlay {
                    search.type_key(key);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// The terminal was resized.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        self.screen = (columns, rows);
    }

    /// Whether the terminal is smaller than the screen needs.
    pub fn too_small(&self) -> bool {
        self.screen.0 < MIN_WIDTH || self.screen.1 < MIN_HEIGHT
    }

    /// Handles pasted text (bracketed paste): into the open field or the search.
    pub fn handle_paste(&mut self, text: &str) -> Vec<Effect> {
        if self.too_small() {
            return Vec::new();
        }
        if let Some(editor) = self.editor.as_mut() {
            editor.paste(text);
            self.revision += 1;
        } else if let Overlay::Search(search) = &mut self.overlay {
            search.paste(text);
        }
        Vec::new()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.dispatch(action);
        self.refresh_review();
        effects
    }

    /// Hands one action to the layer that owns the keyboard.
    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Redraw => return vec![Effect::Redraw],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Quit if self.layer() != Layer::Dialog => return self.quit(),
            Action::Save if self.layer() != Layer::Dialog => {
                self.commit_editor_keep_open();
                return self.save();
            }
            Action::Undo => {
                self.undo();
                self.refresh_view();
                return Vec::new();
            }
            Action::Redo => {
                self.redo();
                self.refresh_view();
                return Vec::new();
            }
            Action::ExternalEditor => return self.external_editor(),
            _ => {}
        }
        match self.layer() {
            // The keys a field does not offer do nothing (`App::offers`).
            Layer::Editor if !self.offers(action) => Vec::new(),
            layer => self.hand_to_component(layer, action),
        }
    }

    /// Hands `action` to the component of `layer`; then carries out, in
    /// order, what it asked of the layers around it.
    pub(super) fn hand_to_component(&mut self, layer: Layer, action: Action) -> Vec<Effect> {
        let (layers, mut ctx) = self.split();
        let effects = match (layer, layers.overlay, layers.dialog) {
            (Layer::Dialog, _, Some(dialog)) => dialog.update(action, &mut ctx),
            (Layer::Main, _, _) => layers.main.update(action, &mut ctx),
            (Layer::Editor, _, _) => match layers.editor {
                Some(editor) => editor.update(action, &mut ctx),
                None => Vec::new(),
            },
            (Layer::Walkthrough, _, _) => {
                if let Some(walkthrough) = layers.walkthrough {
                    walkthrough.update(action, &mut ctx)
                } else {
                    ctx.request(super::Request::Close);
                    Vec::new()
                }
            }
            (Layer::Help, Overlay::Help(help), _) => help.update(action, &mut ctx),
            (Layer::Review, Overlay::Review(review), _) => review.update(action, &mut ctx),
            (Layer::Search, Overlay::Search(search), _) => search.update(action, &mut ctx),
            (Layer::Sessions, Overlay::Sessions(sessions), _) => sessions.update(action, &mut ctx),
            (Layer::View, Overlay::View(view), _) => view.update(action, &mut ctx),
            _ => Vec::new(),
        };
        let requests = std::mem::take(&mut ctx.requests);
        self.carry_out(layer, requests);
        effects
    }

    /// After an undo or redo: an open view shows the data as it is now.
    fn refresh_view(&mut self) {
        let (overlay, ctx) = self.overlay_and_ctx();
        if let Overlay::View(view) = overlay {
            view.refresh(&ctx);
        }
    }

    pub(super) fn quit(&mut self) -> Vec<Effect> {
        self.commit_editor_keep_open();
        if self.dirty {
            self.dialog = Some(Dialog::QuitUnsaved);
            Vec::new()
        } else {
            vec![Effect::Quit]
        }
    }

    fn save(&mut self) -> Vec<Effect> {
        if let Some(reason) = self.read_only.clone() {
            self.error(crate::i18n::tf("app.cannot-save", &[("reason", &reason)]));
            return Vec::new();
        }
        vec![Effect::Save { then_quit: false }]
    }
}

/// Moves `cursor` by `delta` within `0..len`, clamped.
pub(super) fn step(cursor: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    cursor.saturating_add_signed(delta).min(len - 1)
}
