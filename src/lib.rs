//! # newslens
//!
//! A fast news-article analyzer: sentences, entity mentions resolved to canonical
//! entries, attributed claims with speaker, cue, content and stance, and sentiment
//! toward entities, as JSON.
//!
//! ```
//! let analyzer = newslens::Analyzer::new();
//! let text = "Russian President Vladimir Putin said the talks failed.";
//! let analysis = analyzer.analyze(text);
//! assert!(analysis.entities.iter().any(|e| e.canonical == "Vladimir Putin"));
//! assert_eq!(analysis.claims[0].cue.unwrap().slice(text), "said");
//! let json = newslens::output::Record::new("doc-1", &analysis);
//! println!("{}", serde_json::to_string(&json).unwrap());
//! ```
//!
//! The pipeline, one module per stage:
//! [`text::tokenize`] → [`text::sentences`] → [`entities::gazetteer`] (over [`lexicon`]) → [`entities`]
//! (with [`entities::resolve`], [`entities::mentions`] and [`entities::coref`]) → [`sentiment`] → [`checkworthy`] → [`claims`] → [`output`];
//! [`batch`] runs it over corpora in parallel, in order, with bounded memory.
//! Between tokens and the later stages, the private `words` module lower-cases every
//! token once and gives it an id in one shared vocabulary, which entities, sentiment,
//! checkworthy and claims read instead of hashing strings of their own.

#![warn(missing_docs)]

pub mod analyzer;
pub mod batch;
pub mod checkworthy;
pub mod claims;
pub mod entities;
pub mod error;
pub mod lexicon;
mod model;
pub mod output;
pub mod sentiment;
pub mod text;
pub mod types;
mod util;

pub use analyzer::{Analysis, Analyzer, AnalyzerBuilder};
pub use claims::{Claim, ClaimKind, Modality, Speaker, Stance};
pub use entities::{Entity, FoundBy, Polarity, Sentiment};
pub use error::LexiconError;
pub use lexicon::{EntityType, Entry, Lexicon};
pub use types::{Sentence, Span};
