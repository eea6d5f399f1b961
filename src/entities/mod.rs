//! Entity mentions: gazetteer hits, title patterns, and in-document resolution put
//! together into one sorted list.
//!
//! The stage runs in this order, each step seeing what the earlier ones found:
//! 1. gazetteer matches ([`crate::entities::gazetteer`]);
//! 2. organization shapes no lexicon has (`Civic Party`, `Ministry of Foreign
//!    Affairs`, `University of Southern Indiana`): capitalized words around an
//!    organization head word;
//! 3. names after a title or honorific (`Eurojust President Michael Schmid`,
//!    `then-Attorney General Merrick Garland`, `Mr. Rahami`), and names that start with
//!    a known given name (`Phil Simmons`, `George W. Bush`), when no lexicon entry
//!    matched them;
//! 4. in-document resolution ([`crate::entities::resolve`]): acronyms defined in the text, and
//!    surnames alone linked to the person the document introduced (or, for heads of
//!    state and government, to the one leader with that surname).

mod confidence;
pub mod coref;
pub mod gazetteer;
mod gender;
pub mod mentions;
mod patterns;
pub mod resolve;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::lexicon::closed::NOT_NAME;
use crate::lexicon::{Lexicon, WordLists};
use crate::text::repeats::starts_in;
use crate::text::tokenize::possessive_at;
use crate::text::words::is_capitalized;
use crate::text::words::DocWords;
use crate::text::Doc;
use crate::types::EntityType;
use crate::types::{Entity, FoundBy, Sentiment};
use crate::types::{Span, SpanSet};
use crate::types::{Token, TokenKind};
use crate::util::steps;
use gazetteer::{Form, Gazetteer, GazetteerMatch};
use patterns::{name_patterns, org_patterns, title_patterns};
use resolve::LeaderSurnames;

/// The entity stage's component: the entity lexicon, its compiled gazetteer, the
/// leaders' surnames and the stage's options. Built once, shared by every document.
#[derive(Debug)]
pub(crate) struct EntityFinder {
    pub(crate) lexicon: Lexicon,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) leader_surnames: LeaderSurnames,
    /// Whether the mention classifier runs.
    pub(crate) mention_model: bool,
    /// Whether entities are lexicon matches alone.
    pub(crate) lexicon_only: bool,
}

impl EntityFinder {
    /// Compiles the gazetteer and the leaders' surnames of `lexicon` (on two threads).
    pub(crate) fn new(lexicon: Lexicon) -> EntityFinder {
        let (gazetteer, leader_surnames) = crate::util::par::join(
            || Gazetteer::new(&lexicon),
            || LeaderSurnames::new(&lexicon),
        );
        EntityFinder {
            lexicon,
            gazetteer,
            leader_surnames,
            mention_model: true,
            lexicon_only: false,
        }
    }
}

/// What the entity stage reads while it works on a document: its own component and
/// the word lists (given names, surnames, roles). Cheap to copy.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Env<'a> {
    finder: &'a EntityFinder,
    words: &'a WordLists,
}

impl<'a> Env<'a> {
    pub(crate) fn new(finder: &'a EntityFinder, words: &'a WordLists) -> Env<'a> {
        Env { finder, words }
    }
    pub(crate) fn lexicon(self) -> &'a Lexicon {
        &self.finder.lexicon
    }
    pub(crate) fn words(self) -> &'a WordLists {
        self.words
    }
    pub(crate) fn gazetteer(self) -> &'a Gazetteer {
        &self.finder.gazetteer
    }
    pub(crate) fn leader_surnames(self) -> &'a LeaderSurnames {
        &self.finder.leader_surnames
    }
    pub(crate) fn uses_mention_model(self) -> bool {
        self.finder.mention_model
    }
    pub(crate) fn is_lexicon_only(self) -> bool {
        self.finder.lexicon_only
    }
}

impl<'a> Entity<'a> {
    /// An entity for lexicon entry `entry` at `span`.
    pub(crate) fn from_entry(
        env: Env<'a>,
        span: Span,
        entry: usize,
        found_by: FoundBy,
        possessive: bool,
    ) -> Entity<'a> {
        let e = &env.lexicon().entries()[entry];
        Entity {
            span,
            entity_type: e.entity_type,
            subtype: &e.subtype,
            canonical: Cow::Borrowed(&e.canonical),
            id: Cow::Borrowed(&e.id),
            country: e.country.as_deref(),
            found_by,
            confidence: 0.0,
            possessive,
            nested: false,
            entry: Some(entry),
            sentence: 0,
            sentiment: Sentiment::default(),
            roles: Vec::new(),
        }
    }

    /// An entity no lexicon has, named `canonical` at `span`, with the document-level
    /// id `doc:TYPE:slug(key)` (see [`resolve::document_id`]).
    pub(crate) fn in_document(
        span: Span,
        entity_type: EntityType,
        canonical: &'a str,
        key: &str,
        found_by: FoundBy,
        possessive: bool,
    ) -> Entity<'a> {
        Entity {
            span,
            entity_type,
            subtype: "",
            canonical: Cow::Borrowed(canonical),
            id: Cow::Owned(resolve::document_id(entity_type, key)),
            country: None,
            found_by,
            confidence: 0.0,
            possessive,
            nested: false,
            entry: None,
            sentence: 0,
            sentiment: Sentiment::default(),
            roles: Vec::new(),
        }
    }

    /// A copy of this entity's identity (type, canonical, id...) at another span.
    pub(crate) fn linked_at(&self, span: Span, found_by: FoundBy, possessive: bool) -> Entity<'a> {
        Entity {
            span,
            found_by,
            possessive,
            nested: false,
            sentence: 0,
            sentiment: Sentiment::default(),
            ..self.clone()
        }
    }
}

/// Runs the entity stage: gazetteer matches (`inner`: those a longer match set
/// aside, see [`crate::entities::gazetteer::Gazetteer::find_nested`]) to resolved, sorted entity
/// mentions.
pub(crate) fn find_entities<'a>(
    env: Env<'a>,
    doc: Doc<'_, 'a>,
    matches: &[GazetteerMatch],
    inner: &[GazetteerMatch],
    date: Option<&str>,
) -> Vec<Entity<'a>> {
    let Doc {
        text,
        tokens,
        sentences,
        words: doc_words,
        repeats,
    } = doc;
    // No mention starts in a repeated run: its gazetteer matches are left out here,
    // the other stages' mentions below.
    let kept: [Vec<GazetteerMatch>; 2];
    let (matches, inner) = if repeats.is_empty() {
        (matches, inner)
    } else {
        let keep = |ms: &[GazetteerMatch]| -> Vec<GazetteerMatch> {
            ms.iter()
                .filter(|m| !starts_in(repeats, m.span))
                .cloned()
                .collect()
        };
        kept = [keep(matches), keep(inner)];
        (&kept[0][..], &kept[1][..])
    };
    let mut entities = if env.is_lexicon_only() {
        let mut entities = lexicon_entities(env, matches);
        set_roles(env, &mut entities, date);
        entities
    } else {
        let mut entities =
            find_entities_rules(env, text, tokens, doc_words, sentences, matches, date);
        if env.uses_mention_model() {
            crate::entities::mentions::classify(
                env,
                text,
                tokens,
                doc_words,
                sentences,
                repeats,
                &mut entities,
            );
            model_surnames(env, text, tokens, doc_words, sentences, &mut entities);
        }
        initialisms(text, tokens, doc_words, &mut entities);
        short_forms(text, tokens, doc_words, &mut entities);
        add_nested(env, text, matches, inner, &mut entities);
        national_teams(tokens, doc_words, &mut entities);
        entities
    };
    let order = |a: &Entity, b: &Entity| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    };
    // Often in order already (the rules sort; most steps add nothing).
    if !entities.is_sorted_by(|a, b| order(a, b).is_le()) {
        entities.sort_by(order);
    }
    if !repeats.is_empty() {
        entities.retain(|e| !starts_in(repeats, e.span));
    }
    for e in &mut entities {
        e.sentence = sentence_of(sentences, e.span.start);
        if e.found_by != FoundBy::Model {
            e.confidence = confidence_of(e.found_by, e.entity_type);
        }
    }
    crate::entities::coref::add_mentions(doc, &mut entities);
    entities
}

/// Surnames of the people the mention classifier found (`Rathbun` after `Mark
/// Rathbun`): a bare surname the classifier left out, or gave another type, becomes a
/// mention of that person, as [`resolve::surnames`] does for the people the rules
/// found.
fn model_surnames<'a>(
    env: Env<'a>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    entities: &mut Vec<Entity<'a>>,
) {
    let new_person = |e: &Entity| {
        e.found_by == FoundBy::Model
            && e.entity_type == EntityType::Person
            && e.span.slice(text).contains(' ')
    };
    if !entities.iter().any(new_person) {
        return;
    }
    if !entities.is_sorted_by_key(|e| e.span.start) {
        entities.sort_by_key(|e| e.span.start);
    }
    let mut people = resolve::People::new(env);
    for e in entities.iter() {
        people.introduce(text, e);
    }
    // A one-word name the classifier typed otherwise.
    for e in entities.iter_mut() {
        let name = e.span.slice(text);
        if e.found_by == FoundBy::Model
            && e.entity_type != EntityType::Person
            && !name.contains(' ')
        {
            if let Some(p) = people.introduced(name, e.span, e.possessive) {
                *e = p;
            }
        }
    }
    resolve::surnames(None, text, tokens, doc_words, sentences, entities, &people);
}

/// Initialisms of the document's organizations used without a definition (`USI`
/// for `University of Southern Indiana`): a word of two to six capital letters that
/// spells the initials of the capitalized words of exactly one organization mention
/// becomes a mention of it (`found_by` acronym), unless a rule already named the word
/// (the classifier's reading gives way).
fn initialisms<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    // The organizations by their initials (usize::MAX: two of them, ambiguous).
    let mut orgs: HashMap<String, usize> = HashMap::new();
    for (k, e) in entities.iter().enumerate() {
        if e.entity_type != EntityType::Organization || e.nested {
            continue;
        }
        let initials: String = e
            .span
            .slice(text)
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| is_capitalized(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.len() < 2 {
            continue;
        }
        let o = orgs.entry(initials).or_insert(k);
        // Two organizations with these initials: the initialism is ambiguous.
        if *o != usize::MAX && entities[*o].id != e.id {
            *o = usize::MAX;
        }
    }
    orgs.retain(|_, k| *k != usize::MAX);
    if orgs.is_empty() {
        return;
    }
    // The entities by span, to find those overlapping a word without a scan.
    let mut by_span: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .map(|(j, e)| (e.span, j))
        .collect();
    by_span.sort_unstable();
    let mut added = Vec::new();
    for &i in doc_words.capitalized(tokens) {
        steps::add(1);
        let t = &tokens[i as usize];
        let b = &text.as_bytes()[t.span.start..t.span.end];
        if !(2..=6).contains(&b.len())
            || !b[0].is_ascii_uppercase()
            || !b[1].is_ascii_uppercase()
            || t.kind != TokenKind::Word
            || !b.iter().all(u8::is_ascii_uppercase)
        {
            continue;
        }
        let w = t.text(text);
        let Some(&k) = orgs.get(w) else {
            continue;
        };
        let possessive = possessive_at(text, t.span.end).is_some();
        let linked = entities[k].linked_at(t.span, FoundBy::Acronym, possessive);
        // The first entity (in list order) overlapping the word.
        let upto = by_span.partition_point(|(s, _)| s.start < t.span.end);
        let first_overlapping = by_span[..upto]
            .iter()
            .rev()
            .inspect(|_| steps::add(1))
            .take_while(|(s, _)| s.start + crate::types::MAX_SPAN >= t.span.start)
            .filter(|(s, _)| s.overlaps(t.span))
            .map(|&(_, j)| j)
            .min();
        match first_overlapping {
            None => added.push(linked),
            Some(j) if entities[j].found_by == FoundBy::Model && entities[j].span == t.span => {
                entities[j] = linked;
            }
            Some(_) => {}
        }
    }
    entities.extend(added);
}

/// The organizations with one head word, for [`short_forms`].
struct HeadOrgs {
    /// Their indexes in the entities, by the end of their span.
    by_end: Vec<usize>,
    /// How many of `by_end` have been read (named before the current word).
    read: usize,
    /// The first of those read, in list order.
    first: Option<usize>,
    /// Whether all of those read are one entity.
    unique: bool,
}

impl Default for HeadOrgs {
    fn default() -> Self {
        HeadOrgs {
            by_end: Vec::new(),
            read: 0,
            first: None,
            unique: true,
        }
    }
}

/// The head word of an organization's name: the word before `of` (`Church` of
/// `Church of Scientology`), else the last word (`Commission` of `European
/// Commission`).
fn org_head(name: &str) -> &str {
    let before_of = name.split(" of ").next().unwrap_or(name);
    before_of.rsplit(' ').next().unwrap_or(before_of)
}

/// Short forms of organizations (`the Commission` after `the European Commission`,
/// `the Church` after `the Church of Scientology`): `the` and one capitalized word,
/// with no capitalized word after it, that is the head word of the name of exactly one
/// organization mentioned before it (of several names, one entity) becomes a mention
/// of that organization (`found_by` coreference), the word alone.
fn short_forms<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    // The organizations by head word, each list by end: the words are asked about in
    // text order, so each head's organizations named before the word are a prefix,
    // read once.
    let mut orgs: HashMap<&str, HeadOrgs> = HashMap::new();
    for (k, e) in entities.iter().enumerate() {
        if e.entity_type == EntityType::Organization
            && !e.nested
            && e.found_by != FoundBy::Coreference
            && e.span.slice(text).contains(' ')
        {
            orgs.entry(org_head(e.span.slice(text)))
                .or_default()
                .by_end
                .push(k);
        }
    }
    if orgs.is_empty() {
        return;
    }
    for o in orgs.values_mut() {
        o.by_end.sort_by_key(|&k| entities[k].span.end);
    }
    let taken = SpanSet::new(entities.iter().map(|e| e.span).collect());
    let mut added = Vec::new();
    // The short form is capitalized: only those words are asked about.
    for &i in doc_words.capitalized(tokens) {
        steps::add(1);
        let i = i as usize;
        // `the` in any casing: the vocabulary flags it (with the pronouns).
        if i == 0
            || !doc_words.has(i - 1, crate::text::words::COREF)
            || doc_words.lower(i - 1) != "the"
        {
            continue;
        }
        let (det, t) = (tokens[i - 1], tokens[i]);
        let w = t.text(text);
        let Some(candidates) = orgs.get_mut(w) else {
            continue;
        };
        if t.kind != TokenKind::Word
            || !adjacent(text, &det, &t)
            || !is_capitalized(w)
            || w.chars().count() < 3
            || NOT_NAME.contains(&w)
            || tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && is_capitalized(n.text(text)) && adjacent(text, &t, n)
            })
        {
            continue;
        }
        // The first (in list order) of the organizations with this head named before
        // the word, if all of them are one entity.
        while let Some(&k) = candidates.by_end.get(candidates.read) {
            if entities[k].span.end > det.span.start {
                break;
            }
            steps::add(1);
            candidates.read += 1;
            match candidates.first {
                Some(f) if entities[f].id != entities[k].id => candidates.unique = false,
                Some(f) => candidates.first = Some(f.min(k)),
                None => candidates.first = Some(k),
            }
        }
        let Some(k) = candidates.first.filter(|_| candidates.unique) else {
            continue;
        };
        // Added mentions are single words in text order: only the last may overlap.
        if taken.overlaps(t.span)
            || added
                .last()
                .is_some_and(|e: &Entity| e.span.overlaps(t.span))
        {
            continue;
        }
        let possessive = possessive_at(text, t.span.end).is_some();
        added.push(entities[k].linked_at(t.span, FoundBy::Coreference, possessive));
    }
    entities.extend(added);
}

/// How many [`SPORT_TERMS`] words make a document a sports report (and at least one
/// token in a hundred).
const SPORT_REPORT_MIN: usize = 6;
/// How many different [`SPORT_TERMS`] words a sports report has.
const SPORT_DISTINCT_MIN: usize = 4;

/// In a sports report, a country (or a constituent country such as England) named on
/// its own stands for its national team (`Sweden defeated South Korea 1 - 0`), an
/// organization: the mention keeps its canonical name and country but becomes an
/// organization of subtype `national team` with a document id. CoNLL-2003 marks national teams as locations, GUM as
/// organizations; the type follows what the name refers to.
fn national_teams(tokens: &[Token], doc_words: &DocWords, entities: &mut [Entity<'_>]) {
    let is_country = |e: &Entity| {
        (e.entity_type == EntityType::Country
            || e.entity_type == EntityType::Location && e.subtype == "constituent country")
            && !e.nested
            && e.entry.is_some()
    };
    if !entities.iter().any(is_country) {
        return;
    }
    // At least SPORT_REPORT_MIN sports words, four of them different, and one word
    // in a hundred: a political story that mentions a league or a goal is no report.
    let mut seen: Vec<u32> = Vec::new();
    let mut count = 0;
    for i in doc_words.with_any(crate::text::words::SPORT) {
        count += 1;
        let id = doc_words.id(i);
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if count < SPORT_REPORT_MIN.max(tokens.len() / 100) || seen.len() < SPORT_DISTINCT_MIN {
        return;
    }
    for e in entities.iter_mut().filter(|e| is_country(e)) {
        e.entity_type = EntityType::Organization;
        e.subtype = "national team";
        e.id = Cow::Owned(resolve::document_id(
            EntityType::Organization,
            &format!("{} national team", e.canonical),
        ));
        e.entry = None;
    }
}

/// Adds the places and people named inside organization names as nested mentions
/// (`U.S.` in `U.S. Department of Agriculture`, `Texas` in `University of Texas`,
/// `Andy Warhol` in `Andy Warhol Foundation` when the document names him): the people
/// the document names in full elsewhere, and the lexicon places and people that the
/// gazetteer's longest-match rule (`inner`) or an organization shape ([`org_patterns`])
/// set aside, lying wholly inside a final organization mention and not already a
/// mention themselves. Entities need not be sorted; the new ones are appended.
fn add_nested<'a>(
    env: Env<'a>,
    text: &str,
    matches: &[GazetteerMatch],
    inner: &[GazetteerMatch],
    entities: &mut Vec<Entity<'a>>,
) {
    let lexicon = env.lexicon().entries();
    let mut orgs: Vec<Span> = entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Organization && !e.nested)
        .map(|e| e.span)
        .collect();
    if orgs.is_empty() {
        return;
    }
    // Indexes, so that the work is linear in the document: the organizations by start
    // (with the furthest end so far, to stop the look-back), and the spans taken.
    orgs.sort_unstable_by_key(|o| (o.start, o.end));
    let mut reach = Vec::with_capacity(orgs.len());
    let mut furthest = 0;
    for o in &orgs {
        furthest = furthest.max(o.end);
        reach.push(furthest);
    }
    // Whether an organization holds `span` and is not `span` itself: of those starting
    // at or before it, back while one may still reach its end.
    let inside = |span: Span| {
        let upto = orgs.partition_point(|o| o.start <= span.start);
        (0..upto)
            .rev()
            .inspect(|_| steps::add(1))
            .take_while(|&i| reach[i] >= span.end)
            .any(|i| orgs[i].end >= span.end && orgs[i] != span)
    };
    let mut taken: std::collections::HashSet<Span> = entities.iter().map(|e| e.span).collect();
    let mut added: Vec<Entity<'a>> = Vec::new();
    for m in matches.iter().chain(inner) {
        if m.form != Form::Name
            || !matches!(
                lexicon[m.entry].entity_type,
                EntityType::Country | EntityType::Location | EntityType::Person
            )
        {
            continue;
        }
        if !inside(m.span) || !taken.insert(m.span) {
            continue;
        }
        let mut e = Entity::from_entry(env, m.span, m.entry, FoundBy::Lexicon, m.possessive);
        e.nested = true;
        added.push(e);
    }
    // People the document names elsewhere, inside an organization's name (the `Andy
    // Warhol` of `Andy Warhol Foundation`): each distinct name with more than one word
    // (its first mention), by its first word.
    let mut people: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    let mut names_seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (k, e) in entities.iter().enumerate() {
        let name = e.span.slice(text);
        if e.entity_type != EntityType::Person || !names_seen.insert(name) {
            continue;
        }
        if let Some((first, _)) = name.split_once(' ') {
            people.entry(first).or_default().push(k);
        }
    }
    if people.is_empty() {
        entities.extend(added);
        return;
    }
    orgs.dedup();
    for o in &orgs {
        let name = o.slice(text);
        // Word starts inside the name: a person's name can only begin at one.
        let starts = std::iter::once(0).chain(
            name.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ' || b == b'-')
                .map(|(p, _)| p + 1),
        );
        for at in starts {
            let word = name[at..].split(' ').next().unwrap_or("");
            let Some(candidates) = people.get(word) else {
                continue;
            };
            for &k in candidates {
                steps::add(1);
                let person = entities[k].span.slice(text);
                if person.len() >= name.len() || !name[at..].starts_with(person) {
                    continue;
                }
                let span = Span::new(o.start + at, o.start + at + person.len());
                let bounded = crate::entities::gazetteer::next_char(text, span.end)
                    .is_none_or(|c| !c.is_alphanumeric());
                if bounded && taken.insert(span) {
                    let mut e = entities[k].linked_at(span, entities[k].found_by, false);
                    e.nested = true;
                    added.push(e);
                }
            }
        }
    }
    entities.extend(added);
}

/// The gazetteer matches as entities (demonyms as nationalities), in match order.
fn lexicon_entities<'a>(env: Env<'a>, matches: &[GazetteerMatch]) -> Vec<Entity<'a>> {
    matches
        .iter()
        .map(|m| {
            let found_by = match m.form {
                Form::Name => FoundBy::Lexicon,
                Form::Demonym => FoundBy::Demonym,
            };
            let mut e = Entity::from_entry(env, m.span, m.entry, found_by, m.possessive);
            if m.form == Form::Demonym {
                e.entity_type = EntityType::Nationality;
            }
            e
        })
        .collect()
}

/// The rule-based steps of the entity stage (everything but the mention model).
pub(crate) fn find_entities_rules<'a>(
    env: Env<'a>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    matches: &[GazetteerMatch],
    date: Option<&str>,
) -> Vec<Entity<'a>> {
    let mut entities = lexicon_entities(env, matches);

    let mut people = resolve::People::new(env);
    for e in &entities {
        people.introduce(text, e);
    }
    org_patterns(text, tokens, doc_words, &mut entities);
    title_patterns(env, text, tokens, doc_words, &mut entities, &mut people);
    name_patterns(env, text, tokens, doc_words, &mut entities, &mut people);
    resolve::acronyms(text, tokens, &mut entities);
    resolve::surnames(
        Some(&env.words().surnames),
        text,
        tokens,
        doc_words,
        sentences,
        &mut entities,
        &people,
    );

    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    entities.dedup_by(|a, b| a.span == b.span);
    for e in &mut entities {
        e.sentence = sentence_of(sentences, e.span.start);
    }
    set_roles(env, &mut entities, date);
    entities
}

/// Gives each lexicon person the roles held on `date` (the latest known without one).
fn set_roles<'a>(env: Env<'a>, entities: &mut [Entity<'a>], date: Option<&str>) {
    let lexicon = env.lexicon().entries();
    for e in entities {
        if let (EntityType::Person, Some(i)) = (e.entity_type, e.entry) {
            e.roles = lexicon[i].roles_on(date);
        }
    }
}

/// The confidence of a mention found by the rules: the share of such mentions (same
/// `found_by`, same type) that were right on the TRAIN splits of CoNLL-2003 and GUM
/// (a right type on an overlapping gold name; predictions that only overlap a CoNLL
/// MISC name not counted), as measured by `scripts/train/fit_confidence.py` (which writes
/// `models/confidence.tsv`). Demonyms are of type nationality: their row is the share of them that
/// overlap a CoNLL MISC name (which covers nationalities). The `Model` rows are only a
/// fallback (model mentions carry the classifier's probability), and in-sample.
pub fn confidence_of(found_by: FoundBy, entity_type: EntityType) -> f32 {
    confidence::lookup(found_by, entity_type)
}

/// Index of the sentence containing byte `pos` (or the last one starting before it).
pub(crate) fn sentence_of(sentences: &[Span], pos: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= pos)
        .saturating_sub(1)
}

/// True when the tokens `a` and `b` are separated by exactly one space (or nothing).
#[inline]
pub(crate) fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.span.end..b.span.start];
    gap.is_empty() || gap == " " || gap == "\u{A0}"
}

/// Removes the entities whose flag in `marked` (parallel to `entities`) is set.
pub(crate) fn remove_marked(entities: &mut Vec<Entity<'_>>, marked: &[bool]) {
    let mut k = 0;
    entities.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
}
