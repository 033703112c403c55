//! Git as the team's distribution: `fachmk merge`, git's merge driver, and the
//! merge conflicts it leaves in a file for `check` to list and `export` to refuse.

use std::io::Write;
use std::path::Path;

use super::{CliError, CliResult, Done};
use crate::domain::Dataset;
use crate::store;

/// Lists the merge conflicts left open in `data` on `out`, one line each, with
/// how to decide them; returns how many there are.
pub(super) fn list_open_conflicts(path: &Path, data: &Dataset, out: &mut dyn Write) -> usize {
    let conflicts = store::sync::open_conflicts(data);
    for c in &conflicts {
        let _ = writeln!(
            out,
            "{}",
            crate::i18n::tf("cli.open-conflict", &[("what", c)])
        );
    }
    if !conflicts.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            crate::i18n::tn(
                "cli.conflicts-left",
                conflicts.len(),
                &[("path", &path.display())]
            )
        );
    }
    conflicts.len()
}

/// Refuses (exit 65) while merge conflicts are open in `data`, naming each.
pub(super) fn refuse_open_conflicts(path: &Path, data: &Dataset) -> Result<(), CliError> {
    let conflicts = store::sync::open_conflicts(data);
    if conflicts.is_empty() {
        return Ok(());
    }
    Err(CliError::OpenConflicts {
        path: path.to_owned(),
        conflicts,
    })
}

/// `fachmk merge BASE OURS THEIRS [NAME]`: git's merge driver (`%O %A %B %P`). Writes the
/// merged file into OURS. Exit 0 when clean; 1 when fields conflict — OURS then
/// holds the merge (with our values) and the conflicts under `merge_conflicts`,
/// which `fachmk --file OURS` offers to decide.
///
/// git passes its own temporary files; `name` (git's `%P`) is the data file's
/// name in the repository, and every message names that instead.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&Path>,
    err: &mut dyn Write,
) -> CliResult {
    let shown = name.unwrap_or(ours);
    // Messages name the data file and the side, not git's `.merge_file_…`.
    let named = |message: String, file: &Path, side: &str| match name {
        Some(name) => message.replace(
            &file.display().to_string(),
            &crate::i18n::tf(side, &[("name", &name.display())]),
        ),
        None => message,
    };
    // Each input that cannot be read is named, not only the first.
    let mut unreadable = Vec::new();
    let mut load = |p: &Path, side: &str| {
        store::load_file(p)
            .map_err(|e| unreadable.push(named(e.to_string(), p, side)))
            .ok()
    };
    let (b, o, t) = (
        load(base, "cli.merge-side-base"),
        load(ours, "cli.merge-side-ours"),
        load(theirs, "cli.merge-side-theirs"),
    );
    let (Some(b), Some(o), Some(t)) = (b, o, t) else {
        return Err(CliError::MergeInput(unreadable));
    };
    let merged = store::sync::merge_datasets(&b.data, &o.data, &t.data)?;
    let conflicts = merged.conflicts.len();
    let bytes = if conflicts == 0 {
        store::sync::from_value(merged.value)
            .and_then(|d| store::to_bytes(&d, ours).map_err(Into::into))
    } else {
        let mut value = merged.value.clone();
        if let Some(map) = value.as_object_mut() {
            map.insert(
                store::merge::CONFLICTS_KEY.to_owned(),
                serde_json::to_value(&merged.conflicts).unwrap_or_default(),
            );
        }
        serde_json::to_vec_pretty(&value)
            .map(|mut v| {
                v.push(b'\n');
                v
            })
            .map_err(|e| store::sync::SyncError::Merge(e.to_string()))
    };
    let written = bytes
        .map_err(|e| e.to_string())
        .and_then(|b| store::save(ours, &b, 0).map_err(|e| e.to_string()));
    if let Err(e) = written {
        return Err(CliError::MergeWrite(named(e, ours, "cli.merge-side-ours")));
    }
    if conflicts == 0 {
        Ok(Done::Complete)
    } else {
        for c in &merged.conflicts {
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf("cli.conflict", &[("what", &c.describe())])
            );
        }
        let _ = writeln!(
            err,
            "{}",
            crate::i18n::tn(
                "cli.conflicts-left",
                conflicts,
                &[("path", &shown.display())]
            )
        );
        Ok(Done::Incomplete)
    }
}
