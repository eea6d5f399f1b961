//! Property tests of the span invariants, on arbitrary and on news-like text.

mod common;

use common::ANALYZER;
use newslens::Document;
use proptest::prelude::*;

fn check_span(text: &str, start: usize, end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "{start}..{end} out of 0..{}",
        text.len()
    );
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
}

fn check(text: &str) {
    let a = ANALYZER.analyze(text);
    let mut last = 0;
    for s in &a.sentences {
        check_span(text, s.span.start, s.span.end);
        assert!(
            s.span.start >= last,
            "sentences overlap or are out of order"
        );
        assert!(!s.span.is_empty());
        assert!((0.0..=1.0).contains(&s.checkworthiness));
        last = s.span.end;
    }
    let mut prev = 0;
    for e in &a.entities {
        check_span(text, e.span.start, e.span.end);
        assert!(e.span.start >= prev, "entities not sorted by start");
        assert!(!e.span.is_empty());
        assert!((-1.0..=1.0).contains(&e.sentiment.score));
        prev = e.span.start;
    }
    for c in &a.claims {
        check_span(text, c.span.start, c.span.end);
        for s in [c.cue, c.content, c.speaker.map(|s| s.span)]
            .into_iter()
            .flatten()
        {
            check_span(text, s.start, s.end);
        }
        if let Some(i) = c.speaker.and_then(|s| s.entity) {
            assert!(i < a.entities.len());
        }
    }
    // The JSON: text == slice by char offsets, and byte/char offsets agree.
    let json = serde_json::to_value(Document::from_analysis("p", &a)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let check_json = |v: &serde_json::Value| {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        let (cs, ce) = (
            v["char_start"].as_u64().unwrap() as usize,
            v["char_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[..s].chars().count(), cs);
        assert_eq!(text[..e].chars().count(), ce);
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            assert_eq!(t, chars[cs..ce].iter().collect::<String>());
        }
    };
    for e in json["entities"].as_array().unwrap() {
        check_json(e);
    }
    for s in json["sentences"].as_array().unwrap() {
        check_json(s);
    }
    for c in json["claims"].as_array().unwrap() {
        check_json(c);
        for k in ["speaker", "cue", "content"] {
            if !c[k].is_null() {
                check_json(&c[k]);
            }
        }
    }
}

/// News-like fragments so the properties exercise entities and claims, not just noise.
const PIECES: &[&str] = &[
    "The U.S. ",
    "Russia’s ",
    "Vladimir Putin ",
    "said ",
    "“We will win,” ",
    "according to ",
    "officials. ",
    "Mr. ",
    "Smith ",
    "(ICPA) ",
    "International Center ",
    "3.5% ",
    "\n\n",
    "Zürich ",
    "日本 ",
    "… ",
    "\"",
    "'s ",
    "U.N. ",
    "confirmed ",
    "Ukraine.",
    "é",
    "\u{200B}",
    "?",
    "!",
    " ",
    ",",
    "Critics ",
    "denied ",
    "NATO ",
    "\r\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn any_unicode(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
        let text: String = parts.concat();
        check(&text);
    }
}
