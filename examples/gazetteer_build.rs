//! Builds the gazetteer once (for instruction counts under callgrind).
fn main() {
    let lex = newslens::lexicon::Lexicon::bundled();
    let g = newslens::entities::gazetteer::Gazetteer::new(&lex);
    println!("{}", g.pattern_count());
}
