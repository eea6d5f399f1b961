//! Gazetteer matching: every alias and demonym of every lexicon entry, found with one
//! aho-corasick automaton.
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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rayon::prelude::*;

use crate::entities::{is_capitalized, NOT_NAME};
use crate::lexicon::{EntityType, Lexicon};
use crate::span::Span;
use crate::tokenize::possessive_at;

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

/// From this many surface forms on, the gazetteer is two automata built in parallel.
const SPLIT_AT: usize = 20_000;

/// The compiled gazetteer: immutable, shared by every thread.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// The automata and the index of their first pattern. Large lexicons are split
    /// in two automata built in parallel (start-up time); each text is scanned by all.
    automata: Vec<(AhoCorasick, usize)>,
    /// Surface forms looked up word by word instead of by the automata (city names:
    /// many, all simple capitalized words, and a hash map is far cheaper to build than
    /// automaton states) -> pattern index.
    lookup: HashMap<Box<str>, u32>,
    patterns: Vec<Pattern>,
}

/// The most words a [`Gazetteer`] lookup form has.
const LOOKUP_MAX_WORDS: usize = 4;

/// True when `surface` can be found by the word-by-word lookup: it starts with an
/// upper-case letter, and is letters and digits in at most [`LOOKUP_MAX_WORDS`] words
/// joined by single spaces, hyphens or apostrophes ("Rio de Janeiro", "O'Fallon").
fn lookup_form(surface: &str) -> bool {
    if !is_capitalized(surface) {
        return false;
    }
    let mut words = 1;
    let mut prev_sep = true;
    for c in surface.chars() {
        if c.is_alphanumeric() {
            prev_sep = false;
        } else if matches!(c, ' ' | '-' | '\'' | '’') && !prev_sep {
            prev_sep = true;
            words += 1;
        } else {
            return false;
        }
    }
    !prev_sep && words <= LOOKUP_MAX_WORDS
}

impl Gazetteer {
    /// Compiles the aliases and demonyms of `lexicon`.
    pub fn new(lexicon: &Lexicon) -> Gazetteer {
        // Surface form -> pattern; later entries overwrite earlier ones.
        let mut by_surface: HashMap<&str, Pattern> = HashMap::default();
        let mut order: Vec<&str> = Vec::new();
        for (i, entry) in lexicon.entries().iter().enumerate() {
            let names = std::iter::once(&entry.canonical)
                .chain(&entry.aliases)
                .map(|s| (s, Form::Name));
            let demonyms = entry.demonyms.iter().map(|s| (s, Form::Demonym));
            for (surface, form) in names.chain(demonyms) {
                let surface = surface.as_str();
                if !surface.chars().any(char::is_alphanumeric) {
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
                if by_surface.insert(surface, p).is_none() {
                    order.push(surface);
                }
            }
        }
        // City names go to the lookup table, everything else to the automata.
        let entries = lexicon.entries();
        let (lookup_forms, order): (Vec<&str>, Vec<&str>) = order.into_iter().partition(|s| {
            let e = &entries[by_surface[s].entry as usize];
            e.entity_type == EntityType::Location && e.subtype == "city" && lookup_form(s)
        });
        let patterns: Vec<Pattern> = order
            .iter()
            .chain(&lookup_forms)
            .map(|s| by_surface[s])
            .collect();
        let lookup = lookup_forms
            .iter()
            .enumerate()
            .map(|(k, s)| (Box::from(*s), (order.len() + k) as u32))
            .collect();
        // Two halves built on two threads: the build dominates start-up.
        let parts = if order.len() >= SPLIT_AT { 2 } else { 1 };
        let chunk = order.len().div_ceil(parts).max(1);
        let automata = order
            .par_chunks(chunk)
            .enumerate()
            .map(|(k, pats)| {
                let ac = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(pats)
                    .expect("gazetteer patterns compile");
                (ac, k * chunk)
            })
            .collect();
        Gazetteer {
            automata,
            lookup,
            patterns,
        }
    }

    /// Number of distinct surface forms.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Finds all matches in `text`, non-overlapping and sorted by start.
    pub fn find(&self, text: &str) -> Vec<GazetteerMatch> {
        let mut out = Vec::new();
        self.find_into(text, &mut out);
        out
    }

    /// Like [`Gazetteer::find`], appending to a caller's buffer.
    pub fn find_into(&self, text: &str, out: &mut Vec<GazetteerMatch>) {
        if self.patterns.is_empty() {
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
        found.sort_unstable_by(|a, b| {
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
        let mut check = |pattern: usize, span: Span| {
            let p = self.patterns[pattern];
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
                    pending.push((pattern, found));
                    return;
                }
                supported.push(pattern);
            }
            out.push(found);
        };
        for (ac, base) in &self.automata {
            for m in ac.find_overlapping_iter(hay) {
                check(base + m.pattern().as_usize(), Span::new(m.start(), m.end()));
            }
        }
        if !self.lookup.is_empty() {
            self.lookup_words(hay, check);
        }
    }

    /// Looks up, at every capitalized word of `hay`, the longest run of up to
    /// [`LOOKUP_MAX_WORDS`] words joined by a space, hyphen or apostrophe that is a
    /// lookup form, and reports it.
    fn lookup_words(&self, hay: &str, mut report: impl FnMut(usize, Span)) {
        let bytes = hay.as_bytes();
        let mut i = 0;
        let mut prev_word = false;
        while i < bytes.len() {
            let Some(c) = next_char(hay, i) else { break };
            if !c.is_alphanumeric() {
                prev_word = false;
                i += c.len_utf8();
                continue;
            }
            if prev_word || !c.is_uppercase() {
                prev_word = true;
                i += c.len_utf8();
                continue;
            }
            // Word ends of the run starting here.
            let mut ends = [0usize; LOOKUP_MAX_WORDS];
            let mut n = 0;
            let mut j = i;
            loop {
                while let Some(ch) = next_char(hay, j).filter(|ch| ch.is_alphanumeric()) {
                    j += ch.len_utf8();
                }
                ends[n] = j;
                n += 1;
                if n == LOOKUP_MAX_WORDS {
                    break;
                }
                match next_char(hay, j) {
                    Some(sep @ (' ' | '-' | '\'' | '’'))
                        if next_char(hay, j + sep.len_utf8())
                            .is_some_and(char::is_alphanumeric) =>
                    {
                        j += sep.len_utf8();
                    }
                    _ => break,
                }
            }
            for &end in ends[..n].iter().rev() {
                if let Some(&pattern) = self.lookup.get(&hay[i..end]) {
                    report(pattern as usize, Span::new(i, end));
                    break;
                }
            }
            i = ends[0];
            prev_word = true;
        }
    }
}

/// True for an ASCII line written in capitals: at least four capital letters and
/// no lower-case ones.
fn is_caps_line(line: &str) -> bool {
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
            .map(|m| (m.span.slice(text), l.entries()[m.entry].id.clone()))
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
    fn city_names_are_looked_up_word_by_word() {
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
        assert!(g.lookup.len() >= 4, "city forms go to the lookup table");
        let ids = |text: &str| -> Vec<(String, String)> {
            g.find(text)
                .iter()
                .map(|m| {
                    (
                        m.span.slice(text).to_string(),
                        l.entries()[m.entry].id.clone(),
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
    fn empty_lexicon() {
        let l = Lexicon::new();
        assert!(Gazetteer::new(&l).find("anything").is_empty());
    }
}
