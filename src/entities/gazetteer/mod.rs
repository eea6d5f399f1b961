//! Gazetteer matching: every alias and demonym of every lexicon entry, found by
//! hashed lookups of the text's word sequences.
//!
//! Each surface form is stored in one hash table together with every prefix of it
//! that ends on a word boundary ("New", "New ", "New York" for "New York Times"). The
//! scan starts at each word start and extends the candidate one word (or one
//! punctuation character) at a time while the table still knows it as a prefix, so a
//! word that opens no name costs at most one lookup. This finds exactly the matches an
//! aho-corasick automaton over the same forms would report on word boundaries, at a
//! fraction of its build time (start-up) and scan time.
//!
//! The table (`Forms`) is laid out for the cache, as its lookups (about 300 per
//! document, into some 190,000 keys and 16 MB) nearly all miss it: a lookup's time is
//! the memory reads it waits for, not its instructions. A `HashMap<&str, _>` reads
//! three unrelated places per hit (the control bytes, the bucket, and the key's text
//! to compare); here a key's first 16 bytes sit in its 32-byte slot beside what the
//! scan needs, so most lookups read one slot and nothing else, and a longer key reads
//! one more line for its remaining bytes. Fewer lookups, each exact:
//! - a word is looked up only when some form opens with its first byte and a first
//!   word of its length (`first_word`) and with its first two bytes
//!   (`first_two`, 4 KB);
//! - a key ending in a character that ends no form (a space) is never looked up: it
//!   could only be a prefix, and the next key says as much (the table holds a key
//!   only with all its shorter ones);
//! - a prefix key's slot has a 16-bit mask of the two bytes that follow it in the
//!   longer forms (`Slot::follow`), so "Trump said" stops after "Trump" without
//!   looking up "Trump said".
//!
//! And the misses that remain wait less: the scan finds the word starts a batch of
//! 32 ahead of their walks and prefetches the slot of each one's first key, so their
//! memory reads overlap; and on Linux the slots are asked for in huge pages
//! (`madvise`): in 4 KB pages its 16 MB span 4,096 pages, more than the TLB maps.
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

use crate::lexicon::closed::NOT_NAME;
use crate::lexicon::Lexicon;
use crate::text::tokenize::possessive_at;
use crate::text::words::is_capitalized;
use crate::types::Span;
use crate::util::strmap::MUL;

mod scan;
mod snapshot;

pub(crate) use scan::{is_caps_line, next_char};
use scan::{length_bit, next_stop, title_case_into, ASCII_ALNUM};

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

/// What a surface form matches: its entry and the [`Slot::flags`] bits
/// [`DEMONYM`], [`AMBIGUOUS`], [`CHECK_LEFT`] and [`CHECK_RIGHT`].
#[derive(Clone, Copy, Debug)]
struct Pattern {
    entry: u32,
    flags: u8,
}

/// [`Slot::flags`]: a surface form ends here (the slot's pattern is set).
const WHOLE: u8 = 1;
/// [`Slot::flags`]: some longer surface form starts with this key.
const PREFIX: u8 = 2;
/// [`Slot::flags`]: the form is a demonym (else a name).
const DEMONYM: u8 = 4;
/// [`Slot::flags`]: the form is ambiguous (see the module doc).
const AMBIGUOUS: u8 = 8;
/// [`Slot::flags`]: the form starts with a letter or digit (so must not follow one).
const CHECK_LEFT: u8 = 16;
/// [`Slot::flags`]: the form ends with a letter or digit (so must not precede one).
const CHECK_RIGHT: u8 = 32;
/// The [`Slot::flags`] bits that belong to a [`Pattern`].
const PATTERN_BITS: u8 = DEMONYM | AMBIGUOUS | CHECK_LEFT | CHECK_RIGHT;

/// One key of a [`Forms`] table: a whole surface form, a proper prefix of one, or
/// both. 32 bytes, so two slots share a cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Slot {
    /// The key's first 16 bytes, zero-padded (see [`head_of`]).
    head: u128,
    /// The entry of the surface form (meaningful with [`WHOLE`]).
    entry: u32,
    /// For a key longer than 16 bytes, where its bytes past the 16th start in
    /// [`Forms::tails`].
    tail: u32,
    /// The key's length in bytes; 0 marks an empty slot.
    len: u32,
    /// For a prefix key, a bit (see [`pair_bit`]) for the two bytes that follow it
    /// in each longer form: when the text's two bytes after the key have none, no
    /// longer form can match there and the walk stops without a lookup.
    follow: u16,
    /// [`WHOLE`], [`PREFIX`] and the pattern bits.
    flags: u8,
}

/// An open-addressing hash table (linear probing, at most half full) from keys to
/// [`Slot`]s. A key's first 16 bytes sit in its slot, so a lookup of a key of up to
/// 16 bytes (seven in ten keys, and nearly all the lookups) reads one slot and
/// nothing else; a longer key's remaining bytes are compared in `tails`, where the
/// keys of one surface form share its one copy (so the lookups of a walk along a
/// long name read the same line again).
#[derive(Clone, Debug)]
struct Forms {
    slots: Vec<Slot>,
    /// The bytes past the 16th of the long surface forms, each stored once.
    tails: Vec<u8>,
    /// Keys in the table.
    len: usize,
    /// 64 minus log2 of the slot count: the slot of a hash is `hash >> shift`.
    shift: u32,
}

/// `n` empty slots, in huge pages where the system gives them on request.
fn empty_slots(n: usize) -> Vec<Slot> {
    crate::util::strmap::vec_in_huge_pages(n, Slot::default())
}

/// The first 16 bytes of `bytes[start..end]` (a non-empty range) as an integer,
/// zero-padded.
#[inline]
fn head_of(bytes: &[u8], start: usize, end: usize) -> u128 {
    crate::util::swar::load16(bytes, start, (end - start).min(16))
}

/// The [`hash_key`] of a whole key.
#[inline]
fn hash_of(key: &[u8]) -> u64 {
    hash_key(head_of(key, 0, key.len()), key)
}

/// The hash of `key`, whose [`head_of`] is `head`.
#[inline]
fn hash_key(head: u128, key: &[u8]) -> u64 {
    let mut h = ((head as u64) ^ ((head >> 64) as u64).rotate_left(29) ^ key.len() as u64)
        .wrapping_mul(MUL);
    if key.len() > 16 {
        for chunk in key[16..].chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            h = (h.rotate_left(26) ^ u64::from_le_bytes(b)).wrapping_mul(MUL);
        }
    }
    h
}

impl Forms {
    /// An empty table with room for `n` keys.
    fn with_capacity(n: usize) -> Forms {
        let cap = (n * 2).next_power_of_two().max(16);
        Forms {
            slots: empty_slots(cap),
            tails: Vec::new(),
            len: 0,
            shift: 64 - cap.trailing_zeros(),
        }
    }

    /// The slot index of `key` (non-empty, with [`head_of`] `head` and [`hash_key`]
    /// `h`), or the empty
    /// slot where it would go, as `Err`.
    #[inline]
    fn probe(&self, h: u64, head: u128, key: &[u8]) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return Err(i);
            }
            if s.head == head
                && s.len as usize == key.len()
                && (key.len() <= 16 || self.tail(s) == &key[16..])
            {
                return Ok(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The bytes past the 16th of a long key's slot.
    #[inline]
    fn tail(&self, s: &Slot) -> &[u8] {
        let at = s.tail as usize;
        &self.tails[at..at + s.len as usize - 16]
    }

    /// Asks the processor to bring the slot where a lookup of a key of hash `h`
    /// starts into its caches (a hint that changes nothing else), for a
    /// [`Forms::get`] soon after.
    #[inline]
    fn prefetch(&self, h: u64) {
        let at = (h >> self.shift) as usize;
        crate::util::strmap::prefetch_line(self.slots.as_ptr().wrapping_add(at));
    }

    /// The slot of `key` (with [`head_of`] `head` and [`hash_key`] `h`), if the
    /// table has it.
    #[inline]
    fn get(&self, h: u64, head: u128, key: &[u8]) -> Option<(usize, &Slot)> {
        let i = self.probe(h, head, key).ok()?;
        Some((i, &self.slots[i]))
    }

    /// The slot of `key` (of [`hash_key`] `h`), added (empty of flags) if new; `tail`
    /// is where the key's bytes past the 16th are in `tails`, called only for a new
    /// long key.
    fn entry(&mut self, key: &[u8], h: u64, tail: impl FnOnce(&mut Vec<u8>) -> u32) -> &mut Slot {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let head = head_of(key, 0, key.len());
        let i = match self.probe(h, head, key) {
            Ok(i) => i,
            Err(i) => {
                self.slots[i] = Slot {
                    head,
                    entry: 0,
                    tail: if key.len() > 16 {
                        tail(&mut self.tails)
                    } else {
                        0
                    },
                    len: u32::try_from(key.len()).expect("a surface form under 4 GB"),
                    follow: 0,
                    flags: 0,
                };
                self.len += 1;
                i
            }
        };
        &mut self.slots[i]
    }

    /// Doubles the slot count.
    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, empty_slots(cap));
        self.shift = 64 - cap.trailing_zeros();
        let mask = cap - 1;
        for s in old.into_iter().filter(|s| s.len != 0) {
            let mut key = s.head.to_le_bytes()[..(s.len as usize).min(16)].to_vec();
            if s.len > 16 {
                key.extend_from_slice(self.tail(&s));
            }
            let mut i = (hash_key(s.head, &key) >> self.shift) as usize;
            while self.slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

/// The bit of [`Slot::follow`] for the byte `b` followed by `then` (`None`: the
/// form ends after `b`).
#[inline]
fn pair_bit(b: u8, then: Option<u8>) -> u16 {
    let pair = u32::from(b) << 9 | then.map_or(256, u32::from);
    1 << (pair.wrapping_mul(0x9E37_79B1) >> 28)
}

/// The compiled gazetteer: immutable, shared by every thread.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// Surface forms and their word-boundary prefixes, in two tables by the parity
    /// of their first byte (every prefix of a form shares it), so the two build on
    /// two threads (start-up).
    shards: [Forms; 2],
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
    /// A bit per pair of first two bytes (the first one ASCII) of the forms of two
    /// bytes or more: most words that pass `first_word` and open no form fail here,
    /// before the lookup's cache miss.
    first_two: Box<[u64]>,
    /// ASCII bytes that are a whole form on their own.
    lone: [bool; 128],
    /// ASCII characters other than letters and digits that end some form: a key
    /// ending in any other one (a space) is never a whole form, and the walk goes on
    /// to the next stop without looking it up (the table has a key only with all its
    /// shorter keys, so a missing key is still found missing one stop later).
    ends_ascii: [bool; 128],
}

/// What the scan's quick tests need to know of the forms' first and last bytes
/// ([`Gazetteer`]'s fields of the same names), gathered per shard and merged.
struct StartFacts {
    first_word: [u32; 128],
    first_two: Box<[u64]>,
    lone: [bool; 128],
    ends_ascii: [bool; 128],
    odd_starts: Vec<char>,
}

impl StartFacts {
    fn new() -> StartFacts {
        StartFacts {
            first_word: [0; 128],
            first_two: vec![0u64; 128 * 256 / 64].into_boxed_slice(),
            lone: [false; 128],
            ends_ascii: [false; 128],
            odd_starts: Vec::new(),
        }
    }

    fn add(&mut self, surface: &str) {
        let bytes = surface.as_bytes();
        let b = bytes[0];
        if b < 0x80 {
            self.first_word[b as usize] |= length_bit(next_stop(surface, 0).unwrap_or(1));
            match bytes.get(1) {
                Some(&b1) => {
                    let pair = usize::from(b) << 8 | usize::from(b1);
                    self.first_two[pair / 64] |= 1 << (pair % 64);
                }
                None => self.lone[b as usize] = true,
            }
        }
        let z = bytes[bytes.len() - 1];
        if z < 0x80 && !ASCII_ALNUM[z as usize] {
            self.ends_ascii[z as usize] = true;
        }
        let first = surface.chars().next().unwrap_or(' ');
        if !first.is_alphanumeric() && !self.odd_starts.contains(&first) {
            self.odd_starts.push(first);
        }
    }

    fn merge(mut self, other: StartFacts) -> StartFacts {
        for (a, b) in self.first_word.iter_mut().zip(other.first_word) {
            *a |= b;
        }
        for (a, b) in self.first_two.iter_mut().zip(other.first_two.iter()) {
            *a |= b;
        }
        for (a, b) in self.lone.iter_mut().zip(other.lone) {
            *a |= b;
        }
        for (a, b) in self.ends_ascii.iter_mut().zip(other.ends_ascii) {
            *a |= b;
        }
        for c in other.odd_starts {
            if !self.odd_starts.contains(&c) {
                self.odd_starts.push(c);
            }
        }
        self
    }
}

/// Builds the table of the surfaces whose first byte has parity `parity` (a surface
/// claimed again by a later entry goes to the later one); returns it with its
/// surfaces' [`StartFacts`] and how many distinct surface forms it holds.
fn build_shard(surfaces: &[(&str, Pattern)], parity: u8) -> (Forms, StartFacts, usize) {
    let mut facts = StartFacts::new();
    let mut whole = 0;
    // Every key this shard files, as (hash, surface, end), in lexicon order: hashed
    // first, so that each key's slot can be asked for ahead of its filing (the table
    // spans megabytes written at random: waiting on each slot in turn was most of
    // the build).
    let mut keys: Vec<(u64, u32, u32)> = Vec::with_capacity(surfaces.len() * 3 / 2);
    let mut mine = 0;
    for (k, &(surface, _)) in surfaces.iter().enumerate() {
        let bytes = surface.as_bytes();
        if bytes[0] & 1 != parity {
            continue;
        }
        mine += 1;
        facts.add(surface);
        let mut p = 0;
        while let Some(next) = next_stop(surface, p) {
            p = next;
            let key = &bytes[..next];
            let index = |n: usize| u32::try_from(n).expect("under 4G surface forms and bytes");
            keys.push((hash_of(key), index(k), index(next)));
        }
    }
    // About 2.3 keys per surface form in the bundled lexicons.
    let mut forms = Forms::with_capacity(mine * 5 / 2);
    // Where the current surface's tail went, once one of its long keys needed it
    // (a surface's keys are consecutive).
    let mut tail_at: (usize, Option<u32>) = (usize::MAX, None);
    const AHEAD: usize = 16;
    for (j, &(h, k, next)) in keys.iter().enumerate() {
        if let Some(&(ahead, _, _)) = keys.get(j + AHEAD) {
            forms.prefetch(ahead);
        }
        let (k, next) = (k as usize, next as usize);
        if tail_at.0 != k {
            tail_at = (k, None);
        }
        let (surface, pattern) = surfaces[k];
        let bytes = surface.as_bytes();
        let slot = forms.entry(&bytes[..next], h, |tails| {
            *tail_at.1.get_or_insert_with(|| {
                let at = u32::try_from(tails.len()).expect("form tails under 4 GB");
                tails.extend_from_slice(&bytes[16..]);
                at
            })
        });
        if next == surface.len() {
            whole += usize::from(slot.flags & WHOLE == 0);
            slot.flags = (slot.flags & PREFIX) | WHOLE | pattern.flags;
            slot.entry = pattern.entry;
        } else {
            slot.flags |= PREFIX;
            slot.follow |= pair_bit(bytes[next], bytes.get(next + 1).copied());
        }
    }
    (forms, facts, whole)
}

impl Gazetteer {
    /// Compiles the aliases and demonyms of `lexicon`; for the bundled lexicons,
    /// takes the same gazetteer compiled ahead of time (`lexicons/gazetteer.bin`).
    pub fn new(lexicon: &Lexicon) -> Gazetteer {
        if lexicon.is_bundled() {
            let stamp = crate::lexicon::BUNDLED_STAMP;
            if let Some(g) = Gazetteer::from_snapshot(snapshot::BUNDLED, stamp, lexicon.len()) {
                return g;
            }
        }
        Gazetteer::compile(lexicon)
    }

    /// Compiles the aliases and demonyms of `lexicon`.
    fn compile(lexicon: &Lexicon) -> Gazetteer {
        // Every surface form with its pattern, in lexicon order. A name an entry
        // lists twice (most list their canonical name among the aliases) is filed
        // once: the second filing would set the same pattern on the same keys.
        let mut surfaces: Vec<(&str, Pattern)> = Vec::new();
        let mut odd_surfaces = 0;
        for (i, entry) in lexicon.entries().iter().enumerate() {
            let names = std::iter::once(&*entry.canonical)
                .chain(entry.aliases.iter())
                .map(|s| (s, Form::Name));
            let demonyms = entry.demonyms.iter().map(|s| (s, Form::Demonym));
            let filed = surfaces.len();
            for (surface, form) in names.chain(demonyms) {
                if !surface.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let demonym = if form == Form::Demonym { DEMONYM } else { 0 };
                if surfaces[filed..]
                    .iter()
                    .any(|(s, p)| p.flags & DEMONYM == demonym && *s == surface)
                {
                    continue;
                }
                let first = surface.chars().next().unwrap_or(' ');
                let last = surface.chars().next_back().unwrap_or(' ');
                let flag = |on: bool, bit: u8| if on { bit } else { 0 };
                let p = Pattern {
                    entry: i as u32,
                    flags: demonym
                        | flag(entry.is_ambiguous(surface), AMBIGUOUS)
                        | flag(first.is_alphanumeric(), CHECK_LEFT)
                        | flag(last.is_alphanumeric(), CHECK_RIGHT),
                };
                odd_surfaces += usize::from(surface.as_bytes()[0] & 1);
                surfaces.push((surface, p));
            }
        }
        // The larger shard builds on this thread and the other is left for a free one
        // to take: while the word lists' tables build beside the gazetteer, the
        // second shard waits for a thread, and the smaller is the one to wait.
        let ((even, even_facts, even_whole), (odd, odd_facts, odd_whole)) = if 2 * odd_surfaces
            > surfaces.len()
        {
            let (odd, even) =
                crate::util::par::join(|| build_shard(&surfaces, 1), || build_shard(&surfaces, 0));
            (even, odd)
        } else {
            crate::util::par::join(|| build_shard(&surfaces, 0), || build_shard(&surfaces, 1))
        };
        let facts = even_facts.merge(odd_facts);
        Gazetteer {
            shards: [even, odd],
            surfaces: even_whole + odd_whole,
            odd_ascii: std::array::from_fn(|b| facts.odd_starts.contains(&(b as u8 as char))),
            odd_starts: facts.odd_starts,
            first_word: facts.first_word,
            first_two: facts.first_two,
            lone: facts.lone,
            ends_ascii: facts.ends_ascii,
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
        supported.sort_unstable();
        supported.dedup();
        crate::util::steps::add(text.len() / 8 + out.len() + pending.len());
        for (pattern, m) in pending {
            if supported.binary_search(&pattern).is_ok() {
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

    fn find<'f>(forms: &'f Forms, key: &[u8]) -> Option<(usize, &'f Slot)> {
        forms.get(hash_of(key), head_of(key, 0, key.len()), key)
    }

    #[test]
    fn forms_table_long_keys_and_growth() {
        let mut forms = Forms::with_capacity(1);
        let keys: Vec<String> = (0..3000)
            .map(|i| match i % 3 {
                0 => format!("k{i}"),
                1 => format!("a rather long key number {i}"),
                _ => format!("exactly-16-b{i:04}"),
            })
            .collect();
        for (i, k) in keys.iter().enumerate() {
            let key = k.as_bytes();
            let slot = forms.entry(key, hash_of(key), |tails| {
                let at = tails.len() as u32;
                tails.extend_from_slice(&k.as_bytes()[16..]);
                at
            });
            slot.entry = i as u32;
        }
        assert_eq!(forms.len, keys.len());
        for (i, k) in keys.iter().enumerate() {
            let b = k.as_bytes();
            let (_, slot) = find(&forms, b).expect(k);
            assert_eq!(slot.entry, i as u32, "{k}");
        }
        for k in [
            "k",
            "a rather long key number 1x",
            "a rather long key number",
            "exactly-16-b0002 ",
        ] {
            let b = k.as_bytes();
            assert!(find(&forms, b).is_none(), "{k}");
        }
        // A key read out of a longer text packs the same.
        let text = b"xx a rather long key number 1 and more";
        assert_eq!(
            forms
                .get(
                    hash_key(head_of(text, 3, 29), &text[3..29]),
                    head_of(text, 3, 29),
                    &text[3..29]
                )
                .unwrap()
                .1
                .entry,
            1
        );
    }

    #[test]
    fn empty_lexicon() {
        let l = Lexicon::new();
        assert!(Gazetteer::new(&l).find("anything").is_empty());
    }
}
