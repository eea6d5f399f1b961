//! The word layer: every token's lower-case form and its id in one shared vocabulary,
//! computed once per document and read by every later stage.
//!
//! Before this layer, each stage lower-cased the words it looked at and looked them up
//! in its own string-keyed tables (cue heads, the cue detector's vocabulary, the
//! check-worthiness word classes, titles...): several string hashes and key compares
//! per word. Now [`Vocab`] (built once with the [`Analyzer`]) gives every word any
//! stage asks about an id and a [`WordInfo`] with everything the stages want to know;
//! [`DocWords`] holds, per token of a document, its lower-case form and its id: one
//! lower-casing and one hash lookup per token for the whole pipeline.
//!
//! Lower case here is `str::to_lowercase` (with a fast path for ASCII words).

use crate::util::strmap::StrMap;

use crate::types::{Token, TokenKind};

/// [`WordInfo::flags`]: the word is a single-word cue of the cue lexicon.
pub(crate) const CUE: u32 = 1;
/// [`WordInfo::flags`]: the word starts a cue phrase of the cue lexicon.
pub(crate) const CUE_HEAD: u32 = 1 << 1;
/// [`WordInfo::flags`]: the cue detector decides on the word (its vocabulary).
pub(crate) const CUE_VOCAB: u32 = 1 << 2;
/// [`WordInfo::flags`]: the word (in some casing) starts a title or is an honorific.
pub(crate) const TITLE_HEAD: u32 = 1 << 3;
/// [`WordInfo::flags`]: the word, in some casing, is a given name of the lexicon.
pub(crate) const FIRST_NAME: u32 = 1 << 4;
/// [`WordInfo::flags`]: the word, in some casing, is a surname of the lexicon.
pub(crate) const SURNAME: u32 = 1 << 5;
/// [`WordInfo::flags`]: the word, in some casing, heads organization names
/// (`entities::ORG_HEADS`).
pub(crate) const ORG_HEAD: u32 = 1 << 6;
/// [`WordInfo::flags`]: the word, in some casing, never starts or continues a name
/// (`entities::NOT_NAME`).
pub(crate) const NOT_NAME: u32 = 1 << 7;
/// [`WordInfo::flags`]: the word negates a claim (`claims::NEGATIONS`).
pub(crate) const NEGATION: u32 = 1 << 16;
/// [`WordInfo::flags`]: the word hedges a claim (`claims::HEDGES`).
pub(crate) const HEDGE: u32 = 1 << 17;
/// [`WordInfo::flags`]: the word negates a valence after it (`sentiment::NEGATORS`).
pub(crate) const NEGATOR: u32 = 1 << 18;
/// [`WordInfo::flags`]: a pronoun or `the`, where coreference mentions start
/// (`coref::SINGULAR`, `coref::PLURAL`).
pub(crate) const COREF: u32 = 1 << 19;
/// [`WordInfo::flags`]: a word of sports reports (`entities::SPORT_TERMS`).
pub(crate) const SPORT: u32 = 1 << 20;
/// [`WordInfo::flags`]: the word has a VADER valence or learned sentiment weights
/// (set by [`Vocab::new`]; without it both are zero).
pub(crate) const SENTIMENT: u32 = 1 << 21;
/// [`WordInfo::flags`]: the word starts a cue form of several words ("expressed" for
/// "expressed concern").
pub(crate) const CUE_PHRASE_HEAD: u32 = 1 << 23;
/// [`WordInfo::flags`]: the word has an id in the cue detector (set by [`Vocab::new`];
/// without it [`WordInfo::cue_word`] is 0).
pub(crate) const CUE_WORD: u32 = 1 << 22;
/// [`WordInfo::flags`]: shift of the check-worthiness word-class bits
/// (`checkworthy::QUANTITY`...), which take the next eight bits.
pub(crate) const CLASS_SHIFT: u32 = 8;

/// What the stages know about one vocabulary word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    /// The flag bits above ([`CUE`] ... [`SPORT`]) and the check-worthiness word
    /// classes (shifted by [`CLASS_SHIFT`]).
    pub(crate) flags: u32,
    /// The word's id in the cue detector (0: no feature of the detector names it).
    pub(crate) cue_word: u32,
    /// The cue detector's id of the word's crude base form (`claims::feature_lemma`),
    /// for the words it can decide on ([`CUE_HEAD`] or [`CUE_VOCAB`]; 0 otherwise).
    pub(crate) cue_lemma: u32,
    /// The class of the word as a one-word cue form (set with [`CUE`]).
    pub(crate) cue_class: Option<crate::types::CueClass>,
    /// The cue detector's weight of the word as a whole cue phrase (`lf=` + word; set
    /// with [`CUE`], 0 when the detector has none).
    pub(crate) cue_phrase_weight: f32,
    /// Its VADER valence (0 for none).
    pub(crate) valence: f32,
    /// Its learned sentiment weights (positive, negative over neutral) before, after
    /// and inside a mention.
    pub(crate) sentiment: [f32; 6],
}

/// The shared vocabulary: lower-case words to ids (id 0 is "no such word").
///
/// The map holds each word's flags next to its id, so that [`DocWords`] reads both
/// from the one table slot it looks up per token; the rest of a [`WordInfo`] is read
/// only by the stages that need it.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    ids: StrMap<(u32, u32)>,
    info: Vec<WordInfo>,
}

/// Bytes `start..start + len` of `text` (`1 <= len <= 16`) in ASCII lower case as a
/// `strmap::short_key`, and whether any was a capital; `None` if one is not ASCII. Eight
/// bytes at a time (`swar::in_range_ascii` finds the capitals; setting bit 5 of each
/// lowers it).
#[inline]
fn ascii_lower_key(text: &[u8], start: usize, len: usize) -> Option<(u128, bool)> {
    use crate::util::swar::{in_range_ascii, load16, HIGH};
    let x = load16(text, start, len);
    let halves = [x as u64, (x >> 64) as u64];
    if (halves[0] | halves[1]) & HIGH != 0 {
        return None;
    }
    let mut upper = false;
    let mut out = [0u64; 2];
    for (o, h) in out.iter_mut().zip(halves) {
        let caps = in_range_ascii(h, b'A', b'Z');
        upper |= caps != 0;
        *o = h | (caps >> 2);
    }
    Some((u128::from(out[0]) | (u128::from(out[1]) << 64), upper))
}

/// True when some byte of the 16 in `x` is `b` (`b` not 0).
#[inline]
fn has_byte(x: u128, b: u8) -> bool {
    use crate::util::swar::{below, splat};
    [x as u64, (x >> 64) as u64]
        .iter()
        .any(|&h| below(h ^ splat(b), 1) != 0)
}

impl Vocab {
    /// The vocabulary of the word lists, the closed lists and the cue detector, with
    /// the sentiment model's per-word weights (`sentiment_weights`, given by the caller
    /// so that the word layer does not depend on the stage that owns them).
    pub(crate) fn new<'w>(
        words: &crate::lexicon::WordLists,
        cue_model: &crate::model::cue::CueModel,
        sentiment_weights: impl IntoIterator<Item = (&'w str, [f32; 6])>,
    ) -> Vocab {
        let mut v = Vocab {
            info: vec![WordInfo::default()],
            ..Vocab::default()
        };
        // About every word below, so the table never grows (start-up).
        let n = words.cues.len()
            + cue_model.vocab.len()
            + words.sentiment.len()
            + words.first_names.len()
            + words.surnames.len()
            + 8192;
        v.ids.reserve(n);
        v.info.reserve(n);
        for (form, cue) in &words.cues {
            match form.split_once(' ') {
                None => {
                    let weight = cue_model.weight(&format!("lf={form}"));
                    let e = v.entry(form);
                    e.flags |= CUE;
                    e.cue_class = Some(cue.class);
                    e.cue_phrase_weight = weight;
                }
                Some((head, _)) => v.entry(head).flags |= CUE_PHRASE_HEAD,
            }
        }
        v.flag(&words.cue_heads, CUE_HEAD);
        v.flag(&cue_model.vocab, CUE_VOCAB);
        for (w, id) in cue_model.words() {
            // Only lower-case words can come from a word token.
            if lower(w) == w {
                v.entry(w).cue_word = id;
            }
        }
        for (term, kind) in &words.roles {
            if *kind == crate::lexicon::RoleKind::Title {
                let head = term.split(' ').next().unwrap_or(term);
                v.entry(&lower(head)).flags |= TITLE_HEAD;
            }
        }
        v.flag_lower(crate::lexicon::closed::HONORIFICS, TITLE_HEAD);
        for (w, bits) in crate::lexicon::closed::word_classes() {
            v.entry(w).flags |= u32::from(bits) << CLASS_SHIFT;
        }
        for (w, val) in &words.sentiment {
            v.entry(w).valence = *val;
        }
        for (w, weights) in sentiment_weights {
            v.entry(w).sentiment = weights;
        }
        v.flag(crate::lexicon::closed::NEGATORS, NEGATOR);
        v.flag(
            crate::lexicon::closed::SINGULAR
                .iter()
                .chain(crate::lexicon::closed::PLURAL)
                .chain(&["the"]),
            COREF,
        );
        v.flag(crate::lexicon::closed::NEGATIONS, NEGATION);
        v.flag(crate::lexicon::closed::HEDGES, HEDGE);
        // Case-sensitive sets, flagged in lower case: a word without the flag is not
        // in the set in any casing, so the stages skip it without a lookup.
        v.flag_lower(&words.first_names, FIRST_NAME);
        v.flag_lower(&words.surnames, SURNAME);
        v.flag_lower(crate::lexicon::closed::ORG_HEAD_LIST, ORG_HEAD);
        v.flag_lower(crate::lexicon::closed::NOT_NAME_LIST, NOT_NAME);
        v.flag(crate::lexicon::closed::SPORT_TERMS, SPORT);
        // The words flagged CUE_HEAD or CUE_VOCAB above.
        for w in words.cue_heads.iter().chain(&cue_model.vocab) {
            let lemma = crate::text::words::feature_lemma(w);
            v.entry(w).cue_lemma = cue_model.word_id(lemma).unwrap_or(0);
        }
        for info in &mut v.info {
            if info.valence != 0.0 || info.sentiment != [0.0; 6] {
                info.flags |= SENTIMENT;
            }
            if info.cue_word != 0 {
                info.flags |= CUE_WORD;
            }
        }
        // Copy the final flags next to the ids.
        let info = &v.info;
        v.ids
            .for_each_value(|(id, flags)| *flags = info[*id as usize].flags);
        v
    }

    /// Sets `flag` on every word of `list` (already in lower case).
    fn flag<S: AsRef<str>>(&mut self, list: impl IntoIterator<Item = S>, flag: u32) {
        for w in list {
            self.entry(w.as_ref()).flags |= flag;
        }
    }

    /// Sets `flag` on every word of `list` in lower case.
    fn flag_lower<S: AsRef<str>>(&mut self, list: impl IntoIterator<Item = S>, flag: u32) {
        // ASCII words are lowered in one reused buffer (20k names at start-up, each
        // lowered into a new String before).
        let mut buf = String::new();
        for w in list {
            let w = w.as_ref();
            if w.is_ascii() {
                buf.clear();
                buf.push_str(w);
                buf.make_ascii_lowercase();
                self.entry(&buf).flags |= flag;
            } else {
                self.entry(&lower(w)).flags |= flag;
            }
        }
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        let mut id = self.id(word);
        if id == 0 {
            id = self.info.len() as u32;
            self.info.push(WordInfo::default());
            self.ids.insert(word, (id, 0));
        }
        &mut self.info[id as usize]
    }

    /// The id of a lower-case word (0 if no stage knows it).
    #[inline]
    pub(crate) fn id(&self, lower: &str) -> u32 {
        self.ids.get(lower).map_or(0, |v| v.0)
    }

    /// The id and flags of a lower-case word (`(0, 0)` if no stage knows it).
    #[inline]
    fn id_flags(&self, lower: &str) -> (u32, u32) {
        self.ids.get(lower).copied().unwrap_or_default()
    }

    /// The id and flags of a short lower-case ASCII word given as its `short_key`.
    #[inline]
    fn short_id(&self, key: u128) -> (u32, u32) {
        self.ids.get_short(key).copied().unwrap_or_default()
    }

    /// What the stages know about word `id`.
    #[inline]
    pub(crate) fn info(&self, id: u32) -> &WordInfo {
        &self.info[id as usize]
    }
}

/// `word` in lower case, borrowed when it already is.
pub(crate) fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// Where a token's lower-case form is: in the text (it is already lower case) or in
/// [`DocWords`]' buffer.
#[derive(Clone, Copy, Debug)]
enum Low {
    Text(usize, usize),
    Buf(usize, usize),
}

/// Every token of one document in lower case, with its vocabulary id.
#[derive(Debug)]
pub(crate) struct DocWords<'t> {
    text: &'t str,
    buf: String,
    low: Vec<Low>,
    /// Per token: its vocabulary id, with [`HYPHENATED`] set for words holding a `-`
    /// and [`OWN_LOWER`] for tokens that are their own lower case.
    ids: Vec<u32>,
    /// Per token: its word's [`WordInfo::flags`], read on every [`DocWords::has`]
    /// without going back to the vocabulary.
    flags: Vec<u32>,
    vocab: &'t Vocab,
    /// The capitalized words, made on first use ([`DocWords::capitalized`]).
    capitalized: std::cell::OnceCell<Vec<u32>>,
}

/// The bit of a [`DocWords`] id that marks a word holding a hyphen (ids are far below).
const HYPHENATED: u32 = 1 << 31;

/// The bit of a [`DocWords`] id that marks a token that is its own lower case.
const OWN_LOWER: u32 = 1 << 30;

/// The id bits of a [`DocWords`] id.
const ID: u32 = !(HYPHENATED | OWN_LOWER);

impl<'t> DocWords<'t> {
    /// The word layer of `tokens` (of `text`).
    pub(crate) fn new(vocab: &'t Vocab, text: &'t str, tokens: &[Token]) -> DocWords<'t> {
        // The vocabulary is far larger than the processor's caches, so each lookup
        // waits on memory. A first pass computes the short words' keys and asks for
        // their table slots ahead (a prefetch), so that those waits overlap instead of
        // following one another; the second pass finds the slots in cache.
        // `UPPER_BIT` (free: keys are ASCII) marks a word holding capitals; 0: no key.
        const UPPER_BIT: u128 = 1 << 127;
        let keys: Vec<u128> = tokens
            .iter()
            .map(|t| {
                let len = t.span.end - t.span.start;
                if t.kind != TokenKind::Word || len > 16 {
                    return 0;
                }
                match ascii_lower_key(text.as_bytes(), t.span.start, len) {
                    Some((key, upper)) => {
                        vocab.ids.prefetch_short(key);
                        key | if upper { UPPER_BIT } else { 0 }
                    }
                    None => 0,
                }
            })
            .collect();
        let mut buf = String::new();
        let mut low = Vec::with_capacity(tokens.len());
        let mut ids = Vec::with_capacity(tokens.len());
        let mut flags = Vec::with_capacity(tokens.len());
        for (t, &packed) in tokens.iter().zip(&keys) {
            let w = t.text(text);
            let b = w.as_bytes();
            if packed != 0 {
                let (key, upper) = (packed & !UPPER_BIT, packed & UPPER_BIT != 0);
                let hyphen = if has_byte(key, b'-') { HYPHENATED } else { 0 };
                let (id, f) = vocab.short_id(key);
                let own = if upper { 0 } else { OWN_LOWER };
                ids.push(id | hyphen | own);
                flags.push(f);
                low.push(if upper {
                    let from = buf.len();
                    let bytes = key.to_le_bytes();
                    buf.extend(bytes[..b.len()].iter().map(|&c| char::from(c)));
                    Low::Buf(from, buf.len())
                } else {
                    Low::Text(t.span.start, t.span.end)
                });
                continue;
            }
            if t.kind == TokenKind::Punct && b.len() == 1 {
                // One ASCII character, neither a letter nor a digit: its own lower case.
                ids.push(OWN_LOWER);
                flags.push(0);
                low.push(Low::Text(t.span.start, t.span.end));
                continue;
            }
            let (l, own) = match lower(w) {
                std::borrow::Cow::Borrowed(_) => (Low::Text(t.span.start, t.span.end), OWN_LOWER),
                std::borrow::Cow::Owned(l) => {
                    let from = buf.len();
                    buf.push_str(&l);
                    let own = if l == w { OWN_LOWER } else { 0 };
                    (Low::Buf(from, buf.len()), own)
                }
            };
            low.push(l);
            let (id, f) = if t.kind == TokenKind::Word {
                let s = match l {
                    Low::Text(a, b) => &text[a..b],
                    Low::Buf(a, b) => &buf[a..b],
                };
                let hyphen = if b.contains(&b'-') { HYPHENATED } else { 0 };
                let (id, f) = vocab.id_flags(s);
                (id | hyphen, f)
            } else {
                (0, 0)
            };
            ids.push(id | own);
            flags.push(f);
        }
        DocWords {
            text,
            buf,
            low,
            ids,
            flags,
            vocab,
            capitalized: std::cell::OnceCell::new(),
        }
    }

    /// The indices of the word tokens that start with a capital letter
    /// (`entities::is_capitalized`), in order; `tokens` are the ones this layer was
    /// made of. Made on the first call: the entity rules and the classifier visit
    /// only these (about one word in five) where they look for names.
    pub(crate) fn capitalized(&self, tokens: &[Token]) -> &[u32] {
        self.capitalized.get_or_init(|| {
            debug_assert_eq!(tokens.len(), self.ids.len());
            let bytes = self.text.as_bytes();
            tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    // Most words open with an ASCII byte that is no capital.
                    let b0 = bytes.get(t.span.start).copied().unwrap_or(b' ');
                    t.kind == TokenKind::Word
                        && (b0.is_ascii_uppercase()
                            || !b0.is_ascii()
                                && crate::text::words::is_capitalized(t.text(self.text)))
                })
                .map(|(i, _)| i as u32)
                .collect()
        })
    }

    /// Token `i` in lower case.
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        match self.low[i] {
            Low::Text(a, b) => &self.text[a..b],
            Low::Buf(a, b) => &self.buf[a..b],
        }
    }

    /// Token `i`'s vocabulary id (0 for none, and for every token but words).
    #[inline]
    pub(crate) fn id(&self, i: usize) -> u32 {
        self.ids[i] & ID
    }

    /// What the stages know about token `i` (all zero for an unknown word).
    #[inline]
    pub(crate) fn info(&self, i: usize) -> &WordInfo {
        self.vocab.info(self.ids[i] & ID)
    }

    /// Asks for the memory of [`DocWords::info`]`(i)` ahead of reading it (a hint).
    #[inline]
    pub(crate) fn prefetch_info(&self, i: usize) {
        let id = (self.ids[i] & ID) as usize;
        crate::util::strmap::prefetch_line(self.vocab.info.as_ptr().wrapping_add(id));
    }

    /// True when token `i` is its own lower case.
    #[cfg(test)]
    pub(crate) fn is_lower(&self, i: usize) -> bool {
        self.ids[i] & OWN_LOWER != 0
    }

    /// The vocabulary ids of the document's words written in lower case, in token
    /// order, repeats included (a pass over one array).
    pub(crate) fn lower_case_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.ids
            .iter()
            .filter(|&&x| x & OWN_LOWER != 0 && x & ID != 0)
            .map(|&x| x & ID)
    }

    /// How many ids the vocabulary has (ids are below this).
    pub(crate) fn vocab_len(&self) -> usize {
        self.vocab.info.len()
    }

    /// True when token `i` is a word holding a hyphen.
    #[inline]
    pub(crate) fn hyphenated(&self, i: usize) -> bool {
        self.ids[i] & HYPHENATED != 0
    }

    /// True when token `i` is a word with all of `flags`.
    #[inline]
    pub(crate) fn has(&self, i: usize, flags: u32) -> bool {
        self.flags[i] & flags == flags
    }

    /// The indices of the tokens no stage knows (vocabulary id 0) that are their own
    /// lower case, in order: the unknown lower-case words, and punctuation.
    pub(crate) fn unknown_lower(&self) -> impl Iterator<Item = usize> + '_ {
        self.ids
            .iter()
            .enumerate()
            .filter(|(_, &x)| x & (ID | OWN_LOWER) == OWN_LOWER)
            .map(|(i, _)| i)
    }

    /// The indices of the tokens with any of `flags`, in order (one pass over the
    /// flags, no lookup).
    pub(crate) fn with_any(&self, flags: u32) -> impl Iterator<Item = usize> + '_ {
        self.flags
            .iter()
            .enumerate()
            .filter(move |(_, &f)| f & flags != 0)
            .map(|(i, _)| i)
    }

    /// The indices of the tokens with any of `flags` or holding a hyphen, in order.
    pub(crate) fn with_any_or_hyphen(&self, flags: u32) -> impl Iterator<Item = usize> + '_ {
        self.flags
            .iter()
            .zip(&self.ids)
            .enumerate()
            .filter(move |(_, (&f, &id))| f & flags != 0 || id & HYPHENATED != 0)
            .map(|(i, _)| i)
    }

    /// Token `i`'s [`WordInfo::flags`] (0 for every token but known words).
    #[inline]
    pub(crate) fn flags(&self, i: usize) -> u32 {
        self.flags[i]
    }

    /// The view of tokens `from..to` (a sentence), indexed from 0.
    pub(crate) fn slice(&self, from: usize, to: usize) -> Slice<'_, 't> {
        Slice {
            words: self,
            from,
            len: to - from,
        }
    }
}

/// [`DocWords`] of a run of tokens (a sentence), indexed from its first token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slice<'w, 't> {
    words: &'w DocWords<'t>,
    from: usize,
    len: usize,
}

impl<'w, 't> Slice<'w, 't> {
    /// Token `i` in lower case.
    #[inline]
    pub(crate) fn lower(&self, i: usize) -> &str {
        debug_assert!(i < self.len);
        self.words.lower(self.from + i)
    }

    /// Token `i`'s lower-case form, if there is a token `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        (i < self.len).then(|| self.lower(i))
    }

    /// What the stages know about token `i`.
    #[inline]
    pub(crate) fn info(&self, i: usize) -> &WordInfo {
        self.words.info(self.from + i)
    }

    /// True when token `i` is a word with all of `flags`.
    #[inline]
    pub(crate) fn has(&self, i: usize, flags: u32) -> bool {
        self.words.has(self.from + i, flags)
    }

    /// Token `i`'s [`WordInfo::flags`].
    #[inline]
    pub(crate) fn flags(&self, i: usize) -> u32 {
        self.words.flags(self.from + i)
    }

    /// [`DocWords::prefetch_info`] of token `i`.
    #[inline]
    pub(crate) fn prefetch_info(&self, i: usize) {
        self.words.prefetch_info(self.from + i);
    }

    /// The view of tokens `from..to` of this one.
    pub(crate) fn sub(&self, from: usize, to: usize) -> Slice<'w, 't> {
        self.words.slice(self.from + from, self.from + to)
    }
}

/// True when `word` starts with an upper-case letter.
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Crude base form for a feature: without `-ing`, `-ed`, `-es` or `-s` (not `-ss`) when
/// three letters stay.
pub(crate) fn feature_lemma(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.chars().count() >= 3 && !(suf == "s" && w.ends_with("ss")) {
                return stem;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;

    #[test]
    fn flags_cover_every_casing_of_the_sets() {
        // The rules skip a word without the flag, so every member of each set, in any
        // casing, must carry it.
        let analyzer = Analyzer::new();
        let words = analyzer.words();
        let sets: [(Vec<&str>, u32); 6] = [
            (
                words.first_names.iter().map(String::as_str).collect(),
                FIRST_NAME,
            ),
            (words.surnames.iter().map(String::as_str).collect(), SURNAME),
            (crate::lexicon::closed::ORG_HEAD_LIST.to_vec(), ORG_HEAD),
            (crate::lexicon::closed::NOT_NAME_LIST.to_vec(), NOT_NAME),
            (crate::lexicon::closed::HONORIFICS.to_vec(), TITLE_HEAD),
            (
                words.cue_heads.iter().map(String::as_str).collect(),
                CUE_HEAD,
            ),
        ];
        for (set, flag) in sets {
            assert!(!set.is_empty());
            for w in set.iter().filter(|w| !w.contains(' ')) {
                for form in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                    let tokens = crate::text::tokenize::tokenize(&form);
                    if tokens.len() != 1 || tokens[0].kind != TokenKind::Word {
                        continue;
                    }
                    let doc_words = DocWords::new(analyzer.vocab(), &form, &tokens);
                    assert!(doc_words.has(0, flag), "{form:?} lacks flag {flag:#x}");
                }
            }
        }
    }

    #[test]
    fn organization_heads_are_capitalized() {
        // The organization patterns look for head words among the capitalized words
        // alone ([`DocWords::capitalized`]).
        for w in crate::lexicon::closed::ORG_HEAD_LIST {
            assert!(crate::text::words::is_capitalized(w), "{w}");
        }
    }

    #[test]
    fn lower_case_matches_to_lowercase() {
        let analyzer = Analyzer::new();
        let text = "The U.S. SAID İstanbul ΟΔΟΣ straße ß Ärger ex-envoy said";
        let tokens = crate::text::tokenize::tokenize(text);
        let w = DocWords::new(analyzer.vocab(), text, &tokens);
        for (i, t) in tokens.iter().enumerate() {
            assert_eq!(w.lower(i), t.text(text).to_lowercase(), "token {i}");
            assert_eq!(w.is_lower(i), w.lower(i) == t.text(text), "token {i}");
        }
        // Lower-case words of the vocabulary, in token order: "said" but not "SAID".
        let said = w.id(tokens.len() - 1);
        assert_eq!(w.lower_case_ids().filter(|&id| id == said).count(), 1);
        assert!(w.lower_case_ids().all(|id| id != 0));
        let said = tokens.iter().position(|t| t.text(text) == "SAID").unwrap();
        let last = tokens.len() - 1;
        assert_ne!(w.id(said), 0);
        assert_eq!(w.id(said), w.id(last));
        assert!(w.has(said, CUE | CUE_HEAD));
        let capitalized: Vec<u32> = (0..tokens.len() as u32)
            .filter(|&i| {
                let t = tokens[i as usize];
                t.kind == TokenKind::Word && crate::text::words::is_capitalized(t.text(text))
            })
            .collect();
        assert_eq!(w.capitalized(&tokens), capitalized);
        let cues: Vec<usize> = (0..tokens.len()).filter(|&i| w.has(i, CUE)).collect();
        assert_eq!(w.with_any(CUE).collect::<Vec<_>>(), cues);
        let unknown: Vec<usize> = (0..tokens.len())
            .filter(|&i| w.id(i) == 0 && w.is_lower(i))
            .collect();
        assert_eq!(w.unknown_lower().collect::<Vec<_>>(), unknown);
        assert!(unknown.contains(
            &tokens
                .iter()
                .position(|t| t.text(text) == "ex-envoy")
                .unwrap()
        ));
        assert_eq!(cues.len(), 2, "SAID and said");
        let hyphen = tokens
            .iter()
            .position(|t| t.text(text) == "ex-envoy")
            .unwrap();
        let cues_or_hyphen: Vec<usize> = w.with_any_or_hyphen(CUE).collect();
        assert_eq!(cues_or_hyphen, [cues[0], hyphen, cues[1]]);
        assert_eq!(capitalized.len(), 6, "The U.S. SAID İstanbul ΟΔΟΣ Ärger");
        let the = tokens.iter().position(|t| t.text(text) == "The").unwrap();
        assert!(!w.has(the, CUE));
    }
}
