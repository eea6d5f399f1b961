//! Pathological input: huge and repetitive texts are analyzed in linear time, with
//! every mention found, except in the copies of a phrase past its eighth in a row
//! (`text::repeats`). (A quadratic step would make these run for hours.)

mod common;

use common::ANALYZER;

/// `n` sentences made by `f` from a lower-case word that spells their number (`qba`,
/// `qbb`...: no digits, which some lexicon aliases are, and no word such as `he`):
/// each differs from the one before, so no phrase repeats and every mention counts.
fn numbered(n: usize, f: impl Fn(String) -> String) -> String {
    let word = |mut i: usize| {
        let mut w = String::from("q");
        loop {
            w.insert(1, char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                break;
            }
        }
        w
    };
    (0..n).map(|i| f(word(i))).collect()
}

#[test]
fn a_quarter_million_names() {
    let text = numbered(125_000, |i| {
        format!("Vladimir Putin met Russia on day {i}. ")
    });
    let a = ANALYZER.analyze(&text);
    assert_eq!(a.entities.len(), 250_000);
    assert_eq!(a.sentences.len(), 125_000);
}

#[test]
fn repeated_titles_names_and_cues() {
    let text = numbered(50_000, |i| {
        format!("President John Smith said Mueller left at {i}. ")
    });
    let a = ANALYZER.analyze(&text);
    assert_eq!(
        a.claims.iter().filter(|c| c.speaker.is_some()).count(),
        50_000
    );
    assert_eq!(a.entities.len(), 100_000);
}

#[test]
fn repeated_acronym_definitions_and_uses() {
    let text = numbered(20_000, |i| {
        format!("The Global Alliance for Clean Water (GACW) met {i} times. GACW said. ")
    });
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
fn exact_repeats_are_reported_up_to_the_eighth_copy() {
    // 125,000 copies of one sentence: its first eight copies give their mentions and
    // claims; the rest is one repeated run, named in the analysis.
    let copy = "President John Smith said Mueller left. ";
    let text = copy.repeat(125_000);
    let a = ANALYZER.analyze(&text);
    assert_eq!(a.entities.len(), 16);
    assert_eq!(a.claims.len(), 8);
    assert_eq!(a.repeats.len(), 1);
    assert_eq!(a.repeats[0].start, 8 * copy.len());
    assert_eq!(a.repeats[0].end, text.trim_end().len());
    // And the record says so.
    let record = newslens::Document::from_analysis("x", &a);
    assert_eq!(record.warnings.len(), 1);
    assert_eq!(record.warnings[0].kind.as_str(), "repeated_text");
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
