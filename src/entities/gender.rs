//! Grammatical gender for pronoun coreference: `she` never resolves to a man.
//!
//! A person's gender comes from a courtesy title in the mention (`Mr.`, `Mrs.`, `Ms.`)
//! or from the first word of its canonical name looked up in the bundled given names
//! (`lexicons/first_names.tsv`, built from GATE ANNIE's `person_male.lst` and
//! `person_female.lst`, LGPL-3.0; its `source` column says which list a name came
//! from). A name on both lists, or on neither, has no known gender and is compatible
//! with every pronoun.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::lexicon::word_lists::BUNDLED_FIRST_NAMES;

/// A person's or a pronoun's gender.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// he, him, his, himself; a male given name or `Mr.`.
    Male,
    /// she, her, hers, herself; a female given name or `Mrs.`/`Ms.`.
    Female,
}

/// Given name -> gender, for names on exactly one of the two source lists.
fn given_names() -> &'static FxHashMap<&'static str, Gender> {
    static MAP: OnceLock<FxHashMap<&'static str, Gender>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for line in BUNDLED_FIRST_NAMES.lines().skip(1) {
            let (Some(name), Some(source)) = ({
                let mut cols = line.split('\t');
                (cols.next(), cols.next())
            }) else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            let male = source.contains("person_male");
            let female = source.contains("person_female");
            match (male, female) {
                (true, false) => map.insert(name, Gender::Male),
                (false, true) => map.insert(name, Gender::Female),
                _ => None,
            };
        }
        map
    })
}

/// The gender of a third-person singular pronoun, if it is one.
pub(crate) fn of_pronoun(word: &str) -> Option<Gender> {
    const MALE: &[&str] = &["he", "him", "his", "himself"];
    const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
    if MALE.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Some(Gender::Male)
    } else if FEMALE.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a person from the mention's text and canonical name, when known.
pub(crate) fn of_person(mention: &str, canonical: &str) -> Option<Gender> {
    for name in [mention, canonical] {
        let first = name.split_whitespace().next().unwrap_or("");
        match first.trim_end_matches('.') {
            "Mr" => return Some(Gender::Male),
            "Mrs" | "Ms" | "Miss" => return Some(Gender::Female),
            _ => {}
        }
    }
    // A lone word is a surname as often as a given name ("Christie").
    let mut words = canonical.split_whitespace();
    let first = words.next()?;
    words.next()?;
    given_names().get(first).copied()
}

/// The gender of each person in `entities` (None for other types and unknown
/// genders). A one-word name takes the gender of a fuller name in the document that
/// ends with it (`Ocasio-Cortez` after `Alexandria Ocasio-Cortez`), unless two such
/// names disagree.
pub(crate) fn of_people(text: &str, entities: &[crate::entities::Entity]) -> Vec<Option<Gender>> {
    use crate::types::EntityType;
    let mut genders: Vec<Option<Gender>> = entities
        .iter()
        .map(|e| {
            (e.entity_type == EntityType::Person)
                .then(|| of_person(e.span.slice(text), &e.canonical))
                .flatten()
        })
        .collect();
    // Last word of a full name -> its gender (None when names disagree).
    let mut by_surname: FxHashMap<&str, Option<Gender>> = FxHashMap::default();
    for (e, g) in entities.iter().zip(&genders) {
        let Some(g) = *g else { continue };
        let mut words = e.canonical.split_whitespace();
        if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
            by_surname
                .entry(last)
                .and_modify(|old| {
                    if *old != Some(g) {
                        *old = None;
                    }
                })
                .or_insert(Some(g));
        }
    }
    for (e, g) in entities.iter().zip(genders.iter_mut()) {
        if g.is_none()
            && e.entity_type == EntityType::Person
            && !e.canonical.contains(char::is_whitespace)
        {
            *g = by_surname.get(e.canonical.as_ref()).copied().flatten();
        }
    }
    genders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_from_names_titles_and_pronouns() {
        assert_eq!(
            of_person("Warren", "Elizabeth Warren"),
            Some(Gender::Female)
        );
        assert_eq!(of_person("Trump", "Donald Trump"), Some(Gender::Male));
        assert_eq!(of_person("Mrs. Obama", "Obama"), Some(Gender::Female));
        assert_eq!(of_person("Zorblat Quux", "Zorblat Quux"), None);
        assert_eq!(of_person("Christie", "Christie"), None);
        assert_eq!(of_pronoun("She"), Some(Gender::Female));
        assert_eq!(of_pronoun("himself"), Some(Gender::Male));
        assert_eq!(of_pronoun("they"), None);
    }
}
