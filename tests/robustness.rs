//! Pathological input: huge and repetitive texts are analyzed in linear time, with
//! every mention found. (A quadratic step would make these run for hours.)

mod common;

use common::ANALYZER;

#[test]
fn a_quarter_million_names() {
    let text = "Vladimir Putin met Russia. ".repeat(125_000);
    let a = ANALYZER.analyze(&text);
    assert_eq!(a.entities.len(), 250_000);
    assert_eq!(a.sentences.len(), 125_000);
}

#[test]
fn repeated_titles_names_and_cues() {
    let text = "President John Smith said Mueller left. ".repeat(50_000);
    let a = ANALYZER.analyze(&text);
    assert_eq!(
        a.claims.iter().filter(|c| c.speaker.is_some()).count(),
        50_000
    );
    assert_eq!(a.entities.len(), 100_000);
}

#[test]
fn repeated_acronym_definitions_and_uses() {
    let text = "The Global Alliance for Clean Water (GACW) met. GACW said. ".repeat(20_000);
    let a = ANALYZER.analyze(&text);
    // The definition once; then every use, in parentheses or not.
    let uses = a
        .entities
        .iter()
        .filter(|e| e.span.slice(&text) == "GACW")
        .count();
    assert_eq!(uses, 40_000);
}

#[test]
fn quotes_and_punctuation_runs() {
    for text in [
        "“a” ".repeat(200_000),
        "(".repeat(500_000),
        ". ".repeat(500_000),
        "a".repeat(3_000_000),
        "\"".repeat(300_001),
        "\n".repeat(1_000_000),
    ] {
        let a = ANALYZER.analyze(&text);
        assert!(a.sentences.len() <= text.len());
    }
}
