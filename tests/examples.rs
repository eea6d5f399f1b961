//! The examples' code, run here so that it cannot rot: each example is compiled into
//! this test as a module and its functions checked against the CLI's output.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

mod common;

#[allow(dead_code)]
#[path = "../examples/batch.rs"]
mod batch_example;
#[allow(dead_code)]
#[path = "../examples/embed.rs"]
mod embed_example;
#[allow(dead_code)]
#[path = "../examples/stdin.rs"]
mod stdin_example;

fn cli(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("running newslens");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    out.stdout
}

fn sample() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/sample.jsonl"
    ))
}

#[test]
fn batch_example_writes_what_the_cli_writes() {
    let mut got = Vec::new();
    let summary = batch_example::analyze_corpus(&common::ANALYZER, sample(), &mut got).unwrap();
    let want = cli(
        &["analyze", "-q", "--jsonl", sample().to_str().unwrap()],
        b"",
    );
    assert_eq!(summary.documents, 8);
    assert_eq!(summary.errors, 0);
    assert!(
        got == want,
        "the batch example's output differs from the CLI's"
    );
}

#[test]
fn stdin_example_writes_what_the_cli_writes() {
    let text = common::seed();
    let got = stdin_example::record(&common::ANALYZER, "stdin", &text) + "\n";
    let want = cli(&["analyze", "-q"], text.as_bytes());
    assert_eq!(got, String::from_utf8(want).unwrap());
}

#[test]
fn embed_example_counts_people() {
    let docs = embed_example::analyze_strings(&common::ANALYZER);
    let counts = embed_example::by_person(&docs);
    let putin = &counts["Vladimir Putin"];
    // Two names and the pronoun linked to him; his two claims.
    assert_eq!((putin.mentions, putin.claims), (3, 2));
    assert_eq!(counts["Joe Biden"].claims, 1);
}

#[test]
fn embed_example_reads_cli_output() {
    let out = cli(
        &["analyze", "-q", "--jsonl", sample().to_str().unwrap()],
        b"",
    );
    let docs = embed_example::read_cli_output(&out[..]).unwrap();
    assert_eq!(docs.len(), out.lines().count());
    let lib: Vec<_> = sample_articles()
        .iter()
        .map(|(id, text)| common::ANALYZER.analyze_document(id, text))
        .collect();
    assert_eq!(docs, lib);
    assert_eq!(
        embed_example::by_person(&docs),
        embed_example::by_person(&lib)
    );
}

/// The sample's (id, text) pairs.
fn sample_articles() -> Vec<(String, String)> {
    std::fs::read_to_string(sample())
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
