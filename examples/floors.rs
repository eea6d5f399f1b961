//! The speed floors of issue #6, re-measured on the machine at hand.
//!
//! Issue #6 gives its throughput targets next to reference figures measured on the
//! team's 2-core VM: one pass of plain Rust over the bench corpus (JSON Lines read and
//! parse, Unicode word bounds, aho-corasick over about 39k names, and segmentation and
//! matching together). Virtual machines differ: the same newslens binary has run 2.8x
//! slower on one VM than on another. This program runs those same scans here, so a
//! newslens figure can be read against what this machine does with the simplest
//! possible pass over the same text, and the ratio compared with the reference one.
//!
//! ```text
//! zcat ../shared/data/bench/allsides_4k.jsonl.gz > /tmp/allsides.jsonl
//! cargo run --release --example floors -- /tmp/allsides.jsonl [RUNS]
//! ```
//!
//! The name list is built from the bundled lexicons (countries, organizations, then
//! people; canonical names, aliases and demonyms that open with a capital, each once)
//! and cut at 39,404 names, the size of the list behind the reference figures; it is
//! not the same list. A name opening in lower case or with a digit ("al-Qaeda",
//! "20th Century Fox") would switch off aho-corasick's start-byte prefilter and
//! measure something else (the reference notes that the prefilter skips lower-case
//! text). Each scan runs
//! `RUNS` times (default 5) and the median is printed, in MB/s of article text.

use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Size of the name list behind the reference figures (`../shared/docs/PERFORMANCE.md`).
const NAMES: usize = 39_404;

#[derive(serde::Deserialize)]
struct Doc {
    #[serde(default)]
    text: String,
}

/// Capitalized canonical names, aliases and demonyms of the bundled lexicons, each
/// once, up to [`NAMES`].
fn names() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons");
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for file in ["countries.tsv", "organizations.tsv", "people.tsv"] {
        let path = format!("{dir}/{file}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let (Some(canonical), Some(aliases), Some(demonyms)) =
            (col("canonical"), col("aliases"), col("demonyms"))
        else {
            panic!("{path}: no canonical, aliases or demonyms column");
        };
        for line in lines {
            let cols: Vec<&str> = line.split('\t').collect();
            let lists = [aliases, demonyms].map(|c| cols.get(c).copied().unwrap_or_default());
            let forms = cols
                .get(canonical)
                .into_iter()
                .copied()
                .chain(lists.into_iter().flat_map(|a| a.split('|')))
                .filter(|f| f.chars().next().is_some_and(char::is_uppercase));
            for form in forms {
                if out.len() == NAMES {
                    return out;
                }
                if seen.insert(form.to_string()) {
                    out.push(form.to_string());
                }
            }
        }
    }
    out
}

/// Median wall time of `runs` calls of `f`, in seconds.
fn median_secs(runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: floors CORPUS.jsonl [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<Doc>(l).ok())
        .map(|d| d.text)
        .collect();
    let text_mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let names = names();
    println!(
        "{} docs, {:.2} MB of text, {} names, median of {runs} runs",
        docs.len(),
        text_mb,
        names.len()
    );
    let build = |ci: bool| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ci)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&names)
            .expect("automaton")
    };
    let sensitive = build(false);
    let insensitive = build(true);
    let words = |d: &String| d.split_word_bounds().count();
    let both = |d: &String| words(d) + insensitive.find_iter(d.as_str()).count();
    let pool2 = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("thread pool");
    // (scan, reference MB/s from issue #6 and PERFORMANCE.md, seconds here)
    let rows: Vec<(&str, &str, f64)> = vec![
        (
            "JSONL read + parse (serde_json)",
            "240-351",
            median_secs(runs, || {
                let text = std::fs::read_to_string(&path).expect("corpus");
                text.lines()
                    .filter_map(|l| serde_json::from_str::<Doc>(l).ok())
                    .map(|d| d.text.len())
                    .sum()
            }),
        ),
        (
            "unicode-segmentation word bounds",
            "64-68",
            median_secs(runs, || docs.iter().map(words).sum()),
        ),
        (
            "aho-corasick NFA, case-sensitive",
            "169-200",
            median_secs(runs, || {
                docs.iter()
                    .map(|d| sensitive.find_iter(d.as_str()).count())
                    .sum()
            }),
        ),
        (
            "aho-corasick NFA, ASCII case-insensitive",
            "62-67",
            median_secs(runs, || {
                docs.iter()
                    .map(|d| insensitive.find_iter(d.as_str()).count())
                    .sum()
            }),
        ),
        (
            "word bounds + case-insensitive matching, 1 thread",
            "29-33",
            median_secs(runs, || docs.iter().map(both).sum()),
        ),
        (
            "word bounds + case-insensitive matching, 2 threads",
            "60-65",
            median_secs(runs, || pool2.install(|| docs.par_iter().map(both).sum())),
        ),
    ];
    println!("| scan | reference MB/s | here MB/s |");
    println!("|---|---|---|");
    for (name, reference, secs) in rows {
        println!("| {name} | {reference} | {:.1} |", text_mb / secs);
    }
}
