//! Claims: attributed statements (speaker, cue, content), direct quotes, and
//! unattributed check-worthy assertions, each with a stance and a modality.
//!
//! Attribution is found per sentence from cues:
//! - `according to X` (X runs to the next comma or the sentence end; the content is the
//!   rest of the sentence);
//! - reporting words: a candidate (a first word of a lexicon cue phrase, hand-curated
//!   in `cues.tsv` or mined from PolNeAR train in `cues_polnear.tsv`, or a word of the
//!   detector's vocabulary such as `wants`) is a cue when the cue detector (a logistic
//!   regression over its context, [`cue_model::CueModel`], trained by
//!   `scripts/train/train_cue_model.py`) gives it a probability above its threshold and no
//!   rule marks it a noun or a passive participle. The cue is the longest lexicon phrase
//!   there (`expressed concern`), else the word. The speaker is the noun phrase before the verb (skipping
//!   auxiliaries, adverbs and a parenthetical between commas), or after it in the
//!   inverted `..., said the minister.` form, or, for a participle after a comma
//!   (`..., arguing that ...`), the subject of the main clause. The content is the quote
//!   next to the cue, else the clause after it (without `that`), else the clause before
//!   `, X said`.
//!
//! A speaker phrase whose head is an entity mention is resolved to that entity
//! (`Eurojust President Michael Schmid` -> the mention `Michael Schmid`); otherwise the
//! phrase itself is the speaker (`European officials`).
//!
//! Stance comes from the cue class (deny, criticize, concern, warn: `oppose`; praise,
//! promise: `support`) and otherwise from the sentiment of the content. Modality is
//! `negated` (a denial or a negation), `hedged` (allegedly, may, could...) or
//! `asserted`, with the word that decided it.

pub mod cue_model;

use crate::analyzer::Analyzer;
use crate::entities::{is_capitalized, Entity};
use crate::lexicon::{CueClass, EntityType};
use crate::sentiment::valence_of;
use crate::text::tokenize::{Token, TokenKind};
use crate::text::words::{lower, DocWords, Slice, CUE_HEAD, CUE_VOCAB, HEDGE, NEGATION};
use crate::types::Span;

/// What kind of claim a [`Claim`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    /// A statement credited to a speaker by a cue.
    Attributed,
    /// A direct quotation with no cue found in its sentence.
    Quote,
    /// An unattributed sentence that is worth checking.
    Assertion,
}

impl ClaimKind {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Attributed => "attributed",
            ClaimKind::Quote => "quote",
            ClaimKind::Assertion => "assertion",
        }
    }
}

/// The speaker's stance toward what the claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    /// For it.
    Support,
    /// Against it.
    Oppose,
    /// Neither, or not known.
    Neutral,
}

impl Stance {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Neutral => "neutral",
        }
    }
}

/// How firmly the claim is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Hedged: allegedly, reportedly, may, could, appears to.
    Hedged,
    /// Denied or negated.
    Negated,
}

impl Modality {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
            Modality::Negated => "negated",
        }
    }
}

/// Who a claim is credited to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's words in the text: an entity mention or a noun phrase.
    pub span: Span,
    /// Index into the analysis' entities when the speaker is one.
    pub entity: Option<usize>,
}

/// One claim.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Claim {
    /// The claim: from the first to the last of its parts (or its sentence).
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// Kind of claim.
    pub kind: ClaimKind,
    /// Check-worthiness in [0, 1].
    pub score: f32,
    /// The speaker, when credited.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to").
    pub cue: Option<Span>,
    /// The cue's class, when a lexicon cue.
    pub cue_class: Option<CueClass>,
    /// What is claimed.
    pub content: Option<Span>,
    /// Stance of the speaker.
    pub stance: Stance,
    /// Asserted, hedged or negated.
    pub modality: Modality,
    /// The word that made it hedged or negated.
    pub modality_cue: Option<Span>,
}

/// Auxiliaries and adverbs skipped between a subject and its reporting verb.
const SKIP_BEFORE_CUE: &[&str] = &[
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
const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "when", "while", "but", "because", "as", "if", "after",
    "before", "so", "since", "although", "though", "and", "or", "where", "than", "whether", "said",
    "says", "is", "was", "are", "were", "to",
];

/// Determiners: a cue word right after one is a noun ("the claims", "a report").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this",
    "that", "such", "no", "any", "some",
];

/// Prepositions (and the infinitive `to`): a cue word right after one is no verb.
const PREPOSITIONS: &[&str] = &[
    "to", "for", "of", "in", "on", "with", "by", "from", "about", "over", "against", "into",
    "after", "under", "without", "amid", "despite",
];

/// Words that make a claim hedged.
pub(crate) const HEDGES: &[&str] = &[
    "allegedly",
    "alleged",
    "reportedly",
    "may",
    "might",
    "could",
    "appears",
    "appear",
    "appeared",
    "seems",
    "seem",
    "seemed",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "probably",
    "suggests",
    "suggest",
    "suggested",
    "unconfirmed",
    "purportedly",
    "apparently",
];

/// Words that negate a claim.
pub(crate) const NEGATIONS: &[&str] = &[
    "not", "never", "no", "n't", "neither", "nor", "nothing", "none",
];

/// Direct quotations in `text`: the spans inside the quote marks. Curly and
/// guillemet quotes pair up; straight double quotes alternate; an unclosed quote ends
/// at its paragraph's end.
pub fn find_quotes(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // A quote mark after a non-space and before a space, punctuation or the end closes
    // a quote: a stray one opens nothing, and a `“` typed for a `”` closes.
    let looks_closing = |i: usize, c: char| {
        let before = text[..i].chars().next_back();
        let after = text[i + c.len_utf8()..].chars().next();
        before.is_some_and(|b| !b.is_whitespace() && !matches!(b, '(' | '[' | '—' | '-'))
            && after.is_none_or(|a| {
                a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '?' | '!' | ')')
            })
    };
    // Only `"`, a newline and the lead bytes of `“”«»` matter: skip other bytes
    // without decoding them.
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        if !matches!(bytes[pos], b'"' | b'\n' | 0xC2 | 0xE2) {
            pos += 1;
            continue;
        }
        let i = pos;
        let c = text[i..].chars().next().unwrap_or(' ');
        pos += c.len_utf8();
        match (open, c) {
            (None, '“') | (None, '«') => open = Some((i + c.len_utf8(), c)),
            (None, '"') if !looks_closing(i, c) => open = Some((i + 1, c)),
            (Some((s, '“')), '”')
            | (Some((s, '«')), '»')
            | (Some((s, '"')), '"')
            | (Some((s, '“')), '“')
                if c != '“' || looks_closing(i, c) =>
            {
                // Without a trailing comma: “We will win,” he said.
                let inner = text[s..i].trim_end_matches([',', ' ']);
                if !inner.is_empty() {
                    out.push(Span::new(s, s + inner.len()));
                }
                open = None;
            }
            (Some((s, _)), '\n') => {
                // A blank line ends the paragraph.
                let mut blank = false;
                for n in text[pos..].chars() {
                    if n == '\n' {
                        blank = true;
                    }
                    if !n.is_whitespace() {
                        break;
                    }
                    pos += n.len_utf8();
                }
                if blank {
                    if i > s {
                        out.push(Span::new(s, i));
                    }
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        let end = text.trim_end().len();
        if end > s {
            out.push(Span::new(s, end));
        }
    }
    out
}

/// Finds the claims of one analyzed text.
pub(crate) fn find_claims(
    analyzer: &Analyzer,
    text: &str,
    tokens: &[Token],
    doc_words: &DocWords,
    sentences: &[Span],
    checkworthiness: &[f32],
    entities: &[Entity],
) -> Vec<Claim> {
    let quotes = find_quotes(text);
    let mut claims = Vec::new();
    for (si, sent) in sentences.iter().enumerate() {
        let lo = tokens.partition_point(|t| t.span.start < sent.start);
        let hi = tokens.partition_point(|t| t.span.start < sent.end);
        let toks = &tokens[lo..hi];
        let before = claims.len();
        let low = doc_words.slice(lo, hi);
        find_attributions(
            analyzer,
            text,
            toks,
            low,
            *sent,
            &quotes,
            entities,
            &mut claims,
        );
        for c in &mut claims[before..] {
            c.sentence = si;
            c.score = checkworthiness[si];
        }
        if claims.len() == before {
            // A quotation in this sentence with no cue: a quote claim.
            let from = quotes.partition_point(|q| q.start < sent.start);
            let mut in_sentence = quotes[from..].iter().take_while(|q| q.start < sent.end);
            if let Some(q) = in_sentence.find(|q| sent.contains(**q) && q.len() > 20) {
                claims.push(Claim {
                    span: *q,
                    sentence: si,
                    kind: ClaimKind::Quote,
                    score: checkworthiness[si],
                    speaker: None,
                    cue: None,
                    cue_class: None,
                    content: Some(*q),
                    stance: Stance::Neutral,
                    modality: Modality::Asserted,
                    modality_cue: None,
                });
            } else if checkworthiness[si] >= ASSERTION_THRESHOLD {
                let content = trim_final_punct(text, *sent);
                let (modality, modality_cue) = modality(toks, low, content, None);
                claims.push(Claim {
                    span: *sent,
                    sentence: si,
                    kind: ClaimKind::Assertion,
                    score: checkworthiness[si],
                    speaker: None,
                    cue: None,
                    cue_class: None,
                    content: Some(content),
                    stance: Stance::Neutral,
                    modality,
                    modality_cue,
                });
            }
        }
    }
    claims
}

/// Detector probability from which a cue stands without a speaker found for it (chosen
/// on PolNeAR train among 0.5, 0.7 and never).
const SPEAKERLESS_CUE_PROBABILITY: f32 = 0.7;

/// Check-worthiness from which an unattributed sentence is reported as a claim.
pub const ASSERTION_THRESHOLD: f32 = 0.5;

/// The sentence span without its final punctuation and closing quotes.
fn trim_final_punct(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')') || c.is_whitespace()
    });
    Span::new(span.start, span.start + t.len())
}

/// A cue found in a sentence: token range and class.
struct CueHit {
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
fn find_attributions(
    analyzer: &Analyzer,
    text: &str,
    toks: &[Token],
    low: Slice,
    sent: Span,
    quotes: &[Span],
    entities: &[Entity],
    out: &mut Vec<Claim>,
) {
    let words = analyzer.words();
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
    let model = &words.cue_model;
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
        let entity_name = entities.iter().any(|e| {
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
        let cue = Span::new(toks[hit.first].span.start, toks[hit.last].span.end);
        let (speaker_np, content, inherit) = if hit.according_to {
            let (sp, c) = according_to(text, toks, hit, sent, sent_end);
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
        let stance = stance(text, toks, low, hit.class, content);
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
fn longest_cue(
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

/// A token as the cue detector sees it: a word in lower case, `<num>`, `'s`, `<q>` for a
/// quote mark, other punctuation as itself.
fn model_token<'a>(text: &'a str, t: &Token) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    match t.kind {
        TokenKind::Word => lower(t.text(text)),
        TokenKind::Number => Cow::Borrowed("<num>"),
        TokenKind::Possessive => Cow::Borrowed("'s"),
        TokenKind::Punct => match t.text(text) {
            s if is_quote_mark(s) => Cow::Borrowed("<q>"),
            s => Cow::Borrowed(s),
        },
    }
}

/// Not yet looked up, in the per-sentence word-id memo of the cue detector.
const UNSEEN: u32 = u32::MAX;

/// The quote marks the cue detector sees as `<q>`.
fn is_quote_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'")
}

/// Crude base form for a feature: without `-ing`, `-ed`, `-es` or `-s` (not `-ss`) when
/// three letters stay.
pub(crate) fn feature_lemma(w: &str) -> &str {
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.chars().count() >= 3 && !(suf == "s" && w.ends_with("ss")) {
                return stem;
            }
        }
    }
    w
}

/// Pronouns that make the word after them (or after an auxiliary) likely a verb.
const MODEL_PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you", "it", "who"];

/// Auxiliaries and adverbs between a pronoun and its verb, for the detector.
const MODEL_SKIPPED: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "did",
    "does",
    "do",
    "not",
    "never",
    "is",
    "was",
    "are",
    "were",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "still",
    "then",
    "later",
    "again",
    "already",
    "recently",
    "repeatedly",
];

/// The cue detector's probability that the word at token `k` is an attribution cue.
/// The features are those of `scripts/train/train_cue_model.py` (keep them in step).
#[allow(clippy::too_many_arguments)]
fn cue_probability(
    text: &str,
    toks: &[Token],
    k: usize,
    phrase: Option<(usize, CueClass)>,
    cue_before: bool,
    that_before: bool,
    model: &cue_model::CueModel,
    buf: &mut String,
    word_ids: &mut [u32],
    low: Slice,
) -> f32 {
    use cue_model::CueFeature as F;
    // The model's view of token j (words from the lower-case cache).
    let tok = |j: usize| -> std::borrow::Cow<str> {
        if toks[j].kind == TokenKind::Word {
            std::borrow::Cow::Borrowed(low.lower(j))
        } else {
            model_token(text, &toks[j])
        }
    };
    let w = tok(k);
    let w = w.as_ref();
    let p1 = if k == 0 { "<s>".into() } else { tok(k - 1) };
    let p2 = if k < 2 { "<s>".into() } else { tok(k - 2) };
    let (p1, p2) = (p1.as_ref(), p2.as_ref());
    let fixed = &model.fixed;
    // sx=ing, sx=ed, sx=s, sx=-
    let suffix = if w.ends_with("ing") {
        0
    } else if w.ends_with("ed") {
        1
    } else if w.ends_with('s') && !w.ends_with("ss") {
        2
    } else {
        3
    };
    let mut z = fixed.bias + fixed.suffix[suffix];
    // Word features go by interned word ids (one integer-keyed lookup each); a word
    // no feature mentions contributes nothing.
    let id = |s: &str| model.word_id(s);
    let mut id_at = |j: usize| {
        if word_ids[j] == UNSEEN {
            word_ids[j] = if toks[j].kind == TokenKind::Word {
                if low.has(j, crate::text::words::CUE_WORD) {
                    low.info(j).cue_word
                } else {
                    0
                }
            } else {
                model.word_id(&tok(j)).unwrap_or(0)
            };
        }
        word_ids[j]
    };
    let (start, end) = model.edge_ids();
    let iw = id_at(k);
    let ip1 = if k == 0 { start } else { id_at(k - 1) };
    let ip2 = if k < 2 { start } else { id_at(k - 2) };
    let in1 = if k + 1 < toks.len() {
        id_at(k + 1)
    } else {
        end
    };
    let in2 = if k + 2 < toks.len() {
        id_at(k + 2)
    } else {
        end
    };
    // The lemma's id: kept in the vocabulary for the words the detector decides on.
    let il =
        if low.has(k, crate::text::words::CUE_HEAD) || low.has(k, crate::text::words::CUE_VOCAB) {
            low.info(k).cue_lemma
        } else {
            id(feature_lemma(w)).unwrap_or(0)
        };
    // Id 0: a word no feature mentions, so the feature weighs nothing. The weights'
    // memory is asked for first, for all eight at once, then summed in order.
    let word_features = [
        (F::Word, iw, 0),
        (F::Lemma, il, 0),
        (F::Prev1, ip1, 0),
        (F::Prev2, ip2, 0),
        (F::Next1, in1, 0),
        (F::Next2, in2, 0),
        (F::Prev1Word, ip1, iw),
        (F::WordNext1, iw, in1),
    ];
    let live =
        |f: F, a: u32, b: u32| a != 0 && (b != 0 || !matches!(f, F::Prev1Word | F::WordNext1));
    for &(f, a, b) in &word_features {
        if live(f, a, b) {
            model.prefetch_word_weight(f, a, b);
        }
    }
    for &(f, a, b) in &word_features {
        z += if live(f, a, b) {
            model.word_weight(f, a, b)
        } else {
            0.0
        };
    }
    let class = phrase.map_or("none", |(_, c)| c.as_str());
    z += fixed
        .lex
        .iter()
        .find(|(c, _)| c == class)
        .map_or(0.0, |&(_, v)| v);
    z += fixed.cue_before[usize::from(cue_before)];
    z += fixed.that_before[usize::from(that_before)];
    match phrase {
        // A one-word cue: its phrase weight is in the vocabulary.
        Some((last, _)) if last == k => z += low.info(k).cue_phrase_weight,
        Some((last, _)) => {
            buf.clear();
            buf.push_str("lf=");
            for j in k..=last {
                if j > k {
                    buf.push(' ');
                }
                buf.push_str(&tok(j));
            }
            z += model.weight(buf);
        }
        None => {}
    }
    let lo = k.saturating_sub(3);
    let hi = (k + 4).min(toks.len());
    if (lo..hi).any(|j| toks[j].kind == TokenKind::Punct && is_quote_mark(toks[j].text(text))) {
        z += fixed.quote_near;
    }
    let pron = MODEL_PRONOUNS.contains(&p1)
        || (MODEL_SKIPPED.contains(&p1) && MODEL_PRONOUNS.contains(&p2));
    if pron {
        z += fixed.pronoun_before;
        if phrase.is_some() {
            z += fixed.pronoun_before_lex;
        }
    }
    if k > 0 && is_capitalized(toks[k].text(text)) {
        z += fixed.capitalized;
    }
    if k > 0 && toks[k - 1].kind == TokenKind::Word && is_capitalized(toks[k - 1].text(text)) {
        z += fixed.prev_capitalized;
    }
    1.0 / (1.0 + (-z).exp())
}

/// `according to X`: the speaker phrase runs to the next comma or the end; the content
/// is the rest of the sentence.
fn according_to(
    text: &str,
    toks: &[Token],
    hit: &CueHit,
    sent: Span,
    sent_end: usize,
) -> (Option<Span>, Option<Span>) {
    let np_first = hit.last + 1;
    let mut np_last = None;
    let mut j = np_first;
    while j < toks.len() && toks[j].span.end <= sent_end {
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
fn verb_cue(
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
        j -= 1;
    }
    let skip_aux = |mut j: usize| {
        while j > 0
            && toks[j - 1].kind == TokenKind::Word
            && SKIP_BEFORE_CUE.contains(&word(j - 1).as_ref())
        {
            j -= 1;
        }
        j
    };
    // The start of the noun phrase ending before token `end`.
    let np_start = |end: usize| {
        let mut s = end;
        while s > 0 && end - s < 8 {
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
fn after_cue(text: &str, toks: &[Token], mut j: usize, sent_end: usize) -> Option<Span> {
    while j < toks.len()
        && (matches!(toks[j].text(text), "," | ":" | "that" | "“" | "\"")
            || toks[j].text(text).eq_ignore_ascii_case("that"))
    {
        j += 1;
    }
    (j < toks.len() && toks[j].span.start < sent_end)
        .then(|| Span::new(toks[j].span.start, sent_end))
}

/// The clause from the sentence start to the comma before token `j` (`X, he said`).
fn before_comma(text: &str, toks: &[Token], j: usize, sent: Span) -> Option<Span> {
    let mut end = j;
    while end > 0 && matches!(toks[end - 1].text(text), "," | "”" | "\"" | "’") {
        end -= 1;
    }
    (end > 0 && end < j).then(|| Span::new(sent.start, toks[end - 1].span.end))
}

/// The subject of the sentence's main clause: after an introductory `However,`,
/// up to the first auxiliary or verb-like word.
fn main_subject(text: &str, toks: &[Token]) -> Option<Span> {
    let mut start = 0;
    if let Some(c) = toks.iter().take(5).position(|t| t.text(text) == ",") {
        start = c + 1;
    }
    let mut end = start;
    while end < toks.len() && end - start < 8 {
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
fn resolve_speaker(text: &str, np: Span, entities: &[Entity]) -> Speaker {
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
            }
        }
        None => Speaker {
            span: np,
            entity: None,
        },
    }
}

/// Modality of a content span: negated, hedged or asserted, with the deciding word.
fn modality(
    toks: &[Token],
    low: Slice,
    content: Span,
    cue: Option<Span>,
) -> (Modality, Option<Span>) {
    let region = match cue {
        Some(c) => Span::new(c.start.min(content.start), c.end.max(content.end)),
        None => content,
    };
    let mut hedge = None;
    // Only words can be negations or hedges (the vocabulary flags both lists).
    for (j, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !region.contains(t.span) {
            continue;
        }
        let flags = low.flags(j);
        if flags & NEGATION != 0 || low.lower(j).ends_with("n't") {
            return (Modality::Negated, Some(t.span));
        }
        if hedge.is_none() && flags & HEDGE != 0 {
            hedge = Some(t.span);
        }
    }
    match hedge {
        Some(h) => (Modality::Hedged, Some(h)),
        None => (Modality::Asserted, None),
    }
}

/// Content sentiment (VADER compound) from which a neutral cue's claim takes a side.
const STANCE_THRESHOLD: f32 = 0.5;

/// Stance from the cue class, else from the content's sentiment.
fn stance(
    text: &str,
    toks: &[Token],
    low: Slice,
    class: Option<CueClass>,
    content: Option<Span>,
) -> Stance {
    match class {
        Some(CueClass::Deny | CueClass::Criticize | CueClass::Concern | CueClass::Warn) => {
            return Stance::Oppose
        }
        Some(CueClass::Praise | CueClass::Promise) => return Stance::Support,
        // A report ("according to") passes a statement on without taking a side.
        Some(CueClass::Report) => return Stance::Neutral,
        _ => {}
    }
    let Some(content) = content else {
        return Stance::Neutral;
    };
    // The tokens inside the content: a run from the first that starts in it to the
    // last that ends in it (tokens are sorted and do not overlap), so their words in
    // the document's word layer are the same run.
    let lo = toks.partition_point(|t| t.span.start < content.start);
    let words: Vec<&Token> = toks[lo..]
        .iter()
        .take_while(|t| content.contains(t.span))
        .collect();
    let score = valence_of(text, &words, low.sub(lo, lo + words.len()));
    if score >= STANCE_THRESHOLD {
        Stance::Support
    } else if score <= -STANCE_THRESHOLD {
        Stance::Oppose
    } else {
        Stance::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes() {
        let text = "He said “it is over” and “done.” Then \"straight\" quotes.";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["it is over", "done.", "straight"]);
        let text = "“First paragraph runs on\n\n“and continues here.”";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["First paragraph runs on", "and continues here."]);
        // A stray closing straight quote opens nothing; a `“` typed for `”` closes.
        let text = "He said it,\" then \"he left\" and “went home“ today.";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(q, vec!["he left", "went home"]);
    }

    #[test]
    fn headline_colon_without_entity() {
        let a = Analyzer::new();
        let text = "Clinton camp: Sanders plan costs too much.\n\nThe campaign spoke on Monday.";
        let claims = a.analyze(text).claims;
        let c = claims
            .iter()
            .find(|c| c.cue.is_some())
            .expect("a colon cue");
        assert_eq!(c.cue.unwrap().slice(text), ":");
        assert_eq!(c.speaker.unwrap().span.slice(text), "Clinton camp");
        // Not outside the headline without an entity name.
        let text = "Nothing here.\nClinton camp: Sanders plan costs too much.";
        let claims = a.analyze(text).claims;
        assert!(claims
            .iter()
            .all(|c| c.cue.is_none_or(|s| s.slice(text) != ":")));
    }

    #[test]
    fn detector_features() {
        assert_eq!(feature_lemma("wants"), "want");
        assert_eq!(feature_lemma("criticizes"), "criticiz");
        assert_eq!(feature_lemma("discuss"), "discuss");
        assert_eq!(feature_lemma("says"), "say");
        assert_eq!(feature_lemma("is"), "is");
    }

    #[test]
    fn detector_finds_cues_outside_the_lexicon() {
        let a = Analyzer::new();
        let words = a.words();
        // "wants" is no lexicon cue: the detector decides it.
        assert!(!words.cues.contains_key("wants"));
        assert!(words.cue_model.vocab.contains("wants"));
        let text = "Senator Warren wants the bank to repay its customers.";
        let claims = a.analyze(text).claims;
        let cue = claims.iter().find_map(|c| c.cue.map(|s| s.slice(text)));
        assert_eq!(cue, Some("wants"));
        // A noun after a determiner is no cue.
        let text = "The wants of the city council were many.";
        let claims = a.analyze(text).claims;
        assert!(claims.iter().all(|c| c.cue.is_none()), "{claims:?}");
    }
}
