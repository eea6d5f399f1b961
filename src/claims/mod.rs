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
//! phrase itself is the speaker (`European officials`). Every speaker then gets its
//! referent, the named entity it means, through pronouns, relative pronouns,
//! appositions and role nouns (`claims::speaker`, see `docs/SPEAKERS.md`).
//!
//! Stance comes from the cue class (deny, criticize, concern, warn: `oppose`; praise,
//! promise: `support`) and otherwise from the sentiment of the content. Modality is
//! `negated` (a denial or a negation), `hedged` (allegedly, may, could...) or
//! `asserted`, with the word that decided it.

use crate::lexicon::WordLists;
use crate::model::cue::CueModel;
use crate::text::repeats::{covers, starts_in};
use crate::text::words::{feature_lemma, is_capitalized};
use crate::text::words::{lower, Slice};
use crate::text::Doc;
use crate::types::Entity;
use crate::types::Span;
use crate::types::{Token, TokenKind};

mod attribution;
mod quotes;
mod speaker;
mod stance;

use crate::types::CueClass;
use crate::types::{Claim, ClaimKind, Modality, Stance};
use attribution::{find_attributions, trim_final_punct};
pub use quotes::find_quotes;
use quotes::is_quote_mark;
use stance::modality;

/// Finds the claims of one analyzed text.
pub(crate) fn find_claims(
    words: &WordLists,
    model: &CueModel,
    doc: Doc<'_, '_>,
    checkworthiness: &[f32],
    entities: &[Entity],
) -> Vec<Claim> {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        repeats,
    } = doc;
    let quotes = find_quotes(text);
    let mut claims = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
        let toks = &tokens[lo..hi];
        let before = claims.len();
        let low = doc_words.slice(lo, hi);
        // A sentence inside a repeated run reports nothing; one that runs into a run
        // reports only the claims whose cue starts before it.
        let in_run = |span: Span| !repeats.is_empty() && starts_in(repeats, span);
        if covers(repeats, *sent) {
            continue;
        }
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
        if !repeats.is_empty() {
            let found: Vec<Claim> = claims.drain(before..).collect();
            claims.extend(
                found
                    .into_iter()
                    .filter(|c| !in_run(c.cue.unwrap_or(c.span))),
            );
        }
        for c in &mut claims[before..] {
            c.sentence = si;
            c.score = checkworthiness[si];
        }
        if claims.len() == before {
            // A quotation in this sentence with no cue: a quote claim.
            let from = quotes.partition_point(|q| q.start < sent.start);
            let mut in_sentence = quotes[from..].iter().take_while(|q| q.start < sent.end);
            if let Some(q) =
                in_sentence.find(|q| sent.contains(**q) && q.len() > 20 && !in_run(**q))
            {
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
            } else if checkworthiness[si] >= ASSERTION_THRESHOLD && !in_run(*sent) {
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
    speaker::resolve_referents(text, tokens, entities, &mut claims);
    claims.retain(|c| !speaker::is_furniture(text, sentences[c.sentence], c));
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

/// Where the cue detector's features go: summed at run time ([`CueScore`]), or
/// collected by name for the trainer ([`CueCollect`], see `crate::training`).
pub(crate) trait CueSink {
    /// A feature the model weighs `weight`; `name` writes its name (only a sink that
    /// collects calls it, so the run time builds no string).
    fn add(&mut self, weight: f32, name: impl FnOnce(&mut String));
}

/// The run-time sink: the sum of the weights.
struct CueScore(f32);

impl CueSink for CueScore {
    #[inline]
    fn add(&mut self, weight: f32, _name: impl FnOnce(&mut String)) {
        self.0 += weight;
    }
}

/// The trainer's sink: each feature's name, with the value 1 (every feature of the
/// detector is an indicator) and the weight the run time gave it.
#[derive(Debug, Default)]
pub(crate) struct CueCollect {
    /// `(name, weight)` per feature, in the order the run time sums them.
    pub(crate) features: Vec<(String, f32)>,
}

impl CueSink for CueCollect {
    fn add(&mut self, weight: f32, name: impl FnOnce(&mut String)) {
        let mut s = String::new();
        name(&mut s);
        self.features.push((s, weight));
    }
}

/// One candidate the cue detector scored, for the trainer.
#[derive(Debug)]
pub(crate) struct CueInstance {
    /// The candidate word.
    pub(crate) span: Span,
    /// Its features, as [`CueCollect`] holds them.
    pub(crate) features: Vec<(String, f32)>,
    /// The probability the run time gave it.
    pub(crate) probability: f32,
}

thread_local! {
    /// Whether this thread logs the detector's candidates ([`log_cue_instances`]).
    static LOGGING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The candidates logged.
    static LOG: std::cell::RefCell<Vec<CueInstance>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` on this thread with every candidate the cue detector scores logged with
/// its features (for the trainer: the candidates and features are the run time's own);
/// returns `f`'s result and the log.
pub(crate) fn log_cue_instances<T>(f: impl FnOnce() -> T) -> (T, Vec<CueInstance>) {
    LOGGING.with(|l| l.set(true));
    LOG.with(|l| l.borrow_mut().clear());
    let out = f();
    LOGGING.with(|l| l.set(false));
    (out, LOG.with(|l| std::mem::take(&mut *l.borrow_mut())))
}

/// The cue detector's probability that the word at token `k` is an attribution cue:
/// the logistic of the weights [`cue_features`] gives.
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
    let mut score = CueScore(0.0);
    cue_features(
        text,
        toks,
        k,
        phrase,
        cue_before,
        that_before,
        model,
        buf,
        word_ids,
        low,
        &mut score,
    );
    let p = 1.0 / (1.0 + (-score.0).exp());
    if LOGGING.with(|l| l.get()) {
        let mut collect = CueCollect::default();
        cue_features(
            text,
            toks,
            k,
            phrase,
            cue_before,
            that_before,
            model,
            buf,
            word_ids,
            low,
            &mut collect,
        );
        LOG.with(|l| {
            l.borrow_mut().push(CueInstance {
                span: toks[k].span,
                features: collect.features,
                probability: p,
            })
        });
    }
    p
}

/// The cue detector's features of the word at token `k`, with their weights, in the
/// order the run time sums them: the one feature code of the runtime
/// ([`cue_probability`]) and the trainer (`scripts/train/train_cue_model.py`, through
/// `crate::training::cue_features`).
#[allow(clippy::too_many_arguments)]
fn cue_features(
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
    sink: &mut impl CueSink,
) {
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
    const SUFFIXES: [&str; 4] = ["sx=ing", "sx=ed", "sx=s", "sx=-"];
    let suffix = if w.ends_with("ing") {
        0
    } else if w.ends_with("ed") {
        1
    } else if w.ends_with('s') && !w.ends_with("ss") {
        2
    } else {
        3
    };
    sink.add(fixed.bias, |s| s.push_str("bias"));
    sink.add(fixed.suffix[suffix], |s| s.push_str(SUFFIXES[suffix]));
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
    // The words of the features' names (only a collecting sink asks).
    let next = |j: usize| {
        if j < toks.len() {
            tok(j)
        } else {
            "</s>".into()
        }
    };
    for &(f, a, b) in &word_features {
        let weight = if live(f, a, b) {
            model.word_weight(f, a, b)
        } else {
            0.0
        };
        sink.add(weight, |s| match f {
            F::Word => *s = format!("w={w}"),
            F::Lemma => *s = format!("l={}", feature_lemma(w)),
            F::Prev1 => *s = format!("p1={p1}"),
            F::Prev2 => *s = format!("p2={p2}"),
            F::Next1 => *s = format!("n1={}", next(k + 1)),
            F::Next2 => *s = format!("n2={}", next(k + 2)),
            F::Prev1Word => *s = format!("p1w={p1}|{w}"),
            F::WordNext1 => *s = format!("wn1={w}|{}", next(k + 1)),
        });
    }
    let class = phrase.map_or("none", |(_, c)| c.as_str());
    let lex = fixed
        .lex
        .iter()
        .find(|(c, _)| c == class)
        .map_or(0.0, |&(_, v)| v);
    sink.add(lex, |s| *s = format!("lex={class}"));
    sink.add(fixed.cue_before[usize::from(cue_before)], |s| {
        *s = format!("cb={}", u8::from(cue_before))
    });
    sink.add(fixed.that_before[usize::from(that_before)], |s| {
        *s = format!("tb={}", u8::from(that_before))
    });
    match phrase {
        // A one-word cue: its phrase weight is in the vocabulary.
        Some((last, _)) if last == k => {
            sink.add(low.info(k).cue_phrase_weight, |s| *s = format!("lf={w}"));
        }
        Some((last, _)) => {
            buf.clear();
            buf.push_str("lf=");
            for j in k..=last {
                if j > k {
                    buf.push(' ');
                }
                buf.push_str(&tok(j));
            }
            sink.add(model.weight(buf), |s| s.push_str(buf));
        }
        None => {}
    }
    let lo = k.saturating_sub(3);
    let hi = (k + 4).min(toks.len());
    if (lo..hi).any(|j| toks[j].kind == TokenKind::Punct && is_quote_mark(toks[j].text(text))) {
        sink.add(fixed.quote_near, |s| s.push_str("qn"));
    }
    let pron = MODEL_PRONOUNS.contains(&p1)
        || (MODEL_SKIPPED.contains(&p1) && MODEL_PRONOUNS.contains(&p2));
    if pron {
        sink.add(fixed.pronoun_before, |s| s.push_str("ppron"));
        if phrase.is_some() {
            sink.add(fixed.pronoun_before_lex, |s| s.push_str("ppron_lex"));
        }
    }
    if k > 0 && is_capitalized(toks[k].text(text)) {
        sink.add(fixed.capitalized, |s| s.push_str("cap"));
    }
    if k > 0 && toks[k - 1].kind == TokenKind::Word && is_capitalized(toks[k - 1].text(text)) {
        sink.add(fixed.prev_capitalized, |s| s.push_str("pcap"));
    }
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
