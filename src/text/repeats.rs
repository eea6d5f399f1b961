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
//! Finding them costs about [`MAX_PERIOD`] / 7 token comparisons per token: a run past
//! the cap is at least seven tokens long, so every seventh position is checked, and
//! the run measured around a match.

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
    let same = |i: usize, j: usize| {
        let (a, b) = (tokens[i].span, tokens[j].span);
        a.len() == b.len() && text.as_bytes()[a.range()] == text.as_bytes()[b.range()]
    };
    // The tokens in a repeated run, for any period.
    let mut repeated = vec![false; n];
    let mut any = false;
    for p in 1..=MAX_PERIOD.min(n - 1) {
        // A run of period p past the cap has (MAX_COPIES - 1) * p >= SAMPLE tokens in a
        // row each equal to the token p before: one of every SAMPLE positions is
        // enough to meet it. From a sampled match, the run is measured both ways.
        let mut i = p.max(SAMPLE - 1);
        while i < n {
            crate::util::steps::add(1);
            if !same(i, i - p) {
                i += SAMPLE;
                continue;
            }
            let mut first = i;
            while first > p && same(first - 1, first - 1 - p) {
                crate::util::steps::add(1);
                first -= 1;
            }
            let mut end = i + 1;
            while end < n && same(end, end - p) {
                crate::util::steps::add(1);
                end += 1;
            }
            // [first - p, end) holds (end - first + p) / p copies: from the token
            // (MAX_COPIES - 1) * p into the matches on, the copies are past the cap.
            let from = first + (MAX_COPIES - 1) * p;
            if from < end {
                repeated[from..end].iter_mut().for_each(|r| *r = true);
                any = true;
            }
            i = end + SAMPLE;
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

/// How far apart the positions checked for a run are: no more than the shortest run
/// past the cap, `(MAX_COPIES - 1) * 1` tokens.
const SAMPLE: usize = MAX_COPIES - 1;

/// True when `span` starts inside one of the sorted, disjoint `runs`.
pub fn starts_in(runs: &[Span], span: Span) -> bool {
    run_at(runs, span.start).is_some()
}

/// True when one of the sorted, disjoint `runs` holds all of `span`.
pub fn covers(runs: &[Span], span: Span) -> bool {
    run_at(runs, span.start).is_some_and(|r| span.end <= r.end)
}

/// The run of the sorted, disjoint `runs` that holds byte `pos`, if any.
fn run_at(runs: &[Span], pos: usize) -> Option<&Span> {
    let i = runs.partition_point(|r| r.end <= pos);
    runs.get(i).filter(|r| r.start <= pos)
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
