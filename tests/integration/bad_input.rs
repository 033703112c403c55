//! Bad input at the keyboard and in files: no panic, no corrupt file, the
//! cursor where it belongs.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use fachmk::app::{App, Layer};
use fachmk::store;
use fachmk::ui::{self, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f, &Theme::default())).unwrap();
    t
}

#[test]
fn a_resize_storm_while_editing() {
    let mut app = app();
    type_text(&mut app, "wy");
    type_text(&mut app, "Text während des Sturms");
    for i in 0..500u16 {
        let (w, h) = (1 + (i * 37) % 220, 1 + (i * 13) % 70);
        app.resize(w, h);
        draw(&app, w, h);
    }
    // WMK already had an answer; the typed text follows it, unharmed.
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .content()
            .ends_with("Förderprogramme.Text während des Sturms")
    );
}

#[test]
fn pasting_a_megabyte_keeps_every_character_and_saves() {
    let mut app = app();
    type_text(&mut app, "wy");
    let line = "Ein langer Absatz mit Umlauten äöüß und Zeichen 数字化 🙂 עברית\n";
    let big: String = line.repeat(1_000_000 / line.len() + 1);
    app.handle_paste(&big);
    press(&mut app, KeyCode::Esc);
    let saved = &app
        .current_session()
        .unwrap()
        .report("WMK")
        .unwrap()
        .answers["Q1"];
    assert!(saved.len() > 1_000_000);
    assert!(saved.ends_with("🙂 עברית"), "the end survives");
    draw(&app, 80, 24);
    let bytes = store::to_bytes(&app.data, "x".as_ref()).unwrap();
    let back = store::load_bytes(&bytes, "x".as_ref()).unwrap().data;
    assert_eq!(back, *app.data);
}

#[test]
fn control_characters_emoji_and_right_to_left_text() {
    let mut app = app();
    type_text(&mut app, "wy");
    for c in ['\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{200f}'] {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.handle_paste("a\u{0}b\u{1b}[31mc\td");
    type_text(&mut app, "👩‍👩‍👧 مرحبا שלום");
    draw(&app, 80, 24);
    draw(&app, 20, 16);
    press(&mut app, KeyCode::Esc);
    let answer = app
        .current_session()
        .unwrap()
        .report("WMK")
        .unwrap()
        .answers["Q1"]
        .clone();
    assert!(
        answer.contains("ab[31mc\td"),
        "control characters of the paste are dropped: {answer:?}"
    );
    assert!(answer.ends_with("👩‍👩‍👧 مرحبا שלום"));
    let bytes = store::to_bytes(&app.data, "x".as_ref()).unwrap();
    assert_eq!(
        store::load_bytes(&bytes, "x".as_ref()).unwrap().data,
        *app.data
    );
}

#[test]
fn the_cursor_is_after_wide_characters() {
    let mut app = app();
    type_text(&mut app, "wy");
    type_text(&mut app, "数字");
    let t = draw(&app, 80, 24);
    let buffer = t.backend().buffer();
    // The cursor cell (reversed) follows the two wide characters (2 columns each).
    let row = (0..24u16)
        .find(|y| (0..80u16).any(|x| buffer[(x, *y)].symbol() == "数"))
        .unwrap();
    let start = (0..80u16)
        .find(|x| buffer[(*x, row)].symbol() == "数")
        .unwrap();
    let cursor = buffer[(start + 4, row)].style();
    assert!(
        cursor
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "cursor at column {}",
        start + 4
    );
}

#[test]
fn keys_in_every_layer_never_panic() {
    let keys = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::F(5),
    ];
    let mut app = app();
    let mut seed: u32 = 7;
    for _ in 0..20_000 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let pick = (seed >> 16) as usize;
        let code = if pick.is_multiple_of(3) {
            keys[pick % keys.len()]
        } else {
            let letters = b"wynxjkqsdaobevr-fu/?ig G\x7f";
            KeyCode::Char(letters[pick % letters.len()] as char)
        };
        let _ = app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        if app.layer() == Layer::Dialog && pick.is_multiple_of(5) {
            let _ = app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        }
        if pick.is_multiple_of(97) {
            draw(&app, 80, 24);
        }
    }
    let bytes = store::to_bytes(&app.data, "x".as_ref()).unwrap();
    assert_eq!(
        store::load_bytes(&bytes, "x".as_ref())
            .unwrap()
            .data
            .validate(),
        vec![]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text in any field survives a save and a load.
    #[test]
    fn load_save_round_trip(answer in "\\PC{0,60}", title in "\\PC{1,40}", place in proptest::option::of("\\PC{0,20}")) {
        let mut data = crate::common::sample_data();
        data.session_mut(48).unwrap().report_mut("KMK").answers.insert("Q2".into(), answer);
        data.concerns[0].title = title;
        data.session_mut(48).unwrap().place = place;
        data.normalize();
        let bytes = store::to_bytes(&data, "x".as_ref()).unwrap();
        let back = store::load_bytes(&bytes, "x".as_ref()).unwrap().data;
        prop_assert_eq!(&back, &data);
        prop_assert_eq!(store::to_bytes(&back, "x".as_ref()).unwrap(), bytes, "stable bytes");
    }

    /// Arbitrary bytes never panic the loader; they load or give a message.
    #[test]
    fn the_loader_takes_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Err(e) = store::load_bytes(&bytes, "x".as_ref()) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    /// Damaged copies of a real file: cut, or with one byte changed.
    #[test]
    fn damaged_files_give_a_message_not_a_panic(cut in 0usize..20_000, at in 0usize..20_000, byte in any::<u8>()) {
        let mut bytes = store::BUNDLED_JSON.as_bytes().to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.min(bytes.len()));
        let _ = store::load_bytes(&bytes, "x".as_ref());
    }
}
