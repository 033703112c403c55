//! Each layer as a new user meets it at 80×24: the help goes back to the layer
//! it was opened over, hint lines name every key that acts, the review's text
//! reads as a reader sees it.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use crate::snapshots::resized_and_drawn as draw;
use fachmk::app::{App, Layer};
use ratatui::crossterm::event::KeyCode;

/// The screen's second row: the title of a full-width overlay.
fn title(app: &mut App) -> String {
    draw(app, 80, 24).lines().nth(1).unwrap().to_owned()
}

#[test]
fn the_help_closes_back_to_the_layer_it_was_opened_over() {
    // (keys that open the layer, a word of its title, its layer)
    for (open, word, layer) in [
        ("h", "Verlauf", Layer::View),
        ("d", "Nachbesprechung", Layer::View),
        ("B", "Beschlüsse", Layer::View),
        ("r", "Übersicht", Layer::Review),
    ] {
        let mut app = app();
        type_text(&mut app, open);
        let before = title(&mut app);
        assert!(before.contains(word), "{open}: {before}");
        type_text(&mut app, "?");
        assert_eq!(app.layer(), Layer::Help, "{open}");
        let over = draw(&mut app, 80, 24);
        assert!(over.contains("Hilfe"), "{open}:\n{over}");
        // The layer stays drawn under the help.
        assert!(
            over.lines().nth(1).unwrap().contains(word),
            "{open}:\n{over}"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.layer(), layer, "{open}");
        assert_eq!(title(&mut app), before, "{open}");
        // `?` and `q` close it the same way.
        for close in ["?", "q"] {
            type_text(&mut app, "?");
            type_text(&mut app, close);
            assert_eq!(app.layer(), layer, "{open} {close}");
        }
        // And Esc there goes on to the main view.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.layer(), Layer::Main, "{open}");
    }
    // Over the walkthrough, the walkthrough keeps the focus drawn.
    let mut app = app();
    type_text(&mut app, "w?");
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("╔▸Durchgang") && !screen.contains("╔▸Konferenzen"),
        "{screen}"
    );
}

#[test]
fn the_quit_dialog_and_its_hint_line_name_esc_alike() {
    let mut app = app();
    type_text(&mut app, "-"); // no exchange: a change, unsaved
    type_text(&mut app, "q");
    assert_eq!(app.layer(), Layer::Dialog);
    let screen = draw(&mut app, 80, 24);
    let hint = screen.lines().last().unwrap();
    assert!(hint.contains("Esc abbrechen"), "{hint}");
    let options = screen
        .lines()
        .find(|l| l.contains("s speichern und beenden"))
        .unwrap();
    assert!(options.contains("Esc abbrechen"), "{screen}");
    assert!(!screen.contains("weiterarbeiten"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
}

/// Every hint the layer's table has for an action that acts there, in the
/// hint line drawn at `width` (the arrows may give way).
fn all_hints_shown(app: &mut App, width: u16) {
    let line = draw(app, width, 24).lines().last().unwrap().to_owned();
    let hints = app.keymap.hints(app.layer());
    for hint in hints.iter().filter(|h| app.offers(h.action)) {
        if hint.key == "↑↓" {
            continue;
        }
        let shown = format!("{} {}", hint.key, hint.text);
        assert!(
            line.contains(&shown),
            "{:?} at {width}: {shown} missing in {line}",
            app.layer()
        );
    }
}

#[test]
fn the_reviews_hint_line_names_every_key_that_acts_at_80_columns() {
    use fachmk::i18n::{Lang, set};
    for language in [Lang::De, Lang::En] {
        set(language);
        let mut app = app();
        type_text(&mut app, "r");
        assert_eq!(app.layer(), Layer::Review);
        all_hints_shown(&mut app, 80);
        let line = draw(&mut app, 80, 24).lines().last().unwrap().to_owned();
        assert!(line.contains("b "), "{line}");
        // Wide enough, the arrows are named too.
        let wide = draw(&mut app, 120, 24).lines().last().unwrap().to_owned();
        assert!(wide.contains("↑↓"), "{wide}");
    }
    set(Lang::De);
}

#[test]
fn the_other_layers_hint_lines_name_every_key_that_acts_at_80_columns() {
    use fachmk::i18n::{Lang, set};
    for language in [Lang::De, Lang::En] {
        set(language);
        for open in ["s", "/", "d", "B", "h", "c", "p", "w", "wy"] {
            let mut app = app();
            type_text(&mut app, open);
            assert_ne!(app.layer(), Layer::Main, "{open}");
            all_hints_shown(&mut app, 80);
        }
        // Each step of a walkthrough: questions, concerns, decisions, presenter.
        let mut app = app();
        crate::common::select_conference(&mut app, "IMK");
        type_text(&mut app, "wy");
        for _ in 0..12 {
            all_hints_shown(&mut app, 80);
            press(&mut app, KeyCode::Tab);
        }
    }
    set(Lang::De);
}

#[test]
fn the_reviews_preview_reads_as_printed_and_its_lines_hang_at_80_columns() {
    let mut app = app();
    type_text(&mut app, "r");
    assert_eq!(app.layer(), Layer::Review);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&draw(&mut app, 80, 24));
        press(&mut app, KeyCode::PageDown);
    }
    assert!(seen.contains("TOP __ · Reporting FachMK"), "{seen}");
    for markup in ["\\_", "# TOP", "## ", "| --- |", "**"] {
        assert!(!seen.contains(markup), "{markup}:\n{seen}");
    }
    // Inside the frame: a gap's second row hangs under its text, no row
    // starts with a space it does not need.
    let inner: Vec<String> = draw(&mut app, 80, 24)
        .lines()
        .chain(seen.lines())
        .filter_map(|l| l.trim_matches('"').strip_prefix('│'))
        .map(|l| l.trim_end_matches([' ', '│']).to_owned())
        .collect();
    // WMK's gaps and its Hinweis take two rows.
    let gap = inner.iter().position(|l| l.starts_with("  WMK: ")).unwrap();
    assert!(
        inner[gap + 1].starts_with("    Leitfragen"),
        "{:?}",
        &inner[gap..gap + 2]
    );
    for row in &inner {
        let text = row.trim_start();
        let indent = row.len() - text.len();
        assert!(matches!(indent, 0 | 2 | 4), "{row:?}");
    }
}

#[test]
fn the_sessions_list_keeps_a_column_clear_of_its_border_at_80_columns() {
    let mut app = app();
    type_text(&mut app, "s");
    assert_eq!(app.layer(), Layer::Sessions);
    let screen = draw(&mut app, 80, 24);
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(". Sitzung  "))
        .collect();
    assert!(rows.len() >= 9, "{screen}");
    assert!(
        rows.iter().any(|r| r.contains("vor dem TOP Reporting")),
        "{screen}"
    );
    for row in rows {
        // The list's right border, and a blank column before it.
        let chars: Vec<char> = row.trim_matches('"').chars().collect();
        let border = chars.iter().rposition(|c| *c == '│').unwrap();
        let inner = chars.iter().position(|c| *c == '│').unwrap();
        let list_border = chars[inner + 1..border]
            .iter()
            .position(|c| *c == '│')
            .map_or(border, |p| inner + 1 + p);
        assert_eq!(chars[list_border - 1], ' ', "{row}");
    }
}

/// The conference list's row of `id` at 80×24.
fn conference_row(app: &mut App, id: &str) -> String {
    draw(app, 80, 24)
        .lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap()
        .to_owned()
}

#[test]
fn another_conference_opens_while_a_walkthrough_is_paused_which_stays_resumable_and_marked() {
    use fachmk::app::Step;
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "wy");
    type_text(&mut app, "Halb fertig");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
    assert!(conference_row(&mut app, "IMK").contains('‖'));
    // FMK, the next row: Enter starts its own walkthrough.
    type_text(&mut app, "j");
    assert_eq!(app.conference_id(), "FMK");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.layer(), Layer::Walkthrough);
    let w = app.walkthrough.as_ref().unwrap();
    assert_eq!((w.conference.as_str(), &w.step), ("FMK", &Step::Exchange));
    assert!(draw(&mut app, 80, 24).contains("Durchgang · FMK"));
    // IMK stays marked while FMK's runs; once paused, both are.
    assert!(conference_row(&mut app, "IMK").contains('‖'));
    assert!(!conference_row(&mut app, "FMK").contains('‖'));
    press(&mut app, KeyCode::Esc);
    assert!(conference_row(&mut app, "FMK").contains('‖'));
    // `w` on IMK resumes it where it was paused, with the text.
    type_text(&mut app, "k");
    type_text(&mut app, "w");
    let w = app.walkthrough.as_ref().unwrap();
    assert_eq!(
        (w.conference.as_str(), &w.step),
        ("IMK", &Step::Question("Q1".into()))
    );
    assert_eq!(app.editor.as_ref().unwrap().content(), "Halb fertig");
    assert!(!conference_row(&mut app, "IMK").contains('‖'));
    assert!(conference_row(&mut app, "FMK").contains('‖'));
    // And `w` on FMK, later, resumes FMK.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "jw");
    assert_eq!(app.walkthrough.as_ref().unwrap().conference, "FMK");
    // Enter on EJR's speakers opens its presenter step; FMK waits.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "j");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let w = app.walkthrough.as_ref().unwrap();
    assert_eq!((w.conference.as_str(), &w.step), ("EJR", &Step::Presenter));
    assert!(conference_row(&mut app, "FMK").contains('‖'));
}

#[test]
fn an_exchange_said_to_be_unknown_shows_in_the_conference_list() {
    let mut app = app();
    crate::common::select_conference(&mut app, "EJR"); // no report yet
    assert!(conference_row(&mut app, "EJR").contains("offen"));
    type_text(&mut app, "wx"); // "Noch unbekannt – später klären"
    press(&mut app, KeyCode::Esc);
    let row = conference_row(&mut app, "EJR");
    assert!(row.contains("? EJR") && row.contains("unbekannt"), "{row}");
    // One undo step takes it back.
    type_text(&mut app, "u");
    let row = conference_row(&mut app, "EJR");
    assert!(row.contains("offen") && !row.contains("unbekannt"), "{row}");
}

#[test]
fn a_concerns_title_in_the_walkthrough_wraps_under_itself_at_80_columns() {
    use fachmk::app::Step;
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "wy");
    for _ in 0..12 {
        if matches!(app.walkthrough.as_ref().unwrap().step, Step::Concern(_)) {
            break;
        }
        press(&mut app, KeyCode::Tab);
    }
    let screen = draw(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("● Anliegen A-0001: Erprobungsprojekt"))
        .unwrap();
    // The panel's text: after the walkthrough's left border.
    let panel = |line: &str| -> String {
        let chars: Vec<char> = line.trim_matches('"').chars().collect();
        let left = chars.iter().position(|c| *c == '║').unwrap();
        chars[left + 1..]
            .iter()
            .take_while(|c| **c != '║')
            .collect()
    };
    assert!(panel(lines[at]).starts_with("● Anliegen"), "{screen}");
    let next = panel(lines[at + 1]);
    assert!(
        next.starts_with("  für") || next.starts_with("  Meldewesen"),
        "{next:?}\n{screen}"
    );
}

#[test]
fn the_conflict_dialogs_choices_are_in_the_screens_language() {
    use fachmk::i18n::{Lang, set};
    let mut app = app();
    let base = (*app.data).clone();
    let mut sides = [base.clone(), base.clone()];
    for (side, text) in sides.iter_mut().zip(["meine Fassung", "ihre Fassung"]) {
        let report = side.session_mut(48).unwrap().report_mut("WMK");
        report.answers.insert("Q1".into(), text.into());
    }
    let merged = fachmk::store::sync::merge_datasets(&base, &sides[0], &sides[1]).unwrap();
    app.show_conflicts(
        merged,
        fachmk::app::AfterConflicts::Save { then_quit: false },
    );
    let choices = |app: &mut App| {
        draw(app, 100, 30)
            .lines()
            .find(|l| l.contains("m ") && l.contains("t "))
            .unwrap()
            .to_owned()
    };
    let german = choices(&mut app);
    assert!(
        german.contains("m meine") && german.contains("b beide"),
        "{german}"
    );
    set(Lang::En);
    let english = choices(&mut app);
    set(Lang::De);
    assert!(
        english.contains("m mine") && english.contains("b both"),
        "{english}"
    );
    assert!(
        !english.contains("meine") && !english.contains("beide"),
        "{english}"
    );
}
