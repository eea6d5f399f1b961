//! # newslens
//!
//! A fast news-article analyzer: sentences, entity mentions resolved to canonical
//! entries, attributed claims with speaker, cue, content and stance, and sentiment
//! toward entities, as JSON.
//!
//! Build an [`Analyzer`] once (it is `Send + Sync`; share it between threads) and
//! analyze texts into owned [`Document`]s, the records the command line writes:
//!
//! ```
//! let analyzer = newslens::Analyzer::new();
//! let doc = analyzer.analyze_document("doc-1", "Russian President Vladimir Putin said the talks failed.");
//! assert!(doc.entities.iter().any(|e| e.canonical == "Vladimir Putin"));
//! assert_eq!(doc.claims[0].cue.as_ref().unwrap().text, "said");
//! // The same bytes as `newslens analyze` prints for this article.
//! println!("{}", serde_json::to_string(&doc).unwrap());
//! ```
//!
//! - [`Document`] and the types in it ([`Entity`], [`Claim`], [`Sentence`]...) have the
//!   JSON's field names and are serde round-trippable: a line of the CLI's output reads
//!   back into a [`Record`] (a document, or an [`ErrorRecord`]) and writes again as the
//!   same bytes.
//! - [`batch`] runs an analyzer over a corpus (JSON Lines, files, directories) in
//!   parallel, in input order, with bounded memory; [`table`] writes flat CSV/TSV rows.
//! - [`analysis`] is the borrowing form of a result, [`Analyzer::analyze`]'s: byte
//!   [`Span`]s into the text, no copies, for hot loops.
//!
//! The examples (`cargo run --release --example NAME`): `batch` (a JSON Lines corpus in
//! parallel), `stdin` (one article to one record) and `embed` (typed results in a
//! research tool).
//!
//! The command-line tool is behind the default `cli` feature; a library user can turn
//! it off (`default-features = false`) and builds none of its dependencies.

#![warn(missing_docs)]

// The pipeline's stages. They are public for the binary, the benchmarks, the fuzz
// targets and the examples that study one stage, and hidden from the documentation:
// they are not part of the API, and change without notice.
#[doc(hidden)]
pub mod analyzer;
pub mod batch;
mod checkworthy;
#[doc(hidden)]
pub mod claims;
#[doc(hidden)]
pub mod entities;
mod error;
#[doc(hidden)]
pub mod lexicon;
mod model;
#[doc(hidden)]
pub mod output;
mod sentiment;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod training;
#[doc(hidden)]
pub mod types;
mod util;

pub use analyzer::{Analyzer, AnalyzerBuilder};
pub use error::{ErrorKind, LexiconError, RecordError, Warning, WarningKind};
pub use output::record::{
    Claim, Cue, Document, Entity, ErrorInfo, ErrorRecord, Record, Role, Sentence, Sentiment,
    Speaker, TextSpan,
};
pub use output::table;
pub use output::SCHEMA_VERSION;
pub use types::Span;
pub use types::{ClaimKind, CueClass, EntityType, FoundBy, Modality, Polarity, Stance};
pub use types::{Date, DateError};

/// The borrowing result of [`Analyzer::analyze`]: what the owned [`Document`] is made
/// from, with byte [`Span`]s into the text and no copies. Its fields are the
/// analyzer's own and may change between versions more readily than [`Document`]'s.
pub mod analysis {
    pub use crate::analyzer::Analysis;
    pub use crate::types::{Claim, Entity, Role, Sentence, Sentiment, Speaker, Token};
}
