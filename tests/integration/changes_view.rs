//! The changes view (`c`): a word diff by phrases, computed once when the view
//! opens, covering exchange, presenter and decisions; scrolled to its end.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use crate::common::{app, press, type_text};
use fachmk::app::App;
use fachmk::domain::Exchange;
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    terminal.backend().to_string()
}

/// `count` words, some of them umlauts, none repeated in a short stretch.
pub(crate) fn words(count: usize, salt: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("wört{}", (i * 7919 + salt) % 100_003))
        .collect()
}

pub(crate) fn set_answers(app: &mut App, old: &str, new: &str) {
    app.data_mut()
        .session_mut(47)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), old.into());
    app.data_mut()
        .session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), new.into());
    crate::common::select_conference(app, "IMK");
}

#[test]
fn two_answers_of_5000_words_open_and_draw_fast() {
    let mut app = app();
    let old = words(5000, 1);
    // Every 40th word replaced, every 100th followed by two new ones.
    let mut new = Vec::new();
    for (i, w) in old.iter().enumerate() {
        new.push(if i % 40 == 0 {
            format!("neu{i}")
        } else {
            w.clone()
        });
        if i % 100 == 0 {
            new.extend([format!("eins{i}"), format!("zwei{i}")]);
        }
    }
    set_answers(&mut app, &old.join(" "), &new.join(" "));
    app.resize(120, 40);
    let start = Instant::now();
    type_text(&mut app, "c");
    let screen = draw(&app, 120, 40);
    let first = start.elapsed();
    assert!(screen.contains("Leitfrage 1:"), "{screen}");
    // Later frames only wrap what was computed.
    let start = Instant::now();
    for _ in 0..10 {
        press(&mut app, KeyCode::PageDown);
        draw(&app, 120, 40);
    }
    let per_frame = start.elapsed() / 10;
    eprintln!(
        "changes view, 2 × 5,000 words: open + first draw {first:?}, then {per_frame:?} per key and frame"
    );
    // About 40 and 20 ms in a debug build on a quiet machine; the diff
    // computed anew per frame took seconds. Room for a loaded machine.
    assert!(first.as_millis() < 400, "open and draw took {first:?}");
    assert!(per_frame.as_millis() < 150, "a frame took {per_frame:?}");
    // A replaced word next to two inserted ones is one phrase.
    let lines = app.changes_lines().join("\n");
    assert!(
        lines.contains("[-wört1-] {+neu0 eins0 zwei0+}"),
        "{}",
        &lines[..300]
    );
}

#[test]
fn two_unrelated_answers_of_5000_words_open_in_bounded_time() {
    let mut app = app();
    set_answers(
        &mut app,
        &words(5000, 1).join(" "),
        &words(5000, 2).join(" "),
    );
    app.resize(120, 40);
    let start = Instant::now();
    type_text(&mut app, "c");
    draw(&app, 120, 40);
    let took = start.elapsed();
    eprintln!("changes view, 2 × 5,000 unrelated words: open + first draw {took:?}");
    assert!(took.as_millis() < 1000, "took {took:?}");
}

#[test]
fn changed_phrases_show_bracketed_together_and_the_end_is_reachable() {
    let mut app = app();
    set_answers(
        &mut app,
        "Der Vorsitz der IMK wechselt zum Jahresende an Bayern.",
        "Der Vorsitz der IMK wechselt im Sommer an Niedersachsen.",
    );
    type_text(&mut app, "c");
    let screen = draw(&app, 80, 24);
    let flat = screen.replace(['│', '\n', '"'], " ");
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "wechselt [-zum Jahresende-] {+im Sommer+} an [-Bayern.-] {+Niedersachsen.+}"
        ),
        "{screen}"
    );
    // At 80×24 the view is longer than the window: End shows its last line.
    let last = app.changes_lines().last().unwrap().trim().to_owned();
    press(&mut app, KeyCode::End);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains(&last[..20]), "{last} not in\n{screen}");
}

#[test]
fn exchange_presenter_and_decisions_are_listed() {
    let mut app = app();
    {
        let r = app.data_mut().session_mut(48).unwrap().report_mut("IMK");
        r.exchange = Exchange::No;
        r.presenter = Some("ulbrich".into());
        r.decisions = vec!["2024/15".into()];
    }
    {
        let r = app.data_mut().session_mut(47).unwrap().report_mut("IMK");
        r.decisions = vec!["2022/43".into()];
    }
    crate::common::select_conference(&mut app, "IMK");
    type_text(&mut app, "c");
    let screen = draw(&app, 120, 40);
    for expected in [
        "Austausch: stattgefunden → keiner",
        "Vortragende:r: Herr Stephan Manke → Frau Ina-Maria Ulbrich",
        "Beschluss neu angeführt: 2024/15",
        "Beschluss nicht mehr angeführt: 2022/43",
    ] {
        assert!(screen.contains(expected), "{expected} missing:\n{screen}");
    }
    // Computed when opened: reopened, it shows the data as it is then.
    app.data_mut()
        .session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .exchange = Exchange::Yes;
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "c");
    let screen = draw(&app, 120, 40);
    assert!(!screen.contains("Austausch: stattgefunden"), "{screen}");
}
