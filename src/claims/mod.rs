//! Claims: attributed statements (speaker, cue, content), direct quotes, and
//! unattributed check-worthy assertions, each with a stance and a modality.
//!
//! Attribution is found per sentence from cues:
//! - `according to X` (X runs to the next comma or the sentence end; the content is the
//!   rest of the sentence);
//! - reporting words: a candidate (a first word of a lexicon cue phrase, hand-curated
//!   in `cues.tsv` or mined from PolNeAR train in `cues_polnear.tsv`, or a word of the
//!   detector's vocabulary such as `wants`) is a cue when the cue detector (a logistic
//!   regression over its context, `model::cue::CueModel`, trained by
//!   `scripts/train/train_cue_model.py`) gives it a probability above its threshold and no
//!   rule marks it a noun or a passive participle. The cue is the longest lexicon phrase
//!   there (`expressed concern`), else the word. The speaker is the noun phrase before the verb (skipping
//!   auxiliaries, adverbs and a parenthetical between commas), or after it in the
//!   inverted `..., said the minister.` form, or, for a participle after a comma
//!   (`..., arguing that ...`), the subject of the main clause. The content is the quote
//!   next to the cue, else the clause after it (without `that`), else the clause before
//!   `, X said`.
//!
//! A speaker phrase whose head is an entity mention is resolved to that entity
//! (`Eurojust President Michael Schmid` -> the mention `Michael Schmid`); otherwise the
//! phrase itself is the speaker (`European officials`).
//!
//! Stance comes from the cue class (deny, criticize, concern, warn: `oppose`; praise,
//! promise: `support`) and otherwise from the sentiment of the content. Modality is
//! `negated` (a denial or a negation), `hedged` (allegedly, may, could...) or
//! `asserted`, with the word that decided it.

use crate::lexicon::WordLists;
use crate::model::cue::CueModel;
use crate::text::words::{feature_lemma, is_capitalized};
use crate::text::words::{lower, DocWords, Slice};
use crate::types::Entity;
use crate::types::Span;
use crate::types::{Token, TokenKind};

mod attribution;
mod quotes;
mod stance;

use crate::types::CueClass;
use crate::types::{Claim, ClaimKind, Modality, Stance};
use attribution::{find_attributions, trim_final_punct};
pub use quotes::find_quotes;
use quotes::is_quote_mark;
use stance::modality;

/// Finds the claims of one analyzed text.
#[allow(clippy::too_many_arguments)]
pub(crate) fn find_claims(
    words: &WordLists,
    model: &CueModel,
    text: &str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    checkworthiness: &[f32],
    entities: &[Entity],
) -> Vec<Claim> {
    let quotes = find_quotes(text);
    let mut claims = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
        let toks = &tokens[lo..hi];
        let before = claims.len();
        let low = doc_words.slice(lo, hi);
        find_attributions(
            words,
            model,
            text,
            toks,
            low,
            *sent,
            &quotes,
            entities,
            &mut claims,
        );
        for c in &mut claims[before..] {
            c.sentence = si;
            c.score = checkworthiness[si];
        }
        if claims.len() == before {
            // A quotation in this sentence with no cue: a quote claim.
            let from = quotes.partition_point(|q| q.start < sent.start);
            let mut in_sentence = quotes[from..].iter().take_while(|q| q.start < sent.end);
            if let Some(q) = in_sentence.find(|q| sent.contains(**q) && q.len() > 20) {
                claims.push(Claim {
                    span: *q,
                    sentence: si,
                    kind: ClaimKind::Quote,
                    score: checkworthiness[si],
                    speaker: None,
                    cue: None,
                    cue_class: None,
                    content: Some(*q),
                    stance: Stance::Neutral,
                    modality: Modality::Asserted,
                    modality_cue: None,
                });
            } else if checkworthiness[si] >= ASSERTION_THRESHOLD {
                let content = trim_final_punct(text, *sent);
                let (modality, modality_cue) = modality(toks, low, content, None);
                claims.push(Claim {
                    span: *sent,
                    sentence: si,
                    kind: ClaimKind::Assertion,
                    score: checkworthiness[si],
                    speaker: None,
                    cue: None,
                    cue_class: None,
                    content: Some(content),
                    stance: Stance::Neutral,
                    modality,
                    modality_cue,
                });
            }
        }
    }
    claims
}

/// Check-worthiness from which an unattributed sentence is reported as a claim.
pub const ASSERTION_THRESHOLD: f32 = 0.5;

/// A token as the cue detector sees it: a word in lower case, `<num>`, `'s`, `<q>` for a
/// quote mark, other punctuation as itself.
pub(super) fn model_token<'a>(text: &'a str, t: &Token) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    match t.kind {
        TokenKind::Word => lower(t.text(text)),
        TokenKind::Number => Cow::Borrowed("<num>"),
        TokenKind::Possessive => Cow::Borrowed("'s"),
        TokenKind::Punct => match t.text(text) {
            s if is_quote_mark(s) => Cow::Borrowed("<q>"),
            s => Cow::Borrowed(s),
        },
    }
}

/// Not yet looked up, in the per-sentence word-id memo of the cue detector.
pub(super) const UNSEEN: u32 = u32::MAX;

/// Pronouns that make the word after them (or after an auxiliary) likely a verb.
pub(super) const MODEL_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it", "who"];

/// Auxiliaries and adverbs between a pronoun and its verb, for the detector.
pub(super) const MODEL_SKIPPED: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "did",
    "does",
    "do",
    "not",
    "never",
    "is",
    "was",
    "are",
    "were",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "still",
    "then",
    "later",
    "again",
    "already",
    "recently",
    "repeatedly",
];

/// The cue detector's probability that the word at token `k` is an attribution cue.
/// The features are those of `scripts/train/train_cue_model.py` (keep them in step).
#[allow(clippy::too_many_arguments)]
pub(super) fn cue_probability(
    text: &str,
    toks: &[Token],
    k: usize,
    phrase: Option<(usize, CueClass)>,
    cue_before: bool,
    that_before: bool,
    model: &CueModel,
    buf: &mut String,
    word_ids: &mut [u32],
    low: Slice,
) -> f32 {
    use crate::model::cue::CueFeature as F;
    // The model's view of token j (words from the lower-case cache).
    let tok = |j: usize| -> std::borrow::Cow<str> {
        if toks[j].kind == TokenKind::Word {
            std::borrow::Cow::Borrowed(low.lower(j))
        } else {
            model_token(text, &toks[j])
        }
    };
    let w = tok(k);
    let w = w.as_ref();
    let p1 = if k == 0 { "<s>".into() } else { tok(k - 1) };
    let p2 = if k < 2 { "<s>".into() } else { tok(k - 2) };
    let (p1, p2) = (p1.as_ref(), p2.as_ref());
    let fixed = &model.fixed;
    // sx=ing, sx=ed, sx=s, sx=-
    let suffix = if w.ends_with("ing") {
        0
    } else if w.ends_with("ed") {
        1
    } else if w.ends_with('s') && !w.ends_with("ss") {
        2
    } else {
        3
    };
    let mut z = fixed.bias + fixed.suffix[suffix];
    // Word features go by interned word ids (one integer-keyed lookup each); a word
    // no feature mentions contributes nothing.
    let id = |s: &str| model.word_id(s);
    let mut id_at = |j: usize| {
        if word_ids[j] == UNSEEN {
            word_ids[j] = if toks[j].kind == TokenKind::Word {
                if low.has(j, crate::text::words::CUE_WORD) {
                    low.info(j).cue_word
                } else {
                    0
                }
            } else {
                model.word_id(&tok(j)).unwrap_or(0)
            };
        }
        word_ids[j]
    };
    let (start, end) = model.edge_ids();
    let iw = id_at(k);
    let ip1 = if k == 0 { start } else { id_at(k - 1) };
    let ip2 = if k < 2 { start } else { id_at(k - 2) };
    let in1 = if k + 1 < toks.len() {
        id_at(k + 1)
    } else {
        end
    };
    let in2 = if k + 2 < toks.len() {
        id_at(k + 2)
    } else {
        end
    };
    // The lemma's id: kept in the vocabulary for the words the detector decides on.
    let il =
        if low.has(k, crate::text::words::CUE_HEAD) || low.has(k, crate::text::words::CUE_VOCAB) {
            low.info(k).cue_lemma
        } else {
            id(feature_lemma(w)).unwrap_or(0)
        };
    // Id 0: a word no feature mentions, so the feature weighs nothing. The weights'
    // memory is asked for first, for all eight at once, then summed in order.
    let word_features = [
        (F::Word, iw, 0),
        (F::Lemma, il, 0),
        (F::Prev1, ip1, 0),
        (F::Prev2, ip2, 0),
        (F::Next1, in1, 0),
        (F::Next2, in2, 0),
        (F::Prev1Word, ip1, iw),
        (F::WordNext1, iw, in1),
    ];
    let live =
        |f: F, a: u32, b: u32| a != 0 && (b != 0 || !matches!(f, F::Prev1Word | F::WordNext1));
    for &(f, a, b) in &word_features {
        if live(f, a, b) {
            model.prefetch_word_weight(f, a, b);
        }
    }
    for &(f, a, b) in &word_features {
        z += if live(f, a, b) {
            model.word_weight(f, a, b)
        } else {
            0.0
        };
    }
    let class = phrase.map_or("none", |(_, c)| c.as_str());
    z += fixed
        .lex
        .iter()
        .find(|(c, _)| c == class)
        .map_or(0.0, |&(_, v)| v);
    z += fixed.cue_before[usize::from(cue_before)];
    z += fixed.that_before[usize::from(that_before)];
    match phrase {
        // A one-word cue: its phrase weight is in the vocabulary.
        Some((last, _)) if last == k => z += low.info(k).cue_phrase_weight,
        Some((last, _)) => {
            buf.clear();
            buf.push_str("lf=");
            for j in k..=last {
                if j > k {
                    buf.push(' ');
                }
                buf.push_str(&tok(j));
            }
            z += model.weight(buf);
        }
        None => {}
    }
    let lo = k.saturating_sub(3);
    let hi = (k + 4).min(toks.len());
    if (lo..hi).any(|j| toks[j].kind == TokenKind::Punct && is_quote_mark(toks[j].text(text))) {
        z += fixed.quote_near;
    }
    let pron = MODEL_PRONOUNS.contains(&p1)
        || (MODEL_SKIPPED.contains(&p1) && MODEL_PRONOUNS.contains(&p2));
    if pron {
        z += fixed.pronoun_before;
        if phrase.is_some() {
            z += fixed.pronoun_before_lex;
        }
    }
    if k > 0 && is_capitalized(toks[k].text(text)) {
        z += fixed.capitalized;
    }
    if k > 0 && toks[k - 1].kind == TokenKind::Word && is_capitalized(toks[k - 1].text(text)) {
        z += fixed.prev_capitalized;
    }
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;

    #[test]
    fn quotes() {
        let text = "He said “it is over” and “done.” Then \"straight\" quotes.";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["it is over", "done.", "straight"]);
        let text = "“First paragraph runs on\n\n“and continues here.”";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["First paragraph runs on", "and continues here."]);
        // A stray closing straight quote opens nothing; a `“` typed for `”` closes.
        let text = "He said it,\" then \"he left\" and “went home“ today.";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["he left", "went home"]);
    }

    #[test]
    fn headline_colon_without_entity() {
        let a = Analyzer::new();
        let text = "Clinton camp: Sanders plan costs too much.\n\nThe campaign spoke on Monday.";
        let claims = a.analyze(text).claims;
        let c = claims
            .iter()
            .find(|c| c.cue.is_some())
            .expect("a colon cue");
        assert_eq!(c.cue.unwrap().slice(text), ":");
        assert_eq!(c.speaker.unwrap().span.slice(text), "Clinton camp");
        // Not outside the headline without an entity name.
        let text = "Nothing here.\nClinton camp: Sanders plan costs too much.";
        let claims = a.analyze(text).claims;
        assert!(claims
            .iter()
            .all(|c| c.cue.is_none_or(|s| s.slice(text) != ":")));
    }

    #[test]
    fn detector_features() {
        assert_eq!(feature_lemma("wants"), "want");
        assert_eq!(feature_lemma("criticizes"), "criticiz");
        assert_eq!(feature_lemma("discuss"), "discuss");
        assert_eq!(feature_lemma("says"), "say");
        assert_eq!(feature_lemma("is"), "is");
    }

    #[test]
    fn detector_finds_cues_outside_the_lexicon() {
        let a = Analyzer::new();
        let words = a.words();
        // "wants" is no lexicon cue: the detector decides it.
        assert!(!words.cues.contains_key("wants"));
        assert!(a.cue_model().vocab.contains("wants"));
        let text = "Senator Warren wants the bank to repay its customers.";
        let claims = a.analyze(text).claims;
        let cue = claims.iter().find_map(|c| c.cue.map(|s| s.slice(text)));
        assert_eq!(cue, Some("wants"));
        // A noun after a determiner is no cue.
        let text = "The wants of the city council were many.";
        let claims = a.analyze(text).claims;
        assert!(claims.iter().all(|c| c.cue.is_none()), "{claims:?}");
    }
}
