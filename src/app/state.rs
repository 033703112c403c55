//! The one state tree of the screen.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Dialog, Editor, History, Keymap, Layer, Walkthrough};
use crate::domain::{Conference, Dataset, Session, SessionProgress};
use crate::search::Index;

/// The four panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Conferences,
    Speakers,
    Concerns,
    Questions,
}

impl Pane {
    pub const ALL: [Self; 4] = [
        Self::Conferences,
        Self::Speakers,
        Self::Concerns,
        Self::Questions,
    ];

    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    #[must_use]
    pub fn previous(self) -> Self {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// What covers the panes, if anything.
#[derive(Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The keys or the reference texts.
    Help(super::Help),
    Search(Box<super::Search>),
    Review(super::Review),
    Sessions(super::Sessions),
    Walkthrough,
    /// One of the views across sessions (debrief, decisions, history, changes, assignments).
    View(super::View),
}

/// A one-line message in the hint line; errors stand out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the data file; quit afterwards if `then_quit` and the save succeeded.
    Save {
        then_quit: bool,
    },
    /// Write `contents` to `path` (an export), a file that must not exist yet.
    Write {
        path: String,
        contents: Vec<u8>,
    },
    /// Replace the file at `path` with `contents` (an export the user agreed to
    /// overwrite): atomically, a link there replaced, never written through.
    Overwrite {
        path: String,
        contents: Vec<u8>,
    },
    /// Repaint the whole screen.
    Redraw,
    /// Hand the terminal back and stop until `fg`; then repaint.
    Suspend,
    Quit,
    /// Conflicts were decided and `data` holds the result: the file on disk
    /// (whose changes were merged) becomes the base; then save if asked.
    ConflictsResolved {
        save: bool,
        then_quit: bool,
    },
    /// Merge in what others saved to the file.
    MergeFromDisk,
    /// Take the offered recovery back.
    TakeRecovery,
    /// Delete the offered recovery.
    DiscardRecovery,
    /// Open the newest readable backup, read-only.
    OpenBackup,
    /// Save to another file and go on working there.
    SaveAs {
        path: String,
    },
    /// Hand the open text field to the user's editor; the text comes back
    /// through `App::external_edit_done`.
    ExternalEdit,
}

/// The whole state of the screen.
#[derive(Debug)]
pub struct App {
    /// Shared (without a copy) with the thread building the search index at
    /// start; changed through [`App::data_mut`], which copies it only while
    /// that thread still holds it.
    pub data: std::sync::Arc<Dataset>,
    /// Today's date, from the one clock of the program.
    pub today: NaiveDate,
    /// The time of the event being handled (for `updated_at` and history).
    pub now: DateTime<Utc>,
    /// Who is working (`$USER`).
    pub user: String,
    /// The data file's name as shown.
    pub file_name: String,
    /// The language of the handout: German unless English was asked for by
    /// name (`--lang en`), whatever the screen speaks.
    pub handout_lang: crate::i18n::Lang,
    /// Number of the selected session.
    pub session: u32,
    /// Index into `data.conferences`.
    pub conference: usize,
    /// The main screen: the panes' focus and cursors.
    pub main: super::Main,
    pub overlay: Overlay,
    pub editor: Option<Editor>,
    pub dialog: Option<Dialog>,
    /// Kept when left, so `w` resumes where the user was.
    pub walkthrough: Option<Walkthrough>,
    /// Walkthroughs paused on other conferences (`paused.rs`).
    pub paused: Vec<Walkthrough>,
    pub history: History,
    /// Unsaved changes exist.
    pub dirty: bool,
    /// Why saving is not possible, if it is not.
    pub read_only: Option<String>,
    pub message: Option<Message>,
    pub keymap: Keymap,
    /// Terminal size (columns, rows), an input like keys: it bounds scrolling.
    pub screen: (u16, u16),
    /// Others saved the file since it was loaded.
    pub external_change: bool,
    /// Bumped on every change of data or typed text: the recovery file is
    /// written when it moved.
    pub revision: u64,
    /// The search index of the last search, kept while data and session are
    /// unchanged (revision, session), so `/` opens at once.
    pub search_cache: Option<(u64, u32, Index)>,
    /// The query of the last search, shown again when `/` opens the next one.
    pub last_query: String,
    /// An index of the data at this revision, shown at this session, is being
    /// built on another thread (set by the screen's loop, which hands it over
    /// with `index_built`).
    pub index_building: Option<(u64, u32)>,
    /// A large file's concerns are still being read (on a second thread, for
    /// the first frame only: they are in place before any key is handled).
    pub concerns_pending: bool,
}

impl App {
    /// The data to change (copied first only if another thread still reads it).
    pub fn data_mut(&mut self) -> &mut Dataset {
        std::sync::Arc::make_mut(&mut self.data)
    }

    /// A screen on `data`, on the session to prepare on `today` (or `session`).
    pub fn new(
        data: Dataset,
        today: NaiveDate,
        now: DateTime<Utc>,
        user: &str,
        session: Option<u32>,
    ) -> Self {
        let session = session
            .filter(|n| data.session(*n).is_some())
            .or_else(|| data.session_to_prepare(today))
            .unwrap_or(0);
        Self {
            data: std::sync::Arc::new(data),
            today,
            now,
            user: user.to_owned(),
            file_name: String::new(),
            handout_lang: crate::i18n::Lang::De,
            session,
            conference: 0,
            main: super::Main::default(),
            overlay: Overlay::None,
            editor: None,
            dialog: None,
            walkthrough: None,
            paused: Vec::new(),
            history: History::default(),
            dirty: false,
            read_only: None,
            message: None,
            keymap: Keymap::default(),
            screen: (80, 24),
            external_change: false,
            revision: 0,
            search_cache: None,
            last_query: String::new(),
            index_building: None,
            concerns_pending: false,
        }
    }

    /// Which layer owns the keyboard, derived from what is open.
    pub fn layer(&self) -> Layer {
        if self.dialog.is_some() {
            Layer::Dialog
        } else if self.editor.is_some() {
            Layer::Editor
        } else {
            match self.overlay {
                Overlay::None => Layer::Main,
                Overlay::Help(_) => Layer::Help,
                Overlay::Search(_) => Layer::Search,
                Overlay::Review(_) => Layer::Review,
                Overlay::Sessions(_) => Layer::Sessions,
                Overlay::Walkthrough => Layer::Walkthrough,
                Overlay::View(_) => Layer::View,
            }
        }
    }

    pub fn current_session(&self) -> Option<&Session> {
        self.data.session(self.session)
    }

    pub fn selected_conference(&self) -> Option<&Conference> {
        self.data.conferences.get(self.conference)
    }

    /// The id of the selected conference ("" when there is none).
    pub fn conference_id(&self) -> String {
        self.selected_conference()
            .map(|c| c.id.clone())
            .unwrap_or_default()
    }

    pub fn progress(&self) -> Option<SessionProgress> {
        self.current_session()
            .map(|s| SessionProgress::of(&self.data, s))
    }

    /// The newest session lies in the past: a next one should be created.
    pub fn needs_new_session(&self) -> bool {
        self.data.sessions.iter().all(|s| s.date < self.today)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// See `Ctx::check_preparable`.
    pub fn check_preparable(&mut self) -> bool {
        self.ctx().check_preparable()
    }

    /// See `Ctx::check_writable`.
    pub fn check_writable(&mut self) -> bool {
        self.ctx().check_writable()
    }

    /// The save succeeded.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.history.mark_saved();
        self.info(crate::i18n::tf("app.saved", &[("file", &self.file_name)]));
    }
}
