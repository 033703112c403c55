//! All integration tests in one binary (one link, quick edit-test cycles), as
//! helix does: each module is what used to be its own test file.

mod across_sessions;
mod app;
mod bad_files;
mod bad_input;
mod burst;
mod bytes;
mod changes_view;
mod cli;
mod common;
mod concerns;
mod config;
mod conventions;
mod dataset;
mod debrief_dates;
mod documents;
mod dropped_connection;
mod e2e;
mod exports;
mod failing_disk;
mod fresh_eyes;
mod german;
mod git_team;
mod hostile_text;
mod i18n;
mod keys_driven;
mod logs;
mod merge;
mod mouse;
mod readme;
mod rules;
mod shared;
mod snapshots;
mod store;
mod two_accounts;
mod validity;
