//! Shared by the integration tests: a fixed date, a fixed dataset, key helpers.
#![allow(dead_code, clippy::unwrap_used)]

pub mod pty;

use chrono::{NaiveDate, TimeZone, Utc};
use fachmk::app::{App, Effect};
use fachmk::domain::{Concern, ConcernStatus, Dataset, Exchange, HistoryEntry, ReportStatus};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 10).unwrap()
}

pub fn fixed_now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 10, 9, 30, 0).unwrap()
}

/// The bundled dataset with some work in session 48 and one concern from 47,
/// umlauts included.
pub fn sample_data() -> Dataset {
    let mut data = fachmk::store::bundled();
    data.concerns.push(Concern {
        id: "A-0001".into(),
        conference: "IMK".into(),
        title: "Erprobungsprojekt Register für Meldewesen".into(),
        details: Some(
            "Die IMK möchte ein Erprobungsprojekt zur Registermodernisierung anstoßen.".into(),
        ),
        raised_in: 47,
        status: ConcernStatus::Open,
        decisions: vec!["2024/15".into()],
        history: vec![HistoryEntry {
            session: Some(47),
            at: fixed_now(),
            by: "müller".into(),
            status: Some(ConcernStatus::Open),
            note: Some("eingebracht".into()),
            extra: fachmk::domain::Extra::default(),
        }],
        follow_up_of: None,
        extra: fachmk::domain::Extra::default(),
    });
    let s47 = data.session_mut(47).unwrap();
    let r = s47.report_mut("IMK");
    r.exchange = Exchange::Yes;
    r.presenter = Some("manke".into());
    r.answers.insert(
        "Q1".into(),
        "Austausch über die Geschäftsstelle der IMK.".into(),
    );
    r.status = ReportStatus::Ready;
    let s48 = data.session_mut(48).unwrap();
    let w = s48.report_mut("WMK");
    w.exchange = Exchange::Yes;
    w.answers.insert(
        "Q1".into(),
        "Gespräch mit dem Vorsitz über Förderprogramme.".into(),
    );
    w.status = ReportStatus::Draft;
    let f = s48.report_mut("FMK");
    f.exchange = Exchange::No;
    f.status = ReportStatus::NoReport;
    data
}

pub fn app() -> App {
    App::new(sample_data(), today(), fixed_now(), "tester", None)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses one key; returns its effects.
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.handle_key(key(code))
}

/// Types every character of `text` as a key press.
pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        effects.extend(app.handle_key(key(code)));
    }
    effects
}

/// The real program, run with `home` as its home and every XDG directory
/// below it, and the fixed date: nothing of the developer's own is read.
pub fn fachmk(home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fachmk").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("FACHMK_TODAY", "2025-11-10")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

/// Selects conference `id` as a user would: to the conferences pane, to its
/// top, down to `id`; the focus goes back to the pane it was on.
pub fn select_conference(app: &mut App, id: &str) {
    use fachmk::app::{Layer, Pane};
    assert_eq!(app.layer(), Layer::Main, "the main screen selects");
    let focus = app.main.focus;
    while app.main.focus != Pane::Conferences {
        press(app, KeyCode::Tab);
    }
    press(app, KeyCode::Home);
    for _ in 0..app.data.conferences.len() {
        if app.conference_id() == id {
            break;
        }
        press(app, KeyCode::Down);
    }
    assert_eq!(app.conference_id(), id, "no conference {id}");
    while app.main.focus != focus {
        press(app, KeyCode::Tab);
    }
}
