//! A small mention classifier for names no rule settled.
//!
//! After the lexicon, pattern and resolution steps ([`crate::entities`]), two kinds of
//! candidates remain open:
//! - **unresolved capitalized spans**: runs of capitalized words (with name particles
//!   between them) that no entity covers (in a line written in capitals, each word
//!   alone);
//! - **place names from the lexicon** (countries, regions, cities...), which news also
//!   uses for sports teams ("Chicago beat Houston 3-1"), clubs and governments.
//!
//! Each candidate is described by sparse string features (its words, shape, suffix,
//! neighbouring words, whether the line is in capitals, whether it opens a sentence,
//! given-name and surname lists, whether the word also appears in lower case in the
//! document, the document's first word, the lexicon subtype of a place...) and scored
//! by a multinomial logistic regression over five classes: no entity, person,
//! organization, location, other name (MISC). The weights (`models/mentions.tsv`)
//! are fitted on the TRAIN splits of CoNLL-2003 and GUM by
//! `scripts/train/train_mentions.py`, which reads the features this module writes (see
//! `mention_features`); nothing in here is specific to a dataset's strings.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::resolve;
use crate::entities::{Entity, Env, FoundBy};
use crate::lexicon::closed::{MORE_PARTICLES, NAME_PARTICLES};
use crate::lexicon::{EntityType, RoleKind, WordLists};
use crate::text::tokenize::{possessive_at, Token, TokenKind};
use crate::text::words::is_capitalized;
use crate::text::words::{DocWords, FIRST_NAME, NOT_NAME, ORG_HEAD, SURNAME, TITLE_HEAD};
use crate::types::Span;

/// The classes, in weight-column order.
pub const CLASSES: [&str; 5] = ["none", "PER", "ORG", "LOC", "MISC"];
const NONE: usize = 0;
const PER: usize = 1;
const ORG: usize = 2;
const LOC: usize = 3;

/// The most words an unresolved candidate span has.
const MAX_WORDS: usize = 5;

/// A place from the lexicon is retyped only when the model is at least this sure of
/// another class.
const RETYPE_MIN: f32 = 0.5;
/// An unresolved span becomes an entity only when its class has at least this
/// probability.
const NEW_MIN: f32 = 0.5;

/// Fitted weights: one row of [`CLASSES`] weights per feature, plus a bias row.
///
/// Features are keyed by a 64-bit FNV-1a hash of their string, so the classifier
/// hashes a feature as it builds it and never assembles the string or compares keys.
/// Two different feature strings could share a hash: with the bundled model's 10^5
/// keys the chance that any query in a corpus of 10^9 features meets a key that is
/// not its own is about 10^-5, and `parse` fails loudly on a collision between keys.
#[derive(Debug, Default)]
pub struct MentionModel {
    bias: [f32; 5],
    weights: crate::util::strmap::U64Map<[f32; 5]>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, continuing from `h`.
#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// The key of a feature string.
fn feature_key(name: &str) -> u64 {
    fnv(FNV_OFFSET, name.as_bytes())
}

/// The bundled model, parsed on first use.
static BUNDLED: LazyLock<MentionModel> = LazyLock::new(|| {
    MentionModel::parse("mentions.tsv", include_str!("../../models/mentions.tsv"))
        .expect("the bundled mention model is validated by the test suite")
});

impl MentionModel {
    /// Parses a model file (`models/README.md`) with the columns `feature` and one
    /// weight per class of [`CLASSES`] (`w_none`, `w_PER`...); the feature `<bias>` is
    /// the intercept.
    pub fn parse(name: &str, text: &str) -> Result<MentionModel, crate::LexiconError> {
        let file = crate::model::ModelFile::parse(name, text)?;
        file.expect_columns(&["feature", "w_none", "w_PER", "w_ORG", "w_LOC", "w_MISC"])?;
        let mut m = MentionModel::default();
        m.weights.reserve(file.max_rows());
        for row in file.rows() {
            let [name, ws @ ..] = file.fields::<6>(row)?;
            let mut w = [0f32; 5];
            for (x, s) in w.iter_mut().zip(ws) {
                *x = file.number(row, s)?;
            }
            if name == "<bias>" {
                m.bias = w;
            } else if m.weights.insert(feature_key(name), w).is_some() {
                // The bundled model is checked by a test; this never fires on it.
                return Err(file.error(row, format!("feature {name} repeated or sharing a hash")));
            }
        }
        Ok(m)
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the model has no feature weights.
    pub fn is_empty(&self) -> bool {
        self.weights.len() == 0
    }
}

impl MentionModel {
    /// Class probabilities ([`CLASSES`] order) for a set of feature strings.
    pub fn probabilities(&self, features: &[String]) -> [f32; 5] {
        softmax(self.scores(features.iter().map(|f| feature_key(f))))
    }

    /// The class scores (before the softmax) of features given by key: the bias plus
    /// the weights of each known key, summed in order.
    fn scores(&self, keys: impl Iterator<Item = u64>) -> [f32; 5] {
        let mut z = self.bias;
        for key in keys {
            if let Some(w) = self.weights.get(key) {
                for (a, b) in z.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        z
    }
}

/// Class probabilities from summed scores.
fn softmax(mut z: [f32; 5]) -> [f32; 5] {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for a in &mut z {
        *a = (*a - max).exp();
        sum += *a;
    }
    for a in &mut z {
        *a /= sum;
    }
    z
}

/// The bundled model.
pub fn bundled() -> &'static MentionModel {
    &BUNDLED
}

/// Facts of one line: written in capitals (as `gazetteer::is_caps_line`: ASCII, at
/// least four capitals, no lower-case letter), and how many space-separated chunks
/// hold a digit, counted up to 2 (the features ask only whether there are two).
///
/// Eight bytes at a time, and each question stops when its answer is known: most
/// lines show a lower-case letter in their first bytes (no capitals line), and the
/// digit count jumps from a digit to the next space.
fn line_facts(line: &[u8]) -> (bool, usize) {
    use crate::util::swar::{in_range_ascii as in_range, load8, HIGH};
    // Capitals: stop at the first lower-case letter or non-ASCII byte.
    let mut caps = true;
    let mut upper = 0;
    for at in (0..line.len()).step_by(8) {
        let x = load8(line, at);
        if x & HIGH != 0 || in_range(x, b'a', b'z') != 0 {
            caps = false;
            break;
        }
        upper += in_range(x, b'A', b'Z').count_ones();
    }
    // Chunks with a digit: find a digit, count its chunk, go on past the chunk's end.
    let mut digits = 0;
    let mut at = 0;
    while at < line.len() && digits < 2 {
        let x = load8(line, at);
        let found = in_range(x & !HIGH, b'0', b'9') & !(x & HIGH);
        if found == 0 {
            at += 8;
            continue;
        }
        digits += 1;
        let d = at + found.trailing_zeros() as usize / 8;
        match memchr::memchr(b' ', &line[d..]) {
            Some(k) => at = d + k + 1,
            None => break,
        }
    }
    (caps && upper >= 4, digits)
}

/// Per-document facts the features need.
struct Doc<'t> {
    text: &'t str,
    tokens: &'t [Token],
    sentences: &'t [Span],
    words: &'t DocWords<'t>,
    /// Vocabulary words that occur in lower case somewhere in the document, by id.
    lower_ids: Vec<u64>,
    /// Other words that occur in lower case somewhere in the document, among those
    /// [`Doc::index_lower`] was asked about.
    lower: FxHashSet<&'t str>,
    /// The document's first word, lower case.
    head: String,
    /// Per line: start byte, written in capitals, count of space-separated chunks
    /// holding a digit (up to 2).
    lines: Vec<(usize, bool, usize)>,
}

impl<'t> Doc<'t> {
    fn new(
        text: &'t str,
        tokens: &'t [Token],
        sentences: &'t [Span],
        words: &'t DocWords<'t>,
    ) -> Doc<'t> {
        // Words all in lower case (only those can equal a lower-cased name word):
        // vocabulary words as bits, the others in a set.
        let mut lower_ids = vec![0u64; words.vocab_len().div_ceil(64)];
        for id in words.lower_case_ids() {
            lower_ids[id as usize / 64] |= 1 << (id % 64);
        }
        let head = tokens
            .iter()
            .find(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text).to_lowercase())
            .unwrap_or_default();
        let mut lines = Vec::new();
        let mut start = 0;
        while start <= text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let (caps, digits) = line_facts(&text.as_bytes()[start..end]);
            debug_assert_eq!(
                caps,
                crate::entities::gazetteer::is_caps_line(&text[start..end])
            );
            lines.push((start, caps, digits));
            start = end + 1;
        }
        Doc {
            text,
            tokens,
            sentences,
            words,
            lower_ids,
            lower: FxHashSet::default(),
            head,
            lines,
        }
    }

    fn word(&self, i: usize) -> &'t str {
        self.tokens[i].text(self.text)
    }

    /// Finds which of the candidates' first words that no stage knows (vocabulary id
    /// 0) occur in lower case in the document, for [`Doc::occurs_lower`]: only those
    /// are ever asked about, so the document's other words are not hashed.
    fn index_lower(&mut self, cands: &[Candidate]) {
        let mut asked: FxHashSet<&str> = FxHashSet::default();
        // First bytes and lengths of the asked words: most tokens fail both tests
        // before any hashing.
        let mut first = [false; 256];
        let mut lens = 0u64;
        for c in cands {
            if self.words.id(c.first) == 0 {
                let w = self.words.lower(c.first);
                if let Some(&b) = w.as_bytes().first() {
                    first[usize::from(b)] = true;
                    lens |= 1 << w.len().min(63);
                    asked.insert(w);
                }
            }
        }
        if asked.is_empty() {
            return;
        }
        for i in self.words.unknown_lower() {
            let t = self.tokens[i];
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(self.text);
            if !first[usize::from(w.as_bytes()[0])] || lens & (1 << w.len().min(63)) == 0 {
                continue;
            }
            if let Some(&a) = asked.get(w) {
                self.lower.insert(a);
            }
        }
    }

    /// True when token `i` in lower case occurs as a word somewhere in the document
    /// (for a word of vocabulary id 0, only after [`Doc::index_lower`] was asked about
    /// it).
    fn occurs_lower(&self, i: usize) -> bool {
        match self.words.id(i) {
            0 => self.lower.contains(self.words.lower(i)),
            id => self.lower_ids[id as usize / 64] & (1 << (id % 64)) != 0,
        }
    }

    /// Facts of the line holding byte `pos`: (in capitals, chunks with digits up to 2).
    fn line_at(&self, pos: usize) -> (bool, usize) {
        let k = self.lines.partition_point(|l| l.0 <= pos).saturating_sub(1);
        self.lines.get(k).map_or((false, 0), |l| (l.1, l.2))
    }

    /// True when token `i`, in title case, is a given name of the lexicon's list. The
    /// vocabulary flag rules most words out before the case-sensitive lookup.
    fn is_first_name(&self, lists: &WordLists, i: usize) -> bool {
        self.words.has(i, FIRST_NAME)
            && lists
                .first_names
                .contains(natural_case(self.word(i)).as_ref())
    }

    /// True when token `i` opens its sentence (opening quotes and brackets aside).
    fn sentence_initial(&self, i: usize) -> bool {
        let s = crate::entities::sentence_of(self.sentences, self.tokens[i].span.start);
        let mut j = i;
        while j > 0 {
            let p = self.tokens[j - 1];
            if crate::entities::sentence_of(self.sentences, p.span.start) != s {
                return true;
            }
            if p.kind == TokenKind::Punct
                && matches!(p.text(self.text), "\"" | "“" | "'" | "‘" | "(" | "[")
            {
                j -= 1;
                continue;
            }
            return false;
        }
        true
    }
}

/// A token's shape: `X` all capitals, `Xx` capitalized, `x` lower case, `X.` an
/// initial or dotted abbreviation, `XxX` mixed (McDonald), `d` with digits.
fn shape(w: &str) -> &'static str {
    if w.ends_with('.') {
        return "X.";
    }
    // A digit is an ASCII byte: UTF-8 continuation bytes are all above 0x7f.
    if w.bytes().any(|b| b.is_ascii_digit()) {
        return "d";
    }
    let mut chars = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return "p";
    };
    if !first.is_uppercase() {
        return "x";
    }
    // Over the other letters, without collecting them: some letters are neither
    // upper nor lower case, so both tests are kept.
    let (mut more, mut all_upper, mut all_lower) = (false, true, true);
    for c in chars {
        more = true;
        all_upper &= c.is_uppercase();
        all_lower &= c.is_lowercase();
    }
    if !more {
        "X"
    } else if all_upper {
        "XX"
    } else if all_lower {
        "Xx"
    } else {
        "XxX"
    }
}

/// Title case of an all-capitals word ("HOUSTON" -> "Houston"), else the word.
fn natural_case(w: &str) -> Cow<'_, str> {
    if w.chars().any(char::is_lowercase) {
        return Cow::Borrowed(w);
    }
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphabetic();
    }
    Cow::Owned(out)
}

/// Where the features of a candidate go: collected as strings (for training, see
/// [`mention_features`]) or scored on the fly against the model (no string per
/// feature: the classifier runs on every open candidate of every document).
trait FeatureSink {
    /// Adds the feature made of `parts`, concatenated.
    fn add(&mut self, parts: &[&str]);
    /// Adds `prefix` followed by `word` in lower case.
    fn add_lower(&mut self, prefix: &str, word: &str);
}

/// Feature strings, for training.
struct Collect<'v>(&'v mut Vec<String>);

impl FeatureSink for Collect<'_> {
    fn add(&mut self, parts: &[&str]) {
        self.0.push(parts.concat());
    }

    fn add_lower(&mut self, prefix: &str, word: &str) {
        let mut s = String::from(prefix);
        s.push_str(&crate::text::words::lower(word));
        self.0.push(s);
    }
}

/// Feature keys gathered as features arrive, then summed into class scores.
///
/// The model's table is larger than the caches: each key's slot is prefetched when
/// the key is made and read only later, by [`Score::sum`], so the memory waits of a
/// document's features overlap instead of following one another.
struct Score<'m> {
    model: &'m MentionModel,
    keys: Vec<u64>,
}

impl Score<'_> {
    fn look_up(&mut self, key: u64) {
        self.model.weights.prefetch(key);
        self.keys.push(key);
    }

    /// The class scores (before the softmax) of the keys `from..to`, in order.
    fn sum(&self, from: usize, to: usize) -> [f32; 5] {
        self.model.scores(self.keys[from..to].iter().copied())
    }
}

impl FeatureSink for Score<'_> {
    fn add(&mut self, parts: &[&str]) {
        let key = parts.iter().fold(FNV_OFFSET, |h, p| fnv(h, p.as_bytes()));
        self.look_up(key);
    }

    fn add_lower(&mut self, prefix: &str, word: &str) {
        // The key of `prefix` + `word` in lower case (as `words::lower` writes it).
        let h = fnv(FNV_OFFSET, prefix.as_bytes());
        let key = if word.is_ascii() {
            word.bytes().fold(h, |h, b| {
                (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
            })
        } else {
            fnv(h, word.to_lowercase().as_bytes())
        };
        self.look_up(key);
    }
}

/// `n.min(4)` as text, for the length features.
const SMALL: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The features of the candidate made of tokens `first..=last`; `place` is the lexicon
/// subtype (or type) of a place candidate.
fn features(
    analyzer: Env<'_>,
    doc: &Doc<'_>,
    first: usize,
    last: usize,
    place: Option<&str>,
    out: &mut impl FeatureSink,
) {
    let lists = &analyzer.words();
    let n = last + 1 - first;
    let n4 = SMALL[n.min(4)];
    let (caps, digits) = doc.line_at(doc.tokens[first].span.start);
    let init = doc.sentence_initial(first);
    out.add(&["n=", n4]);
    // `sh=` and the shapes joined by spaces, as parts (no string built). Candidates
    // have at most MAX_WORDS words (places at most two).
    let mut sh: [&str; 2 * MAX_WORDS + 2] = [""; 2 * MAX_WORDS + 2];
    sh[0] = "sh=";
    let mut n_sh = 1;
    for i in first..=last {
        let w = doc.word(i);
        out.add_lower("w=", w);
        if n_sh + 2 > sh.len() {
            continue;
        }
        if n_sh > 1 {
            sh[n_sh] = " ";
            n_sh += 1;
        }
        sh[n_sh] = if caps { "C" } else { shape(w) };
        n_sh += 1;
    }
    out.add(&sh[..n_sh]);
    let fw = doc.word(first);
    let lw = doc.word(last);
    out.add_lower("f=", fw);
    out.add_lower("l=", lw);
    let lw_lower = doc.words.lower(last);
    let cut = lw_lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    out.add(&["s3=", &lw_lower[cut..]]);
    let mut ctx = |i: Option<usize>, tag: &str, edge: &str| match i {
        Some(i) if i < doc.tokens.len() => out.add_lower(tag, doc.word(i)),
        _ => out.add(&[tag, edge]),
    };
    let prev = if init { None } else { first.checked_sub(1) };
    ctx(prev, "p=", "<s>");
    ctx(prev.and_then(|p| p.checked_sub(1)), "p2=", "<s>");
    ctx(Some(last + 1), "nx=", "</s>");
    ctx(Some(last + 2), "nx2=", "</s>");
    if caps {
        out.add(&["caps"]);
        out.add(&["caps&n=", n4]);
    }
    if init {
        out.add(&["init"]);
        out.add(&["init&n=", n4]);
    }
    // The vocabulary flag rules most words out before the case-sensitive lookup.
    let fw_first_name = doc.is_first_name(lists, first);
    if fw_first_name {
        out.add(&["fn"]);
    }
    if doc.words.has(last, SURNAME) && lists.surnames.contains(natural_case(lw).as_ref()) {
        out.add(&["sn"]);
    }
    if n > 1 && fw_first_name {
        out.add(&["fn&multi"]);
    }
    let fw_lower = doc.words.lower(first);
    if doc.occurs_lower(first) {
        out.add(&["low"]);
    }
    if let Some(t) = doc.tokens.get(last + 1) {
        match t.kind {
            TokenKind::Number => out.add(&["nx_num"]),
            TokenKind::Possessive => out.add(&["nx_pos"]),
            _ => {}
        }
    }
    if first > 0 && doc.tokens[first - 1].kind == TokenKind::Number {
        out.add(&["p_num"]);
    }
    if digits >= 2 {
        out.add(&["numline"]);
    }
    out.add(&["dh=", &doc.head]);
    match place {
        Some(p) => {
            out.add(&["place"]);
            out.add(&["place=", p]);
            out.add(&["dh&place=", &doc.head]);
            if caps {
                out.add(&["caps&place"]);
            }
            if digits >= 2 {
                out.add(&["numline&place"]);
            }
        }
        None => {
            if init && n == 1 {
                out.add(&["init1=", fw_lower]);
            }
        }
    }
}

/// A candidate: tokens `first..=last`, and the index of the lexicon place entity it
/// is (for place candidates).
struct Candidate {
    first: usize,
    last: usize,
    place: Option<usize>,
}

/// True for a capitalized word token that can be part of a name.
#[inline]
fn cap_word(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.tokens[i];
    // Most tokens open with an ASCII byte that is no capital: no slicing needed, and
    // no call (the rest of the test is one).
    let b0 = doc
        .text
        .as_bytes()
        .get(t.span.start)
        .copied()
        .unwrap_or(b' ');
    if t.kind != TokenKind::Word || (b0.is_ascii() && !b0.is_ascii_uppercase()) {
        return false;
    }
    cap_word_rest(doc, i)
}

/// [`cap_word`] past its first test.
#[inline(never)]
fn cap_word_rest(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.tokens[i].text(doc.text);
    // Honorifics are flagged as title heads.
    is_capitalized(w)
        && !(doc.words.has(i, NOT_NAME) && crate::lexicon::closed::NOT_NAME.contains(&w))
        && !(doc.words.has(i, TITLE_HEAD) && crate::lexicon::closed::HONORIFICS.contains(&w))
        && w != "I"
}

/// True for a one-letter capital word directly followed by a period (an initial:
/// "S." in "S. Waugh").
fn is_initial(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    w.len() == 1
        && w.as_bytes()[0].is_ascii_uppercase()
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.span.start == doc.tokens[i].span.end && t.text(doc.text) == ".")
}

/// The open candidates of a document given the entities found so far (sorted or not).
fn candidates(analyzer: Env<'_>, doc: &Doc<'_>, entities: &[Entity<'_>]) -> Vec<Candidate> {
    let tokens = doc.tokens;
    // Token -> covered by an entity (FREE, COVERED, or LONE_SURNAME: a one-word
    // surname mention of no known person, which a longer name around it may absorb:
    // "Wasim Akram").
    const FREE: u8 = 0;
    const COVERED: u8 = 1;
    const LONE_SURNAME: u8 = 2;
    let mut covered = vec![FREE; tokens.len()];
    let mut out = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        let lo = tokens.partition_point(|t| t.span.end <= e.span.start);
        let hi = tokens.partition_point(|t| t.span.start < e.span.end);
        // Only a surname no fuller name backs (not a lexicon person, not linked to a
        // name the document introduced) can be absorbed.
        let unlinked = e.entry.is_none() && e.canonical.as_ref() == e.span.slice(doc.text);
        let state = if e.found_by == FoundBy::Surname && hi == lo + 1 && unlinked {
            LONE_SURNAME
        } else {
            COVERED
        };
        for c in covered.iter_mut().take(hi).skip(lo) {
            *c = (*c).max(state);
        }
        // Places below the country (cities, regions): news names teams and clubs after
        // them. Countries stay countries (a national side is a country in CoNLL).
        let is_place = e.entity_type == EntityType::Location && e.found_by == FoundBy::Lexicon;
        // Long place names ("Saint Vincent and the Grenadines") are not retyped.
        if is_place && lo < hi && hi - lo <= 2 {
            out.push(Candidate {
                first: lo,
                last: hi - 1,
                place: Some(k),
            });
        }
    }
    // Runs start at capitalized words, after the previous run.
    let mut next = 0;
    for &i in doc.words.capitalized(tokens) {
        let i = i as usize;
        if i < next || covered[i] == COVERED || !cap_word(doc, i) {
            continue;
        }
        let (caps, _) = doc.line_at(tokens[i].span.start);
        let mut last = i;
        let mut j = i + 1;
        while !caps && j < tokens.len() && j - i < MAX_WORDS + 1 {
            if covered[j] == COVERED
                || !crate::entities::adjacent(doc.text, &tokens[j - 1], &tokens[j])
            {
                break;
            }
            if cap_word(doc, j) {
                last = j;
                j += 1;
            } else if is_initial(doc, j - 1)
                && doc.word(j) == "."
                && j + 1 < tokens.len()
                && covered[j + 1] != COVERED
                && cap_word(doc, j + 1)
                && crate::entities::adjacent(doc.text, &tokens[j], &tokens[j + 1])
            {
                // An initial's period inside a name ("S. Waugh", "J. R. Smith").
                j += 1;
            } else if (NAME_PARTICLES.contains(&doc.word(j))
                || MORE_PARTICLES.contains(&doc.word(j)))
                && j + 1 < tokens.len()
                && covered[j + 1] != COVERED
                && cap_word(doc, j + 1)
                && crate::entities::adjacent(doc.text, &tokens[j], &tokens[j + 1])
            {
                j += 1;
            } else {
                break;
            }
        }
        // A title alone ("President", "General") is not a name, nor an organization
        // head word alone ("the Ministry").
        // The vocabulary flags rule most words out before the case-sensitive lookups.
        let title_alone = last == i && doc.words.flags(i) & (TITLE_HEAD | ORG_HEAD) != 0 && {
            let word = natural_case(doc.word(i));
            doc.words.has(i, TITLE_HEAD)
                && analyzer.words().roles.get(word.as_ref()) == Some(&RoleKind::Title)
                || doc.words.has(i, ORG_HEAD)
                    && crate::lexicon::closed::ORG_HEADS.contains(&word.as_ref())
        };
        // A run of lone surnames only stays with the surname rule.
        let has_free = covered[i..=last].contains(&FREE);
        // An initial alone is no name.
        let initial_alone = last == i && is_initial(doc, i);
        if last + 1 - i <= MAX_WORDS && !title_alone && has_free && !initial_alone {
            out.push(Candidate {
                first: i,
                last,
                place: None,
            });
        }
        next = last + 1;
    }
    out
}

/// The lexicon subtype (or type) name of a place entity.
fn place_name<'e>(e: &'e Entity<'_>) -> &'e str {
    if e.subtype.is_empty() {
        e.entity_type.as_str()
    } else {
        e.subtype
    }
}

/// Runs the model over the open candidates: retypes or drops lexicon places it reads
/// otherwise (a team named after its city), and adds the unresolved names it is sure
/// of.
pub(crate) fn classify<'a>(
    analyzer: Env<'a>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    entities: &mut Vec<Entity<'a>>,
) {
    // A text with no word has no candidate: the model is then not even parsed
    // (it is parsed on first use, about 30M instructions, once per process).
    if !tokens.iter().any(|t| t.kind == TokenKind::Word) {
        return;
    }
    let model = bundled();
    if model.is_empty() {
        return;
    }
    let mut doc = Doc::new(text, tokens, sentences, doc_words);
    let cands = candidates(analyzer, &doc, entities);
    doc.index_lower(&cands);
    // Surnames of the people found so far, so a one-word person links to them.
    let mut surnames: FxHashMap<String, usize> = FxHashMap::default();
    for (k, e) in entities.iter().enumerate() {
        if e.entity_type == EntityType::Person {
            if let Some(last) = e.canonical.rsplit(' ').next() {
                if last != e.canonical.as_ref() {
                    surnames.entry(last.to_string()).or_insert(k);
                }
            }
        }
    }
    let mut score = Score {
        model,
        // About twenty features a candidate: the key list rarely grows.
        keys: Vec::with_capacity(cands.len() * 24),
    };
    // Every candidate scored first, so the mentions of one name in a document can be
    // decided together: all features made (their weights prefetched), then summed.
    let mut ends = Vec::with_capacity(cands.len());
    for c in &cands {
        let place = c.place.map(|k| place_name(&entities[k]));
        features(analyzer, &doc, c.first, c.last, place, &mut score);
        ends.push(score.keys.len());
    }
    let mut probs: Vec<[f32; 5]> = Vec::with_capacity(cands.len());
    let mut from = 0;
    for end in ends {
        probs.push(softmax(score.sum(from, end)));
        from = end;
    }
    // "HOUSTON" (a line in capitals) and "Houston" are one name.
    let keys: Vec<Cow<'_, str>> = cands
        .iter()
        .map(|c| {
            let name = &text[tokens[c.first].span.start..tokens[c.last].span.end];
            // Most names hold an ASCII lower-case letter: no need to look further.
            if name.bytes().any(|b| b.is_ascii_lowercase()) {
                Cow::Borrowed(name)
            } else {
                natural_case(name)
            }
        })
        .collect();
    pool_by_name(&cands, &keys, &mut probs);
    let lists = analyzer.words();
    // Surnames of the multi-word people the model finds, for the lone mentions of
    // them it is unsure of ("Mark Rathbun ... Rathbun said").
    for (c, p) in cands.iter().zip(&probs) {
        if c.place.is_none()
            && c.last > c.first
            && best_class(p) == (PER, true)
            && doc.is_first_name(lists, c.first)
        {
            let last = natural_case(doc.word(c.last)).into_owned();
            surnames.entry(last).or_insert(usize::MAX);
        }
    }
    let mut drop = vec![false; entities.len()];
    let mut add = Vec::new();
    for (c, p) in cands.iter().zip(&probs) {
        let (mut best, mut sure) = best_class(p);
        let mut pb = p[best];
        match c.place {
            Some(k) => {
                if best == LOC || !sure {
                    continue;
                }
                let e = &mut entities[k];
                match best {
                    PER | ORG => {
                        let ty = if best == PER {
                            EntityType::Person
                        } else {
                            EntityType::Organization
                        };
                        let name = e.span.slice(text);
                        e.entity_type = ty;
                        e.subtype = "";
                        e.canonical = Cow::Borrowed(name);
                        e.id = Cow::Owned(resolve::document_id(ty, name));
                        e.entry = None;
                        e.found_by = FoundBy::Model;
                        e.confidence = pb;
                    }
                    _ => drop[k] = true,
                }
            }
            None => {
                let span = Span::new(tokens[c.first].span.start, tokens[c.last].span.end);
                let name = span.slice(text);
                let lone_surname = c.first == c.last
                    && !(sure && matches!(best, ORG | LOC))
                    && surnames.contains_key(natural_case(name).as_ref());
                if lone_surname {
                    (best, sure) = (PER, true);
                    pb = pb.max(p[PER]);
                }
                if !matches!(best, PER | ORG | LOC) || !sure {
                    continue;
                }
                // Lone surname mentions inside the name give way to it.
                let lo = entities.partition_point(|e| e.span.start < span.start);
                for (k, e) in entities.iter().enumerate().skip(lo) {
                    if e.span.start >= span.end {
                        break;
                    }
                    if e.found_by == FoundBy::Surname && span.contains(e.span) {
                        drop[k] = true;
                    }
                }
                let ty = match best {
                    PER => EntityType::Person,
                    ORG => EntityType::Organization,
                    _ => EntityType::Location,
                };
                if ty == EntityType::Person && c.first == c.last {
                    if let Some(&k) = surnames.get(natural_case(name).as_ref()) {
                        if k < entities.len() {
                            let mut linked = entities[k].linked_at(
                                span,
                                FoundBy::Model,
                                possessive_at(text, span.end).is_some(),
                            );
                            linked.confidence = pb;
                            add.push(linked);
                            continue;
                        }
                    }
                }
                let mut entity = Entity::in_document(
                    span,
                    ty,
                    name,
                    name,
                    FoundBy::Model,
                    possessive_at(text, span.end).is_some(),
                );
                entity.confidence = pb;
                add.push(entity);
            }
        }
    }
    crate::entities::remove_marked(entities, &drop);
    entities.extend(add);
}

/// The most probable class of `p`, and whether it is sure enough to act on
/// ([`NEW_MIN`], which equals [`RETYPE_MIN`]).
fn best_class(p: &[f32; 5]) -> (usize, bool) {
    let (best, &pb) = p
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .unwrap_or((NONE, &0.0));
    (best, pb >= NEW_MIN.min(RETYPE_MIN))
}

/// One sense per document: the unresolved candidates that spell the same name (same
/// `keys`) take
/// the mean of their class probabilities when that mean is sure of a class (a name
/// read as a person in one sentence is a person in the next, whatever opens the
/// sentence); otherwise each keeps its own. Places keep their own.
fn pool_by_name<K: AsRef<str>>(cands: &[Candidate], keys: &[K], probs: &mut [[f32; 5]]) {
    let mut sums: FxHashMap<&str, ([f32; 5], f32)> = FxHashMap::default();
    for ((c, k), p) in cands.iter().zip(keys).zip(probs.iter()) {
        if c.place.is_none() {
            let e = sums.entry(k.as_ref()).or_insert(([0.0; 5], 0.0));
            for (a, b) in e.0.iter_mut().zip(p) {
                *a += b;
            }
            e.1 += 1.0;
        }
    }
    for ((c, k), p) in cands.iter().zip(keys).zip(probs.iter_mut()) {
        if c.place.is_none() {
            if let Some((sum, n)) = sums.get(k.as_ref()) {
                let mean = sum.map(|x| x / n);
                if *n > 1.0 && best_class(&mean).1 {
                    *p = mean;
                }
            }
        }
    }
}

/// The candidates and features of a text as the model sees them, for training:
/// `(char_start, char_end, is_place, features)` per candidate, after the rule-based
/// entity steps and before the model (see `scripts/train/train_mentions.py`).
pub(crate) fn mention_features(
    analyzer: Env<'_>,
    vocab: &crate::text::words::Vocab,
    text: &str,
) -> Vec<(usize, usize, bool, Vec<String>)> {
    let tokens = crate::text::tokenize::tokenize(text);
    let sentences = crate::text::sentences::split_sentences(text);
    let matches = analyzer.gazetteer().find(text);
    let doc_words = crate::text::words::DocWords::new(vocab, text, &tokens);
    let entities = crate::entities::find_entities_rules(
        analyzer, text, &tokens, &doc_words, &sentences, &matches, None,
    );
    let mut doc = Doc::new(text, &tokens, &sentences, &doc_words);
    let cands = candidates(analyzer, &doc, &entities);
    doc.index_lower(&cands);
    let mut out = Vec::new();
    for c in cands {
        let place = c.place.map(|k| place_name(&entities[k]));
        let mut feats = Vec::new();
        features(
            analyzer,
            &doc,
            c.first,
            c.last,
            place,
            &mut Collect(&mut feats),
        );
        let start = tokens[c.first].span.start;
        let end = tokens[c.last].span.end;
        let cs = text[..start].chars().count();
        let ce = cs + text[start..end].chars().count();
        out.push((cs, ce, c.place.is_some(), feats));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_weights_and_rejects_bad_lines() {
        let head = "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: f\n\
                    feature\tw_none\tw_PER\tw_ORG\tw_LOC\tw_MISC\n";
        let m = MentionModel::parse(
            "m",
            &format!("{head}<bias>\t1\t0\t0\t0\t0\nw=x\t0\t2\t0\t0\t0\n"),
        )
        .unwrap();
        assert_eq!(m.len(), 1);
        let bad = MentionModel::parse("m", &format!("{head}bad\t1\n")).unwrap_err();
        assert!(bad.to_string().starts_with("m:7:"), "{bad}");
        let bad = MentionModel::parse(
            "m",
            &format!("{head}w=x\t0\t0\t0\t0\t0\nw=x\t0\t0\t0\t0\t0\n"),
        );
        assert!(bad.is_err());
        let p = m.probabilities(&["w=x".to_string()]);
        assert!(p[PER] > p[NONE]);
        let p = m.probabilities(&[]);
        assert!(p[NONE] > p[PER]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn pools_same_name_when_the_mean_is_sure() {
        let cand = |place| Candidate {
            first: 0,
            last: 0,
            place,
        };
        let cands = [cand(None), cand(None), cand(None), cand(Some(0))];
        let keys = ["Rathbun", "Rathbun", "USI", "Rathbun"];
        let mut probs = [
            [0.1, 0.9, 0.0, 0.0, 0.0],
            [0.6, 0.4, 0.0, 0.0, 0.0],
            [0.45, 0.0, 0.45, 0.1, 0.0],
            [0.0, 0.0, 0.0, 1.0, 0.0],
        ];
        pool_by_name(&cands, &keys, &mut probs);
        // Both "rathbun" candidates take the mean (sure of PER); the place keeps its own.
        assert_eq!(best_class(&probs[1]), (PER, true));
        assert!((probs[0][PER] - 0.65).abs() < 1e-6);
        assert_eq!(probs[3][LOC], 1.0);
        assert!(!best_class(&probs[2]).1);
    }

    #[test]
    fn bundled_model_keys_are_distinct() {
        // `parse` asserts that no two features share a hash; every data line counts.
        let lines = include_str!("../../models/mentions.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty() && !l.starts_with("<bias>"))
            .count()
            - 1; // the column line
        assert_eq!(bundled().len(), lines);
    }

    #[test]
    fn hashed_features_match_their_strings() {
        // A feature hashed while built (prefix + lower case) is the string's key.
        let m = MentionModel::parse(
            "m",
            "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: f\n\
             feature\tw_none\tw_PER\tw_ORG\tw_LOC\tw_MISC\n\
             <bias>\t0\t0\t0\t0\t0\nw=zürich\t0\t0\t0\t3\t0\n",
        )
        .unwrap();
        let mut score = Score {
            model: &m,
            keys: Vec::new(),
        };
        score.add_lower("w=", "ZÜRICH");
        assert_eq!(score.sum(0, 1)[LOC], 3.0);
        score.add(&["w=", "zür", "ich"]);
        assert_eq!(score.sum(0, 2)[LOC], 6.0);
        score.add_lower("w=", "Zurich");
        assert_eq!(score.sum(0, 3)[LOC], 6.0);
    }

    /// `line_facts` byte by byte, as it was first written.
    fn line_facts_naive(line: &[u8]) -> (bool, usize) {
        let (mut upper, mut lower_case, mut ascii) = (0usize, false, true);
        let (mut digits, mut chunk_digit) = (0usize, false);
        for &b in line {
            match b {
                b' ' => {
                    digits += usize::from(chunk_digit);
                    chunk_digit = false;
                }
                b'0'..=b'9' => chunk_digit = true,
                b'A'..=b'Z' => upper += 1,
                b'a'..=b'z' => lower_case = true,
                0x80.. => ascii = false,
                _ => {}
            }
        }
        digits += usize::from(chunk_digit);
        (ascii && upper >= 4 && !lower_case, digits.min(2))
    }

    proptest::proptest! {
        #[test]
        fn line_facts_match_the_byte_loop(line in "([A-Z]{1,6}|[a-z]{1,3}|[0-9]{1,3}| |[-:.,]|é|—){0,40}") {
            proptest::prop_assert_eq!(line_facts(line.as_bytes()), line_facts_naive(line.as_bytes()));
            let caps = line_facts(line.as_bytes()).0;
            proptest::prop_assert_eq!(caps, crate::entities::gazetteer::is_caps_line(&line));
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Houston"), "Xx");
        assert_eq!(shape("NATO"), "XX");
        assert_eq!(shape("McDonald"), "XxX");
        assert_eq!(shape("J."), "X.");
        assert_eq!(natural_case("HOUSTON"), "Houston");
        assert_eq!(natural_case("Houston"), "Houston");
        // Letters that are neither upper nor lower case (here the titlecase `ǅ`).
        assert_eq!(shape("Aǅb"), "XxX");
        assert_eq!(shape("'s"), "x");
        assert_eq!(shape("--"), "p");
    }

    /// `shape` as first written: the letters after the first collected, then tested.
    fn shape_collecting(w: &str) -> &'static str {
        if w.ends_with('.') {
            return "X.";
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            return "d";
        }
        let mut chars = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = chars.next() else {
            return "p";
        };
        let rest: Vec<char> = chars.collect();
        if !first.is_uppercase() {
            return "x";
        }
        if rest.is_empty() {
            return "X";
        }
        if rest.iter().all(|c| c.is_uppercase()) {
            "XX"
        } else if rest.iter().all(|c| c.is_lowercase()) {
            "Xx"
        } else {
            "XxX"
        }
    }

    proptest::proptest! {
        #[test]
        fn shape_equals_the_collecting_version(w in "[A-Za-z0-9.'ǅßÉéΣσ一-]{0,8}") {
            proptest::prop_assert_eq!(shape(&w), shape_collecting(&w));
        }
    }
}
