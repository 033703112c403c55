//! A realistic large archive for trying the program and measuring it: many
//! sessions, 20 conferences, four answers of realistic length per report,
//! concerns with histories, debriefs. Deterministic for a seed.
//!
//! The defaults give the size and shape of the benchmark archive
//! (`archive.py`: 22 MB; 60 sessions × 20 conferences, three decisions per
//! session, answers of ~500 characters in three reports of five, 12,000 concerns
//! with ~600 characters of details, a decision and a history of about four entries).

use chrono::{Days, NaiveDate, TimeZone, Utc};

use crate::domain::{
    Concern, ConcernStatus, Conference, Dataset, Debrief, DebriefItem, Decision, Exchange, Extra,
    HistoryEntry, ReportStatus, Session,
};

/// How large the archive is.
#[derive(Debug, Clone, Copy)]
pub struct DemoSize {
    pub sessions: u32,
    pub concerns: u32,
    pub seed: u64,
}

impl Default for DemoSize {
    fn default() -> Self {
        Self {
            sessions: 60,
            concerns: 12_000,
            seed: 1,
        }
    }
}

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }
}

const SUBJECTS: [&str; 16] = [
    "Die Geschäftsstelle",
    "Der Vorsitz",
    "Die Arbeitsgruppe Digitalisierung",
    "Das Land",
    "Die FachMK",
    "Der Steuerungskreis",
    "Die Projektgruppe",
    "Die Koordinierungsstelle",
    "Das Ministerium",
    "Die Ländervertretung",
    "Der Bund",
    "Die FITKO",
    "Die Arbeitsebene",
    "Der Fachausschuss",
    "Die Kommission",
    "Das Gremium",
];
const VERBS: [&str; 12] = [
    "hat sich mit",
    "berichtet über",
    "bittet um Unterstützung bei",
    "begrüßt",
    "prüft",
    "arbeitet an",
    "sieht Handlungsbedarf bei",
    "hat einen Austausch zu",
    "plant eine Abstimmung über",
    "verweist auf",
    "fordert Klarheit über",
    "unterstützt",
];
const OBJECTS: [&str; 16] = [
    "der Registermodernisierung",
    "den EfA-Mindestanforderungen",
    "der föderalen Digitalstrategie",
    "dem Onlinezugangsgesetz",
    "der Wirkungsorientierung",
    "den Erprobungsprojekten",
    "der Datenschutzfolgenabschätzung",
    "dem Nationalen Once-Only-Technical-System",
    "der Verwaltungscloud",
    "der Interoperabilität der Fachverfahren",
    "den Standards für Schnittstellen",
    "der Finanzierung gemeinsamer Dienste",
    "dem Portalverbund",
    "den digitalen Nachweisen",
    "der Barrierefreiheit",
    "der Nachnutzung von Diensten",
];
const TAILS: [&str; 10] = [
    "befasst.",
    "und bittet um einen Bericht in der nächsten Sitzung.",
    "– ein Termin ist in Vorbereitung.",
    "; die Ergebnisse werden nachgereicht.",
    "und sieht weiteren Abstimmungsbedarf.",
    "im Rahmen der Jahreskonferenz.",
    "gemeinsam mit den Ländern.",
    "und hat hierzu einen Beschluss gefasst.",
    "– Rückmeldungen stehen noch aus.",
    "und regt eine gemeinsame Arbeitsgruppe an.",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&TAILS)
    )
}

/// A paragraph of `n` sentences.
fn paragraph(rng: &mut Rng, n: u64) -> String {
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// The bundled dataset grown into an archive of `size`.
pub fn archive(size: DemoSize) -> Dataset {
    let mut rng = Rng(size.seed);
    let mut data = crate::store::bundled();
    for n in 14..=20 {
        data.conferences.push(Conference {
            id: format!("K{n}"),
            name: format!("Beispielkonferenz {n}"),
            lands: vec!["BY".into()],
            note: Some("erzeugt für die Demo".into()),
            ..Default::default()
        });
    }
    let conferences: Vec<String> = data.conferences.iter().map(|c| c.id.clone()).collect();
    let questions: Vec<String> = data
        .guiding_questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let first = data.sessions.iter().map(|s| s.number).max().unwrap_or(48) + 1;
    let mut session_date = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap_or_default();
    let stamp = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .unwrap_or_default();
    for number in first..first + size.sessions {
        let mut session = Session::new(
            number,
            session_date,
            Some(
                rng.pick(&["Berlin", "Bonn", "Hamburg", "Dresden", "Mainz"])
                    .to_owned(),
            ),
        );
        for c in &conferences {
            let report = session.report_mut(c);
            if rng.below(5) < 2 {
                report.exchange = Exchange::No;
                report.status = ReportStatus::NoReport;
                continue;
            }
            report.exchange = Exchange::Yes;
            for q in &questions {
                let n = 4 + rng.below(3);
                report.answers.insert(q.clone(), paragraph(&mut rng, n));
            }
            report.presenter = Some(format!("Gast {}", rng.below(90)));
            report.status = if rng.below(3) == 0 {
                ReportStatus::Draft
            } else {
                ReportStatus::Ready
            };
            report.updated_at = Some(stamp);
            report.updated_by = Some("demo".into());
        }
        let year = session_date.format("%Y").to_string();
        // Three decisions a session; at most four sessions fall in a year.
        let ids: Vec<String> = (0..3)
            .map(|j| format!("{year}/{:02}", 10 + (number % 30) * 3 + j))
            .filter(|id| data.decision(id).is_none())
            .collect();
        for id in &ids {
            data.decisions.push(Decision {
                id: id.clone(),
                title: paragraph(&mut rng, 1),
                summary: Some(paragraph(&mut rng, 4)),
                url: None,
                session: Some(number),
                conferences: vec!["*".into()],
                ..Default::default()
            });
        }
        if !ids.is_empty() {
            let mut debrief = Debrief {
                held_on: Some(session.debrief_date),
                ..Debrief::default()
            };
            debrief.items.insert(
                conferences[0].clone(),
                DebriefItem {
                    present: ids,
                    notes: Some(sentence(&mut rng)),
                    ..DebriefItem::default()
                },
            );
            session.debrief = Some(debrief);
        }
        data.sessions.push(session);
        session_date = session_date + Days::new(120);
    }
    add_concerns(&mut data, &mut rng, size, first);
    data
}

/// Concerns with histories, raised in the generated sessions.
fn add_concerns(data: &mut Dataset, rng: &mut Rng, size: DemoSize, first: u32) {
    let conferences: Vec<String> = data.conferences.iter().map(|c| c.id.clone()).collect();
    let stamp = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .unwrap_or_default();
    let last = first + size.sessions.max(1) - 1;
    let generated: Vec<String> = data
        .decisions
        .iter()
        .filter(|d| d.session.is_some_and(|s| s >= first))
        .map(|d| d.id.clone())
        .collect();
    for n in 0..size.concerns {
        let raised = first + u32::try_from(rng.below(u64::from(size.sessions.max(1)))).unwrap_or(0);
        let conference =
            conferences[usize::try_from(rng.below(conferences.len() as u64)).unwrap_or(0)].clone();
        let mut history = vec![HistoryEntry {
            session: Some(raised),
            at: stamp,
            by: "demo".into(),
            status: Some(ConcernStatus::Open),
            note: Some("eingebracht".into()),
            extra: Extra::new(),
        }];
        let mut status = ConcernStatus::Open;
        for later in raised + 1..=last.min(raised + 3) {
            status = match rng.below(8) {
                0 => ConcernStatus::Resolved,
                1 => ConcernStatus::Dropped,
                2 => ConcernStatus::InProgress,
                _ => ConcernStatus::Open,
            };
            history.push(HistoryEntry {
                session: Some(later),
                at: stamp,
                by: "demo".into(),
                status: Some(status),
                note: Some(sentence(rng)),
                extra: Extra::new(),
            });
            if !status.is_active() {
                break;
            }
        }
        let decision = generated
            .get(usize::try_from(rng.below(generated.len() as u64)).unwrap_or(0))
            .cloned();
        data.concerns.push(Concern {
            id: format!("A-{:05}", n + 1),
            conference,
            title: sentence(rng),
            details: Some(paragraph(rng, 6)),
            raised_in: raised,
            status,
            decisions: decision.into_iter().collect(),
            history,
            follow_up_of: None,
            extra: Extra::new(),
        });
    }
}
