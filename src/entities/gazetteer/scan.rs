//! The gazetteer's scan of a text: candidate starts, the walk through a word's
//! forms, and the checks at a match's edges (capitalization, sentence starts,
//! all-caps lines read title-cased).

use super::*;

impl Gazetteer {
    /// Matches `hay` (the text, or with `caps_copy` a title-cased copy of one of its
    /// lines starting at byte `offset`), appending checked candidates.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn scan(
        &self,
        hay: &str,
        offset: usize,
        caps_copy: bool,
        out: &mut Vec<GazetteerMatch>,
        pending: &mut Vec<(usize, GazetteerMatch)>,
        supported: &mut Vec<usize>,
    ) {
        let bytes = hay.as_bytes();
        let mut i = 0;
        // The word starts are found a batch ahead of their walks, and the slot of
        // each one's first key is asked for as it is found: the cache misses of a
        // batch's first lookups overlap instead of each waiting for the one before.
        let mut batch = [(0usize, 0usize, 0u64); 32];
        loop {
            let mut n = 0;
            while n < batch.len() {
                let Some((start, first)) = self.next_start(hay, &mut i) else {
                    break;
                };
                let h = hash_key(head_of(bytes, start, first), &bytes[start..first]);
                self.shards[usize::from(bytes[start] & 1)].prefetch(h);
                batch[n] = (start, first, h);
                n += 1;
            }
            for &(start, first, h) in &batch[..n] {
                self.walk(
                    hay, start, first, h, offset, caps_copy, out, pending, supported,
                );
            }
            if n < batch.len() {
                return;
            }
        }
    }

    /// The next place at or after byte `*i` of `hay` where a form may start, with
    /// the end of its first key; `*i` moves past it.
    #[inline]
    fn next_start(&self, hay: &str, i: &mut usize) -> Option<(usize, usize)> {
        let bytes = hay.as_bytes();
        while *i < bytes.len() {
            let at = *i;
            let b = bytes[at];
            if ASCII_ALNUM[b as usize] {
                // A word start (the previous character, if any, ended a run).
                let first = run_end(hay, at);
                *i = first;
                if self.first_word[b as usize] & length_bit(first - at) != 0
                    && self.may_open(bytes, at)
                {
                    return Some((at, first));
                }
                continue;
            }
            if b < 0x80 {
                *i += 1;
                if self.odd_ascii[b as usize] {
                    return Some((at, at + 1));
                }
                continue;
            }
            let (c, len) = char_at(hay, at);
            if c.is_alphanumeric() {
                let first = run_end(hay, at);
                *i = first;
                return Some((at, first));
            }
            *i += len;
            if !self.odd_starts.is_empty() && self.odd_starts.contains(&c) {
                return Some((at, at + len));
            }
        }
        None
    }

    /// False when no form can start at byte `i` of `bytes` (an ASCII byte): no form
    /// of two bytes or more opens with the two bytes there, nor is that byte a form.
    #[inline]
    fn may_open(&self, bytes: &[u8], i: usize) -> bool {
        let b = usize::from(bytes[i]);
        if self.lone[b] {
            return true;
        }
        bytes.get(i + 1).is_some_and(|&b1| {
            let pair = b << 8 | usize::from(b1);
            self.first_two[pair / 64] & (1 << (pair % 64)) != 0
        })
    }

    /// Looks up the forms that start at `start`, one word-boundary stop at a time
    /// from `first` (`first_hash`: the [`hash_key`] of the first key), while the
    /// table knows the text so far as a prefix.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        hay: &str,
        start: usize,
        first: usize,
        first_hash: u64,
        offset: usize,
        caps_copy: bool,
        out: &mut Vec<GazetteerMatch>,
        pending: &mut Vec<(usize, GazetteerMatch)>,
        supported: &mut Vec<usize>,
    ) {
        let bytes = hay.as_bytes();
        let parity = bytes[start] & 1;
        let forms = &self.shards[usize::from(parity)];
        let mut end = first;
        loop {
            let last = bytes[end - 1];
            if last < 0x80 && !ASCII_ALNUM[usize::from(last)] && !self.ends_ascii[usize::from(last)]
            {
                // Never a whole form: on to the next stop.
                match next_stop(hay, end) {
                    Some(next) => end = next,
                    None => return,
                }
                continue;
            }
            let key = &bytes[start..end];
            let head = head_of(bytes, start, end);
            let h = if end == first {
                first_hash
            } else {
                hash_key(head, key)
            };
            let Some((at, slot)) = forms.get(h, head, key) else {
                return;
            };
            if slot.flags & WHOLE != 0 {
                // The slot identifies the form: its index, with the table's parity.
                let id = at * 2 + usize::from(parity);
                let pattern = Pattern {
                    entry: slot.entry,
                    flags: slot.flags & PATTERN_BITS,
                };
                self.check(
                    hay,
                    id,
                    pattern,
                    Span::new(start, end),
                    offset,
                    caps_copy,
                    out,
                    pending,
                    supported,
                );
            }
            if slot.flags & PREFIX == 0 {
                return;
            }
            // A longer form must go on with the text's next two bytes (or the next
            // one, if it ends there).
            let Some(&b) = bytes.get(end) else {
                return;
            };
            if slot.follow & (pair_bit(b, bytes.get(end + 1).copied()) | pair_bit(b, None)) == 0 {
                return;
            }
            match next_stop(hay, end) {
                Some(next) => end = next,
                None => return,
            }
        }
    }

    /// Applies the boundary and ambiguity rules to one occurrence of a form.
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        hay: &str,
        id: usize,
        p: Pattern,
        span: Span,
        offset: usize,
        caps_copy: bool,
        out: &mut Vec<GazetteerMatch>,
        pending: &mut Vec<(usize, GazetteerMatch)>,
        supported: &mut Vec<usize>,
    ) {
        if p.flags & CHECK_LEFT != 0 && prev_char(hay, span.start).is_some_and(is_word_char) {
            return;
        }
        if p.flags & CHECK_RIGHT != 0 && next_char(hay, span.end).is_some_and(is_word_char) {
            return;
        }
        let found = GazetteerMatch {
            span: Span::new(span.start + offset, span.end + offset),
            entry: p.entry as usize,
            form: if p.flags & DEMONYM != 0 {
                Form::Demonym
            } else {
                Form::Name
            },
            possessive: possessive_at(hay, span.end).is_some(),
        };
        if p.flags & AMBIGUOUS != 0 {
            if caps_copy || next_to_capitalized(hay, span) {
                // In a capitals line there is no case to tell a name apart.
                return;
            }
            if sentence_initial(hay, span.start) {
                pending.push((id, found));
                return;
            }
            supported.push(id);
        }
        out.push(found);
    }
}

/// The character at byte `i` of `s` and its length, with an ASCII fast path.
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// The next place after byte `from` where a form may end: the end of the run of
/// letters and digits at `from`, or just past the one other character there. `None`
/// at the end of `s`.
#[inline]
pub(super) fn next_stop(s: &str, from: usize) -> Option<usize> {
    if from >= s.len() {
        return None;
    }
    let (c, len) = char_at(s, from);
    if c.is_alphanumeric() {
        Some(run_end(s, from))
    } else {
        Some(from + len)
    }
}

/// ASCII letters and digits.
pub(super) static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The bit for a first word of `len` bytes in [`Gazetteer::first_word`].
#[inline]
pub(super) fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The end of the run of letters and digits that starts at byte `from`.
#[inline]
pub(super) fn run_end(s: &str, from: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_ALNUM[b as usize] {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            let (c, len) = char_at(s, i);
            if !c.is_alphanumeric() {
                break;
            }
            i += len;
        }
    }
    i
}

/// True for an ASCII line written in capitals: at least four capital letters and
/// no lower-case ones.
pub(crate) fn is_caps_line(line: &str) -> bool {
    if !line.is_ascii() {
        return false;
    }
    let upper = line.bytes().filter(u8::is_ascii_uppercase).count();
    upper >= 4 && !line.bytes().any(|b| b.is_ascii_lowercase())
}

/// Writes `line` with every word capitalized and the rest lower case ("NEW YORK" ->
/// "New York"). ASCII in, ASCII out, same length.
pub(super) fn title_case_into(line: &str, out: &mut String) {
    let mut prev_letter = false;
    for b in line.bytes() {
        let c = if prev_letter {
            b.to_ascii_lowercase()
        } else {
            b
        };
        out.push(c as char);
        prev_letter = b.is_ascii_alphabetic() || (prev_letter && b == b'\'');
    }
}

#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[inline]
pub(crate) fn prev_char(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

#[inline]
pub(crate) fn next_char(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// True when `pos` opens a sentence: only whitespace and opening quotes or brackets
/// stand between it and the text start, a line break, or sentence-final punctuation.
pub(super) fn sentence_initial(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(|c: char| {
        (c.is_whitespace() && c != '\n') || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[')
    });
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '\n' | '.' | '!' | '?' | '…' | ':'),
    }
}

/// True when a capitalized word stands right before or after `span` (one space away),
/// other than a function word, month or weekday.
pub(super) fn next_to_capitalized(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\u{A0}']);
    let gap_before = span.start - before.len();
    if gap_before > 0 && gap_before <= 2 {
        let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        if is_capitalized(word) && !is_sentence_opener(word) && !NOT_NAME.contains(&word) {
            return true;
        }
    }
    let after = &text[span.end..];
    let rest = after.trim_start_matches([' ', '\u{A0}']);
    let gap_after = after.len() - rest.len();
    if gap_after > 0 && gap_after <= 2 {
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        if is_capitalized(word) && !NOT_NAME.contains(&word) {
            return true;
        }
    }
    false
}

/// Capitalized function words that do not make a neighbour part of a name.
pub(super) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "In"
            | "On"
            | "At"
            | "From"
            | "To"
            | "And"
            | "But"
            | "Of"
            | "For"
            | "With"
            | "By"
            | "A"
            | "An"
    )
}
