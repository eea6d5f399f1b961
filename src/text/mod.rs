//! The text layer: tokens, sentences, and the word layer (every token lower-cased
//! once and given an id in one shared vocabulary, with the flags the stages read).

pub mod repeats;
pub mod sentences;
pub mod tokenize;
pub(crate) mod words;

use crate::types::{Span, Token};
use words::DocWords;

/// One document as the stages read it: the text (`'t`), and its tokens, sentences and
/// word layer (`'d`), made once by the text layer and shared by every stage.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Doc<'d, 't> {
    /// The text.
    pub(crate) text: &'t str,
    /// Its tokens, in order.
    pub(crate) tokens: &'d [Token],
    /// Its sentences, in order.
    pub(crate) sentences: &'d [Span],
    /// Each token's vocabulary id, lower-case form and flags.
    pub(crate) words: &'d DocWords<'t>,
    /// Its repeated runs ([`repeats::repeated_runs`]): no stage reports a mention or a
    /// claim starting in one.
    pub(crate) repeats: &'d [Span],
}
