//! The JSON Lines reader and the record writer on arbitrary bytes: no panic, one valid
//! JSON line out per record read.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newslens::batch::{render, JsonlReader, Options};
use newslens::Analyzer;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        max_bytes: 4096,
        ..Options::default()
    };
    let mut out = Vec::new();
    let mut n = 0;
    for item in JsonlReader::new(data, "fuzz", &opts) {
        render(&ANALYZER, &item, false, &mut out);
        n += 1;
    }
    let text = std::str::from_utf8(&out).unwrap();
    assert_eq!(text.lines().count(), n);
    for line in text.lines() {
        let _: serde_json::Value = serde_json::from_str(line).unwrap();
    }
});
