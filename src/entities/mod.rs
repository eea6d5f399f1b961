//! Entity mentions: gazetteer hits, title patterns, and in-document resolution put
//! together into one sorted list.
//!
//! The stage runs in this order, each step seeing what the earlier ones found:
//! 1. gazetteer matches ([`crate::entities::gazetteer`]);
//! 2. organization shapes no lexicon has (`Civic Party`, `Ministry of Foreign
//!    Affairs`, `University of Southern Indiana`): capitalized words around an
//!    organization head word;
//! 3. names after a title or honorific (`Eurojust President Michael Schmid`,
//!    `then-Attorney General Merrick Garland`, `Mr. Rahami`), and names that start with
//!    a known given name (`Phil Simmons`, `George W. Bush`), when no lexicon entry
//!    matched them;
//! 4. in-document resolution ([`crate::entities::resolve`]): acronyms defined in the text, and
//!    surnames alone linked to the person the document introduced (or, for heads of
//!    state and government, to the one leader with that surname).

mod confidence;
pub mod coref;
pub mod gazetteer;
pub mod mentions;
pub mod resolve;

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::analyzer::Analyzer;
use crate::lexicon::{EntityType, Role, RoleKind};
use crate::text::tokenize::{possessive_at, Token, TokenKind};
use crate::text::words::{DocWords, FIRST_NAME, ORG_HEAD, TITLE_HEAD};
use crate::types::{Span, SpanSet};
use gazetteer::{Form, GazetteerMatch};

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
    /// type measured on the TRAIN splits (see [`confidence_of`]).
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

impl<'a> Entity<'a> {
    /// An entity for lexicon entry `entry` at `span`.
    pub(crate) fn from_entry(
        analyzer: &'a Analyzer,
        span: Span,
        entry: usize,
        found_by: FoundBy,
        possessive: bool,
    ) -> Entity<'a> {
        let e = &analyzer.lexicon().entries()[entry];
        Entity {
            span,
            entity_type: e.entity_type,
            subtype: &e.subtype,
            canonical: Cow::Borrowed(&e.canonical),
            id: Cow::Borrowed(&e.id),
            country: e.country.as_deref(),
            found_by,
            confidence: 0.0,
            possessive,
            nested: false,
            entry: Some(entry),
            sentence: 0,
            sentiment: Sentiment::default(),
            roles: Vec::new(),
        }
    }

    /// An entity no lexicon has, named `canonical` at `span`, with the document-level
    /// id `doc:TYPE:slug(key)` (see [`resolve::document_id`]).
    pub(crate) fn in_document(
        span: Span,
        entity_type: EntityType,
        canonical: &'a str,
        key: &str,
        found_by: FoundBy,
        possessive: bool,
    ) -> Entity<'a> {
        Entity {
            span,
            entity_type,
            subtype: "",
            canonical: Cow::Borrowed(canonical),
            id: Cow::Owned(resolve::document_id(entity_type, key)),
            country: None,
            found_by,
            confidence: 0.0,
            possessive,
            nested: false,
            entry: None,
            sentence: 0,
            sentiment: Sentiment::default(),
            roles: Vec::new(),
        }
    }

    /// A copy of this entity's identity (type, canonical, id...) at another span.
    pub(crate) fn linked_at(&self, span: Span, found_by: FoundBy, possessive: bool) -> Entity<'a> {
        Entity {
            span,
            found_by,
            possessive,
            nested: false,
            sentence: 0,
            sentiment: Sentiment::default(),
            ..self.clone()
        }
    }
}

/// Titles placed before names that the role lexicon may lack, and honorifics.
pub(crate) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady",
];

/// Capitalized words that never start or continue a person's name.
pub(crate) const NOT_NAME_LIST: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "Of",
    "In",
    "On",
    "At",
    "To",
    "For",
    "With",
    "By",
    "From",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "Who",
    "What",
    "When",
    "Where",
    "Why",
    "How",
    "If",
    "As",
    "After",
    "Before",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Today",
    "Yesterday",
    "Tomorrow",
    "However",
    "Meanwhile",
    "Also",
    "Said",
    "Says",
    "Told",
    "Is",
    "Was",
    "Has",
    "Had",
    "Will",
    "Would",
    "Not",
    "No",
    "Yes",
];

/// A word list as a hash set, built on first use.
pub(crate) struct WordSet(pub(crate) LazyLock<FxHashSet<&'static str>>);

impl WordSet {
    /// True when the set holds `word`.
    #[inline]
    pub(crate) fn contains(&self, word: &&str) -> bool {
        self.0.contains(*word)
    }
}

/// [`NOT_NAME_LIST`] as a set.
pub(crate) static NOT_NAME: WordSet =
    WordSet(LazyLock::new(|| NOT_NAME_LIST.iter().copied().collect()));

/// [`ORG_HEAD_LIST`] as a set.
pub(crate) static ORG_HEADS: WordSet =
    WordSet(LazyLock::new(|| ORG_HEAD_LIST.iter().copied().collect()));

/// True when `word` starts with an upper-case letter.
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Runs the entity stage: gazetteer matches (`inner`: those a longer match set
/// aside, see [`crate::entities::gazetteer::Gazetteer::find_nested`]) to resolved, sorted entity
/// mentions.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find_entities<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    matches: &[GazetteerMatch],
    inner: &[GazetteerMatch],
    date: Option<&str>,
) -> Vec<Entity<'a>> {
    let mut entities = if analyzer.is_lexicon_only() {
        let mut entities = lexicon_entities(analyzer, matches);
        set_roles(analyzer, &mut entities, date);
        entities
    } else {
        let mut entities =
            find_entities_rules(analyzer, text, tokens, doc_words, sentences, matches, date);
        if analyzer.uses_mention_model() {
            crate::entities::mentions::classify(
                analyzer,
                text,
                tokens,
                doc_words,
                sentences,
                &mut entities,
            );
            model_surnames(analyzer, text, tokens, doc_words, sentences, &mut entities);
        }
        initialisms(text, tokens, doc_words, &mut entities);
        short_forms(text, tokens, doc_words, &mut entities);
        add_nested(analyzer, text, matches, inner, &mut entities);
        national_teams(tokens, doc_words, &mut entities);
        entities
    };
    let order = |a: &Entity, b: &Entity| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    };
    // Often in order already (the rules sort; most steps add nothing).
    if !entities.is_sorted_by(|a, b| order(a, b).is_le()) {
        entities.sort_by(order);
    }
    for e in &mut entities {
        e.sentence = sentence_of(sentences, e.span.start);
        if e.found_by != FoundBy::Model {
            e.confidence = confidence_of(e.found_by, e.entity_type);
        }
    }
    crate::entities::coref::add_mentions(text, tokens, doc_words, sentences, &mut entities);
    entities
}

/// Surnames of the people the mention classifier found (`Rathbun` after `Mark
/// Rathbun`): a bare surname the classifier left out, or gave another type, becomes a
/// mention of that person, as [`resolve::surnames`] does for the people the rules
/// found.
fn model_surnames<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    entities: &mut Vec<Entity<'a>>,
) {
    let new_person = |e: &Entity| {
        e.found_by == FoundBy::Model
            && e.entity_type == EntityType::Person
            && e.span.slice(text).contains(' ')
    };
    if !entities.iter().any(new_person) {
        return;
    }
    if !entities.is_sorted_by_key(|e| e.span.start) {
        entities.sort_by_key(|e| e.span.start);
    }
    let mut people = resolve::People::new(analyzer);
    for e in entities.iter() {
        people.introduce(text, e);
    }
    // A one-word name the classifier typed otherwise.
    for e in entities.iter_mut() {
        let name = e.span.slice(text);
        if e.found_by == FoundBy::Model
            && e.entity_type != EntityType::Person
            && !name.contains(' ')
        {
            if let Some(p) = people.introduced(name, e.span, e.possessive) {
                *e = p;
            }
        }
    }
    resolve::surnames(None, text, tokens, doc_words, sentences, entities, &people);
}

/// Initialisms of the document's organizations used without a definition (`USI`
/// for `University of Southern Indiana`): a word of two to six capital letters that
/// spells the initials of the capitalized words of exactly one organization mention
/// becomes a mention of it (`found_by` acronym), unless a rule already named the word
/// (the classifier's reading gives way).
fn initialisms<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    let mut orgs: Vec<(String, usize)> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if e.entity_type != EntityType::Organization || e.nested {
            continue;
        }
        let initials: String = e
            .span
            .slice(text)
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| is_capitalized(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.len() >= 2 && !orgs.iter().any(|(i, _)| *i == initials) {
            orgs.push((initials, k));
        } else if let Some(o) = orgs.iter_mut().find(|(i, _)| *i == initials) {
            // Two organizations with these initials: the initialism is ambiguous.
            if o.1 != usize::MAX && entities[o.1].id != e.id {
                o.1 = usize::MAX;
            }
        }
    }
    orgs.retain(|o| o.1 != usize::MAX);
    if orgs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for &i in doc_words.capitalized(tokens) {
        let t = &tokens[i as usize];
        let b = &text.as_bytes()[t.span.start..t.span.end];
        if !(2..=6).contains(&b.len())
            || !b[0].is_ascii_uppercase()
            || !b[1].is_ascii_uppercase()
            || t.kind != TokenKind::Word
            || !b.iter().all(u8::is_ascii_uppercase)
        {
            continue;
        }
        let w = t.text(text);
        let Some(&(_, k)) = orgs.iter().find(|(ini, _)| ini == w) else {
            continue;
        };
        let possessive = possessive_at(text, t.span.end).is_some();
        let linked = entities[k].linked_at(t.span, FoundBy::Acronym, possessive);
        match entities.iter().position(|e| e.span.overlaps(t.span)) {
            None => added.push(linked),
            Some(j) if entities[j].found_by == FoundBy::Model && entities[j].span == t.span => {
                entities[j] = linked;
            }
            Some(_) => {}
        }
    }
    entities.extend(added);
}

/// The head word of an organization's name: the word before `of` (`Church` of
/// `Church of Scientology`), else the last word (`Commission` of `European
/// Commission`).
fn org_head(name: &str) -> &str {
    let before_of = name.split(" of ").next().unwrap_or(name);
    before_of.rsplit(' ').next().unwrap_or(before_of)
}

/// Short forms of organizations (`the Commission` after `the European Commission`,
/// `the Church` after `the Church of Scientology`): `the` and one capitalized word,
/// with no capitalized word after it, that is the head word of the name of exactly one
/// organization mentioned before it (of several names, one entity) becomes a mention
/// of that organization (`found_by` coreference), the word alone.
fn short_forms<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    let orgs: Vec<(&str, usize)> = (0..entities.len())
        .filter(|&k| {
            let e = &entities[k];
            e.entity_type == EntityType::Organization
                && !e.nested
                && e.found_by != FoundBy::Coreference
                && e.span.slice(text).contains(' ')
        })
        .map(|k| (org_head(entities[k].span.slice(text)), k))
        .collect();
    if orgs.is_empty() {
        return;
    }
    let mut added = Vec::new();
    // The short form is capitalized: only those words are asked about.
    for &i in doc_words.capitalized(tokens) {
        let i = i as usize;
        // `the` in any casing: the vocabulary flags it (with the pronouns).
        if i == 0
            || !doc_words.has(i - 1, crate::text::words::COREF)
            || doc_words.lower(i - 1) != "the"
        {
            continue;
        }
        let (det, t) = (tokens[i - 1], tokens[i]);
        let w = t.text(text);
        if t.kind != TokenKind::Word
            || !orgs.iter().any(|(head, _)| *head == w)
            || !adjacent(text, &det, &t)
            || !is_capitalized(w)
            || w.chars().count() < 3
            || NOT_NAME.contains(&w)
            || tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && is_capitalized(n.text(text)) && adjacent(text, &t, n)
            })
        {
            continue;
        }
        let mut found: Option<usize> = None;
        let mut unique = true;
        for &(head, k) in &orgs {
            let e = &entities[k];
            if e.span.end <= det.span.start && head == w {
                match found {
                    Some(f) if entities[f].id != e.id => unique = false,
                    Some(_) => {}
                    None => found = Some(k),
                }
            }
        }
        let Some(k) = found.filter(|_| unique) else {
            continue;
        };
        if entities
            .iter()
            .chain(&added)
            .any(|e| e.span.overlaps(t.span))
        {
            continue;
        }
        let possessive = possessive_at(text, t.span.end).is_some();
        added.push(entities[k].linked_at(t.span, FoundBy::Coreference, possessive));
    }
    entities.extend(added);
}

/// Words of sports reports (lower case): a document with at least
/// [`SPORT_REPORT_MIN`] of them is read as one, and its countries as national teams.
/// Only words that rarely serve politics or business are listed (not `match`, `final`,
/// `draw`, `penalty`, `coach`).
pub(crate) const SPORT_TERMS: &[&str] = &[
    "goal",
    "goals",
    "goalkeeper",
    "striker",
    "strikers",
    "midfielder",
    "midfielders",
    "defender",
    "halftime",
    "half-time",
    "referee",
    "league",
    "tournament",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "championship",
    "championships",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "quarter-finals",
    "equaliser",
    "equalizer",
    "kickoff",
    "kick-off",
    "playoff",
    "playoffs",
    "stadium",
    "scored",
    "scoring",
    "unbeaten",
    "olympics",
    "olympic",
    "medal",
    "medals",
    "cup",
    "fixtures",
    "rugby",
    "soccer",
    "football",
    "cricket",
    "tennis",
    "hockey",
    "basketball",
];

/// How many [`SPORT_TERMS`] words make a document a sports report (and at least one
/// token in a hundred).
const SPORT_REPORT_MIN: usize = 6;
/// How many different [`SPORT_TERMS`] words a sports report has.
const SPORT_DISTINCT_MIN: usize = 4;

/// In a sports report, a country (or a constituent country such as England) named on
/// its own stands for its national team (`Sweden defeated South Korea 1 - 0`), an
/// organization: the mention keeps its canonical name and country but becomes an
/// organization of subtype `national team` with a document id. CoNLL-2003 marks national teams as locations, GUM as
/// organizations; the type follows what the name refers to.
fn national_teams(tokens: &[Token], doc_words: &DocWords, entities: &mut [Entity<'_>]) {
    let is_country = |e: &Entity| {
        (e.entity_type == EntityType::Country
            || e.entity_type == EntityType::Location && e.subtype == "constituent country")
            && !e.nested
            && e.entry.is_some()
    };
    if !entities.iter().any(is_country) {
        return;
    }
    // At least SPORT_REPORT_MIN sports words, four of them different, and one word
    // in a hundred: a political story that mentions a league or a goal is no report.
    let mut seen: Vec<u32> = Vec::new();
    let mut count = 0;
    for i in doc_words.with_any(crate::text::words::SPORT) {
        count += 1;
        let id = doc_words.id(i);
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if count < SPORT_REPORT_MIN.max(tokens.len() / 100) || seen.len() < SPORT_DISTINCT_MIN {
        return;
    }
    for e in entities.iter_mut().filter(|e| is_country(e)) {
        e.entity_type = EntityType::Organization;
        e.subtype = "national team";
        e.id = Cow::Owned(resolve::document_id(
            EntityType::Organization,
            &format!("{} national team", e.canonical),
        ));
        e.entry = None;
    }
}

/// Adds the places and people named inside organization names as nested mentions
/// (`U.S.` in `U.S. Department of Agriculture`, `Texas` in `University of Texas`,
/// `Andy Warhol` in `Andy Warhol Foundation` when the document names him): the people
/// the document names in full elsewhere, and the lexicon places and people that the
/// gazetteer's longest-match rule (`inner`) or an organization shape ([`org_patterns`])
/// set aside, lying wholly inside a final organization mention and not already a
/// mention themselves. Entities need not be sorted; the new ones are appended.
fn add_nested<'a>(
    analyzer: &'a Analyzer,
    text: &str,
    matches: &[GazetteerMatch],
    inner: &[GazetteerMatch],
    entities: &mut Vec<Entity<'a>>,
) {
    let lexicon = analyzer.lexicon().entries();
    let orgs: Vec<Span> = entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Organization && !e.nested)
        .map(|e| e.span)
        .collect();
    if orgs.is_empty() {
        return;
    }
    let mut added: Vec<Entity<'a>> = Vec::new();
    for m in matches.iter().chain(inner) {
        if m.form != Form::Name
            || !matches!(
                lexicon[m.entry].entity_type,
                EntityType::Country | EntityType::Location | EntityType::Person
            )
        {
            continue;
        }
        let inside = orgs
            .iter()
            .any(|o| o.start <= m.span.start && m.span.end <= o.end && *o != m.span);
        if !inside || entities.iter().chain(&added).any(|e| e.span == m.span) {
            continue;
        }
        let mut e = Entity::from_entry(analyzer, m.span, m.entry, FoundBy::Lexicon, m.possessive);
        e.nested = true;
        added.push(e);
    }
    // People the document names elsewhere, inside an organization's name (the `Andy
    // Warhol` of `Andy Warhol Foundation`).
    let people: Vec<usize> = (0..entities.len())
        .filter(|&k| {
            let e = &entities[k];
            e.entity_type == EntityType::Person && e.span.slice(text).contains(' ')
        })
        .collect();
    if people.is_empty() {
        entities.extend(added);
        return;
    }
    for o in &orgs {
        let name = o.slice(text);
        // Word starts inside the name: a person's name can only begin at one.
        let starts = std::iter::once(0).chain(
            name.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ' || b == b'-')
                .map(|(p, _)| p + 1),
        );
        for at in starts {
            for &k in &people {
                let person = entities[k].span.slice(text);
                if person.len() >= name.len() || !name[at..].starts_with(person) {
                    continue;
                }
                let span = Span::new(o.start + at, o.start + at + person.len());
                let bounded = crate::entities::gazetteer::next_char(text, span.end)
                    .is_none_or(|c| !c.is_alphanumeric());
                if bounded && !entities.iter().chain(&added).any(|e| e.span == span) {
                    let mut e = entities[k].linked_at(span, entities[k].found_by, false);
                    e.nested = true;
                    added.push(e);
                }
            }
        }
    }
    entities.extend(added);
}

/// The gazetteer matches as entities (demonyms as nationalities), in match order.
fn lexicon_entities<'a>(analyzer: &'a Analyzer, matches: &[GazetteerMatch]) -> Vec<Entity<'a>> {
    matches
        .iter()
        .map(|m| {
            let found_by = match m.form {
                Form::Name => FoundBy::Lexicon,
                Form::Demonym => FoundBy::Demonym,
            };
            let mut e = Entity::from_entry(analyzer, m.span, m.entry, found_by, m.possessive);
            if m.form == Form::Demonym {
                e.entity_type = EntityType::Nationality;
            }
            e
        })
        .collect()
}

/// The rule-based steps of the entity stage (everything but the mention model).
pub(crate) fn find_entities_rules<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    matches: &[GazetteerMatch],
    date: Option<&str>,
) -> Vec<Entity<'a>> {
    let mut entities = lexicon_entities(analyzer, matches);

    let mut people = resolve::People::new(analyzer);
    for e in &entities {
        people.introduce(text, e);
    }
    org_patterns(text, tokens, doc_words, &mut entities);
    title_patterns(
        analyzer,
        text,
        tokens,
        doc_words,
        &mut entities,
        &mut people,
    );
    name_patterns(
        analyzer,
        text,
        tokens,
        doc_words,
        &mut entities,
        &mut people,
    );
    resolve::acronyms(text, tokens, &mut entities);
    resolve::surnames(
        Some(&analyzer.words().surnames),
        text,
        tokens,
        doc_words,
        sentences,
        &mut entities,
        &people,
    );

    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    entities.dedup_by(|a, b| a.span == b.span);
    for e in &mut entities {
        e.sentence = sentence_of(sentences, e.span.start);
    }
    set_roles(analyzer, &mut entities, date);
    entities
}

/// Gives each lexicon person the roles held on `date` (the latest known without one).
fn set_roles<'a>(analyzer: &'a Analyzer, entities: &mut [Entity<'a>], date: Option<&str>) {
    let lexicon = analyzer.lexicon().entries();
    for e in entities {
        if let (EntityType::Person, Some(i)) = (e.entity_type, e.entry) {
            e.roles = lexicon[i].roles_on(date);
        }
    }
}

/// The confidence of a mention found by the rules: the share of such mentions (same
/// `found_by`, same type) that were right on the TRAIN splits of CoNLL-2003 and GUM
/// (a right type on an overlapping gold name; predictions that only overlap a CoNLL
/// MISC name not counted), as measured by `scripts/train/fit_confidence.py` (which writes
/// `models/confidence.tsv`). Demonyms are of type nationality: their row is the share of them that
/// overlap a CoNLL MISC name (which covers nationalities). The `Model` rows are only a
/// fallback (model mentions carry the classifier's probability), and in-sample.
pub fn confidence_of(found_by: FoundBy, entity_type: EntityType) -> f32 {
    confidence::lookup(found_by, entity_type)
}

/// Index of the sentence containing byte `pos` (or the last one starting before it).
pub(crate) fn sentence_of(sentences: &[Span], pos: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= pos)
        .saturating_sub(1)
}

/// True when the tokens `a` and `b` are separated by exactly one space (or nothing).
#[inline]
pub(crate) fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.span.end..b.span.start];
    gap.is_empty() || gap == " " || gap == "\u{A0}"
}

/// Finds a title (possibly several words, possibly after `then-`/`ex-`) ending at a
/// token index; returns the index of the token after it.
#[inline]
fn title_at(
    analyzer: &Analyzer,
    text: &str,
    tokens: &[Token],
    doc_words: &DocWords,
    i: usize,
) -> Option<usize> {
    // Most words start no title: the vocabulary says so without a lookup here (a
    // hyphenated word may still end in one). This test is inlined where it is asked.
    if !doc_words.has(i, TITLE_HEAD) && !doc_words.hyphenated(i) {
        return None;
    }
    title_from(analyzer, text, tokens, i)
}

/// [`title_at`] past its first test.
#[inline(never)]
fn title_from(analyzer: &Analyzer, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let first = tokens[i];
    if first.kind != TokenKind::Word {
        return None;
    }
    let first_text = first.text(text);
    // then-Attorney General, ex-President, vice-President: the part after the hyphen.
    let head = match memchr::memrchr(b'-', first_text.as_bytes()) {
        Some(p) => &first_text[p + 1..],
        None => first_text,
    };
    if head.as_bytes().first().is_some_and(u8::is_ascii_lowercase) || !is_capitalized(head) {
        return None;
    }
    // Honorifics: Mr. / Mr
    if HONORIFICS.contains(&head) {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.text(text) == ".") {
            j += 1;
        }
        return Some(j);
    }
    // Longest title of up to four words. The phrase is a slice of the text while the
    // words are one space apart, else a copy with single spaces.
    let words = analyzer.words();
    let head_start = first.span.end - head.len();
    let mut owned: Option<String> = None;
    let mut best = None;
    for k in 0..4 {
        let j = i + k;
        if k > 0 {
            let Some(t) = tokens.get(j) else { break };
            if t.kind != TokenKind::Word || !adjacent(text, &tokens[j - 1], t) {
                break;
            }
            let gap = &text[tokens[j - 1].span.end..t.span.start];
            if gap != " " && owned.is_none() {
                owned = Some(text[head_start..tokens[j - 1].span.end].to_string());
            }
            if let Some(o) = owned.as_mut() {
                o.push(' ');
                o.push_str(t.text(text));
            }
        }
        let phrase = match &owned {
            Some(o) => o.as_str(),
            None => &text[head_start..tokens[j].span.end],
        };
        if words.roles.get(phrase) == Some(&RoleKind::Title) {
            best = Some(j + 1);
        }
        if !words.title_prefixes.contains(phrase) {
            break;
        }
    }
    best
}

/// Names right after a title or honorific become person entities (or link to one).
fn title_patterns<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
    people: &mut resolve::People<'a>,
) {
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    // Found left to right, so only the last one can overlap the next.
    let mut found: Vec<Entity<'a>> = Vec::new();
    // Titles start at words the vocabulary flags (or hyphenated ones: "ex-President"),
    // after the last name found.
    let mut next = 0;
    for i in doc_words.with_any_or_hyphen(TITLE_HEAD) {
        if i < next {
            continue;
        }
        let Some(after) = title_at(analyzer, text, tokens, doc_words, i) else {
            continue;
        };
        // Name words: capitalized words and initials, adjacent, up to four.
        let mut j = after;
        let mut name_end = None;
        let mut words = 0;
        while j < tokens.len() && words < 4 {
            let t = tokens[j];
            if j > after && !adjacent(text, &tokens[j - 1], &t) {
                break;
            }
            let w = t.text(text);
            if t.kind == TokenKind::Word && is_capitalized(w) && !NOT_NAME.contains(&w) {
                // Another title ends the name ("President Biden Secretary ...").
                if j > after && title_at(analyzer, text, tokens, doc_words, j).is_some() {
                    break;
                }
                words += 1;
                name_end = Some(j);
                j += 1;
                // An initial: "J." continues the name.
                if w.chars().count() == 1 && tokens.get(j).is_some_and(|t| t.text(text) == ".") {
                    j += 1;
                }
            } else {
                break;
            }
        }
        let Some(last) = name_end else {
            next = after.max(i + 1);
            continue;
        };
        let span = Span::new(tokens[after].span.start, tokens[last].span.end);
        if !known.overlaps(span) && !found.last().is_some_and(|f| f.span.overlaps(span)) {
            let possessive = tokens
                .get(last + 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            let entity = if words == 1 {
                people.link(span.slice(text), span, possessive)
            } else {
                None
            };
            let entity = entity.unwrap_or_else(|| resolve::document_person(text, span, possessive));
            people.introduce(text, &entity);
            found.push(entity);
        }
        next = last + 1;
    }
    entities.extend(found);
}

/// Lower-case name particles allowed inside a name ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "del", "der", "den", "bin", "ibn", "la", "le", "dos", "das",
];

/// Names that start with a known given name and go on with capitalized words (and
/// initials, and particles between them) become person entities.
fn name_patterns<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
    people: &mut resolve::People<'a>,
) {
    let first_names = &analyzer.words().first_names;
    if first_names.is_empty() {
        return;
    }
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    // Found left to right, so only the last one can overlap the next.
    let mut last_found: Option<Span> = None;
    let is_covered = |last_found: Option<Span>, span: Span| {
        known.overlaps(span) || last_found.is_some_and(|f| f.overlaps(span))
    };
    let mut found = Vec::new();
    // Names start at words the vocabulary flags as given names, after the last name.
    let mut next = 0;
    for i in doc_words.with_any(FIRST_NAME) {
        let t = tokens[i];
        if i < next
            || t.kind != TokenKind::Word
            || !first_names.contains(t.text(text))
            || is_covered(last_found, t.span)
        {
            continue;
        }
        // The rest of the name: capitalized words, initials, particles.
        let mut j = i + 1;
        let mut last = None;
        while j < tokens.len() && j - i <= 4 {
            let n = tokens[j];
            if !adjacent(text, &tokens[j - 1], &n)
                || n.kind != TokenKind::Word
                || is_covered(last_found, n.span)
            {
                break;
            }
            let w = n.text(text);
            if PARTICLES.contains(&w) {
                j += 1;
                continue;
            }
            if !is_capitalized(w)
                || NOT_NAME.contains(&w)
                || title_at(analyzer, text, tokens, doc_words, j).is_some()
            {
                break;
            }
            if w.chars().count() == 1 {
                // An initial needs its period: "George W. Bush".
                if tokens.get(j + 1).is_some_and(|p| p.text(text) == ".") {
                    j += 2;
                    continue;
                }
                break;
            }
            last = Some(j);
            j += 1;
        }
        let Some(last) = last else {
            continue;
        };
        let span = Span::new(t.span.start, tokens[last].span.end);
        let possessive = tokens
            .get(last + 1)
            .is_some_and(|x| x.kind == TokenKind::Possessive);
        let entity = resolve::document_person(text, span, possessive);
        people.introduce(text, &entity);
        last_found = Some(span);
        found.push(entity);
        next = last + 1;
    }
    entities.extend(found);
}

/// Head words that make capitalized words around them an organization.
pub(crate) const ORG_HEAD_LIST: &[&str] = &[
    "Ministry",
    "Department",
    "Agency",
    "Commission",
    "Council",
    "Court",
    "Party",
    "Union",
    "Bank",
    "University",
    "Institute",
    "Corporation",
    "Corp",
    "Inc",
    "Company",
    "Ltd",
    "LLC",
    "Association",
    "Organization",
    "Organisation",
    "Committee",
    "Foundation",
    "Church",
    "Army",
    "Navy",
    "Forces",
    "Front",
    "Movement",
    "Alliance",
    "Federation",
    "League",
    "Club",
    "Board",
    "Authority",
    "Bureau",
    "Service",
    "College",
    "School",
    "Hospital",
    "Society",
    "Assembly",
    "Parliament",
    "Tribunal",
    "Coalition",
    "Brigade",
    "Brigades",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Holdings",
    "Group",
    "Fund",
    "Trust",
    "Network",
    "Times",
    "Post",
    "Journal",
    "Institution",
    "Administration",
    "Office",
    "Police",
    "Guard",
];

/// Lower-case words allowed between capitalized words of an organization name.
const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "&", "on", "de"];

/// Organization shapes: capitalized words ending in a head word (`Civic Party`), or a
/// head word followed by `of` and capitalized words (`Ministry of Foreign Affairs`).
/// Place names and demonyms inside (`Bank of England`, `Russian Foreign Ministry`) give
/// way to the organization.
fn org_patterns<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    let cap = |t: &Token| {
        t.kind == TokenKind::Word
            && is_capitalized(t.text(text))
            && !NOT_NAME.contains(&t.text(text))
    };
    // Does a run of capitalized words from token `k` end in a head word (so a
    // connector before it joins two organizations, not one name)?
    let starts_org = |k: usize| {
        let mut k = k;
        while k < tokens.len() && cap(&tokens[k]) {
            if ORG_HEADS.contains(&tokens[k].text(text)) {
                return true;
            }
            if k + 1 < tokens.len() && !adjacent(text, &tokens[k], &tokens[k + 1]) {
                break;
            }
            k += 1;
        }
        false
    };
    let mut spans: Vec<Span> = Vec::new();
    // The head words are capitalized: names are looked for from the capitalized words,
    // after the previous name.
    let mut next = 0;
    for &c in doc_words.capitalized(tokens) {
        let mut i = c as usize;
        let t = tokens[i];
        if i < next || !doc_words.has(i, ORG_HEAD) || !ORG_HEADS.contains(&t.text(text)) {
            continue;
        }
        // The last of adjacent head words heads the name ("Acme Holdings Inc.").
        while tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && ORG_HEADS.contains(&n.text(text))
                && adjacent(text, &tokens[i], n)
        }) {
            i += 1;
        }
        let t = tokens[i];
        // Left: adjacent capitalized words (connectors only between them).
        let mut first = i;
        let mut j = i;
        while j > 0 && adjacent(text, &tokens[j - 1], &tokens[j]) {
            let p = &tokens[j - 1];
            if cap(p) {
                first = j - 1;
                j -= 1;
            } else if matches!(p.text(text), "of" | "for" | "&" | "de")
                && j >= 2
                && cap(&tokens[j - 2])
                && first == j
            {
                j -= 1;
            } else {
                break;
            }
        }
        // Right: "of" and capitalized words.
        let mut last = i;
        if tokens
            .get(i + 1)
            .is_some_and(|n| n.text(text) == "of" && adjacent(text, &tokens[i], n))
        {
            let mut k = i + 2;
            while k < tokens.len() && adjacent(text, &tokens[k - 1], &tokens[k]) {
                if cap(&tokens[k]) {
                    last = k;
                    k += 1;
                } else if ORG_CONNECTORS.contains(&tokens[k].text(text))
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| cap(n) && adjacent(text, &tokens[k], n))
                    && !starts_org(k + 1)
                {
                    k += 1;
                } else {
                    break;
                }
            }
        }
        // Corp./Inc./Co. take their period.
        let mut end = tokens[last].span.end;
        if last == i
            && matches!(t.text(text), "Corp" | "Inc" | "Ltd")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.text(text) == "." && n.span.start == end)
        {
            end += 1;
        }
        if first < i || last > i {
            spans.push(Span::new(tokens[first].span.start, end));
        }
        next = last + 1;
    }
    if spans.is_empty() {
        return;
    }
    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut remove = vec![false; entities.len()];
    let mut add = Vec::new();
    for span in spans {
        let lo =
            entities.partition_point(|e| e.span.end <= span.start && e.span.start < span.start);
        let hi = entities.partition_point(|e| e.span.start < span.end);
        let overlapping = lo..hi.max(lo);
        let inside = entities[overlapping.clone()]
            .iter()
            .filter(|e| e.span.overlaps(span));
        let mut ok = true;
        for e in inside {
            if !span.contains(e.span) || e.span == span {
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        for k in overlapping {
            if span.contains(entities[k].span) {
                remove[k] = true;
            }
        }
        let name = span.slice(text);
        add.push(Entity::in_document(
            span,
            EntityType::Organization,
            name,
            name,
            FoundBy::Pattern,
            possessive_at(text, span.end).is_some(),
        ));
    }
    remove_marked(entities, &remove);
    entities.extend(add);
}

/// Removes the entities whose flag in `marked` (parallel to `entities`) is set.
pub(crate) fn remove_marked(entities: &mut Vec<Entity<'_>>, marked: &[bool]) {
    let mut k = 0;
    entities.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
}
