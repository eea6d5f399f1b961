//! Tokens and sentences: where each piece of the text is.

use crate::types::Span;

/// What kind of token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word: starts with a letter.
    Word,
    /// A number: starts with a digit.
    Number,
    /// A possessive marker, `'s` or `’s`.
    Possessive,
    /// Any other single non-space character.
    Punct,
}

/// One token: a byte span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

/// A sentence and its check-worthiness.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// Check-worthiness in [0, 1].
    pub checkworthiness: f32,
}
