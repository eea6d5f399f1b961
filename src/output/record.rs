//! The owned result types: one [`Document`] per analyzed article, exactly the record
//! the CLI writes, with the JSON's field names, and [`ErrorRecord`] for an article that
//! could not be analyzed.
//!
//! Every type here is `Serialize + Deserialize + Clone + Debug + PartialEq`. A record
//! the CLI printed, read back with `serde_json::from_str` and written again with
//! `serde_json::to_string`, is the same bytes (`tests/roundtrip.rs` checks it over the
//! bench corpus); [`Document::from_analysis`] serializes to the bytes the CLI prints for
//! the same article.
//!
//! The one field name that cannot be written as its JSON key is `type`, a Rust
//! keyword: it is the raw identifier `r#type` (`entity.r#type`).

use std::fmt;

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::analyzer::{Analysis, Analyzer};
use crate::error::{ErrorKind, RecordError, Warning, WarningKind};
use crate::types::{CharIndex, Span};
use crate::types::{ClaimKind, Modality, Stance};
use crate::types::{CueClass, EntityType};
use crate::types::{FoundBy, Polarity};

use super::{is_false, r4, SCHEMA_VERSION};

/// The analysis of one article: the record the CLI writes for it.
///
/// ```
/// let analyzer = newslens::Analyzer::new();
/// let doc = analyzer.analyze_document("doc-1", "Vladimir Putin said the talks failed.");
/// assert_eq!(doc.entities[0].entity_id, "person:Q7747");
/// assert_eq!(doc.claims[0].speaker.as_ref().unwrap().text, "Vladimir Putin");
/// let json = serde_json::to_string(&doc).unwrap();
/// let back: newslens::Document = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The article's id.
    pub id: String,
    /// The output schema's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The title given with the article, if any (written only when present).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date given with the article, if any (written only when present).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What was wrong with the input record without stopping its analysis (an
    /// unreadable `date`, repaired UTF-8...); written only when there is something.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions, sorted by start.
    pub entities: Vec<Entity>,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
}

/// A sentence and its check-worthiness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// UTF-8 byte start in the text.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start (a Python string index).
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// How worth checking the sentence is, in [0, 1].
    pub checkworthiness: f32,
}

/// A stretch of the text: its words and both kinds of offsets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The covered text.
    pub text: String,
    /// UTF-8 byte start.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
}

/// An entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    /// UTF-8 byte start.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// Its type (the JSON key `type`).
    pub r#type: EntityType,
    /// The lexicon subtype (`city`, `intergovernmental`...), or empty.
    pub subtype: String,
    /// The canonical name.
    pub canonical: String,
    /// The lexicon id (`country:RUS`) or a document-local one (`doc:person:...`).
    pub entity_id: String,
    /// ISO 3166 alpha-3 country, if known.
    pub country: Option<String>,
    /// Which rule found it.
    pub found_by: FoundBy,
    /// How likely it is a right entity of its type, in [0, 1].
    pub confidence: f32,
    /// Followed by `'s`.
    pub possessive: bool,
    /// Index of its sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Inside a longer entity mention (written only when true).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nested: bool,
    /// The text's sentiment toward it.
    pub sentiment: Sentiment,
    /// A lexicon person's roles on the article's date (written only when there are
    /// some).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

/// Sentiment toward an entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    /// Positive, negative or neutral.
    pub label: Polarity,
    /// Score in [-1, 1].
    pub score: f32,
}

/// A role a person holds (or held).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The title (`President`).
    pub title: String,
    /// ISO alpha-3 country, if any.
    pub country: Option<String>,
    /// Start date, if known.
    pub start: Option<String>,
    /// End date, if any (none: still held, or unknown).
    pub end: Option<String>,
}

/// A claim: a statement with its speaker, cue and content when attributed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Attributed, quote or assertion.
    pub kind: ClaimKind,
    /// UTF-8 byte start.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// Index of its sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Check-worthiness in [0, 1].
    pub score: f32,
    /// Who said it, if attributed.
    pub speaker: Option<Speaker>,
    /// The reporting cue (`said`), if any.
    pub cue: Option<Cue>,
    /// What was said, if separate from the claim's span.
    pub content: Option<TextSpan>,
    /// The speaker's stance toward the content.
    pub stance: Stance,
    /// Asserted, hedged or negated.
    pub modality: Modality,
    /// The word that made it hedged or negated.
    pub modality_cue: Option<TextSpan>,
}

/// The speaker of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker as written.
    pub text: String,
    /// UTF-8 byte start.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// Index of the speaker in [`Document::entities`], when it is an entity mention.
    pub entity: Option<usize>,
    /// Id of the named entity the speaker refers to (also through a pronoun, relative
    /// pronoun, apposition or role noun), when resolved.
    #[serde(default)]
    pub entity_id: Option<String>,
    /// Canonical name of that entity, when resolved.
    #[serde(default)]
    pub canonical: Option<String>,
}

/// The reporting cue of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// UTF-8 byte start.
    pub start: usize,
    /// UTF-8 byte end (exclusive).
    pub end: usize,
    /// Code-point start.
    pub char_start: usize,
    /// Code-point end (exclusive).
    pub char_end: usize,
    /// The cue's class, when the cue lexicon has it.
    pub class: Option<CueClass>,
}

/// The record written in place of an article that could not be analyzed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// The article's id, when it could be read.
    pub id: Option<String>,
    /// The output schema's version, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The file the article was read from (written only for a file, not for
    /// standard input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based input line, for JSON Lines input (written only then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// What went wrong with an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// A stable machine-readable kind.
    pub kind: ErrorKind,
    /// A readable message.
    pub message: String,
}

/// One line of the CLI's output: a [`Document`], or an [`ErrorRecord`] in its place.
///
/// ```
/// let line = r#"{"id":"a","schema_version":1,"line":3,"error":{"kind":"missing_text","message":"no text"}}"#;
/// let rec: newslens::Record = serde_json::from_str(line).unwrap();
/// assert!(matches!(rec, newslens::Record::Error(_)));
/// assert_eq!(serde_json::to_string(&rec).unwrap(), line);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Record {
    /// An analyzed article.
    Document(Document),
    /// An article that could not be analyzed.
    Error(ErrorRecord),
}

fn text_span(text: &str, idx: &CharIndex, span: Span) -> TextSpan {
    let (char_start, char_end) = idx.chars(span);
    TextSpan {
        text: span.slice(text).to_string(),
        start: span.start,
        end: span.end,
        char_start,
        char_end,
    }
}

impl Document {
    /// The record of an analysis, with no title or date (set them if the input had
    /// them: the CLI echoes them).
    pub fn from_analysis(id: &str, analysis: &Analysis<'_>) -> Document {
        let text = analysis.text;
        let idx = CharIndex::new(text);
        let sentences = analysis
            .sentences
            .iter()
            .map(|s| {
                let (char_start, char_end) = idx.chars(s.span);
                Sentence {
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
            .map(|e| {
                let (char_start, char_end) = idx.chars(e.span);
                Entity {
                    text: e.span.slice(text).to_string(),
                    start: e.span.start,
                    end: e.span.end,
                    char_start,
                    char_end,
                    r#type: e.entity_type,
                    subtype: e.subtype.to_string(),
                    canonical: e.canonical.to_string(),
                    entity_id: e.id.to_string(),
                    country: e.country.map(str::to_string),
                    found_by: e.found_by,
                    confidence: r4(e.confidence),
                    possessive: e.possessive,
                    sentence: e.sentence,
                    nested: e.nested,
                    sentiment: Sentiment {
                        label: e.sentiment.label,
                        score: r4(e.sentiment.score),
                    },
                    roles: e
                        .roles
                        .iter()
                        .map(|r| Role {
                            title: r.title.to_string(),
                            country: r.country.as_deref().map(str::to_string),
                            start: r.start.as_deref().map(str::to_string),
                            end: r.end.as_deref().map(str::to_string),
                        })
                        .collect(),
                }
            })
            .collect();
        let claims = analysis
            .claims
            .iter()
            .map(|c| {
                let (char_start, char_end) = idx.chars(c.span);
                Claim {
                    kind: c.kind,
                    start: c.span.start,
                    end: c.span.end,
                    char_start,
                    char_end,
                    sentence: c.sentence,
                    score: r4(c.score),
                    speaker: c.speaker.map(|s| {
                        let t = text_span(text, &idx, s.span);
                        let referent = s.referent.map(|i| &analysis.entities[i]);
                        Speaker {
                            text: t.text,
                            start: t.start,
                            end: t.end,
                            char_start: t.char_start,
                            char_end: t.char_end,
                            entity: s.entity,
                            entity_id: referent.map(|e| e.id.to_string()),
                            canonical: referent.map(|e| e.canonical.to_string()),
                        }
                    }),
                    cue: c.cue.map(|s| {
                        let t = text_span(text, &idx, s);
                        Cue {
                            text: t.text,
                            start: t.start,
                            end: t.end,
                            char_start: t.char_start,
                            char_end: t.char_end,
                            class: c.cue_class,
                        }
                    }),
                    content: c.content.map(|s| text_span(text, &idx, s)),
                    stance: c.stance,
                    modality: c.modality,
                    modality_cue: c.modality_cue.map(|s| text_span(text, &idx, s)),
                }
            })
            .collect();
        Document {
            id: id.to_string(),
            schema_version: SCHEMA_VERSION,
            title: None,
            date: None,
            warnings: Warning::repeated_text(&analysis.repeats, crate::text::repeats::MAX_COPIES)
                .into_iter()
                .collect(),
            sentences,
            entities,
            claims,
        }
    }
}

impl Analyzer {
    /// Analyzes `text` into an owned [`Document`] with id `id`: the record the CLI
    /// writes for an article with that id and text.
    pub fn analyze_document(&self, id: &str, text: &str) -> Document {
        Document::from_analysis(id, &self.analyze(text))
    }

    /// Like [`Analyzer::analyze_document`], for an article with a title and a date
    /// (any form [`crate::Date::parse`] reads, which picks the roles people held then).
    /// Both are echoed in the record, as the CLI does; a date that cannot be used gets
    /// a warning in [`Document::warnings`].
    pub fn analyze_dated_document(
        &self,
        id: &str,
        text: &str,
        title: Option<&str>,
        date: Option<&str>,
    ) -> Document {
        let mut doc = Document::from_analysis(id, &self.analyze_dated(text, date));
        doc.title = title.map(str::to_string);
        doc.date = date.map(str::to_string);
        let mut w: Vec<Warning> = Warning::for_date(date).into_iter().collect();
        w.append(&mut doc.warnings);
        doc.warnings = w;
        doc
    }
}

impl From<&RecordError> for ErrorRecord {
    fn from(e: &RecordError) -> ErrorRecord {
        ErrorRecord {
            id: e.id.clone(),
            schema_version: SCHEMA_VERSION,
            file: e.file.clone(),
            line: e.line,
            error: ErrorInfo {
                kind: e.kind,
                message: e.message.clone(),
            },
        }
    }
}

/// Serde for the enums written as their lower-case names: `as_str` out, and in, the
/// variant whose `as_str` it is (among `ALL`, which names every variant).
macro_rules! serde_as_str {
    ($t:ident, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$t, E> {
                        $t::ALL
                            .iter()
                            .copied()
                            .find(|v| v.as_str() == s)
                            .ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

serde_as_str!(EntityType, "an entity type");
serde_as_str!(FoundBy, "how an entity was found");
serde_as_str!(Polarity, "a sentiment label");
serde_as_str!(ClaimKind, "a claim kind");
serde_as_str!(Stance, "a stance");
serde_as_str!(Modality, "a modality");
serde_as_str!(CueClass, "a cue class");
serde_as_str!(ErrorKind, "an error kind");
serde_as_str!(WarningKind, "a warning kind");
