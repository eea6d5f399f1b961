//! Check-worthiness: how worth fact-checking each sentence is, in [0, 1].
//!
//! A transparent linear score over features of the sentence, squashed by a logistic
//! function. What raises it: numbers, quantities and money; named entities;
//! attribution cues; comparisons and trends (more, record, increase); length. What
//! lowers it: questions, very short sentences, first- or second-person talk with no
//! number, talk about the exchange itself (thank you, applause, question) and plans
//! (will, going to). The weights are a logistic regression fitted on CheckThat! 2019
//! train by `scripts/train/fit_checkworthy.py` (leave-one-debate-out MAP 0.205 in its Python
//! replica of these features when fitted, 0.200 on the entity counts of the tree of
//! 2026-11-28), rounded; the bias is set so that about as many news sentences pass
//! [`ASSERTION_THRESHOLD`](crate::claims::ASSERTION_THRESHOLD) as before (the bias
//! does not change the ranking).

use crate::entities::Entity;
use crate::lexicon::closed::{DISCOURSE, FUTURE, PERSONAL_WORD, QUANTITY, TREND, WORD_CLASSES};
use crate::text::tokenize::{Token, TokenKind};
use crate::text::words::{DocWords, CLASS_SHIFT, CUE};
use crate::types::Span;

/// The intercept (see the module docs).
const BIAS: f32 = -2.3;

#[inline]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Scores every sentence. `entities` must be sorted by start.
pub(crate) fn score_sentences(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    entities: &[Entity],
    doc_words: &DocWords,
) -> Vec<f32> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut ent_i = 0;
    for sent in sentences {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
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
        while ent_i < entities.len() && entities[ent_i].span.start < sent.start {
            ent_i += 1;
        }
        let mut n_ent = 0;
        let mut j = ent_i;
        while j < entities.len() && entities[j].span.start < sent.end {
            // Pronouns and nominals (coreference) are not named entities; a name nested
            // in another counts once, with it.
            n_ent += usize::from(
                entities[j].found_by != crate::entities::FoundBy::Coreference
                    && !entities[j].nested,
            );
            j += 1;
        }
        let question = sent
            .slice(text)
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?');
        let non_year_numbers = numbers - years;
        let mut x = BIAS;
        x += 0.58 * (non_year_numbers.min(2) as f32);
        x += 0.89 * (quantities.min(2) as f32);
        x += 0.17 * (n_ent.min(3) as f32);
        x += 0.41 * (trends.min(3) as f32);
        x += 0.36 * (1.0 + n_words as f32).ln();
        x -= 1.39 * (discourse.min(2) as f32);
        x -= 0.40 * (future.min(2) as f32);
        if cue {
            x += 0.37;
        }
        if question {
            x -= 0.76;
        }
        if n_words < 6 {
            x -= 0.52;
        }
        if personal > 0 && numbers == 0 {
            x -= 0.17 * (personal.min(3) as f32);
        }
        out.push(sigmoid(x));
    }
    out
}

/// The class bits of `word` (0 for none).
#[inline]
fn classes(word: &str) -> u8 {
    WORD_CLASSES.get(word).copied().unwrap_or(0)
}
