//! The analyzer on arbitrary text: no panic, and the span invariants hold.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newslens::output::RecordRef;
use newslens::Analyzer;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fn ok(text: &str, s: newslens::Span) {
    assert!(s.start <= s.end && s.end <= text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = ANALYZER.analyze(&text);
    let mut prev = 0;
    for e in &a.entities {
        ok(&text, e.span);
        assert!(e.span.start >= prev);
        prev = e.span.start;
    }
    for s in &a.sentences {
        ok(&text, s.span);
    }
    for c in &a.claims {
        ok(&text, c.span);
        for s in [c.cue, c.content, c.speaker.map(|s| s.span)].into_iter().flatten() {
            ok(&text, s);
        }
    }
    let json = serde_json::to_string(&RecordRef::new("f", &a)).unwrap();
    let _: serde_json::Value = serde_json::from_str(&json).unwrap();
});
