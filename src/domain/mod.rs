//! The data of the "Reporting FachMK" item and its rules. Pure: no IO, no clock,
//! no terminal. The date of "today" is always passed in.
//!
//! The domain speaks no language: what it finds (problems, gaps, phases, why a
//! date moved, which article a name takes) it returns as typed values, and
//! `i18n::words` words them.
//!
//! Everything that changes over time is asked for *at a session*: the
//! conferences taking part (`Dataset::conferences_at`), their names and
//! articles (`conference_name_at`, `conference_gender_at`, `Gender::article`),
//! who speaks for them and for which Land (`speakers_at`, by the Benennung),
//! whether the standing item exists (`is_reporting_session`, from the 43rd).
//! Every bundled fact names its source (`source`, per field `sources`):
//! `"seed"`, `"decision:YYYY/NN"`, `"public"`/a URL, or `"assumed"`; see
//! `Origin` and `Dataset::facts_not_from_seed`. The debrief date proposed for a session is three
//! weeks after it on the next working day (`DebriefProposal`).

mod as_of;
mod calendar;
mod concern;
mod conference;
mod dataset;
mod debrief;
mod decision;
pub(crate) mod extra;
mod progress;
mod provenance;
mod session;
mod speakers;
mod stamp;
mod validate;
mod validity;

pub use as_of::CARRIED_NOTE;
pub use calendar::{DayOff, DebriefProposal, Holiday, day_off, easter_sunday};
pub use concern::{Concern, ConcernStatus, HistoryEntry};
pub use conference::{
    Article, Assignment, Case, Conference, ConferenceName, FieldSources, Gender, Person, Source,
    land_name,
};
pub use dataset::{Dataset, FORMAT, ReferenceText, VERSION};
pub use debrief::{Debrief, DebriefGap, DebriefItem, Phase};
pub use decision::{Decision, is_valid_decision_id};
pub use progress::{Missing, SessionProgress, missing_for};
pub use provenance::{Fact, ForeignFact, Origin, is_seed};
pub use session::{Exchange, GuidingQuestion, Report, ReportStatus, Session};
pub use speakers::{Speaker, Speakers};
pub use validate::{Problem, RecordKind, Whose};
pub use validity::FIRST_REPORTING_SESSION;

/// Unknown keys of a record, kept on load and written back unchanged so that a
/// newer tool's additions survive an older tool's save.
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;
