//! Repeated runs: the same phrase written back to back many times.
//!
//! Prose never repeats a phrase more than a few times in a row ("no, no, no"); a
//! phrase of up to [`MAX_PERIOD`] tokens repeated [`MAX_COPIES`] times or more is a
//! table dump, a scraping or templating error, or a hostile input. Its first
//! [`MAX_COPIES`] copies are analyzed like any text; the copies after them are a
//! *repeated run*, in which the analyzer reports no entity and no claim (and says so
//! in the record), so that the output stays a small multiple of the input: a mention
//! of five bytes (`U.S. `) is a record of three hundred.
//!
//! Finding them costs [`MAX_PERIOD`] integer comparisons per token: each token's text
//! is hashed once, and two tokens whose hashes agree are compared byte by byte.

use crate::types::{Span, Token};

/// The longest phrase, in tokens, whose repetition is looked for.
pub const MAX_PERIOD: usize = 16;

/// How many copies of a phrase in a row are analyzed; the copies after them are a
/// repeated run.
pub const MAX_COPIES: usize = 8;

/// The repeated runs of `text`: for every phrase of 1 to [`MAX_PERIOD`] tokens written
/// more than [`MAX_COPIES`] times back to back, the span from the start of its copy
/// after the [`MAX_COPIES`]th to the end of its last copy; sorted, disjoint.
pub fn repeated_runs(text: &str, tokens: &[Token]) -> Vec<Span> {
    let n = tokens.len();
    if n < MAX_COPIES + 1 {
        return Vec::new();
    }
    let hashes: Vec<u64> = tokens.iter().map(|t| hash(t.text(text))).collect();
    let same =
        |i: usize, j: usize| hashes[i] == hashes[j] && tokens[i].text(text) == tokens[j].text(text);
    // The tokens in a repeated run, for any period.
    let mut repeated = vec![false; n];
    let mut any = false;
    crate::util::steps::add(n * MAX_PERIOD);
    for p in 1..=MAX_PERIOD.min(n - 1) {
        // Tokens i with tokens[i - run + 1 ..= i] each equal to the token p before it.
        let mut run = 0usize;
        for (i, past_cap) in repeated.iter_mut().enumerate().skip(p) {
            if same(i, i - p) {
                run += 1;
                // [i - run + 1 - p, i] holds (run + p) / p copies: from the token
                // (MAX_COPIES - 1) * p into the run on, the copies are past the cap.
                if run > (MAX_COPIES - 1) * p {
                    *past_cap = true;
                    any = true;
                }
            } else {
                run = 0;
            }
        }
    }
    if !any {
        return Vec::new();
    }
    let mut runs: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < n {
        if !repeated[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i < n && repeated[i] {
            i += 1;
        }
        runs.push(Span::new(tokens[first].span.start, tokens[i - 1].span.end));
    }
    runs
}

/// FNV-1a over the token's bytes: a cheap filter before the byte comparison.
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// True when `span` starts inside one of the sorted, disjoint `runs`.
pub fn starts_in(runs: &[Span], span: Span) -> bool {
    let i = runs.partition_point(|r| r.end <= span.start);
    runs.get(i).is_some_and(|r| r.start <= span.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::tokenize;

    fn runs(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        repeated_runs(text, &tokens)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn prose_has_none() {
        assert!(runs("No, no, no, no, he said. The the the the report was late.").is_empty());
        let text = "Lock her up! Lock her up! Lock her up! Lock her up! the crowd chanted.";
        assert!(runs(text).is_empty());
    }

    #[test]
    fn copies_past_the_cap_are_a_run() {
        // Twelve copies: the ninth to the twelfth are the run.
        let text = "U.S. ".repeat(12);
        assert_eq!(runs(&text), vec!["U.S. U.S. U.S. U.S."]);
        let text = format!("It began. {}and ended.", "according to ".repeat(10));
        assert_eq!(runs(&text), vec!["according to according to"]);
        // Exactly MAX_COPIES copies: no run.
        assert!(runs(&"Foo Bar (FB) ".repeat(MAX_COPIES)).is_empty());
        assert_eq!(
            runs(&"Foo Bar (FB) ".repeat(MAX_COPIES + 1)),
            vec!["Foo Bar (FB)"]
        );
    }

    #[test]
    fn long_phrases_up_to_the_period() {
        let phrase = "one two three four five six seven eight nine ten eleven twelve \
                      thirteen fourteen fifteen sixteen ";
        assert_eq!(runs(&phrase.repeat(MAX_COPIES + 1)).len(), 1);
        let longer = format!("{phrase}seventeen ");
        assert!(runs(&longer.repeat(MAX_COPIES + 1)).is_empty());
    }

    #[test]
    fn starts_in_runs() {
        let runs = [Span::new(10, 20), Span::new(30, 40)];
        assert!(starts_in(&runs, Span::new(10, 12)));
        assert!(starts_in(&runs, Span::new(19, 25)));
        assert!(!starts_in(&runs, Span::new(20, 25)));
        assert!(!starts_in(&runs, Span::new(5, 15)));
        assert!(starts_in(&runs, Span::new(39, 40)));
        assert!(!starts_in(&runs, Span::new(40, 41)));
    }
}
