//! Where files are kept (XDG): the default data file, the configuration, the
//! state directory (recovery, logs).

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

/// Where "save as" proposes to write after a failed save: `NAME.neu.json`
/// beside the data file when its directory takes new files, else in the home
/// directory — proposing a directory the user may not write fails the same
/// way again.
pub fn save_as_suggestion(data_file: &std::path::Path) -> PathBuf {
    let stem = data_file
        .file_stem()
        .map_or_else(|| "fachmk".into(), |s| s.to_string_lossy());
    let name = format!("{stem}.neu.json");
    let dir = data_file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    if rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).is_ok() {
        return dir.join(name);
    }
    etcetera::home_dir().map_or_else(|_| dir.join(&name), |home| home.join(&name))
}

/// `$XDG_CONFIG_HOME/fachmk/config.toml`, else `~/.config/fachmk/config.toml`.
pub fn config_file() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("fachmk").join("config.toml"))
}

/// Creates `dir` and its parents, readable by the user only (0700): data,
/// recovery and logs of one user are nobody else's business. An existing `dir`
/// open to others is tightened to 0700 when it is the user's; one of someone
/// else's is refused with an error that says so (the caller warns).
pub fn create_private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, PermissionsExt as _};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let meta = std::fs::metadata(dir)?;
    let open_to_others = meta.mode() & 0o077;
    if open_to_others == 0 {
        return Ok(());
    }
    if Some(meta.uid()) == own_uid() {
        return std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        crate::i18n::tf(
            "file.dir-not-private",
            &[
                ("dir", &dir.display()),
                ("owner", &meta.uid()),
                ("mode", &format_args!("{:04o}", meta.mode() & 0o7777)),
            ],
        ),
    ))
}

/// The user id of this process.
fn own_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

/// The name of the user, for `updated_by` and concern history: `$USER`, else
/// `$LOGNAME`, else the passwd entry of the process's user id.
pub fn user_name() -> String {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .or_else(|| std::env::var("LOGNAME").ok().filter(|u| !u.is_empty()))
        .or_else(passwd_name)
        .unwrap_or_else(|| "unbekannt".to_owned())
}

fn passwd_name() -> Option<String> {
    account_name(own_uid()?)
}

/// The account name of `uid` from `/etc/passwd`.
pub fn account_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id: u32 = fields.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_owned())
    })
}

/// The name of group `gid` from `/etc/group`, else its number.
pub fn group_name(gid: u32) -> String {
    std::fs::read_to_string("/etc/group")
        .ok()
        .and_then(|groups| {
            groups.lines().find_map(|line| {
                let mut fields = line.split(':');
                let name = fields.next()?;
                let id: u32 = fields.nth(1)?.parse().ok()?;
                (id == gid).then(|| name.to_owned())
            })
        })
        .unwrap_or_else(|| gid.to_string())
}

/// A path as typed: a leading `~` or `~/` means the home directory (as a
/// shell would expand it); anything else is taken as it is.
pub fn expand_tilde(typed: &str) -> std::path::PathBuf {
    let home = || std::env::var_os("HOME").filter(|h| !h.is_empty());
    match typed.strip_prefix('~') {
        Some("") => home().map_or_else(|| typed.into(), Into::into),
        Some(rest) if rest.starts_with('/') => home().map_or_else(
            || typed.into(),
            |h| std::path::PathBuf::from(h).join(rest.trim_start_matches('/')),
        ),
        _ => typed.into(),
    }
}
