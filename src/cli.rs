//! The command line (clap derive). Help texts are German like the program.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// fachmk — bereitet den Tagesordnungspunkt „Reporting FachMK“ des IT-Planungsrats vor.
#[derive(Debug, Parser)]
#[command(name = "fachmk", version, about, long_about = None)]
pub struct Cli {
    /// Datendatei (Vorgabe: $XDG_DATA_HOME/fachmk/fachmk.json)
    #[arg(
        long,
        short = 'f',
        env = "FACHMK_FILE",
        global = true,
        value_name = "PFAD"
    )]
    pub file: Option<PathBuf>,
    /// Sitzungsnummer (Vorgabe: die nächste anstehende, sonst die letzte)
    #[arg(long, short = 's', global = true, value_name = "NR")]
    pub session: Option<u32>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Schreibt den mitgelieferten Datenbestand in eine neue Datei (überschreibt nie)
    Init {
        /// Die neue Datei
        path: PathBuf,
    },
    /// Prüft die Datei und listet, was für die Sitzung noch fehlt
    /// (Exit 0 vollständig, 1 unvollständig, 65 Datei fehlerhaft)
    Check,
    /// Exportiert die Vorbereitung einer Sitzung
    Export {
        /// Format: md (Tischvorlage), json, ics (Kalender) oder csv (Anliegen)
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Zieldatei (Vorgabe: Standardausgabe)
        #[arg(long, short = 'o', value_name = "DATEI")]
        output: Option<PathBuf>,
    },
    /// Führt zwei Fassungen der Datendatei datensatzweise zusammen (Git-Merge-Treiber:
    /// „fachmk merge %O %A %B“); das Ergebnis steht danach in OURS
    Merge {
        /// Gemeinsamer Ursprung (%O)
        base: PathBuf,
        /// Unsere Fassung; erhält das Ergebnis (%A)
        ours: PathBuf,
        /// Die andere Fassung (%B)
        theirs: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Tischvorlage als Markdown
    Md,
    /// Die vorbereitete Sitzung als JSON, mit aufgelösten Namen
    Json,
    /// Sitzung und Nachbesprechung als Kalender (iCalendar)
    Ics,
    /// Die Anliegen als Tabelle für Excel (UTF-8, Semikolon)
    Csv,
}
