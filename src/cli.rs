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
    /// Farbschema (Vorgabe: aus der Konfiguration, sonst default); NO_COLOR
    /// (gesetzt) schaltet alle Farben ab
    #[arg(long, global = true, value_enum, env = "FACHMK_THEME")]
    pub theme: Option<crate::ui::ThemeName>,
    /// Sprache der Oberfläche: de oder en (Vorgabe: aus der Konfiguration, sonst
    /// nach LC_ALL/LC_MESSAGES/LANG, sonst de); Exporte nur mit --lang en englisch
    #[arg(long, global = true, value_enum, value_name = "SPRACHE")]
    pub lang: Option<crate::i18n::Lang>,
    /// Konfigurationsdatei (Vorgabe: $XDG_CONFIG_HOME/fachmk/config.toml)
    #[arg(long, global = true, env = "FACHMK_CONFIG", value_name = "PFAD")]
    pub config: Option<PathBuf>,
    /// Wie viel die Protokolldatei festhält (Vorgabe: aus der Konfiguration, sonst info)
    #[arg(
        long,
        global = true,
        value_enum,
        env = "FACHMK_LOG",
        value_name = "STUFE"
    )]
    pub log_level: Option<crate::config::LogLevel>,
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
    /// Öffnet die Oberfläche auf einem erzeugten großen Archiv in einer temporären
    /// Datei (zum Ausprobieren und Messen), oder schreibt es mit --write
    Demo {
        /// Schreibt das Archiv in DATEI, statt die Oberfläche zu öffnen
        #[arg(long, value_name = "DATEI")]
        write: Option<PathBuf>,
        /// Zahl der erzeugten Sitzungen
        #[arg(long, default_value_t = 60)]
        sessions: u32,
        /// Zahl der erzeugten Anliegen
        #[arg(long, default_value_t = 12_000)]
        concerns: u32,
        /// Startwert des Zufallsgenerators (gleicher Wert, gleiches Archiv)
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Sucht unscharf (wie „/“ in der Oberfläche) und gibt die besten Treffer aus
    Search {
        /// Suchbegriff
        query: String,
        /// Zeilen von der Standardeingabe durchsuchen statt der Datendatei (wie fzf --filter)
        #[arg(long)]
        stdin: bool,
        /// Höchstens so viele Treffer
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Alle durchsuchbaren Einträge ausgeben, eine Zeile je Eintrag
        #[arg(long, conflicts_with = "stdin")]
        list: bool,
    },
    /// Gibt die Vervollständigung für eine Shell aus, z. B. „source <(fachmk completions bash)“
    Completions {
        /// bash, zsh, fish, powershell, elvish
        shell: clap_complete::Shell,
    },
    /// Gibt die Handbuchseite (roff) aus, z. B. „fachmk man | man -l -“
    Man,
    /// Zeigt die Konfiguration (Exit 78, wenn sie fehlerhaft ist)
    Config {
        /// Die wirksame Konfiguration mit allen Vorgaben, als TOML
        #[arg(long, conflicts_with = "path")]
        print: bool,
        /// Wo die Konfigurationsdatei liegt (oder liegen würde)
        #[arg(long)]
        path: bool,
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
