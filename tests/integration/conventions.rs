//! Conventions of well-kept terminal programs: NO_COLOR, themes, completions, a man page.
#![allow(clippy::unwrap_used)]

use crate::common::{app, type_text};
use fachmk::ui::{self, Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn colours_used(app: &fachmk::app::App, theme: &Theme) -> usize {
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(app, f, theme)).unwrap();
    t.backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count()
}

#[test]
fn no_color_means_no_colour_anywhere_but_state_stays_visible() {
    let theme = Theme::named(ThemeName::Default, true);
    let mut app = app();
    assert!(
        colours_used(&app, &Theme::default()) > 0,
        "the default theme does use colour"
    );
    for keys in ["", "w", "y", "\u{1b}/reg", "\u{1b}r", "\u{1b}h"] {
        type_text(&mut app, keys);
        assert_eq!(colours_used(&app, &theme), 0, "colour after {keys:?}");
    }
    assert_eq!(
        Theme::named(ThemeName::Monochrome, false).selected,
        theme.selected
    );
    assert!(
        Theme::named(ThemeName::HighContrast, false)
            .selected
            .bg
            .is_some()
    );
}

#[test]
fn no_color_in_the_real_program() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("d.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let mut pty = crate::common::pty::Pty::spawn_with_env(
        home.path(),
        &["--file", file.to_str().unwrap()],
        &[("NO_COLOR", "1")],
    );
    pty.wait_for("Konferenzen");
    pty.send("-");
    pty.wait_for("kein Bericht");
    assert_eq!(pty.coloured_cells(), 0);
    pty.send("q");
    pty.wait_for("Ungespeicherte");
    pty.send("d");
    pty.wait_exit();
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = assert_cmd::Command::cargo_bin("fachmk")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("fachmk") && text.contains("export"),
            "{shell}"
        );
    }
    let out = assert_cmd::Command::cargo_bin("fachmk")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH fachmk"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains("Reporting FachMK"));
}

/// What a user gets after `source <(fachmk completions bash)`: Tab completes
/// subcommands and the values of options.
#[test]
fn bash_completes_after_sourcing_the_completions() {
    let bin = env!("CARGO_BIN_EXE_fachmk");
    let script = format!(
        "source <({bin} completions bash)
COMP_WORDS=(fachmk exp); COMP_CWORD=1; _fachmk fachmk exp fachmk; echo \"${{COMPREPLY[@]}}\"
COMP_WORDS=(fachmk export --format ''); COMP_CWORD=3; _fachmk fachmk '' --format; echo \"${{COMPREPLY[@]}}\"
COMP_WORDS=(fachmk --th); COMP_CWORD=1; _fachmk fachmk --th fachmk; echo \"${{COMPREPLY[@]}}\""
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, ["export", "md json ics csv", "--theme"], "{text}");
}
