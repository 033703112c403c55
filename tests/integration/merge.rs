//! The record merge: disjoint changes combine, the same field changed differently
//! is a conflict with both values reachable, nothing is lost.
#![allow(clippy::unwrap_used)]

use fachmk::domain::{Dataset, Exchange, ReportStatus};
use fachmk::store::merge::{Resolution, resolve};
use fachmk::store::sync::{from_value, merge_datasets};
use proptest::prelude::*;

fn base() -> Dataset {
    crate::common::sample_data()
}

fn merged(base: &Dataset, ours: &Dataset, theirs: &Dataset) -> (Dataset, usize) {
    let m = merge_datasets(base, ours, theirs).unwrap();
    let n = m.conflicts.len();
    (from_value(m.value).unwrap(), n)
}

fn answer(data: &Dataset, session: u32, conference: &str, q: &str) -> Option<String> {
    data.session(session)?
        .report(conference)?
        .answers
        .get(q)
        .cloned()
}

#[test]
fn different_conferences_combine() {
    let base = base();
    let mut ours = base.clone();
    ours.session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), "unsere".into());
    let mut theirs = base.clone();
    theirs
        .session_mut(48)
        .unwrap()
        .report_mut("GMK")
        .answers
        .insert("Q1".into(), "ihre".into());
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(answer(&m, 48, "IMK", "Q1").as_deref(), Some("unsere"));
    assert_eq!(answer(&m, 48, "GMK", "Q1").as_deref(), Some("ihre"));
}

#[test]
fn different_questions_of_one_report_combine() {
    let base = base();
    let mut ours = base.clone();
    ours.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q2".into(), "zwei".into());
    let mut theirs = base.clone();
    let r = theirs.session_mut(48).unwrap().report_mut("WMK");
    r.answers.insert("Q3".into(), "drei".into());
    r.presenter = Some("poerksen".into());
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    let r = m.session(48).unwrap().report("WMK").unwrap();
    assert_eq!(r.answers.len(), 3);
    assert_eq!(r.presenter.as_deref(), Some("poerksen"));
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_with_both_values() {
    let base = base();
    let mut ours = base.clone();
    ours.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "meine Fassung".into());
    let mut theirs = base.clone();
    theirs
        .session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "ihre Fassung".into());
    let m = merge_datasets(&base, &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.describe(), "48. Sitzung · Bericht WMK · Antwort zu Q1");
    assert_eq!(c.ours.as_ref().unwrap(), "meine Fassung");
    assert_eq!(c.theirs.as_ref().unwrap(), "ihre Fassung");
    assert!(c.both_are_text());
    let pick = |r| answer(&from_value(resolve(&m, &[r])).unwrap(), 48, "WMK", "Q1").unwrap();
    assert_eq!(pick(Resolution::Ours), "meine Fassung");
    assert_eq!(pick(Resolution::Theirs), "ihre Fassung");
    assert_eq!(pick(Resolution::Both), "meine Fassung\n\nihre Fassung");
}

#[test]
fn change_stamps_are_never_a_conflict_the_later_one_wins() {
    let base = base();
    let t = |h| chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 11, 11, h, 0, 0).unwrap();
    let mut ours = base.clone();
    let r = ours.session_mut(48).unwrap().report_mut("WMK");
    r.answers.insert("Q2".into(), "zwei".into());
    (r.updated_at, r.updated_by) = (Some(t(9)), Some("anna".into()));
    let mut theirs = base.clone();
    let r = theirs.session_mut(48).unwrap().report_mut("WMK");
    r.answers.insert("Q3".into(), "drei".into());
    (r.updated_at, r.updated_by) = (Some(t(10)), Some("ben".into()));
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    let r = m.session(48).unwrap().report("WMK").unwrap();
    assert_eq!(
        (r.updated_at, r.updated_by.as_deref()),
        (Some(t(10)), Some("ben"))
    );
    assert_eq!(r.answers.len(), 3);
}

#[test]
fn both_creating_the_same_report_merge_field_by_field() {
    let base = base();
    let mut ours = base.clone();
    ours.session_mut(48).unwrap().report_mut("UMK").exchange = Exchange::Yes;
    let mut theirs = base.clone();
    theirs
        .session_mut(48)
        .unwrap()
        .report_mut("UMK")
        .answers
        .insert("Q4".into(), "x".into());
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    let r = m.session(48).unwrap().report("UMK").unwrap();
    assert_eq!((r.exchange, r.answers.len()), (Exchange::Yes, 1));
}

#[test]
fn concerns_created_on_both_sides_are_both_kept() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let mut a = base.concerns[0].clone();
    a.id = "A-0002".into();
    a.title = "unseres".into();
    ours.concerns.push(a.clone());
    a.title = "ihres".into();
    theirs.concerns.push(a);
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    let titles: Vec<(&str, &str)> = m
        .concerns
        .iter()
        .map(|c| (c.id.as_str(), c.title.as_str()))
        .collect();
    // The other one's, saved already, keeps its number; ours takes the next.
    assert_eq!(titles[1..], [("A-0002", "ihres"), ("A-0003", "unseres")]);
    assert_eq!(
        fachmk::store::merge::renumbered_concerns(&ours, &m),
        [("A-0002".to_owned(), "A-0003".to_owned())]
    );
}

#[test]
fn history_entries_and_linked_decisions_are_unioned() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let mut entry = base.concerns[0].history[0].clone();
    entry.note = Some("unsere Notiz".into());
    ours.concerns[0].history.push(entry.clone());
    entry.note = Some("ihre Notiz".into());
    theirs.concerns[0].history.push(entry);
    ours.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .decisions
        .push("2024/02".into());
    theirs
        .session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .decisions
        .push("2023/07".into());
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(m.concerns[0].history.len(), 3);
    let mut decisions = m
        .session(48)
        .unwrap()
        .report("WMK")
        .unwrap()
        .decisions
        .clone();
    decisions.sort();
    assert_eq!(decisions, ["2023/07", "2024/02"]);
}

#[test]
fn a_deleted_record_stays_deleted_unless_the_other_side_changed_it() {
    let base = base();
    let mut ours = base.clone();
    ours.session_mut(48)
        .unwrap()
        .reports
        .retain(|r| r.conference != "FMK");
    let theirs = base.clone();
    let (m, _) = merged(&base, &ours, &theirs);
    assert!(m.session(48).unwrap().report("FMK").is_none());
    let mut theirs = base.clone();
    theirs.session_mut(48).unwrap().report_mut("FMK").status = ReportStatus::Draft;
    let c = merge_datasets(&base, &ours, &theirs).unwrap();
    assert_eq!(
        c.conflicts.len(),
        1,
        "changed on one side, deleted on the other"
    );
}

#[test]
fn unknown_keys_merge_too() {
    let base = base();
    let mut ours = base.clone();
    ours.extra.insert("ours_key".into(), 1.into());
    let mut theirs = base.clone();
    theirs.conferences[0]
        .extra
        .insert("website".into(), "x".into());
    let (m, conflicts) = merged(&base, &ours, &theirs);
    assert_eq!(conflicts, 0);
    assert_eq!(m.extra["ours_key"], 1);
    assert_eq!(m.conferences[0].extra["website"], "x");
}

/// An edit to the sample data: a conference index, a question, a text.
fn edit() -> impl Strategy<Value = (usize, usize, String)> {
    (0usize..13, 0usize..4, "[a-zäöü ]{0,12}")
}

fn apply(data: &mut Dataset, (c, q, text): &(usize, usize, String)) {
    let conference = data.conferences[*c].id.clone();
    let question = data.guiding_questions[*q].id.clone();
    data.session_mut(48)
        .unwrap()
        .report_mut(&conference)
        .answers
        .insert(question, text.clone());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_without_concurrent_change_is_identity(edits in proptest::collection::vec(edit(), 0..6)) {
        let base = base();
        let mut ours = base.clone();
        for e in &edits { apply(&mut ours, e); }
        let (m, conflicts) = merged(&base, &ours, &base);
        prop_assert_eq!(conflicts, 0);
        prop_assert_eq!(&m, &{ let mut o = ours.clone(); o.normalize(); o });
        let (m, _) = merged(&base, &base, &ours);
        prop_assert_eq!(&m, &{ let mut o = ours; o.normalize(); o });
    }

    #[test]
    fn disjoint_changes_commute_and_nothing_is_lost(
        a in proptest::collection::vec(edit(), 0..5),
        b in proptest::collection::vec(edit(), 0..5),
    ) {
        // Keep the edits disjoint: ours edits even conferences, theirs odd ones.
        let a: Vec<_> = a.into_iter().map(|(c, q, t)| (c / 2 * 2, q, t)).collect();
        let b: Vec<_> = b.into_iter().map(|(c, q, t)| ((c / 2 * 2 + 1).min(11), q, t)).collect();
        let base = base();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for e in &a { apply(&mut ours, e); }
        for e in &b { apply(&mut theirs, e); }
        let (ab, n1) = merged(&base, &ours, &theirs);
        let (ba, n2) = merged(&base, &theirs, &ours);
        prop_assert_eq!(n1 + n2, 0);
        let sorted = |d: &Dataset| { let mut d = d.clone(); for s in &mut d.sessions { s.reports.sort_by(|x, y| x.conference.cmp(&y.conference)); } d };
        prop_assert_eq!(sorted(&ab), sorted(&ba));
        for (c, q, text) in a.iter().chain(&b) {
            let conference = &base.conferences[*c].id;
            let question = &base.guiding_questions[*q].id;
            // The last edit of each field wins on its own side; check that some edit survived.
            let got = answer(&ab, 48, conference, question);
            prop_assert!(got.is_some(), "lost {conference} {question} {text}");
        }
    }
}

/// An archive's concerns changed on both sides (a save after a colleague's):
/// the records are matched by identity in a map, not pairwise (20,000
/// concerns compared pairwise took minutes; 12,000 took 51 s in a real merge).
#[test]
fn long_lists_changed_on_both_sides_merge_and_compare_in_linear_time() {
    let base = fachmk::demo::archive(fachmk::demo::DemoSize {
        sessions: 2,
        concerns: 20_000,
        seed: 4,
    });
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.concerns[10].title.push_str(" (unser)");
    theirs.concerns[19_000].title.push_str(" (ihr)");
    let started = std::time::Instant::now();
    let (merged, conflicts) = merged(&base, &ours, &theirs);
    let changed = fachmk::store::merge::changed_records(
        &serde_json::to_value(&base).unwrap(),
        &serde_json::to_value(&merged).unwrap(),
    );
    let took = started.elapsed();
    assert_eq!(conflicts, 0);
    assert_eq!(merged.concerns[10].title, ours.concerns[10].title);
    assert_eq!(merged.concerns[19_000].title, theirs.concerns[19_000].title);
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(took.as_secs() < 10, "took {took:?}");
}
