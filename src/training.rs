//! The features the run time computes, per instance, for the trainers
//! (`scripts/train/*.py`, through `examples/features.rs`).
//!
//! Each scorer computes its features through one function that both the run time and
//! this module call, with a different sink: the run time sums the model's weights
//! (no feature string is built), this module collects `(name, value)` pairs. So what
//! a trainer fits on is what runs; `tests/features.rs` checks it, scoring these
//! features with the model files' weights against the run time's output.
//!
//! Spans are byte offsets into the text.

use crate::analyzer::Analyzer;
use crate::checkworthy;
use crate::claims;
use crate::sentiment::{self, Kind, SentimentSink, Side};
use crate::text::sentences::split_sentences;
use crate::text::words::DocWords;
use crate::types::Span;

/// The features of one instance (a candidate, a mention, a sentence).
#[derive(Clone, Debug)]
pub struct Instance {
    /// Where it is in the text (bytes).
    pub span: Span,
    /// Its features, `(name, value)`, names as in the model file; a feature not here
    /// is 0.
    pub features: Vec<(String, f32)>,
    /// Mentions: the candidate is a place from the lexicon (else an unresolved name).
    pub place: bool,
    /// Cues: the probability the run time gave the candidate.
    pub probability: Option<f32>,
}

/// The mention classifier's candidates in `text` and their features (each valued by
/// how often it occurs), after the rule-based entity steps and before the model
/// ([`Analyzer::mention_features`]).
pub fn mention_features(analyzer: &Analyzer, text: &str) -> Vec<Instance> {
    let bytes = char_to_byte(text);
    analyzer
        .mention_features(text)
        .into_iter()
        .map(|(cs, ce, place, feats)| Instance {
            span: Span::new(bytes[cs], bytes[ce]),
            features: counted(feats),
            place,
            probability: None,
        })
        .collect()
}

/// Each feature with the number of times it occurs (a repeated feature counts again at
/// run time), in the order of first occurrence.
fn counted(feats: Vec<String>) -> Vec<(String, f32)> {
    let mut out: Vec<(String, f32)> = Vec::with_capacity(feats.len());
    for f in feats {
        match out.iter_mut().find(|(n, _)| *n == f) {
            Some((_, v)) => *v += 1.0,
            None => out.push((f, 1.0)),
        }
    }
    out
}

/// The cue detector's candidates in `text` (the words it scores when `text` is
/// analyzed) and their features (each of value 1), with the probability it gave each.
pub fn cue_features(analyzer: &Analyzer, text: &str) -> Vec<Instance> {
    let (_, log) = claims::log_cue_instances(|| analyzer.analyze(text).claims.len());
    log.into_iter()
        .map(|c| Instance {
            span: c.span,
            features: c.features.into_iter().map(|(n, _)| (n, 1.0)).collect(),
            place: false,
            probability: Some(c.probability),
        })
        .collect()
}

/// The sentiment features toward each of `targets` (mentions, byte spans) in `text`,
/// from the mention's sentence: `L:word`, `R:word` (the word's closeness to the
/// mention, summed over its occurrences before and after it), `L:<PER>`, `R:<ORG>`...
/// (the other names of the sentence, by kind), `T:<PER>`... (the mention's own kind)
/// and `<vader>` (the sentence's weighted VADER valence, normalized). A target is
/// taken as the entity mention the run time finds that overlaps it most (the one the
/// scorer pairs it with), with that mention's kind; a target no entity mention
/// overlaps keeps its span and has no `T:` feature.
pub fn sentiment_features(analyzer: &Analyzer, text: &str, targets: &[Span]) -> Vec<Instance> {
    let analysis = analyzer.analyze(text);
    let tokens = &analysis.tokens;
    let sentences = split_sentences(text);
    let doc_words = DocWords::new(analyzer.vocab(), text, tokens);
    let names: Vec<(usize, Span, Kind)> = analysis
        .entities
        .iter()
        .map(|e| (e.sentence, e.span, Kind::of(e.entity_type)))
        .collect();
    let mut out = Vec::with_capacity(targets.len());
    for &span in targets {
        let mut features = Vec::new();
        // The entity mention that overlaps the target most; on a tie, the one closest
        // to it in length.
        let overlap = |s: Span| s.end.min(span.end).saturating_sub(s.start.max(span.start));
        let entity = names.iter().filter(|n| overlap(n.1) > 0).max_by_key(|n| {
            (
                overlap(n.1),
                std::cmp::Reverse(n.1.len().abs_diff(span.len())),
            )
        });
        let (target, kind) = match entity {
            Some(&(_, s, k)) => (s, Some(k)),
            None => (span, None),
        };
        let si = crate::entities::sentence_of(&sentences, target.start);
        if let Some(&sent) = sentences.get(si) {
            let terms = sentiment::sentence_terms(text, tokens, &doc_words, sent, false);
            let others: Vec<(Span, Kind)> = names
                .iter()
                .filter(|n| n.0 == si)
                .map(|n| (n.1, n.2))
                .collect();
            let low = doc_words.slice(terms.lo, terms.lo + terms.toks.len());
            let mut sink = SentimentCollect {
                lower: |i: usize| low.lower(i).to_string(),
                features: Vec::new(),
            };
            let sentence_names = sentiment::SentenceNames::new(&terms, &others);
            sentiment::mention_features(&terms, &sentence_names, (target, kind), &mut sink);
            features = sink.features;
        }
        out.push(Instance {
            span,
            features,
            place: false,
            probability: None,
        });
    }
    out
}

/// The trainer's sentiment sink: features by name, the values of a name summed.
struct SentimentCollect<F> {
    lower: F,
    features: Vec<(String, f32)>,
}

impl<F: Fn(usize) -> String> SentimentCollect<F> {
    /// Adds `x` to the feature `name`.
    fn add(&mut self, name: String, x: f32) {
        match self.features.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v += x,
            None => self.features.push((name, x)),
        }
    }
}

/// The feature-name prefix of a side of the mention.
fn side_prefix(side: Side) -> &'static str {
    match side {
        Side::Before => "L:",
        Side::After => "R:",
        Side::Inside => "T:",
    }
}

impl<F: Fn(usize) -> String> SentimentSink for SentimentCollect<F> {
    fn word(&mut self, i: usize, side: Side, closeness: f32) {
        let name = format!("{}{}", side_prefix(side), (self.lower)(i));
        self.add(name, closeness);
    }

    fn name(&mut self, kind: Kind, side: Side, closeness: f32) {
        let name = format!("{}{}", side_prefix(side), kind.name());
        self.add(name, closeness);
    }

    fn vader(&mut self, v: f32) {
        self.features.push(("<vader>".to_string(), v));
    }
}

/// The check-worthiness features of each sentence of `text` (`sentences`: byte spans,
/// or the run time's sentences when `None`), with the entities the run time finds in
/// the whole text.
pub fn checkworthy_features(
    analyzer: &Analyzer,
    text: &str,
    sentences: Option<&[Span]>,
) -> Vec<Instance> {
    let analysis = analyzer.analyze(text);
    let tokens = &analysis.tokens;
    let doc_words = DocWords::new(analyzer.vocab(), text, tokens);
    let own: Vec<Span>;
    let sentences = match sentences {
        Some(s) => s,
        None => {
            own = analysis.sentences.iter().map(|s| s.span).collect();
            &own
        }
    };
    let mut out = Vec::with_capacity(sentences.len());
    for &sent in sentences {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
        let n_ent = analysis
            .entities
            .iter()
            .filter(|e| e.span.start >= sent.start && e.span.start < sent.end)
            .filter(|e| checkworthy::counts_as_entity(e))
            .count();
        let mut features = Vec::new();
        checkworthy::sentence_features(
            text,
            tokens,
            (lo, hi),
            sent,
            n_ent,
            &doc_words,
            &mut |f, v| features.push((f.name().to_string(), v)),
        );
        out.push(Instance {
            span: sent,
            features,
            place: false,
            probability: None,
        });
    }
    out
}

/// The byte offset of each character offset of `text` (and of its end).
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    out.push(text.len());
    out
}
