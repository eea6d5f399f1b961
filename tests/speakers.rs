//! Table-driven speaker resolution: each case is a short text written for this test,
//! the speaker phrase of one attributed claim in it, and the canonical name the
//! speaker must resolve to (`speaker.entity_id`/`canonical` in the JSON), or `None`
//! when the phrase names nobody.

mod common;

use common::ANALYZER;
use newslens::Document;

/// (case name, text, speaker phrase, expected canonical name).
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "named",
        "Priya Raman opened the session. Priya Raman said the fund was empty.",
        "Priya Raman",
        Some("Priya Raman"),
    ),
    (
        "pronoun",
        "Oskar Lindqvist toured the harbor. He said the cranes were too old.",
        "He",
        Some("Oskar Lindqvist"),
    ),
    (
        "pronoun, lower case",
        "After the hearing, Helen Marsh stayed behind, and she said the ruling was fair.",
        "she",
        Some("Helen Marsh"),
    ),
    (
        "gender: she skips the nearer man",
        "Margaret Oduya met Thomas Brennan at the port. She said the deal was done.",
        "She",
        Some("Margaret Oduya"),
    ),
    (
        "gender: he skips the nearer woman",
        "Richard Okafor spoke after Susan Whitfield. He said the plan was too costly.",
        "He",
        Some("Richard Okafor"),
    ),
    (
        "gender through a surname",
        "Linda Carvalho arrived late. Peter Novak waved. Carvalho smiled, and she said the vote was lost.",
        "she",
        Some("Linda Carvalho"),
    ),
    (
        "no person of that gender: nobody",
        "George Pellman chaired the meeting. She said the minutes were wrong.",
        "She",
        None,
    ),
    (
        "plural pronoun: nobody",
        "Nurses at the clinic went on strike. They said the wards were unsafe.",
        "They",
        None,
    ),
    (
        "relative pronoun",
        "The budget passed after a long night, and Daniel Asante, who leads the finance panel, said it would hold.",
        "Daniel Asante",
        Some("Daniel Asante"),
    ),
    (
        "apposition after the role",
        "The airline's chief pilot, Maria Fontaine, said the new jets were safe.",
        "The airline's chief pilot",
        Some("Maria Fontaine"),
    ),
    (
        "apposition before the role",
        "Tomas Greer, the agency's director, said the report was accurate.",
        "Tomas Greer",
        Some("Tomas Greer"),
    ),
    (
        "title noun",
        "Donald Trump visited the factory. The president said the jobs would return.",
        "The president",
        Some("Donald Trump"),
    ),
];

#[test]
fn speakers_resolve_to_the_entity_they_mean() {
    let mut failures = Vec::new();
    for &(name, text, phrase, want) in CASES {
        let doc = ANALYZER.analyze_document("t", text);
        let Some(s) = doc
            .claims
            .iter()
            .filter_map(|c| c.speaker.as_ref())
            .find(|s| s.text == phrase)
        else {
            failures.push(format!(
                "{name}: no speaker {phrase:?} in {:?}",
                doc.claims
                    .iter()
                    .filter_map(|c| c.speaker.as_ref().map(|s| &s.text))
                    .collect::<Vec<_>>()
            ));
            continue;
        };
        if s.canonical.as_deref() != want {
            failures.push(format!(
                "{name}: {phrase:?} -> {:?}, want {want:?}",
                s.canonical
            ));
        }
        // The id is present exactly when the name is, and is never a pronoun's own.
        assert_eq!(s.entity_id.is_some(), s.canonical.is_some(), "{name}");
        if let Some(id) = &s.entity_id {
            assert!(!id.starts_with("doc:pronoun:") && !id.starts_with("doc:nominal:"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The README's example: claims counted by `speaker.entity_id` in one group-by.
#[test]
fn quotes_count_by_person() {
    let text = "Ines Barros visited the dam. She said the water was clean. \
                Barros later said the report would be public. Mark Dunn said he disagreed.";
    let doc: Document = ANALYZER.analyze_document("t", text);
    let mut counts = std::collections::BTreeMap::new();
    for c in &doc.claims {
        if let Some(name) = c.speaker.as_ref().and_then(|s| s.canonical.as_deref()) {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    assert_eq!(counts.get("Ines Barros"), Some(&2), "{counts:?}");
    assert_eq!(counts.get("Mark Dunn"), Some(&1), "{counts:?}");
}
