//! Attribution: the reporting cues of a sentence (verbs, "according to", cue
//! phrases) and, for each, its speaker and its content.

use super::stance::{modality, stance};
use super::{cue_probability, UNSEEN};
use crate::lexicon::WordLists;
use crate::model::cue::CueModel;
use crate::text::words::is_capitalized;
use crate::text::words::{lower, Slice, CUE_HEAD, CUE_VOCAB};
use crate::types::{Claim, ClaimKind, CueClass, Entity, EntityType, Modality, Span, Speaker};
use crate::types::{Token, TokenKind};

/// Auxiliaries and adverbs skipped between a subject and its reporting verb.
pub(super) const SKIP_BEFORE_CUE: &[&str] = &[
    "have",
    "has",
    "had",
    "will",
    "would",
    "also",
    "however",
    "reportedly",
    "previously",
    "repeatedly",
    "publicly",
    "later",
    "again",
    "already",
    "recently",
    "initially",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "not",
    "never",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "firmly",
    "strongly",
    "earlier",
    "then",
    "once",
    "all",
    "both",
    "further",
    "separately",
    "privately",
    "openly",
    "flatly",
    "quickly",
    "still",
];

/// Words that end a speaker noun phrase when walking back from the cue.
pub(super) const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "when", "while", "but", "because", "as", "if", "after",
    "before", "so", "since", "although", "though", "and", "or", "where", "than", "whether", "said",
    "says", "is", "was", "are", "were", "to",
];

/// Determiners: a cue word right after one is a noun ("the claims", "a report").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this",
    "that", "such", "no", "any", "some",
];

/// Prepositions (and the infinitive `to`): a cue word right after one is no verb.
pub(super) const PREPOSITIONS: &[&str] = &[
    "to", "for", "of", "in", "on", "with", "by", "from", "about", "over", "against", "into",
    "after", "under", "without", "amid", "despite",
];

/// Detector probability from which a cue stands without a speaker found for it (chosen
/// on PolNeAR train among 0.5, 0.7 and never).
pub(super) const SPEAKERLESS_CUE_PROBABILITY: f32 = 0.7;

/// The sentence span without its final punctuation and closing quotes.
pub(super) fn trim_final_punct(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')') || c.is_whitespace()
    });
    Span::new(span.start, span.start + t.len())
}

/// A cue found in a sentence: token range and class.
pub(super) struct CueHit {
    first: usize,
    last: usize,
    class: Option<CueClass>,
    according_to: bool,
    participle: bool,
    /// An `-ing` form after a preposition ("by saying") or an infinitive ("to say").
    gerund: bool,
    /// A passive with its agent ("was reported by X").
    passive: bool,
    /// A headline colon after a short name ("Graham: Trump Is Destroying the GOP").
    colon: bool,
    /// A past participle opening a reduced clause ("Asked whether ..., X said"; "when
    /// asked about ..."): reported with no speaker.
    reduced: bool,
    /// The cue detector's probability (1 for rule cues).
    prob: f32,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn find_attributions(
    words: &WordLists,
    model: &CueModel,
    text: &str,
    toks: &[Token],
    low: Slice,
    sent: Span,
    quotes: &[Span],
    entities: &[Entity],
    out: &mut Vec<Claim>,
) {
    let cues = &words.cues;
    // Quotes overlapping this sentence, to skip cue words inside them.
    // Quotes are in text order and do not overlap: binary search the ones near here.
    let lo = quotes.partition_point(|q| q.end < sent.start.saturating_sub(400));
    let hi = quotes.partition_point(|q| q.start < sent.end + 2);
    let quotes = &quotes[lo..hi.max(lo)];
    let quotes_here: Vec<Span> = quotes
        .iter()
        .filter(|q| q.overlaps(sent))
        .copied()
        .collect();
    let in_quote = |span: Span| quotes_here.iter().any(|q| q.contains(span));
    let mut hits: Vec<CueHit> = Vec::new();
    // Sentence state the cue detector reads: a lexicon cue or `that` earlier on.
    let mut cue_before = false;
    let mut that_before = false;
    let mut feature = String::new();
    // The detector's word id of each token, filled on first use (a token is seen as
    // the candidate and as up to four neighbours).
    let mut word_ids = vec![UNSEEN; toks.len()];
    let mut k = 0;
    while k < toks.len() {
        crate::util::steps::add(1);
        let t = toks[k];
        if t.kind != TokenKind::Word {
            k += 1;
            continue;
        }
        let w = low.lower(k);
        if w == "that" {
            that_before = true;
        }
        let is_head = low.has(k, CUE_HEAD);
        if w != "according" && !is_head && !low.has(k, CUE_VOCAB) {
            k += 1;
            continue;
        }
        let quoted = in_quote(t.span);
        if w == "according"
            && !quoted
            && toks
                .get(k + 1)
                .is_some_and(|n| n.text(text).eq_ignore_ascii_case("to"))
        {
            hits.push(CueHit {
                first: k,
                last: k + 1,
                class: Some(CueClass::Report),
                according_to: true,
                participle: false,
                gerund: false,
                passive: false,
                reduced: false,
                colon: false,
                prob: 1.0,
            });
            cue_before = true;
            k += 2;
            continue;
        }
        // Longest cue phrase of up to three words ("expressed concern", "told reporters").
        let best = if is_head {
            longest_cue(text, toks, k, cues, low)
        } else {
            None
        };
        if quoted {
            cue_before |= best.is_some();
            k += 1;
            continue;
        }
        let (last, class) = match best {
            Some((last, class)) => (last, Some(class)),
            None => (k, None),
        };
        let prev = k.checked_sub(1).map(|p| low.lower(p));
        let next = low.get(last + 1);
        // A gerund after a preposition reports ("began by saying"), and so do an
        // infinitive ("declined to say", taking the main clause's subject) and a passive
        // with its agent ("was first reported by MSNBC").
        let participle = w.ends_with("ing");
        let gerund = (participle && prev.is_some_and(|p| p != "to" && PREPOSITIONS.contains(&p)))
            || prev == Some("to");
        let is_aux = |j: usize| {
            toks[j].kind == TokenKind::Word
                && matches!(low.lower(j), "was" | "were" | "is" | "are" | "been" | "be")
        };
        // The auxiliary may stand one adverb away ("was first reported by").
        let passive = next == Some("by")
            && k > 0
            && (is_aux(k - 1)
                || (k > 1
                    && is_aux(k - 2)
                    && toks[k - 1].kind == TokenKind::Word
                    && (toks[k - 1].text(text).ends_with("ly")
                        || matches!(prev, Some("first" | "also" | "later")))));
        let reduced = w.ends_with("ed")
            && (k == 0 || prev == Some("when"))
            && next.is_some_and(|n| {
                matches!(
                    n,
                    "if" | "whether" | "about" | "what" | "who" | "how" | "why" | "by"
                )
            });
        // Not a reporting verb here, whatever the detector says: a word after a
        // determiner or a preposition ("the claims", "for alleged crimes"), after a
        // possessive ("Trump's comments"), capitalized inside a sentence ("the Drudge
        // Report"), right before another cue ("a report said"), or a participle with
        // "by" or "of" and no auxiliary ("officials accused of", "denied by"; but "he said
        // of Trump").
        let prev_possessive = k > 0 && toks[k - 1].kind == TokenKind::Possessive;
        let capitalized_inside = k > 0
            && is_capitalized(t.text(text))
            && toks[k - 1].kind == TokenKind::Word
            && !is_capitalized(toks[k - 1].text(text));
        let before_cue = toks
            .get(last + 1)
            .is_some_and(|n| n.kind == TokenKind::Word && low.has(last + 1, CUE_HEAD));
        let not_verb = prev
            .is_some_and(|p| DETERMINERS.contains(&p) || (PREPOSITIONS.contains(&p) && !gerund))
            || prev_possessive
            || capitalized_inside
            || before_cue
            || next.is_some_and(|n| {
                (n == "by" && !passive) || (n == "of" && class != Some(CueClass::Speech))
            });
        // The rules first: they are cheaper than the detector, which only sees
        // candidates they let through (the outcome is the same either way).
        if not_verb {
            cue_before |= best.is_some();
            k += 1;
            continue;
        }
        let p = cue_probability(
            text,
            toks,
            k,
            best,
            cue_before,
            that_before,
            model,
            &mut feature,
            &mut word_ids,
            low,
        );
        cue_before |= best.is_some();
        if p < model.threshold {
            k += 1;
            continue;
        }
        hits.push(CueHit {
            first: k,
            last,
            class,
            according_to: false,
            participle,
            gerund,
            passive: passive && !reduced,
            reduced,
            colon: false,
            prob: p,
        });
        k = last + 1;
    }

    // Cue words at most two words apart with only words between are one cue ("went on
    // to say", "sent out a statement saying", "told reporters he believes"): one claim.
    let mut merged: Vec<CueHit> = Vec::with_capacity(hits.len());
    for h in hits {
        crate::util::steps::add(1);
        if let Some(prev) = merged.last_mut() {
            let between = prev.last + 1..h.first;
            if !prev.according_to
                && !h.according_to
                && h.first > prev.last
                && h.first - prev.last <= 3
                && toks[between].iter().all(|t| {
                    t.kind == TokenKind::Word && !t.text(text).eq_ignore_ascii_case("that")
                })
            {
                prev.last = h.last;
                prev.class = prev.class.or(h.class);
                prev.prob = prev.prob.max(h.prob);
                continue;
            }
        }
        merged.push(h);
    }
    let mut hits = merged;

    // A headline colon: "Graham: Trump's Rhetoric Destroying GOP." A name of at most
    // five capitalized words (and possessives) opening the sentence and ending with an
    // entity mention, then a colon and more words.
    if let Some(c) = toks.iter().take(6).position(|t| t.text(text) == ":") {
        // In the headline (the text's first sentence) any short name-like phrase
        // starting with a capital will do ("Poll:", "Clinton camp:", "Wash Post
        // Fact-Check:"); elsewhere only capitalized words.
        let headline = text[..sent.start].trim().is_empty();
        let name_ok = c > 0
            && is_capitalized(toks[0].text(text))
            && toks[..c].iter().all(|t| match t.kind {
                TokenKind::Word => headline || is_capitalized(t.text(text)),
                TokenKind::Possessive => true,
                TokenKind::Punct => headline && matches!(t.text(text), "." | "-"),
                _ => false,
            });
        // The name is an entity's ("Graham", "NY Daily News"), and words follow.
        let name_end = toks.get(c.wrapping_sub(1)).map(|t| t.span.end);
        // Entities are sorted by start: only those starting in the name can end it.
        let lo = entities.partition_point(|e| e.span.start < sent.start);
        let hi = entities.partition_point(|e| Some(e.span.start) < name_end);
        let entity_name = entities[lo..hi.max(lo)].iter().any(|e| {
            Some(e.span.end) == name_end
                && matches!(
                    e.entity_type,
                    EntityType::Person | EntityType::Organization | EntityType::Country
                )
        });
        let opens = toks.get(c + 1).is_some_and(|t| {
            t.kind == TokenKind::Word || t.text(text) == "‘" || t.text(text) == "'"
        });
        if name_ok && (entity_name || headline) && c + 3 < toks.len() && opens {
            hits.insert(
                0,
                CueHit {
                    first: c,
                    last: c,
                    class: Some(CueClass::Speech),
                    according_to: false,
                    participle: false,
                    gerund: false,
                    passive: false,
                    reduced: false,
                    colon: true,
                    prob: 1.0,
                },
            );
        }
    }
    let sent_end = trim_final_punct(text, sent).end;
    let first_claim = out.len();
    for hit in &hits {
        crate::util::steps::add(1);
        let cue = Span::new(toks[hit.first].span.start, toks[hit.last].span.end);
        let (speaker_np, content, inherit) = if hit.according_to {
            // The next `according to` ends this one's speaker (another cue may be in a
            // relative clause of it: "a source who said ...").
            crate::util::steps::add(hits.len());
            let next_first = hits
                .iter()
                .filter(|h| h.according_to && h.first > hit.last)
                .map(|h| h.first)
                .min()
                .unwrap_or(toks.len());
            let (sp, c) = according_to(text, toks, hit, next_first, sent, sent_end);
            (sp, c, false)
        } else if hit.colon {
            let speaker = Span::new(toks[0].span.start, toks[hit.first - 1].span.end);
            let after = hit.last + 1;
            let content = (toks[after].span.start < sent_end)
                .then(|| Span::new(toks[after].span.start, sent_end));
            (Some(speaker), content, false)
        } else if hit.reduced {
            // The question or topic, up to the comma that ends the clause.
            let first = hit.last + 1;
            let mut j = first;
            while j < toks.len() && toks[j].span.end <= sent_end && toks[j].text(text) != "," {
                crate::util::steps::add(1);
                j += 1;
            }
            let content =
                (j > first).then(|| Span::new(toks[first].span.start, toks[j - 1].span.end));
            (None, content, false)
        } else {
            verb_cue(
                text,
                toks,
                hit,
                out.len() > first_claim,
                sent,
                sent_end,
                quotes,
            )
        };
        let speaker = match speaker_np {
            Some(np) => Some(resolve_speaker(text, np, entities)),
            // A participle with no subject of its own ("..., acknowledging that"):
            // the speaker of the claim before it in the sentence.
            None if hit.participle || inherit => out
                .get(first_claim..)
                .and_then(|c| c.last())
                .and_then(|c| c.speaker),
            None => None,
        };
        // A finite reporting verb with nobody before or after it reports nothing
        // ("Good evening, and welcome."), unless the detector is sure of it.
        if speaker.is_none()
            && !hit.according_to
            && !hit.reduced
            && hit.prob < SPEAKERLESS_CUE_PROBABILITY
        {
            continue;
        }
        // Content stops where the next cue's clause begins ("..., acknowledging that").
        crate::util::steps::add(hits.len());
        let content = content.map(|c| {
            match hits.iter().find(|h| {
                let s = toks[h.first].span.start;
                s > c.start && s < c.end
            }) {
                Some(next) => {
                    let mut end = next.first;
                    while end > 0
                        && toks[end - 1].kind == TokenKind::Punct
                        && toks[end - 1].span.start > c.start
                    {
                        crate::util::steps::add(1);
                        end -= 1;
                    }
                    Span::new(c.start, toks[end.max(1) - 1].span.end.max(c.start))
                }
                None => c,
            }
        });
        let content = content.filter(|c| !c.is_empty());
        let mut span = cue;
        for part in [speaker.map(|s| s.span), content].into_iter().flatten() {
            span = Span::new(span.start.min(part.start), span.end.max(part.end));
        }
        let (modality, modality_cue) = match hit.class {
            Some(CueClass::Deny) => (Modality::Negated, Some(cue)),
            _ => content.map_or((Modality::Asserted, None), |c| {
                modality(toks, low, c, Some(cue))
            }),
        };
        let stance = stance(text, toks, low, hit.class, content, entities);
        out.push(Claim {
            span,
            sentence: 0,
            kind: ClaimKind::Attributed,
            score: 0.0,
            speaker,
            cue: Some(cue),
            cue_class: hit.class,
            content,
            stance,
            modality,
            modality_cue,
        });
    }
}

/// The longest lexicon cue phrase of up to three words starting at token `k`: its last
/// token and class. "expressed concerns" is the phrase "expressed concern" too.
pub(super) fn longest_cue(
    text: &str,
    toks: &[Token],
    k: usize,
    cues: &rustc_hash::FxHashMap<String, crate::lexicon::Cue>,
    low: Slice,
) -> Option<(usize, CueClass)> {
    // The word alone: its class is in the vocabulary.
    let mut best = if low.has(k, crate::text::words::CUE) {
        low.info(k).cue_class.map(|c| (k, c))
    } else {
        None
    };
    // Longer forms only after a word that starts one.
    if !low.has(k, crate::text::words::CUE_PHRASE_HEAD) {
        return best;
    }
    let mut phrase = low.lower(k).to_string();
    for n in 1..3 {
        crate::util::steps::add(1);
        let Some(next) = toks.get(k + n) else { break };
        if next.kind != TokenKind::Word {
            break;
        }
        phrase.push(' ');
        phrase.push_str(&lower(next.text(text)));
        let found = cues
            .get(phrase.as_str())
            .or_else(|| phrase.strip_suffix('s').and_then(|p| cues.get(p)));
        if let Some(c) = found {
            best = Some((k + n, c.class));
        }
    }
    best
}

/// `according to X`: the speaker phrase runs to the next comma, the next `according
/// to` (its first token is `next_first`) or the end; the content is the rest of the
/// sentence.
pub(super) fn according_to(
    text: &str,
    toks: &[Token],
    hit: &CueHit,
    next_first: usize,
    sent: Span,
    sent_end: usize,
) -> (Option<Span>, Option<Span>) {
    let np_first = hit.last + 1;
    let mut np_last = None;
    let mut j = np_first;
    while j < toks.len().min(next_first) && toks[j].span.end <= sent_end {
        crate::util::steps::add(1);
        let s = toks[j].text(text);
        if toks[j].kind == TokenKind::Punct
            && matches!(s, "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"")
        {
            break;
        }
        np_last = Some(j);
        j += 1;
    }
    let speaker = np_last.map(|l| Span::new(toks[np_first].span.start, toks[l].span.end));
    let cue_start = toks[hit.first].span.start;
    let content = if hit.first > 0 {
        // "X happened, according to Y": the content is before the cue.
        let mut end = hit.first;
        while end > 0 && toks[end - 1].kind == TokenKind::Punct && toks[end - 1].text(text) == "," {
            crate::util::steps::add(1);
            end -= 1;
        }
        (end > 0).then(|| Span::new(sent.start, toks[end - 1].span.end.min(cue_start)))
    } else {
        // "According to Y, X happened."
        let after = j + 1;
        (after < toks.len() && toks[after].span.start < sent_end)
            .then(|| Span::new(toks[after].span.start, sent_end))
    };
    (speaker, content)
}

/// A reporting verb: find the speaker phrase and the content around it, and whether
/// the speaker is to be taken from the claim before it in the sentence (a verb
/// coordinated with an earlier cue: "... called X a liar and said ...").
pub(super) fn verb_cue(
    text: &str,
    toks: &[Token],
    hit: &CueHit,
    has_earlier_cue: bool,
    sent: Span,
    sent_end: usize,
    quotes: &[Span],
) -> (Option<Span>, Option<Span>, bool) {
    let word = |j: usize| lower(toks[j].text(text));
    let is_punct = |j: usize, p: &str| toks[j].kind == TokenKind::Punct && toks[j].text(text) == p;
    // Quote next to the cue.
    let cue_span = Span::new(toks[hit.first].span.start, toks[hit.last].span.end);
    let quote_before = quotes.iter().rev().find(|q| {
        q.end <= cue_span.start
            && cue_span.start - q.end <= 40
            && q.end >= sent.start.saturating_sub(400)
    });
    let quote_after = quotes.iter().find(|q| {
        q.start >= cue_span.end && q.start - cue_span.end <= 40 && q.start < sent.end + 2
    });

    let prev_is_comma_or_quote =
        hit.first > 0 && matches!(toks[hit.first - 1].text(text), "," | "”" | "\"" | "’" | "'");

    // Passive with agent: "The move was reported by MSNBC." The agent speaks; the
    // content is the subject clause before the auxiliary.
    if hit.passive {
        let first = hit.last + 2;
        let mut j = first;
        while j < toks.len()
            && toks[j].span.end <= sent_end
            && j - first < 8
            && toks[j].kind != TokenKind::Punct
            && !NP_STOP.contains(&word(j).as_ref())
        {
            crate::util::steps::add(1);
            j += 1;
        }
        let speaker = (j > first).then(|| Span::new(toks[first].span.start, toks[j - 1].span.end));
        let mut aux = hit.first - 1;
        if !matches!(
            word(aux).as_ref(),
            "was" | "were" | "is" | "are" | "been" | "be"
        ) {
            aux -= 1;
        }
        let content = (aux > 0)
            .then(|| Span::new(sent.start.max(toks[0].span.start), toks[aux - 1].span.end));
        return (speaker, content, false);
    }
    // Participle after a comma, or a gerund after a preposition: the speaker is the
    // main clause's subject.
    if hit.gerund || (hit.participle && prev_is_comma_or_quote) {
        // The subject of the main clause, unless a cue came first in the sentence
        // (then the caller takes that claim's speaker).
        let speaker = if has_earlier_cue {
            None
        } else {
            main_subject(text, toks)
        };
        let content = after_cue(text, toks, hit.last + 1, sent_end);
        return (speaker, content, false);
    }
    // Inverted: "..., said the minister." / "“...,” said Schmid."
    if prev_is_comma_or_quote {
        let after = hit.last + 1;
        if after < toks.len() {
            let w = toks[after].text(text);
            let starts_np = toks[after].kind == TokenKind::Word
                && (is_capitalized(w) || DETERMINERS.contains(&lower(w).as_ref()));
            if starts_np {
                let mut j = after;
                // A clause after the verb ("..., said the school was closed") is its
                // content, not an inverted speaker.
                let mut clause = false;
                while j < toks.len()
                    && toks[j].span.end <= sent_end
                    && !matches!(toks[j].text(text), "," | ";" | ":" | "." | "“" | "”" | "\"")
                {
                    crate::util::steps::add(1);
                    if toks[j].kind == TokenKind::Word
                        && matches!(
                            word(j).as_ref(),
                            "is" | "was"
                                | "are"
                                | "were"
                                | "has"
                                | "had"
                                | "have"
                                | "will"
                                | "would"
                        )
                    {
                        clause = true;
                        break;
                    }
                    j += 1;
                }
                if j > after && !clause {
                    let speaker = Span::new(toks[after].span.start, toks[j - 1].span.end);
                    let content = quote_before
                        .copied()
                        .or_else(|| before_comma(text, toks, hit.first, sent));
                    return (Some(speaker), content, false);
                }
            }
        }
    }
    // Normal order: speaker before the cue.
    let mut j = hit.first;
    // Skip auxiliaries and adverbs.
    while j > 0
        && toks[j - 1].kind == TokenKind::Word
        && SKIP_BEFORE_CUE.contains(&word(j - 1).as_ref())
    {
        crate::util::steps::add(1);
        j -= 1;
    }
    let skip_aux = |mut j: usize| {
        while j > 0
            && toks[j - 1].kind == TokenKind::Word
            && SKIP_BEFORE_CUE.contains(&word(j - 1).as_ref())
        {
            crate::util::steps::add(1);
            j -= 1;
        }
        j
    };
    // The start of the noun phrase ending before token `end`.
    let np_start = |end: usize| {
        let mut s = end;
        while s > 0 && end - s < 8 {
            crate::util::steps::add(1);
            let t = toks[s - 1];
            let ok = match t.kind {
                TokenKind::Word => !NP_STOP.contains(&word(s - 1).as_ref()),
                TokenKind::Possessive | TokenKind::Number => true,
                TokenKind::Punct => matches!(t.text(text), "." | "-" | "&") && s - 1 > 0,
            };
            if !ok {
                break;
            }
            s -= 1;
        }
        s
    };
    // Skip one parenthetical between commas: "Critics, particularly in Europe, have
    // ...", or a longer apposition when that finds a noun phrase ("Clinton, 35, the
    // daughter of ..., said").
    if j > 0 && is_punct(j - 1, ",") {
        let mut k = j - 1;
        let mut found = None;
        while k > 0 && j - k <= 30 {
            crate::util::steps::add(1);
            k -= 1;
            if is_punct(k, ",") {
                let kj = skip_aux(k);
                if j - k <= 8 || np_start(kj) < kj {
                    found = Some(kj);
                    if j - k > 8 && k > 0 && toks[k - 1].kind == TokenKind::Number {
                        // "Clinton, 35, ...": the age is no speaker; go on.
                        continue;
                    }
                    break;
                }
            }
        }
        if let Some(kj) = found {
            j = kj;
        }
    }
    let np_end = j;
    let s = np_start(np_end);
    // A relative pronoun is the speaker ("voters who say ..."); a verb coordinated
    // with an earlier one takes its subject ("Graham called ... and said ...").
    if s == np_end && np_end > 0 && toks[np_end - 1].kind == TokenKind::Word {
        let w = word(np_end - 1);
        if matches!(w.as_ref(), "who" | "which") {
            let speaker = toks[np_end - 1].span;
            let content = quote_after
                .copied()
                .or_else(|| after_cue(text, toks, hit.last + 1, sent_end));
            return (Some(speaker), content, false);
        }
        if matches!(w.as_ref(), "and" | "but") {
            let content = quote_after
                .copied()
                .or_else(|| after_cue(text, toks, hit.last + 1, sent_end));
            let speaker = if has_earlier_cue {
                None
            } else {
                main_subject(text, toks)
            };
            return (speaker, content, true);
        }
    }
    let speaker = (s < np_end).then(|| Span::new(toks[s].span.start, toks[np_end - 1].span.end));
    let content = if let Some(q) = quote_after {
        Some(*q)
    } else if let Some(q) = quote_before
        .filter(|_| hit.last + 1 >= toks.len() || toks[hit.last + 1].span.start >= sent_end)
    {
        Some(*q)
    } else {
        after_cue(text, toks, hit.last + 1, sent_end).or_else(|| {
            if speaker.is_some() {
                before_comma(text, toks, s, sent)
            } else {
                None
            }
        })
    };
    (speaker, content, false)
}

/// The clause after a cue, without a leading `that` or comma, to the sentence end.
pub(super) fn after_cue(text: &str, toks: &[Token], mut j: usize, sent_end: usize) -> Option<Span> {
    while j < toks.len()
        && (matches!(toks[j].text(text), "," | ":" | "that" | "“" | "\"")
            || toks[j].text(text).eq_ignore_ascii_case("that"))
    {
        crate::util::steps::add(1);
        j += 1;
    }
    (j < toks.len() && toks[j].span.start < sent_end)
        .then(|| Span::new(toks[j].span.start, sent_end))
}

/// The clause from the sentence start to the comma before token `j` (`X, he said`).
pub(super) fn before_comma(text: &str, toks: &[Token], j: usize, sent: Span) -> Option<Span> {
    let mut end = j;
    while end > 0 && matches!(toks[end - 1].text(text), "," | "”" | "\"" | "’") {
        crate::util::steps::add(1);
        end -= 1;
    }
    (end > 0 && end < j).then(|| Span::new(sent.start, toks[end - 1].span.end))
}

/// The subject of the sentence's main clause: after an introductory `However,`,
/// up to the first auxiliary or verb-like word.
pub(super) fn main_subject(text: &str, toks: &[Token]) -> Option<Span> {
    let mut start = 0;
    if let Some(c) = toks.iter().take(5).position(|t| t.text(text) == ",") {
        start = c + 1;
    }
    let mut end = start;
    while end < toks.len() && end - start < 8 {
        crate::util::steps::add(1);
        let t = toks[end];
        let w = lower(t.text(text));
        let ok = match t.kind {
            TokenKind::Word => {
                !SKIP_BEFORE_CUE.contains(&w.as_ref()) && !NP_STOP.contains(&w.as_ref())
            }
            TokenKind::Possessive | TokenKind::Number => true,
            TokenKind::Punct => matches!(t.text(text), "." | "-"),
        };
        if !ok {
            break;
        }
        end += 1;
    }
    (end > start).then(|| Span::new(toks[start].span.start, toks[end - 1].span.end))
}

/// A speaker phrase whose last word ends an entity mention speaks for that entity. The
/// speaker's span is the mention itself when only capitalized words (titles, bodies)
/// precede it (`Eurojust President Michael Schmid` -> `Michael Schmid`), else the whole
/// phrase (`a letter from Eurojust`).
pub(super) fn resolve_speaker(text: &str, np: Span, entities: &[Entity]) -> Speaker {
    // Entities are sorted by start: look only at those starting inside the phrase.
    let lo = entities.partition_point(|e| e.span.start < np.start);
    let hi = entities.partition_point(|e| e.span.start < np.end);
    let head = entities[lo..hi]
        .iter()
        .enumerate()
        .map(|(i, e)| (lo + i, e))
        .rev()
        .find(|(_, e)| {
            np.contains(e.span)
                && e.span.end == np.end
                && matches!(
                    e.entity_type,
                    EntityType::Person | EntityType::Organization | EntityType::Country
                )
        });
    match head {
        Some((i, e)) => {
            let before = &text[np.start..e.span.start];
            let titles_only = before
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .all(is_capitalized);
            Speaker {
                span: if titles_only { e.span } else { np },
                entity: Some(i),
                referent: None,
            }
        }
        None => Speaker {
            span: np,
            entity: None,
            referent: None,
        },
    }
}
