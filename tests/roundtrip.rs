//! The owned result types against the CLI's output, over the bench corpus
//! (`../shared/data/bench/allsides_4k.jsonl.gz`, 4,000 articles) and the PolNeAR dev
//! gold set:
//!
//! - every line the CLI prints, read into a [`newslens::Record`] and written again
//!   with `serde_json::to_string`, is the same bytes;
//! - the library's [`newslens::Analyzer::analyze_dated_document`] gives, for every
//!   article, the very record the CLI printed for it;
//! - error records (bad lines of the input) round-trip too.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newslens::batch::{Item, JsonlReader, Options};
use newslens::{Document, Record};

mod common;

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(
        p.exists(),
        "{} is missing: the round-trip test reads the shared corpora beside the repository",
        p.display()
    );
    p
}

/// The input as JSON Lines: gzip files through `gzip -dc`.
fn input(path: &Path) -> Vec<u8> {
    if path.extension().is_some_and(|e| e == "gz") {
        let out = Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .expect("running gzip -dc");
        assert!(out.status.success(), "gzip -dc {}", path.display());
        out.stdout
    } else {
        std::fs::read(path).unwrap()
    }
}

/// What `newslens analyze -q --jsonl` prints for `jsonl`, line by line.
fn cli_lines(jsonl: &[u8]) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["analyze", "-q", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("running newslens");
    let mut stdin = child.stdin.take().unwrap();
    let data = jsonl.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let lines: Vec<String> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(Result::unwrap)
        .collect();
    writer.join().unwrap().unwrap();
    child.wait().unwrap();
    lines
}

/// Each line read back and written again is the same bytes; returns the records.
fn round_trip(lines: &[String]) -> Vec<Record> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let rec: Record = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("line {}: {e}: {line:.200}", i + 1));
            let again = serde_json::to_string(&rec).unwrap();
            assert_eq!(&again, line, "line {} differs when written again", i + 1);
            rec
        })
        .collect()
}

/// The library's record of every article is the CLI's.
fn library_matches(jsonl: &[u8], records: &[Record]) {
    let articles: Vec<_> = JsonlReader::new(jsonl, "input", &Options::default()).collect();
    assert_eq!(articles.len(), records.len());
    let analyzer = &*common::ANALYZER;
    for (item, rec) in articles.iter().zip(records) {
        match (item, rec) {
            (Item::Doc(a), Record::Document(want)) => {
                let got = analyzer.analyze_dated_document(
                    &a.id,
                    &a.text,
                    a.title.as_deref(),
                    a.date.as_deref(),
                );
                assert_eq!(&got, want, "article {}", a.id);
                assert_eq!(
                    serde_json::to_string(&got).unwrap(),
                    serde_json::to_string(want).unwrap()
                );
            }
            (Item::Error(e), Record::Error(want)) => {
                assert_eq!(&newslens::ErrorRecord::from(e), want);
            }
            (item, rec) => panic!("{item:?} against {rec:?}"),
        }
    }
}

#[test]
fn bench_corpus_round_trips() {
    let jsonl = input(&shared("data/bench/allsides_4k.jsonl.gz"));
    let lines = cli_lines(&jsonl);
    assert_eq!(lines.len(), 4000);
    let records = round_trip(&lines);
    let docs: Vec<&Document> = records
        .iter()
        .filter_map(|r| match r {
            Record::Document(d) => Some(d),
            Record::Error(_) => None,
        })
        .collect();
    // The corpus exercises every optional part of the record.
    assert!(docs.iter().any(|d| d.title.is_some() && d.date.is_some()));
    let entities = || docs.iter().flat_map(|d| &d.entities);
    let claims = || docs.iter().flat_map(|d| &d.claims);
    assert!(entities().any(|e| e.nested));
    assert!(entities().any(|e| !e.roles.is_empty()));
    assert!(claims().any(|c| c.speaker.as_ref().is_some_and(|s| s.entity.is_none())));
    assert!(claims().any(|c| c.cue.as_ref().is_some_and(|q| q.class.is_none())));
    assert!(claims().any(|c| c.modality_cue.is_some()));
    library_matches(&jsonl, &records);
}

#[test]
fn gold_dev_set_round_trips() {
    let jsonl = input(&shared("data/gold/polnear_dev.jsonl"));
    let lines = cli_lines(&jsonl);
    let records = round_trip(&lines);
    library_matches(&jsonl, &records);
}

#[test]
fn error_records_round_trip() {
    let jsonl = b"{\"id\": \"a\", \"text\": \"Joe Biden said it.\"}\n\
        not json\n\
        {\"id\": \"b\"}\n\
        [1, 2]\n\
        {\"id\": {\"x\": 1}, \"text\": \"t\"}\n\
        {\"id\": 7, \"text\": 3}\n";
    let lines = cli_lines(jsonl);
    assert_eq!(lines.len(), 6);
    let records = round_trip(&lines);
    assert!(matches!(records[0], Record::Document(_)));
    let kinds: Vec<&str> = records[1..]
        .iter()
        .map(|r| match r {
            Record::Error(e) => e.error.kind.as_str(),
            Record::Document(d) => panic!("{d:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "invalid_json",
            "missing_text",
            "not_an_object",
            "invalid_id",
            "invalid_text"
        ]
    );
    library_matches(jsonl, &records);
}
