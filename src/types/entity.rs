//! Entity records: entity types, lexicon roles, and one resolved mention.

use std::borrow::Cow;
use std::fmt;

use crate::types::Span;

/// The entity types newslens knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization: agency, body, court, party, armed group, company, media...
    Organization,
    /// A country (or territory).
    Country,
    /// A location that is not a country: a capital, a seat of government, a city.
    Location,
    /// A demonym used as a word of nationality (`Russian officials`, `the Afghans`),
    /// linked to its country; never a lexicon type. Not a place: the mention names
    /// people or things of the country, not the country itself.
    Nationality,
    /// A third-person personal pronoun (`he`, `their`), found by coreference
    /// ([`crate::entities::coref`]); never a lexicon type.
    Pronoun,
    /// A definite role or organization noun (`the president`, `the company`), found
    /// by coreference ([`crate::entities::coref`]); never a lexicon type.
    Nominal,
}

impl EntityType {
    /// The lower-case name used in lexicons and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Location => "location",
            EntityType::Nationality => "nationality",
            EntityType::Pronoun => "pronoun",
            EntityType::Nominal => "nominal",
        }
    }

    /// Parses a lower-case name as [`EntityType::as_str`] writes it (every type,
    /// `pronoun` and `nominal` included): `parse(t.as_str()) == Some(t)`.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "nationality" => EntityType::Nationality,
            "pronoun" => EntityType::Pronoun,
            "nominal" => EntityType::Nominal,
            _ => return EntityType::parse_lexicon_type(s),
        })
    }

    /// Parses the name of a type a lexicon entry may have: `person`, `organization`,
    /// `country` or `location` (the other types are found in the text, never listed).
    pub fn parse_lexicon_type(s: &str) -> Option<EntityType> {
        Some(match s {
            "person" => EntityType::Person,
            "organization" => EntityType::Organization,
            "country" => EntityType::Country,
            "location" => EntityType::Location,
            _ => return None,
        })
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A lexicon string: borrowed from the text embedded in the binary for the bundled
/// lexicons (no allocation at start-up), owned for lexicons read at run time.
pub type LexStr = Cow<'static, str>;

/// A role a person held: title, country and dates as the source gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The title ("President", "Attorney General").
    pub title: LexStr,
    /// ISO alpha-3 country code, if any.
    pub country: Option<LexStr>,
    /// Start date (`YYYY[-MM[-DD]]`), if known.
    pub start: Option<LexStr>,
    /// End date, if known (none: still held, or unknown).
    pub end: Option<LexStr>,
}

impl Role {
    /// True when the role was held on `date` (`YYYY[-MM[-DD]]`).
    pub fn held_on(&self, date: &str) -> bool {
        let started = self
            .start
            .as_deref()
            .is_none_or(|s| date_cmp(s, date).is_le());
        let not_ended = self
            .end
            .as_deref()
            .is_none_or(|e| date_cmp(date, e).is_le());
        started && not_ended
    }
}

/// How an entity mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FoundBy {
    /// A lexicon name or alias.
    Lexicon,
    /// A lexicon demonym ("Russian" -> Russia).
    Demonym,
    /// A name after a title or honorific.
    Pattern,
    /// The long form of an acronym defined in the text, or the acronym.
    Acronym,
    /// A surname alone, linked to a person.
    Surname,
    /// Typed by the mention classifier ([`crate::entities::mentions`]): an unresolved
    /// capitalized name, or a lexicon place read as another type (a team).
    Model,
    /// A pronoun or definite nominal added by [`crate::entities::coref`], linked to a named
    /// entity before it where one fits.
    Coreference,
}

impl FoundBy {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            FoundBy::Lexicon => "lexicon",
            FoundBy::Demonym => "demonym",
            FoundBy::Pattern => "pattern",
            FoundBy::Acronym => "acronym",
            FoundBy::Surname => "surname",
            FoundBy::Model => "model",
            FoundBy::Coreference => "coreference",
        }
    }
}

/// Sentiment of a sentence toward an entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Polarity {
    /// Favourable.
    Positive,
    /// Unfavourable.
    Negative,
    /// Neither.
    #[default]
    Neutral,
}

impl Polarity {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
        }
    }
}

/// A sentiment label and score in [-1, 1].
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Sentiment {
    /// The label.
    pub label: Polarity,
    /// The score: negative below zero, positive above.
    pub score: f32,
}

/// One entity mention, resolved to its canonical entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity<'a> {
    /// The mention (without a possessive `'s`).
    pub span: Span,
    /// Entity type.
    pub entity_type: EntityType,
    /// Subtype from the lexicon (empty when unknown).
    pub subtype: &'a str,
    /// Canonical name.
    pub canonical: Cow<'a, str>,
    /// Canonical id: the lexicon id, or `doc:...` for entities only this document has.
    pub id: Cow<'a, str>,
    /// ISO alpha-3 country of the entity, where known.
    pub country: Option<&'a str>,
    /// How the mention was found.
    pub found_by: FoundBy,
    /// How likely the mention is a correct entity of its type, in [0, 1]: for the
    /// model, its class probability; otherwise the precision of its `found_by` and
    /// type measured on the TRAIN splits (`models/confidence.tsv`).
    pub confidence: f32,
    /// True when a possessive `'s` follows the mention.
    pub possessive: bool,
    /// True when the mention lies inside a longer entity mention: a place or person
    /// named within an organization's name (`U.S.` in `U.S. Department of
    /// Agriculture`, `Texas` in `University of Texas`).
    pub nested: bool,
    /// Index of the lexicon entry, when the entity is one.
    pub entry: Option<usize>,
    /// Index of the sentence holding the mention.
    pub sentence: usize,
    /// How the sentence speaks of the entity (filled by the sentiment stage).
    pub sentiment: Sentiment,
    /// For a lexicon person: the roles held on the article's date, or the latest
    /// known without a date.
    pub roles: Vec<&'a Role>,
}

/// Compares two dates of possibly different precision on their common prefix.
pub(crate) fn date_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n])
}

super::variants!(
    EntityType,
    [
        Person,
        Organization,
        Country,
        Location,
        Nationality,
        Pronoun,
        Nominal
    ]
);
super::variants!(
    FoundBy,
    [
        Lexicon,
        Demonym,
        Pattern,
        Acronym,
        Surname,
        Model,
        Coreference
    ]
);
super::variants!(Polarity, [Positive, Negative, Neutral]);
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_type_names_round_trip() {
        use EntityType::*;
        for t in [
            Person,
            Organization,
            Country,
            Location,
            Nationality,
            Pronoun,
            Nominal,
        ] {
            assert_eq!(EntityType::parse(t.as_str()), Some(t));
            let listed = matches!(t, Person | Organization | Country | Location);
            assert_eq!(EntityType::parse_lexicon_type(t.as_str()).is_some(), listed);
        }
        assert_eq!(EntityType::parse("Person"), None);
    }
}
