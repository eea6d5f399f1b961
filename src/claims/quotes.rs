//! Quotations: the spans between matching quote marks, straight or curly.

use crate::types::Span;

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
        crate::util::steps::add(1);
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

/// The quote marks the cue detector sees as `<q>`.
pub(super) fn is_quote_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'")
}
