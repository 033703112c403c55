//! The data file a command works on, and the commands that create one:
//! `init` (the bundled dataset) and `demo --write` (a generated archive).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CliError, CliResult, Done};
use crate::store;

/// `fachmk init PATH`.
pub fn init(path: &Path, err: &mut dyn Write) -> CliResult {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| CliError::CreateDir {
            dir: parent.to_owned(),
            source,
        })?;
    }
    store::write_new(path, store::BUNDLED_JSON.as_bytes())?;
    let _ = writeln!(
        err,
        "{}",
        crate::i18n::tf("cli.bundled-written", &[("path", &path.display())])
    );
    Ok(Done::Complete)
}

/// Loads `path` for a command.
pub(super) fn load_for_command(path: &Path) -> Result<store::Loaded, CliError> {
    Ok(store::load_file(path)?)
}

/// The data file to use: `--file`/`FACHMK_FILE`, else the default one, which is
/// created from the bundled dataset on first use (said on `err`).
pub(super) fn data_file(asked: Option<&Path>, err: &mut dyn Write) -> Result<PathBuf, CliError> {
    let path = match asked {
        Some(path) => path.to_owned(),
        None => default_data_file(err)?,
    };
    // Refused here, before the screen or a command would try to read it.
    if let Some(what) = store::read::not_regular(&path) {
        return Err(store::LoadError::NotRegular { path, what }.into());
    }
    Ok(path)
}

/// The default data file, created from the bundled dataset on first use.
fn default_data_file(err: &mut dyn Write) -> Result<PathBuf, CliError> {
    let path = store::paths::default_data_file().ok_or(CliError::NoDataDir)?;
    if !path.exists() {
        if let Some(dir) = path.parent() {
            store::paths::create_private_dir(dir).map_err(|source| CliError::CreateDir {
                dir: dir.to_owned(),
                source,
            })?;
        }
        match store::write_new(&path, store::BUNDLED_JSON.as_bytes()) {
            Ok(()) => {
                let _ = writeln!(
                    err,
                    "{}",
                    crate::i18n::tf("cli.new-data-file", &[("path", &path.display())])
                );
            }
            Err(store::SaveError::Exists { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(path)
}

/// `fachmk demo --write FILE`: writes a generated archive to a new file.
pub fn demo(path: &Path, size: crate::demo::DemoSize, err: &mut dyn Write) -> CliResult {
    let data = crate::demo::archive(size);
    let bytes = store::to_bytes(&data, path)?;
    store::write_new(path, &bytes)?;
    let _ = writeln!(
        err,
        "{}",
        crate::i18n::tf(
            "cli.demo-written",
            &[
                ("path", &path.display()),
                ("sessions", &data.sessions.len()),
                ("concerns", &data.concerns.len()),
                ("kb", &(bytes.len() / 1000))
            ]
        )
    );
    Ok(Done::Complete)
}
