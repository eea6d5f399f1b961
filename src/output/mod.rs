//! The JSON output: one record per article (one line of JSON Lines).
//!
//! # Wire format, schema version 1
//!
//! ```text
//! {"id": "doc-17", "schema_version": 1,
//!  "title": "...", "date": "...",                 // only when the input had them
//!  "warnings": [{"field", "kind", "message"}],    // only when there are some
//!  "sentences": [{"start", "end", "char_start", "char_end", "checkworthiness"}],
//!  "entities":  [{"text", "type", "subtype", "canonical", "entity_id", "country",
//!                 "found_by", "confidence", "possessive", "sentence", "nested"?,
//!                 "start", "end", "char_start", "char_end",
//!                 "sentiment": {"label", "score"},
//!                 "roles": [{"title", "country", "start", "end"}]}],  // people (and pronouns linked to them)
//!  "claims":    [{"kind", "start", "end", "char_start", "char_end", "sentence", "score",
//!                 "speaker": {"text", "start", "end", "char_start", "char_end", "entity",
//!                             "entity_id", "canonical"} | null,
//!                 "cue":     {"text", "lemma"?, "class", ...offsets} | null,
//!                 "content": {"text", ...offsets} | null,
//!                 "stance", "modality", "modality_cue": {...} | null}]}
//! ```
//!
//! - `start`/`end` are UTF-8 byte offsets into the input `text`, end exclusive;
//!   `char_start`/`char_end` are Unicode code-point offsets (Python string indices).
//! - `type` is `person`, `organization`, `country` or `location`, `nationality` for a
//!   demonym (`Russian`, linked to its country's id), or for the coreference mentions
//!   of [`crate::entities::coref`] `pronoun` (`he`, `their`) or `nominal` (`the president`); `entity_id` is the lexicon id (`country:RUS`) or a
//!   document-local id (`doc:person:michael-schmid`); a pronoun or nominal linked to a
//!   named entity carries that entity's id, else its own (`doc:pronoun:they`).
//! - `found_by` is `lexicon`, `demonym`, `pattern`, `acronym`, `surname`, `model`
//!   (typed by the mention classifier, [`crate::entities::mentions`]) or `coreference`.
//! - `confidence` (in [0, 1], four decimals) is how likely the mention is a right
//!   entity of its type: for `model` mentions the classifier's probability of the
//!   class; for the others the precision of mentions with the same `found_by` and
//!   type on the TRAIN splits of CoNLL-2003 and GUM ([`crate::entities::confidence_of`]).
//! - `speaker.entity` is the index in `entities` of the named mention that ends the
//!   speaker phrase, or null. `speaker.entity_id` and `speaker.canonical` are the id
//!   and canonical name of the named entity the speaker refers to, or null: the
//!   mention itself, or what a pronoun (`he`), relative pronoun (`X, who ..., said`),
//!   apposition (`its chief executive, X, said`) or role noun (`the German chancellor`)
//!   resolves to ([`crate::claims`]); never a document-local pronoun or nominal id.
//!   Counting quotes by person is a group-by on `speaker.entity_id`.
//! - `kind` is `attributed`, `quote` or `assertion`; `stance` is `support`, `oppose` or
//!   `neutral`; `modality` is `asserted`, `hedged` or `negated`.
//! - `warnings` names input problems that did not stop the analysis: `kind`
//!   `unreadable_date` or `impossible_date` (the `date` was not used), `not_a_string`
//!   (a `title` or `date` that is not a string, ignored), `repaired_utf8` (`--lossy`
//!   replaced invalid UTF-8: offsets refer to the repaired text), `repeated_text` (a
//!   phrase repeated more than eight times in a row: nothing reported in its later
//!   copies).
//! - A record that could not be analyzed is
//!   `{"id": ..., "schema_version": 1, "file": ..., "line": N, "error": {"kind",
//!   "message"}}` (`file` and `line` only when known).

pub mod record;
pub mod table;

use serde::Serialize;

use crate::analyzer::Analysis;
use crate::types::{CharIndex, Span};

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

pub(super) fn is_false(b: &bool) -> bool {
    !*b
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
    /// Inside a longer entity mention (only written when true).
    #[serde(skip_serializing_if = "is_false")]
    pub nested: bool,
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
    /// The id of the named entity the speaker refers to (through a pronoun, relative
    /// pronoun, apposition or role noun too), or null.
    pub entity_id: Option<&'a str>,
    /// That entity's canonical name, or null.
    pub canonical: Option<&'a str>,
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
pub struct RecordRef<'a> {
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
    /// Problems with the input record that did not stop its analysis (only written
    /// when there are some).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::error::Warning>,
    /// Sentences.
    pub sentences: Vec<SentenceOut>,
    /// Entity mentions, sorted by start.
    pub entities: Vec<EntityOut<'a>>,
    /// Claims.
    pub claims: Vec<ClaimOut<'a>>,
}

/// Round to 4 decimals so output stays short and stable.
#[inline]
pub(super) fn r4(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

impl RecordRef<'_> {
    /// Appends the record as one line of compact JSON (without the newline): the
    /// same bytes as `serde_json::to_writer`, written faster (the CLI's path).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        fast::record(out, self);
    }
}

impl<'a> RecordRef<'a> {
    /// The record for an analysis.
    pub fn new(id: &'a str, analysis: &'a Analysis<'a>) -> RecordRef<'a> {
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
                nested: e.nested,
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
                    speaker: c.speaker.map(|s| {
                        let referent = s.referent.map(|i| &analysis.entities[i]);
                        SpeakerOut {
                            span: span_out(s.span),
                            entity: s.entity,
                            entity_id: referent.map(|e| e.id.as_ref()),
                            canonical: referent.map(|e| e.canonical.as_ref()),
                        }
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
        RecordRef {
            id,
            schema_version: SCHEMA_VERSION,
            title: None,
            date: None,
            warnings: crate::error::Warning::repeated_text(
                &analysis.repeats,
                crate::text::repeats::MAX_COPIES,
            )
            .into_iter()
            .collect(),
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
pub struct ErrorRecordRef<'a> {
    /// Document id when known, else null.
    pub id: Option<&'a str>,
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The file the record is in (not for standard input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// Input line (1-based) for JSON Lines input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The error.
    pub error: ErrorOut<'a>,
}

/// A JSON writer for the records: the bytes `serde_json::to_writer` would produce for
/// the same value (a test holds it to that), written straight into a buffer, with
/// field names copied rather than escaped and strings scanned for the few bytes that
/// need escaping. It is the CLI's hot path; the serde derives stay for library users.
pub(crate) mod fast {
    use super::*;
    use serde_json::ser::{CompactFormatter, Formatter};

    /// Bytes that must be escaped in a JSON string: `"`, `\` and controls.
    static NEEDS_ESCAPE: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = true;
            i += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t
    };

    /// True when one of the eight bytes of `x` is a control character, `"` or `\\`
    /// (exact as a yes/no: the bit tricks' borrows only follow a true hit).
    #[inline]
    fn needs_escape(x: u64) -> bool {
        use crate::util::swar::{below, splat};
        (below(x, 0x20) | below(x ^ splat(b'"'), 1) | below(x ^ splat(b'\\'), 1)) != 0
    }

    /// Writes `s` as a JSON string, escaped as serde_json does.
    #[inline]
    pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
        out.push(b'"');
        let bytes = s.as_bytes();
        // Bytes before `start` are written. Eight bytes at a time: a chunk that needs
        // no escape is passed over whole, one that does is escaped byte by byte, and
        // the scan goes on by chunks after it (a text's quotes and line breaks had
        // sent the rest of it byte by byte).
        let mut start = 0;
        let mut i = 0;
        while i + 8 <= bytes.len() {
            let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
            if needs_escape(u64::from_le_bytes(chunk)) {
                for (k, &b) in chunk.iter().enumerate() {
                    if NEEDS_ESCAPE[b as usize] {
                        out.extend_from_slice(&bytes[start..i + k]);
                        escape(out, b);
                        start = i + k + 1;
                    }
                }
            }
            i += 8;
        }
        for (k, &b) in bytes[i..].iter().enumerate() {
            if NEEDS_ESCAPE[b as usize] {
                out.extend_from_slice(&bytes[start..i + k]);
                escape(out, b);
                start = i + k + 1;
            }
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    /// Writes the JSON escape of byte `b` (one that [`NEEDS_ESCAPE`]).
    #[inline]
    fn escape(out: &mut Vec<u8>, b: u8) {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xF) as usize]);
            }
        }
    }

    #[inline]
    fn uint(out: &mut Vec<u8>, n: u64) {
        let mut buf = itoa::Buffer::new();
        out.extend_from_slice(buf.format(n).as_bytes());
    }

    #[inline]
    fn float(out: &mut Vec<u8>, x: f32) {
        if x.is_finite() {
            // Writing into a Vec cannot fail.
            let _ = CompactFormatter.write_f32(out, x);
        } else {
            out.extend_from_slice(b"null");
        }
    }

    #[inline]
    fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => string(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// `items` written by `item`, comma-separated (no brackets).
    fn list<T>(out: &mut Vec<u8>, items: &[T], item: impl Fn(&mut Vec<u8>, &T)) {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            item(out, x);
        }
    }

    /// `"start":…,"end":…,"char_start":…,"char_end":…`.
    fn offsets(out: &mut Vec<u8>, start: usize, end: usize, char_start: usize, char_end: usize) {
        out.extend_from_slice(b"\"start\":");
        uint(out, start as u64);
        out.extend_from_slice(b",\"end\":");
        uint(out, end as u64);
        out.extend_from_slice(b",\"char_start\":");
        uint(out, char_start as u64);
        out.extend_from_slice(b",\"char_end\":");
        uint(out, char_end as u64);
    }

    /// `"text":…,"start":…,"end":…,"char_start":…,"char_end":…` (no braces).
    fn span_fields(out: &mut Vec<u8>, s: &SpanOut) {
        out.extend_from_slice(b"\"text\":");
        string(out, s.text);
        out.push(b',');
        offsets(out, s.start, s.end, s.char_start, s.char_end);
    }

    fn opt_span(out: &mut Vec<u8>, s: Option<&SpanOut>) {
        match s {
            Some(s) => {
                out.push(b'{');
                span_fields(out, s);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
    }

    fn entity(out: &mut Vec<u8>, e: &EntityOut) {
        out.push(b'{');
        span_fields(out, &e.span);
        out.extend_from_slice(b",\"type\":");
        string(out, e.entity_type);
        out.extend_from_slice(b",\"subtype\":");
        string(out, e.subtype);
        out.extend_from_slice(b",\"canonical\":");
        string(out, e.canonical);
        out.extend_from_slice(b",\"entity_id\":");
        string(out, e.entity_id);
        out.extend_from_slice(b",\"country\":");
        opt_str(out, e.country);
        out.extend_from_slice(b",\"found_by\":");
        string(out, e.found_by);
        out.extend_from_slice(b",\"confidence\":");
        float(out, e.confidence);
        out.extend_from_slice(if e.possessive {
            b",\"possessive\":true"
        } else {
            b",\"possessive\":false"
        });
        out.extend_from_slice(b",\"sentence\":");
        uint(out, e.sentence as u64);
        if e.nested {
            out.extend_from_slice(b",\"nested\":true");
        }
        out.extend_from_slice(b",\"sentiment\":{\"label\":");
        string(out, e.sentiment.label);
        out.extend_from_slice(b",\"score\":");
        float(out, e.sentiment.score);
        out.push(b'}');
        if !e.roles.is_empty() {
            out.extend_from_slice(b",\"roles\":[");
            list(out, &e.roles, |out, r| {
                out.extend_from_slice(b"{\"title\":");
                string(out, r.title);
                out.extend_from_slice(b",\"country\":");
                opt_str(out, r.country);
                out.extend_from_slice(b",\"start\":");
                opt_str(out, r.start);
                out.extend_from_slice(b",\"end\":");
                opt_str(out, r.end);
                out.push(b'}');
            });
            out.push(b']');
        }
        out.push(b'}');
    }

    fn claim(out: &mut Vec<u8>, c: &ClaimOut) {
        out.extend_from_slice(b"{\"kind\":");
        string(out, c.kind);
        out.push(b',');
        offsets(out, c.start, c.end, c.char_start, c.char_end);
        out.extend_from_slice(b",\"sentence\":");
        uint(out, c.sentence as u64);
        out.extend_from_slice(b",\"score\":");
        float(out, c.score);
        out.extend_from_slice(b",\"speaker\":");
        match &c.speaker {
            Some(s) => {
                out.push(b'{');
                span_fields(out, &s.span);
                out.extend_from_slice(b",\"entity\":");
                match s.entity {
                    Some(n) => uint(out, n as u64),
                    None => out.extend_from_slice(b"null"),
                }
                out.extend_from_slice(b",\"entity_id\":");
                opt_str(out, s.entity_id);
                out.extend_from_slice(b",\"canonical\":");
                opt_str(out, s.canonical);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"cue\":");
        match &c.cue {
            Some(s) => {
                out.push(b'{');
                span_fields(out, &s.span);
                out.extend_from_slice(b",\"class\":");
                opt_str(out, s.class);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"content\":");
        opt_span(out, c.content.as_ref());
        out.extend_from_slice(b",\"stance\":");
        string(out, c.stance);
        out.extend_from_slice(b",\"modality\":");
        string(out, c.modality);
        out.extend_from_slice(b",\"modality_cue\":");
        opt_span(out, c.modality_cue.as_ref());
        out.push(b'}');
    }

    /// Appends `r` as one line of compact JSON (no newline).
    pub(crate) fn record(out: &mut Vec<u8>, r: &RecordRef) {
        out.extend_from_slice(b"{\"id\":");
        string(out, r.id);
        out.extend_from_slice(b",\"schema_version\":");
        uint(out, u64::from(r.schema_version));
        if let Some(t) = r.title {
            out.extend_from_slice(b",\"title\":");
            string(out, t);
        }
        if let Some(d) = r.date {
            out.extend_from_slice(b",\"date\":");
            string(out, d);
        }
        if !r.warnings.is_empty() {
            out.extend_from_slice(b",\"warnings\":[");
            list(out, &r.warnings, |out, w| {
                out.extend_from_slice(b"{\"field\":");
                string(out, &w.field);
                out.extend_from_slice(b",\"kind\":");
                string(out, w.kind.as_str());
                out.extend_from_slice(b",\"message\":");
                string(out, &w.message);
                out.push(b'}');
            });
            out.push(b']');
        }
        out.extend_from_slice(b",\"sentences\":[");
        list(out, &r.sentences, |out, s| {
            out.push(b'{');
            offsets(out, s.start, s.end, s.char_start, s.char_end);
            out.extend_from_slice(b",\"checkworthiness\":");
            float(out, s.checkworthiness);
            out.push(b'}');
        });
        out.extend_from_slice(b"],\"entities\":[");
        list(out, &r.entities, entity);
        out.extend_from_slice(b"],\"claims\":[");
        list(out, &r.claims, claim);
        out.extend_from_slice(b"]}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

    fn both(id: &str, text: &str, title: Option<&str>, date: Option<&str>) -> (String, String) {
        let analysis = ANALYZER.analyze_dated(text, date);
        let mut record = RecordRef::new(id, &analysis);
        record.title = title;
        record.date = date;
        let mut w: Vec<_> = crate::error::Warning::for_date(date).into_iter().collect();
        w.append(&mut record.warnings);
        record.warnings = w;
        let want = serde_json::to_string(&record).unwrap();
        let mut got = Vec::new();
        fast::record(&mut got, &record);
        // The owned record serializes to the same bytes, and reads back as itself.
        let owned = ANALYZER.analyze_dated_document(id, text, title, date);
        assert_eq!(serde_json::to_string(&owned).unwrap(), want);
        let back: record::Document = serde_json::from_str(&want).unwrap();
        assert_eq!(back, owned);
        (String::from_utf8(got).unwrap(), want)
    }

    #[test]
    fn strings_escape_like_serde_json() {
        // Every escaped byte at every position of a chunk of eight, and past it.
        let specials = ['"', '\\', '\n', '\t', '\u{0}', '\u{1f}', '\u{7f}', 'é', '“'];
        for len in 0..20 {
            for at in 0..len {
                for &c in &specials {
                    let text: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    let mut got = Vec::new();
                    fast::string(&mut got, &text);
                    let want = serde_json::to_string(&text).unwrap();
                    assert_eq!(String::from_utf8(got).unwrap(), want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn fast_writer_matches_serde_json() {
        let seed = include_str!("../../tests/data/us-withdraws-from-icpa.txt");
        let cases = [
            seed,
            "",
            "“We will not back down,” President Joe Biden said on Tuesday.",
            "Quotes \"inside\" and a back\\slash, a tab\there, a bell \u{7}, \u{1f} and \u{7f}.",
            "Vladimir Putin's aide told reporters: \"Russia denies it.\"\nNew line\r\nCRLF.",
            "Émilie Dupont, the French minister, said 3.5% of 1,200 people agreed.",
        ];
        for text in cases {
            let (got, want) = both("doc\"1\n", text, Some("A \"title\"\t"), Some("2020-01-02"));
            assert_eq!(got, want, "text {text:?}");
            let (got, want) = both("d", text, None, None);
            assert_eq!(got, want, "text {text:?}");
            for date in ["2025-13-45", "7/23/17 \"x\""] {
                let (got, want) = both("d", text, None, Some(date));
                assert!(got.contains("\"warnings\":[{\"field\":\"date\""), "{got}");
                assert_eq!(got, want, "text {text:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn fast_writer_matches_serde_json_on_any_text(
            text in "(\\PC|[\"\\\\\\x00-\\x1f]| said| Trump| Russia| “| ”|\\. ){0,60}",
            id in "\\PC{0,8}",
        ) {
            let (got, want) = both(&id, &text, None, None);
            prop_assert_eq!(got, want);
        }
    }
}
