//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::sync::LazyLock;

use newslens::Analyzer;

/// One analyzer with the bundled lexicons for every test in a binary.
pub static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// The seed article, read from the repository's test data.
pub fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/us-withdraws-from-icpa.txt"
    ))
    .expect("tests/data/us-withdraws-from-icpa.txt")
}

/// Byte offsets of every whole-word occurrence of `needle` in `text`.
pub fn occurrences(text: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let s = from + i;
        let e = s + needle.len();
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            out.push(s);
        }
        from = s + needle.len();
    }
    out
}
