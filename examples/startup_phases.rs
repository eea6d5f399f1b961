//! Times the phases of building the bundled analyzer: parsing the entity lexicons,
//! the word lists, compiling the gazetteer, and the whole `Analyzer::new`.
//! `cargo run --release --example startup_phases`
use std::time::Instant;

use newslens::entities::gazetteer::Gazetteer;
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
    drop((lex, words));
    let t = Instant::now();
    let a = newslens::Analyzer::new();
    let t_all = t.elapsed();
    println!(
        "lexicons {t_lex:?} ({} entries), word lists {t_words:?}, gazetteer {t_gaz:?} ({} forms); Analyzer::new {t_all:?}",
        a.lexicon().len(),
        g.pattern_count(),
    );
}
