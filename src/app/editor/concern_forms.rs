//! The small forms around concerns and Beschlüsse: the outcome of a concern
//! closed as erledigt or verworfen (kept in its history), the Beschlüsse a
//! concern is linked to (typed by number), and the conferences a Beschluss
//! entered on the screen concerns.

use crate::app::{Ctx, EditTarget, Request};
use crate::domain::Dataset;

/// Takes one of these forms on Enter; an error keeps the field open.
pub(super) fn confirm(ctx: &mut Ctx, target: &EditTarget, text: &str) -> Result<(), String> {
    match target {
        EditTarget::ConcernOutcome { id, status } => {
            ctx.request(Request::Close);
            if ctx.decide_concern_noted(id, *status, text) {
                ctx.request(Request::Decided(id.clone()));
            }
        }
        EditTarget::ConcernDecisions { id } => {
            let ids = decision_keys(ctx.data, text)?;
            ctx.request(Request::Close);
            let label = crate::i18n::t("undo.decision-linked");
            if ctx.change_concern(id, label, None, |c| c.decisions.clone_from(&ids)) {
                ctx.info(crate::i18n::tf(
                    "concerns.linked",
                    &[("id", &id), ("list", &list_or_dash(&ids))],
                ));
            }
        }
        EditTarget::DecisionConferences { id } => {
            let conferences = conference_keys(ctx.data, text)?;
            ctx.request(Request::Close);
            if let Some(d) = ctx.data_mut().decisions.iter_mut().find(|d| d.id == *id) {
                d.conferences.clone_from(&conferences);
                ctx.mark_changed();
            }
            ctx.info(crate::i18n::tf(
                "concerns.decision-concerns",
                &[("id", &id), ("list", &conferences.join(", "))],
            ));
        }
        _ => {}
    }
    Ok(())
}

/// "2024/15, 2023/07" → the ids, each a known Beschluss.
fn decision_keys(data: &Dataset, text: &str) -> Result<Vec<String>, String> {
    let mut ids: Vec<String> = Vec::new();
    for key in text.split([',', ';', ' ']).filter(|k| !k.is_empty()) {
        if data.decision(key).is_none() {
            return Err(crate::i18n::tf(
                "concerns.unknown-decision",
                &[("id", &key)],
            ));
        }
        if !ids.iter().any(|i| i == key) {
            ids.push(key.to_owned());
        }
    }
    ids.sort();
    Ok(ids)
}

/// "IMK, GMK" or "*" → the conference ids, each known; never empty.
fn conference_keys(data: &Dataset, text: &str) -> Result<Vec<String>, String> {
    let mut ids: Vec<String> = Vec::new();
    for key in text.split([',', ';', ' ']).filter(|k| !k.is_empty()) {
        let known = data
            .conferences
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(key))
            .map(|c| c.id.clone());
        match known {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None if key == "*" => ids.push("*".to_owned()),
            None => {
                return Err(crate::i18n::tf(
                    "concerns.unknown-conference",
                    &[("id", &key)],
                ));
            }
        }
    }
    if ids.is_empty() {
        return Err(crate::i18n::t("concerns.conferences-please").to_owned());
    }
    Ok(ids)
}
fn list_or_dash(ids: &[String]) -> String {
    if ids.is_empty() {
        "–".to_owned()
    } else {
        ids.join(", ")
    }
}
