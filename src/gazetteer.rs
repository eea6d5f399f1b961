//! Gazetteer matching: every alias and demonym of every lexicon entry, found by
//! hashed lookups of the text's word sequences.
//!
//! Each surface form is stored in one hash table together with every prefix of it
//! that ends on a word boundary ("New", "New York" for "New York Times"). The scan
//! starts at each word start and extends the candidate one word (or one punctuation
//! character) at a time while the table still knows it as a prefix, so a word that
//! opens no name costs one lookup. This finds exactly the matches an aho-corasick
//! automaton over the same forms would report on word boundaries, at a fraction of
//! its build time (start-up) and scan time.
//!
//! Rules:
//! - aliases match case-sensitively (so "US" is the country and "us" is not);
//! - a match must sit on word boundaries: no letter or digit right before or after it
//!   (a hyphen or an apostrophe is a boundary, so `Trump's`, `U.S.-led` and
//!   `anti-Russian` match, `Oman` in `woman` does not);
//! - among overlapping matches the leftmost wins, then the longest;
//! - an alias flagged ambiguous (Chad, Jordan, Georgia) is dropped when a capitalized
//!   word stands right before or after it, where it is likely part of a longer name;
//! - when two entries claim the same surface form, the one loaded later wins (see
//!   [`crate::lexicon`]).

use rustc_hash::FxHashMap as HashMap;

use crate::entities::{is_capitalized, NOT_NAME};
use crate::lexicon::{LexStr, Lexicon};
use crate::span::Span;
use crate::tokenize::possessive_at;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

/// How a gazetteer surface form relates to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name or alias ("Vladimir Putin", "U.S.").
    Name,
    /// A demonym ("Russian", "North Koreans").
    Demonym,
}

/// One gazetteer hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerMatch {
    /// The matched surface form (without any possessive).
    pub span: Span,
    /// Index of the entry in the lexicon.
    pub entry: usize,
    /// Whether a name or a demonym matched.
    pub form: Form,
    /// True when a possessive `'s` / `’s` follows.
    pub possessive: bool,
}

#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    form: Form,
    ambiguous: bool,
    check_left: bool,
    check_right: bool,
}

/// A key of the form table: a whole surface form, a proper prefix of one, or both.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The surface form's id (its first position in lexicon order), or
    /// [`NO_PATTERN`] for a key that is only a prefix.
    id: u32,
    /// What the surface form matches (meaningful when `id` is set).
    pattern: Pattern,
    /// True when some longer surface form starts with this key.
    prefix: bool,
}

const NO_PATTERN: u32 = u32::MAX;

/// Keys live in one of two tables by the parity of their first byte (every prefix of
/// a form shares it), so the two halves are built on two threads (start-up). A key
/// borrows the bundled lexicon's embedded text where its surface form does (no
/// allocation per key at start-up).
type Shard = HashMap<LexStr, Node>;

/// The compiled gazetteer: immutable, shared by every thread.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// Surface forms and their word-boundary prefixes, by first-byte parity.
    shards: [Shard; 2],
    /// Number of distinct surface forms.
    surfaces: usize,
    /// First characters of the forms that start with a non-alphanumeric character
    /// ("'Ndrangheta"): the scan also starts there.
    odd_starts: Vec<char>,
    /// The ASCII ones among `odd_starts`, as a table.
    odd_ascii: [bool; 128],
    /// For each ASCII first byte, a bit per length (capped at 31) of the first word
    /// of some form: most lower-case words open no form and skip the lookup.
    first_word: [u32; 128],
}

/// Builds the shard of the surfaces whose first byte has parity `parity`. A surface
/// claimed again by a later entry goes to the later one (its id stays the first).
fn build_shard(surfaces: &[(&LexStr, Pattern)], parity: u8) -> Shard {
    let mut forms = Shard::default();
    forms.reserve(surfaces.len());
    for (k, &(surface, pattern)) in surfaces.iter().enumerate() {
        if surface.as_bytes()[0] & 1 != parity {
            continue;
        }
        let mut p = 0;
        while let Some(next) = next_stop(surface, p) {
            let key = &surface[..next];
            let whole = next == surface.len();
            p = next;
            let fresh = Node {
                id: if whole { k as u32 } else { NO_PATTERN },
                pattern,
                prefix: !whole,
            };
            let node = match surface {
                // A borrowed key costs nothing to make: one hashing and one probe.
                Cow::Borrowed(s) => match forms.entry(Cow::Borrowed(&s[..next])) {
                    Entry::Occupied(o) => o.into_mut(),
                    Entry::Vacant(v) => {
                        v.insert(fresh);
                        continue;
                    }
                },
                // An owned key is only copied when new.
                Cow::Owned(_) => match forms.get_mut(key) {
                    Some(node) => node,
                    None => {
                        forms.insert(Cow::Owned(key.to_string()), fresh);
                        continue;
                    }
                },
            };
            if whole {
                if node.id == NO_PATTERN {
                    node.id = k as u32;
                }
                node.pattern = pattern;
            } else {
                node.prefix = true;
            }
        }
    }
    forms
}

impl Gazetteer {
    /// Compiles the aliases and demonyms of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Gazetteer {
        // Every surface form with its pattern, in lexicon order. A name an entry
        // lists twice (most list their canonical name among the aliases) is filed
        // once: the second filing would set the same pattern on the same keys.
        let mut surfaces: Vec<(&LexStr, Pattern)> = Vec::new();
        for (i, entry) in lexicon.entries().iter().enumerate() {
            let names = std::iter::once(&entry.canonical)
                .chain(&entry.aliases)
                .map(|s| (s, Form::Name));
            let demonyms = entry.demonyms.iter().map(|s| (s, Form::Demonym));
            let filed = surfaces.len();
            for (lex_surface, form) in names.chain(demonyms) {
                let surface: &str = lex_surface;
                if !surface.chars().any(char::is_alphanumeric) {
                    continue;
                }
                if surfaces[filed..]
                    .iter()
                    .any(|(s, p)| p.form == form && **s == *surface)
                {
                    continue;
                }
                let first = surface.chars().next().unwrap_or(' ');
                let last = surface.chars().next_back().unwrap_or(' ');
                let p = Pattern {
                    entry: i as u32,
                    form,
                    ambiguous: entry.is_ambiguous(surface),
                    check_left: first.is_alphanumeric(),
                    check_right: last.is_alphanumeric(),
                };
                surfaces.push((lex_surface, p));
            }
        }
        let mut odd_starts = Vec::new();
        let mut first_word = [0u32; 128];
        for &(surface, _) in &surfaces {
            let b = surface.as_bytes()[0];
            if b < 0x80 {
                first_word[b as usize] |= length_bit(next_stop(surface, 0).unwrap_or(1));
            }
            let first = surface.chars().next().unwrap_or(' ');
            if !first.is_alphanumeric() && !odd_starts.contains(&first) {
                odd_starts.push(first);
            }
        }
        let (even, odd) = rayon::join(|| build_shard(&surfaces, 0), || build_shard(&surfaces, 1));
        let shards = [even, odd];
        let surfaces = shards
            .iter()
            .flat_map(|s| s.values())
            .filter(|n| n.id != NO_PATTERN)
            .count();
        Gazetteer {
            shards,
            surfaces,
            odd_ascii: std::array::from_fn(|b| odd_starts.contains(&(b as u8 as char))),
            odd_starts,
            first_word,
        }
    }

    /// Number of distinct surface forms.
    pub fn pattern_count(&self) -> usize {
        self.surfaces
    }

    /// Finds all matches in `text`, non-overlapping and sorted by start.
    pub fn find(&self, text: &str) -> Vec<GazetteerMatch> {
        let mut out = Vec::new();
        self.find_into(text, &mut out);
        out
    }

    /// Like [`Gazetteer::find`], appending to a caller's buffer.
    pub fn find_into(&self, text: &str, out: &mut Vec<GazetteerMatch>) {
        self.find_all(text, out, None);
    }

    /// Like [`Gazetteer::find`], also returning the matches that lie wholly inside a
    /// longer one and so lost to it (`U.S.` in `U.S. Department of Agriculture`), sorted
    /// by start: the entity stage keeps some as nested mentions.
    pub fn find_nested(&self, text: &str) -> (Vec<GazetteerMatch>, Vec<GazetteerMatch>) {
        let (mut out, mut inner) = (Vec::new(), Vec::new());
        self.find_all(text, &mut out, Some(&mut inner));
        (out, inner)
    }

    fn find_all(
        &self,
        text: &str,
        out: &mut Vec<GazetteerMatch>,
        mut inner: Option<&mut Vec<GazetteerMatch>>,
    ) {
        if self.surfaces == 0 {
            return;
        }
        let first = out.len();
        let mut pending: Vec<(usize, GazetteerMatch)> = Vec::new();
        let mut supported: Vec<usize> = Vec::new();
        self.scan(text, 0, false, out, &mut pending, &mut supported);
        // Lines in capitals (headlines, datelines: "LONDON 1996-08-30") are matched a
        // second time in title case, so "LONDON" and "NEW YORK" find London and New
        // York. ASCII only: the copy keeps every offset.
        let mut start = 0;
        let mut title = String::new();
        while start < text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let line = &text[start..end];
            if is_caps_line(line) {
                title.clear();
                title_case_into(line, &mut title);
                self.scan(&title, start, true, out, &mut pending, &mut supported);
            }
            start = end + 1;
        }
        // One sense per discourse: an ambiguous name opening a sentence counts only
        // when the document also uses it where capitals say it is a name.
        for (pattern, m) in pending {
            if supported.contains(&pattern) {
                out.push(m);
            }
        }
        // Leftmost, then longest, non-overlapping.
        let found = &mut out[first..];
        // Stable: the same span found twice (a capitals line) keeps scan order.
        found.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut keep = first;
        let mut last_end = 0usize;
        for i in first..out.len() {
            let m = out[i];
            if keep > first && m.span.start < last_end {
                if let Some(inner) = inner.as_deref_mut() {
                    let outer = out[keep - 1].span;
                    if m.span.end <= last_end && m.span != outer {
                        inner.push(m);
                    }
                }
                continue;
            }
            last_end = m.span.end;
            out[keep] = m;
            keep += 1;
        }
        out.truncate(keep);
    }
}

impl Gazetteer {
    /// Matches `hay` (the text, or with `caps_copy` a title-cased copy of one of its
    /// lines starting at byte `offset`), appending checked candidates.
    #[allow(clippy::too_many_arguments)]
    fn scan(
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
        while i < bytes.len() {
            let b = bytes[i];
            if ASCII_ALNUM[b as usize] {
                // A word start (the previous character, if any, ended a run).
                let first = run_end(hay, i);
                if self.first_word[b as usize] & length_bit(first - i) != 0 {
                    self.walk(hay, i, first, offset, caps_copy, out, pending, supported);
                }
                i = first;
                continue;
            }
            if b < 0x80 {
                if self.odd_ascii[b as usize] {
                    self.walk(hay, i, i + 1, offset, caps_copy, out, pending, supported);
                }
                i += 1;
                continue;
            }
            let (c, len) = char_at(hay, i);
            if c.is_alphanumeric() {
                let first = run_end(hay, i);
                self.walk(hay, i, first, offset, caps_copy, out, pending, supported);
                i = first;
                continue;
            }
            if !self.odd_starts.is_empty() && self.odd_starts.contains(&c) {
                let first = i + len;
                self.walk(hay, i, first, offset, caps_copy, out, pending, supported);
            }
            i += len;
        }
    }

    /// Looks up the forms that start at `start`, one word-boundary stop at a time
    /// from `first`, while the table knows the text so far as a prefix.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        hay: &str,
        start: usize,
        first: usize,
        offset: usize,
        caps_copy: bool,
        out: &mut Vec<GazetteerMatch>,
        pending: &mut Vec<(usize, GazetteerMatch)>,
        supported: &mut Vec<usize>,
    ) {
        let shard = &self.shards[usize::from(hay.as_bytes()[start] & 1)];
        let mut end = first;
        loop {
            let Some(node) = shard.get(&hay[start..end]) else {
                return;
            };
            if node.id != NO_PATTERN {
                self.check(
                    hay,
                    node.id as usize,
                    node.pattern,
                    Span::new(start, end),
                    offset,
                    caps_copy,
                    out,
                    pending,
                    supported,
                );
            }
            if !node.prefix {
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
        if p.check_left && prev_char(hay, span.start).is_some_and(is_word_char) {
            return;
        }
        if p.check_right && next_char(hay, span.end).is_some_and(is_word_char) {
            return;
        }
        let found = GazetteerMatch {
            span: Span::new(span.start + offset, span.end + offset),
            entry: p.entry as usize,
            form: p.form,
            possessive: possessive_at(hay, span.end).is_some(),
        };
        if p.ambiguous {
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
fn char_at(s: &str, i: usize) -> (char, usize) {
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
fn next_stop(s: &str, from: usize) -> Option<usize> {
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
static ASCII_ALNUM: [bool; 256] = {
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
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The end of the run of letters and digits that starts at byte `from`.
#[inline]
fn run_end(s: &str, from: usize) -> usize {
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
fn title_case_into(line: &str, out: &mut String) {
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
fn is_word_char(c: char) -> bool {
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
fn sentence_initial(text: &str, pos: usize) -> bool {
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
fn next_to_capitalized(text: &str, span: Span) -> bool {
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
fn is_sentence_opener(word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let mut l = Lexicon::new();
        l.add_tsv(
            "t",
            "id\ttype\tcanonical\taliases\tdemonyms\tflags\n\
             country:USA\tcountry\tUnited States\tU.S.|US|USA|America\tAmerican|Americans\t\n\
             country:RUS\tcountry\tRussia\tRussian Federation\tRussian|Russians\t\n\
             country:PRK\tcountry\tNorth Korea\tDPRK\tNorth Korean|North Koreans\t\n\
             country:KOR\tcountry\tSouth Korea\t\tSouth Korean\t\n\
             country:OMN\tcountry\tOman\t\tOmani\t\n\
             country:TCD\tcountry\tChad\t\tChadian\tambiguous\n\
             person:trump\tperson\tDonald Trump\tDonald J. Trump\t\t\n\
             org:nyt\torganization\tThe New York Times\tNew York Times\t\t\n\
             loc:nyc\tlocation\tNew York\t\t\t\n",
        )
        .unwrap();
        l
    }

    fn hits(text: &str) -> Vec<(&str, String)> {
        let l = lex();
        let g = Gazetteer::new(&l);
        g.find(text)
            .iter()
            .map(|m| (m.span.slice(text), l.entries()[m.entry].id.to_string()))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "the U.S. and Russia",
                &[("U.S.", "country:USA"), ("Russia", "country:RUS")],
            ),
            ("let us go, US troops", &[("US", "country:USA")]),
            ("a woman from Oman", &[("Oman", "country:OMN")]),
            (
                "Russian and North Korean leaders",
                &[("Russian", "country:RUS"), ("North Korean", "country:PRK")],
            ),
            ("Donald Trump's plan", &[("Donald Trump", "person:trump")]),
            (
                "Donald J. Trump’s plan",
                &[("Donald J. Trump", "person:trump")],
            ),
            (
                "U.S.-led, anti-Russian",
                &[("U.S.", "country:USA"), ("Russian", "country:RUS")],
            ),
            ("USAF jets", &[]),
            ("Russians", &[("Russians", "country:RUS")]),
            ("the New York Times said", &[("New York Times", "org:nyt")]),
            ("in New York today", &[("New York", "loc:nyc")]),
            ("troops in Chad fled", &[("Chad", "country:TCD")]),
            ("Chad Smith said", &[]),
            ("said Chad.", &[("Chad", "country:TCD")]),
            (
                "NEW YORK 1996-08-22\nIn New York today",
                &[("NEW YORK", "loc:nyc"), ("New York", "loc:nyc")],
            ),
            (
                "US TROOPS LEAVE RUSSIA",
                &[("US", "country:USA"), ("RUSSIA", "country:RUS")],
            ),
            ("TROOPS IN CHAD", &[]),
            ("Chad is tired. He left.", &[]),
            (
                "Chad is tired. Troops left Chad.",
                &[("Chad", "country:TCD"), ("Chad", "country:TCD")],
            ),
            ("troops in Chad Tuesday", &[("Chad", "country:TCD")]),
        ];
        for (text, want) in cases {
            let got = hits(text);
            let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (*a, b.as_str())).collect();
            assert_eq!(&got, want, "matching {text:?}");
        }
    }

    #[test]
    fn possessive_flag() {
        let l = lex();
        let g = Gazetteer::new(&l);
        let m = g.find("Russia’s army");
        assert!(m[0].possessive);
        let m = g.find("Russia army");
        assert!(!m[0].possessive);
    }

    #[test]
    fn city_names_with_particles_and_apostrophes() {
        let mut l = lex();
        l.add_tsv(
            "cities",
            "id\ttype\tsubtype\tcanonical\tflags\n\
             loc:rio\tlocation\tcity\tRio de Janeiro\t\n\
             loc:fallon\tlocation\tcity\tO'Fallon\t\n\
             loc:houston\tlocation\tcity\tHouston\tambiguous\n\
             loc:york\tlocation\tcity\tYork\t\n",
        )
        .unwrap();
        let g = Gazetteer::new(&l);
        let ids = |text: &str| -> Vec<(String, String)> {
            g.find(text)
                .iter()
                .map(|m| {
                    (
                        m.span.slice(text).to_string(),
                        l.entries()[m.entry].id.to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(
            ids("Flights from Rio de Janeiro and O'Fallon's mayor"),
            vec![
                ("Rio de Janeiro".to_string(), "loc:rio".to_string()),
                ("O'Fallon".to_string(), "loc:fallon".to_string())
            ]
        );
        // Word boundaries: no match inside a longer word.
        assert!(ids("Yorkshire and Houstonians").is_empty());
        // Ambiguous: not next to another capitalized word, nor in a capitals line.
        assert_eq!(ids("He flew to Houston on Monday.").len(), 1);
        assert!(ids("Whitney Houston sang.").is_empty());
        // A capitals line is matched in title case (non-ambiguous names only).
        assert_eq!(ids("YORK 1996-08-22").len(), 1);
        assert!(ids("HOUSTON 1996-08-22").is_empty());
    }

    #[test]
    fn later_entry_wins_alias() {
        let mut l = lex();
        l.add_tsv(
            "user",
            "id\ttype\tcanonical\taliases\nuser:us\torganization\tUnited Steelworkers\tUS\n",
        )
        .unwrap();
        let g = Gazetteer::new(&l);
        let m = g.find("US workers");
        assert_eq!(l.entries()[m[0].entry].id, "user:us");
    }

    #[test]
    fn odd_forms() {
        let mut l = Lexicon::new();
        l.add_tsv(
            "t",
            "id\ttype\tcanonical\taliases\n\
             loc:adan\tlocation\t‘Adan\t'Adan\n\
             org:gov\torganization\t.gov Administration\t\n\
             org:fed\torganization\tFederal Reserve\tthe Fed\n\
             loc:zur\tlocation\tZürich\tZürich-Stadt\n",
        )
        .unwrap();
        let g = Gazetteer::new(&l);
        let found = |text: &str| -> Vec<String> {
            g.find(text)
                .iter()
                .map(|m| m.span.slice(text).to_string())
                .collect()
        };
        assert_eq!(found("in ‘Adan and 'Adan"), ["‘Adan", "'Adan"]);
        assert_eq!(found("the .gov Administration"), [".gov Administration"]);
        assert_eq!(found("as the Fed said, the Federal"), ["the Fed"]);
        assert_eq!(
            found("Zürich-Stadt, Zürich, Zürichs"),
            ["Zürich-Stadt", "Zürich"]
        );
        assert_eq!(found("theFed Zürich"), ["Zürich"]);
    }

    #[test]
    fn empty_lexicon() {
        let l = Lexicon::new();
        assert!(Gazetteer::new(&l).find("anything").is_empty());
    }
}
