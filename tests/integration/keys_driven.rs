//! Defects found by a new user, each driven by keys against the drawn screen:
//! help, hint line, the walkthrough's last step, Esc on new items, undo to the
//! saved state, the too-small window, names and wrapping, export paths.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use crate::snapshots::resized_and_drawn as draw;
use fachmk::app::App;
use ratatui::crossterm::event::KeyCode;

/// The rows inside the topmost popup (whose top left corner is the last row's
/// first `╭`, the layer under it drawn first): the text after its left border,
/// up to its right border, trailing spaces cut.
fn rows(screen: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen
        .lines()
        .map(|l| l.trim_matches('"').chars().collect())
        .collect();
    let Some((top, left)) = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.iter().position(|c| *c == '╭').map(|j| (i, j)))
        .next_back()
    else {
        return Vec::new();
    };
    lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) == Some(&'│'))
        .map(|l| {
            let inner: String = l[left + 1..].iter().take_while(|c| **c != '│').collect();
            inner.trim_end().to_owned()
        })
        .collect()
}

#[test]
fn help_reaches_its_last_line_at_any_size_and_moves_with_home_end_g_and_shift_g() {
    for (w, h) in [(80, 24), (60, 16), (100, 30), (120, 40), (200, 60)] {
        let mut app = app();
        type_text(&mut app, "?");
        let first = draw(&mut app, w, h);
        assert!(first.contains("Hauptansicht"), "{w}×{h}:\n{first}");
        press(&mut app, KeyCode::End);
        let end = draw(&mut app, w, h);
        // The last entry: Ctrl-C in dialogs.
        let last = rows(&end)
            .into_iter()
            .rfind(|r| r.contains("^C"))
            .unwrap_or_default();
        assert!(last.contains("^C"), "{w}×{h}: no last entry:\n{end}");
        if h >= 24 {
            assert!(end.contains("Rückfrage"), "{w}×{h}:\n{end}");
        }
        // Already at the end: Down changes nothing; Up moves.
        press(&mut app, KeyCode::Down);
        assert_eq!(draw(&mut app, w, h), end, "{w}×{h}");
        press(&mut app, KeyCode::Up);
        if h < 40 {
            assert_ne!(draw(&mut app, w, h), end, "{w}×{h}");
        }
        press(&mut app, KeyCode::Home);
        assert_eq!(draw(&mut app, w, h), first, "{w}×{h}");
        type_text(&mut app, "G");
        assert_eq!(draw(&mut app, w, h), end, "{w}×{h}");
        type_text(&mut app, "g");
        assert_eq!(draw(&mut app, w, h), first, "{w}×{h}");
    }
}

#[test]
fn help_lines_keep_a_hanging_indent_and_never_start_with_a_space_inside() {
    let mut app = app();
    type_text(&mut app, "?");
    let mut all = Vec::new();
    for _ in 0..20 {
        all.extend(rows(&draw(&mut app, 60, 16)));
        press(&mut app, KeyCode::PageDown);
    }
    // The view's long heading wraps, its second row indented.
    assert!(
        all.iter()
            .any(|r| r.starts_with("Ansichten: Nachbesprechung")),
        "{all:#?}"
    );
    let wrapped = all
        .iter()
        .position(|r| r.starts_with("Ansichten: Nachbesprechung"))
        .unwrap();
    assert!(all[wrapped + 1].starts_with("  ") && !all[wrapped + 1].starts_with("   "));
    // A description that wraps goes on under itself, not under the keys.
    let long = all
        .iter()
        .position(|r| r.contains("Programm beenden (fragt bei"))
        .unwrap();
    assert!(
        all[long + 1].starts_with(&" ".repeat(18)),
        "{:?}",
        &all[long..=long + 1]
    );
    assert!(
        !all[long + 1].starts_with(&" ".repeat(19)),
        "{:?}",
        &all[long..=long + 1]
    );
}

#[test]
fn question_mark_opens_the_help_at_the_current_layers_section() {
    let mut app = app();
    type_text(&mut app, "w");
    type_text(&mut app, "?");
    let screen = draw(&mut app, 80, 24);
    let rows = rows(&screen);
    assert_eq!(rows[0], "Durchgang", "{screen}");
    assert!(!screen.contains("Hauptansicht"), "{screen}");
    // Esc goes back to the walkthrough.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), fachmk::app::Layer::Walkthrough);
    // From a view, at the views' keys.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "B?");
    let screen = draw(&mut app, 80, 24);
    assert!(rows_contain(&screen, "Ansichten:"), "{screen}");
    assert!(!screen.contains("Hauptansicht"), "{screen}");
}

fn rows_contain(screen: &str, start: &str) -> bool {
    rows(screen).iter().any(|r| r.starts_with(start))
}

/// The hint line: the screen's last row.
fn hint_line(app: &mut App) -> String {
    draw(app, 120, 40).lines().last().unwrap().to_owned()
}

/// Tab through the walkthrough until `step`.
fn walk_to(app: &mut App, step: &fachmk::app::Step) {
    for _ in 0..40 {
        if app.walkthrough.as_ref().map(|w| &w.step) == Some(step) {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("never reached {step:?}");
}

#[test]
fn the_hint_line_offers_only_keys_that_act_in_the_layer_and_step() {
    use fachmk::app::Step;
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "w");
    let exchange = hint_line(&mut app);
    assert!(
        exchange.contains("y ja") && exchange.contains("n nein"),
        "{exchange}"
    );
    for step in [Step::Decisions, Step::Presenter] {
        walk_to(&mut app, &step);
        let line = hint_line(&mut app);
        assert!(
            !line.contains("y ja") && !line.contains("n nein"),
            "{step:?}: {line}"
        );
        assert!(line.contains("Tab weiter"), "{step:?}: {line}");
    }
    press(&mut app, KeyCode::Esc);
    // The history view: no new entry, no note, nothing to mark held.
    type_text(&mut app, "h");
    let history = hint_line(&mut app);
    for absent in ["a neu", "e Notiz", "x durchgeführt"] {
        assert!(!history.contains(absent), "{history}");
    }
    assert!(history.contains("Enter öffnen"), "{history}");
    press(&mut app, KeyCode::Esc);
    // The debrief has them.
    type_text(&mut app, "d");
    let debrief = hint_line(&mut app);
    assert!(
        debrief.contains("a neu") && debrief.contains("x durchgeführt"),
        "{debrief}"
    );
}

#[test]
fn the_last_walkthrough_step_with_gaps_preselects_not_yet() {
    use fachmk::app::Step;
    use fachmk::domain::ReportStatus;
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK"); // nothing answered in 48
    type_text(&mut app, "wy");
    walk_to(&mut app, &Step::Ready);
    let screen = draw(&mut app, 120, 40);
    assert!(screen.contains("Trotzdem als fertig markieren"), "{screen}");
    press(&mut app, KeyCode::Enter);
    let status = app.current_session().unwrap().status_of("IMK");
    assert_ne!(status, ReportStatus::Ready);
}

#[test]
fn esc_cancels_a_new_item_everywhere_and_the_hint_says_so() {
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    let concerns = app.data.concerns.len();
    let sessions = app.data.sessions.len();
    // A new concern's title.
    type_text(&mut app, "aNeues Anliegen");
    let hints = hint_line(&mut app);
    assert!(hints.contains("Esc abbrechen"), "{hints}");
    assert!(draw(&mut app, 120, 40).contains("Esc abbrechen"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.data.concerns.len(), concerns, "Esc created the concern");
    assert!(app.editor.is_none());
    // A new session's date: the same words, the same outcome.
    type_text(&mut app, "n18.03.2026");
    let hints = hint_line(&mut app);
    assert!(hints.contains("Esc abbrechen"), "{hints}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.data.sessions.len(), sessions);
    // In the walkthrough too; Enter still creates it.
    type_text(&mut app, "wa");
    type_text(&mut app, "Im Durchgang");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.data.concerns.len(), concerns);
    type_text(&mut app, "aIm Durchgang\n");
    assert_eq!(app.data.concerns.len(), concerns + 1);
    assert_eq!(app.data.concerns.last().unwrap().title, "Im Durchgang");
}

#[test]
fn undo_back_to_the_saved_state_is_clean() {
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    let header = |app: &mut App| draw(app, 120, 40).lines().next().unwrap().to_owned();
    assert!(!header(&mut app).contains("ungespeichert"));
    type_text(&mut app, "-");
    assert!(header(&mut app).contains("ungespeichert"));
    type_text(&mut app, "u");
    assert!(
        !header(&mut app).contains("ungespeichert"),
        "{}",
        header(&mut app)
    );
    assert!(!app.dirty);
    // Redo, save, change again: undo leads back to the saved state, not before.
    app.handle_key(crate::common::ctrl('y'));
    assert!(app.dirty);
    app.saved();
    crate::common::select_conference(&mut app, "WMK");
    type_text(&mut app, "-");
    type_text(&mut app, "u");
    assert!(!header(&mut app).contains("ungespeichert"));
    type_text(&mut app, "u");
    assert!(header(&mut app).contains("ungespeichert"));
    app.handle_key(crate::common::ctrl('y'));
    assert!(!app.dirty);
    // After a new change on an undone branch the saved state is out of reach.
    type_text(&mut app, "u");
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "f");
    type_text(&mut app, "u");
    assert!(app.dirty);
}

#[test]
fn the_too_small_screen_takes_no_text_and_no_keys() {
    let mut app = app();
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "aTitel");
    let screen = draw(&mut app, 40, 10);
    assert!(screen.contains("zu klein"), "{screen}");
    type_text(&mut app, " verborgen");
    app.handle_paste("eingefügt");
    press(&mut app, KeyCode::Enter);
    draw(&mut app, 120, 40);
    assert_eq!(app.editor.as_ref().unwrap().content(), "Titel");
    press(&mut app, KeyCode::Esc);
    draw(&mut app, 40, 10);
    type_text(&mut app, "-");
    assert!(!app.dirty, "a key acted on a hidden screen");
    // Quitting still works.
    assert!(!app.handle_key(crate::common::ctrl('c')).is_empty());
}

#[test]
fn the_conference_list_shows_full_names_when_the_width_allows() {
    let mut app = app();
    let screen = draw(&mut app, 120, 40);
    for c in &app.data.conferences {
        let name = c.name_at(app.session).0;
        assert!(screen.contains(name), "{name} cut:\n{screen}");
    }
    // In the walkthrough too.
    type_text(&mut app, "w");
    let screen = draw(&mut app, 120, 40);
    assert!(
        screen.contains("Arbeits- und Sozialministerkonferenz"),
        "{screen}"
    );
    // At 80 columns they are cut, with "…".
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Wirtscha…"), "{screen}");
}

#[test]
fn a_speakers_office_wraps_under_itself_at_80_columns() {
    let mut app = app();
    let screen = draw(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Chef der Senatskanzlei"))
        .unwrap();
    // The pane's text: after the speakers pane's left border.
    let pane = |line: &str| -> String {
        let chars: Vec<char> = line.chars().collect();
        let border = chars
            .iter()
            .rposition(|c| *c == '┌' || *c == '│')
            .unwrap_or(0);
        let start = chars[..border]
            .iter()
            .rposition(|c| *c == '│' || *c == '┌')
            .unwrap();
        chars[start + 1..border].iter().collect()
    };
    let first = pane(lines[at]);
    let next = pane(lines[at + 1]);
    assert!(first.starts_with("    Chef"), "{first:?}");
    assert!(
        next.starts_with("    ") && !next.starts_with("     "),
        "{first:?} / {next:?}\n{screen}"
    );
}

#[test]
fn tab_in_the_export_prompt_neither_exports_nor_is_offered() {
    let mut app = app();
    type_text(&mut app, "r");
    type_text(&mut app, "x");
    let hint = hint_line(&mut app);
    assert!(
        !hint.contains("Tab"),
        "Tab offered in a path prompt: {hint}"
    );
    assert!(hint.contains("Esc"), "{hint}");
    assert!(type_text(&mut app, "\t").is_empty(), "Tab exported");
    press(&mut app, KeyCode::BackTab);
    assert!(
        app.editor.is_some(),
        "⇧Tab closed the prompt outside the walkthrough"
    );
    // Enter still exports.
    let effects = type_text(&mut app, "\n");
    assert!(
        matches!(effects.first(), Some(fachmk::app::Effect::Write { .. })),
        "{effects:?}"
    );
}

#[test]
fn an_overdue_debrief_is_said_and_the_way_on_offered_at_80_columns() {
    use crate::common::{fixed_now, sample_data};
    // A year after session 48, its debrief never recorded, no later session.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let mut app = App::new(sample_data(), today, fixed_now(), "tester", Some(48));
    assert!(app.needs_new_session());
    let screen = draw(&mut app, 80, 24);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("Nachbesprechung überfällig"), "{header}");
    assert!(header.contains("n neue Sitzung"), "{header}");
    assert!(header.contains("/13 fertig"), "{header}");
    let wide = draw(&mut app, 120, 40);
    let header = wide.lines().next().unwrap();
    assert!(
        header.contains("Nachbesprechung überfällig (seit 17.12.2025)"),
        "{header}"
    );
    // Before the debrief's day it is the planned debrief, not overdue.
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    let mut app = App::new(sample_data(), today, fixed_now(), "tester", Some(48));
    let header = draw(&mut app, 120, 40).lines().next().unwrap().to_owned();
    assert!(header.contains("Nachbesprechung 17.12.2025"), "{header}");
    assert!(!header.contains("überfällig"), "{header}");
}

#[test]
fn the_export_prompt_is_shown_whole_at_80_columns() {
    let mut app = app();
    type_text(&mut app, "r");
    type_text(&mut app, "x");
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Exportieren nach:"), "{screen}");
    assert!(screen.contains("(Word)"), "prompt cut: {screen}");
    assert!(screen.contains("tischvorlage-48.md"), "{screen}");
}

#[test]
fn save_as_after_a_failed_save_in_the_walkthrough_is_drawn_once() {
    let mut app = app();
    type_text(&mut app, "w");
    type_text(&mut app, "y");
    type_text(&mut app, "Antwort");
    assert!(app.editor.is_some(), "no answer field open");
    app.offer_save_as("kein Platz mehr auf dem Datenträger", "/tmp/x.neu.json");
    let screen = draw(&mut app, 80, 24);
    assert_eq!(screen.matches("/tmp/x.neu.json").count(), 1, "{screen}");
    assert_eq!(screen.matches("Speichern unter").count(), 1, "{screen}");
}

#[test]
fn a_new_concerns_description_field_does_not_ask_for_an_answer() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "Schnittstelle Melderegister");
    press(&mut app, KeyCode::Enter);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Beschreibung"), "{screen}");
    assert!(screen.contains("Text eingeben"), "{screen}");
    assert!(!screen.contains("Antwort"), "{screen}");
}

/// The walkthrough's choices, at the first and the last step, are read whole
/// at 80×24: none is cut at the panel's border.
#[test]
fn walkthrough_choices_fit_the_panel_at_80_columns() {
    use fachmk::i18n::t;
    let mut app = app();
    type_text(&mut app, "w");
    let screen = draw(&mut app, 80, 24);
    for key in [
        "walk.exchange-yes",
        "walk.exchange-no",
        "walk.exchange-unknown",
    ] {
        assert!(screen.contains(t(key)), "{key}: {screen}");
    }
    type_text(&mut app, "y");
    let mut screen = draw(&mut app, 80, 24);
    for _ in 0..20 {
        if screen.contains(t("walk.not-ready")) {
            break;
        }
        press(&mut app, KeyCode::Tab);
        screen = draw(&mut app, 80, 24);
    }
    assert!(screen.contains(t("walk.not-ready")), "{screen}");
    assert!(
        screen.contains(t("walk.ready-next")) || screen.contains(t("walk.ready-anyway")),
        "{screen}"
    );
}
