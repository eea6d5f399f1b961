//! Stance and modality of a claim: for or against, asserted, hedged or negated.

use crate::sentiment::name_blind_valence;
use crate::text::words::{Slice, HEDGE, NEGATION};
use crate::types::{CueClass, Entity, Modality, Span, Stance};
use crate::types::{Token, TokenKind};

/// Modality of a content span: negated, hedged or asserted, with the deciding word.
pub(super) fn modality(
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
        crate::util::steps::add(1);
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
pub(super) const STANCE_THRESHOLD: f32 = 0.5;

/// Stance from the cue class, else from the content's sentiment, name-blind: the
/// words of the entity mentions in `entities` (sorted by start) and name-like words
/// carry no valence, so the same claim has the same stance whoever it names.
pub(super) fn stance(
    text: &str,
    toks: &[Token],
    low: Slice,
    class: Option<CueClass>,
    content: Option<Span>,
    entities: &[Entity],
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
    let n = toks[lo..]
        .iter()
        .take_while(|t| content.contains(t.span))
        .count();
    let all: Vec<&Token> = toks.iter().collect();
    // Entities are sorted by start and none is longer than MAX_SPAN: those that may
    // overlap the content are one run, found by binary search.
    let a = entities.partition_point(|e| e.span.start + crate::types::MAX_SPAN < content.start);
    let b = entities.partition_point(|e| e.span.start < content.end);
    crate::util::steps::add(b.saturating_sub(a));
    let names: Vec<Span> = entities[a..b.max(a)]
        .iter()
        .filter(|e| e.span.end > content.start)
        .map(|e| e.span)
        .collect();
    let score = name_blind_valence(text, &all, low, (lo, lo + n), &names);
    if score >= STANCE_THRESHOLD {
        Stance::Support
    } else if score <= -STANCE_THRESHOLD {
        Stance::Oppose
    } else {
        Stance::Neutral
    }
}
