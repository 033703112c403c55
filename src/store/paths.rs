//! Where files are kept: the default data file (XDG data directory).

use std::path::PathBuf;

use etcetera::BaseStrategy;

/// `$XDG_DATA_HOME/fachmk/fachmk.json`, else `~/.local/share/fachmk/fachmk.json`.
pub fn default_data_file() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("fachmk").join("fachmk.json"))
}

/// `$XDG_STATE_HOME/fachmk`, else `~/.local/state/fachmk`: recovery and logs.
pub fn state_dir() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    let state = strategy
        .state_dir()
        .unwrap_or_else(|| strategy.home_dir().join(".local").join("state"));
    Some(state.join("fachmk"))
}

/// The name of the user, for `updated_by` and concern history.
pub fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unbekannt".to_owned())
}
