//! The content of the review (Übersicht): what is missing, then the
//! Tischvorlage as its reader sees it; built once when the review opens. Also
//! the documents the screen exports.

use super::super::App;
use super::Gap;
use crate::domain::{Dataset, SessionProgress};
use crate::i18n::Lang;
use crate::search::Target;

impl App {
    /// The review as lines of text (as `Review` builds it).
    pub fn review_lines(&self) -> Vec<String> {
        content(&self.data, self.session, self.handout_lang).0
    }

    /// The Tischvorlage as exported, in the handout's language.
    pub fn handout(&self) -> String {
        crate::i18n::in_lang(self.handout_lang, || {
            crate::export::markdown(&self.data, self.session)
        })
    }
}

/// The review of `session` as lines of text, and the gaps among them; the
/// Tischvorlage in `lang`.
pub(super) fn content(data: &Dataset, session: u32, lang: Lang) -> (Vec<String>, Vec<Gap>) {
    let mut lines = vec![crate::i18n::t("review.missing").to_owned()];
    let mut gaps = Vec::new();
    let progress = data.session(session).map(|s| SessionProgress::of(data, s));
    if let Some(progress) = progress {
        if progress.is_complete() {
            lines.push(crate::i18n::t("review.nothing-missing").to_owned());
        }
        for (id, missing) in progress
            .per_conference
            .iter()
            .filter(|(_, m)| !m.is_empty())
        {
            let mut list: Vec<String> = missing
                .iter()
                .filter(|m| !m.is_hint())
                .map(ToString::to_string)
                .collect();
            list.extend(
                crate::i18n::words::hint_line(missing)
                    .map(|h| crate::i18n::tf("review.hint", &[("what", &h)])),
            );
            gaps.push(Gap {
                line: lines.len(),
                target: gap_target(data, session, id, missing),
            });
            lines.push(format!("  {id}: {}", list.join("; ")));
        }
    }
    lines.push(String::new());
    lines.push(crate::i18n::t("review.handout").to_owned());
    lines.push(String::new());
    lines.extend(as_read(data, session, lang).lines().map(str::to_owned));
    (lines, gaps)
}

/// Where the first of a conference's gaps is mended: an undecided
/// concern, a question to answer, else the conference itself.
fn gap_target(
    data: &Dataset,
    session: u32,
    id: &str,
    missing: &[crate::domain::Missing],
) -> Target {
    use crate::domain::Missing;
    let first_question = || data.guiding_questions.first().map(|q| q.id.clone());
    let question = missing.iter().find_map(|m| match m {
        Missing::Unanswered { question, .. } => Some(question.clone()),
        Missing::NoText => first_question(),
        _ => None,
    });
    let concern = missing.iter().find_map(|m| match m {
        Missing::ConcernUndecided { id, .. } => Some(id.clone()),
        _ => None,
    });
    let conference = id.to_owned();
    if missing
        .iter()
        .any(|m| !m.is_hint() && !matches!(m, Missing::ConcernUndecided { .. } | Missing::NoText))
    {
        Target::Conference(conference)
    } else if let Some(id) = concern {
        Target::Concern { conference, id }
    } else if let Some(question) = question {
        Target::Answer {
            session,
            conference,
            question,
        }
    } else {
        Target::Conference(conference)
    }
}

/// The Tischvorlage as its reader sees it (no Markdown marks or escapes), in
/// `lang`: the review's preview.
fn as_read(data: &Dataset, session: u32, lang: Lang) -> String {
    crate::i18n::in_lang(lang, || {
        crate::export::plain_text_of(data, session, crate::export::Kind::Tischvorlage)
    })
}

/// The document a file name asks for, in the handout's language: Word when
/// it ends ".docx", else Markdown; the Arbeitsstand or the Nachbesprechung
/// when the name says so, else the Tischvorlage.
pub fn export_for(ctx: &crate::app::Ctx, file_name: &str) -> Result<Vec<u8>, String> {
    use crate::export::Kind;
    let name = file_name.to_lowercase();
    let kind = Kind::ALL
        .into_iter()
        .find(|k| name.contains(k.name()))
        .unwrap_or_default();
    let word = std::path::Path::new(&name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    crate::i18n::in_lang(ctx.handout_lang, || {
        if word {
            crate::export::docx(ctx.data, *ctx.session, kind).map_err(|e| e.to_string())
        } else {
            Ok(crate::export::markdown_of(ctx.data, *ctx.session, kind).into_bytes())
        }
    })
}
