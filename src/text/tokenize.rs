//! Tokenizing: words, numbers and punctuation with byte spans.
//!
//! The tokenizer is a single forward pass with an ASCII fast path. Its choices are
//! tuned for news text:
//!
//! - letters joined by an inner hyphen or apostrophe stay one word (`al-Sarraj`,
//!   `O'Rourke`, `don't`), but a possessive `'s` / `’s` becomes its own token so that
//!   `Trump's` yields `Trump` + `'s`;
//! - dotted abbreviations of single letters stay one word with their dots (`U.S.`,
//!   `a.m.`);
//! - numbers keep inner `.` and `,` between digits (`3.5`, `1,200`);
//! - every other non-space character is one punctuation token.

use crate::types::Span;
use crate::types::{Token, TokenKind};

/// True for `'` and `’` (U+2019).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. See the module docs for the rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to a caller's buffer (so it can be reused).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        crate::util::steps::add(1);
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let end = scan_word(text, i);
                push_word(i, end, out);
                i = end;
                continue;
            }
            if b.is_ascii_digit() {
                let end = scan_number(bytes, i);
                out.push(Token {
                    span: Span::new(i, end),
                    kind: TokenKind::Number,
                });
                i = end;
                continue;
            }
            if b == b'\'' {
                if let Some(end) = possessive_at(text, i) {
                    out.push(Token {
                        span: Span::new(i, end),
                        kind: TokenKind::Possessive,
                    });
                    i = end;
                    continue;
                }
            }
            out.push(Token {
                span: Span::new(i, i + 1),
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        // Non-ASCII: decode one char.
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let w = c.len_utf8();
        if c.is_whitespace() || is_invisible(c) {
            i += w;
        } else if c.is_alphabetic() {
            let end = scan_word(text, i);
            push_word(i, end, out);
            i = end;
        } else if c.is_numeric() {
            let end = i + w;
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Number,
            });
            i = end;
        } else if c == '\u{2019}' && possessive_at(text, i).is_some() {
            let end = possessive_at(text, i).unwrap_or(i + w);
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Possessive,
            });
            i = end;
        } else {
            out.push(Token {
                span: Span::new(i, i + w),
                kind: TokenKind::Punct,
            });
            i += w;
        }
    }
}

/// Zero-width and formatting characters that separate nothing and mean nothing here.
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

#[inline]
fn push_word(start: usize, end: usize, out: &mut Vec<Token>) {
    out.push(Token {
        span: Span::new(start, end),
        kind: TokenKind::Word,
    });
}

/// If a possessive `'s` / `’s` starts at `i` (followed by a non-alphanumeric char or
/// the end), returns its end.
#[inline]
pub(crate) fn possessive_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let mut chars = rest.chars();
    let apo = chars.next()?;
    if !is_apostrophe(apo) {
        return None;
    }
    let s = chars.next()?;
    if s != 's' && s != 'S' {
        return None;
    }
    match chars.next() {
        Some(c) if c.is_alphanumeric() => None,
        _ => Some(i + apo.len_utf8() + 1),
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining(c)
    }
}

/// Combining marks (accents typed as separate code points) belong to their word.
#[inline]
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Scans a word starting at `start` (a letter); returns its end.
fn scan_word(text: &str, start: usize) -> usize {
    let mut i = start;
    let mut run_len = 0usize; // chars in the current letter run
    let mut single_letter_dots = true; // every run so far is one letter followed by '.'
    loop {
        // A run of word characters.
        while let Some(c) = char_at(text, i) {
            if is_word_char(c) {
                i += c.len_utf8();
                run_len += 1;
            } else {
                break;
            }
        }
        let Some(c) = char_at(text, i) else { break };
        let next_i = i + c.len_utf8();
        let next = char_at(text, next_i);
        match c {
            '.' if run_len == 1 && single_letter_dots => {
                // U.S. / a.m. style: letter '.' letter '.'
                match next {
                    Some(n) if n.is_alphabetic() => {
                        let after = next_i + n.len_utf8();
                        if char_at(text, after) == Some('.') {
                            i = next_i;
                            run_len = 0;
                            continue;
                        }
                        break;
                    }
                    _ => {
                        // The final dot of a dotted abbreviation we are inside.
                        if i > start + 1 {
                            i = next_i;
                        }
                        break;
                    }
                }
            }
            '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}' => {
                if is_apostrophe(c) && possessive_at(text, i).is_some() {
                    break;
                }
                match next {
                    Some(n) if n.is_alphabetic() => {
                        i = next_i;
                        run_len = 0;
                        single_letter_dots = false;
                        continue;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    i
}

/// Scans a number starting at `start`; keeps `.` and `,` between digits.
fn scan_number(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let inner_sep = (b == b'.' || b == b',')
            && i > start
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || inner_sep {
            i += 1;
        } else {
            break;
        }
    }
    i.max(start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        toks(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Trump's plan", &["Trump", "'s", "plan"]),
            ("Washington’s support", &["Washington", "’s", "support"]),
            ("the U.S. exit", &["the", "U.S.", "exit"]),
            ("U.S.-led", &["U.S.", "-", "led"]),
            ("at 3 p.m. today", &["at", "3", "p.m.", "today"]),
            ("al-Sarraj and O'Rourke", &["al-Sarraj", "and", "O'Rourke"]),
            ("don't stop", &["don't", "stop"]),
            ("3.5% of $1,200.", &["3.5", "%", "of", "$", "1,200", "."]),
            ("then-Attorney General", &["then-Attorney", "General"]),
            ("J. K. Rowling", &["J", ".", "K", ".", "Rowling"]),
            ("Zürich, 日本", &["Zürich", ",", "日本"]),
            ("end.", &["end", "."]),
            (
                "“Quoted,” he said",
                &["“", "Quoted", ",", "”", "he", "said"],
            ),
            ("the boys' team", &["the", "boys", "'", "team"]),
            ("zero\u{200B}width", &["zero", "width"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn kinds() {
        let t = toks("Obama's 2 ,");
        assert_eq!(
            t.iter().map(|x| x.1).collect::<Vec<_>>(),
            vec![
                TokenKind::Word,
                TokenKind::Possessive,
                TokenKind::Number,
                TokenKind::Punct
            ]
        );
    }

    #[test]
    fn spans_are_in_order_and_on_boundaries() {
        let text = "Le président Macron’s “visite” à Zürich — 3,5 % ! \u{1F600} ok";
        let mut last = 0;
        for t in tokenize(text) {
            assert!(t.span.start >= last);
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.is_empty());
            last = t.span.end;
        }
    }
}
