//! Where the bundled facts come from, and which of them are not from the seed.

use super::{Dataset, FieldSources, Source};

/// The words for a source value: the seed, a Beschluss, a public page, an
/// assumption, a planned (computed) date, or entered by a user (`None`).
pub fn source_label(source: Option<&str>) -> String {
    match source {
        None => crate::i18n::t("source.user").to_owned(),
        Some("seed") => crate::i18n::t("source.seed").to_owned(),
        Some("assumed") => crate::i18n::t("source.assumed").to_owned(),
        Some("public") => crate::i18n::t("source.public").to_owned(),
        Some("planned") => crate::i18n::t("source.planned").to_owned(),
        Some(other) => other.strip_prefix("decision:").map_or_else(
            || crate::i18n::tf("source.page", &[("url", &other)]),
            |id| crate::i18n::tf("source.decision", &[("id", &id)]),
        ),
    }
}

/// Whether a source value is the seed deck itself.
pub fn is_seed(source: Option<&str>) -> bool {
    source == Some("seed")
}

/// One fact of the data that is not from the seed: what, which field (empty
/// for the whole record), and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignFact {
    pub what: String,
    pub field: String,
    pub source: Option<String>,
}

fn collect(out: &mut Vec<ForeignFact>, what: &str, source: &Source, sources: &FieldSources) {
    if source.is_some() && !is_seed(source.as_deref()) {
        out.push(ForeignFact {
            what: what.to_owned(),
            field: String::new(),
            source: source.clone(),
        });
    }
    for (field, from) in sources {
        if !is_seed(Some(from)) {
            out.push(ForeignFact {
                what: what.to_owned(),
                field: field.clone(),
                source: Some(from.clone()),
            });
        }
    }
}

impl Dataset {
    /// The facts of the data whose source is given and is not the seed, in
    /// the file's order (records entered by users carry no source and are
    /// not listed).
    pub fn facts_not_from_seed(&self) -> Vec<ForeignFact> {
        let mut out = Vec::new();
        for c in &self.conferences {
            collect(&mut out, &c.id, &c.source, &c.sources);
            for n in &c.names {
                if n.source.is_some() && !is_seed(n.source.as_deref()) {
                    out.push(ForeignFact {
                        what: format!("{}: {}", c.id, n.name),
                        field: String::new(),
                        source: n.source.clone(),
                    });
                }
            }
        }
        for p in &self.people {
            collect(&mut out, &p.display_name(), &p.source, &p.sources);
        }
        for a in &self.assignments {
            let what = crate::i18n::tf(
                "valid.assignment",
                &[("conference", &a.conference), ("decision", &a.decision)],
            );
            collect(&mut out, &what, &a.source, &a.sources);
        }
        for d in &self.decisions {
            let what = crate::i18n::tf("valid.decision", &[("id", &d.id)]);
            collect(&mut out, &what, &d.source, &d.sources);
        }
        for s in &self.sessions {
            let what = crate::i18n::tf("source.session", &[("number", &s.number)]);
            collect(&mut out, &what, &s.source, &s.sources);
        }
        out
    }
}
