//! In-document resolution: acronyms defined in the text and surnames alone.
//!
//! - **Acronyms.** `Long Form Name (LFN)`: when the letters of the acronym (its capitals,
//!   for mixed-case ones like `WarCAT`) follow, in order, the initials of the capitalized
//!   words just before the parenthesis, the long form becomes an entity (or keeps the
//!   lexicon entity it already is), the acronym in parentheses is a mention of it, and
//!   so is every bare use of the acronym elsewhere in the document (overriding a
//!   lexicon entry with the same spelling).
//! - **Surnames.** A capitalized word alone that is the surname of a person the document
//!   named in full earlier links to that person. The surname of a head of state or
//!   government links without introduction when no other leader in the lexicon shares
//!   it (so `Trump` is Donald Trump). A surname next to another capitalized word is not
//!   linked: it is part of another name. Any other surname of the lexicon's people,
//!   mid-sentence, is a person mention left unresolved (`doc:person:...`).

use rustc_hash::FxHashMap as HashMap;

use super::Env;
use crate::lexicon::closed::NOT_NAME;
use crate::lexicon::Lexicon;
use crate::text::words::is_capitalized;
use crate::text::words::{DocWords, NOT_NAME as NOT_NAME_FLAG, SURNAME};
use crate::types::EntityType;
use crate::types::{Entity, FoundBy};
use crate::types::{Span, SpanSet};
use crate::types::{Token, TokenKind};
use crate::util::steps;

/// Suffixes that are not surnames.
const NAME_SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// The surname of a full name: its last word that is not a suffix, when the name has
/// at least two words.
pub(crate) fn surname(name: &str) -> Option<&str> {
    let mut words = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !NAME_SUFFIXES.contains(w));
    let first = words.next()?;
    let last = words.next_back()?;
    (last != first && last.chars().count() >= 2 && is_capitalized(last) && !last.ends_with('.'))
        .then_some(last)
}

/// A quick test of whether a word may belong to a set of words: one bit per hash of
/// the word's length and its first two and last bytes, `64 * WORDS` bits in all. A
/// clear bit rules the word out; a set one says nothing (ask the set). Most
/// capitalized words of a text belong to no set of names, and one bit test is far
/// cheaper than hashing the word and probing a table (which, for the lexicon's sets,
/// waits on memory).
#[derive(Clone, Debug)]
pub(crate) struct WordFilter<const WORDS: usize> {
    bits: [u64; WORDS],
}

impl<const WORDS: usize> Default for WordFilter<WORDS> {
    fn default() -> Self {
        WordFilter { bits: [0; WORDS] }
    }
}

/// The 32-bit hash a [`WordFilter`] takes its bit from.
#[inline]
fn filter_hash(word: &str) -> u32 {
    let b = word.as_bytes();
    let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
    let x = at(0) | at(1) << 8 | at(b.len().wrapping_sub(1)) << 16 | (b.len() as u32) << 24;
    x.wrapping_mul(0x9e37_79b1)
}

impl<const WORDS: usize> WordFilter<WORDS> {
    /// The bit of `word`: the hash scaled to the bit count, so that its top bits
    /// choose (the low bits of a product see only the low bits of its factors).
    #[inline]
    fn bit(word: &str) -> usize {
        ((u64::from(filter_hash(word)) * (64 * WORDS) as u64) >> 32) as usize
    }

    /// Adds `word`.
    pub(crate) fn insert(&mut self, word: &str) {
        let i = Self::bit(word);
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// False when `word` was surely never inserted.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let i = Self::bit(word);
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

/// [`leader_surnames`] with a [`WordFilter`] in front.
#[derive(Debug)]
pub(crate) struct LeaderSurnames {
    map: HashMap<String, usize>,
    filter: Box<WordFilter<1024>>,
}

impl LeaderSurnames {
    /// The table of `lexicon`'s leader surnames.
    pub(crate) fn new(lexicon: &Lexicon) -> LeaderSurnames {
        let map = leader_surnames(lexicon);
        let mut filter = Box::<WordFilter<1024>>::default();
        for s in map.keys() {
            filter.insert(s);
        }
        LeaderSurnames { map, filter }
    }

    /// The entry index of the leader whose surname is `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<usize> {
        if !self.filter.may_hold(word) {
            return None;
        }
        self.map.get(word).copied()
    }
}

/// Surnames of heads of state and government in office since 1990 that are
/// unambiguous among them: surname -> entry index. Built once with the env.
///
/// Left out: a surname shared by two such leaders (Bush), one that is also a first
/// name of anybody in the lexicon (Francis, Grant, Jackson), and common capitalized
/// words (months, weekdays, pronouns).
pub(crate) fn leader_surnames(lexicon: &Lexicon) -> HashMap<String, usize> {
    let mut seen: HashMap<&str, Option<usize>> = HashMap::default();
    for (i, e) in lexicon.entries().iter().enumerate() {
        if e.entity_type != EntityType::Person || !e.is_leader() || e.ambiguous {
            continue;
        }
        // Leaders whose every dated role ended before 1990 are history, not news.
        let ended_long_ago = !e.roles.is_empty()
            && e.roles
                .iter()
                .all(|r| r.end.as_deref().is_some_and(|d| d < "1990"));
        if ended_long_ago {
            continue;
        }
        let Some(s) = surname(&e.canonical) else {
            continue;
        };
        if NOT_NAME.contains(&s) || s.chars().count() < 3 {
            continue;
        }
        seen.entry(s).and_modify(|v| *v = None).or_insert(Some(i));
    }
    // Then the few hundred surnames are looked up among the people's first names (a
    // set of every first name took twice as long to build, at start-up).
    for e in lexicon.entries() {
        if e.entity_type == EntityType::Person {
            if let Some(first) = e.canonical.split_whitespace().next() {
                if let Some(v) = seen.get_mut(first) {
                    *v = None;
                }
            }
        }
    }
    seen.into_iter()
        .filter_map(|(s, v)| v.map(|i| (s.to_string(), i)))
        .collect()
}

/// People introduced so far in a document, by surname.
pub(crate) struct People<'a> {
    env: Env<'a>,
    by_surname: HashMap<&'a str, (usize, Entity<'a>)>,
    /// The keys of `by_surname`.
    filter: WordFilter<16>,
}

impl<'a> People<'a> {
    pub(crate) fn new(env: Env<'a>) -> People<'a> {
        People {
            env,
            by_surname: HashMap::default(),
            filter: WordFilter::default(),
        }
    }

    /// Registers a person mention named in full (two words or more).
    pub(crate) fn introduce(&mut self, text: &'a str, e: &Entity<'a>) {
        if e.entity_type != EntityType::Person {
            return;
        }
        let mention = e.span.slice(text);
        if let Some(s) = surname(mention) {
            self.filter.insert(s);
            self.by_surname
                .entry(s)
                .or_insert_with(|| (e.span.start, e.clone()));
        }
    }

    /// The person named in full at or before `span` whose surname is `word`, as a new
    /// mention (no lexicon leader fallback, unlike [`People::link`]).
    pub(crate) fn introduced(
        &self,
        word: &str,
        span: Span,
        possessive: bool,
    ) -> Option<Entity<'a>> {
        if !self.filter.may_hold(word) {
            return None;
        }
        let (at, e) = self.by_surname.get(word)?;
        (*at <= span.start).then(|| e.linked_at(span, FoundBy::Surname, possessive))
    }

    /// True when [`People::link`] may link `word` to someone (at some position).
    pub(crate) fn may_link(&self, word: &str) -> bool {
        self.filter.may_hold(word) && self.by_surname.contains_key(word)
            || self.env.leader_surnames().get(word).is_some()
    }

    /// The person a surname alone at `span` refers to, as a new mention.
    pub(crate) fn link(&self, word: &str, span: Span, possessive: bool) -> Option<Entity<'a>> {
        if let Some(e) = self.introduced(word, span, possessive) {
            return Some(e);
        }
        let entry = self.env.leader_surnames().get(word)?;
        Some(Entity::from_entry(
            self.env,
            span,
            entry,
            FoundBy::Surname,
            possessive,
        ))
    }
}

/// A person only this document knows, named at `span`.
pub(crate) fn document_person<'a>(text: &'a str, span: Span, possessive: bool) -> Entity<'a> {
    let name = span.slice(text);
    Entity::in_document(
        span,
        EntityType::Person,
        name,
        name,
        FoundBy::Pattern,
        possessive,
    )
}

/// The id of an entity the document names and no lexicon has: `doc:TYPE:slug(key)`.
pub(crate) fn document_id(entity_type: EntityType, key: &str) -> String {
    let ty = entity_type.as_str();
    let mut out = String::with_capacity(5 + ty.len() + key.len());
    out.push_str("doc:");
    out.push_str(ty);
    out.push(':');
    slug_into(key, &mut out);
    out
}

/// A lower-case ASCII-ish slug for document-local ids.
#[cfg(test)]
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    slug_into(name, &mut out);
    out
}

/// Appends the slug of `name` to `out`: alphanumerics in lower case, every other run
/// of characters one `-`, none at either end.
fn slug_into(name: &str, out: &mut String) {
    let base = out.len();
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && out.len() > base {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
}

/// Links bare surnames to people (see the module docs).
///
/// With `surnames` (the lexicon's), a known surname no one introduced becomes an
/// unresolved person mention; without, only links are made.
pub(crate) fn surnames<'a>(
    surnames: Option<&rustc_hash::FxHashSet<String>>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    entities: &mut Vec<Entity<'a>>,
    people: &People<'a>,
) {
    let mut starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
    starts.sort_unstable();
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    let covered = |span: Span| known.overlaps(span);
    let mut found = Vec::new();
    for &i in doc_words.capitalized(tokens) {
        steps::add(1);
        let i = i as usize;
        let t = &tokens[i];
        let w = t.text(text);
        // Only a word that can link to a person, or a known surname (first pass), can
        // become a mention: the other tests are for those alone.
        if !(surnames.is_some() && doc_words.has(i, SURNAME) || people.may_link(w))
            || (doc_words.has(i, NOT_NAME_FLAG) && NOT_NAME.contains(&w))
            || w.chars().count() < 2
            || covered(t.span)
        {
            continue;
        }
        let capital_word = |tok: Option<&Token>| {
            tok.is_some_and(|x| x.kind == TokenKind::Word && is_capitalized(x.text(text)))
        };
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let prev_blocks = capital_word(prev)
            && prev.is_some_and(|p| {
                starts.binary_search(&p.span.start).is_err() && !NOT_NAME.contains(&p.text(text))
            });
        if prev_blocks || capital_word(tokens.get(i + 1)) {
            continue;
        }
        let possessive = tokens
            .get(i + 1)
            .is_some_and(|x| x.kind == TokenKind::Possessive);
        if let Some(e) = people.link(w, t.span, possessive) {
            found.push(e);
        } else if doc_words.has(i, SURNAME)
            && surnames.is_some_and(|s| s.contains(w))
            && (starts.binary_search(&t.span.start).is_err()
                || tokens.get(i + 1).is_some_and(|n| {
                    // At a sentence start only before what a subject takes: "Pence said",
                    // "Comey, who ...", "Haley's speech" ("Young people" stays no name).
                    n.kind == TokenKind::Possessive
                        || n.text(text) == ","
                        || SUBJECT_VERBS.contains(&n.text(text))
                }))
        {
            // A known surname mid-sentence is a person even when nobody was
            // introduced; it stays unresolved (a document-local id).
            let mut e = document_person(text, t.span, possessive);
            e.found_by = FoundBy::Surname;
            found.push(e);
        }
    }
    entities.extend(found);
}

/// Verbs after which a sentence-initial known surname is taken as a person's.
const SUBJECT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "has",
    "had",
    "is",
    "was",
    "will",
    "would",
    "did",
    "does",
    "could",
    "can",
    "announced",
    "argued",
    "claimed",
    "called",
    "denied",
    "insisted",
    "testified",
    "tweeted",
];

/// Connector words allowed inside a long form.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "against", "to", "at", "de", "du", "des", "la", "le",
    "del", "der", "für", "&",
];

/// Is this token an acronym candidate: 2-10 chars, starts upper case, at least two
/// capitals, letters and digits only.
fn acronym_letters(word: &str) -> Option<Vec<char>> {
    let n = word.chars().count();
    if !(2..=10).contains(&n) || !is_capitalized(word) || !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let caps: Vec<char> = word.chars().filter(|c| c.is_uppercase()).collect();
    (caps.len() >= 2).then_some(caps)
}

/// The most acronym definitions read in one text (see [`acronyms`]).
const MAX_ACRONYM_DEFINITIONS: usize = 256;

/// Finds `Long Form (ACRO)` definitions (the first [`MAX_ACRONYM_DEFINITIONS`]); adds
/// the long form, the acronym and its bare uses as entities.
pub(crate) fn acronyms<'a>(text: &'a str, tokens: &[Token], entities: &mut Vec<Entity<'a>>) {
    let mut defined: Vec<(&'a str, Entity<'a>, Span)> = Vec::new(); // (acronym, identity, definition parens)
    let bytes = text.as_bytes();
    // A one-byte token that is `b`.
    let is = |t: &Token, b: u8| t.span.end == t.span.start + 1 && bytes[t.span.start] == b;
    // From each `(` of the text (few) to the token that is it, rather than over every
    // token.
    let mut tries = 0;
    for p in memchr::memchr_iter(b'(', bytes) {
        steps::add(1);
        let i = tokens.partition_point(|t| t.span.start < p);
        if i == 0 || i + 2 >= tokens.len() || tokens[i].span != Span::new(p, p + 1) {
            continue;
        }
        if !is(&tokens[i + 2], b')') {
            continue;
        }
        let acro_tok = tokens[i + 1];
        let acro = acro_tok.text(text);
        let Some(letters) = acronym_letters(acro) else {
            continue;
        };
        if defined.iter().any(|d| d.0 == acro) {
            continue;
        }
        // Words of the candidate long form, right to left.
        let mut words: Vec<usize> = Vec::new();
        let mut j = i;
        while j > 0 && words.len() < 16 {
            j -= 1;
            let t = tokens[j];
            let w = t.text(text);
            let ok = (t.kind == TokenKind::Word && (is_capitalized(w) || CONNECTORS.contains(&w)))
                || w == "&";
            if !ok {
                break;
            }
            words.push(j);
        }
        words.reverse();
        // Rightmost capitalized start whose initials cover the acronym's capitals.
        let initials: Vec<(usize, char)> = words
            .iter()
            .filter_map(|&k| {
                let w = tokens[k].text(text);
                is_capitalized(w).then(|| (k, w.chars().next().unwrap_or(' ')))
            })
            .collect();
        let mut start_tok = None;
        for s in (0..initials.len()).rev() {
            if !initials[s].1.to_uppercase().eq(letters[0].to_uppercase()) {
                continue;
            }
            let mut li = 0;
            for &(_, c) in &initials[s..] {
                if li < letters.len() && c.to_uppercase().eq(letters[li].to_uppercase()) {
                    li += 1;
                }
            }
            if li == letters.len() {
                start_tok = Some(initials[s].0);
                break;
            }
        }
        let Some(start_tok) = start_tok else { continue };
        // Each definition read costs a pass over the entities: a text with more than a
        // few hundred is no article (the bench corpus's most is 5 per article).
        tries += 1;
        if tries > MAX_ACRONYM_DEFINITIONS {
            break;
        }
        steps::add(entities.len() + defined.len());
        let long = Span::new(tokens[start_tok].span.start, tokens[i - 1].span.end);
        if long.len() <= acro.len() {
            continue;
        }
        // The long form as a lexicon entity already, or a new organization.
        let identity = match entities.iter().find(|e| e.span == long) {
            Some(e) => e.clone(),
            None => {
                let name = long.slice(text);
                let e = Entity::in_document(
                    long,
                    EntityType::Organization,
                    name,
                    acro,
                    FoundBy::Acronym,
                    false,
                );
                // Only when it does not straddle an entity already found.
                if entities
                    .iter()
                    .any(|x| x.span.overlaps(long) && !long.contains(x.span))
                {
                    continue;
                }
                // Shorter pattern-found names inside the long form give way to it.
                entities.retain(|x| !(x.found_by == FoundBy::Pattern && long.contains(x.span)));
                entities.push(e.clone());
                e
            }
        };
        defined.push((
            acro,
            identity,
            Span::new(tokens[i].span.start, tokens[i + 2].span.end),
        ));
    }
    if defined.is_empty() {
        return;
    }
    // Every whole-word use of a defined acronym.
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    let by_span: HashMap<Span, usize> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.span, i))
        .collect();
    let by_acronym: HashMap<&str, &Entity> = defined.iter().map(|d| (d.0, &d.1)).collect();
    let mut new = Vec::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        steps::add(1);
        let w = t.text(text);
        let Some(identity) = by_acronym.get(w) else {
            continue;
        };
        let possessive = crate::text::tokenize::possessive_at(text, t.span.end).is_some();
        let mention = identity.linked_at(t.span, FoundBy::Acronym, possessive);
        if let Some(&i) = by_span.get(&t.span) {
            // A lexicon hit of the same spelling: the document's definition wins.
            entities[i] = mention;
        } else if !known.overlaps(t.span) {
            new.push(mention);
        }
    }
    entities.extend(new);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::Analyzer;

    #[test]
    fn known_surname_opening_a_sentence() {
        let a = crate::Analyzer::new();
        assert!(a.words().surnames.contains("Aasland"));
        for (text, want) in [
            ("Aasland said the plan works.", true),
            ("Aasland, a diplomat, left.", true),
            ("Aasland Street is closed.", false),
            ("Aasland plans were drawn up.", false),
        ] {
            let found =
                a.analyze(text).entities.iter().any(|e| {
                    e.span.slice(text) == "Aasland" && e.entity_type == EntityType::Person
                });
            assert_eq!(found, want, "{text}");
        }
    }

    #[test]
    fn surnames() {
        assert_eq!(surname("Donald Trump"), Some("Trump"));
        assert_eq!(surname("Martin Luther King Jr."), Some("King"));
        assert_eq!(surname("Madonna"), None);
        assert_eq!(surname("J. Smith"), Some("Smith"));
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("War Crimes Accountability Team"),
            "war-crimes-accountability-team"
        );
        assert_eq!(slug("Zürich’s  Office!"), "zürich-s-office");
    }

    #[test]
    fn word_filter_keeps_every_word_and_rules_most_others_out() {
        let analyzer = Analyzer::new();
        let leaders = analyzer.leader_surnames();
        assert!(leaders.map.len() > 100);
        for (s, &i) in &leaders.map {
            assert!(leaders.filter.may_hold(s), "{s}");
            assert_eq!(leaders.get(s), Some(i));
        }
        // Capitalized words of the lexicon's other names: few get past the filter.
        let others: Vec<&str> = analyzer
            .lexicon()
            .entries()
            .iter()
            .flat_map(|e| e.canonical.split(' '))
            .filter(|w| is_capitalized(w) && !leaders.map.contains_key(*w))
            .collect();
        assert!(others.len() > 10_000);
        let passed = others.iter().filter(|w| leaders.filter.may_hold(w)).count();
        assert!(passed * 10 < others.len(), "{passed} of {}", others.len());
        // A small filter with a few words.
        let mut f = WordFilter::<16>::default();
        for w in ["Rahami", "Schmid", "O'Rourke", "al-Sarraj", "Zürich", "X"] {
            f.insert(w);
        }
        for w in ["Rahami", "Schmid", "O'Rourke", "al-Sarraj", "Zürich", "X"] {
            assert!(f.may_hold(w));
        }
        assert!(!WordFilter::<16>::default().may_hold("Rahami"));
    }

    #[test]
    fn acronym_shapes() {
        assert!(acronym_letters("ICPA").is_some());
        assert_eq!(acronym_letters("WarCAT").unwrap(), vec!['W', 'C', 'A', 'T']);
        assert!(acronym_letters("Ukraine").is_none());
        assert!(acronym_letters("A").is_none());
    }
}
