//! Criterion benchmarks per pipeline stage and for the whole analyzer.
//!
//! Input: the bench corpus `../shared/data/bench/allsides_4k.jsonl.gz` is not read here
//! (criterion needs no gzip dependency); set `NEWSLENS_BENCH_JSONL` to a decompressed
//! JSON Lines file to use it (`NEWSLENS_BENCH_DOCS` caps the documents, default 500),
//! else a small bundled sample (`benches/data/sample.jsonl`: the seed article and its
//! paragraphs) is used so `cargo bench` works anywhere.

use std::hint::black_box;
use std::io::BufRead;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newslens::output::RecordRef;
use newslens::text::{sentences, tokenize};
use newslens::{batch, claims, Analyzer};

fn corpus_lines() -> Vec<String> {
    let path = std::env::var("NEWSLENS_BENCH_JSONL").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/sample.jsonl").to_string()
    });
    let limit: usize = std::env::var("NEWSLENS_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .take(limit)
        .collect()
}

fn corpus() -> Vec<String> {
    corpus_lines()
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let analyzer = Analyzer::new();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokenize", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                tokenize::tokenize_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("sentences", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                sentences::split_sentences_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("gazetteer", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                analyzer.gazetteer().find_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(claims::find_quotes(d).len());
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(analyzer.analyze(d).claims.len());
            }
        })
    });
    g.bench_function("analyze+serialize", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for d in &docs {
                out.clear();
                let a = analyzer.analyze(d);
                RecordRef::new("id", &a).write_json(&mut out);
                black_box(out.len());
            }
        })
    });
    // Serialization alone, on analyses made once.
    let analyses: Vec<_> = docs.iter().map(|d| analyzer.analyze(d)).collect();
    let records: Vec<RecordRef> = analyses.iter().map(|a| RecordRef::new("id", a)).collect();
    g.bench_function("serialize/serde_json", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for r in &records {
                serde_json::to_writer(&mut out, r).unwrap();
            }
            black_box(out.len());
        })
    });
    g.bench_function("serialize/write_json", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            for r in &records {
                r.write_json(&mut out);
            }
            black_box(out.len());
        })
    });
    g.finish();
    // Reading: JSON Lines parsing of the corpus lines.
    let lines = corpus_lines();
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(
        lines.iter().map(|l| l.len() as u64 + 1).sum(),
    ));
    g.sample_size(10);
    let opts = batch::Options::default();
    g.bench_function("parse_jsonl_line", |b| {
        b.iter(|| {
            for (i, l) in lines.iter().enumerate() {
                black_box(batch::parse_jsonl_line(l.as_bytes(), i as u64 + 1, &opts));
            }
        })
    });
    g.finish();
}

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("Analyzer::new", |b| {
        b.iter(|| black_box(Analyzer::new().lexicon().len()))
    });
    g.finish();
}

criterion_group!(benches, stages, startup);
criterion_main!(benches);
