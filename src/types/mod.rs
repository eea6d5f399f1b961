//! The types every stage shares, at the bottom of the crate: spans, tokens and
//! sentences, entity records and claim records. Every other module may use them; they
//! use none of the stages.

mod claim;
mod entity;
mod span;
mod text;

pub use claim::{Claim, ClaimKind, CueClass, Modality, Speaker, Stance};
pub(crate) use entity::date_cmp;
pub use entity::{Entity, EntityType, FoundBy, LexStr, Polarity, Role, Sentiment};
pub use span::{CharIndex, Span, SpanSet};
pub use text::{Sentence, Token, TokenKind};
