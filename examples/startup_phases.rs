//! Times the phases of building the bundled analyzer (parse lexicons, word lists,
//! gazetteer automaton). `cargo run --release --example startup_phases`
use std::time::Instant;

use newslens::gazetteer::Gazetteer;
use newslens::lexicon::{Lexicon, WordLists};

fn main() {
    let t = Instant::now();
    let lex = Lexicon::bundled();
    let t_lex = t.elapsed();
    let t = Instant::now();
    let words = WordLists::bundled();
    let t_words = t.elapsed();
    let t = Instant::now();
    let g = Gazetteer::new(&lex);
    let t_gaz = t.elapsed();
    let t = Instant::now();
    let a = newslens::Analyzer::from_parts(lex, words);
    let t_rest = t.elapsed();
    println!(
        "lexicons {:?} ({} entries), word lists {:?}, gazetteer {:?} ({} forms), analyzer (gazetteer again + surnames) {:?}",
        t_lex,
        a.lexicon().len(),
        t_words,
        t_gaz,
        g.pattern_count(),
        t_rest
    );
}
