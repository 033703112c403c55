//! Errors of loading and saving, each a clear German sentence: what, where, what to do.

use std::path::PathBuf;

use thiserror::Error;

/// Why a data file could not be read. A file that failed to load is never written.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: Die Datei gibt es nicht. Legen Sie sie mit „fachmk init {path}“ an.")]
    NotFound { path: PathBuf },
    #[error("{path}: Die Datei kann nicht gelesen werden ({source}). Prüfen Sie Pfad und Rechte.")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: Die Datei ist mit {size} Bytes zu groß (höchstens {max} Bytes). Ist es die richtige Datei?"
    )]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error(
        "{path}: Die Datei ist leer. Stellen Sie eine Sicherung wieder her (z. B. {path}.bak) oder legen Sie sie mit „fachmk init“ neu an."
    )]
    Empty { path: PathBuf },
    #[error(
        "{path}, Zeile {line}, Spalte {column}: Die Datei ist kein gültiges UTF-8. Speichern Sie sie als UTF-8 oder stellen Sie eine Sicherung wieder her."
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error(
        "{path}, Zeile {line}, Spalte {column}: {what}. Korrigieren Sie die Stelle oder stellen Sie eine Sicherung wieder her (z. B. {path}.bak)."
    )]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        what: String,
    },
    #[error("{path}: Das ist keine fachmk-Datei ({what}).")]
    ForeignFormat { path: PathBuf, what: String },
    #[error(
        "{path}: Die Datei hat Version {found}; dieses Programm kennt nur Version {supported}. Verwenden Sie eine neuere Version von fachmk."
    )]
    UnsupportedVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
}

impl LoadError {
    /// The position (line, column) the error points at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column, .. } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// Why a save did not happen. The file on disk is then as it was.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error(
        "{path}: Die Datei hat eine neuere Version ({found}); dieses Programm speichert sie nicht, damit nichts verloren geht."
    )]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{path}: gibt es schon; sie wird nicht überschrieben.")]
    Exists { path: PathBuf },
    #[error(
        "{path}: Speichern fehlgeschlagen ({source}). Die Datei ist unverändert; prüfen Sie die Rechte oder speichern Sie unter anderem Namen."
    )]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: Die Daten lassen sich nicht schreiben ({source}).")]
    Serialize {
        path: PathBuf,
        source: serde_json::Error,
    },
}
