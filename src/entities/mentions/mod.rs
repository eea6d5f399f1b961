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
use crate::entities::Env;
use crate::lexicon::closed::{MORE_PARTICLES, NAME_PARTICLES};
use crate::lexicon::{RoleKind, WordLists};
use crate::text::tokenize::possessive_at;
use crate::text::words::is_capitalized;
use crate::text::words::{DocWords, FIRST_NAME, NOT_NAME, ORG_HEAD, SURNAME, TITLE_HEAD};
use crate::types::EntityType;
use crate::types::Span;
use crate::types::{Entity, FoundBy};
use crate::types::{Token, TokenKind};

/// The classes, in weight-column order.
mod features;
mod model;

use features::*;
use model::*;
pub use model::{bundled, MentionModel};

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

/// Where the features of a candidate go: collected as strings (for training, see
/// [`mention_features`]) or scored on the fly against the model (no string per
/// feature: the classifier runs on every open candidate of every document).
trait FeatureSink {
    /// Adds the feature made of `parts`, concatenated.
    fn add(&mut self, parts: &[&str]);
    /// Adds `prefix` followed by `word` in lower case.
    fn add_lower(&mut self, prefix: &str, word: &str);
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
    repeats: &[Span],
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
    let mut cands = candidates(analyzer, &doc, entities);
    if !repeats.is_empty() {
        // Nothing is reported in a repeated run: its candidates are not scored.
        cands.retain(|c| !crate::text::repeats::starts_in(repeats, tokens[c.first].span));
    }
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
        crate::util::steps::add(score.keys.len() - ends.last().copied().unwrap_or(0));
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
        let lines = include_str!("../../../models/mentions.tsv")
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
