//! The Editor component, a text field: what it edits, and the text being
//! typed (`ratatui-textarea`, cursor by character). Text is committed to the
//! data when the field is left, whichever way it is left, so typed text is
//! never lost. Its `update` is in `update.rs` (the forms around concerns in
//! `concern_forms.rs`, the View's in `view/forms.rs`), the fields components
//! open in `fields.rs`, its keys in `keys.rs`, its drawing in `ui/editor.rs`.

mod concern_forms;
pub(super) mod fields;
pub(super) mod keys;
pub mod update;

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// What a text field edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// The answer of a conference to a Leitfrage in a session.
    Answer {
        session: u32,
        conference: String,
        question: String,
    },
    /// The title of a new concern of `conference`.
    NewConcern {
        conference: String,
    },
    ConcernTitle {
        id: String,
    },
    ConcernDetails {
        id: String,
    },
    /// The outcome of a concern closed as `status` (erledigt, verworfen).
    ConcernOutcome {
        id: String,
        status: crate::domain::ConcernStatus,
    },
    /// The Beschlüsse a concern is linked to, typed by number.
    ConcernDecisions {
        id: String,
    },
    /// The conferences a Beschluss entered on the screen concerns.
    DecisionConferences {
        id: String,
    },
    /// A guest presenter's name.
    Guest {
        session: u32,
        conference: String,
    },
    /// File name for exporting the Tischvorlage.
    ExportPath,
    /// File name to save the data to when the file itself cannot be written.
    SaveAsPath,
    /// New session: its date.
    SessionDate,
    SessionPlace {
        date: NaiveDate,
    },
    SessionDebrief {
        date: NaiveDate,
        place: Option<String>,
    },
    /// Notes of the debrief for a conference.
    DebriefNotes {
        session: u32,
        conference: String,
    },
    /// The session's TOP number.
    AgendaItem {
        session: u32,
    },
    /// The session's Beschlussvorschlag.
    Proposal {
        session: u32,
    },
    /// A follow-up concern from the debrief.
    FollowUp {
        session: u32,
        conference: String,
    },
    /// "2025/31 Titel": a decision taken at `session`.
    NewDecision {
        session: u32,
    },
    /// The date the debrief was held.
    DebriefHeld {
        session: u32,
    },
    /// A new assignment: its Beschluss, first session, people, Länder.
    AssignDecision {
        conference: String,
    },
    AssignFrom {
        conference: String,
        decision: String,
    },
    AssignPeople {
        conference: String,
        decision: String,
        from: u32,
    },
    AssignLands {
        conference: String,
        decision: String,
        from: u32,
        people: Vec<String>,
    },
}

impl EditTarget {
    /// Answers and details take several lines; the rest is one line, confirmed by Enter.
    pub fn is_multiline(&self) -> bool {
        matches!(
            self,
            Self::Answer { .. }
                | Self::ConcernDetails { .. }
                | Self::DebriefNotes { .. }
                | Self::Proposal { .. }
        )
    }

    /// A file name, typed with care: Tab does not confirm it (in a shell Tab
    /// completes a path; an export must not start by that habit).
    pub fn is_path(&self) -> bool {
        matches!(self, Self::SaveAsPath | Self::ExportPath)
    }

    /// A prompt whose text only counts when confirmed (Esc cancels it), unlike
    /// data fields, whose text is kept however they are left. Every new item
    /// is one: Esc on a new concern's title creates nothing.
    pub fn is_form(&self) -> bool {
        matches!(
            self,
            Self::NewConcern { .. }
                | Self::FollowUp { .. }
                | Self::SaveAsPath
                | Self::ExportPath
                | Self::SessionDate
                | Self::SessionPlace { .. }
                | Self::SessionDebrief { .. }
                | Self::NewDecision { .. }
                | Self::DebriefHeld { .. }
                | Self::AssignDecision { .. }
                | Self::AssignFrom { .. }
                | Self::AssignPeople { .. }
                | Self::AssignLands { .. }
                | Self::ConcernOutcome { .. }
                | Self::ConcernDecisions { .. }
                | Self::DecisionConferences { .. }
        )
    }
}

/// An open text field.
#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditTarget,
    /// The heading of the field, e.g. the Leitfrage.
    pub title: String,
    pub text: TextArea<'static>,
    /// Shown beside the field for reference, e.g. last session's answer.
    pub reference: Option<(String, String)>,
    /// Why the text cannot be taken as it is.
    pub error: Option<String>,
}

impl Editor {
    pub fn new(target: EditTarget, title: impl Into<String>, content: &str) -> Self {
        let lines: Vec<String> = if content.is_empty() {
            vec![String::new()]
        } else {
            content.lines().map(str::to_owned).collect()
        };
        let mut text = TextArea::new(lines);
        text.set_wrap_mode(WrapMode::WordOrGlyph);
        text.set_cursor_line_style(Style::default());
        text.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        // Dim, not grey: no colour of its own, so NO_COLOR holds in text fields too.
        text.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        if target.is_multiline() {
            text.set_placeholder_text(crate::i18n::t("editor.placeholder"));
        }
        Self {
            target,
            title: title.into(),
            text,
            reference: None,
            error: None,
        }
    }

    /// The text as typed, lines joined by `\n`, trailing white space removed.
    pub fn content(&self) -> String {
        self.text.lines().join("\n").trim_end().to_owned()
    }

    #[must_use]
    pub fn with_reference(mut self, heading: impl Into<String>, text: impl Into<String>) -> Self {
        self.reference = Some((heading.into(), text.into()));
        self
    }

    /// Inserts pasted text; in a one-line field, line breaks become spaces.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = text
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .map(|c| {
                if c == '\n' && !self.target.is_multiline() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        self.text.insert_str(clean);
    }
}

impl crate::app::App {
    /// Stores the open field's text but keeps it open (before saving or quitting).
    pub(in crate::app) fn commit_editor_keep_open(&mut self) {
        let (layers, mut ctx) = self.split();
        if let Some(editor) = layers.editor.as_mut().filter(|e| {
            matches!(
                e.target,
                EditTarget::Answer { .. }
                    | EditTarget::ConcernDetails { .. }
                    | EditTarget::ConcernTitle { .. }
            )
        }) {
            editor.commit(&mut ctx);
        }
    }

    /// The export was written: its dialog closes.
    pub fn exported(&mut self, path: &str) {
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.target == EditTarget::ExportPath)
        {
            self.editor = None;
        }
        self.info(crate::i18n::tf("file.exported", &[("path", &path)]));
    }

    /// The export could not be written: the dialog stays, with the path as
    /// typed, and says why.
    pub fn export_failed(&mut self, message: String) {
        match self.editor.as_mut() {
            Some(editor) if editor.target == EditTarget::ExportPath => {
                editor.error = Some(message);
            }
            _ => self.error(message),
        }
    }

    /// The text of an open field, and where it goes: what the recovery file
    /// keeps of it, so that nothing typed is lost.
    pub fn draft(&self) -> Option<Draft> {
        let editor = self.editor.as_ref()?;
        Some(Draft {
            target: editor.target.clone(),
            text: editor.content(),
        })
    }
}

/// The text of an open field, and where it goes.
#[derive(Debug, Clone)]
pub struct Draft {
    target: EditTarget,
    text: String,
}

impl Draft {
    /// Puts the text in `data`, as if the field were left now.
    pub fn put_in(self, data: &mut crate::domain::Dataset) {
        let text = self.text;
        match self.target {
            EditTarget::Answer {
                session,
                conference,
                question,
            } => {
                if let Some(s) = data.session_mut(session) {
                    s.report_mut(&conference).answers.insert(question, text);
                }
            }
            EditTarget::ConcernTitle { id } if !text.trim().is_empty() => {
                if let Some(c) = data.concern_mut(&id) {
                    c.title = text;
                }
            }
            EditTarget::ConcernDetails { id } => {
                if let Some(c) = data.concern_mut(&id) {
                    c.details = Some(text);
                }
            }
            _ => {}
        }
    }
}
