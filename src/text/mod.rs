//! The text layer: tokens, sentences, and the word layer (every token lower-cased
//! once and given an id in one shared vocabulary, with the flags the stages read).

pub mod sentences;
pub mod tokenize;
pub(crate) mod words;
