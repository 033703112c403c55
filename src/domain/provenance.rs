//! Where the bundled facts come from, and which of them are not from the seed.

use super::{Dataset, FieldSources, Source};

/// What a source value says (worded by `i18n::words`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    /// No source: entered by a user.
    User,
    /// The seed deck.
    Seed,
    /// An assumption.
    Assumed,
    /// The IT-Planungsrat's public pages.
    Public,
    /// Planned (computed) and not yet recorded.
    Planned,
    /// A Beschluss, by id (`"decision:YYYY/NN"`).
    Decision(&'a str),
    /// A public page, by address.
    Page(&'a str),
}

impl<'a> Origin<'a> {
    /// The origin a source value names.
    pub fn of(source: Option<&'a str>) -> Self {
        match source {
            None => Self::User,
            Some("seed") => Self::Seed,
            Some("assumed") => Self::Assumed,
            Some("public") => Self::Public,
            Some("planned") => Self::Planned,
            Some(other) => other
                .strip_prefix("decision:")
                .map_or(Self::Page(other), Self::Decision),
        }
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
    pub what: Fact,
    pub field: String,
    pub source: Option<String>,
}

/// The record a fact belongs to (worded by `i18n::words`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fact {
    /// A conference, by id.
    Conference(String),
    /// A later name of a conference.
    ConferenceName { conference: String, name: String },
    /// A person, by display name.
    Person(String),
    /// The Benennung for a conference by a Beschluss.
    Assignment {
        conference: String,
        decision: String,
    },
    /// A Beschluss, by id.
    Decision(String),
    /// A session, by number.
    Session(u32),
}

fn collect(out: &mut Vec<ForeignFact>, what: &Fact, source: &Source, sources: &FieldSources) {
    if source.is_some() && !is_seed(source.as_deref()) {
        out.push(ForeignFact {
            what: what.clone(),
            field: String::new(),
            source: source.clone(),
        });
    }
    for (field, from) in sources {
        if !is_seed(Some(from)) {
            out.push(ForeignFact {
                what: what.clone(),
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
            let what = Fact::Conference(c.id.clone());
            collect(&mut out, &what, &c.source, &c.sources);
            for n in &c.names {
                if n.source.is_some() && !is_seed(n.source.as_deref()) {
                    out.push(ForeignFact {
                        what: Fact::ConferenceName {
                            conference: c.id.clone(),
                            name: n.name.clone(),
                        },
                        field: String::new(),
                        source: n.source.clone(),
                    });
                }
            }
        }
        for p in &self.people {
            let what = Fact::Person(p.display_name());
            collect(&mut out, &what, &p.source, &p.sources);
        }
        for a in &self.assignments {
            let what = Fact::Assignment {
                conference: a.conference.clone(),
                decision: a.decision.clone(),
            };
            collect(&mut out, &what, &a.source, &a.sources);
        }
        for d in &self.decisions {
            let what = Fact::Decision(d.id.clone());
            collect(&mut out, &what, &d.source, &d.sources);
        }
        for s in &self.sessions {
            let what = Fact::Session(s.number);
            collect(&mut out, &what, &s.source, &s.sources);
        }
        out
    }
}
