//! Coreference mentions: third-person personal pronouns and definite role or
//! organization nouns, added to the entity list after the named entities are found.
//!
//! - A pronoun (`he`, `him`, `his`, `himself`, `she`, `her`, `hers`, `herself`,
//!   `they`, `them`, `their`, `theirs`, `themselves`) becomes a mention of type
//!   [`EntityType::Pronoun`]. A singular one is linked to the nearest preceding
//!   person the document names whose gender fits it (`she` never goes to a man; a
//!   person of unknown gender fits both, see `entities::gender`; it takes that
//!   person's canonical name, id, country, lexicon entry and roles); a plural one, or
//!   one with no fitting person before it, keeps its own document id
//!   (`doc:pronoun:he`) and its own text as canonical name.
//! - `the` followed by at most two lower-case modifiers and a head noun from a short
//!   list (`the president`, `the former prime minister`, `the company`) becomes a
//!   mention of type [`EntityType::Nominal`]. A person noun is linked to the nearest
//!   preceding person whose role title holds the noun (`the president` -> the person
//!   whose role is "President"), an organization noun to the nearest preceding
//!   organization of the matching lexicon subtype or whose name holds the noun
//!   (`the company` -> a company, `the party` -> `Civic Party`; `the administration`
//!   and `the government` link to nothing), `the country`/`the nation` to the nearest
//!   preceding country;
//!   otherwise it keeps its own document id (`doc:nominal:the-president`).
//!
//! Both are `found_by` [`FoundBy::Coreference`]. Their span never overlaps a named
//! entity; those mentions take precedence. Other stages leave them out where only
//! names make sense: a claim's `speaker.entity` is never one (its referent may be a
//! linked one, see `claims::speaker`), and the check-worthiness score does not count
//! them as named entities.

use crate::entities::gender;
use crate::entities::{sentence_of, Entity, FoundBy, Sentiment};
use crate::lexicon::closed::{PLURAL, SINGULAR};
use crate::text::repeats::starts_in;
use crate::text::words::COREF;
use crate::text::Doc;
use crate::types::EntityType;
use crate::types::Span;
use crate::types::{Token, TokenKind};

/// Head nouns of definite nominals that refer to a person.
pub(crate) const PERSON_HEADS: &[&str] = &[
    "ambassador",
    "candidate",
    "chairman",
    "chairwoman",
    "chancellor",
    "congressman",
    "congresswoman",
    "director",
    "governor",
    "judge",
    "king",
    "lawmaker",
    "leader",
    "man",
    "mayor",
    "minister",
    "nominee",
    "pope",
    "premier",
    "president",
    "prosecutor",
    "queen",
    "secretary",
    "senator",
    "sheriff",
    "speaker",
    "spokesman",
    "spokeswoman",
    "woman",
];
/// Head nouns of definite nominals that refer to an organization, with the lexicon
/// subtype of the organizations they link to ("" for none: only an organization whose
/// name holds the noun, `Civic Party` for `the party`).
const ORGANIZATION_HEADS: &[(&str, &str)] = &[
    ("administration", ""),
    ("agency", "government_agency"),
    ("campaign", ""),
    ("committee", ""),
    ("company", "company"),
    ("court", "court"),
    ("department", "government_agency"),
    ("firm", "company"),
    ("government", ""),
    ("ministry", "government_agency"),
    ("network", "media"),
    ("party", "party"),
];
/// Head nouns of definite nominals that refer to a country.
const COUNTRY_HEADS: &[&str] = &["country", "nation"];

/// How many entities back a person noun looks for a person holding that title.
const LOOKBACK: usize = 64;

/// What a nominal's head refers to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A singular pronoun: a person.
    He,
    /// A plural pronoun: nothing linked.
    They,
    /// A person noun.
    Person,
    /// An organization noun, with the subtype of the organizations it links to.
    Organization(&'static str),
    /// A country noun.
    Country,
}

/// The index of `word` in `list`, ignoring ASCII case.
fn find(list: &[&str], word: &str) -> Option<usize> {
    list.iter().position(|w| w.eq_ignore_ascii_case(word))
}

/// True when the word starts with a lower-case letter.
fn is_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Adds the pronoun and nominal mentions of the text to `entities` (sorted by start,
/// as they were), with their sentence index and confidence set.
pub(crate) fn add_mentions<'a>(doc: Doc<'_, 'a>, entities: &mut Vec<Entity<'a>>) {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        repeats,
    } = doc;
    let named = entities.len();
    let genders = gender::of_people(text, entities);
    let mut added: Vec<Entity<'a>> = Vec::new();
    // Entities before the current token: `entities[..next]`.
    let mut next = 0;
    // The last person and country in `entities[..next]`.
    let (mut person, mut country) = (None, None);
    let mut i = 0;
    while i < tokens.len() {
        crate::util::steps::add(1);
        let t = &tokens[i];
        while next < named && entities[next].span.end <= t.span.start {
            match entities[next].entity_type {
                EntityType::Person => person = Some(next),
                EntityType::Country => country = Some(next),
                _ => {}
            }
            next += 1;
        }
        // Inside (or touching the start of) a named entity: skip.
        let covered = |span: Span| {
            entities[next.saturating_sub(1)..named]
                .iter()
                .take_while(|e| e.span.start < span.end)
                .any(|e| e.span.end > span.start)
        };
        // The vocabulary flags the pronouns and `the` (in lower case): other words
        // skip the list scans.
        if t.kind != TokenKind::Word
            || !doc_words.has(i, COREF)
            || covered(t.span)
            || (!repeats.is_empty() && starts_in(repeats, t.span))
        {
            i += 1;
            continue;
        }
        let word = t.text(text);
        let found = if find(SINGULAR, word).is_some() {
            Some((Kind::He, i))
        } else if find(PLURAL, word).is_some() {
            Some((Kind::They, i))
        } else if word.eq_ignore_ascii_case("the") {
            nominal_head(text, tokens, i)
        } else {
            None
        };
        let Some((kind, last)) = found else {
            i += 1;
            continue;
        };
        let span = Span {
            start: t.span.start,
            end: tokens[last].span.end,
        };
        if covered(span) {
            i += 1;
            continue;
        }
        let head = tokens[last].text(text);
        let antecedent = match kind {
            // The nearest person of a compatible gender (unknown fits both).
            Kind::He => person.and_then(|last| {
                let fits = |k: usize| match (gender::of_pronoun(word), genders[k]) {
                    (Some(p), Some(g)) => p == g,
                    _ => true,
                };
                if fits(last) {
                    return Some(&entities[last]);
                }
                (next.saturating_sub(LOOKBACK)..next)
                    .rev()
                    .find(|&k| entities[k].entity_type == EntityType::Person && fits(k))
                    .map(|k| &entities[k])
            }),
            Kind::They => None,
            // The nearest of the last LOOKBACK entities (linear time on any input).
            Kind::Person => entities[next.saturating_sub(LOOKBACK)..next]
                .iter()
                .rev()
                .find(|e| {
                    e.entity_type == EntityType::Person
                        && e.roles.iter().any(|r| {
                            r.title
                                .split_whitespace()
                                .any(|w| w.eq_ignore_ascii_case(head))
                        })
                }),
            Kind::Organization(subtype) => entities[next.saturating_sub(LOOKBACK)..next]
                .iter()
                .rev()
                .find(|e| {
                    e.entity_type == EntityType::Organization
                        && ((!subtype.is_empty() && e.subtype == subtype)
                            || e.canonical
                                .split_whitespace()
                                .any(|w| w.eq_ignore_ascii_case(head)))
                }),
            Kind::Country => country.map(|k| &entities[k]),
        };
        let entity_type = if matches!(kind, Kind::He | Kind::They) {
            EntityType::Pronoun
        } else {
            EntityType::Nominal
        };
        let possessive = tokens
            .get(last + 1)
            .is_some_and(|p| p.kind == TokenKind::Possessive && p.span.start == span.end);
        let mut e = match antecedent {
            Some(a) => Entity {
                entity_type,
                ..a.linked_at(span, FoundBy::Coreference, possessive)
            },
            // Its own document id (the slug is lower-case).
            None => Entity::in_document(
                span,
                entity_type,
                span.slice(text),
                span.slice(text),
                FoundBy::Coreference,
                possessive,
            ),
        };
        e.sentence = sentence_of(sentences, span.start);
        e.sentiment = Sentiment::default();
        e.confidence = crate::entities::confidence_of(FoundBy::Coreference, entity_type);
        added.push(e);
        i = last + 1;
    }
    if added.is_empty() {
        return;
    }
    entities.extend(added);
    // Stable, and no added mention overlaps a named one: the same order as before.
    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
}

/// After `the` at token `i`: up to two lower-case modifiers and a listed head noun,
/// not followed by a capitalized word (`the president Donald Trump` is a name's).
fn nominal_head(text: &str, tokens: &[Token], i: usize) -> Option<(Kind, usize)> {
    for j in i + 1..tokens.len().min(i + 4) {
        crate::util::steps::add(1);
        let t = &tokens[j];
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(text);
        let kind = if find(PERSON_HEADS, w).is_some() {
            Some(Kind::Person)
        } else if let Some(k) = ORGANIZATION_HEADS
            .iter()
            .position(|(h, _)| h.eq_ignore_ascii_case(w))
        {
            Some(Kind::Organization(ORGANIZATION_HEADS[k].1))
        } else if find(COUNTRY_HEADS, w).is_some() {
            Some(Kind::Country)
        } else {
            None
        };
        if let Some(kind) = kind {
            let name_follows = tokens
                .get(j + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && !is_lower(n.text(text)));
            return (!name_follows).then_some((kind, j));
        }
        if !is_lower(w) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analyzer::Analyzer;
    use crate::types::EntityType;

    #[test]
    fn pronouns_link_to_the_preceding_person() {
        let a = Analyzer::new();
        let text = "Vladimir Putin met the press. He said the company would pay. They left.";
        let r = a.analyze(text);
        let he = r
            .entities
            .iter()
            .find(|e| e.span.slice(text) == "He")
            .unwrap();
        assert_eq!(he.entity_type, EntityType::Pronoun);
        assert_eq!(he.canonical, "Vladimir Putin");
        let they = r
            .entities
            .iter()
            .find(|e| e.span.slice(text) == "They")
            .unwrap();
        assert_eq!(they.id, "doc:pronoun:they");
        let company = r
            .entities
            .iter()
            .find(|e| e.span.slice(text) == "the company")
            .unwrap();
        assert_eq!(company.entity_type, EntityType::Nominal);
        assert_eq!(company.id, "doc:nominal:the-company");
        assert!(r
            .entities
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }
}
