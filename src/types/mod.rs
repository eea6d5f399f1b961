//! The types every stage shares, at the bottom of the crate: spans, tokens and
//! sentences, entity records and claim records. Every other module may use them; they
//! use none of the stages.

/// Gives the enum `$t` a constant `ALL`: every variant, in declaration order (so
/// `ALL[x as usize] == x`). An exhaustive `match` checks at compile time that the
/// list names every variant.
macro_rules! variants {
    ($t:ident, [$($v:ident),+ $(,)?]) => {
        impl $t {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$t] = &[$($t::$v),+];
        }
        const _: fn($t) = |x| match x {
            $($t::$v => ()),+
        };
    };
}
pub(crate) use variants;

mod claim;
mod date;
mod entity;
mod span;
mod text;

pub use claim::{Claim, ClaimKind, CueClass, Modality, Speaker, Stance};
pub use date::{Date, DateError};
pub(crate) use entity::date_cmp;
pub use entity::{Entity, EntityType, FoundBy, LexStr, Polarity, Role, Sentiment};
pub(crate) use span::MAX_SPAN;
pub use span::{CharIndex, Span, SpanSet};
pub use text::{Sentence, Token, TokenKind};
