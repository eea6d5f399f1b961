//! Sentiment toward entity mentions: a small logistic model over the words of the
//! mention's sentence, trained on the NewsMTSC train split. Name-blind: names enter
//! the model only by their type, so the same sentence gives the same sentiment
//! whoever it names (`tests/counterfactual.rs`).
//!
//! For each mention, every word of its sentence outside the names counts with a
//! learned weight for `positive` and for `negative` (over `neutral`), one pair for
//! words before the mention and one for words after it (so `praised X` and `X
//! praised` can differ), multiplied by its closeness to the mention (`1 / (1 + d/3)`,
//! `d` in tokens, a name counting as one token). Names are the entity mentions of
//! the sentence and runs of capitalized words that look like names
//! ([`name_like`]): each other name adds the before or after pair of its [`Kind`]
//! (`<PER>`, `<ORG>`, `<COUNTRY>`...), and the mention itself adds the inside pair of
//! its own kind (a prior per type, not per name); no word of a name has a weight or
//! a valence. One more feature is the
//! sentence's VADER valence with the same closeness weights, flipped and damped
//! (×-0.74, as VADER does) after a negation within three words, and normalized like
//! VADER's compound score (`x / sqrt(x² + 15)`). The label is the class with the
//! largest score (neutral's is 0); [`Sentiment::score`](crate::Sentiment) is
//! `p(positive) - p(negative)` in [-1, 1]. The weights (`models/sentiment.tsv`) come from
//! `scripts/train/train_sentiment.py`.

use std::sync::LazyLock;

use crate::text::words::{
    is_capitalized, DocWords, Slice, FIRST_NAME, NEGATOR, NOT_NAME, SURNAME, TITLE_HEAD,
};
use crate::text::Doc;
use crate::types::{EntityType, Span};
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
    /// and inside it (always 0: a word inside a mention is part of a name).
    words: Vec<(&'static str, [f32; 6])>,
    /// The same weights of each [`Kind`] of name (rows `<PER>`...), by its value.
    kinds: [[f32; 6]; KINDS],
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
                _ => match Kind::ALL.iter().find(|k| k.name() == word) {
                    Some(&k) => m.kinds[k as usize] = w,
                    None if word.starts_with('<') => {
                        return Err(file.error(row, format!("unknown row {word}")))
                    }
                    None => m.words.push((word, w)),
                },
            }
        }
        Ok(m)
    }
}

/// The compound valence (unweighted, in [-1, 1]) of tokens `from..to` of a sentence
/// (`toks`, their words `low`), name-blind: the tokens of `names` (byte spans of
/// entity mentions) and name-like words ([`name_like`]) add nothing.
pub(crate) fn name_blind_valence(
    text: &str,
    toks: &[&Token],
    low: Slice,
    (from, to): (usize, usize),
    names: &[Span],
) -> f32 {
    let vals = valences(text, &toks[from..to], low.sub(from, to));
    let sum = vals
        .iter()
        .enumerate()
        .filter(|&(j, v)| {
            *v != 0.0
                && !name_like(text, toks, low, from + j)
                && !names.iter().any(|n| n.contains(toks[from + j].span))
        })
        .map(|(_, v)| v)
        .sum();
    normalize(sum)
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

/// What the model sees of a name: its type only. Every entity mention of a sentence,
/// the target's included, and every run of name-like words the entity stage did not
/// take ([`SentenceTerms::name_like`]) enters the model as one of these, never by its
/// words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person.
    Person = 0,
    /// An organization.
    Organization = 1,
    /// A country.
    Country = 2,
    /// Another place.
    Location = 3,
    /// A demonym or party word of nationality.
    Nationality = 4,
    /// A pronoun found by coreference.
    Pronoun = 5,
    /// A definite role or organization noun found by coreference.
    Nominal = 6,
    /// Capitalized words that look like a name and are no entity mention.
    Name = 7,
}

/// The number of [`Kind`]s.
const KINDS: usize = 8;

impl Kind {
    /// Every kind, in the order of their values.
    const ALL: [Kind; KINDS] = [
        Kind::Person,
        Kind::Organization,
        Kind::Country,
        Kind::Location,
        Kind::Nationality,
        Kind::Pronoun,
        Kind::Nominal,
        Kind::Name,
    ];

    /// The kind of an entity type.
    pub(crate) fn of(t: EntityType) -> Kind {
        match t {
            EntityType::Person => Kind::Person,
            EntityType::Organization => Kind::Organization,
            EntityType::Country => Kind::Country,
            EntityType::Location => Kind::Location,
            EntityType::Nationality => Kind::Nationality,
            EntityType::Pronoun => Kind::Pronoun,
            EntityType::Nominal => Kind::Nominal,
        }
    }

    /// Its feature and model-file row name (`<PER>`...).
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Kind::Person => "<PER>",
            Kind::Organization => "<ORG>",
            Kind::Country => "<COUNTRY>",
            Kind::Location => "<LOC>",
            Kind::Nationality => "<NORP>",
            Kind::Pronoun => "<PRON>",
            Kind::Nominal => "<NOM>",
            Kind::Name => "<NAME>",
        }
    }
}

/// Where the features of a mention go: summed against the model's weights at run time
/// ([`Score`]), or collected by name for the trainer (`crate::training`).
pub(crate) trait SentimentSink {
    /// Word token `i` of the sentence (no name), on `side` of the mention, `closeness`
    /// to it.
    fn word(&mut self, i: usize, side: Side, closeness: f32);
    /// A name of kind `kind` on `side` of the mention, `closeness` to it; the mention
    /// itself is its own kind `Inside`, closeness 1.
    fn name(&mut self, kind: Kind, side: Side, closeness: f32);
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
    fn name(&mut self, kind: Kind, side: Side, closeness: f32) {
        let w = &MODEL.kinds[kind as usize];
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

/// Marks a token that no name owns in a [`Layout`].
const FREE: u32 = u32::MAX;

/// Who owns each token of a sentence, and where each token is once every name is
/// one token.
struct Layout {
    /// Per token: the name that owns it (an index in `kinds`), or [`FREE`].
    owner: Vec<u32>,
    /// The kind of each name.
    kinds: Vec<Kind>,
    /// Per token: its position, a name's tokens sharing one.
    pos: Vec<usize>,
}

impl Layout {
    /// The layout of the sentence `terms` with the names `mentions` (token ranges,
    /// inclusive, and kinds; a token goes to the first mention that covers it, a
    /// mention left with no token is no name), then the runs of name-like words no
    /// mention owns.
    fn new(terms: &SentenceTerms, mentions: impl Iterator<Item = (usize, usize, Kind)>) -> Layout {
        let n = terms.toks.len();
        let mut owner = vec![FREE; n];
        let mut kinds: Vec<Kind> = Vec::new();
        for (a, b, kind) in mentions {
            if a >= n {
                continue;
            }
            let id = kinds.len() as u32;
            let mut any = false;
            for o in &mut owner[a..=b.min(n - 1)] {
                if *o == FREE {
                    *o = id;
                    any = true;
                }
            }
            if any {
                kinds.push(kind);
            }
        }
        let mut i = 0;
        while i < n {
            if owner[i] == FREE && terms.name_like[i] {
                let id = kinds.len() as u32;
                while i < n && owner[i] == FREE && terms.name_like[i] {
                    owner[i] = id;
                    i += 1;
                }
                kinds.push(Kind::Name);
            } else {
                i += 1;
            }
        }
        let mut pos = Vec::with_capacity(n);
        let mut p = 0usize;
        for j in 0..n {
            if j > 0 && !(owner[j] != FREE && owner[j] == owner[j - 1]) {
                p += 1;
            }
            pos.push(p);
        }
        Layout { owner, kinds, pos }
    }
}

/// The names of a sentence: its entity mentions (the targets among them) and the runs
/// of name-like words, laid out once for all of its targets.
pub(crate) struct SentenceNames {
    /// The layout with every mention.
    layout: Layout,
    /// Each mention's span, token range and kind, in the order given.
    mentions: Vec<(Span, usize, usize, Kind)>,
}

impl SentenceNames {
    /// The names of the sentence `terms` whose entity mentions are `mentions` (byte
    /// spans and kinds, any order; nested ones included).
    pub(crate) fn new(terms: &SentenceTerms, mentions: &[(Span, Kind)]) -> SentenceNames {
        let mentions: Vec<(Span, usize, usize, Kind)> = mentions
            .iter()
            .map(|&(span, kind)| {
                let (a, b) = mention_tokens(&terms.toks, span);
                (span, a, b, kind)
            })
            .collect();
        let layout = Layout::new(terms, mentions.iter().map(|m| (m.1, m.2, m.3)));
        SentenceNames { layout, mentions }
    }
}

/// The features of the mention `target` (a byte span, with its kind when it is an
/// entity mention) in a sentence (`terms`, its names `names`; the target may be one
/// of them or not): the words before the mention and after it, each other name once,
/// as its kind (an entity mention, or a run of name-like words), the target's kind
/// inside it, then the VADER valence of the words. Names are never words: their
/// tokens add no word feature and no valence. Distances count each name as one
/// token, so a name's length does not move its neighbours. The one feature code of
/// the run time and the trainer (`crate::training::sentiment_features`).
pub(crate) fn mention_features(
    terms: &SentenceTerms,
    names: &SentenceNames,
    target: (Span, Option<Kind>),
    sink: &mut impl SentimentSink,
) {
    let n = terms.toks.len();
    let (first, last) = mention_tokens(&terms.toks, target.0);
    // The sentence's layout serves when the target is one of its names and owns all
    // of its tokens there; else the target's tokens go to it first.
    let shared = names.mentions.iter().find_map(|m| {
        let id = *names.layout.owner.get(first)?;
        (m.0 == target.0
            && first < n
            && id != FREE
            && names.layout.owner[first..=last.min(n - 1)]
                .iter()
                .all(|&o| o == id)
            && (first == 0 || names.layout.owner[first - 1] != id)
            && names.layout.owner.get(last + 1) != Some(&id))
        .then_some(id)
    });
    let own;
    let (layout, tgt) = match shared {
        Some(id) => (&names.layout, id),
        None => {
            let tk = Kind::Name; // its kind is not read: the target adds `target.1`
            own = Layout::new(
                terms,
                std::iter::once((first, last, tk)).chain(
                    names
                        .mentions
                        .iter()
                        .filter(|m| m.0 != target.0)
                        .map(|m| (m.1, m.2, m.3)),
                ),
            );
            (&own, 0)
        }
    };
    // The target's position (past the end when it has no token in the sentence).
    let at = if first < n {
        layout.pos[first]
    } else {
        layout.pos.last().map_or(0, |p| p + 1)
    };
    let tgt = if first < n { tgt } else { FREE - 1 };
    let mut valence = 0.0f32;
    for j in 0..n {
        let o = layout.owner[j];
        if o == tgt {
            continue;
        }
        let (side, d) = if layout.pos[j] < at {
            (Side::Before, at - layout.pos[j])
        } else {
            (Side::After, layout.pos[j] - at)
        };
        let closeness = terms.near[d];
        if o == FREE {
            if terms.toks[j].kind == TokenKind::Word {
                valence += terms.vals[j] * closeness;
                sink.word(j, side, closeness);
            }
        } else if j == 0 || layout.owner[j - 1] != o {
            sink.name(layout.kinds[o as usize], side, closeness);
        }
    }
    if let Some(kind) = target.1 {
        sink.name(kind, Side::Inside, 1.0);
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
    /// Per token: a capitalized word that may be a name ([`name_like`]).
    pub(crate) name_like: Vec<bool>,
    /// The closeness of a word `d` tokens away from a mention.
    pub(crate) near: Vec<f32>,
}

/// True when word `i` of a sentence (`toks`, their words `low`) may be a name the
/// entity stage missed: it is capitalized, it is no word that never starts a name
/// (`The`, `However`), no title (`President`, `Mr`) and not `I`, and it does not
/// start the sentence or a quotation, or it is a given name or surname of the
/// lexicons. Such words carry no word weight and no
/// valence: they enter the sentiment model and stance only as a name
/// ([`Kind::Name`]).
pub(crate) fn name_like(text: &str, toks: &[&Token], low: Slice, i: usize) -> bool {
    let t = toks[i];
    if t.kind != TokenKind::Word || !is_capitalized(t.text(text)) {
        return false;
    }
    let flags = low.flags(i);
    // Words that never name (`The`, `However`), titles (`President`, `Mr`) and `I`.
    let w = low.lower(i);
    if flags & (NOT_NAME | TITLE_HEAD) != 0
        || w == "i"
        || w.starts_with("i'")
        || w.starts_with("i\u{2019}")
    {
        return false;
    }
    // The first word of the sentence, or the first after an opening quote or a colon.
    let leading = !toks[..i].iter().any(|p| p.kind == TokenKind::Word)
        || toks[..i].last().is_some_and(|p| {
            p.kind == TokenKind::Punct
                && matches!(p.text(text), "\"" | "\u{201c}" | "\u{2018}" | "'" | ":")
        });
    !leading || flags & (FIRST_NAME | SURNAME) != 0
}

/// A sentence's tokens, their valences and learned weights (`weights` only when
/// asked), which are name-like, and the closeness of a word `d` tokens away from a
/// mention.
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
    let low = doc_words.slice(lo, hi);
    features(
        text,
        &toks,
        low,
        &mut vals,
        want_weights.then_some(&mut weights),
    );
    let name_like = (0..toks.len())
        .map(|i| name_like(text, &toks, low, i))
        .collect();
    let near = (0..=toks.len())
        .map(|d| 1.0 / (1.0 + d as f32 / 3.0))
        .collect();
    SentenceTerms {
        lo,
        toks,
        vals,
        weights,
        name_like,
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

/// The names of a sentence: each entity mention's span and kind.
type Names = Vec<(Span, Kind)>;

/// Sets the sentiment of every mention from its sentence's words and the kinds of
/// the names in it.
pub(crate) fn score_mentions(doc: Doc<'_, '_>, entities: &mut [crate::types::Entity]) {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        ..
    } = doc;
    // Every mention by sentence: (sentence, span, kind), in the entities' order.
    let names: Vec<(usize, Span, Kind)> = entities
        .iter()
        .map(|e| (e.sentence, e.span, Kind::of(e.entity_type)))
        .collect();
    debug_assert!(names.is_sorted_by_key(|n| n.0));
    // Per sentence: its tokens, their VADER valences, their learned weights, and the
    // closeness of a word `d` tokens away from a mention; and its mentions.
    let mut cache: Option<(usize, SentenceTerms, SentenceNames)> = None;
    for e in entities.iter_mut() {
        let si = e.sentence;
        if cache.as_ref().is_none_or(|c| c.0 != si) {
            let Some(sent) = sentences.get(si) else {
                continue;
            };
            // Entities are in text order, so their sentences are too: the sentence's
            // names are one run of `names`, found by binary search (a scan of all of
            // them per sentence would grow with the square of the document).
            let lo = names.partition_point(|n| n.0 < si);
            let hi = names.partition_point(|n| n.0 <= si);
            crate::util::steps::add(hi - lo);
            let here: Names = names[lo..hi].iter().map(|n| (n.1, n.2)).collect();
            let terms = sentence_terms(text, tokens, doc_words, *sent, true);
            let sentence_names = SentenceNames::new(&terms, &here);
            cache = Some((si, terms, sentence_names));
        }
        let Some((_, terms, sentence_names)) = cache.as_ref() else {
            continue;
        };
        crate::util::steps::add(terms.toks.len());
        let mut score = Score {
            weights: &terms.weights,
            z: MODEL.bias,
        };
        let target = (e.span, Some(Kind::of(e.entity_type)));
        mention_features(terms, sentence_names, target, &mut score);
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
