//! The text fields the View component opens, taken when left or on Enter:
//! debrief notes and follow-ups, a new decision, the debrief's date, a new
//! assignment (Beschluss → first session → people → Länder). The Editor
//! component calls these with its `Ctx`.

use super::super::{Ctx, EditTarget, Editor, Request};
use crate::domain::{Assignment, Dataset, Decision, Person, is_valid_decision_id};

/// Data fields of the views, committed however they are left.
pub(in crate::app) fn commit_field(ctx: &mut Ctx, target: &EditTarget, text: &str) {
    match target {
        EditTarget::DebriefNotes { conference, .. } => {
            let notes = (!text.trim().is_empty()).then(|| text.to_owned());
            ctx.change_session(crate::i18n::t("views.note-title"), |s| {
                s.debrief_mut()
                    .items
                    .entry(conference.clone())
                    .or_default()
                    .notes = notes;
            });
        }
        EditTarget::AgendaItem { session } if *session == *ctx.session => {
            let item = (!text.trim().is_empty()).then(|| text.trim().to_owned());
            ctx.change_session(crate::i18n::t("undo.agenda-item"), |s| s.agenda_item = item);
        }
        EditTarget::Proposal { session } if *session == *ctx.session => {
            // The usual wording is no choice of its own: it stays unset.
            let usual = crate::i18n::t("tv.proposal-default");
            let proposal =
                (!text.trim().is_empty() && text.trim() != usual).then(|| text.trim().to_owned());
            ctx.change_session(crate::i18n::t("undo.proposal"), |s| s.proposal = proposal);
        }
        EditTarget::FollowUp {
            session,
            conference,
        } => {
            let note = format!("aus der Nachbesprechung der {session}. Sitzung");
            if let Some(id) = ctx.add_concern_noted(conference, text, &note, Some(*session)) {
                ctx.info(crate::i18n::tf("views.follow-up-added", &[("id", &id)]));
            }
        }
        _ => {}
    }
}

/// Forms of the views: Enter takes them, or says why not.
pub(in crate::app) fn confirm_form(
    ctx: &mut Ctx,
    target: &EditTarget,
    text: &str,
) -> Result<(), String> {
    let text = text.trim();
    match target {
        EditTarget::NewDecision { session } => {
            let (id, title) = text
                .split_once(' ')
                .map_or((text, ""), |(i, t)| (i, t.trim()));
            if !is_valid_decision_id(id) {
                return Err(crate::i18n::t("views.decision-form").into());
            }
            if ctx.data.decision(id).is_some() {
                return Err(crate::i18n::tf("views.decision-exists", &[("id", &id)]));
            }
            if title.is_empty() {
                return Err(crate::i18n::t("views.title-after-number").into());
            }
            ctx.record_catalog(crate::i18n::t("undo.new-decision"));
            ctx.data_mut().decisions.push(Decision {
                id: id.to_owned(),
                title: title.to_owned(),
                summary: None,
                url: None,
                session: Some(*session),
                conferences: vec!["*".to_owned()],
                ..Default::default()
            });
            ctx.data_mut().normalize();
            ctx.mark_changed();
            let field = crate::app::editor::fields::decision_conferences(id, "");
            ctx.request(Request::Edit(Box::new(field)));
            ctx.info(crate::i18n::tf("views.decision-added", &[("id", &id)]));
        }
        EditTarget::DebriefHeld { .. } => {
            let date =
                super::super::parse_german_date(text).ok_or(crate::i18n::t("views.date-please"))?;
            if ctx.current_session().is_some_and(|s| date < s.date) {
                return Err(crate::i18n::t("editor.debrief-before").into());
            }
            if date > ctx.today {
                return Err(crate::i18n::tf(
                    "editor.debrief-future",
                    &[("today", &crate::i18n::date(ctx.today))],
                ));
            }
            ctx.request(Request::Close);
            ctx.change_session(crate::i18n::t("undo.debrief-held"), |s| {
                s.debrief_mut().held_on = Some(date);
            });
            ctx.info(crate::i18n::tf(
                "views.debrief-held-recorded",
                &[("date", &crate::i18n::date(date))],
            ));
        }
        EditTarget::AssignDecision { .. }
        | EditTarget::AssignFrom { .. }
        | EditTarget::AssignPeople { .. }
        | EditTarget::AssignLands { .. } => confirm_assignment_step(ctx, target, text)?,
        _ => {}
    }
    Ok(())
}

/// One step of recording a new assignment: Beschluss → first session → people → Länder.
fn confirm_assignment_step(ctx: &mut Ctx, target: &EditTarget, text: &str) -> Result<(), String> {
    match target {
        EditTarget::AssignDecision { conference } => {
            if ctx.data.decision(text).is_none() {
                return Err(crate::i18n::tf(
                    "views.no-such-decision",
                    &[("text", &text)],
                ));
            }
            let title = crate::i18n::tf(
                "views.assign-from",
                &[("conference", &conference), ("text", &text)],
            );
            let target = EditTarget::AssignFrom {
                conference: conference.clone(),
                decision: text.to_owned(),
            };
            let field = Editor::new(target, title, &ctx.session.to_string());
            ctx.request(Request::Edit(Box::new(field)));
        }
        EditTarget::AssignFrom {
            conference,
            decision,
        } => {
            let from: u32 = text
                .parse()
                .map_err(|_| crate::i18n::t("views.session-number-please").to_owned())?;
            let title = crate::i18n::t("views.people").to_owned();
            let target = EditTarget::AssignPeople {
                conference: conference.clone(),
                decision: decision.clone(),
                from,
            };
            ctx.request(Request::Edit(Box::new(Editor::new(target, title, ""))));
        }
        EditTarget::AssignPeople {
            conference,
            decision,
            from,
        } => {
            let people: Vec<String> = text
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            let lands = ctx
                .data
                .conference(conference)
                .map(|c| c.lands.join(", "))
                .unwrap_or_default();
            let target = EditTarget::AssignLands {
                conference: conference.clone(),
                decision: decision.clone(),
                from: *from,
                people,
            };
            let field = Editor::new(target, crate::i18n::t("views.lands"), &lands);
            ctx.request(Request::Edit(Box::new(field)));
        }
        EditTarget::AssignLands {
            conference,
            decision,
            from,
            people,
        } => {
            let lands: Vec<String> = text
                .split(',')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            ctx.record_catalog(crate::i18n::t("undo.new-assignment"));
            let ids: Vec<String> = people
                .iter()
                .map(|name| person_id_for(ctx.data_mut(), name))
                .collect();
            ctx.data_mut().assignments.push(Assignment {
                conference: conference.clone(),
                people: ids,
                decision: decision.clone(),
                from_session: Some(*from),
                lands,
                roles: std::collections::BTreeMap::new(),
                note: people.is_empty().then(|| "N.N.".to_owned()),
                ..Default::default()
            });
            ctx.mark_changed();
            ctx.request(Request::Close);
            ctx.info(crate::i18n::tf(
                "views.assignment-recorded",
                &[("conference", &conference), ("from", &from)],
            ));
        }
        _ => {}
    }
    Ok(())
}

/// The id of the person called `name` (matched by id or name), created when new.
fn person_id_for(data: &mut Dataset, name: &str) -> String {
    let lower = name.to_lowercase();
    if let Some(p) = data.people.iter().find(|p| {
        p.id == name || p.name.to_lowercase() == lower || p.display_name().to_lowercase() == lower
    }) {
        return p.id.clone();
    }
    let base: String = name
        .to_lowercase()
        .split_whitespace()
        .last()
        .unwrap_or("person")
        .chars()
        .map(|c| match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let mut id = base.clone();
    let mut n = 2;
    while data.person(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    data.people.push(Person {
        id: id.clone(),
        name: name.to_owned(),
        salutation: None,
        role: None,
        land: None,
        ..Default::default()
    });
    id
}
