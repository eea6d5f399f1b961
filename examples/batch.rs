//! A JSON Lines corpus analyzed in parallel, written in input order: what
//! `newslens analyze --jsonl FILE` does, from the library.
//!
//! ```text
//! cargo run --release --example batch -- [FILE.jsonl] > out.jsonl
//! ```
//!
//! Each input line is `{"id": ..., "text": ..., "title"?, "date"?}`; each output line
//! is the article's record, or an error record in its place (a bad line never stops
//! the run). Memory stays bounded whatever the corpus size. Without FILE, reads the
//! benchmarks' sample (`benches/data/sample.jsonl`).

use std::io::{self, Write};
use std::path::PathBuf;

use newslens::batch::{self, Options};
use newslens::Analyzer;

/// Analyzes the JSON Lines file at `path` and writes one record per line to `out`.
pub fn analyze_corpus(
    analyzer: &Analyzer,
    path: PathBuf,
    out: impl Write,
) -> io::Result<batch::Summary> {
    let opts = Options::default();
    // Files and directories, read on a thread of their own, in order.
    let items = batch::items_from_paths(vec![path], true, opts.clone());
    // On rayon's global pool (or pass Some(&pool) for a pool of your own).
    batch::run(analyzer, items, out, &opts, None, &|e| {
        eprintln!("skipped: {e}")
    })
}

fn main() -> io::Result<()> {
    let path = std::env::args_os().nth(1).map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/benches/data/sample.jsonl"
            ))
        },
        PathBuf::from,
    );
    let analyzer = Analyzer::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let summary = analyze_corpus(&analyzer, path, &mut out)?;
    out.flush()?;
    eprintln!(
        "{} documents, {} errors, {} entities, {} claims",
        summary.documents, summary.errors, summary.entities, summary.claims
    );
    Ok(())
}
