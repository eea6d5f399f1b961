//! Claim records: kind, speaker, cue class, stance and modality.

use crate::types::Span;

/// The class of a reporting cue, which sets the default stance of what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Neutral speech: say, tell, add, state.
    Speech,
    /// Assertion: confirm, claim, insist, argue, acknowledge.
    Assert,
    /// Warning.
    Warn,
    /// Denial.
    Deny,
    /// Promise: pledge, vow.
    Promise,
    /// Concern: express concern, worry.
    Concern,
    /// Criticism.
    Criticize,
    /// Praise.
    Praise,
    /// Report: report, reveal, announce.
    Report,
    /// Belief: think, believe, expect.
    Believe,
}

impl CueClass {
    /// Parses the lower-case name used in `cues.tsv`.
    pub fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "speech" => CueClass::Speech,
            "assert" => CueClass::Assert,
            "warn" => CueClass::Warn,
            "deny" => CueClass::Deny,
            "promise" => CueClass::Promise,
            "concern" => CueClass::Concern,
            "criticize" => CueClass::Criticize,
            "praise" => CueClass::Praise,
            "report" => CueClass::Report,
            "believe" => CueClass::Believe,
            _ => return None,
        })
    }

    /// The lower-case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Assert => "assert",
            CueClass::Warn => "warn",
            CueClass::Deny => "deny",
            CueClass::Promise => "promise",
            CueClass::Concern => "concern",
            CueClass::Criticize => "criticize",
            CueClass::Praise => "praise",
            CueClass::Report => "report",
            CueClass::Believe => "believe",
        }
    }
}

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
    /// Index into the analysis' entities of the mention whose `id` and `canonical` are
    /// who the speaker is: the named mention itself, or the linked pronoun or nominal
    /// mention, the relative pronoun's antecedent, the apposition's name or the role
    /// holder the speaker phrase refers to (see `claims::speaker`). Never a mention
    /// with only a document-local pronoun or nominal id.
    pub referent: Option<usize>,
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

super::variants!(
    CueClass,
    [Speech, Assert, Warn, Deny, Promise, Concern, Criticize, Praise, Report, Believe]
);
super::variants!(ClaimKind, [Attributed, Quote, Assertion]);
super::variants!(Stance, [Support, Oppose, Neutral]);
super::variants!(Modality, [Asserted, Hedged, Negated]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_lists_are_in_declaration_order() {
        fn check<T: Copy + std::fmt::Debug + PartialEq>(all: &[T], index: impl Fn(T) -> usize) {
            for (i, &x) in all.iter().enumerate() {
                assert_eq!(index(x), i, "{x:?}");
            }
        }
        check(CueClass::ALL, |x| x as usize);
        check(ClaimKind::ALL, |x| x as usize);
        check(Stance::ALL, |x| x as usize);
        check(Modality::ALL, |x| x as usize);
        check(crate::types::EntityType::ALL, |x| x as usize);
        check(crate::types::FoundBy::ALL, |x| x as usize);
        check(crate::types::Polarity::ALL, |x| x as usize);
        check(crate::error::ErrorKind::ALL, |x| x as usize);
    }
}
