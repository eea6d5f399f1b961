//! Sentiment toward entity mentions, from the VADER lexicon.
//!
//! For each mention, every sentiment word of its sentence counts with its VADER
//! valence, weighted by closeness to the mention (`1 / (1 + d/3)`, `d` in tokens) and
//! flipped and damped (×-0.74, as VADER does) after a negation within three words.
//! Words inside the mention itself do not count. The sum is normalized like VADER's
//! compound score (`x / sqrt(x² + 15)`) into [-1, 1]; the label is `positive` at or
//! above [`POSITIVE`], `negative` at or below [`NEGATIVE`], else `neutral`.

use crate::analyzer::Analyzer;
use crate::entities::{Polarity, Sentiment};
use crate::span::Span;
use crate::tokenize::{Token, TokenKind};

/// Score from which a mention is labelled positive.
pub const POSITIVE: f32 = 0.3;
/// Score at or below which a mention is labelled negative.
pub const NEGATIVE: f32 = -0.3;

const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "cannot",
    "hardly", "barely", "lack", "lacks", "lacking",
];

/// VADER's normalization of a raw sum into [-1, 1].
#[inline]
fn normalize(x: f32) -> f32 {
    x / (x * x + 15.0).sqrt()
}

fn lower_key(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn is_negator(word: &str) -> bool {
    NEGATORS.iter().any(|n| n.eq_ignore_ascii_case(word)) || word.ends_with("n't")
}

/// Valence of each token (0 for none), with negation applied.
fn valences(analyzer: &Analyzer, text: &str, toks: &[&Token]) -> Vec<f32> {
    let lex = &analyzer.words().sentiment;
    let mut buf = String::new();
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            out.push(0.0);
            continue;
        }
        lower_key(t.text(text), &mut buf);
        let mut v = lex.get(buf.as_str()).copied().unwrap_or(0.0);
        if v != 0.0 {
            let negated = toks[i.saturating_sub(3)..i]
                .iter()
                .any(|p| p.kind == TokenKind::Word && is_negator(p.text(text)));
            if negated {
                v *= -0.74;
            }
        }
        out.push(v);
    }
    out
}

/// The compound valence of a run of tokens (unweighted), in [-1, 1].
pub(crate) fn valence_of(analyzer: &Analyzer, text: &str, toks: &[&Token]) -> f32 {
    normalize(valences(analyzer, text, toks).iter().sum())
}

/// Sets the sentiment of every mention from its sentence's words.
pub(crate) fn score_mentions(
    analyzer: &Analyzer,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &mut [crate::entities::Entity],
) {
    let mut cache: Option<(usize, Vec<&Token>, Vec<f32>)> = None;
    for e in entities.iter_mut() {
        let si = e.sentence;
        if cache.as_ref().is_none_or(|c| c.0 != si) {
            let Some(sent) = sentences.get(si) else {
                continue;
            };
            let lo = tokens.partition_point(|t| t.span.start < sent.start);
            let hi = tokens.partition_point(|t| t.span.start < sent.end);
            let toks: Vec<&Token> = tokens[lo..hi].iter().collect();
            let vals = valences(analyzer, text, &toks);
            cache = Some((si, toks, vals));
        }
        let Some((_, toks, vals)) = cache.as_ref() else {
            continue;
        };
        // Token positions of the mention.
        let first = toks.partition_point(|t| t.span.start < e.span.start);
        let last = toks
            .partition_point(|t| t.span.start < e.span.end)
            .max(first + 1)
            - 1;
        let mut sum = 0.0f32;
        for (i, (t, &v)) in toks.iter().zip(vals.iter()).enumerate() {
            if v == 0.0 || e.span.contains(t.span) {
                continue;
            }
            let d = if i < first {
                first - i
            } else {
                i.saturating_sub(last)
            };
            sum += v / (1.0 + d as f32 / 3.0);
        }
        let score = normalize(sum);
        let label = if score >= POSITIVE {
            Polarity::Positive
        } else if score <= NEGATIVE {
            Polarity::Negative
        } else {
            Polarity::Neutral
        };
        e.sentiment = Sentiment { label, score };
    }
}
