//! The mention classifier's view of a document and its features: word shapes, case,
//! context words, lexicon and gazetteer facts. Training and the runtime share them
//! through [`FeatureSink`].

use super::*;

/// Facts of one line: written in capitals (as `gazetteer::is_caps_line`: ASCII, at
/// least four capitals, no lower-case letter), and how many space-separated chunks
/// hold a digit, counted up to 2 (the features ask only whether there are two).
///
/// Eight bytes at a time, and each question stops when its answer is known: most
/// lines show a lower-case letter in their first bytes (no capitals line), and the
/// digit count jumps from a digit to the next space.
pub(super) fn line_facts(line: &[u8]) -> (bool, usize) {
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
pub(super) struct Doc<'t> {
    pub(super) text: &'t str,
    pub(super) tokens: &'t [Token],
    pub(super) sentences: &'t [Span],
    pub(super) words: &'t DocWords<'t>,
    /// Vocabulary words that occur in lower case somewhere in the document, by id.
    pub(super) lower_ids: Vec<u64>,
    /// Other words that occur in lower case somewhere in the document, among those
    /// [`Doc::index_lower`] was asked about.
    pub(super) lower: FxHashSet<&'t str>,
    /// The document's first word, lower case.
    pub(super) head: String,
    /// Per line: start byte, written in capitals, count of space-separated chunks
    /// holding a digit (up to 2).
    pub(super) lines: Vec<(usize, bool, usize)>,
}

impl<'t> Doc<'t> {
    pub(super) fn new(
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

    pub(super) fn word(&self, i: usize) -> &'t str {
        self.tokens[i].text(self.text)
    }

    /// Finds which of the candidates' first words that no stage knows (vocabulary id
    /// 0) occur in lower case in the document, for [`Doc::occurs_lower`]: only those
    /// are ever asked about, so the document's other words are not hashed.
    pub(super) fn index_lower(&mut self, cands: &[Candidate]) {
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
    pub(super) fn occurs_lower(&self, i: usize) -> bool {
        match self.words.id(i) {
            0 => self.lower.contains(self.words.lower(i)),
            id => self.lower_ids[id as usize / 64] & (1 << (id % 64)) != 0,
        }
    }

    /// Facts of the line holding byte `pos`: (in capitals, chunks with digits up to 2).
    pub(super) fn line_at(&self, pos: usize) -> (bool, usize) {
        let k = self.lines.partition_point(|l| l.0 <= pos).saturating_sub(1);
        self.lines.get(k).map_or((false, 0), |l| (l.1, l.2))
    }

    /// True when token `i`, in title case, is a given name of the lexicon's list. The
    /// vocabulary flag rules most words out before the case-sensitive lookup.
    pub(super) fn is_first_name(&self, lists: &WordLists, i: usize) -> bool {
        self.words.has(i, FIRST_NAME)
            && lists
                .first_names
                .contains(natural_case(self.word(i)).as_ref())
    }

    /// True when token `i` opens its sentence (opening quotes and brackets aside).
    pub(super) fn sentence_initial(&self, i: usize) -> bool {
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
pub(super) fn shape(w: &str) -> &'static str {
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
pub(super) fn natural_case(w: &str) -> Cow<'_, str> {
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

/// Feature strings, for training.
pub(super) struct Collect<'v>(pub(super) &'v mut Vec<String>);

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
pub(super) struct Score<'m> {
    pub(super) model: &'m MentionModel,
    pub(super) keys: Vec<u64>,
}

impl Score<'_> {
    pub(super) fn look_up(&mut self, key: u64) {
        self.model.weights.prefetch(key);
        self.keys.push(key);
    }

    /// The class scores (before the softmax) of the keys `from..to`, in order.
    pub(super) fn sum(&self, from: usize, to: usize) -> [f32; 5] {
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
pub(super) const SMALL: [&str; 5] = ["0", "1", "2", "3", "4"];

/// The features of the candidate made of tokens `first..=last`; `place` is the lexicon
/// subtype (or type) of a place candidate.
pub(super) fn features(
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
