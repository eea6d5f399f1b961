//! The types every stage shares, at the bottom of the crate: every other module may
//! use them, and they use none of the stages.

mod span;

pub use span::{CharIndex, Span, SpanSet};
