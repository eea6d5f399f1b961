//! Name patterns: people after titles and honorifics, names that start with a known
//! given name, and organizations by their head words (`... Ministry of ...`).

use super::{adjacent, remove_marked, resolve, Env};
use crate::lexicon::closed::{HONORIFICS, NAME_PARTICLES, NOT_NAME, ORG_HEADS};
use crate::lexicon::RoleKind;
use crate::text::tokenize::possessive_at;
use crate::text::words::{is_capitalized, DocWords, FIRST_NAME, ORG_HEAD, TITLE_HEAD};
use crate::types::{Entity, EntityType, FoundBy, Span, SpanSet};
use crate::types::{Token, TokenKind};
use crate::util::steps;

/// Finds a title (possibly several words, possibly after `then-`/`ex-`) ending at a
/// token index; returns the index of the token after it.
#[inline]
pub(super) fn title_at(
    env: Env<'_>,
    text: &str,
    tokens: &[Token],
    doc_words: &DocWords,
    i: usize,
) -> Option<usize> {
    // Most words start no title: the vocabulary says so without a lookup here (a
    // hyphenated word may still end in one). This test is inlined where it is asked.
    if !doc_words.has(i, TITLE_HEAD) && !doc_words.hyphenated(i) {
        return None;
    }
    title_from(env, text, tokens, i)
}

/// [`title_at`] past its first test.
#[inline(never)]
pub(super) fn title_from(env: Env<'_>, text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let first = tokens[i];
    if first.kind != TokenKind::Word {
        return None;
    }
    let first_text = first.text(text);
    // then-Attorney General, ex-President, vice-President: the part after the hyphen.
    let head = match memchr::memrchr(b'-', first_text.as_bytes()) {
        Some(p) => &first_text[p + 1..],
        None => first_text,
    };
    if head.as_bytes().first().is_some_and(u8::is_ascii_lowercase) || !is_capitalized(head) {
        return None;
    }
    // Honorifics: Mr. / Mr
    if HONORIFICS.contains(&head) {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.text(text) == ".") {
            j += 1;
        }
        return Some(j);
    }
    // Longest title of up to four words. The phrase is a slice of the text while the
    // words are one space apart, else a copy with single spaces.
    let words = env.words();
    let head_start = first.span.end - head.len();
    let mut owned: Option<String> = None;
    let mut best = None;
    for k in 0..4 {
        let j = i + k;
        if k > 0 {
            let Some(t) = tokens.get(j) else { break };
            if t.kind != TokenKind::Word || !adjacent(text, &tokens[j - 1], t) {
                break;
            }
            let gap = &text[tokens[j - 1].span.end..t.span.start];
            if gap != " " && owned.is_none() {
                owned = Some(text[head_start..tokens[j - 1].span.end].to_string());
            }
            if let Some(o) = owned.as_mut() {
                o.push(' ');
                o.push_str(t.text(text));
            }
        }
        let phrase = match &owned {
            Some(o) => o.as_str(),
            None => &text[head_start..tokens[j].span.end],
        };
        if words.roles.get(phrase) == Some(&RoleKind::Title) {
            best = Some(j + 1);
        }
        if !words.title_prefixes.contains(phrase) {
            break;
        }
    }
    best
}

/// Names right after a title or honorific become person entities (or link to one).
pub(super) fn title_patterns<'a>(
    env: Env<'a>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
    people: &mut resolve::People<'a>,
) {
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    // Found left to right, so only the last one can overlap the next.
    let mut found: Vec<Entity<'a>> = Vec::new();
    // Titles start at words the vocabulary flags (or hyphenated ones: "ex-President"),
    // after the last name found.
    let mut next = 0;
    for i in doc_words.with_any_or_hyphen(TITLE_HEAD) {
        steps::add(1);
        if i < next {
            continue;
        }
        let Some(after) = title_at(env, text, tokens, doc_words, i) else {
            continue;
        };
        // Name words: capitalized words and initials, adjacent, up to four.
        let mut j = after;
        let mut name_end = None;
        let mut words = 0;
        while j < tokens.len() && words < 4 {
            let t = tokens[j];
            if j > after && !adjacent(text, &tokens[j - 1], &t) {
                break;
            }
            let w = t.text(text);
            if t.kind == TokenKind::Word && is_capitalized(w) && !NOT_NAME.contains(&w) {
                // Another title ends the name ("President Biden Secretary ...").
                if j > after && title_at(env, text, tokens, doc_words, j).is_some() {
                    break;
                }
                words += 1;
                name_end = Some(j);
                j += 1;
                // An initial: "J." continues the name.
                if w.chars().count() == 1 && tokens.get(j).is_some_and(|t| t.text(text) == ".") {
                    j += 1;
                }
            } else {
                break;
            }
        }
        let Some(last) = name_end else {
            next = after.max(i + 1);
            continue;
        };
        let span = Span::new(tokens[after].span.start, tokens[last].span.end);
        if !known.overlaps(span) && !found.last().is_some_and(|f| f.span.overlaps(span)) {
            let possessive = tokens
                .get(last + 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            let entity = if words == 1 {
                people.link(span.slice(text), span, possessive)
            } else {
                None
            };
            let entity = entity.unwrap_or_else(|| resolve::document_person(text, span, possessive));
            people.introduce(text, &entity);
            found.push(entity);
        }
        next = last + 1;
    }
    entities.extend(found);
}

/// Names that start with a known given name and go on with capitalized words (and
/// initials, and particles between them) become person entities.
pub(super) fn name_patterns<'a>(
    env: Env<'a>,
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
    people: &mut resolve::People<'a>,
) {
    let first_names = &env.words().first_names;
    if first_names.is_empty() {
        return;
    }
    let known = SpanSet::new(entities.iter().map(|e| e.span).collect());
    // Found left to right, so only the last one can overlap the next.
    let mut last_found: Option<Span> = None;
    let is_covered = |last_found: Option<Span>, span: Span| {
        known.overlaps(span) || last_found.is_some_and(|f| f.overlaps(span))
    };
    let mut found = Vec::new();
    // Names start at words the vocabulary flags as given names, after the last name.
    let mut next = 0;
    for i in doc_words.with_any(FIRST_NAME) {
        steps::add(1);
        let t = tokens[i];
        if i < next
            || t.kind != TokenKind::Word
            || !first_names.contains(t.text(text))
            || is_covered(last_found, t.span)
        {
            continue;
        }
        // The rest of the name: capitalized words, initials, particles.
        let mut j = i + 1;
        let mut last = None;
        while j < tokens.len() && j - i <= 4 {
            let n = tokens[j];
            if !adjacent(text, &tokens[j - 1], &n)
                || n.kind != TokenKind::Word
                || is_covered(last_found, n.span)
            {
                break;
            }
            let w = n.text(text);
            if NAME_PARTICLES.contains(&w) {
                j += 1;
                continue;
            }
            if !is_capitalized(w)
                || NOT_NAME.contains(&w)
                || title_at(env, text, tokens, doc_words, j).is_some()
            {
                break;
            }
            if w.chars().count() == 1 {
                // An initial needs its period: "George W. Bush".
                if tokens.get(j + 1).is_some_and(|p| p.text(text) == ".") {
                    j += 2;
                    continue;
                }
                break;
            }
            last = Some(j);
            j += 1;
        }
        let Some(last) = last else {
            continue;
        };
        let span = Span::new(t.span.start, tokens[last].span.end);
        let possessive = tokens
            .get(last + 1)
            .is_some_and(|x| x.kind == TokenKind::Possessive);
        let entity = resolve::document_person(text, span, possessive);
        people.introduce(text, &entity);
        last_found = Some(span);
        found.push(entity);
        next = last + 1;
    }
    entities.extend(found);
}

/// The most words an organization name takes before its head word, and after its `of`: a
/// longer run of capitalized words is a headline or a list (of countries, of parties),
/// not one name, and gives none.
const MAX_NAME_TOKENS: usize = 16;

/// Lower-case words allowed between capitalized words of an organization name.
pub(super) const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "&", "on", "de"];

/// Organization shapes: capitalized words ending in a head word (`Civic Party`), or a
/// head word followed by `of` and capitalized words (`Ministry of Foreign Affairs`).
/// Place names and demonyms inside (`Bank of England`, `Russian Foreign Ministry`) give
/// way to the organization.
pub(super) fn org_patterns<'a>(
    text: &'a str,
    tokens: &[Token],
    doc_words: &DocWords,
    entities: &mut Vec<Entity<'a>>,
) {
    let cap = |t: &Token| {
        t.kind == TokenKind::Word
            && is_capitalized(t.text(text))
            && !NOT_NAME.contains(&t.text(text))
    };
    // Does a run of capitalized words from token `k` end in a head word (so a
    // connector before it joins two organizations, not one name)?
    let starts_org = |k: usize| {
        let mut k = k;
        while k < tokens.len() && cap(&tokens[k]) {
            steps::add(1);
            if ORG_HEADS.contains(&tokens[k].text(text)) {
                return true;
            }
            if k + 1 < tokens.len() && !adjacent(text, &tokens[k], &tokens[k + 1]) {
                break;
            }
            k += 1;
        }
        false
    };
    let mut spans: Vec<Span> = Vec::new();
    // The head words are capitalized: names are looked for from the capitalized words,
    // after the previous name.
    let mut next = 0;
    for &c in doc_words.capitalized(tokens) {
        let mut i = c as usize;
        let t = tokens[i];
        if i < next || !doc_words.has(i, ORG_HEAD) || !ORG_HEADS.contains(&t.text(text)) {
            continue;
        }
        // The last of adjacent head words heads the name ("Acme Holdings Inc.").
        while tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && ORG_HEADS.contains(&n.text(text))
                && adjacent(text, &tokens[i], n)
        }) {
            i += 1;
        }
        let t = tokens[i];
        // Left: adjacent capitalized words (connectors only between them).
        let mut first = i;
        let mut j = i;
        let mut too_long = false;
        while j > 0 && adjacent(text, &tokens[j - 1], &tokens[j]) {
            steps::add(1);
            if i - j >= MAX_NAME_TOKENS {
                too_long = true;
                break;
            }
            let p = &tokens[j - 1];
            if cap(p) {
                first = j - 1;
                j -= 1;
            } else if matches!(p.text(text), "of" | "for" | "&" | "de")
                && j >= 2
                && cap(&tokens[j - 2])
                && first == j
            {
                j -= 1;
            } else {
                break;
            }
        }
        if too_long {
            next = i + 1;
            continue;
        }
        // Right: "of" and capitalized words.
        let mut last = i;
        if tokens
            .get(i + 1)
            .is_some_and(|n| n.text(text) == "of" && adjacent(text, &tokens[i], n))
        {
            let mut k = i + 2;
            while k < tokens.len() && adjacent(text, &tokens[k - 1], &tokens[k]) {
                steps::add(1);
                if k - i > MAX_NAME_TOKENS {
                    too_long = true;
                    break;
                }
                if cap(&tokens[k]) {
                    last = k;
                    k += 1;
                } else if ORG_CONNECTORS.contains(&tokens[k].text(text))
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| cap(n) && adjacent(text, &tokens[k], n))
                    && !starts_org(k + 1)
                {
                    k += 1;
                } else {
                    break;
                }
            }
        }
        if too_long {
            next = last + 1;
            continue;
        }
        // Corp./Inc./Co. take their period.
        let mut end = tokens[last].span.end;
        if last == i
            && matches!(t.text(text), "Corp" | "Inc" | "Ltd")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.text(text) == "." && n.span.start == end)
        {
            end += 1;
        }
        if first < i || last > i {
            spans.push(Span::new(tokens[first].span.start, end));
        }
        next = last + 1;
    }
    if spans.is_empty() {
        return;
    }
    entities.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut remove = vec![false; entities.len()];
    let mut add = Vec::new();
    for span in spans {
        steps::add(1);
        let lo =
            entities.partition_point(|e| e.span.end <= span.start && e.span.start < span.start);
        let hi = entities.partition_point(|e| e.span.start < span.end);
        let overlapping = lo..hi.max(lo);
        let inside = entities[overlapping.clone()]
            .iter()
            .filter(|e| e.span.overlaps(span));
        let mut ok = true;
        for e in inside {
            if !span.contains(e.span) || e.span == span {
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        for k in overlapping {
            if span.contains(entities[k].span) {
                remove[k] = true;
            }
        }
        let name = span.slice(text);
        add.push(Entity::in_document(
            span,
            EntityType::Organization,
            name,
            name,
            FoundBy::Pattern,
            possessive_at(text, span.end).is_some(),
        ));
    }
    remove_marked(entities, &remove);
    entities.extend(add);
}
