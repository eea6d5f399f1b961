//! The JSON output: one record per article (one line of JSON Lines).
//!
//! # Wire format, schema version 1
//!
//! ```text
//! {"id": "doc-17", "schema_version": 1,
//!  "title": "...", "date": "...",                 // only when the input had them
//!  "sentences": [{"start", "end", "char_start", "char_end", "checkworthiness"}],
//!  "entities":  [{"text", "type", "subtype", "canonical", "entity_id", "country",
//!                 "found_by", "confidence", "possessive", "sentence",
//!                 "start", "end", "char_start", "char_end",
//!                 "sentiment": {"label", "score"},
//!                 "roles": [{"title", "country", "start", "end"}]}],  // people only
//!  "claims":    [{"kind", "start", "end", "char_start", "char_end", "sentence", "score",
//!                 "speaker": {"text", "start", "end", "char_start", "char_end", "entity"} | null,
//!                 "cue":     {"text", "lemma"?, "class", ...offsets} | null,
//!                 "content": {"text", ...offsets} | null,
//!                 "stance", "modality", "modality_cue": {...} | null}]}
//! ```
//!
//! - `start`/`end` are UTF-8 byte offsets into the input `text`, end exclusive;
//!   `char_start`/`char_end` are Unicode code-point offsets (Python string indices).
//! - `type` is `person`, `organization`, `country` or `location`; `entity_id` is the
//!   lexicon id (`country:RUS`) or a document-local id (`doc:person:michael-schmid`).
//! - `found_by` is `lexicon`, `demonym`, `pattern`, `acronym`, `surname` or `model`
//!   (typed by the mention classifier, [`crate::mentions`]).
//! - `confidence` (in [0, 1], four decimals) is how likely the mention is a right
//!   entity of its type: for `model` mentions the classifier's probability of the
//!   class; for the others the precision of mentions with the same `found_by` and
//!   type on the TRAIN splits of CoNLL-2003 and GUM ([`crate::entities::confidence_of`]).
//! - `speaker.entity` is the index of the speaker in `entities`, or null.
//! - `kind` is `attributed`, `quote` or `assertion`; `stance` is `support`, `oppose` or
//!   `neutral`; `modality` is `asserted`, `hedged` or `negated`.
//! - A record that could not be analyzed is
//!   `{"id": ..., "schema_version": 1, "line": N, "error": {"kind", "message"}}`.

use serde::Serialize;

use crate::analyzer::Analysis;
use crate::span::{CharIndex, Span};

/// The schema version written in every record.
pub const SCHEMA_VERSION: u32 = 1;

/// A span with its text and both kinds of offsets.
#[derive(Clone, Debug, Serialize)]
pub struct SpanOut<'a> {
    /// The covered text.
    pub text: &'a str,
    /// Byte start.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
}

impl<'a> SpanOut<'a> {
    fn new(text: &'a str, idx: &CharIndex, span: Span) -> SpanOut<'a> {
        let (char_start, char_end) = idx.chars(span);
        SpanOut {
            text: span.slice(text),
            start: span.start,
            end: span.end,
            char_start,
            char_end,
        }
    }
}

/// A sentence in the output.
#[derive(Clone, Debug, Serialize)]
pub struct SentenceOut {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end.
    pub char_end: usize,
    /// Check-worthiness in [0, 1].
    pub checkworthiness: f32,
}

/// Sentiment in the output.
#[derive(Clone, Debug, Serialize)]
pub struct SentimentOut {
    /// `positive`, `negative` or `neutral`.
    pub label: &'static str,
    /// Score in [-1, 1].
    pub score: f32,
}

/// An entity mention in the output.
#[derive(Clone, Debug, Serialize)]
pub struct EntityOut<'a> {
    /// Mention text and offsets.
    #[serde(flatten)]
    pub span: SpanOut<'a>,
    /// Entity type.
    #[serde(rename = "type")]
    pub entity_type: &'static str,
    /// Subtype, or empty.
    pub subtype: &'a str,
    /// Canonical name.
    pub canonical: &'a str,
    /// Canonical id.
    pub entity_id: &'a str,
    /// ISO alpha-3 country, or null.
    pub country: Option<&'a str>,
    /// How it was found.
    pub found_by: &'static str,
    /// How likely it is right, in [0, 1].
    pub confidence: f32,
    /// Followed by `'s`.
    pub possessive: bool,
    /// Sentence index.
    pub sentence: usize,
    /// Sentiment toward it.
    pub sentiment: SentimentOut,
    /// Roles of a lexicon person on the article's date (latest known without one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleOut<'a>>,
}

/// A role in the output.
#[derive(Clone, Debug, Serialize)]
pub struct RoleOut<'a> {
    /// Title.
    pub title: &'a str,
    /// ISO alpha-3 country, or null.
    pub country: Option<&'a str>,
    /// Start date, or null.
    pub start: Option<&'a str>,
    /// End date, or null (still held, or unknown).
    pub end: Option<&'a str>,
}

/// A speaker in the output.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerOut<'a> {
    /// Text and offsets.
    #[serde(flatten)]
    pub span: SpanOut<'a>,
    /// Index in `entities`, or null.
    pub entity: Option<usize>,
}

/// A cue in the output.
#[derive(Clone, Debug, Serialize)]
pub struct CueOut<'a> {
    /// Text and offsets.
    #[serde(flatten)]
    pub span: SpanOut<'a>,
    /// Cue class (`speech`, `assert`, `deny`...), or null.
    pub class: Option<&'static str>,
}

/// A claim in the output.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimOut<'a> {
    /// `attributed`, `quote` or `assertion`.
    pub kind: &'static str,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end.
    pub char_end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Check-worthiness in [0, 1].
    pub score: f32,
    /// Speaker.
    pub speaker: Option<SpeakerOut<'a>>,
    /// Cue.
    pub cue: Option<CueOut<'a>>,
    /// Content.
    pub content: Option<SpanOut<'a>>,
    /// `support`, `oppose` or `neutral`.
    pub stance: &'static str,
    /// `asserted`, `hedged` or `negated`.
    pub modality: &'static str,
    /// The word that made it hedged or negated.
    pub modality_cue: Option<SpanOut<'a>>,
}

/// One output record.
#[derive(Clone, Debug, Serialize)]
pub struct Record<'a> {
    /// Document id.
    pub id: &'a str,
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Title from the input, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Date from the input, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    /// Sentences.
    pub sentences: Vec<SentenceOut>,
    /// Entity mentions, sorted by start.
    pub entities: Vec<EntityOut<'a>>,
    /// Claims.
    pub claims: Vec<ClaimOut<'a>>,
}

/// Round to 4 decimals so output stays short and stable.
#[inline]
fn r4(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

impl<'a> Record<'a> {
    /// The record for an analysis.
    pub fn new(id: &'a str, analysis: &'a Analysis<'a>) -> Record<'a> {
        let text = analysis.text;
        let idx = CharIndex::new(text);
        let span_out = |s: Span| SpanOut::new(text, &idx, s);
        let sentences = analysis
            .sentences
            .iter()
            .map(|s| {
                let (char_start, char_end) = idx.chars(s.span);
                SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                    char_start,
                    char_end,
                    checkworthiness: r4(s.checkworthiness),
                }
            })
            .collect();
        let entities = analysis
            .entities
            .iter()
            .map(|e| EntityOut {
                span: span_out(e.span),
                entity_type: e.entity_type.as_str(),
                subtype: e.subtype,
                canonical: &e.canonical,
                entity_id: &e.id,
                country: e.country,
                found_by: e.found_by.as_str(),
                confidence: r4(e.confidence),
                possessive: e.possessive,
                sentence: e.sentence,
                sentiment: SentimentOut {
                    label: e.sentiment.label.as_str(),
                    score: r4(e.sentiment.score),
                },
                roles: e
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        title: &r.title,
                        country: r.country.as_deref(),
                        start: r.start.as_deref(),
                        end: r.end.as_deref(),
                    })
                    .collect(),
            })
            .collect();
        let claims = analysis
            .claims
            .iter()
            .map(|c| {
                let (char_start, char_end) = idx.chars(c.span);
                ClaimOut {
                    kind: c.kind.as_str(),
                    start: c.span.start,
                    end: c.span.end,
                    char_start,
                    char_end,
                    sentence: c.sentence,
                    score: r4(c.score),
                    speaker: c.speaker.map(|s| SpeakerOut {
                        span: span_out(s.span),
                        entity: s.entity,
                    }),
                    cue: c.cue.map(|s| CueOut {
                        span: span_out(s),
                        class: c.cue_class.map(|k| k.as_str()),
                    }),
                    content: c.content.map(span_out),
                    stance: c.stance.as_str(),
                    modality: c.modality.as_str(),
                    modality_cue: c.modality_cue.map(span_out),
                }
            })
            .collect();
        Record {
            id,
            schema_version: SCHEMA_VERSION,
            title: None,
            date: None,
            sentences,
            entities,
            claims,
        }
    }
}

/// What went wrong with a record that could not be analyzed.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorOut<'a> {
    /// A stable machine-readable kind (`invalid_json`, `missing_text`...).
    pub kind: &'a str,
    /// A human-readable message.
    pub message: &'a str,
}

/// A record that could not be analyzed.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorRecord<'a> {
    /// Document id when known, else null.
    pub id: Option<&'a str>,
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Input line (1-based) for JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The error.
    pub error: ErrorOut<'a>,
}
