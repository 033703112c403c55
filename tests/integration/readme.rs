//! The README stays true: its key table is made from the keymap and its screens
//! are the real rendering. This test fails when they differ;
//! `FACHMK_BLESS=1 cargo test --test integration readme::` rewrites them.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::common::{press, type_text};
use fachmk::app::{App, HELP_LAYERS, Keymap, Layer};
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::from("```\n");
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            line.push_str(buffer[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.push_str("```\n");
    text
}

/// Every layer's keys, as the help screen lists them, with the names the
/// configuration's `[keys]` uses; and the help screen's own (`[keys.help]`),
/// which `fachmk config --print` lists and the configuration may rebind too.
fn key_table(keymap: &Keymap) -> String {
    let mut text = String::new();
    for layer in HELP_LAYERS.into_iter().chain([Layer::Help]) {
        let _ = write!(
            text,
            "\n**{}** (`[keys.{}]`)\n\n| Keys | Action | Name |\n|---|---|---|\n",
            layer.title(),
            fachmk::config::layer_name(layer)
        );
        for action in keymap.actions(layer) {
            let keys: Vec<String> = keymap
                .keys_for(layer, action)
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            let _ = writeln!(
                text,
                "| {} | {} | `{}` |",
                keys.join(" "),
                action.describe(),
                fachmk::config::action_name(action)
            );
        }
    }
    text.push('\n');
    text
}

/// Replaces what stands between `<!-- NAME -->` and `<!-- /NAME -->`.
fn replace_between(readme: &str, name: &str, body: &str) -> String {
    let open = format!("<!-- {name} -->\n");
    let close = format!("<!-- /{name} -->");
    let start = readme
        .find(&open)
        .unwrap_or_else(|| panic!("README lacks {open}"))
        + open.len();
    let end = readme[start..].find(&close).unwrap() + start;
    format!("{}{body}{}", &readme[..start], &readme[end..])
}

#[test]
fn readme_shows_the_real_keys_and_screens() {
    let readme = std::fs::read_to_string(README).unwrap();
    let data = fachmk::store::bundled();
    let mut app = App::new(
        data,
        crate::common::today(),
        crate::common::fixed_now(),
        "readme",
        Some(48),
    );
    let mut expected = replace_between(&readme, "keys", &key_table(&app.keymap));
    expected = replace_between(&expected, "screen-main", &screen(&mut app, 80, 24));
    type_text(&mut app, "j"); // IMK
    type_text(&mut app, "w");
    type_text(&mut app, "y");
    type_text(&mut app, "Regelmäßiger Austausch über die Geschäftsstelle");
    expected = replace_between(&expected, "screen-walkthrough", &screen(&mut app, 80, 24));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "/regist");
    expected = replace_between(&expected, "screen-search", &screen(&mut app, 80, 24));
    if std::env::var_os("FACHMK_BLESS").is_some() {
        std::fs::write(README, &expected).unwrap();
    }
    assert!(
        readme == expected,
        "README.md is stale: run FACHMK_BLESS=1 cargo test --test integration readme::"
    );
}
