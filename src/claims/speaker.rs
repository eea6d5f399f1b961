//! Speaker resolution: which named entity each claim's speaker refers to, so that
//! claims can be counted by person with one group-by on `speaker.entity_id`.
//!
//! A speaker's referent ([`Speaker::referent`]) is the index of an entity mention whose
//! `id` and `canonical` name are the speaker's, found in this order:
//!
//! 1. the named mention that ends the speaker phrase (`Eurojust President Michael
//!    Schmid`, `a spokesman for Apple`);
//! 2. a coreference mention (pronoun or nominal, [`crate::entities::coref`]) that ends
//!    the phrase and was linked to a named entity (`he` -> the person it resolved to,
//!    `the company` -> a company); an unlinked one (`doc:pronoun:they`) counts for
//!    nothing;
//! 3. a relative pronoun (`Jane Roe, who chairs the panel, said`): the person or
//!    organization named right before its comma;
//! 4. an apposition: a person named between commas right after the phrase (`the
//!    bank's chief economist, Sarah Klein, said`) or right before it (`Sarah Klein, the
//!    bank's chief economist, said`);
//! 5. a role noun (`the German chancellor said`): the nearest person before it whose
//!    role title holds the noun (and, when the phrase names a country or nationality,
//!    whose role is that country's).

use crate::entities::coref::PERSON_HEADS;
use crate::types::{Claim, Entity, EntityType, Span, Token, TokenKind};

/// How many entities back a role noun looks for a person holding the role.
const LOOKBACK: usize = 64;

/// True when the mention carries the id of a named entity: a name, or a coreference
/// mention linked to one (its own `doc:pronoun:`/`doc:nominal:` id does not count).
pub(crate) fn names_an_entity(e: &Entity) -> bool {
    match e.entity_type {
        EntityType::Person | EntityType::Organization | EntityType::Country => true,
        EntityType::Pronoun | EntityType::Nominal => {
            !(e.id.starts_with("doc:pronoun:") || e.id.starts_with("doc:nominal:"))
        }
        EntityType::Location | EntityType::Nationality => false,
    }
}

/// True when the mention is (or was linked to) a person or an organization.
fn is_agent(e: &Entity) -> bool {
    names_an_entity(e)
        && match e.entity_type {
            EntityType::Person | EntityType::Organization => true,
            EntityType::Pronoun | EntityType::Nominal => {
                e.id.starts_with("person:")
                    || e.id.starts_with("org:")
                    || e.id.starts_with("doc:person:")
                    || e.id.starts_with("doc:organization:")
            }
            _ => false,
        }
}

/// Sets the referent of every claim's speaker (see the module documentation).
pub(crate) fn resolve_referents(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    claims: &mut [Claim],
) {
    for c in claims {
        crate::util::steps::add(1);
        if let Some(s) = &mut c.speaker {
            if s.referent.is_none() {
                s.referent = referent(text, tokens, entities, s.span, s.entity);
            }
        }
    }
}

/// The index of the mention naming who the speaker phrase `np` refers to.
fn referent(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    np: Span,
    entity: Option<usize>,
) -> Option<usize> {
    if let Some(i) = entity.filter(|&i| names_an_entity(&entities[i])) {
        return Some(i);
    }
    // Mentions starting inside the phrase (entities are sorted by start).
    let lo = entities.partition_point(|e| e.span.start < np.start);
    let hi = entities.partition_point(|e| e.span.start < np.end);
    let inside = &entities[lo..hi];
    if let Some(k) = inside
        .iter()
        .rposition(|e| e.span.end == np.end && names_an_entity(e))
    {
        return Some(lo + k);
    }
    let first = tokens.partition_point(|t| t.span.start < np.start);
    let last = tokens.partition_point(|t| t.span.start < np.end);
    if first >= last {
        return None;
    }
    let words = &tokens[first..last];
    let is = |t: Option<&Token>, s: &str| t.is_some_and(|t| t.text(text) == s);
    // An agent mention ending right at byte `end` (before a comma).
    let agent_ending_at = |end: usize| {
        let k = entities.partition_point(|e| e.span.start < end);
        entities[k.saturating_sub(8)..k]
            .iter()
            .rposition(|e| e.span.end == end && is_agent(e))
            .map(|j| k.saturating_sub(8) + j)
    };
    let before_comma = first
        .checked_sub(1)
        .filter(|&j| is(tokens.get(j), ","))
        .map(|j| tokens[j].span.start);
    // 3. A relative pronoun: the agent named before its comma.
    if words.len() == 1 && words[0].text(text).eq_ignore_ascii_case("who") {
        return before_comma.and_then(agent_ending_at);
    }
    // A pronoun that coreference left unlinked names nobody.
    if inside.iter().any(|e| e.entity_type == EntityType::Pronoun) {
        return None;
    }
    // 4. An apposition: `PHRASE, Name,` or `Name, PHRASE`.
    let after = is(tokens.get(last), ",")
        .then(|| tokens.get(last + 1))
        .flatten()
        .map(|t| t.span.start);
    if let Some(start) = after {
        let k = entities.partition_point(|e| e.span.start < start);
        if let Some(e) = entities.get(k).filter(|e| {
            e.span.start == start && e.entity_type == EntityType::Person && names_an_entity(e)
        }) {
            let j = tokens.partition_point(|t| t.span.start < e.span.end);
            if is(tokens.get(j), ",") || is(tokens.get(j), "'s") {
                return Some(k);
            }
        }
    }
    let lower_phrase = words[0]
        .text(text)
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    if lower_phrase && inside.is_empty() {
        if let Some(k) = before_comma.and_then(agent_ending_at) {
            if entities[k].entity_type == EntityType::Person || is_person_id(&entities[k]) {
                return Some(k);
            }
        }
    }
    // 5. A role noun: the nearest person before it holding that role.
    let head = words.last()?;
    if head.kind != TokenKind::Word {
        return None;
    }
    let head = head.text(text);
    if !PERSON_HEADS.iter().any(|h| h.eq_ignore_ascii_case(head)) {
        return None;
    }
    let country = inside
        .iter()
        .find(|e| matches!(e.entity_type, EntityType::Country | EntityType::Nationality))
        .and_then(|e| e.country);
    entities[lo.saturating_sub(LOOKBACK)..lo]
        .iter()
        .rposition(|e| {
            e.entity_type == EntityType::Person
                && e.roles.iter().any(|r| {
                    r.title
                        .split_whitespace()
                        .any(|w| w.eq_ignore_ascii_case(head))
                        && country.is_none_or(|c| r.country.as_deref().is_none_or(|rc| rc == c))
                })
        })
        .map(|j| lo.saturating_sub(LOOKBACK) + j)
}

/// Page furniture that opens a line: a claim in such a sentence is no claim.
const FURNITURE: &[&str] = &[
    "story continued below",
    "continue reading",
    "now watch",
    "just watched",
    "watch:",
    "read more",
    "more:",
    "related:",
    "editor's note",
    "editor’s note",
    "file photo",
    "advertisement",
    "click here",
    "sign up",
];

/// True when a claim's speaker is page furniture, not a speaker: its sentence opens
/// with a furniture phrase (`Story Continued Below`, `NOW WATCH`), or the speaker is
/// written in capitals (a dateline such as `DENVER`, a line such as `EDITOR'S NOTE`)
/// and names no entity: several words, or one word of four letters or more with a
/// vowel (`CNBC` or `TMZ` may still be an outlet's acronym).
pub(crate) fn is_furniture(text: &str, sentence: Span, claim: &Claim) -> bool {
    let Some(s) = claim.speaker else {
        return false;
    };
    let opening = sentence.slice(text).trim_start();
    let opening: String = opening.chars().take(24).collect::<String>().to_lowercase();
    if FURNITURE.iter().any(|f| opening.starts_with(f)) {
        return true;
    }
    if s.referent.is_some() {
        return false;
    }
    let phrase = s.span.slice(text);
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return false;
    }
    let words = phrase.split_whitespace().count();
    words > 1
        || (letters.len() >= 4
            && letters
                .iter()
                .any(|c| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')))
}

/// True when a coreference mention was linked to a person.
fn is_person_id(e: &Entity) -> bool {
    e.id.starts_with("person:") || e.id.starts_with("doc:person:")
}

#[cfg(test)]
mod tests {
    use crate::analyzer::Analyzer;

    /// The speaker text and its referent's canonical name, per attributed claim.
    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let a = Analyzer::new();
        let r = a.analyze(text);
        r.claims
            .iter()
            .filter_map(|c| c.speaker)
            .map(|s| {
                (
                    s.span.slice(text).to_string(),
                    s.referent.map(|i| r.entities[i].canonical.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn pronoun_speakers_take_their_antecedent() {
        let got = speakers("Nora Castellanos visited the plant. She said it would reopen.");
        assert_eq!(got, [("She".into(), Some("Nora Castellanos".into()))]);
    }

    #[test]
    fn page_furniture_is_no_speaker() {
        let text = "Story Continued Below\n\nDENVER saying it was over.\n\nCNBC said rates rose.";
        let got: Vec<String> = speakers(text).into_iter().map(|(s, _)| s).collect();
        assert!(
            !got.iter().any(|s| s == "Story" || s == "DENVER"),
            "{got:?}"
        );
    }

    #[test]
    fn unlinked_plural_pronouns_name_nobody() {
        let got = speakers("The workers walked out. They said pay was too low.");
        assert_eq!(got, [("They".into(), None)]);
    }
}
