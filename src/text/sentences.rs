//! Sentence splitting with byte spans.
//!
//! A rule-based splitter for news text. A sentence ends at `.`, `!`, `?`, `…` or `...`
//! (a spaced `. . .` counts as `...`; with any closing quotes and brackets that
//! follow) when whitespace and a plausible sentence start come next (not lower case,
//! not more punctuation such as `,`), and at line breaks: always at a blank line (paragraphs),
//! and at a single line break unless the next line starts in lower case (wrapped text).
//! Headlines and datelines without final punctuation therefore stand alone.
//!
//! A period does not end a sentence after a title (`Mr.`, `Gov.`, `Dr.`), an initial
//! (`J. K. Rowling`), a month or `No.` before a number (`Jan. 20`, `No. 5`), or inside
//! a number (`3.5%`). After a dotted abbreviation (`U.S.`, `U.N.`) it ends one only when
//! a typical sentence opener follows (`The U.S. He said` splits; `U.S. officials` not).

use crate::types::Span;

/// Titles and abbreviations after which a period never ends a sentence.
const NEVER_END: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "gov", "sen", "rep", "reps", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "ste", "mt", "ft", "rev", "hon", "pres",
    "supt", "det", "insp", "messrs", "mme", "mlle", "sr", "jr", "vs", "v", "cf", "approx", "dept",
    "gov't", "atty", "asst", "assoc", "est", "fig", "no", "nos", "vol", "pp", "op",
];

/// Abbreviations that end a sentence unless a number follows (`Jan. 20`, `No. 5`).
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "art", "sec", "ch", "p", "vol", "fig",
];

/// Abbreviations that usually continue the sentence but may end it; like dotted
/// abbreviations, they end one only before a typical sentence opener.
const MAYBE_END: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "jr", "sr", "al", "univ",
];

/// Capitalized words that typically open a sentence (used after abbreviations).
const OPENERS: &[&str] = &[
    "A",
    "An",
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "For",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "There",
    "Some",
    "Many",
    "Most",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Now",
    "Then",
    "Officials",
    "According",
    "Last",
    "Earlier",
    "Later",
    "Since",
    "Although",
    "Though",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "One",
    "Two",
    "Both",
    "All",
    "No",
    "Not",
    "Under",
    "With",
    "By",
    "From",
    "Critics",
];

/// Splits `text` into sentence spans (trimmed of surrounding whitespace, in order,
/// non-overlapping, never empty).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    split_sentences_into(text, &mut out);
    out
}

/// Like [`split_sentences`], appending to a caller's buffer.
pub fn split_sentences_into(text: &str, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = 0usize; // start of the current sentence (may point at whitespace)
    let mut i = 0usize;
    while i < bytes.len() {
        crate::util::steps::add(1);
        let b = bytes[i];
        match b {
            b'\n' | b'\r' => {
                // The whitespace run containing this line break.
                let (run_end, newlines) = whitespace_run(bytes, i);
                let next = next_char(text, run_end);
                let brk = newlines >= 2 || !matches!(next, Some(c) if c.is_lowercase());
                if brk {
                    push(text, start, i, out);
                    start = run_end;
                }
                i = run_end;
            }
            b'.' | b'!' | b'?' => {
                // A run of terminators: "...", "?!", "!!", and a spaced ellipsis
                // (". . ."), which then counts as one "...".
                let mut end = i + 1;
                loop {
                    while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                        end += 1;
                    }
                    if bytes[end - 1] == b'.'
                        && bytes.get(end) == Some(&b' ')
                        && bytes.get(end + 1) == Some(&b'.')
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                let end_with_closers = skip_closers(text, end);
                if ends_sentence(text, start, i, end, end_with_closers) {
                    push(text, start, end_with_closers, out);
                    start = end_with_closers;
                }
                i = end_with_closers.max(i + 1);
            }
            0xE2 if text[i..].starts_with('…') => {
                let end = i + '…'.len_utf8();
                let end_with_closers = skip_closers(text, end);
                if ends_sentence(text, start, i, end, end_with_closers) {
                    push(text, start, end_with_closers, out);
                    start = end_with_closers;
                }
                i = end_with_closers;
            }
            _ => {
                // Skip to the next byte that can matter.
                i += 1;
                while i < bytes.len() && !STOPS[usize::from(bytes[i])] {
                    i += 1;
                }
            }
        }
    }
    push(text, start, bytes.len(), out);
}

/// The bytes [`split_sentences_into`] stops at: line breaks, terminators and the lead
/// byte of `…`.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

/// From a line break at `i`, the end of the whitespace run and how many line breaks
/// it holds (`\r\n` counts once).
fn whitespace_run(bytes: &[u8], i: usize) -> (usize, usize) {
    let mut j = i;
    let mut newlines = 0;
    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
        if bytes[j] == b'\n' || (bytes[j] == b'\r' && bytes.get(j + 1) != Some(&b'\n')) {
            newlines += 1;
        }
        j += 1;
    }
    (j, newlines)
}

/// The longest sentence, in bytes: a longer one is cut into pieces of at most this
/// size (at a clause mark), so that every later stage, whose work per sentence may
/// grow faster than the sentence, does bounded work per piece. Real sentences are far
/// shorter: the longest in the dev gold sets is 700 bytes, and of the bench corpus's
/// 188,125 sentences 6 are longer than 2,000 bytes (run-on lists and transcripts that
/// lost their punctuation). What reaches the cap is a table dump, a transcript
/// without punctuation or a repeated phrase.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Pushes the trimmed span `[start, end)` if it is not blank, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`] by [`cut_point`].
fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut s, e) = (start + trimmed_start, start + trimmed_start + trimmed.len());
    while e - s > MAX_SENTENCE_BYTES {
        let cut = cut_point(text, s, s + MAX_SENTENCE_BYTES);
        let piece = text[s..cut].trim_end();
        if !piece.is_empty() {
            out.push(Span::new(s, s + piece.len()));
        }
        s = cut + (text[cut..e].len() - text[cut..e].trim_start().len());
    }
    if s < e {
        out.push(Span::new(s, e));
    }
}

/// Where to cut the text `[start, limit)` that is too long for one sentence: at the
/// space after the last clause mark (`;`, `:`, `,`, a dash) in its second half, else at
/// its last whitespace, else at the last character boundary (always after `start`).
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let half = start + (limit - start) / 2;
    let mut space = None;
    for i in (half..limit).rev() {
        crate::util::steps::add(1);
        if matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
            let before = text[..i].chars().next_back();
            if matches!(before, Some(';' | ':' | ',' | '\u{2013}' | '\u{2014}')) {
                return i;
            }
            space.get_or_insert(i);
        }
    }
    if let Some(i) = space {
        return i;
    }
    let mut i = limit;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    if i > start {
        i
    } else {
        limit + text[limit..].chars().next().map_or(0, char::len_utf8)
    }
}

#[inline]
fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '\u{201F}'
    )
}

/// Skips closing quotes and brackets right after a terminator.
fn skip_closers(text: &str, mut i: usize) -> usize {
    while let Some(c) = next_char(text, i) {
        if is_closer(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Decides whether the terminator run `[term, term_end)` (closers up to `after`) ends
/// the sentence that began at `start`.
fn ends_sentence(text: &str, start: usize, term: usize, term_end: usize, after: usize) -> bool {
    // End of text: the final push handles it.
    let Some(c) = next_char(text, after) else {
        return false;
    };
    if !c.is_whitespace() {
        return false; // 3.5, U.S.-led, example.com, "?!"
    }
    // Next non-space character and word.
    let rest = &text[after..];
    let rest_trim = rest.trim_start();
    let Some(first) = rest_trim.chars().next() else {
        return false;
    };
    // Lower case, or more punctuation (". ,", "! ;"): the sentence goes on.
    if first.is_lowercase() || matches!(first, ',' | ';' | ':') {
        return false;
    }
    let is_period = text.as_bytes()[term] == b'.' && term_end == term + 1;
    if !is_period {
        // ! ? … and "..." end a sentence before anything but lower case.
        return true;
    }
    let word = word_before(text, start, term);
    if word.is_empty() {
        return true;
    }
    let next_word = leading_word(rest_trim);
    let next_is_digit = first.is_ascii_digit();
    let lower = word.to_ascii_lowercase();
    let bare = lower.trim_end_matches('.');
    if NEVER_END.contains(&bare) && !BEFORE_NUMBER.contains(&bare) {
        return false;
    }
    if BEFORE_NUMBER.contains(&bare) && word.chars().next().is_some_and(|c| c.is_uppercase()) {
        return !next_is_digit;
    }
    // A single capital letter: an initial (J. K. Rowling).
    let mut chars = word.chars();
    if let (Some(c0), None) = (chars.next(), chars.next()) {
        if c0.is_uppercase() {
            return false;
        }
    }
    // Dotted abbreviations (U.S., U.N., a.m.) and the "maybe" list.
    if word.contains('.') || MAYBE_END.contains(&bare) {
        return OPENERS.contains(&next_word);
    }
    true
}

/// The word right before the terminator at `term`, within the sentence (without
/// leading quotes or brackets).
fn word_before(text: &str, start: usize, term: usize) -> &str {
    // A word longer than 64 bytes is no abbreviation: look no further back (a long run
    // without spaces would otherwise be rescanned at every period in it).
    let mut from = start.max(term.saturating_sub(64));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..term];
    crate::util::steps::add(head.len());
    let from = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—' | '/'))
        .map(|p| p + head[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[from..]
}

/// The leading run of letters of `s`.
fn leading_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn long_sentences_are_cut_at_a_clause_mark() {
        // 300 clauses of 11 bytes, no period: pieces of at most the cap, each ending
        // at a comma, covering every clause.
        let text = "one, two, ".repeat(300);
        let pieces = sents(&text);
        assert!(pieces.len() >= 2);
        for p in &pieces {
            assert!(p.len() <= MAX_SENTENCE_BYTES, "{}", p.len());
        }
        assert!(pieces[..pieces.len() - 1]
            .iter()
            .all(|p| p.len() > MAX_SENTENCE_BYTES / 2));
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with(',')));
        assert_eq!(pieces.concat().matches("one").count(), 300);
        // No space at all: cut at a character boundary.
        let text = "é".repeat(MAX_SENTENCE_BYTES);
        let pieces = sents(&text);
        assert_eq!(pieces.concat(), text);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        // A sentence under the cap is one sentence.
        let text = format!("{}end.", "word ".repeat(MAX_SENTENCE_BYTES / 5 - 1));
        assert_eq!(sents(&text).len(), 1);
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "The U.S. will end it. Then it stops.",
                &["The U.S. will end it.", "Then it stops."],
            ),
            (
                "A shift in U.S. foreign policy. The end.",
                &["A shift in U.S. foreign policy.", "The end."],
            ),
            (
                "He moved to the U.S. He stayed.",
                &["He moved to the U.S.", "He stayed."],
            ),
            ("Mr. Smith met Dr. Jones.", &["Mr. Smith met Dr. Jones."]),
            (
                "Gov. Brown and Sen. Lee spoke.",
                &["Gov. Brown and Sen. Lee spoke."],
            ),
            ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
            (
                "It rose 3.5% to $1.2 billion. Next.",
                &["It rose 3.5% to $1.2 billion.", "Next."],
            ),
            (
                "On Jan. 20 he left. In Feb. it ended.",
                &["On Jan. 20 he left.", "In Feb. it ended."],
            ),
            (
                "He is No. 5 in the U.N. ranking.",
                &["He is No. 5 in the U.N. ranking."],
            ),
            (
                "He said, “It is over.” Then he left.",
                &["He said, “It is over.”", "Then he left."],
            ),
            ("\"Go home.\" She did.", &["\"Go home.\"", "She did."]),
            (
                "“Why?” he asked. Nobody knew.",
                &["“Why?” he asked.", "Nobody knew."],
            ),
            ("Wait... What? Yes!", &["Wait...", "What?", "Yes!"]),
            (
                "They want calm . . . for the valley, she said. Then rain.",
                &[
                    "They want calm . . . for the valley, she said.",
                    "Then rain.",
                ],
            ),
            (
                "It ended . . . The next day came.",
                &["It ended . . .", "The next day came."],
            ),
            ("Stop! , he said.", &["Stop! , he said."]),
            (
                "It went on… Then stopped.",
                &["It went on…", "Then stopped."],
            ),
            (
                "HEADLINE WITHOUT STOP\nLONDON 1996-08-30\nThe text begins.",
                &[
                    "HEADLINE WITHOUT STOP",
                    "LONDON 1996-08-30",
                    "The text begins.",
                ],
            ),
            (
                "First para\n\nsecond para.",
                &["First para", "second para."],
            ),
            (
                "wrapped line\ncontinues here.",
                &["wrapped line\ncontinues here."],
            ),
            (
                "Apple Inc. said so. The end.",
                &["Apple Inc. said so.", "The end."],
            ),
            (
                "Shares of Apple Inc. The company rose.",
                &["Shares of Apple Inc.", "The company rose."],
            ),
            ("  padded.  ", &["padded."]),
            ("", &[]),
            ("Windows\r\n\r\nline ends.", &["Windows", "line ends."]),
        ];
        for (text, want) in cases {
            assert_eq!(&sents(text), want, "splitting {text:?}");
        }
    }
}
