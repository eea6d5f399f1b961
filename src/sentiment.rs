//! Sentiment toward entity mentions: a small logistic model over the words of the
//! mention's sentence, trained on the NewsMTSC train split.
//!
//! For each mention, every word of its sentence outside the mention counts with a
//! learned weight for `positive` and for `negative` (over `neutral`), one pair for
//! words before the mention and one for words after it (so `praised X` and `X
//! praised` can differ), multiplied by its closeness to the mention (`1 / (1 + d/3)`,
//! `d` in tokens); each word of the mention itself adds a third pair (a learned prior
//! per name or pronoun). One more feature is the
//! sentence's VADER valence with the same closeness weights, flipped and damped
//! (×-0.74, as VADER does) after a negation within three words, and normalized like
//! VADER's compound score (`x / sqrt(x² + 15)`). The label is the class with the
//! largest score (neutral's is 0); [`Sentiment::score`](crate::Sentiment) is
//! `p(positive) - p(negative)` in [-1, 1]. The weights (`models/sentiment.tsv`) come from
//! `scripts/train/train_sentiment.py`.

use std::sync::LazyLock;

use crate::text::words::{DocWords, Slice, NEGATOR};
use crate::text::Doc;
use crate::types::Span;
use crate::types::{Polarity, Sentiment};
use crate::types::{Token, TokenKind};

/// VADER's normalization of a raw sum into [-1, 1].
#[inline]
fn normalize(x: f32) -> f32 {
    x / (x * x + 15.0).sqrt()
}

/// True when word `i` of `low` negates (`toks[i]` is its token).
fn is_negator(toks: &[&Token], low: Slice, text: &str, i: usize) -> bool {
    low.has(i, NEGATOR) || toks[i].text(text).ends_with("n't")
}

/// Valence of each token (0 for none), with negation applied.
fn valences(text: &str, toks: &[&Token], low: Slice) -> Vec<f32> {
    let mut out = Vec::with_capacity(toks.len());
    features(text, toks, low, &mut out, None);
    out
}

/// Appends the valence of each token (0 for none, negation applied) to `vals` and,
/// when asked, its learned (positive, negative) weights to `weights`, both from the
/// word layer (`low` holds the words of `toks`, a run of consecutive tokens).
fn features(
    text: &str,
    toks: &[&Token],
    low: Slice,
    vals: &mut Vec<f32>,
    mut weights: Option<&mut Vec<[f32; 6]>>,
) {
    // The vocabulary's word data is larger than the caches: ask for every entry the
    // loop below reads before reading any.
    for i in 0..toks.len() {
        if low.has(i, crate::text::words::SENTIMENT) {
            low.prefetch_info(i);
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            vals.push(0.0);
            if let Some(w) = weights.as_mut() {
                w.push([0.0; 6]);
            }
            continue;
        }
        let (mut v, w) = if low.has(i, crate::text::words::SENTIMENT) {
            let info = low.info(i);
            (info.valence, info.sentiment)
        } else {
            (0.0, [0.0; 6])
        };
        if v != 0.0 {
            let negated = (i.saturating_sub(3)..i)
                .any(|p| toks[p].kind == TokenKind::Word && is_negator(toks, low, text, p));
            if negated {
                v *= -0.74;
            }
        }
        vals.push(v);
        if let Some(ws) = weights.as_mut() {
            ws.push(w);
        }
    }
}

/// The learned (positive, negative) weights of each word before, after and inside a
/// mention, for
/// [`crate::text::words::Vocab`] (which also holds every word's VADER valence).
pub(crate) fn word_weights() -> impl Iterator<Item = (&'static str, [f32; 6])> {
    MODEL.words.iter().copied()
}

/// Reads the bundled model now (start-up reads it beside the word lists, before the
/// vocabulary needs it).
pub(crate) fn load() {
    LazyLock::force(&MODEL);
}

/// The fitted weights (`models/sentiment.tsv`).
#[derive(Debug, Default)]
struct Model {
    /// Bias of positive and negative over neutral.
    bias: [f32; 2],
    /// Weight of the distance-weighted VADER compound, positive and negative.
    vader: [f32; 2],
    /// Word weights (positive, negative over neutral) before the mention, after it,
    /// and inside it.
    words: Vec<(&'static str, [f32; 6])>,
}

/// The bundled model, read on first use (the vocabulary's, at start-up).
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse("sentiment.tsv", include_str!("../models/sentiment.tsv"))
        .expect("the bundled sentiment model is validated by the test suite")
});

impl Model {
    /// Parses a model file (`models/README.md`): a word and its six weights per row;
    /// the rows `<bias>` and `<vader>` hold the intercepts and the VADER weights in
    /// their first two columns.
    fn parse(name: &str, text: &'static str) -> Result<Model, crate::LexiconError> {
        let file = crate::model::ModelFile::parse(name, text)?;
        file.expect_columns(&[
            "word",
            "pos_before",
            "neg_before",
            "pos_after",
            "neg_after",
            "pos_inside",
            "neg_inside",
        ])?;
        let mut m = Model::default();
        m.words.reserve(file.max_rows());
        for row in file.rows() {
            let [word, ws @ ..] = file.fields::<7>(row)?;
            let mut w = [0f32; 6];
            for (x, s) in w.iter_mut().zip(ws) {
                *x = file.number(row, s)?;
            }
            match word {
                "<bias>" => m.bias = [w[0], w[1]],
                "<vader>" => m.vader = [w[0], w[1]],
                _ => m.words.push((word, w)),
            }
        }
        Ok(m)
    }
}

/// The compound valence of a run of consecutive tokens (unweighted), in [-1, 1];
/// `low` holds their words.
pub(crate) fn valence_of(text: &str, toks: &[&Token], low: Slice) -> f32 {
    normalize(valences(text, toks, low).iter().sum())
}

/// The side of a mention a word is on, in the order of the model's weight columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Before the mention (`pos_before`, `neg_before`).
    Before = 0,
    /// After it (`pos_after`, `neg_after`).
    After = 1,
    /// Inside it (`pos_inside`, `neg_inside`).
    Inside = 2,
}

/// Where the features of a mention go: summed against the model's weights at run time
/// ([`Score`]), or collected by name for the trainer (`crate::training`).
pub(crate) trait SentimentSink {
    /// Token `i` of the sentence, on `side` of the mention, `closeness` to it (1 inside).
    fn word(&mut self, i: usize, side: Side, closeness: f32);
    /// The sentence's distance-weighted VADER valence, normalized.
    fn vader(&mut self, v: f32);
}

/// The run-time sink: the class scores of positive and negative over neutral.
struct Score<'w> {
    /// The learned weights of each token of the sentence.
    weights: &'w [[f32; 6]],
    z: [f32; 2],
}

impl SentimentSink for Score<'_> {
    #[inline]
    fn word(&mut self, i: usize, side: Side, closeness: f32) {
        let w = &self.weights[i];
        let c = 2 * side as usize;
        self.z[0] += w[c] * closeness;
        self.z[1] += w[c + 1] * closeness;
    }

    #[inline]
    fn vader(&mut self, v: f32) {
        self.z[0] += MODEL.vader[0] * v;
        self.z[1] += MODEL.vader[1] * v;
    }
}

/// The features of the mention on tokens `first..=last` of a sentence (`vals`: each
/// token's valence, `near[d]`: the closeness of a token `d` away), in the order the
/// run time sums them: the words before the mention, inside it (exactly
/// `first..=last`, when the mention starts before the sentence's last token does) and
/// after it, then the VADER valence. The one feature code of the runtime and the
/// trainer (`crate::training::sentiment_features`).
pub(crate) fn mention_features(
    vals: &[f32],
    near: &[f32],
    first: usize,
    last: usize,
    sink: &mut impl SentimentSink,
) {
    let n = vals.len();
    let (inside, after) = if first < n {
        (first..last + 1, last + 1)
    } else {
        (n..n, n)
    };
    let mut valence = 0.0f32;
    for i in 0..first.min(n) {
        let closeness = near[first - i];
        valence += vals[i] * closeness;
        sink.word(i, Side::Before, closeness);
    }
    for i in inside {
        sink.word(i, Side::Inside, 1.0);
    }
    for i in after..n {
        let closeness = near[i - last];
        valence += vals[i] * closeness;
        sink.word(i, Side::After, closeness);
    }
    sink.vader(normalize(valence));
}

/// What the features of a sentence's mentions are made of.
pub(crate) struct SentenceTerms<'t> {
    /// The index of the sentence's first token.
    pub(crate) lo: usize,
    /// Its tokens.
    pub(crate) toks: Vec<&'t Token>,
    /// Their valences (negation applied).
    pub(crate) vals: Vec<f32>,
    /// Their learned weights (empty unless asked for).
    pub(crate) weights: Vec<[f32; 6]>,
    /// The closeness of a word `d` tokens away from a mention.
    pub(crate) near: Vec<f32>,
}

/// A sentence's tokens, their valences and learned weights (`weights` only when
/// asked), and the closeness of a word `d` tokens away from a mention.
pub(crate) fn sentence_terms<'t>(
    text: &str,
    tokens: &'t [Token],
    doc_words: &DocWords,
    sent: Span,
    want_weights: bool,
) -> SentenceTerms<'t> {
    let lo = tokens.partition_point(|t| t.span.start < sent.start);
    let hi = tokens.partition_point(|t| t.span.start < sent.end);
    let toks: Vec<&Token> = tokens[lo..hi].iter().collect();
    let mut vals = Vec::with_capacity(toks.len());
    let mut weights = Vec::with_capacity(if want_weights { toks.len() } else { 0 });
    features(
        text,
        &toks,
        doc_words.slice(lo, hi),
        &mut vals,
        want_weights.then_some(&mut weights),
    );
    let near = (0..=toks.len())
        .map(|d| 1.0 / (1.0 + d as f32 / 3.0))
        .collect();
    SentenceTerms {
        lo,
        toks,
        vals,
        weights,
        near,
    }
}

/// The token positions (in the sentence's tokens `toks`) of the first and the last
/// token of the mention `span`.
pub(crate) fn mention_tokens(toks: &[&Token], span: Span) -> (usize, usize) {
    let first = toks.partition_point(|t| t.span.start < span.start);
    let last = toks
        .partition_point(|t| t.span.start < span.end)
        .max(first + 1)
        - 1;
    (first, last)
}

/// Sets the sentiment of every mention from its sentence's words.
pub(crate) fn score_mentions(doc: Doc<'_, '_>, entities: &mut [crate::types::Entity]) {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        ..
    } = doc;
    // Per sentence: its tokens, their VADER valences, their learned weights, and the
    // closeness of a word `d` tokens away from a mention.
    let mut cache: Option<(usize, SentenceTerms)> = None;
    for e in entities.iter_mut() {
        let si = e.sentence;
        if cache.as_ref().is_none_or(|c| c.0 != si) {
            let Some(sent) = sentences.get(si) else {
                continue;
            };
            cache = Some((si, sentence_terms(text, tokens, doc_words, *sent, true)));
        }
        let Some((_, terms)) = cache.as_ref() else {
            continue;
        };
        let (first, last) = mention_tokens(&terms.toks, e.span);
        crate::util::steps::add(terms.toks.len());
        let mut score = Score {
            weights: &terms.weights,
            z: MODEL.bias,
        };
        mention_features(&terms.vals, &terms.near, first, last, &mut score);
        let z = score.z;
        // Softmax against neutral's 0.
        let m = z[0].max(z[1]).max(0.0);
        let (ep, en, e0) = ((z[0] - m).exp(), (z[1] - m).exp(), (-m).exp());
        let score = (ep - en) / (ep + en + e0);
        let label = if z[0] > z[1] && z[0] > 0.0 {
            Polarity::Positive
        } else if z[1] > 0.0 && z[1] >= z[0] {
            Polarity::Negative
        } else {
            Polarity::Neutral
        };
        e.sentiment = Sentiment { label, score };
    }
}
