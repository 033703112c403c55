//! Everything a user can ask for. The names (kebab-case) are the vocabulary of
//! the keymap, the help screen and the configuration file: strum gives them
//! as static strings (no allocation per help line and frame), serde reads and
//! writes them with the same spelling.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Action {
    /// Quit; asks first when there is unsaved work.
    Quit,
    /// Save the data file.
    Save,
    /// Show the keys of the current view.
    Help,
    /// Fuzzy search over everything.
    Search,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PreviousPane,
    /// Move the selection up.
    SelectPrevious,
    /// Move the selection down.
    SelectNext,
    /// Move the selection a page up.
    PageUp,
    /// Move the selection a page down.
    PageDown,
    /// Select the first item.
    SelectFirst,
    /// Select the last item.
    SelectLast,
    /// Enter: take the item under the cursor — one meaning per layer, in
    /// its `update`: Main edits or selects it, the Walkthrough chooses the
    /// option, Search and Review go to the hit or gap, Sessions selects the
    /// session, a View opens the conference or session under it (in a
    /// conference's debrief: marks the Beschluss, as Space), a Dialog takes
    /// its first choice, the Editor confirms a line (a newline in long text).
    Open,
    /// Close the current view, keeping everything typed.
    Back,
    /// Start or resume the walkthrough.
    Walkthrough,
    /// The review: what is missing, and the Tischvorlage.
    Review,
    /// Choose another session.
    Sessions,
    /// Create the next session.
    NewSession,
    /// No exchange took place: no report for the selected conference.
    NoExchange,
    /// Mark the selected conference's report as ready (or back to draft).
    MarkReady,
    /// Add a concern for the selected conference.
    AddConcern,
    /// Set the selected concern to open.
    ConcernOpen,
    /// Set the selected concern to in progress.
    ConcernInProgress,
    /// Set the selected concern to resolved.
    ConcernResolved,
    /// Set the selected concern to dropped.
    ConcernDropped,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// The reference texts of the source deck (role, rules, debrief).
    Reference,
    /// Walkthrough: confirm this step and go to the next.
    NextStep,
    /// Walkthrough: back to the previous step.
    PreviousStep,
    /// Walkthrough: an exchange took place.
    ExchangeYes,
    /// Walkthrough: no exchange took place, no report.
    ExchangeNo,
    /// Walkthrough: not known yet whether an exchange took place.
    ExchangeUnknown,
    /// Toggle the selected item (e.g. link a decision).
    Toggle,
    /// Export a document of the session to a file.
    Export,
    /// Review: set the session's TOP number (agenda item).
    AgendaItem,
    /// Review: edit the session's Beschlussvorschlag.
    Proposal,
    /// Dialog: save, then go on.
    DialogSave,
    /// Dialog: yes, explicitly (`j`/`y`; Enter does not count where a yes
    /// would destroy something, such as overwriting a file).
    DialogYes,
    /// Dialog: discard unsaved work, then go on.
    DialogDiscard,
    /// Redraw the whole screen.
    Redraw,
    /// Stop the program for the shell (`fg` brings it back), as vim and less do.
    Suspend,
    /// Conflict: keep my version.
    TakeMine,
    /// Conflict: take the others' version.
    TakeTheirs,
    /// Conflict: keep both texts.
    TakeBoth,
    /// Recovery: take the unsaved work back.
    Restore,
    /// Recovery: show what it would change.
    ShowDifference,
    /// Open the newest readable backup (read-only).
    OpenBackup,
    /// Merge in what others saved to the file meanwhile.
    MergeOthers,
    /// The debrief (Nachbesprechung) of the selected session.
    Debrief,
    /// The decisions, with where each is cited.
    Decisions,
    /// Reports of all conferences across all sessions.
    History,
    /// What changed for the selected conference since the previous session.
    Changes,
    /// Who spoke for the selected conference when, by which Beschluss.
    Assignments,
    /// In a view: add an entry (decision, follow-up concern, assignment).
    AddItem,
    /// In the debrief: edit the notes for a conference.
    EditNotes,
    /// In the debrief: record that it was held.
    MarkHeld,
    /// Link the concern at hand to Beschlüsse (typed by number).
    LinkDecisions,
    /// Edit the answer or concern at hand (or the open long text) in the
    /// user's own editor, `$VISUAL` or `$EDITOR`.
    ExternalEditor,
}

impl Action {
    /// How far a cursor or a scrolled text moves for this action: a row, a
    /// `page` (what the layer showed when last drawn) or to an end; `None` for
    /// every action that moves nothing.
    pub fn movement(self, page: isize) -> Option<isize> {
        Some(match self {
            Self::SelectPrevious => -1,
            Self::SelectNext => 1,
            Self::PageUp => -page,
            Self::PageDown => page,
            Self::SelectFirst => isize::MIN / 2,
            Self::SelectLast => isize::MAX / 2,
            _ => return None,
        })
    }

    /// The action's name in the configuration: "save", "next-pane".
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the action does, in the user's language, for the help screen.
    pub fn describe(self) -> &'static str {
        crate::i18n::t(&format!("action.{}", self.name()))
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::Action;

    #[test]
    fn strum_and_serde_spell_every_name_alike() {
        for action in Action::iter() {
            let serde = serde_json::to_value(action).expect("a unit variant");
            assert_eq!(serde.as_str(), Some(action.name()));
            assert_eq!(action.name().parse::<Action>(), Ok(action));
        }
        assert_eq!(Action::NextPane.name(), "next-pane");
    }
}
