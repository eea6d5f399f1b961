//! The bundled lexicons: coverage, ambiguity handling, roles in time, user lexicons.

mod common;

use common::ANALYZER;
use newslens::{Analyzer, EntityType};

/// Sovereign countries whose demonym is another country's too, and so resolves to
/// that one: "Congolese" is the Democratic Republic of the Congo's, "Dominican" the
/// Dominican Republic's.
const SHARED_DEMONYM: &[&str] = &["country:COG", "country:DMA"];

#[test]
fn every_sovereign_country_by_name_and_demonym() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for e in ANALYZER.lexicon().entries() {
        if e.entity_type != EntityType::Country || e.subtype != "sovereign" {
            continue;
        }
        checked += 1;
        let text = format!("Officials traveled to {} on Monday.", e.canonical);
        let a = ANALYZER.analyze(&text);
        if !a
            .entities
            .iter()
            .any(|m| m.id == e.id && m.span.slice(&text) == e.canonical)
        {
            failures.push(format!("{} by name in {text:?}", e.id));
        }
        if SHARED_DEMONYM.contains(&&*e.id) {
            continue;
        }
        let Some(demonym) = e.demonyms.first() else {
            failures.push(format!("{} has no demonym", e.id));
            continue;
        };
        let text = format!("Officials said the {demonym} delegation arrived on Monday.");
        let a = ANALYZER.analyze(&text);
        if !a
            .entities
            .iter()
            .any(|m| m.id == e.id && m.span.slice(&text) == demonym)
        {
            failures.push(format!("{} by demonym in {text:?}", e.id));
        }
    }
    assert!(checked >= 193, "only {checked} sovereign countries");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn counts_meet_the_targets() {
    let counts = ANALYZER.lexicon().counts();
    let count = |t: EntityType| counts.iter().find(|c| c.0 == t).unwrap().1;
    assert!(count(EntityType::Person) >= 20_000);
    assert!(count(EntityType::Organization) >= 8_000);
    assert!(count(EntityType::Country) >= 240);
}

fn ids(text: &str) -> Vec<(String, String)> {
    ANALYZER
        .analyze(text)
        .entities
        .iter()
        .map(|e| (e.span.slice(text).to_string(), e.id.to_string()))
        .collect()
}

#[test]
fn common_words_and_sentence_start_capitals_are_not_entities() {
    for text in [
        "We ate turkey with rice from china plates in a nice jordan bowl.",
        "Turkey is on the menu tonight.",
        "Chad Smith and Jordan Peterson talked about Georgia Tech.",
        "May was warm and Bill paid the bill.",
        "Nice weather, said Grace.",
    ] {
        let found: Vec<(String, String)> = ids(text)
            .into_iter()
            .filter(|(_, id)| id.starts_with("country:") || id.starts_with("loc:"))
            .collect();
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn real_uses_of_ambiguous_names_are_entities() {
    let text = "Turkey said talks with Jordan would resume. Troops in Turkey and Chad were put on alert, and Georgia's president agreed.";
    let got = ids(text);
    for (name, id) in [
        ("Turkey", "country:TUR"),
        ("Jordan", "country:JOR"),
        ("Chad", "country:TCD"),
        ("Georgia", "country:GEO"),
    ] {
        assert!(
            got.iter().any(|(t, i)| t == name && i == id),
            "{name} missing in {got:?}"
        );
    }
    // Both Turkeys: the sentence-initial one is supported by the later one.
    assert_eq!(got.iter().filter(|(t, _)| t == "Turkey").count(), 2);
}

#[test]
fn seats_of_government_are_locations_of_their_country() {
    let text = "The Kremlin rejected the plan, while Washington's support wavered.";
    let a = ANALYZER.analyze(text);
    let kremlin = a
        .entities
        .iter()
        .find(|e| e.span.slice(text) == "Kremlin")
        .unwrap();
    assert_eq!(kremlin.entity_type, EntityType::Location);
    assert_eq!(kremlin.country, Some("RUS"));
    let washington = a
        .entities
        .iter()
        .find(|e| e.span.slice(text) == "Washington")
        .unwrap();
    assert_eq!(washington.country, Some("USA"));
}

#[test]
fn roles_follow_the_article_date() {
    let text = "Attorney General Merrick Garland met reporters.";
    let titles = |date: Option<&str>| -> Vec<String> {
        let a = ANALYZER.analyze_dated(text, date);
        let g = a
            .entities
            .iter()
            .find(|e| e.canonical == "Merrick Garland")
            .unwrap();
        g.roles.iter().map(|r| r.title.to_string()).collect()
    };
    assert!(titles(Some("2022-06-01")).contains(&"Attorney General".to_string()));
    assert!(!titles(Some("2026-06-01")).contains(&"Attorney General".to_string()));
}

#[test]
fn user_entries_win_over_bundled_ones() {
    let a = Analyzer::builder()
        .lexicon_text(
            "mine.tsv",
            "id\ttype\tcanonical\taliases\nmine:eu\torganization\tEuropean Union of Unions\tEU\n\
             country:FRA\tcountry\tFrench Republic\tFrance\n",
        )
        .build()
        .unwrap();
    let text = "The EU and France agreed.";
    let r = a.analyze(text);
    let eu = r
        .entities
        .iter()
        .find(|e| e.span.slice(text) == "EU")
        .unwrap();
    assert_eq!(eu.id, "mine:eu");
    let fr = r
        .entities
        .iter()
        .find(|e| e.span.slice(text) == "France")
        .unwrap();
    assert_eq!(
        fr.canonical, "French Republic",
        "same id: the user entry replaces the bundled one"
    );
}

#[test]
fn malformed_user_lexicon_is_refused_with_file_and_line() {
    let err = Analyzer::builder()
        .lexicon_text(
            "bad.tsv",
            "id\ttype\tcanonical\nx\tperson\tAnn\ny\tgalaxy\tBo\n",
        )
        .build()
        .unwrap_err();
    assert_eq!(err.file(), "bad.tsv");
    assert_eq!(err.line(), Some(3));
    assert_eq!(err.field(), Some("type"));
    assert!(err
        .to_string()
        .starts_with("bad.tsv:3: type: unknown type `galaxy`"));
}
