//! One article piped through standard input, out as one JSON record on standard
//! output: what `newslens analyze` does with no file.
//!
//! ```text
//! echo "Vladimir Putin said the talks failed." | cargo run --release --example stdin
//! ```

use std::io::{self, Read};

use newslens::Analyzer;

/// The JSON record of one article: the same bytes as the CLI prints for it.
pub fn record(analyzer: &Analyzer, id: &str, text: &str) -> String {
    let doc = analyzer.analyze_document(id, text);
    serde_json::to_string(&doc).expect("a Document always serializes")
}

fn main() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    let analyzer = Analyzer::new();
    println!("{}", record(&analyzer, "stdin", &text));
    Ok(())
}
