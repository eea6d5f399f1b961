//! The lexicon and word-list parsers on arbitrary text: an error or a lexicon, no panic;
//! a parsed lexicon compiles into a gazetteer that matches without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::entities::gazetteer::Gazetteer;
use newslens::lexicon::{Lexicon, WordLists};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lex = Lexicon::new();
    if let Err(e) = lex.add_tsv("fuzz.tsv", &text) {
        assert!(e.to_string().starts_with("fuzz.tsv:"));
    }
    let g = Gazetteer::new(&lex);
    let _ = g.find(&text);
    let mut w = WordLists::default();
    let _ = w.add_cues("c", &text);
    let _ = w.add_roles("r", &text);
    let _ = w.add_sentiment("s", &text);
    let _ = w.add_first_names("f", &text);
    let _ = w.add_surnames("n", &text);
});
