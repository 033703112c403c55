//! The data of the "Reporting FachMK" item and its rules. Pure: no IO, no clock,
//! no terminal. The date of "today" is always passed in.

mod as_of;
mod concern;
mod conference;
mod dataset;
mod debrief;
mod decision;
pub(crate) mod extra;
mod progress;
mod session;
mod speakers;
mod validate;

pub use as_of::CARRIED_NOTE;
pub use concern::{Concern, ConcernStatus, HistoryEntry};
pub use conference::{Assignment, Conference, Person, land_name};
pub use dataset::{Dataset, FORMAT, ReferenceText, VERSION};
pub use debrief::{Debrief, DebriefItem, Phase};
pub use decision::{Decision, is_valid_decision_id};
pub use progress::{Missing, SessionProgress, missing_for};
pub use session::{Exchange, GuidingQuestion, Report, ReportStatus, Session};
pub use speakers::{Speaker, Speakers};
pub use validate::Problem;

/// Unknown keys of a record, kept on load and written back unchanged so that a
/// newer tool's additions survive an older tool's save.
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;
