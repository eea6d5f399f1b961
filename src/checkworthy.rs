//! Check-worthiness: how worth fact-checking each sentence is, in [0, 1].
//!
//! A transparent linear score over features of the sentence, squashed by a logistic
//! function. What raises it: numbers, quantities and money; named entities;
//! attribution cues; comparisons and trends (more, record, increase); length. What
//! lowers it: questions, very short sentences, first- or second-person talk with no
//! number, talk about the exchange itself (thank you, applause, question) and plans
//! (will, going to). The weights (`models/checkworthy.tsv`) are a logistic regression
//! fitted on CheckThat! 2019 train by `scripts/train/fit_checkworthy.py` (leave-one-debate-out MAP 0.205 in its Python
//! replica of these features when fitted, 0.200 on the entity counts of the tree of
//! 2026-11-28), rounded; the bias is set so that about as many news sentences pass
//! [`ASSERTION_THRESHOLD`](crate::claims::ASSERTION_THRESHOLD) as before (the bias
//! does not change the ranking).

use std::sync::LazyLock;

use crate::lexicon::closed::{DISCOURSE, FUTURE, PERSONAL_WORD, QUANTITY, TREND, WORD_CLASSES};
use crate::text::words::{DocWords, CLASS_SHIFT, CUE};
use crate::text::Doc;
use crate::types::Entity;
use crate::types::Span;
use crate::types::{Token, TokenKind};

/// The fitted weights (`models/checkworthy.tsv`), by feature: the intercept (see the
/// module docs), then one weight per feature of [`score_sentences`].
#[derive(Debug, Default)]
struct Weights {
    bias: f32,
    numbers: f32,
    quantities: f32,
    entities: f32,
    trends: f32,
    log_words: f32,
    discourse: f32,
    future: f32,
    cue: f32,
    question: f32,
    short: f32,
    personal: f32,
}

/// The bundled weights, read on first use.
static WEIGHTS: LazyLock<Weights> = LazyLock::new(|| {
    Weights::parse("checkworthy.tsv", include_str!("../models/checkworthy.tsv"))
        .expect("the bundled check-worthiness model is validated by the test suite")
});

impl Weights {
    /// Parses a model file (`models/README.md`) with the columns `feature` and
    /// `weight`, one row for each field of [`Weights`].
    fn parse(name: &str, text: &str) -> Result<Weights, crate::LexiconError> {
        let file = crate::model::ModelFile::parse(name, text)?;
        file.expect_columns(&["feature", "weight"])?;
        let mut w = Weights::default();
        let mut seen = Vec::new();
        for row in file.rows() {
            let [f, v] = file.fields(row)?;
            let slot = match f {
                "bias" => &mut w.bias,
                "numbers" => &mut w.numbers,
                "quantities" => &mut w.quantities,
                "entities" => &mut w.entities,
                "trends" => &mut w.trends,
                "log_words" => &mut w.log_words,
                "discourse" => &mut w.discourse,
                "future" => &mut w.future,
                "cue" => &mut w.cue,
                "question" => &mut w.question,
                "short" => &mut w.short,
                "personal" => &mut w.personal,
                _ => return Err(file.error(row, format!("unknown feature `{f}`"))),
            };
            *slot = file.number(row, v)?;
            if seen.contains(&f) {
                return Err(file.error(row, format!("feature `{f}` repeated")));
            }
            seen.push(f);
        }
        if seen.len() != 12 {
            return Err(crate::LexiconError::at(
                name,
                1,
                format!("expected the 12 features of Weights, found {}", seen.len()),
            ));
        }
        Ok(w)
    }
}

#[inline]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The features of [`score_sentences`], in the order the run time sums them, with
/// their names in the model file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Feature {
    /// Numbers other than years, up to 2.
    Numbers,
    /// Quantity words and signs (percent, million, `$`), up to 2.
    Quantities,
    /// Named-entity mentions, up to 3.
    Entities,
    /// Comparison and trend words, up to 3.
    Trends,
    /// `ln(1 + words)`.
    LogWords,
    /// Words about the exchange itself (thank, applause, question), up to 2.
    Discourse,
    /// Words about plans (will, going, 'll), up to 2.
    Future,
    /// 1 when a word is an attribution cue (absent otherwise).
    Cue,
    /// 1 when the sentence ends with a question mark (absent otherwise).
    Question,
    /// 1 when the sentence has fewer than six words (absent otherwise).
    Short,
    /// First- or second-person words, up to 3, when there is no number (absent
    /// otherwise).
    Personal,
}

impl Feature {
    /// The feature's name in `models/checkworthy.tsv`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Feature::Numbers => "numbers",
            Feature::Quantities => "quantities",
            Feature::Entities => "entities",
            Feature::Trends => "trends",
            Feature::LogWords => "log_words",
            Feature::Discourse => "discourse",
            Feature::Future => "future",
            Feature::Cue => "cue",
            Feature::Question => "question",
            Feature::Short => "short",
            Feature::Personal => "personal",
        }
    }

    /// Its weight in `w`.
    #[inline]
    fn weight(self, w: &Weights) -> f32 {
        match self {
            Feature::Numbers => w.numbers,
            Feature::Quantities => w.quantities,
            Feature::Entities => w.entities,
            Feature::Trends => w.trends,
            Feature::LogWords => w.log_words,
            Feature::Discourse => w.discourse,
            Feature::Future => w.future,
            Feature::Cue => w.cue,
            Feature::Question => w.question,
            Feature::Short => w.short,
            Feature::Personal => w.personal,
        }
    }
}

/// True when an entity counts as a named entity of its sentence: pronouns and
/// nominals (coreference) are not named entities; a name nested in another counts
/// once, with it.
#[inline]
pub(crate) fn counts_as_entity(e: &Entity) -> bool {
    e.found_by != crate::types::FoundBy::Coreference && !e.nested
}

/// The features of the sentence `sent` (its tokens `tokens[lo..hi]`, `n_ent` named
/// entities in it), given to `sink` in the order the run time sums them. The one
/// feature code of the runtime ([`score_sentences`]) and the trainer
/// (`crate::training::checkworthy_features`).
pub(crate) fn sentence_features(
    text: &str,
    tokens: &[Token],
    (lo, hi): (usize, usize),
    sent: Span,
    n_ent: usize,
    doc_words: &DocWords,
    sink: &mut impl FnMut(Feature, f32),
) {
    let toks = &tokens[lo..hi];
    let mut n_words = 0usize;
    let mut numbers = 0usize;
    let mut years = 0usize;
    let mut quantities = 0usize;
    let mut trends = 0usize;
    let mut personal = 0usize;
    let mut discourse = 0usize;
    let mut future = 0usize;
    let mut cue = false;
    for (k, t) in toks.iter().enumerate() {
        crate::util::steps::add(1);
        let w = t.text(text);
        match t.kind {
            TokenKind::Number => {
                numbers += 1;
                if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
                    years += 1;
                }
            }
            TokenKind::Word => {
                n_words += 1;
                let flags = doc_words.flags(lo + k);
                let c = (flags >> CLASS_SHIFT) as u8;
                quantities += usize::from(c & QUANTITY != 0);
                trends += usize::from(c & TREND != 0);
                personal += usize::from(c & PERSONAL_WORD != 0);
                discourse += usize::from(c & DISCOURSE != 0);
                let l = doc_words.lower(lo + k);
                if c & FUTURE != 0 || l.ends_with("'ll") || l.ends_with("’ll") {
                    future += 1;
                }
                cue |= flags & CUE != 0;
            }
            TokenKind::Punct => {
                if classes(w) & QUANTITY != 0 {
                    quantities += 1;
                }
            }
            TokenKind::Possessive => {}
        }
    }
    let question = sent
        .slice(text)
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?');
    let non_year_numbers = numbers - years;
    sink(Feature::Numbers, non_year_numbers.min(2) as f32);
    sink(Feature::Quantities, quantities.min(2) as f32);
    sink(Feature::Entities, n_ent.min(3) as f32);
    sink(Feature::Trends, trends.min(3) as f32);
    sink(Feature::LogWords, (1.0 + n_words as f32).ln());
    sink(Feature::Discourse, discourse.min(2) as f32);
    sink(Feature::Future, future.min(2) as f32);
    if cue {
        sink(Feature::Cue, 1.0);
    }
    if question {
        sink(Feature::Question, 1.0);
    }
    if n_words < 6 {
        sink(Feature::Short, 1.0);
    }
    if personal > 0 && numbers == 0 {
        sink(Feature::Personal, personal.min(3) as f32);
    }
}

/// Scores every sentence. `entities` must be sorted by start.
pub(crate) fn score_sentences(doc: Doc<'_, '_>, entities: &[Entity]) -> Vec<f32> {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        ..
    } = doc;
    let mut out = Vec::with_capacity(sentences.len());
    let mut ent_i = 0;
    for sent in sentences {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
        while ent_i < entities.len() && entities[ent_i].span.start < sent.start {
            crate::util::steps::add(1);
            ent_i += 1;
        }
        let mut n_ent = 0;
        let mut j = ent_i;
        while j < entities.len() && entities[j].span.start < sent.end {
            crate::util::steps::add(1);
            n_ent += usize::from(counts_as_entity(&entities[j]));
            j += 1;
        }
        // Negative weights are added (`x + -a*b` is `x - a*b` exactly); a feature of
        // value 1 adds its weight (`a * 1.0` is `a`).
        let w = &*WEIGHTS;
        let mut x = w.bias;
        sentence_features(
            text,
            tokens,
            (lo, hi),
            *sent,
            n_ent,
            doc_words,
            &mut |f, v| x += f.weight(w) * v,
        );
        out.push(sigmoid(x));
    }
    out
}

/// The class bits of `word` (0 for none).
#[inline]
fn classes(word: &str) -> u8 {
    WORD_CLASSES.get(word).copied().unwrap_or(0)
}
