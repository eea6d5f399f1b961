//! newslens embedded in a research tool: analyze strings, read the typed results,
//! and count, per person, how often each is mentioned and how many claims each is
//! the speaker of; then read the CLI's JSON output back into the same types.
//!
//! ```text
//! cargo run --release --example embed
//! newslens analyze --jsonl corpus.jsonl > out.jsonl
//! cargo run --release --example embed -- out.jsonl
//! ```

use std::collections::BTreeMap;
use std::io::{self, BufRead};

use newslens::{Analyzer, ClaimKind, Document, EntityType, Record};

/// Mentions and attributed claims of one person.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PersonCounts {
    /// Mentions of the person (pronouns linked to them included).
    pub mentions: usize,
    /// Claims the person is the speaker of.
    pub claims: usize,
}

/// Per person (by canonical name), mentions and claims over `docs`.
pub fn by_person<'a>(
    docs: impl IntoIterator<Item = &'a Document>,
) -> BTreeMap<String, PersonCounts> {
    let mut counts: BTreeMap<String, PersonCounts> = BTreeMap::new();
    for doc in docs {
        for e in &doc.entities {
            // A pronoun linked to a person carries the person's id and name.
            let linked = e.r#type == EntityType::Pronoun && e.entity_id.starts_with("person:");
            if e.r#type == EntityType::Person || linked {
                counts.entry(e.canonical.clone()).or_default().mentions += 1;
            }
        }
        for c in &doc.claims {
            let speaker = c.speaker.as_ref().and_then(|s| s.entity);
            if let Some(e) = speaker.map(|i| &doc.entities[i]) {
                if c.kind == ClaimKind::Attributed && e.r#type == EntityType::Person {
                    counts.entry(e.canonical.clone()).or_default().claims += 1;
                }
            }
        }
    }
    counts
}

/// The documents of the CLI's JSON Lines output (error records are skipped).
pub fn read_cli_output(input: impl BufRead) -> io::Result<Vec<Document>> {
    let mut docs = Vec::new();
    for line in input.lines() {
        match serde_json::from_str::<Record>(&line?)? {
            Record::Document(d) => docs.push(d),
            Record::Error(e) => eprintln!("skipping {:?}: {}", e.id, e.error.message),
        }
    }
    Ok(docs)
}

/// Three short articles, analyzed from strings.
pub fn analyze_strings(analyzer: &Analyzer) -> Vec<Document> {
    let texts = [
        "Russian President Vladimir Putin said the talks had failed. He blamed Kyiv.",
        "Chancellor Olaf Scholz told reporters that Germany would send more aid. \
         Putin denied the report.",
        "\"We will not back down,\" President Joe Biden said on Tuesday.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| analyzer.analyze_document(&format!("article-{i}"), t))
        .collect()
}

fn main() -> io::Result<()> {
    let docs = match std::env::args_os().nth(1) {
        Some(path) => read_cli_output(io::BufReader::new(std::fs::File::open(path)?))?,
        None => analyze_strings(&Analyzer::new()),
    };
    println!("{:<30} {:>8} {:>8}", "person", "mentions", "claims");
    for (name, c) in by_person(&docs) {
        println!("{name:<30} {:>8} {:>8}", c.mentions, c.claims);
    }
    Ok(())
}
